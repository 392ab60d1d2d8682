// Mails composed from templates: what a unit owes, by when, and the one link that does it.
import { viDate, viMonthShort } from "../../domain/dates";
import type { FormId } from "../../domain/forms";
import { workOf } from "../../domain/mail-text";
import { type Deadline, deadlineOf, REGISTRATION } from "../../domain/periods";
import { currentRules, type Rules, registrationDue } from "../../domain/rules";
import type { Settings } from "../../domain/settings";
import { DEFAULT_TEMPLATE, fill, type MailKind, type Template, type Values } from "../../domain/templates";
import { type Unit, unitChoice } from "../../domain/units";
import { deadlineWords, monthlyDeadlinePhrase } from "../../domain/wording";
import type { FormRef, OutgoingMail } from "../../ports";

function templateFor(kind: MailKind, templates: Template[]): Template {
  return templates.find((t) => t.kind === kind) ?? DEFAULT_TEMPLATE[kind];
}

export function monthChoice(period: string): string {
  return `Tháng ${viMonthShort(period)}`;
}

export function formOf(period: string): FormId {
  return period === REGISTRATION ? "registration" : "monthly";
}

/** the deadline a unit is held to for a period: its own for registration (a unit that joined later), the period's otherwise */
export function deadlineFor(period: string, unit: Unit | undefined, s: Settings, rules: Rules = currentRules(s)): Deadline | undefined {
  if (period === REGISTRATION) return (unit ? registrationDue(unit, rules) : null) ?? rules.registration();
  return period ? rules.deadline(period) : undefined;
}

/** "Liên hệ: đồng chí Trần Thị Lan, điện thoại 028 3829 0000, Zalo 0909 123 456." with what the settings fill; empty when none */
function contactLine(s: Pick<Settings, "contactName" | "contactPhone" | "contactZalo">): string {
  const parts = [
    s.contactName?.trim() ?? "",
    s.contactPhone?.trim() ? `điện thoại ${s.contactPhone.trim()}` : "",
    s.contactZalo?.trim() ? `Zalo ${s.contactZalo.trim()}` : "",
  ].filter(Boolean);
  return parts.length ? `Cần trao đổi, đồng chí liên hệ: ${parts.join(", ")}.` : "";
}

export function baseValues(s: Settings, period: string, unit: Unit | undefined, deadline?: Deadline): Values {
  const d = deadline ?? (period ? deadlineOf(period, s) : undefined);
  // a monthly report whose month could not be read: the monthly deadline in general, no month named
  const month = period === "" ? { ky: "tháng (chưa xác định)", han_nop: monthlyDeadlinePhrase(s), ngay_han: "" } : {};
  return {
    to_chuc: s.orgShort,
    bo_phan: s.deskName,
    // templates say "Công đoàn cơ sở {{ten_don_vi}}" and "CĐCS {{ten_don_vi}}": the roster's prefix is not repeated
    ten_don_vi: (unit?.name ?? "").replace(/^(CĐCS|Công đoàn cơ sở)\s+/i, ""),
    ma_don_vi: unit?.code ?? "",
    chu_tich: unit?.chair ?? "",
    viec: workOf(period),
    ky: period === REGISTRATION ? "đăng ký" : period ? `tháng ${viMonthShort(period)}` : "",
    han_nop: d ? deadlineWords(d) : "",
    ten_ty_le: period === REGISTRATION ? "tỷ lệ đăng ký" : "tỷ lệ báo cáo",
    lien_he: contactLine(s),
    ngay_han: d ? viDate(d.due) : "",
    ...month,
  };
}

export function unitLink(
  refs: Partial<Record<FormId, FormRef>>,
  period: string,
  u: Unit,
  link: (ref: FormRef | undefined, unit: string, month?: string) => string,
): string {
  const form = formOf(period);
  const ref = refs[form];
  return link(ref, unitChoice(u), form === "monthly" ? monthChoice(period) : undefined) || ref?.publishedUrl || "";
}

export type Composed = { mail: OutgoingMail } | { errors: string[] };

/** whom a mail goes to, and whom it copies */
interface Addressees {
  to: string[];
  cc?: string[];
}

/** the template of `kind` filled with `values`; `buttons`: the label each link shows as a button */
export function compose(
  kind: MailKind,
  templates: Template[],
  values: Values,
  { to, cc = [] }: Addressees,
  buttons: Record<string, string> = {},
): Composed {
  const t = templateFor(kind, templates);
  const r = fill(t, { lien_he: "", ...values }, { buttons });
  if ("errors" in r) return { errors: r.errors.map((e) => `Mẫu thư “${t.label}”: ${e}`) };
  return { mail: { to, cc, subject: r.subject, text: r.text, html: r.html } };
}
