// Each kind of mail composed for what it is about and what is true of the unit: a unit that owes a report (nothing
// received, received but to be fixed, waiting for confirmation), a response to acknowledge (on time, late, waiting).

import { localDay, viDateTime } from "../../domain/dates";
import { type FormAnswers, SPECS } from "../../domain/forms";
import { answerLines, errorsOfNotes } from "../../domain/forms/spec";
import { type KindWordedBy, MAIL_KIND } from "../../domain/mail-kinds";
import { buttonOf, channelWords, type MailFacts, mailWords } from "../../domain/mail-text";
import { daysLate } from "../../domain/periods";
import type { Rules } from "../../domain/rules";
import type { DueMail } from "../../domain/schedule";
import type { Settings } from "../../domain/settings";
import type { Version } from "../../domain/status";
import type { MailKind, Template, Values } from "../../domain/templates";
import type { Unit } from "../../domain/units";
import type { FormGateway, State } from "../../ports";
import type { Run } from "../run/context";
import { baseValues, type Composed, compose, deadlineFor, formOf, unitLink } from "./mails";

export interface ComposeContext {
  s: Settings;
  templates: Template[];
  forms: State["forms"];
  link: FormGateway["prefilledLink"];
  /** when the mail is written: the days left are counted from it (the mail's own stage day when absent) */
  now?: number;
  /** the rules periods are held to (today's settings when absent) */
  rules?: Rules;
}

/** what composing needs from a run: the templates, the forms' links, the clock, the rules */
export function composeContext(r: Run, s: Settings, rules: Rules): ComposeContext {
  return { s, templates: r.state.templates, forms: r.state.forms, link: r.p.forms.prefilledLink, now: r.now, rules };
}

/** a mail due today, written out; rollups are composed by their own run (src/app/report/rollup.ts) */
export function composeDue(d: DueMail, unit: Unit | undefined, c: ComposeContext): Composed {
  switch (d.kind) {
    case "invite":
    case "reminder":
    case "overdue":
      return unitMail(d, d.kind, unit, c);
    case "receipt":
    case "invalid":
      return receiptMail(d, unit, c);
    case "rollup":
      return { errors: [`${MAIL_KIND.rollup.label} ${d.period}: gửi bằng lần chạy tổng hợp`] };
    case "urgent":
    case "alert":
      // composed where they arise (a stored report, a stopped job), never planned by the daily schedule
      return { errors: [`${MAIL_KIND[d.kind].label}: gửi ngay khi có việc, không theo lịch`] };
    default: {
      const unknown: never = d.kind;
      return { errors: [`loại thư không rõ: ${String(unknown)}`] };
    }
  }
}

const today = (d: DueMail, c: ComposeContext) => (c.now ? localDay(c.now, c.s.timeZone) : d.stage);

/** what was received, for the mail's {{thoi_diem_nhan}}, {{kenh}} */
function versionValues(v: Version | undefined, s: Settings): Values {
  return { thoi_diem_nhan: v ? viDateTime(v.at, s.timeZone) : "", kenh: v ? channelWords(v.channel).replace(/^(qua|bằng) /, "") : "" };
}

/** an invitation, a reminder or an overdue notice: what the unit still owes, and the link that does it */
function unitMail(d: DueMail, kind: KindWordedBy<"owed">, unit: Unit | undefined, c: ComposeContext): Composed {
  if (!unit?.emails.length) return { errors: [`đơn vị ${d.unit} chưa có email trong danh sách đơn vị`] };
  const { s } = c;
  const deadline = d.deadline ?? deadlineFor(d.period, unit, s, c.rules);
  const status = d.status === "invalid" || d.status === "unverified" ? d.status : "missing";
  const v = status === "missing" ? undefined : d.version;
  const errors = v && status === "invalid" ? errorsOf(v, d.period) : [];
  // a report that needs fixing is fixed where it stands: its edit link, not a new response
  const edit = status === "invalid" && !!v?.editUrl;
  const facts: MailFacts = {
    kind,
    period: d.period,
    today: today(d, c),
    deadline,
    status,
    version: v,
    errors,
    answers: [],
    editLink: edit,
  };
  const words = mailWords(facts, s);
  const values: Values = {
    ...baseValues(s, d.period, unit, deadline),
    ...words,
    ...versionValues(v, s),
    // a report waiting for staff needs no second one: no link to the form (the unit replies, or staff confirm)
    lien_ket: edit && v?.editUrl ? v.editUrl : status === "unverified" ? "" : unitLink(c.forms, d.period, unit, c.link),
    lien_ket_sua: v?.editUrl ?? "",
    so_ngay_tre: String(d.daysLate ?? 0),
    ket_qua: words.tinh_trang,
    loi: errors,
    noi_dung: [],
  };
  const buttons = { lien_ket: buttonOf(d.period, edit), lien_ket_sua: buttonOf(d.period, true) };
  return compose(d.kind, c.templates, values, { to: unit.emails, cc: d.kind === "overdue" ? c.s.overdueCc : [] }, buttons);
}

