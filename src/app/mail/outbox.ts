// Every mail the product sends (the daily job's, the follow-up's, receipts, rollups, alerts, the sidebar's) goes
// through one Outbox: journalled before it goes and after, so that a run cut as it sends is settled by the next.
import { addDays, localDay } from "../../domain/dates";
import { TAB } from "../../domain/layout";
import { fail, ok, type Result } from "../../domain/result";
import type { Settings } from "../../domain/settings";
import type { JournalEntry, MailRecord, OutgoingMail, Ports, Run } from "../../ports";
import { marksOf, readRows, windowStart } from "../daily/records";
import { messageOf } from "../run/errors";

/** Google ends a run at 6 minutes: a mail still pending this long after its run began belongs to a run that died */
export const SETTLE_AFTER_MS = 6 * 60000 + 30000;

/**
 * The mails of one run. Before a mail goes, its record is journalled as pending with the quota the account should
 * have left once it has gone (counted here from the one quota read of the run: no extra call per mail); after it, the
 * record is confirmed, in the same call as the next mail's intent (two calls a mail, as a record after the send
 * alone would take). A run cut between the send and the confirmation leaves a pending record: the next run of the
 * same account settles it from the quota it finds (settleMails), so that no mail goes twice and none is lost.
 */
class Outbox {
  private open: { id: string; rec: MailRecord; at: number } | null = null;
  private by = "";
  constructor(
    private p: Ports,
    private s: Settings,
    /** when the run began */
    private since: number,
  ) {}

  /** one mail out; its record journalled before and after. Its journal id, or MailApp's words when it refused it (recorded with why) */
  send(mail: OutgoingMail, rec: MailRecord): Result<string, string> {
    const n = mail.to.length + mail.cc.length;
    const after = this.p.mailer.remaining() - n;
    this.by ||= this.p.effectiveUser();
    const entries: Parameters<Ports["state"]["write"]>[0] = [
      { type: "mail", data: { ...rec, sent: false, result: "Đang gửi", pending: { after, by: this.by, since: this.since } } },
    ];
    if (this.open) entries.push({ id: this.open.id, type: "mail", data: this.open.rec, at: this.open.at });
    const [id] = this.p.state.write(entries);
    this.open = null;
    try {
      this.p.mailer.send(mail, this.s);
    } catch (e) {
      const error = messageOf(e);
      // said in the mail log with the reason; still due, so a later run tries again within the catch-up window
      this.p.state.write([{ id, type: "mail", data: { ...rec, sent: false, result: `Lỗi: ${error.slice(0, 200)}` } }]);
      return fail(error);
    }
    this.open = { id, rec: { ...rec, sent: true }, at: this.p.clock.now() };
    return ok(id);
  }

  /** the last mail's record confirmed (a run calls it once it has sent what it will) */
  close(): void {
    if (!this.open) return;
    const o = this.open;
    this.open = null;
    this.p.state.write([{ id: o.id, type: "mail", data: o.rec, at: o.at }]);
  }

  /** the last mail's pending record, for a caller that records it elsewhere (the submit handler, in the ledger) */
  take(): { id: string; rec: MailRecord; at: number } | null {
    const o = this.open;
    this.open = null;
    return o;
  }
}

const boxes = new WeakMap<Ports, Outbox>();

/** the run's outbox (one per execution: its quota count and its last record are shared by every sender in it) */
export function outboxOf(p: Ports, s: Settings, since = p.clock.now()): Outbox {
  let box = boxes.get(p);
  if (!box) {
    box = new Outbox(p, s, since);
    boxes.set(p, box);
  }
  return box;
}

const recipients = (m: { to: string[]; cc: string[] }) => m.to.length + m.cc.length;

/**
 * Pending mail records left by runs that died (older than a run can last) are settled: the sending account's quota,
 * read once, says whether the mail went (less left than expected once it had gone, counting the mails recorded since)
 * or not (the record goes, and the mail is due again). A record of another account, or a quota that has been renewed
 * since, cannot be told apart: it is taken as sent (never twice), and the run log says so.
 */
export function settleMails(r: Run): string[] {
  const open = r.journal.filter(
    (e) => e.type === "mail" && (e.data as MailRecord).pending && r.now - ((e.data as MailRecord).pending?.since ?? e.at) > SETTLE_AFTER_MS,
  ) as (JournalEntry & { data: MailRecord })[];
  if (!open.length) return [];
  const me = r.p.effectiveUser();
  const quota = r.p.mailer.remaining();
  const tz = r.state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";
  // what went since the oldest: the journal's records, and the ledger's rows the submit handler wrote itself
  const oldest = Math.min(...open.map((e) => e.at));
  const start = windowStart(marksOf(r, "ledger"), { day: addDays(localDay(oldest, tz), -1) });
  const since: { at: number; n: number }[] = [];
  const inJournal = new Set<string>();
  for (const e of r.journal) {
    const m = e.data as MailRecord;
    if (e.type !== "mail" || !m.sent) continue;
    inJournal.add(m.key);
    since.push({ at: e.at, n: recipients(m) });
  }
  try {
    for (const row of readRows(r, TAB.ledger, start, ["A", "G"])) {
      const at = row[1] instanceof Date || Object.prototype.toString.call(row[1]) === "[object Date]" ? (row[1] as Date).getTime() : 0;
      if (!row[0] || inJournal.has(String(row[0])) || at <= oldest) continue;
      const n = [row[5], row[6]]
        .map(
          (c) =>
            String(c ?? "")
              .split(",")
              .filter((x) => x.trim()).length,
        )
        .reduce((a, b) => a + b, 0);
      since.push({ at, n });
    }
  } catch {
    // a ledger that cannot be read: the journal's records alone
  }
  const notes: string[] = [];
  const out: Parameters<Ports["state"]["write"]>[0] = [];
  for (const e of open) {
    const { pending, ...rec } = e.data;
    const later = since.filter((x) => x.at > e.at).reduce((a, x) => a + x.n, 0);
    const before = (pending?.after ?? 0) + recipients(rec);
    let went: boolean;
    if (pending?.by !== me || quota > before) {
      went = true;
      notes.push(
        `Thư ${rec.key}: lần chạy gửi thư bị dừng ngay lúc gửi, không xác định được thư đã đi hay chưa; coi như đã gửi để không gửi hai lần.`,
      );
    } else went = quota <= (pending?.after ?? 0) - later;
    const data: MailRecord | null = went ? { ...rec, sent: true, result: "Đã gửi" } : null;
    out.push({ id: e.id, type: "mail", data, at: e.at });
    if (data) e.data = data;
  }
  r.p.state.write(out);
  r.journal = r.journal.filter((e) => !(e.data as MailRecord).pending);
  return notes;
}
