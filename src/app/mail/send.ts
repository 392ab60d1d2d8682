// Sending what is due: in priority order, each mail journalled before it goes and after, within the quota and the
// run's own clock. What the clock leaves goes to the queue tab for the follow-up run. Every mail the product sends
// (the daily job's, the follow-up's, receipts, rollups, alerts, the sidebar's) goes through one Outbox.

import { localDay } from "../../domain/dates";
import { TAB } from "../../domain/layout";
import { kindLabel, priorityWords } from "../../domain/mail-kinds";
import { bodyBytes, MAIL_LIMITS, overLimits } from "../../domain/mail-limits";
import type { DueMail } from "../../domain/schedule";
import type { Settings } from "../../domain/settings";
import type { Unit } from "../../domain/units";
import type { MailRecord, OutgoingMail } from "../../ports";
import { periodLabel } from "../daily/status-store";
import type { Run } from "../run/context";
import { type ComposeContext, composeDue } from "./compose";
import { outboxOf } from "./outbox";

/** Google stops a run at 6 minutes; sending stops at 4, leaving room for the writes that close the run */
export const SEND_BUDGET_MS = 4 * 60000;

/** MailApp's quota comes back 24 hours after the first send (https://developers.google.com/apps-script/guides/services/quotas) */
export const QUOTA_WINDOW_MS = 86400000;

interface Sent {
  sent: number;
  /** held back by the quota, for the next run within the catch-up window */
  short: number;
  /** the mails the quota held back */
  held: Queued[];
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
  const out: Sent = { sent: 0, short: 0, held: [], queued: 0, rest: [], failed: 0, notes: [], stalled: false };
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
      } else {
        out.short++;
        out.held.push(q);
      }
      continue;
    }
    const m = composeDue(d, q.unit, c);
    if ("errors" in m) {
      out.notes.push(`${d.kind} ${d.unit ?? ""} ${d.period}: ${m.errors.join("; ")}`);
      continue;
    }
    const mail = fitted(d, q, c, m.mail);
    const n = mail.to.length + mail.cc.length;
    if (left - n < (d.kind === "receipt" || d.kind === "invalid" ? 0 : opts.reserve)) {
      out.short++;
      out.held.push(q);
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
    const over = overLimits({ ...mail, to: [], cc: [], subject: "" });
    if (over.length) {
      // Google would refuse it as it stands: said in the mail log and the run log, never handed to MailApp
      const why = `Không gửi: ${over.join("; ")}`;
      r.p.state.record("mail", { ...rec, sent: false, result: why });
      out.notes.push(`${kindLabel(d.kind)} ${d.unit ?? ""} ${periodLabel(d.period)}: ${why} (xem mẫu thư “${kindLabel(d.kind)}”).`);
      out.failed++;
      continue;
    }
    if (!box.send(mail, rec).ok) {
      out.failed++;
      continue;
    }
    left -= n;
    out.sent++;
    // the first send of a new quota window: the quota comes back 24 hours after it
    const now = r.p.clock.now();
    if (!r.state.quotaFrom || now >= r.state.quotaFrom + QUOTA_WINDOW_MS) r.state.quotaFrom = now;
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

/**
 * A mail as Google takes it: a receipt whose quoted answers would carry it past 200 KB goes without them (the form and
 * the report tab keep them). The subject is cut and the recipients grouped by the mailer itself.
 */
function fitted(d: DueMail, q: Queued, c: ComposeContext, mail: OutgoingMail): OutgoingMail {
  if (bodyBytes(mail) <= MAIL_LIMITS.bodyBytes || (d.kind !== "receipt" && d.kind !== "invalid")) return mail;
  const again = composeDue({ ...d, answers: {} }, q.unit, c);
  return "mail" in again ? again.mail : mail;
}

/**
 * The day's mails the quota held back, beside the queue (column C of the queue tab, a key a row): the Zalo list shows
 * staff who was not reached today. The daily run starts the day's list; its follow-up runs add to it. The caller saves
 * `state.held` with the rest of its state.
 */
export function keepHeld(r: Run, held: Queued[], tz: string, startOfDay: boolean): void {
  const h = heldColumn(r, held, tz, startOfDay);
  if (h.rows.length)
    r.store.writeRows(
      TAB.queue,
      2 + h.from,
      h.rows.map((k) => [k]),
      HELD_COL,
    );
  // saved with the run's other state
  r.state.held = h.state;
}

/** the held list's cells from row 2 + `from` (a shorter list than the one it replaces blanks what is left of it), and
 * the state that says how long it is */
function heldColumn(
  r: Run,
  held: Queued[],
  tz: string,
  startOfDay: boolean,
): { from: number; rows: string[]; state: { day: string; n: number } } {
  const day = localDay(r.now, tz);
  const was = r.state.held?.day === day && !startOfDay ? r.state.held.n : 0;
  const before = r.state.held?.n ?? 0;
  const rows = held.map((q) => q.d.key);
  while (!was && rows.length < before) rows.push("");
  return { from: was, rows, state: { day, n: was + held.length } };
}

/**
 * The daily run's queue for the follow-up runs (written once; they move a pointer through it) and the day's held list
 * (a new day's), in one write of the queue tab's
 * columns A to C when there are both (two Sheets calls fewer): rows past the queue's length are past its pointer, and
 * cells past the held list's are blank, as keepHeld leaves them.
 */
export function writeQueueAndHeld(r: Run, rest: Queued[], held: Queued[], tz: string): void {
  if (!rest.length) {
    keepHeld(r, held, tz, true);
    return;
  }
  const h = heldColumn(r, held, tz, true);
  const queue = (q: Queued | undefined) => (q ? [q.d.key, JSON.stringify(q)] : ["", ""]);
  const rows = h.rows.length
    ? Array.from({ length: Math.max(rest.length, h.rows.length) }, (_, i) => [...queue(rest[i]), h.rows[i] ?? ""])
    : rest.map(queue);
  r.store.writeRows(TAB.queue, 2, rows);
  r.state.held = h.state;
}

/** the keys of the mails the quota held back today (empty on another day) */
export function heldToday(r: Run, tz: string): string[] {
  const h = r.state.held;
  if (!h?.n || h.day !== localDay(r.now, tz)) return [];
  return r.store
    .readBlock(TAB.queue, `C2:C${h.n + 1}`)
    .map((row) => String(row[0] ?? ""))
    .filter(Boolean);
}

/** the queue tab's column C (its header says what it holds: src/app/tabs.ts) */
const HELD_COL = 3;

/** the queue from the mail the last run stopped at */
export function readQueue(r: Run): Queued[] {
  const { rows, next } = r.state.queue;
  if (next >= rows) return [];
  const block = r.store.readBlock(TAB.queue, `A${2 + next}:B${rows + 1}`);
  return block.map((row) => JSON.parse(String(row[1])) as Queued);
}
