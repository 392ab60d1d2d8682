// The archive: what closed years and old months hold moves to a spreadsheet of its own per year, linked from the tab
// "Lưu trữ" with each archived period's figures, so that the working Sheet stays well inside Google's 10 million cells
// whatever the years behind it. Nothing is deleted before its copy is written; a run stopped half-way resumes.
import { addMonths, localDay, localMonth, viMonthShort } from "../domain/dates";
import { SPECS } from "../domain/forms";
import {
  colLetter,
  MAIL_LOG_HEADER,
  RUN_LOG_HEADER,
  reportHeader,
  STATUS_FIRST_MONTH_COL,
  STATUS_SUMMARY,
  STATUS_UNITS_ROW,
  TAB,
} from "../domain/layout";
import { liveUntil, rollupDay } from "../domain/periods";
import type { Rules } from "../domain/rules";
import type { Settings } from "../domain/settings";
import { safeCell } from "../domain/text";
import { fail, type Outcome, ok, openRun, type Run, readSettings } from "./context";
import type { Ports, Store } from "./ports";
import { marksOf, type RecordTab, shiftMarks } from "./records";

const ARCHIVE_JOB = "Lưu trữ dữ liệu cũ";

/** mail and run logs keep the rows of this month and the two before it */
const LOG_MONTHS = 2;

interface ArchiveDue {
  /** logs: rows appended before this month's first day move */
  logsBefore?: string;
  /** a closed year whose reports and status columns move */
  year?: number;
}

/**
 * What is due: the logs' rows older than two months; a year all of whose months are closed and whose January rollup
 * (which reads December) has gone out.
 */
export function archiveDue(r: Run, s: Settings, rules: Rules): ArchiveDue {
  const today = localDay(r.now, s.timeZone);
  const month = localMonth(r.now, s.timeZone);
  const out: ArchiveDue = {};
  const before = addMonths(month, -LOG_MONTHS);
  const ledger = marksOf(r, "ledger");
  if ((r.state.archivedLogsBefore ?? "") < before && (ledger.months[before] ?? 2) > 2) out.logsBefore = before;
  const done = r.state.archivedThrough ?? "";
  const firstYear = Number(s.firstPeriod.slice(0, 4));
  for (let y = Math.max(firstYear, done ? Number(done.slice(0, 4)) + 1 : firstYear); y < Number(month.slice(0, 4)); y++) {
    const dec = `${y}-12`;
    const jan = `${y + 1}-01`;
    if (dec < s.firstPeriod) continue;
    const closed = today > liveUntil(rules.deadline(dec), s) && today > rollupDay(rules.deadline(jan), s);
    if (closed) out.year = y;
    break;
  }
  return out;
}

interface Archive {
  store: Store;
  url: string;
}

/** the year's archive spreadsheet, made once (its id kept at once, so a run that dies after never makes two) */
function archiveOf(r: Run, year: number, editors: string[]): Archive {
  const have = r.state.archives?.[year];
  if (have) return { store: r.p.openOther(have.id), url: have.url };
  const made = r.p.createSpreadsheet(`${r.store.name()} – Lưu trữ ${year}`, editors);
  r.state.archives = { ...(r.state.archives ?? {}), [year]: { id: made.id, url: made.url } };
  r.p.state.save({ archives: r.state.archives });
  return { store: made.store, url: made.url };
}

