// Reports received on paper, by email or by message: staff type them into a tab; they count like any other.
import { instantOf, isValidYmd } from "../../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../../domain/forms";
import { colLetter, manualHeader, STATUS_HEADER_ROW, TAB } from "../../domain/layout";
import { ok, type Result } from "../../domain/result";
import { type NewVersion, versionRow } from "../../domain/rows";
import type { Settings } from "../../domain/settings";
import { statusOfText } from "../../domain/status";
import { MANUAL_TAB } from "../../domain/tabs";
import { fold } from "../../domain/text";
import type { Unit } from "../../domain/units";
import { type UrgentFacts, urgentKey, urgentText } from "../../domain/urgent";
import type { Ports, Store } from "../../ports";
import { readWindows } from "../daily/daily";
import { columnsOf, type Window } from "../daily/records";
import { periodLabel } from "../daily/status-store";
import { type Reading, updateStatuses } from "../daily/statuses";
import { sendUrgent } from "../daily/urgent";
import { acknowledge } from "../mail/acknowledge";
import { flush } from "../mail/ledger";
import { openRun, type Run, readSettings } from "../run/context";
import { judge, versionKey } from "./intake";

function channelOf(v: unknown): string {
  const f = fold(String(v ?? ""));
  return /mail|thu dien tu/.test(f) ? "email" : /tin nhan|message|sms|zalo/.test(f) ? "message" : "paper";
}

/**
 * "dd/mm/yyyy hh:mm" as staff type it, in the settings' zone: the column is plain text, so the Sheet's locale never
 * reads it month first. A Date cell (a tab made before the column was text) is taken as Sheets read it.
 */
function readAt(v: unknown, tz: string): number | null {
  if (Object.prototype.toString.call(v) === "[object Date]") return (v as Date).getTime();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(String(v ?? "").trim());
  const ymd = m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : "";
  const [hh, mi, ss] = m ? [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)] : [0, 0, 0];
  return m && isValidYmd(ymd) && hh < 24 && mi < 60 && ss < 60 ? instantOf(ymd, tz, hh, mi, ss) : null;
}

/** a report taken from a manual tab: its form, the version stored, whether it corrects one stored before */
interface Stored {
  form: FormId;
  version: NewVersion;
  again: boolean;
}

/**
 * A report staff recorded that says something urgent: mailed now, like a form's (Revision 3). A correction that keeps
 * what it said finds its mail in the ledger.
 */
function urgentRecorded(r: Run, s: Settings, units: Unit[], stored: Stored[]): string[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const items: UrgentFacts[] = [];
  const sent = new Set<string>();
  for (const { form, version: v, again } of stored) {
    const text = form === "monthly" ? urgentText(v.answers) : "";
    if (!text) continue;
    const key = urgentKey(v.responseId, v.unit, text);
    if (again && r.store.findRow(TAB.ledger, 1, key) !== null) sent.add(key);
    const unit = byCode.get(v.unit);
    const at = v.at.getTime();
    items.push({ v: { ...v, at, confirmed: false }, text, unit, edited: again, unverified: false });
  }
  if (!items.length) return [];
  const notes = sendUrgent(r, s, items, sent);
  flush(r, s.timeZone);
  return notes;
}

