// A move to the archive, journalled: the state says what moves (the rows by the keys of the first and the last, each
// archive with the rows it held before) before anything is copied; the rows are copied, the copies checked, and only
// then deleted. Whatever run comes next (openRun calls finishArchiveSteps first) brings a move it finds half-done to
// its end, once, before anything reads the tabs whose rows moved.
import { localDay } from "../../domain/dates";
import { SPECS } from "../../domain/forms";
import {
  colLetter,
  MAIL_LOG_HEADER,
  RUN_LOG_HEADER,
  reportHeader,
  STATUS_FIRST_MONTH_COL,
  STATUS_HEADER_ROW,
  TAB,
} from "../../domain/layout";
import { safeCell } from "../../domain/text";
import { readMonth } from "../../domain/validate";
import type { Run, Store } from "../../ports";
import { marksOf, type RecordTab, shiftMarks } from "../daily/records";

const ARCHIVE_JOB = "Lưu trữ dữ liệu cũ";

/** an archive spreadsheet that cannot be opened (deleted, or no longer shared): named, and nothing moves to it */
export class MissingArchive extends Error {
  constructor(
    readonly year: number,
    readonly url: string,
  ) {
    super(`Không mở được bảng tính lưu trữ năm ${year} (${url}).`);
  }
}

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** a row's fingerprint: its first three cells (key, date, kind, or the run log's date and job), a date by its instant */
export function print(row: unknown[] | undefined): string {
  return (row ?? [])
    .slice(0, 3)
    .map((v) => (isDate(v) ? String(v.getTime()) : String(v ?? "")))
    .join("|");
}

/** what a move needs to know of its tab */
export interface MoveSpec {
  tab: string;
  header: string[];
  /** the 0-based column of each row's date */
  dateCol: number;
  marks?: RecordTab;
  logCursor?: boolean;
}

/** rows grouped by the year of their date (a row without one goes with the year before the run's) */
export function byYear(rows: unknown[][], spec: MoveSpec, tz: string, now: number): Map<number, unknown[][]> {
  const out = new Map<number, unknown[][]>();
  const fallback = Number(localDay(now, tz).slice(0, 4)) - 1;
  for (const row of rows) {
    const d = row[spec.dateCol];
    const year = isDate(d) ? Number(localDay(d.getTime(), tz).slice(0, 4)) : fallback;
    const list = out.get(year);
    if (list) list.push(row);
    else out.set(year, [row]);
  }
  return out;
}

/**
 * An archive's tab with its header row, made when missing (or left empty by a run cut as it made it); returns its last
 * row (1: the header alone)
 */
export function headed(a: Store, tab: string, header: string[]): number {
  const last = a.hasTab(tab) ? a.lastRow(tab) : 0;
  if (last >= 1) return last;
  a.writeTab(tab, [header], 0, true);
  return 1;
}

/** text read back from a plain-text column (`=…` kept as text there) goes to the archive formula-safe */
function append(a: Store, tab: string, rows: unknown[][], after: number): void {
  a.appendRows(
    tab,
    rows.map((row) => row.map(safeCell)),
    Math.max(1, after),
  );
}

/**
 * A journalled move brought to its end, from wherever it stopped: each archive that lacks its rows gets them (the
 * source rows read again and checked by their keys first), the source rows deleted if they are still there, then the
 * marks move by as many rows and the record goes, in one save. Returns false when an archive cannot be opened.
 */
