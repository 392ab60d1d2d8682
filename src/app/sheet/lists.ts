// The hidden tab the manual tabs' dropdowns read: each unit as “mã – tên”, the months a report can be for, the channels.
import { viMonthShort } from "../../domain/dates";
import { CHANNEL_LABEL, TAB } from "../../domain/layout";
import { hash } from "../../domain/text";
import type { Run } from "../run/context";

const LISTS_HEADER = ["Đơn vị (mã – tên)", "Tháng", "Kênh"];

/** the tab written whole (one write), blanking what the last write left below; not at all when nothing changed */
export function writeLists(r: Run, units: string[], months: string[]): void {
  const channels = Object.values(CHANNEL_LABEL).slice(1);
  const shown = months.slice(0, 12).map(viMonthShort);
  const h = hash(JSON.stringify([units, shown, channels]));
  if (h === r.state.viewHashes?.[TAB.lists]) return;
  const before = r.state.heights[TAB.lists] ?? 0;
  const height = Math.max(units.length, shown.length, channels.length);
  const rows = Array.from({ length: Math.max(height, before) }, (_, i) => [units[i] ?? "", shown[i] ?? "", channels[i] ?? ""]);
  r.store.writeRows(TAB.lists, 1, [LISTS_HEADER, ...rows]);
  r.state.heights = { ...r.state.heights, [TAB.lists]: height };
  r.state.viewHashes = { ...r.state.viewHashes, [TAB.lists]: h };
  r.p.state.save({ heights: r.state.heights, viewHashes: r.state.viewHashes });
}
