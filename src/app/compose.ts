// Each kind of mail composed for what it is about: a unit that owes a report, a response to acknowledge.

import { MAIL_KIND } from "../domain/mail-kinds";
import type { DueMail } from "../domain/schedule";
import type { Settings } from "../domain/settings";
import type { Template } from "../domain/templates";
import type { Unit } from "../domain/units";
import { baseValues, type Composed, compose, mailPeriod, receiptValues, unitLink } from "./mails";
import type { FormGateway, State } from "./ports";

export interface ComposeContext {
  s: Settings;
  templates: Template[];
  forms: State["forms"];
  link: FormGateway["prefilledLink"];
}

/** a mail due today, written out; rollups are composed by their own run (src/app/rollup.ts) */
export function composeDue(d: DueMail, unit: Unit | undefined, c: ComposeContext): Composed {
  switch (d.kind) {
    case "reminder":
    case "overdue":
      return unitMail(d, unit, c);
    case "receipt":
    case "invalid":
      return receiptMail(d, unit, c);
    case "rollup":
      return { errors: [`${MAIL_KIND.rollup.label} ${d.period}: gửi bằng lần chạy tổng hợp`] };
    default: {
      const unknown: never = d.kind;
      return { errors: [`loại thư không rõ: ${String(unknown)}`] };
    }
  }
}

function unitMail(d: DueMail, unit: Unit | undefined, c: ComposeContext): Composed {
  if (!unit?.emails.length) return { errors: [`đơn vị ${d.unit} chưa có email trong danh sách đơn vị`] };
  const values = baseValues(c.s, d.period, unit);
  values.lien_ket = unitLink(c.forms, d.period, unit, c.link);
  values.so_ngay_tre = String(d.daysLate ?? 0);
  return compose(d.kind, c.templates, values, unit.emails, d.kind === "overdue" ? c.s.overdueCc : []);
}

function receiptMail(d: DueMail, unit: Unit | undefined, c: ComposeContext): Composed {
  const v = d.version;
  if (!v) return { errors: [`thư ${d.key}: không có phản hồi kèm theo`] };
  const errors = (v.notes ?? "").split("\n").filter(Boolean);
  // a report staff recorded goes to the unit's own addresses; a form response, to whoever sent it
  const own = unit?.emails ?? [];
  const to = v.channel !== "form" ? own : d.to === "both" ? [...new Set([v.email, ...own].filter(Boolean))] : [v.email];
  if (!to.length) return { errors: [`đơn vị ${d.unit} chưa có email trong danh sách đơn vị`] };
  const values = receiptValues(c.s, mailPeriod(v), unit, v.at, v.channel, v.verdict, errors, v.editUrl ?? "");
  return compose(d.kind === "invalid" ? "invalid" : "receipt", c.templates, values, to);
}