export function finishMove(r: Run, known?: unknown[][]): boolean {
  const m = r.state.archiving;
  if (!m) return true;
  if (!Array.isArray(m.to)) {
    // a record an earlier version left ({tab, rows}): it says nothing that can be checked, so it goes; the next
    // archive run chooses its rows by their dates again
    r.p.state.record("run", { job: ARCHIVE_JOB, result: "ghi chú", detail: `Bỏ bản ghi chuyển dữ liệu cũ của trang “${m.tab}”.` });
    r.state.archiving = undefined;
    r.p.state.save({ archiving: undefined });
    return true;
  }
  const tz = r.state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";
  const header = headerOf(r, m.tab);
  let rows = known;
  const source = (): unknown[][] => {
    if (rows) return rows;
    const block = r.store.readBlock(m.tab, `A2:${colLetter(header.length)}${m.n + 1}`);
    rows = block.length === m.n && print(block[0]) === m.first && print(block[m.n - 1]) === m.last ? block : [];
    return rows;
  };
  // 1. every archive holds its rows
  for (const t of m.to) {
    let a: Store;
    try {
      a = r.p.openOther(t.id);
    } catch {
      throw new MissingArchive(t.year, r.state.archives?.[t.year]?.url ?? t.id);
    }
    const last = a.hasTab(m.tab) ? a.lastRow(m.tab) : 0;
    if (last >= t.before + t.n) continue;
    headed(a, m.tab, header);
    const all = source();
    // the source rows are gone and the archive lacks them: nothing left to copy from (never happens when rows are
    // deleted only after their copies are checked); the record goes and the run log says so
    if (!all.length) {
      r.p.state.record("run", {
        job: ARCHIVE_JOB,
        result: "lỗi",
        detail: `Trang “${m.tab}”: không tìm thấy lại ${m.n} dòng đang chuyển sang lưu trữ năm ${t.year}; không xóa dòng nào.`,
      });
      r.state.archiving = undefined;
      r.p.state.save({ archiving: undefined });
      return true;
    }
    const mine = byYear(all, { tab: m.tab, header, dateCol: dateColOf(m.tab) }, tz, r.now).get(t.year) ?? [];
    append(a, m.tab, mine, Math.max(1, last));
  }
  // 2. the source rows deleted, if they are still there (checked by their keys, never by position alone)
  const first = r.store.readBlock(m.tab, `A2:C2`)[0];
  const last = m.n > 1 ? r.store.readBlock(m.tab, `A${m.n + 1}:C${m.n + 1}`)[0] : first;
  if (print(first) === m.first && print(last) === m.last) r.store.deleteRows(m.tab, 2, m.n);
  // 3. the marks follow, and the record goes: one save
  if (m.marks) r.state.marks = { ...r.state.marks, [m.marks]: shiftMarks(marksOf(r, m.marks), m.n) };
  if (m.logCursor && r.state.logCursor) r.state.logCursor = Math.max(2, r.state.logCursor - m.n);
  r.state.archiving = undefined;
  r.p.state.save({ archiving: undefined, marks: r.state.marks, logCursor: r.state.logCursor });
  return true;
}

function dateColOf(tab: string): number {
  return tab === TAB.runLog ? 0 : tab === SPECS.monthly.tab || tab === SPECS.registration.tab ? 2 : 1;
}

export function headerOf(r: Run, tab: string): string[] {
  if (tab === TAB.runLog) return RUN_LOG_HEADER;
  if (tab === TAB.ledger || tab === TAB.mailLog) return MAIL_LOG_HEADER;
  const spec = tab === SPECS.registration.tab ? SPECS.registration : SPECS.monthly;
  return (r.store.readBlock(spec.tab, "1:1")[0] ?? reportHeader(spec)).map(String);
}

/** the status tab's header row: which month each column holds, as it stands now */
export function statusMonths(r: Run): { col: number; period: string }[] {
  if (!r.store.hasTab(TAB.status)) return [];
  const head = r.store.readBlock(TAB.status, `${STATUS_HEADER_ROW}:${STATUS_HEADER_ROW}`)[0] ?? [];
  const out: { col: number; period: string }[] = [];
  head.forEach((v, j) => {
    const period = j + 1 >= STATUS_FIRST_MONTH_COL ? readMonth(String(v ?? "").trim()) : null;
    if (period) out.push({ col: j + 1, period });
  });
  return out;
}

/**
 * The status tab's layout brought in line with its header: a run cut after deleting a year's columns and before
 * saving the layout leaves periods the tab no longer holds. Only while a year's archive is under way.
 */
function finishStatusColumns(r: Run): void {
  const y = r.state.archivingYear;
  const layout = r.state.status;
  if (!y || !layout || y.done.includes("statuses")) return;
  const inLayout = layout.periods.filter((p) => p.startsWith(`${y.year}-`));
  if (!inLayout.length) return;
  const onTab = statusMonths(r).filter((x) => inLayout.includes(x.period));
  if (onTab.length) return;
  const hashes = { ...layout.hashes };
  for (const p of inLayout) delete hashes[p];
  r.state.status = { ...layout, periods: layout.periods.filter((p) => !inLayout.includes(p)), hashes };
  const done = [...y.done, "statuses"];
  r.state.archivingYear = { ...y, done };
  r.p.state.save({ status: r.state.status, archivingYear: r.state.archivingYear });
}

/** what openRun calls first: a move or a year's status step a run left half-done is finished before anything reads */
export function finishArchiveSteps(r: Run): void {
  try {
    if (r.state.archiving) finishMove(r);
    finishStatusColumns(r);
  } catch (e) {
    if (!(e instanceof MissingArchive)) throw e;
    // the move waits (nothing was deleted): the archive job names the missing file to staff
    r.p.state.record("run", { job: ARCHIVE_JOB, result: "chờ", detail: e.message });
  }
}
