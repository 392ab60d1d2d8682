// The status tab as the product's record of statuses: periods already due keep what it holds, the live columns are
// rewritten when they change. Unit rows follow the roster; a unit that leaves keeps its row at the bottom.
import { viDate, viDateTime, viMonthShort } from "../../domain/dates";
import { colLetter, STATUS_FIRST_MONTH_COL, STATUS_REG_COL, STATUS_SUMMARY, STATUS_UNITS_ROW, TAB } from "../../domain/layout";
import { REGISTRATION } from "../../domain/periods";
import type { Settings } from "../../domain/settings";
import { figureValues, type PeriodFigures, type Statuses, statusOfText, statusText, type UnitStatus } from "../../domain/status";
import { hash, safeCell } from "../../domain/text";
import type { Unit } from "../../domain/units";
import type { StatusLayout } from "../../ports";
import type { Run } from "../run/context";
import { readRows } from "./records";

export function periodLabel(period: string): string {
  return period === REGISTRATION ? "Đăng ký" : viMonthShort(period);
}

/** the codes of the status tab's unit rows, in order */
interface StatusRows {
  codes: string[];
  /** the roster as last written (its part of the rows) */
  roster: Unit[];
  departed: string[];
}

interface Loaded {
  layout: StatusLayout;
  rows: StatusRows;
  /** statuses read back, per period */
  stored: Map<string, Map<string, UnitStatus>>;
  /** the layout could not be kept: every column is rewritten from what was read */
  rebuilt: boolean;
}

const EMPTY: StatusLayout = { rowsHash: "", rows: 0, departed: [], periods: [], hashes: {}, namesHash: "" };

const rosterHash = (codes: string[]) => hash(codes.join("\n"));

/** the column of a period in the layout */
export function columnOf(layout: StatusLayout, period: string): number {
  if (period === REGISTRATION) return STATUS_REG_COL;
  const i = layout.periods.indexOf(period);
  return i < 0 ? -1 : STATUS_FIRST_MONTH_COL + i;
}

function readColumns(r: Run, fromCol: number, toCol: number, rows: number): unknown[][] {
  if (toCol < fromCol) return [];
  return readRows(r, TAB.status, STATUS_UNITS_ROW, [colLetter(fromCol), colLetter(toCol)]).slice(0, rows);
}

function columnMap(codes: string[], rows: unknown[][], j: number): Map<string, UnitStatus> {
  const m = new Map<string, UnitStatus>();
  codes.forEach((c, i) => {
    const st = statusOfText(String(rows[i]?.[j] ?? ""));
    if (st) m.set(c, st);
  });
  return m;
}

/**
 * What a run needs of the status tab: the registration column and the newest `live` monthly columns (periods given
 * newest first). When the roster changed other than by units added at its end, or the months no longer line up,
 * the whole tab is read so that every row and column can be written again in place.
 */
export function loadStatus(r: Run, units: Unit[], months: string[], live: number, full = false): Loaded {
  const old = r.state.status ?? EMPTY;
  const codes = units.map((u) => u.code);
  const oldRosterCount = old.rows - old.departed.length;
  // units added at the roster's end take new rows at the bottom; a unit that left would sit between: then rebuild
  const grew = codes.length > oldRosterCount;
  const appendOnly =
    old.rowsHash !== "" &&
    codes.length >= oldRosterCount &&
    !(grew && old.departed.length) &&
    rosterHash(codes.slice(0, oldRosterCount)) === old.rowsHash;
  const newMonths = months.length - old.periods.length;
  const monthsFit = newMonths >= 0 && old.periods.every((p, i) => months[i + newMonths] === p);
  if (!full && appendOnly && monthsFit && r.store.hasTab(TAB.status)) {
    if (newMonths > 0 && old.periods.length) r.store.insertColumnsBefore(TAB.status, STATUS_FIRST_MONTH_COL, newMonths);
    const layout: StatusLayout = { ...old, periods: months };
    // the rows as they stand: the roster as last written, then the units that left; units new to the roster follow
    const standing = [...codes.slice(0, oldRosterCount), ...old.departed];
    const want = Math.max(1, live);
    const block = readColumns(r, STATUS_REG_COL, STATUS_FIRST_MONTH_COL + want - 1, standing.length);
    const stored = new Map<string, Map<string, UnitStatus>>();
    stored.set(REGISTRATION, columnMap(standing, block, 0));
    months.slice(0, want).forEach((p, k) => {
      // a column just inserted holds nothing yet
      if (k >= newMonths) stored.set(p, columnMap(standing, block, 1 + k));
    });
    const added = codes.slice(oldRosterCount);
    return {
      layout,
      rows: { codes: [...standing, ...added], roster: units, departed: old.departed },
      stored,
      rebuilt: false,
    };
  }
  return loadAll(r, units, months, old);
}

