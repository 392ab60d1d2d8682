// Mails composed from templates: what a unit owes, by when, and the one link that does it.
import { viDate, viDateTime, viMonthShort } from "../domain/dates";
import type { FormId } from "../domain/forms";
import { CHANNEL_LABEL } from "../domain/layout";
import { deadlineOf, REGISTRATION } from "../domain/periods";
import { periodTitle } from "../domain/rollup";
import type { Settings } from "../domain/settings";
import { DEFAULT_TEMPLATES, fill, type MailKind, type Template, type Values } from "../domain/templates";
import { type Unit, unitChoice } from "../domain/units";
import { monthlyDeadlinePhrase } from "../domain/wording";
import type { FormRef, OutgoingMail } from "./ports";

export function templateFor(kind: MailKind, templates: Template[]): Template {
  return templates.find((t) => t.kind === kind) ?? (DEFAULT_TEMPLATES.find((t) => t.kind === kind) as Template);
}

export function monthChoice(period: string): string {
  return `Tháng ${viMonthShort(period)}`;
}

export function formOf(period: string): FormId {
  return period === REGISTRATION ? "registration" : "monthly";
}

export function dueText(period: string, s: Settings): string {
  const d = deadlineOf(period, s);
  return d.lastOnTime === d.due ? `đến hết ngày ${viDate(d.due)}` : `trước ngày ${viDate(d.due)}`;
}

export function workText(period: string): string {
  return period === REGISTRATION ? "thông tin đăng ký tài khoản Facebook" : periodTitle(period);
}

/** a monthly report whose month could not be read: the mail speaks of the monthly report, no month named */
export const SOME_MONTH = "monthly";

/** the period a version's mail is about: its own, or, when it could not be read, its form's */
export function mailPeriod(v: { period: string; form?: string }): string {
  return v.period || (v.form === "monthly" ? SOME_MONTH : REGISTRATION);
}

export function baseValues(s: Settings, period: string, unit: Unit | undefined): Values {
  if (period === SOME_MONTH) {
    return {
      ...baseValues(s, REGISTRATION, unit),
      viec: "báo cáo tháng",
      ky: "tháng (chưa xác định)",
      han_nop: monthlyDeadlinePhrase(s),
      ngay_han: "",
    };
  }
  return {
    to_chuc: s.orgShort,
    bo_phan: s.deskName,
    // templates say "Công đoàn cơ sở {{ten_don_vi}}" and "CĐCS {{ten_don_vi}}": the roster's prefix is not repeated
    ten_don_vi: (unit?.name ?? "").replace(/^(CĐCS|Công đoàn cơ sở)\s+/i, ""),
    ma_don_vi: unit?.code ?? "",
    chu_tich: unit?.chair ?? "",
    viec: workText(period),
    ky: period === REGISTRATION ? "đăng ký" : `tháng ${viMonthShort(period)}`,
    han_nop: dueText(period, s),
    ngay_han: viDate(deadlineOf(period, s).due),
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

export function compose(kind: MailKind, templates: Template[], values: Values, to: string[], cc: string[] = []): Composed {
  const t = templateFor(kind, templates);
  const r = fill(t, values);
  if ("errors" in r) return { errors: r.errors.map((e) => `Mẫu thư “${t.label}”: ${e}`) };
  return { mail: { to, cc, subject: r.subject, text: r.text, html: r.html } };
}

export function receiptValues(
  s: Settings,
  period: string,
  unit: Unit | undefined,
  at: number,
  channel: string,
  verdict: string,
  errors: string[],
  editUrl: string,
): Values {
  const v = baseValues(s, period, unit);
  v.thoi_diem_nhan = viDateTime(at, s.timeZone);
  v.kenh = (CHANNEL_LABEL[channel] ?? channel).toLowerCase();
  v.lien_ket_sua = editUrl || "(liên hệ bộ phận Tuyên giáo)";
  v.loi = errors.length ? errors : ["(không rõ)"];
  v.ket_qua =
    verdict === "unverified"
      ? "Email gửi không nằm trong danh sách email của đơn vị: báo cáo được ghi nhận sau khi bộ phận Tuyên giáo xác nhận."
      : "Nội dung đã được ghi nhận hợp lệ.";
  return v;
}
