// The report tabs and the mail ledger: rows only ever appended, and marks of where each month's and day's rows
// begin, so that a run reads what it needs (units × live periods), never the years behind it.
import { addDays, addMonths, localDay, localMonth } from "../../domain/dates";
import { type FormId, SPECS } from "../../domain/forms";
import { answerFields } from "../../domain/forms/spec";
import { colLetter, DECIDED_LABEL, KEY_COLS, KEY_HEADER, VERDICT_LABEL } from "../../domain/layout";
import { parseVersionRows } from "../../domain/rows";
import type { Version } from "../../domain/status";
import type { Run, TabMarks } from "../../ports";

export type RecordTab = FormId | "ledger";

const FRESH: TabMarks = { months: {}, days: {}, cursor: 2 };

export function marksOf(r: Run, t: RecordTab): TabMarks {
  return r.state.marks?.[t] ?? FRESH;
}

/** a row no earlier than the first row received on or after `day`: the mark of the latest run before it, else of its month */
function rowOn(m: TabMarks, day: string): number {
  let best = 0;
  let bestDay = "";
  for (const [d, row] of Object.entries(m.days)) {
    if (d < day && d > bestDay) {
      bestDay = d;
      best = row;
    }
  }
  if (best) return best;
  return rowOfMonth(m, day.slice(0, 7));
}

/** a row no earlier than the first row received in `month` (2 when nothing is known) */
export function rowOfMonth(m: TabMarks, month: string): number {
  let best = 2;
  let bestMonth = "";
  for (const [k, row] of Object.entries(m.months)) {
    if (k <= month && k > bestMonth) {
      bestMonth = k;
      best = row;
    }
  }
  return best;
}

/** the first row a run reads: the first row not yet read, the first row of the oldest month needed, the days needed */
export function windowStart(m: TabMarks, opts: { month?: string; day?: string }): number {
  let w = m.cursor;
  if (opts.month) w = Math.min(w, rowOfMonth(m, opts.month));
  if (opts.day) w = Math.min(w, rowOn(m, opts.day));
  return Math.max(2, w);
}

/** true when every row of `month`'s reports is at or after row `start` (a report for a month arrives in that month or later) */
export function holdsMonth(m: TabMarks, month: string, start: number): boolean {
  if (start <= 2) return true;
  const k = m.months[month];
  return k !== undefined && k >= start;
}

export interface Window {
  tab: RecordTab;
  start: number;
  versions: Version[];
  /** the row after the last one read */
  end: number;
}

/**
 * Rows from `start` to the tab's end, one read. A tab's end is its last row plus the few empty rows Google keeps
 * below it (the product keeps its own tabs tight: see setup), so a run reads a tab's rows, not years of space.
 */
export function readRows(r: Run, tab: string, start: number, cols: [string, string]): unknown[][] {
  return r.store.readBlock(tab, `${cols[0]}${start}:${cols[1]}`);
}

/** the key columns of a report tab from row `start`: one read */
export function readWindow(r: Run, form: FormId, start: number): Window {
  const rows = readRows(r, SPECS[form].tab, start, ["A", colLetter(KEY_COLS)]);
  const versions = parseVersionRows(rows, start, form);
  checkShape(form, rows, start);
  return { tab: form, start, versions, end: start + rows.length };
}

const PERIOD_CELL = /^(Đăng ký|\d{2}\/\d{4}|)$/;
const VERDICTS = new Set([...Object.values(VERDICT_LABEL), ...Object.values(DECIDED_LABEL)] as string[]);

/**
 * The key columns hold what only the product writes: a key "id@time", a date, a period, a verdict. A row that does
 * not fit means a column was inserted or moved under the product's feet: the job stops and says where rather than
 * misread. (Headers are checked by name where whole tabs are read: setup, the rollup, the status rebuild.)
 */
function checkShape(form: FormId, rows: unknown[][], start: number): void {
  const isDate = (v: unknown) => Object.prototype.toString.call(v) === "[object Date]" || typeof v === "number";
  const checks: [number, (v: unknown) => boolean][] = [
    [0, (v) => /@\d+$/.test(String(v))],
    [2, isDate],
    [4, (v) => PERIOD_CELL.test(String(v ?? "").trim())],
    [5, (v) => VERDICTS.has(String(v ?? "").trim())],
  ];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (String(row[0] ?? "") === "") continue;
    for (const [c, ok] of checks) {
      if (ok(row[c])) continue;
      throw new Error(
        `Trang “${SPECS[form].tab}”, cột ${colLetter(c + 1)} (${KEY_HEADER[c]}) dòng ${start + i}: dữ liệu không đúng dạng. Cột đã bị chèn, di chuyển hoặc đổi tên: đưa về như cũ rồi chạy lại.`,
      );
    }
  }
}

/**
 * After a run has read a tab through row `end` - 1: the mark of today's run, the first row of next month (rows
 * before it were all received before that month began), the first unread row. Days older than 60 are forgotten.
 */
export function advanceMarks(r: Run, t: RecordTab, end: number, tz: string): void {
  const m = marksOf(r, t);
  const today = localDay(r.now, tz);
  const month = localMonth(r.now, tz);
  const days: Record<string, number> = {};
  const oldest = addDays(today, -60);
  for (const [d, row] of Object.entries(m.days)) if (d >= oldest) days[d] = row;
  days[today] = end;
  const months = { ...m.months, [addMonths(month, 1)]: end };
  // the product was not running when this month began: the best lower bound known
  if (months[month] === undefined) months[month] = rowOn({ ...m, days }, `${month}-01`);
  r.state.marks = { ...r.state.marks, [t]: { months, days, cursor: Math.max(m.cursor, end) } };
}

/** every mark moved up by `n` rows (the rows before `from` went to an archive) */
export function shiftMarks(m: TabMarks, n: number): TabMarks {
  const f = (x: number) => Math.max(2, x - n);
  return {
    months: Object.fromEntries(Object.entries(m.months).map(([k, v]) => [k, f(v)])),
    days: Object.fromEntries(Object.entries(m.days).map(([k, v]) => [k, f(v)])),
    cursor: f(m.cursor),
  };
}

/** the answer columns of a report tab, by field key, in the order they stand */
export function columnsOf(r: Run, form: FormId): string[] {
  return r.state.columns?.[form] ?? answerFields(SPECS[form]).map((f) => f.key);
}