/** text read back from a plain-text column (`=…` kept as text there) goes to the archive formula-safe */
function appendTo(a: Archive, tab: string, header: string[], rows: unknown[][]): void {
  if (!rows.length) return;
  if (!a.store.hasTab(tab)) a.store.writeTab(tab, [header], 0, true);
  a.store.appendRows(
    tab,
    rows.map((row) => row.map(safeCell)),
  );
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/**
 * Moves rows 2..end-1 of `tab` to the archives of their years (by the date in column `dateCol`), then deletes them.
 * The state says what was copied before the delete: a retry after a crash deletes without copying twice.
 */
function moveRows(r: Run, tab: string, header: string[], end: number, dateCol: number, tz: string, editors: string[]): number {
  if (end <= 2) return 0;
  const pending = r.state.archiving;
  if (!(pending && pending.tab === tab && pending.rows === end - 2)) {
    const rows = r.store.readBlock(tab, `A2:${colLetter(header.length)}${end - 1}`);
    const byYear = new Map<number, unknown[][]>();
    for (const row of rows) {
      const d = row[dateCol];
      const year = isDate(d) ? Number(localDay(d.getTime(), tz).slice(0, 4)) : 0;
      const list = byYear.get(year);
      if (list) list.push(row);
      else byYear.set(year, [row]);
    }
    for (const [year, list] of byYear)
      appendTo(archiveOf(r, year || Number(localDay(r.now, tz).slice(0, 4)) - 1, editors), tab, header, list);
    r.state.archiving = { tab, rows: end - 2 };
    r.p.state.save({ archiving: r.state.archiving });
  }
  r.store.deleteRows(tab, 2, end - 2);
  r.state.archiving = undefined;
  r.p.state.save({ archiving: undefined });
  return end - 2;
}

/** the first row (from 2) whose date in `dateCol` is on or after `month`'s first day; one read of that column */
function firstRowFrom(r: Run, tab: string, dateCol: number, month: string, tz: string): number {
  const L = colLetter(dateCol + 1);
  const dates = r.store.readBlock(tab, `${L}2:${L}`);
  const i = dates.findIndex((row) => isDate(row[0]) && localMonth((row[0] as Date).getTime(), tz) >= month);
  return i < 0 ? 2 + dates.length : 2 + i;
}

function shift(r: Run, t: RecordTab, n: number): void {
  r.state.marks = { ...r.state.marks, [t]: shiftMarks(marksOf(r, t), n) };
}

/** the logs' old months and a closed year's reports and statuses, each to its year's archive */
function archive(r: Run, s: Settings, due: ArchiveDue): string[] {
  const tz = s.timeZone;
  const editors = s.staffEmails ?? [];
  const notes: string[] = [];
  if (due.logsBefore) {
    const before = due.logsBefore;
    const ledger = marksOf(r, "ledger").months[before] ?? 2;
    const moved = moveRows(r, TAB.ledger, MAIL_LOG_HEADER, ledger, 1, tz, editors);
    shift(r, "ledger", moved);
    if (r.state.logCursor) r.state.logCursor = Math.max(2, r.state.logCursor - moved);
    const log = moveRows(r, TAB.mailLog, MAIL_LOG_HEADER, firstRowFrom(r, TAB.mailLog, 1, before, tz), 1, tz, editors);
    const runs = moveRows(r, TAB.runLog, RUN_LOG_HEADER, firstRowFrom(r, TAB.runLog, 0, before, tz), 0, tz, editors);
    r.state.archivedLogsBefore = before;
    r.p.state.save({ marks: r.state.marks, logCursor: r.state.logCursor, archivedLogsBefore: before });
    notes.push(
      `Chuyển sang bảng tính lưu trữ: ${moved} dòng sổ thư, ${log} dòng nhật ký thư, ${runs} dòng nhật ký chạy trước tháng ${viMonthShort(before)}.`,
    );
  }
  if (due.year) notes.push(...archiveYear(r, s, due.year, editors));
  return notes;
}

/** a closed year: the monthly reports appended in it, and the status tab's columns of its months, with their figures */
function archiveYear(r: Run, s: Settings, year: number, editors: string[]): string[] {
  const tz = s.timeZone;
  const a = archiveOf(r, year, editors);
  const spec = SPECS.monthly;
  // the report rows: every row appended before the next year began
  const end = marksOf(r, "monthly").months[`${year + 1}-01`] ?? 2;
  const header = (r.store.readBlock(spec.tab, "1:1")[0] ?? reportHeader(spec)).map(String);
  const moved = moveRows(r, spec.tab, header, end, 2, tz, editors);
  shift(r, "monthly", moved);
  // the status tab's columns of the year's months (the oldest, at the right) with the codes and the figures
  const layout = r.state.status;
  const periods = (layout?.periods ?? []).filter((p) => p.startsWith(`${year}-`));
  if (layout && periods.length) {
    const first = STATUS_FIRST_MONTH_COL + layout.periods.indexOf(periods[0]);
    const last = first + periods.length - 1;
    const lead = r.store.readBlock(TAB.status, `A1:C${STATUS_UNITS_ROW - 1 + layout.rows}`);
    const cols = r.store.readBlock(TAB.status, `${colLetter(first)}1:${colLetter(last)}${STATUS_UNITS_ROW - 1 + layout.rows}`);
    const block = lead.map((row, i) => [...row, ...(cols[i] ?? periods.map(() => ""))]);
    if (!a.store.hasTab(TAB.status))
      a.store.writeTab(
        TAB.status,
        block.map((row) => row.map(safeCell)),
        0,
        true,
      );
    // the figures of each period, as the status tab's summary rows hold them, kept in the working Sheet
    const figures = periods
      .map((p, k) => [year, a.url, viMonthShort(p), ...STATUS_SUMMARY.map((_, i) => cols[2 + i]?.[k] ?? "")])
      .reverse();
    r.store.appendRows(TAB.archive, figures);
    r.store.deleteColumns(TAB.status, first, periods.length);
    const hashes = { ...layout.hashes };
    for (const p of periods) delete hashes[p];
    r.state.status = { ...layout, periods: layout.periods.filter((p) => !periods.includes(p)), hashes };
  }
  r.state.archivedThrough = `${year}-12`;
  r.p.state.save({ marks: r.state.marks, status: r.state.status, archivedThrough: r.state.archivedThrough });
  return [`Năm ${year}: chuyển ${moved} dòng báo cáo tháng và ${periods.length} kỳ của trang “${TAB.status}” sang ${a.url}.`];
}

/** the menu action, and the follow-up run's archive phase */
export function runArchive(p: Ports, manual: boolean): Outcome<string> {
  return openRun(p, ARCHIVE_JOB, (r) => {
    const set = readSettings(r);
    if (!set.ok) return set;
    const due = archiveDue(r, set.value.settings, set.value.rules);
    if (!due.logsBefore && !due.year) {
      r.p.state.save({ archiveDue: false });
      return manual ? ok("Chưa có gì cần lưu trữ: nhật ký giữ hai tháng gần nhất, báo cáo giữ năm chưa khép lại.") : ok("");
    }
    const notes = archive(r, set.value.settings, due);
    r.p.state.save({ archiveDue: false });
    r.p.state.record("run", { job: ARCHIVE_JOB, result: "xong", detail: notes.join("\n") });
    return notes.length ? ok(notes.join("\n")) : fail("Không lưu trữ được.");
  });
}
