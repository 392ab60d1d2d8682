// The archive: what closed years and old months hold moves to a spreadsheet of its own per year, linked from the tab
// "Lưu trữ" with each archived period's figures, so that the working Sheet stays well inside Google's 10 million cells
// whatever the years behind it. Every move is a journalled step: what it moves is written in the state before it
// acts (the rows by their first and last keys, each archive with the rows it held before), then the rows are copied,
// the copy checked, and only then deleted. A run cut anywhere leaves that record, and the next run (any run: openRun
// finishes it first) sees what was done and does the rest, once. Rows are chosen by their dates, read each time:
// positions are never carried from one run to the next.
import { addMonths, instantOf, localDay, localMonth, viMonthShort } from "../../domain/dates";
import { SPECS } from "../../domain/forms";
import {
  ARCHIVE_HEADER,
  colLetter,
  MAIL_LOG_HEADER,
  RUN_LOG_HEADER,
  rollupTabName,
  STATUS_SUMMARY,
  STATUS_UNITS_ROW,
  TAB,
} from "../../domain/layout";
import { liveUntil, rollupDay } from "../../domain/periods";
import { ok, type Result } from "../../domain/result";
import type { Rules } from "../../domain/rules";
import type { Settings } from "../../domain/settings";
import { safeCell } from "../../domain/text";
import type { ArchiveMove, Ports, Store } from "../../ports";
import { openRun, type Run, readSettings } from "../run/context";
import { addProblem, beginJob, endJob, resolveProblem } from "../run/jobs";
import { byYear, finishMove, headed, headerOf, isDate, MissingArchive, type MoveSpec, print, statusMonths } from "./moves";

const ARCHIVE_JOB = "Lưu trữ dữ liệu cũ";

/** mail and run logs keep the rows of this month and the two before it */
const LOG_MONTHS = 2;

interface ArchiveDue {
  /** logs: rows dated before this month's first day move */
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
  // the ledger's first row says whether anything is that old (its date, read once a day until the month's move)
  if ((r.state.archivedLogsBefore ?? "") < before && r.store.hasTab(TAB.ledger)) {
    const first = r.store.readBlock(TAB.ledger, "B2:B2")[0]?.[0];
    if (isDate(first) && first.getTime() < instantOf(`${before}-01`, s.timeZone)) out.logsBefore = before;
  }
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
  // a year already under way is finished first
  if (r.state.archivingYear) out.year = r.state.archivingYear.year;
  return out;
}

/** the year's archive spreadsheet, made once (its id kept at once, so a run that dies after never makes two) */
function archiveOf(r: Run, year: number, editors: string[]): { store: Store; url: string; id: string } {
  const have = r.state.archives?.[year];
  if (have) {
    try {
      return { store: r.p.openOther(have.id), url: have.url, id: have.id };
    } catch {
      throw new MissingArchive(year, have.url);
    }
  }
  const made = r.p.createSpreadsheet(`${r.store.name()} – Lưu trữ ${year}`, editors);
  r.state.archives = { ...(r.state.archives ?? {}), [year]: { id: made.id, url: made.url } };
  r.p.state.save({ archives: r.state.archives });
  return { store: made.store, url: made.url, id: made.id };
}

/** staff told, once a day, which archive file is missing and how to bring it back; nothing of that year moves */
function missing(r: Run, e: MissingArchive): string {
  addProblem(
    r.p,
    {
      key: `archive:${e.year}`,
      since: r.now,
      text: `Bảng tính lưu trữ năm ${e.year} không mở được (đã bị xóa, chuyển vào thùng rác hoặc thôi chia sẻ); việc lưu trữ dừng lại, không dòng nào bị xóa khỏi bảng tính chính. Tệp: ${e.url}`,
      todo: `Khôi phục tệp “… – Lưu trữ ${e.year}” từ Thùng rác của Google Drive (tài khoản vận hành), rồi chờ lần chạy hằng ngày sau: việc lưu trữ tự làm tiếp.`,
    },
    `alert|archive-file|${e.year}`,
  );
  return e.message;
}

/**
 * The rows of `spec.tab` from row 2 dated before `before` (an instant), as one block, to the archives of their years:
 * the move is journalled, then copied, checked and deleted (finishMove). Returns how many rows moved.
 */
function moveOlder(r: Run, spec: MoveSpec, before: number, editors: string[], tz: string): number {
  if (!r.store.hasTab(spec.tab)) return 0;
  const lead = r.store.readBlock(spec.tab, `A2:${colLetter(Math.max(3, spec.dateCol + 1))}`);
  let n = 0;
  while (n < lead.length) {
    const d = lead[n][spec.dateCol];
    if (!isDate(d) || d.getTime() >= before) break;
    n++;
  }
  if (!n) return 0;
  const width = spec.header.length;
  const rows = r.store.readBlock(spec.tab, `A2:${colLetter(width)}${n + 1}`).map((row) => {
    const out = [...row];
    while (out.length < width) out.push("");
    return out.slice(0, width);
  });
  const to: ArchiveMove["to"] = [];
  for (const [year, list] of byYear(rows, spec, tz, r.now)) {
    const a = archiveOf(r, year, editors);
    to.push({ year, id: a.id, before: headed(a.store, spec.tab, spec.header), n: list.length });
  }
  const move: ArchiveMove = { tab: spec.tab, marks: spec.marks, n, first: print(rows[0]), last: print(rows[n - 1]), to };
  if (spec.logCursor) move.logCursor = true;
  r.state.archiving = move;
  r.p.state.save({ archiving: move });
  finishMove(r, rows);
  return n;
}