/** the unit, the period and every answer of a stored row the same as a row about to be stored */
function sameAnswers(have: unknown[] | undefined, row: unknown[]): boolean {
  if (!have) return false;
  const text = (v: unknown) => String(v ?? "").replace(/^'/, "");
  for (let j = 3; j < row.length; j++) if (j !== 5 && j !== 6 && text(have[j]) !== text(row[j])) return false;
  return true;
}

/** how a row's result cell begins once the row is stored as a valid report: written here, read by the sidebar */
const RECORDED = "Đã ghi nhận";

/** a manual row's result cell says it was stored as a valid report (by this run or an earlier one) */
export function recordedCell(cell: string): boolean {
  return cell.startsWith(RECORDED);
}

/** a manual tab as a run takes it: its form, its width (the result is the last column), its form's window, the rows it adds */
interface ManualTab {
  form: FormId;
  width: number;
  window: Window;
  added: unknown[][];
}

/**
 * One row of a manual tab: its id and what its result cell is to say. A row is taken once: its result cell says so;
 * rows staff have not filled in are left alone. Staff correct a row by fixing it and clearing its result: it is stored
 * again, as a new version of the same report. What is stored joins `stored`.
 */
function takeRow(r: Run, read: Reading, tab: ManualTab, row: unknown[], stored: Stored[]): [string, unknown] {
  const { form, width, window: w, added } = tab;
  const { s, units } = read;
  const spec = SPECS[form];
  const result = row[width - 1];
  let id = String(row[0] ?? "").trim();
  if (String(result ?? "").trim() || !row.slice(1, width - 1).some((c) => c !== "")) return [id, result];
  const at = readAt(row[1], s.timeZone);
  id ||= `GIAY-${r.p.newId().slice(0, 8)}`;
  if (at === null || at > r.now) return [id, "Lỗi: thiếu hoặc sai ngày giờ nhận (dd/mm/yyyy hh:mm); sửa rồi xóa ô này."];
  const raw = Object.fromEntries(spec.fields.map((f, j) => [f.key, row[3 + j]]));
  const j = judge(form, { responseId: id, at, email: "", raw, editUrl: "" }, channelOf(row[2]), units, s);
  const found = r.store.findRow(spec.tab, 1, versionKey(id, at));
  const again = found !== null || stored.some((x) => x.version.key === j.version.key);
  const fresh = versionRow(spec, j.version, columnsOf(r, form));
  // a run cut after storing the row and before writing its result: the same row is there, it is not stored twice
  if (found !== null && sameAnswers(r.store.readBlock(spec.tab, `A${found}:${colLetter(fresh.length)}${found}`)[0], fresh))
    return [id, `${RECORDED} (${id})`];
  // a correction keeps the report's id and received time; its key says when staff stored it
  if (again) j.version.key = `${id}~${r.now}@${at}`;
  added.push(again ? versionRow(spec, j.version, columnsOf(r, form)) : fresh);
  w.versions.push({ ...j.version, at, confirmed: false, row: w.end + added.length - 1, notes: j.version.notes.join("\n") });
  stored.push({ form, version: j.version, again });
  const what = again ? `${RECORDED} bản sửa` : RECORDED;
  return [id, j.version.verdict === "accepted" ? `${what} (${id})` : `Không hợp lệ: ${j.errors.join("; ")}`];
}

/**
 * A manual tab's new rows stored in its form's tab (one append), each row's id and result written back (a write each);
 * returns what it says of the tab.
 */
function takeTab(r: Run, read: Reading, form: FormId, stored: Stored[]): string[] {
  const spec = SPECS[form];
  const width = manualHeader(spec).length;
  const rows = r.store.readBlock(MANUAL_TAB[form], `A2:${colLetter(width)}`);
  const tab: ManualTab = { form, width, window: read.windows[form], added: [] };
  const out = rows.map((row) => takeRow(r, read, tab, row, stored));
  const { window: w, added } = tab;
  const lines: string[] = [];
  if (added.length) {
    r.store.appendRows(spec.tab, added, w.end - 1);
    w.end += added.length;
    lines.push(`${spec.tab}: ghi nhận ${added.length} báo cáo.`);
  }
  if (out.length) {
    r.store.writeRows(
      MANUAL_TAB[form],
      2,
      out.map((x) => [x[0]]),
      1,
    );
    r.store.writeRows(
      MANUAL_TAB[form],
      2,
      out.map((x) => [x[1]]),
      width,
    );
  }
  return lines;
}

export function recordManual(p: Ports): Result<string> {
  return openRun(p, "Ghi nhận báo cáo ngoài biểu mẫu", (r) => {
    const set = readSettings(r);
    if (!set.ok) return set;
    const { settings: s, rules } = set.value;
    const { units } = r.store.readUnits();
    const read: Reading = { s, rules, units, windows: readWindows(r, s, rules) };
    const lines: string[] = [];
    const stored: Stored[] = [];
    for (const form of FORM_IDS) lines.push(...takeTab(r, read, form, stored));
    if (stored.length) {
      updateStatuses(r, read);
      lines.push(...urgentRecorded(r, s, units, stored));
      lines.push(
        ...acknowledge(
          r,
          s,
          units,
          stored.map((x) => x.version),
        ),
      );
    }
    const msg = lines.join("\n") || "Không có dòng mới (dòng mới là dòng có cột “Kết quả xử lý” còn trống).";
    p.state.record("run", { job: "Ghi nhận báo cáo ngoài biểu mẫu", result: "xong", detail: msg });
    return ok(msg);
  });
}

/**
 * What the status tab says of a unit's period when something was already received for it ("Đúng hạn", "Chờ xác
 * nhận"…), else null: recording a second report for it is asked first. Three calls (the unit's row found by Sheets).
 */
export function alreadyReceived(store: Store, code: string, period: string): string | null {
  const row = store.findRow(TAB.status, 1, code);
  if (row === null) return null;
  const head = store.readBlock(TAB.status, `${STATUS_HEADER_ROW}:${STATUS_HEADER_ROW}`)[0] ?? [];
  const col = head.findIndex((h) => String(h ?? "").trim() === periodLabel(period));
  if (col < 1) return null;
  const text = String(store.readBlock(TAB.status, `${colLetter(col + 1)}${row}`)[0]?.[0] ?? "").trim();
  const st = statusOfText(text);
  return st && (st.kind === "onTime" || st.kind === "late" || st.kind === "unverified" || st.kind === "invalid") ? text : null;
}
