// The dashboard written from the figures: the status tab's summary rows hold every period's (its months move a column
// each month, so the dashboard holds values, not references), the figures by Khối come from the last statuses computed.

import { dashboardBlock, type GroupRow, groupRows, mergeGroups } from "../../domain/dashboard";
import { viDateTime } from "../../domain/dates";
import {
  colLetter,
  DASHBOARD_PERIODS,
  STATUS_FIRST_MONTH_COL,
  STATUS_HEADER_ROW,
  STATUS_REG_COL,
  STATUS_SUMMARY,
  STATUS_SUMMARY_ROW,
  TAB,
} from "../../domain/layout";
import type { Statuses } from "../../domain/status";
import { hash } from "../../domain/text";
import type { Unit } from "../../domain/units";
import { messageOf, type Run } from "../run/context";

/** the figures by Khối of the periods just computed, kept with the state for the dashboard */
export function noteGroups(r: Run, units: Unit[], statuses: Statuses, save = true): void {
  const fresh: Record<string, GroupRow[]> = {};
  for (const f of statuses.figures) {
    const map = statuses.byPeriod.get(f.period);
    if (map) fresh[f.period] = groupRows(units, f, map);
  }
  r.state.byGroup = mergeGroups(r.state.byGroup, fresh);
  if (save) r.p.state.save({ byGroup: r.state.byGroup });
}

/**
 * One read of the status tab's headers and summary rows, one write of the dashboard. A tab that is not there (deleted
 * by mistake: setup makes it again) is said, not thrown: the run it belongs to goes on.
 */
export function writeDashboard(r: Run, tz: string): string {
  const months = r.state.status?.periods ?? [];
  const last = colLetter(Math.max(STATUS_REG_COL, STATUS_FIRST_MONTH_COL + months.length - 1));
  const bottom = STATUS_SUMMARY_ROW + STATUS_SUMMARY.length - 1;
  try {
    const block = r.store.readBlock(TAB.status, `${colLetter(STATUS_REG_COL)}${STATUS_HEADER_ROW}:${last}${bottom}`);
    const columns = Array.from({ length: 1 + months.length }, (_, j) => block.map((row) => row[j]));
    const rows = dashboardBlock(columns, months, r.state.byGroup ?? {}, viDateTime(r.now, tz));
    const height = rows.length;
    // a quiet day: the figures as they were, only the time in the title is new
    const h = hash(JSON.stringify(rows.slice(1)));
    if (h === r.state.viewHashes?.[TAB.dashboard] && height === r.state.heights[TAB.dashboard]) {
      r.store.writeRows(TAB.dashboard, 1, [rows[0]]);
      return "";
    }
    // the first time, the rows of an earlier dashboard (references, one row per possible period) are blanked too
    const before = r.state.heights[TAB.dashboard] ?? 2 + DASHBOARD_PERIODS;
    while (rows.length < before) rows.push(rows[0].map(() => ""));
    r.store.writeRows(TAB.dashboard, 1, rows);
    r.state.heights = { ...r.state.heights, [TAB.dashboard]: height };
    r.state.viewHashes = { ...r.state.viewHashes, [TAB.dashboard]: h };
    r.p.state.save({ heights: r.state.heights, viewHashes: r.state.viewHashes });
    return "";
  } catch (e) {
    return `Chưa cập nhật được trang “${TAB.dashboard}”: ${messageOf(e)}`;
  }
}
