// Sending what is due: in priority order, each mail journalled before it goes and after, within the quota and the
// run's own clock. What the clock leaves goes to the queue tab for the follow-up run. Every mail the product sends
// (the daily job's, the follow-up's, receipts, rollups, alerts, the sidebar's) goes through one Outbox.

import { TAB } from "../domain/layout";
import { priorityWords } from "../domain/mail-kinds";
import type { DueMail } from "../domain/schedule";
import type { Settings } from "../domain/settings";
import type { Unit } from "../domain/units";
import { type ComposeContext, composeDue } from "./compose";
import type { Run } from "./context";
import { outboxOf } from "./outbox";
import type { MailRecord } from "./ports";

/** Google stops a run at 6 minutes; sending stops at 4, leaving room for the writes that close the run */
export const SEND_BUDGET_MS = 4 * 60000;

interface Sent {
  sent: number;
  /** held back by the quota, for the next run within the catch-up window */
  short: number;
  /** left by the clock to the follow-up run: the mails from this one on */
  queued: number;
  rest: Queued[];
  /** could not be composed or MailApp refused them: written to the mail log with the reason */
  failed: number;
  notes: string[];
  /** the clock ran out before a single mail went out */
  stalled: boolean;
}

export interface Queued {
  d: DueMail;
  unit?: Unit;
}

/**
 * Sends `due` (rollups excepted: they go by their own run, and `reserve` recipients of the quota are kept for them).
 * Receipts and requests to fix may use the reserve: they come first anyway.
 */
export function send(r: Run, s: Settings, due: Queued[], c: ComposeContext, opts: { stopAt: number; reserve: number }): Sent {
  const out: Sent = { sent: 0, short: 0, queued: 0, rest: [], failed: 0, notes: [], stalled: false };
  let left = due.length ? r.p.mailer.remaining() : 0;
  const box = outboxOf(r.p, s, r.now);
  const rest: Queued[] = [];
  let queuedQuota = 0;
  for (const q of due) {
    const { d } = q;
    if (d.kind === "rollup") continue;
    if (rest.length || r.p.clock.now() > opts.stopAt) {
      // the follow-up run gets what today's quota can still carry; the rest is due again tomorrow
      const n = (q.unit?.emails.length ?? 1) + (d.kind === "overdue" ? s.overdueCc.length : 0);
      if (queuedQuota + n <= left - opts.reserve || d.kind === "receipt" || d.kind === "invalid") {
        queuedQuota += n;
        rest.push(q);
      } else out.short++;
      continue;
    }
    const m = composeDue(d, q.unit, c);
    if ("errors" in m) {
      out.notes.push(`${d.kind} ${d.unit ?? ""} ${d.period}: ${m.errors.join("; ")}`);
      continue;
    }
    const mail = m.mail;
    const n = mail.to.length + mail.cc.length;
    if (left - n < (d.kind === "receipt" || d.kind === "invalid" ? 0 : opts.reserve)) {
      out.short++;
      continue;
    }
    const rec: MailRecord = {
      key: d.key,
      kind: d.kind,
      unit: d.unit ?? "",
      name: q.unit?.name,
      period: d.period,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      result: "Đã gửi",
      sent: true,
    };
    if (!box.send(mail, rec).ok) {
      out.failed++;
      continue;
    }
    left -= n;
    out.sent++;
  }
  box.close();
  if (rest.length) {
    out.queued = rest.length;
    out.rest = rest;
    out.stalled = out.sent === 0 && left > 0;
  }
  if (out.short) out.notes.push(`Hạn mức gửi thư không đủ: ${out.short} thư để lại cho lần chạy sau (ưu tiên: ${priorityWords()}).`);
  return out;
}

/** the mails a run cut short leaves for the next: written once; the follow-up runs move a pointer through them */
export function writeQueue(r: Run, rest: Queued[]): void {
  r.store.writeRows(
    TAB.queue,
    2,
    rest.map((q) => [q.d.key, JSON.stringify(q)]),
  );
}

/** the queue from the mail the last run stopped at */
export function readQueue(r: Run): Queued[] {
  const { rows, next } = r.state.queue;
  if (next >= rows) return [];
  const block = r.store.readBlock(TAB.queue, `A${2 + next}:B${rows + 1}`);
  return block.map((row) => JSON.parse(String(row[1])) as Queued);
}