/** the form a version answers (a version whose month could not be read still belongs to the monthly form) */
const formOfVersion = (v: Version, period: string) => v.form ?? formOf(period);

/** the reasons a version was refused, from its notes (every note when none names a question) */
function errorsOf(v: Version, period: string): string[] {
  const notes = v.notes ?? "";
  const found = errorsOfNotes(SPECS[formOfVersion(v, period)], notes);
  return found.length ? found : notes.split("\n").filter(Boolean);
}

/** a receipt, or a request to fix: to whoever sent it and to the unit's own addresses */
function receiptMail(d: DueMail, unit: Unit | undefined, c: ComposeContext): Composed {
  const v = d.version;
  if (!v) return { errors: [`thư ${d.key}: không có phản hồi kèm theo`] };
  const { s } = c;
  const period = v.period || d.period || "";
  const own = unit?.emails ?? [];
  // the sender is told, and so is the unit: a report from an address the roster does not know reaches the chair too
  const to = [...new Set([...(v.channel === "form" && v.email ? [v.email] : []), ...own])];
  if (!to.length) return { errors: [`đơn vị ${d.unit} chưa có email trong danh sách đơn vị`] };
  const deadline = d.deadline ?? deadlineFor(period, unit, s, c.rules);
  const kind: MailKind = d.kind === "invalid" ? "invalid" : "receipt";
  // a response staff rejected (its sender): nothing in it to fix, and its edit link would only be rejected again
  const rejected = kind === "invalid" && !!v.rejected;
  const errors = kind === "invalid" && !rejected ? errorsOf(v, period) : [];
  // the answers a run has for a version: a submit, the reconcile and staff's entries carry them; `withAnswers` reads
  // the others' rows before composing
  const answers = d.answers ?? v.answers;
  const spec = SPECS[formOfVersion(v, period)];
  const lines =
    kind === "receipt" && answers ? answerLines(spec, { ...answers, unit: v.unit || answers.unit, month: period || answers.month }) : [];
  const facts: MailFacts = {
    kind,
    period,
    today: today(d, c),
    deadline,
    status: d.status,
    version: v,
    counted: d.counted,
    errors,
    answers: lines,
    editLink: !rejected && !!v.editUrl,
    reason: rejected ? v.notes : undefined,
  };
  const words = mailWords(facts, s);
  const form = unit && period ? unitLink(c.forms, period, unit, c.link) : "";
  if (rejected && form) words.chi_tiet = `Biểu mẫu riêng của đơn vị (gửi lại từ email của đơn vị):\n${form}`;
  const values: Values = {
    ...baseValues(s, period, unit, deadline),
    ...words,
    ...versionValues(v, s),
    lien_ket: (!rejected && v.editUrl) || form,
    lien_ket_sua: rejected ? "" : (v.editUrl ?? ""),
    so_ngay_tre: String(deadline ? daysLate(v.at, deadline, s.timeZone) : 0),
    ket_qua: words.tinh_trang,
    loi: errors,
    noi_dung: lines,
  };
  const buttons = { lien_ket: buttonOf(period, !rejected && !!v.editUrl), lien_ket_sua: buttonOf(period, true) };
  return compose(kind, c.templates, values, { to }, buttons);
}

/**
 * What a form response gets at once from the submit handler: a request to fix, a receipt on time, a receipt that says
 * it waits for staff. A receipt for a version that arrived after the deadline is left to the daily job: it may be an
 * edit of a report already counted on time, and only the daily job reads which report the unit is counted by.
 */
export function immediateReceipt(
  c: ComposeContext,
  kind: MailKind,
  v: Version,
  unit: Unit | undefined,
  answers: FormAnswers,
): Composed | null {
  const deadline = deadlineFor(v.period, unit, c.s, c.rules);
  if (kind === "receipt" && v.verdict === "accepted" && deadline && daysLate(v.at, deadline, c.s.timeZone) > 0) return null;
  const d: DueMail = { kind, key: "", period: v.period, unit: v.unit, stage: localDay(v.at, c.s.timeZone), version: v, answers, deadline };
  return composeDue(d, unit, c);
}
