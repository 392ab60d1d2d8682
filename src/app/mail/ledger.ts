// What the product has sent: each mail is journalled (script properties) as it goes, then written to the ledger (a
// hidden tab only the product writes) and to the mail log staff read. Whether a mail was sent is asked of the ledger
// and the journal, never of the log: a log deleted or edited sends nothing twice, and setup rebuilds it.
import { periodName } from "../../domain/dashboard";
import { addDays, localDay } from "../../domain/dates";
import { TAB, unitLabel } from "../../domain/layout";
import { kindLabel } from "../../domain/mail-kinds";
import { REGISTRATION } from "../../domain/periods";
import { safeCell } from "../../domain/text";
import type { JournalEntry, MailRecord, RunRecord } from "../../ports";
import { advanceMarks, marksOf, readRows, windowStart } from "../daily/records";
import type { Run } from "../run/context";

export function mailLogRow(at: number, m: MailRecord): unknown[] {
  const result = m.sent ? m.result : `${m.result} (${m.key})`;
  const period = m.period ? periodName(m.period === "Đăng ký" ? REGISTRATION : m.period) : "";
  return [
    m.sent ? m.key : "",
    new Date(at),
    kindLabel(m.kind),
    unitLabel(m.unit, m.name),
    period,
    m.to.join(", "),
    m.cc.join(", "),
    m.subject,
    result,
  ].map(safeCell);
}

export function runLogRow(at: number, x: RunRecord): unknown[] {
  return [new Date(at), x.job, x.result, x.detail.slice(0, 45000)].map(safeCell);
}

/**
 * Keys of the mails sent since `days` days before today (a mail can only be due within its catch-up window), from
 * the ledger and the journal. One read.
 */
export function sentKeys(r: Run, days: number, tz: string): { keys: Set<string>; end: number } {
  const since = addDays(localDay(r.now, tz), -days);
  const marks = marksOf(r, "ledger");
  const start = windowStart(marks, { day: since });
  const rows = readRows(r, TAB.ledger, start, ["A", "A"]);
  const keys = new Set<string>();
  for (const row of rows) if (row[0]) keys.add(String(row[0]));
  // a mail whose run died as it went counts as sent until the quota says otherwise (settleMails): never twice
  for (const e of r.journal) {
    const m = e.data as MailRecord;
    if (e.type === "mail" && (m.sent || m.pending)) keys.add(m.key);
  }
  return { keys, end: start + rows.length };
}

/**
 * Journal → ledger; ledger → the mail log staff read (every ledger row the log does not have yet, receipts the submit
 * handler wrote straight to the ledger included); journal → run log. Then the journal entries written are cleared.
 * Entries a flush cut short had already written are recognised by key and skipped. One read of the ledger's tail.
 * `mailLog` false: the mail log is left to the next flush, which copies from where the log ends.
 */
export function flush(r: Run, tz: string, opts: { mailLog: boolean } = { mailLog: true }): void {
  // a pending record (its run died as the mail went) stays until it is settled
  const journal = r.p.state.load().journal.filter((e) => !(e.type === "mail" && (e.data as MailRecord).pending));
  const mails = journal.filter((e) => e.type === "mail") as (JournalEntry & { data: MailRecord })[];
  const runs = journal.filter((e) => e.type === "run");
  const marks = marksOf(r, "ledger");
  const logged = r.state.logCursor ?? marks.cursor;
  const start = Math.min(logged, windowStart(marks, { day: addDays(localDay(r.now, tz), -1) }));
  const tail = readRows(r, TAB.ledger, start, ["A", "I"]);
  const have = new Set(tail.map((row) => String(row[0] ?? "")));
  const fresh = mails.filter((e) => !e.data.sent || !have.has(e.data.key)).map((e) => mailLogRow(e.at, e.data));
  const end = start + tail.length;
  if (fresh.length) r.store.appendRows(TAB.ledger, fresh, end - 1);
  const toLog = [...tail.slice(Math.max(0, logged - start)), ...fresh];
  // with `mailLog` false (a sending run another follows within minutes) the ledger, the truth of what went, is written
  // and the staff's copy waits for that run: one append of five calls fewer, the log behind by a minute
  if (opts.mailLog && toLog.length) r.store.appendRows(TAB.mailLog, toLog);
  advanceMarks(r, "ledger", end + fresh.length, tz);
  // the log's cursor moves only with the log: deferred, it stays where the log ends
  r.state.logCursor = opts.mailLog ? end + fresh.length : logged;
  r.p.state.save({ marks: r.state.marks, logCursor: r.state.logCursor });
  const runRows = runs.map((e) => runLogRow(e.at, e.data as RunRecord));
  if (runRows.length) r.store.appendRows(TAB.runLog, runRows);
  r.p.state.clear(journal);
}
