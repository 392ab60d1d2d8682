// Diễn biến kept and shown: a month's figures written once to a hidden tab when its rollup is made, read back in one
// call (whatever the years behind it: the tab stays in the main Sheet when a year is archived), and the trend drawn
// on the dashboard as a table and two Sheets charts.
import { GROUP_ROW } from "../../domain/dashboard";
import { colLetter, DASHBOARD_PERIODS, TAB, type TabDef } from "../../domain/layout";
import { tabDefs } from "../../domain/tabs";
import { parseTrendRows, TREND_HEADER, type Trend, type TrendRow, trendTable, withMonth } from "../../domain/trends";
import type { Ports, State, Store } from "../../ports";

export const TREND_TAB = TAB.trends;

/** the hidden tab (made by setup; by the first rollup in a Sheet set up before it existed) */
const trendDef = (): TabDef => tabDefs(0).find((d) => d.name === TAB.trends) as TabDef;

/**
 * The month's rows kept: written when the month has none yet, or replaced when `replace` (the scheduled rollup, at the
 * month's cut-off). A rollup staff ask for later keeps the figures the scheduled one kept. One read, one write.
 */
export function keepMonth(p: Ports, store: Store, month: string, fresh: TrendRow[], replace: boolean): TrendRow[] {
  if (!store.hasTab(TREND_TAB)) p.workbook.prepare(store, [trendDef()]);
  const have = parseTrendRows(store.readBlock(TREND_TAB, `A2:${colLetter(TREND_HEADER.length)}`));
  if (!replace && have.some((r) => r[0] === month)) return have;
  const rows = withMonth(have, month, fresh);
  const block: unknown[][] = rows.map((r) => [...r]);
  while (block.length < have.length) block.push(TREND_HEADER.map(() => ""));
  if (block.length) store.writeRows(TREND_TAB, 2, block);
  return rows;
}

/** the Khối table's periods on the dashboard (src/domain/dashboard.ts keeps registration and three months) */
const GROUP_PERIODS = 4;

/**
 * The first row of the trend on the dashboard: under the tables the daily run writes, and under the rows setup formats
 * for the period table (dates in column B, rates in K:L), so its counts show as counts
 */
function trendRow(state: State, groups: number): number {
  const byGroup = GROUP_ROW + 1 + GROUP_PERIODS * (groups + 1);
  return Math.max(byGroup, state.heights[TAB.dashboard] ?? 0, 2 + DASHBOARD_PERIODS) + 3;
}

/**
 * The trend on the dashboard: its table under the daily figures, a column chart of the themes and a line chart of the
 * social-media figures' running totals beside it. Written at a rollup, so the daily run reads nothing for it.
 */
export function showTrend(p: Ports, store: Store, state: State, trend: Trend, groups: number): void {
  const rows = trendTable(trend);
  const top = trendRow(state, groups);
  const width = rows[0]?.length ?? 1;
  const before = state.heights[`${TAB.dashboard}#trend`] ?? 0;
  const beforeTop = state.heights[`${TAB.dashboard}#trendRow`] ?? top;
  const beforeWidth = state.heights[`${TAB.dashboard}#trendWidth`] ?? width;
  // the rows of an earlier trend blanked when it stood elsewhere or was longer or wider
  const from = Math.min(top, beforeTop);
  const to = Math.max(top + rows.length, beforeTop + before);
  const w = Math.max(width, beforeWidth);
  const block: unknown[][] = [];
  for (let y = from; y < to; y++) {
    const r = rows[y - top];
    block.push(Array.from({ length: w }, (_, x) => (r && y >= top ? (r[x] ?? "") : "")));
  }
  store.writeRows(TAB.dashboard, from, block);
  state.heights = {
    ...state.heights,
    [`${TAB.dashboard}#trend`]: rows.length,
    [`${TAB.dashboard}#trendRow`]: top,
    [`${TAB.dashboard}#trendWidth`]: width,
  };
  p.state.save({ heights: state.heights });
  const themes = trend.themes.length;
  const months = width - 1;
  if (themes && months >= 1)
    p.workbook.placeChart(store, TAB.dashboard, {
      a1: `A${top + 1}:${colLetter(1 + months)}${top + 1 + themes}`,
      title: "Diễn biến các chủ đề (số đơn vị nêu)",
      type: "COLUMN",
      row: top,
      col: width + 2,
    });
  const figures = trend.figures.length;
  if (figures && months >= 1) {
    // the running totals under their own header row: a month a point, a figure a line
    const header = top + rows.findIndex((r) => String(r[0]) === "Lũy kế");
    p.workbook.placeChart(store, TAB.dashboard, {
      a1: `A${header}:${colLetter(1 + months)}${header + figures}`,
      transpose: true,
      title: "Hoạt động trên mạng xã hội (lũy kế)",
      type: "LINE",
      row: top + 20,
      col: width + 2,
    });
  }
}
