// Urgent matters (scenario Revision 3): the `urgent` mail to the leaders and the staff the moment a version that says
// one is stored: by the submit handler (at the response's time), by staff recording a paper report, or by the daily run
// (a submit event Google never delivered, a handler cut off or short of quota before it mailed). One mail per
// response, unit and text: the ledger's key says whether it went.
import { addDays, instantOf, localDay } from "../domain/dates";
import { SPECS } from "../domain/forms";
import { type Answers, answerFields } from "../domain/forms/spec";
import { colLetter, KEY_COLS, TAB } from "../domain/layout";
import { rulesOf } from "../domain/rules";
import type { Settings } from "../domain/settings";
import type { Version } from "../domain/status";
import type { Template, Values } from "../domain/templates";
import type { Unit } from "../domain/units";
import { senderUnverified, type UrgentFacts, type UrgentMatter, urgentKey, urgentMatters, urgentText, urgentWords } from "../domain/urgent";
import { messageOf, type Run } from "./context";
import { baseValues, type Composed, compose, deadlineFor } from "./mails";
import type { MailRecord, OutgoingMail, Ports, State, Store } from "./ports";
import { columnsOf } from "./records";
import { answersOfRow, parseVersionRows } from "./rows";

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
  return compose("urgent", templates, values, to, [], { lien_ket: "Mở bảng tính theo dõi báo cáo" });
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

/**
 * Sends the urgent mails of `items` whose key is not in `sent` (each journalled as it goes, and added to `sent`).
 * Returns what the run log says.
 */
export function sendUrgent(r: Run, s: Settings, items: UrgentFacts[], sent: Set<string>): string[] {
  const notes: string[] = [];
  const to = urgentRecipients(s, r.p.effectiveUser());
  for (const f of items) {
    const key = urgentKey(f.v.responseId, f.v.unit, f.text);
    if (sent.has(key)) continue;
    const c = composeUrgent(s, r.state.templates, r.state.sheetUrl ?? "", f, to);
    if ("errors" in c) {
      notes.push(`Báo cáo khẩn ${f.v.unit || f.v.responseId}: ${c.errors.join("; ")}`);
      continue;
    }
    const rec = urgentRecord(f, c.mail);
    try {
      if (r.p.mailer.remaining() < c.mail.to.length) throw new Error("hết hạn mức gửi thư hôm nay");
      r.p.mailer.send(c.mail, s);
    } catch (e) {
      // the daily run sends it (within the days it reads back)
      r.p.state.record("mail", { ...rec, sent: false, result: `Lỗi: ${messageOf(e).slice(0, 200)}` });
      notes.push(`Chưa gửi được thư báo cáo khẩn của ${f.v.unit || f.v.responseId} (${messageOf(e)}): gửi lại ở lần chạy sau.`);
      continue;
    }
    r.p.state.record("mail", rec);
    sent.add(key);
  }
  return notes;
}

/** the daily run's part: what is owed of the versions stored in the days it reads back, sent now */
export function owedUrgent(r: Run, s: Settings, units: Unit[], versions: Version[], sent: Set<string>): string[] {
  const since = instantOf(addDays(localDay(r.now, s.timeZone), -(s.catchUpDays + 2)), s.timeZone);
  return sendUrgent(r, s, urgentOwed(r, s, versions, units, since, sent), sent);
}

/** the `urgent` column of the monthly tab (0 when the tab has none yet) */
function urgentColumn(columns: string[]): number {
  const i = columns.indexOf("urgent");
  return i < 0 ? 0 : KEY_COLS + i + 1;
}

/**
 * The submit handler's part, for a version it has just stored (the last row of its response): what the same
 * response's earlier versions said (one search, one read) decides whether it is new or changed; then mailed at once.
 * Returns the mail sent (to be written down by the caller), or why not.
 */
