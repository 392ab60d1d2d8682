// Urgent matters (scenario Revision 3): the `urgent` mail to the leaders and the staff the moment a version that says
// one is stored: by the submit handler (at the response's time), by staff recording a paper report, or by the daily run
// (a submit event Google never delivered, a handler cut off before it mailed, a mail the quota held back). One mail per
// response, unit and text: the ledger's key says whether it went.
import { SPECS } from "../../domain/forms";
import { answerFields } from "../../domain/forms/spec";
import { colLetter, KEY_COLS, TAB } from "../../domain/layout";
import { answersOfRow, parseVersionRows } from "../../domain/rows";
import { rulesOf } from "../../domain/rules";
import type { Settings } from "../../domain/settings";
import type { Version } from "../../domain/status";
import type { Template, Values } from "../../domain/templates";
import type { Unit } from "../../domain/units";
import {
  senderUnverified,
  type UrgentFacts,
  type UrgentMatter,
  urgentKey,
  urgentMatters,
  urgentText,
  urgentWords,
} from "../../domain/urgent";
import type { MailRecord, OutgoingMail, Ports, State, Store } from "../../ports";
import { baseValues, type Composed, compose, deadlineFor } from "../mail/mails";
import { outboxOf } from "../mail/outbox";
import type { Run } from "../run/context";
import { columnsOf } from "./records";

/** the leaders (rollupTo) and the staff accounts (settings); the account running when both lists are empty */
function urgentRecipients(s: Settings, running?: string): string[] {
  const all = [...s.rollupTo, ...s.staffEmails].map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (!all.length && running) all.push(running.toLowerCase());
  return [...new Set(all)];
}

/** the urgent mail for one stored version */
function composeUrgent(s: Settings, templates: Template[], sheetUrl: string, f: UrgentFacts, to: string[]): Composed {
  if (!to.length)
    return { errors: ["chưa có người nhận: ghi “Người nhận tổng hợp” hoặc “Tài khoản cán bộ dùng hệ thống” ở trang Cài đặt"] };
  const period = f.v.period;
  const deadline = period ? deadlineFor(period, f.unit, s, rulesOf(s, undefined)) : undefined;
  const words = urgentWords(f, s);
  const base = baseValues(s, period, f.unit, deadline);
  const values: Values = {
    ...base,
    ten_don_vi: base.ten_don_vi || "(đơn vị chưa xác định)",
    ...words,
    viec_can_lam: "nắm tình hình, chỉ đạo xử lý",
    con_lai: "",
    lien_ket: sheetUrl,
    lien_ket_sua: "",
    so_ngay_tre: "0",
    thoi_diem_nhan: "",
    kenh: "",
    ket_qua: words.tinh_trang,
    loi: [],
    noi_dung: [],
    ty_le_bao_cao: "",
    ty_le_dung_han: "",
    viec_can_lam_cb: "",
  };
  return compose("urgent", templates, values, { to }, { lien_ket: "Mở bảng tính theo dõi báo cáo" });
}

function urgentRecord(f: UrgentFacts, mail: OutgoingMail): MailRecord {
  return {
    key: urgentKey(f.v.responseId, f.v.unit, f.text),
    kind: "urgent",
    unit: f.v.unit,
    name: f.unit?.name,
    period: f.v.period,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    result: "Đã gửi",
    sent: true,
  };
}

/** sends one urgent mail through the run's outbox (journalled before and after it goes); what went wrong, or "" */
function sendOne(p: Ports, s: Settings, state: State, f: UrgentFacts, to: string[]): string {
  const c = composeUrgent(s, state.templates, state.sheetUrl ?? "", f, to);
  if ("errors" in c) return c.errors.join("; ");
  const rec = urgentRecord(f, c.mail);
  if (p.mailer.remaining() < c.mail.to.length) {
    p.state.record("mail", { ...rec, sent: false, result: "Lỗi: hết hạn mức gửi thư hôm nay" });
    return "hết hạn mức gửi thư hôm nay; gửi ở lần chạy hằng ngày sau";
  }
  const box = outboxOf(p, s);
  const out = box.send(c.mail, rec);
  if (!out.ok) return `${out.problem}; gửi ở lần chạy hằng ngày sau`;
  box.close();
  return "";
}

/** the responses whose urgent mail is owed, after some went or failed */
function owe(p: Ports, state: State, failed: string[], done: string[]): void {
  const before = state.urgentOwed ?? [];
  const after = [...new Set([...before.filter((x) => !done.includes(x)), ...failed])];
  if (JSON.stringify(after) === JSON.stringify(before)) return;
  state.urgentOwed = after;
  p.state.save({ urgentOwed: after });
}

/**
 * Sends the urgent mails of `items` whose key is not in `sent` (each journalled as it goes, and added to `sent`); one
 * that cannot go now is owed, and the daily run sends it. Returns what the run log says.
 */
export function sendUrgent(r: Run, s: Settings, items: UrgentFacts[], sent: Set<string>): string[] {
  const notes: string[] = [];
  const to = urgentRecipients(s, r.p.effectiveUser());
  const failed: string[] = [];
  const done: string[] = [];
  for (const f of items) {
    const key = urgentKey(f.v.responseId, f.v.unit, f.text);
    if (sent.has(key)) {
      done.push(f.v.responseId);
      continue;
    }
    const why = sendOne(r.p, s, r.state, f, to);
    if (why) {
      notes.push(`Chưa gửi được thư báo cáo khẩn của ${f.v.unit || f.v.responseId}: ${why}.`);
      failed.push(f.v.responseId);
      continue;
    }
    sent.add(key);
    done.push(f.v.responseId);
  }
  owe(r.p, r.state, failed, done);
  return notes;
}