/** the logs' rows dated before `month`, each to its year's archive */
function archiveLogs(r: Run, s: Settings, month: string, editors: string[]): string {
  const tz = s.timeZone;
  const before = instantOf(`${month}-01`, tz);
  const specs: MoveSpec[] = [
    { tab: TAB.ledger, header: MAIL_LOG_HEADER, dateCol: 1, marks: "ledger", logCursor: true },
    { tab: TAB.mailLog, header: MAIL_LOG_HEADER, dateCol: 1 },
    { tab: TAB.runLog, header: RUN_LOG_HEADER, dateCol: 0 },
  ];
  const [ledger, log, runs] = specs.map((x) => moveOlder(r, x, before, editors, tz));
  r.state.archivedLogsBefore = month;
  r.p.state.save({ archivedLogsBefore: month });
  return `Chuyển sang bảng tính lưu trữ: ${ledger} dòng sổ thư, ${log} dòng nhật ký thư, ${runs} dòng nhật ký chạy trước tháng ${viMonthShort(month)}.`;
}

/** the year's status columns copied to the archive, their figures kept, then removed; how many periods moved */
function archiveStatuses(r: Run, year: number, a: Archive): number {
  const layout = r.state.status;
  // the year's columns where the header shows them now (a column left over beyond the product's own is not one)
  const cols = statusMonths(r).filter((x) => x.period.startsWith(`${year}-`) && !!layout?.periods.includes(x.period));
  if (cols.length && layout) {
    // the oldest months sit at the right, next to each other
    const first = Math.min(...cols.map((x) => x.col));
    const last = Math.max(...cols.map((x) => x.col));
    const height = STATUS_UNITS_ROW - 1 + layout.rows;
    const lead = r.store.readBlock(TAB.status, `A1:C${height}`);
    const block = r.store.readBlock(TAB.status, `${colLetter(first)}1:${colLetter(last)}${height}`);
    const width = last - first + 1;
    const rows: unknown[][] = [];
    for (let i = 0; i < Math.max(lead.length, block.length); i++) {
      const l = [...(lead[i] ?? [])];
      while (l.length < 3) l.push("");
      const c = [...(block[i] ?? [])];
      while (c.length < width) c.push("");
      rows.push([...l, ...c].map(safeCell));
    }
    // written whole each time: a run that stopped half-way writes the same again
    a.store.writeTab(TAB.status, rows, 0, true);
    // the figures of each period, as the status tab's summary rows hold them, kept in the working Sheet
    const periods = cols.map((x) => x.period);
    const figures = cols
      .map((x) => [year, a.url, viMonthShort(x.period), ...STATUS_SUMMARY.map((_, i) => block[2 + i]?.[x.col - first] ?? "")])
      .reverse();
    keepFigures(r, year, figures);
    r.store.deleteColumns(TAB.status, first, width);
    const hashes = { ...layout.hashes };
    for (const p of periods) delete hashes[p];
    r.state.status = { ...layout, periods: layout.periods.filter((p) => !p.startsWith(`${year}-`)), hashes };
    return periods.length;
  }
  return 0;
}

/** the year's rollup tabs copied to the archive, checked, then removed; how many moved */
function archiveRollups(r: Run, year: number, a: Archive): number {
  // the year's rollup tabs (TH mm.yyyy): copied whole, the copy checked, then the tab removed
  const tabs = Array.from({ length: 12 }, (_, i) => rollupTabName(`${year}-${String(i + 1).padStart(2, "0")}`));
  let moved = 0;
  for (const tab of tabs) {
    if (!r.store.hasTab(tab)) continue;
    // every column: a rollup tab is as wide as its widest table
    const last = r.store.lastRow(tab);
    const rows = last ? r.store.readBlock(tab, `1:${last}`) : [];
    if (rows.length) {
      const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;
      const width = Math.max(2, ...rows.map((row) => row.reduce((w: number, v, j) => (filled(v) ? j + 1 : w), 0)));
      a.store.writeTab(
        tab,
        rows.map((row) => Array.from({ length: width }, (_, j) => safeCell(row[j] ?? ""))),
        0,
        true,
      );
      // the tables' numbers read as in the working tab (counts grouped, rates as percentages): their formats copied
      const numbers = rows.reduce((at: number, row, i) => (row.some((v) => typeof v === "number") ? i : at), -1);
      if (numbers >= 0) a.store.writeFormats(tab, 1, 1, r.store.readFormats(tab, `A1:${colLetter(width)}${numbers + 1}`));
      if (a.store.lastRow(tab) < rows.length) throw new Error(`Bản sao trang “${tab}” trong bảng tính lưu trữ chưa đủ dòng.`);
    }
    r.store.deleteTab(tab);
    const heights = { ...r.state.heights };
    delete heights[tab];
    delete heights[`${tab}#cap`];
    r.state.heights = heights;
    moved++;
  }
  return moved;
}

