// Rebuild the status tab from the responses (menu action; the daily job does the same on its own).

import type { FormId } from "../domain/forms";
import { TAB } from "../domain/layout";
import type { Settings } from "../domain/settings";
import { checkSettings } from "../domain/settings";
import type { Statuses, Version } from "../domain/status";
import type { Unit } from "../domain/units";
import { computeAll } from "./daily";
import type { Ports, State, Store } from "./ports";
import { withStore } from "./run";
import { statusBlock } from "./status-tab";

/** computes every unit × period status and writes the tab in one block, blanking what the last write left over */
export function writeStatuses(
  p: Ports,
  store: Store,
  state: State,
  s: Settings,
  units: Unit[],
  versions: Record<FormId, Version[]>,
): Statuses {
  const now = p.clock.now();
  const st = computeAll(units, versions, s, now);
  const block = statusBlock(units, st, s, now, { rows: state.heights.status ?? 0, cols: state.heights.statusCols ?? 0 });
  store.writeRows(TAB.status, 1, block);
  state.heights = { ...state.heights, status: block.length, statusCols: block[0].length };
  p.state.save({ heights: state.heights });
  return st;
}

export function refreshStatuses(p: Ports, store: Store, state: State): Statuses {
  const s = state.settings;
  if (!s || checkSettings(s).length) throw new Error("Cài đặt chưa hợp lệ: chạy Thiết lập.");
  const versions = { registration: store.readVersions("registration").versions, monthly: store.readVersions("monthly").versions };
  return writeStatuses(p, store, state, s, store.readUnits().units, versions);
}

export function refreshCommand(p: Ports): string {
  return withStore(p, ({ state, store }) => {
    const last = refreshStatuses(p, store, state).figures.slice(-1)[0];
    return `Đã cập nhật trạng thái. Kỳ ${last.period}: ${last.received}/${last.expected} đơn vị đã nộp.`;
  });
}
