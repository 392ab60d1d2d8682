// The tabs staff read that follow from the statuses: the Zalo list and the dashboard. The daily job's own run writes
// the statuses; a follow-up run a minute later writes these from the status tab (its live columns, its summary rows),
// each run within its own budget of calls.
import { localDay } from "../../domain/dates";
import { codeOfLabel, colLetter, STATUS_FIRST_MONTH_COL, STATUS_UNITS_ROW, TAB } from "../../domain/layout";
import { REGISTRATION } from "../../domain/periods";
import { rulesOf } from "../../domain/rules";
import type { Settings } from "../../domain/settings";
import { figuresOf, type PeriodFigures, statusOfText, type UnitStatus } from "../../domain/status";
import { type Unit, unitChoice } from "../../domain/units";
import { readRows } from "../daily/records";
import { livePeriods } from "../daily/statuses";
import { messageOf, type Run } from "../run/context";
import { noteGroups, writeDashboard } from "./dashboard";
import { writeLists } from "./lists";
import { type LiveStatuses, todayOf, writeToday } from "./start";
import { notReachedToday, writeZalo, zaloOf } from "./zalo";

/** a unit as the status tab names it (code, name, Khối): enough for its links and its figures by Khối */
function unitOf(row: unknown[]): Unit {
  return {
    code: codeOfLabel(row[0]),
    name: String(row[1] ?? ""),
    chair: "",
    emails: [],
    phone: "",
    group: String(row[2] ?? ""),
    activeFrom: "",
    activeTo: "",
  };
}

/** registration and the live months as the status tab holds them now (one read: the unit rows, up to the live columns) */
function liveFromTab(r: Run, s: Settings): LiveStatuses {
  const rules = rulesOf(s, r.state.frozen);
  const { live } = livePeriods(s, rules, r.now);
  const stored = r.state.status?.periods ?? [];
  // the months the tab's columns hold, newest first from column E, as the daily job laid them out
  const n = Math.min(live, stored.length);
  const rows = readRows(r, TAB.status, STATUS_UNITS_ROW, ["A", colLetter(STATUS_FIRST_MONTH_COL + Math.max(0, n - 1))]);
  const departed = new Set(r.state.status?.departed ?? []);
  const units = rows.filter((row) => String(row[0] ?? "") && !departed.has(codeOfLabel(row[0]))).map(unitOf);
  const periods = [REGISTRATION, ...stored.slice(0, n)];
  const today = localDay(r.now, s.timeZone);
  const byPeriod = new Map<string, Map<string, UnitStatus>>();
  const figures: PeriodFigures[] = [];
  periods.forEach((period, k) => {
    const map = new Map<string, UnitStatus>();
    for (const row of rows) {
      const st = statusOfText(String(row[3 + k] ?? ""));
      if (st && row[0]) map.set(codeOfLabel(row[0]), st);
    }
    byPeriod.set(period, map);
    figures.push(figuresOf(period, map, rules, today));
  });
  return { units, statuses: { byPeriod, figures }, live: periods };
}

/** the Zalo list, the start tab's today block and the dashboard; what could not be written is said, never thrown */
export function writeViews(r: Run, s: Settings): string[] {
  const notes: string[] = [];
  try {
    const fromTab = liveFromTab(r, s);
    const { units, statuses, live } = fromTab;
    noteGroups(r, units, statuses);
    const held = notReachedToday(r, s);
    writeZalo(r, s, zaloOf(r, s, units, statuses, live), held);
    try {
      writeToday(r, s, todayOf(r, s, fromTab, new Set(held.map((x) => x.code)).size));
    } catch (e) {
      notes.push(`Chưa cập nhật được trang “${TAB.start}”: ${messageOf(e)}`);
    }
    // the manual tabs' dropdowns follow the roster and the months
    writeLists(r, units.map(unitChoice), r.state.status?.periods ?? []);
  } catch (e) {
    notes.push(`Chưa cập nhật được trang “${TAB.zalo}”: ${messageOf(e)}`);
  }
  const dash = writeDashboard(r, s.timeZone);
  if (dash) notes.push(dash);
  return notes;
}