export function urgentAtSubmit(
  p: Ports,
  store: Store,
  state: State,
  s: Settings,
  v: UrgentFacts["v"],
  text: string,
  unit: Unit | undefined,
): { rec: MailRecord } | { note: string } | null {
  const rows = store.findRows(SPECS.monthly.tab, 2, v.responseId).sort((a, b) => a - b);
  const earlier = rows.slice(0, -1);
  const col = urgentColumn(state.columns?.monthly ?? answerFields(SPECS.monthly).map((f) => f.key));
  let edited = false;
  if (earlier.length && col) {
    const first = earlier[0];
    const block = store.readBlock(SPECS.monthly.tab, `A${first}:${colLetter(col)}${earlier[earlier.length - 1]}`);
    const before = parseVersionRows(block, first, "monthly");
    for (const x of before) {
      const said = String(block[x.row - first]?.[col - 1] ?? "").trim();
      if (said && x.responseId === v.responseId) {
        // the same text for the same unit: kept, its mail went with that version
        if (x.unit === v.unit && said === text) return null;
        edited = true;
      }
    }
  }
  const f: UrgentFacts = { v, text, unit, edited, unverified: senderUnverified(v, unit, s) };
  const c = composeUrgent(s, state.templates, state.sheetUrl ?? "", f, urgentRecipients(s, p.effectiveUser()));
  if ("errors" in c) return { note: c.errors.join("; ") };
  try {
    if (p.mailer.remaining() < c.mail.to.length) throw new Error("hết hạn mức gửi thư hôm nay");
    p.mailer.send(c.mail, s);
  } catch (e) {
    return { note: `${messageOf(e)}; thư báo cáo khẩn gửi ở lần chạy hằng ngày sau` };
  }
  return { rec: urgentRecord(f, c.mail) };
}

/**
 * What the daily run owes of urgent mails: versions of the monthly tab stored since `since` (an instant) that say one
 * and whose mail the ledger does not show. Their text is carried (the reconcile just stored them) or read from the
 * `urgent` column, one read for all. A version that keeps what an earlier version of its report said owes nothing.
 */
function urgentOwed(r: Run, s: Settings, versions: Version[], units: Unit[], since: number, sent: Set<string>): UrgentFacts[] {
  const recent = versions.filter((v) => v.at >= since && !v.rejected);
  if (!recent.length) return [];
  const texts = new Map<Version, string>();
  const carried = (v: Version) => (v as Version & { answers?: Answers }).answers;
  const col = urgentColumn(columnsOf(r, "monthly"));
  const toRead = versions.filter((v) => !carried(v) && v.row > 1);
  if (col && toRead.length) {
    const first = Math.min(...toRead.map((v) => v.row));
    const last = Math.max(...toRead.map((v) => v.row));
    const L = colLetter(col);
    const cells = r.store.readBlock(SPECS.monthly.tab, `${L}${first}:${L}${last}`);
    for (const v of toRead) texts.set(v, String(cells[v.row - first]?.[0] ?? "").trim());
  }
  for (const v of versions) {
    const a = carried(v);
    if (a) texts.set(v, urgentText(a));
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  const out: UrgentFacts[] = [];
  for (const v of recent) {
    const text = texts.get(v) ?? "";
    if (!text) continue;
    const key = urgentKey(v.responseId, v.unit, text);
    if (sent.has(key)) continue;
    // the versions of the same response before it: one that said the same for the same unit had the mail
    const earlier = versions.filter((x) => x.responseId === v.responseId && (x.at < v.at || (x.at === v.at && x.row < v.row)));
    if (earlier.some((x) => x.unit === v.unit && texts.get(x) === text)) continue;
    const edited = earlier.some((x) => !!texts.get(x));
    // sent longer ago than the ledger's recent days (an edit of an older report that keeps what it said): asked of the
    // whole ledger, for these few only
    if (r.store.findRow(TAB.ledger, 1, key) !== null) continue;
    const unit = byCode.get(v.unit);
    out.push({ v, text, unit, edited, unverified: senderUnverified(v, unit, s) });
  }
  return out;
}

/** the month's urgent matters from the monthly tab's rows as a rollup reads them (header by name) */
export function urgentOfRows(
  header: unknown[],
  rows: unknown[][],
  from: number,
  versions: Version[],
  units: Unit[],
  s: Settings,
  period: string,
  asOf: number,
): UrgentMatter[] {
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