/** the daily run's part: urgent mails owed (a report the reconcile just stored, one whose mail the quota held back) */
export function owedUrgent(r: Run, s: Settings, units: Unit[], versions: Version[], sent: Set<string>): string[] {
  const before = r.state.urgentOwed ?? [];
  const items = urgentOwed(r, s, { versions, units, sent, owed: before });
  const notes = sendUrgent(r, s, items, sent);
  // a response owed before with nothing left to send (its text removed, or found sent) is owed no more
  const failed = items.filter((f) => !sent.has(urgentKey(f.v.responseId, f.v.unit, f.text))).map((f) => f.v.responseId);
  owe(r.p, r.state, failed, before);
  return notes;
}

/** the `urgent` column of the monthly tab (0 when the tab has none yet) */
function urgentColumn(columns: string[]): number {
  const i = columns.indexOf("urgent");
  return i < 0 ? 0 : KEY_COLS + i + 1;
}

/** the versions of a response the monthly tab holds, each with what its urgent answer says: one search, one read */
function versionsOf(store: Store, columns: string[], responseId: string): { v: Version; text: string }[] {
  const rows = store.findRows(SPECS.monthly.tab, 2, responseId).sort((a, b) => a - b);
  const col = urgentColumn(columns);
  if (!rows.length || !col) return [];
  const first = rows[0];
  const block = store.readBlock(SPECS.monthly.tab, `A${first}:${colLetter(col)}${rows[rows.length - 1]}`);
  return parseVersionRows(block, first, "monthly")
    .filter((v) => v.responseId === responseId)
    .map((v) => ({ v, text: String(block[v.row - first]?.[col - 1] ?? "").trim() }));
}

/**
 * The submit handler's part, under the lock, before the version is stored (a run cut off after the mail finds it in
 * the journal; one cut off before it leaves the response to the reconcile, whose daily run sends it). The same
 * response's earlier versions say whether it is new, changed, or kept (kept: nothing to send). Returns what happened.
 */
export function urgentAtSubmit(
  at: { p: Ports; store: Store; state: State; journal: { type: string; data: unknown }[] },
  s: Settings,
  fact: { v: UrgentFacts["v"]; text: string; unit: Unit | undefined },
): string {
  const { p, store, state, journal } = at;
  const { v, text, unit } = fact;
  const key = urgentKey(v.responseId, v.unit, text);
  if (journal.some((e) => e.type === "mail" && (e.data as MailRecord).key === key && (e.data as MailRecord).sent)) return "";
  let edited = false;
  for (const x of versionsOf(store, state.columns?.monthly ?? answerFields(SPECS.monthly).map((f) => f.key), v.responseId)) {
    // the same text for the same unit: kept, its mail went with that version
    if (x.text && x.v.unit === v.unit && x.text === text) return "";
    if (x.text) edited = true;
  }
  const f: UrgentFacts = { v, text, unit, edited, unverified: senderUnverified(v, unit, s) };
  const why = sendOne(p, s, state, f, urgentRecipients(s, p.effectiveUser()));
  if (why) owe(p, state, [v.responseId], []);
  return why;
}

/**
 * What the daily run owes of urgent mails: versions it stored itself (the reconcile: they carry their answers) and the
 * responses owed, read from their rows; a version whose mail the ledger shows, or that keeps what an earlier version
 * of its report said, owes nothing.
 */
function urgentOwed(r: Run, s: Settings, o: { versions: Version[]; units: Unit[]; sent: Set<string>; owed: string[] }): UrgentFacts[] {
  const { versions, units, sent, owed } = o;
  const found: { v: Version; text: string; edited: boolean }[] = versions
    .filter((v) => v.answers && v.form !== "registration" && v.period !== "registration" && !v.rejected)
    .map((v) => ({ v, text: urgentText(v.answers), edited: false }));
  for (const id of owed) {
    const all = versionsOf(r.store, columnsOf(r, "monthly"), id);
    const last = all[all.length - 1];
    if (last && !last.v.rejected) found.push({ ...last, edited: all.slice(0, -1).some((x) => !!x.text) });
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  const out: UrgentFacts[] = [];
  for (const { v, text, edited } of found) {
    if (!text) continue;
    const key = urgentKey(v.responseId, v.unit, text);
    if (sent.has(key) || out.some((f) => urgentKey(f.v.responseId, f.v.unit, f.text) === key)) continue;
    // sent longer ago than the ledger's recent days (an edit that keeps what an older report said): the whole ledger
    // is asked, for these few only
    if (r.store.findRow(TAB.ledger, 1, key) !== null) continue;
    const unit = byCode.get(v.unit);
    out.push({ v, text, unit, edited, unverified: senderUnverified(v, unit, s) });
  }
  return out;
}

/** the month's urgent matters from the monthly tab's rows as a rollup reads them (header by name) */
export function urgentOfRows(
  tab: { header: unknown[]; rows: unknown[][]; from: number },
  versions: Version[],
  units: Unit[],
  s: Settings,
  month: { period: string; asOf: number },
): UrgentMatter[] {
  const { header, rows, from } = tab;
  const { period, asOf } = month;
  const spec = SPECS.monthly;
  const byCode = new Map(units.map((u) => [u.code, u]));
  const items = versions
    .filter((v) => v.period === period)
    .map((v) => ({
      v,
      text: urgentText(answersOfRow(spec, header, rows[v.row - from] ?? [])),
      unverified: senderUnverified(v, byCode.get(v.unit), s),
    }));
  return urgentMatters(items, period, asOf);
}
