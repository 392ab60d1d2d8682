// The dashboard tab: each period up to the current one with its figures (from the status tab's summary rows), and
// the rates by Khối of the periods the product computed lately. Values, not references: the status tab's columns move.
import { viMonthShort } from "./dates";
import { STATUS_SUMMARY } from "./layout";
import { REGISTRATION } from "./periods";
import { byGroup, type GroupLine } from "./report/figures";
import type { PeriodFigures, UnitStatus } from "./status";
import type { Unit } from "./units";

/** a period as a row or a heading reads it: “Đăng ký”, “Tháng 10/2018” */
export function periodName(period: string): string {
  return period === REGISTRATION ? "Đăng ký" : `Tháng ${viMonthShort(period)}`;
}

/** the figures by Khối of one period, kept compact beside the state: [khối, phải báo cáo, đã nộp, đúng hạn] */
export type GroupRow = [string, number, number, number];

export function groupRows(units: Unit[], f: PeriodFigures, byUnit: Map<string, UnitStatus>): GroupRow[] {
  return byGroup(units, { at: 0, figures: f, byUnit }).map((g: GroupLine) => [g.group, g.expected, g.received, g.onTime]);
}

/** the Khối table's periods: registration and the newest months, at most this many */
const GROUP_PERIODS = 4;

/** the newest figures by Khối win; registration and the newest months are kept */
export function mergeGroups(old: Record<string, GroupRow[]> | undefined, fresh: Record<string, GroupRow[]>): Record<string, GroupRow[]> {
  const all = { ...(old ?? {}), ...fresh };
  const months = Object.keys(all)
    .filter((p) => p !== REGISTRATION)
    .sort()
    .reverse()
    .slice(0, GROUP_PERIODS - 1);
  const out: Record<string, GroupRow[]> = {};
  for (const p of months) out[p] = all[p];
  if (all[REGISTRATION]) out[REGISTRATION] = all[REGISTRATION];
  return out;
}

const DASHBOARD_HEADER = ["Kỳ", ...STATUS_SUMMARY];
export const GROUP_HEADER = ["Kỳ", "Khối", "Phải báo cáo", "Đã nộp", "Đúng hạn", "Tỷ lệ báo cáo", "Tỷ lệ đúng hạn"];
/** where the Khối table starts: right of the period table, under the chart Google draws at N3 */
export const GROUP_ROW = 22;
export const GROUP_COL = 14;
export const DASHBOARD_WIDTH = GROUP_COL + GROUP_HEADER.length - 1;

const rate = (a: number, b: number) => (b ? a / b : "");

/**
 * The whole tab as one block from A1. `columns`: the status tab's registration column then its months, newest first,
 * each the period's header and summary cells as the status tab holds them; `months`: those months' keys in that order.
 */
export function dashboardBlock(columns: unknown[][], months: string[], groups: Record<string, GroupRow[]>, stamp: string): unknown[][] {
  const table: unknown[][] = [];
  const periods = [REGISTRATION, ...months];
  // registration, then the months oldest first, as the chart reads them; a column never written stays out
  const order = [0, ...months.map((_, k) => months.length - k)];
  for (const i of order) {
    const col = columns[i];
    if (!col || col.slice(1).every((v) => v === "" || v === null || v === undefined)) continue;
    table.push([periodName(periods[i]), ...STATUS_SUMMARY.map((_, k) => col[1 + k] ?? "")]);
  }
  const rows: unknown[][] = [[`TỔNG QUAN TỶ LỆ BÁO CÁO THEO KỲ (cập nhật lúc ${stamp})`], DASHBOARD_HEADER, ...table];
  const byGroupRows: unknown[][] = [["TỶ LỆ BÁO CÁO THEO KHỐI"], GROUP_HEADER];
  const keys = Object.keys(groups).sort((a, b) => (a === REGISTRATION ? 1 : b === REGISTRATION ? -1 : b.localeCompare(a)));
  for (const p of keys) {
    for (const [g, expected, received, onTime] of groups[p]) {
      byGroupRows.push([periodName(p), g, expected, received, onTime, rate(received, expected), rate(onTime, expected)]);
    }
  }
  const height = Math.max(rows.length, GROUP_ROW - 1 + byGroupRows.length);
  const out: unknown[][] = [];
  for (let y = 0; y < height; y++) {
    const left = rows[y] ?? [];
    const right = byGroupRows[y - (GROUP_ROW - 1)] ?? [];
    const line: unknown[] = [];
    for (let x = 0; x < DASHBOARD_WIDTH; x++) {
      if (x < DASHBOARD_HEADER.length) line.push(left[x] ?? "");
      else if (x >= GROUP_COL - 1) line.push(right[x - (GROUP_COL - 1)] ?? "");
      else line.push("");
    }
    out.push(line);
  }
  return out;
}