/** every row and column read back and laid out again: roster order, then the units that left and still count */
function loadAll(r: Run, units: Unit[], months: string[], old: StatusLayout): Loaded {
  const stored = new Map<string, Map<string, UnitStatus>>();
  if (r.store.hasTab(TAB.status) && old.rows) {
    const last = colLetter(STATUS_FIRST_MONTH_COL + old.periods.length - 1);
    const block = readRows(r, TAB.status, STATUS_UNITS_ROW, ["A", last]);
    const codes = block.map((row) => String(row[0] ?? "").trim());
    stored.set(REGISTRATION, columnMap(codes, block, STATUS_REG_COL - 1));
    old.periods.forEach((p, k) => {
      stored.set(p, columnMap(codes, block, STATUS_FIRST_MONTH_COL - 1 + k));
    });
  }
  const roster = new Set(units.map((u) => u.code));
  // a unit that left keeps its row while a period already due counts it
  const departed: string[] = [];
  for (const m of stored.values()) {
    for (const [c, st] of m) if (!roster.has(c) && st.kind !== "exempt" && !departed.includes(c)) departed.push(c);
  }
  const layout: StatusLayout = { rowsHash: "", rows: 0, departed, periods: months, hashes: {}, namesHash: "" };
  return { layout, rows: { codes: [...units.map((u) => u.code), ...departed], roster: units, departed }, stored, rebuilt: true };
}

function summaryCells(f: PeriodFigures): unknown[] {
  return figureValues(f).map((v, i) => (i ? (v ?? "") : viDate(String(v))));
}

/**
 * Writes the columns of the periods computed, those whose content changed only, in one block per run of adjacent
 * columns; the roster's names when they changed; on a rebuild, everything.
 */
export function saveStatus(r: Run, s: Settings, loaded: Loaded, st: Statuses): void {
  const { layout, rows } = loaded;
  const figures = new Map(st.figures.map((f) => [f.period, f]));
  const height = STATUS_UNITS_ROW - 1 + rows.codes.length;
  const cols = new Map<number, unknown[]>();
  const hashes = loaded.rebuilt ? {} : { ...layout.hashes };
  const stamp = `Cập nhật lúc ${viDateTime(r.now, s.timeZone)}`;
  for (const [period, map] of st.byPeriod) {
    const c = columnOf(layout, period);
    const f = figures.get(period);
    if (c < 0 || !f) continue;
    const cells: unknown[] = [periodLabel(period), ...summaryCells(f), ""];
    for (const code of rows.codes) {
      const x = map.get(code);
      cells.push(x ? statusText(x) : "");
    }
    const h = hash(JSON.stringify(cells));
    if (hashes[period] === h) continue;
    hashes[period] = h;
    cols.set(c, cells);
  }
  const prevHeight = r.state.heights.status ?? 0;
  const pad = (cells: unknown[]) => {
    const out = [...cells];
    while (out.length < Math.max(height, prevHeight) - 1) out.push("");
    return out;
  };
  const byCode = new Map(rows.roster.map((u) => [u.code, u]));
  const named = rows.codes.map((c) => {
    const u = byCode.get(c);
    return (u ? [c, u.name, u.group] : [c, "(đã rời danh sách đơn vị)", ""]).map(safeCell);
  });
  const namesHash = hash(JSON.stringify(named));
  let lead: unknown[][] | null = null;
  if (loaded.rebuilt || namesHash !== layout.namesHash) {
    lead = [
      // the time for the whole tab in C1, beside the title
      ["TRẠNG THÁI BÁO CÁO CÁC CĐCS", "", stamp],
      ["Mã đơn vị", "Tên CĐCS", "Khối"],
    ];
    STATUS_SUMMARY.forEach((label) => lead?.push(["", label, ""]));
    lead.push(["Đơn vị", "", ""], ...named);
    while (lead.length < Math.max(height, prevHeight)) lead.push(["", "", ""]);
    layout.namesHash = namesHash;
  }
  // runs of adjacent columns, each one block from row 1 (blank: the time is in C1) down; the codes and names join the first block
  // when it starts right after them (a rebuild writes the whole tab in one block)
  const withLead = lead !== null;
  const order = [...cols.keys()].sort((a, b) => a - b);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1] === order[j] + 1) j++;
    const block = order.slice(i, j + 1).map((c) => pad(cols.get(c) as unknown[]));
    const out: unknown[][] = [block.map(() => "")];
    for (let y = 0; y < block[0].length; y++) out.push(block.map((col) => col[y]));
    if (lead && order[i] === STATUS_REG_COL) {
      const head = lead;
      r.store.writeRows(
        TAB.status,
        1,
        out.map((row, y) => [...(head[y] ?? ["", "", ""]), ...row]),
        1,
      );
      lead = null;
    } else r.store.writeRows(TAB.status, 1, out, order[i]);
    i = j + 1;
  }
  if (lead) r.store.writeRows(TAB.status, 1, lead, 1);
  // one time for the whole tab in C1, beside the title (the period columns' row 1 left blank): with the names when
  // they were written, else one call
  if (!withLead) r.store.writeRows(TAB.status, 1, [[stamp, ...Array(layout.periods.length + 1).fill("")]], 3);
  layout.rowsHash = rosterHash(rows.roster.map((u) => u.code));
  layout.rows = rows.codes.length;
  layout.departed = rows.departed;
  layout.hashes = hashes;
  r.state.heights = { ...r.state.heights, status: Math.max(height, prevHeight) };
  r.state.status = layout;
  r.p.state.save({ status: layout, heights: r.state.heights });
}