type Archive = ReturnType<typeof archiveOf>;

/** a closed year: its reports, its status columns with their figures, its rollup tabs; each step once */
function archiveYear(r: Run, s: Settings, year: number, editors: string[]): string[] {
  const tz = s.timeZone;
  const notes: string[] = [];
  const step = (name: string) => !r.state.archivingYear?.done.includes(name);
  const did = (name: string) => {
    r.state.archivingYear = { year, done: [...(r.state.archivingYear?.done ?? []), name] };
    r.p.state.save({ archivingYear: r.state.archivingYear, status: r.state.status, heights: r.state.heights });
  };
  if (r.state.archivingYear?.year !== year) {
    r.state.archivingYear = { year, done: [] };
    r.p.state.save({ archivingYear: r.state.archivingYear });
  }
  const a = archiveOf(r, year, editors);
  const counts = { reports: 0, periods: 0, tabs: 0 };
  if (step("reports")) {
    // every report row received before the next year began
    const spec = SPECS.monthly;
    const header = headerOf(r, spec.tab);
    const moved = moveOlder(r, { tab: spec.tab, header, dateCol: 2, marks: "monthly" }, instantOf(`${year + 1}-01-01`, tz), editors, tz);
    counts.reports = moved;
    did("reports");
  }
  if (step("statuses")) {
    counts.periods = archiveStatuses(r, year, a);
    did("statuses");
  }
  if (step("rollups")) {
    counts.tabs = archiveRollups(r, year, a);
    did("rollups");
  }
  notes.push(
    `Năm ${year}: chuyển ${counts.reports} dòng báo cáo tháng và ${counts.periods} kỳ của trang “${TAB.status}”${counts.tabs ? `, ${counts.tabs} trang tổng hợp (TH tháng.${year})` : ""} sang ${a.url}.`,
  );
  r.state.archivedThrough = `${year}-12`;
  r.state.archivingYear = undefined;
  r.p.state.save({ archivedThrough: r.state.archivedThrough, archivingYear: undefined, marks: r.state.marks, status: r.state.status });
  return notes;
}

/** the tab "Lưu trữ": the year's rows written once (a rerun replaces them, never adds them twice) */
function keepFigures(r: Run, year: number, figures: unknown[][]): void {
  const have = r.store.readBlock(TAB.archive, `A2:${colLetter(ARCHIVE_HEADER.length)}`);
  const others = have.filter((row) => Number(row[0]) !== year && String(row[0] ?? "") !== "");
  const rows = [...others, ...figures];
  while (rows.length < have.length) rows.push(ARCHIVE_HEADER.map(() => ""));
  if (rows.length) r.store.writeRows(TAB.archive, 2, rows);
}

/** the logs' old months and a closed year's reports, statuses and rollup tabs, each to its year's archive */
function archive(r: Run, s: Settings, due: ArchiveDue): { notes: string[]; done: boolean } {
  const editors = s.staffEmails ?? [];
  const notes: string[] = [];
  let done = true;
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof MissingArchive)) throw e;
      notes.push(missing(r, e));
      done = false;
    }
  };
  if (due.logsBefore) {
    const month = due.logsBefore;
    guard(() => notes.push(archiveLogs(r, s, month, editors)));
  }
  if (due.year) {
    const year = due.year;
    guard(() => notes.push(...archiveYear(r, s, year, editors)));
  }
  // the files that open again are no longer a problem
  if (done) for (const y of Object.keys(r.state.archives ?? {})) resolveProblem(r.p, `archive:${y}`);
  return { notes, done };
}

/** the menu action, and the follow-up run's archive phase */
export function runArchive(p: Ports, manual: boolean): Result<string> {
  return openRun(p, ARCHIVE_JOB, (r) => {
    // the mark first: a run cut from here on is finished by the follow-up run it schedules
    if (!manual) beginJob(p, "archive", { safety: "runArchive" });
    const set = readSettings(r);
    if (!set.ok) return set;
    const due = archiveDue(r, set.value.settings, set.value.rules);
    if (!due.logsBefore && !due.year) {
      endJob(p, "archive", { archiveDue: false });
      return manual ? ok("Chưa có gì cần lưu trữ: nhật ký giữ hai tháng gần nhất, báo cáo giữ năm chưa khép lại.") : ok("");
    }
    if (manual) beginJob(p, "archive", { safety: "runFollowUp" });
    const out = archive(r, set.value.settings, due);
    p.state.record("run", { job: ARCHIVE_JOB, result: out.done ? "xong" : "chưa xong", detail: out.notes.join("\n") });
    // the run ended: a step that could not be done (a missing archive file) has its own line for staff, and the
    // archive is due again the next day
    endJob(p, "archive", out.done ? { archiveDue: false } : {});
    return ok(out.notes.join("\n"));
  });
}
