// The statuses a run works with: registration and the live months computed from the rows it read, months already
// closed kept as stored (or merged with late reports that came in), written back where they changed.
import { localDay } from "../../domain/dates";
import type { FormId } from "../../domain/forms";
import { colLetter, STATUS_UNITS_ROW, TAB } from "../../domain/layout";
import { liveUntil, REGISTRATION } from "../../domain/periods";
import type { Rules } from "../../domain/rules";
import type { Settings } from "../../domain/settings";
import { evaluate, figuresOf, type Statuses, statusOfText, type UnitStatus } from "../../domain/status";
import type { Unit } from "../../domain/units";
import { loadArchived, saveArchived } from "../archive/archived";
import { periodsUpTo, type Run } from "../run/context";
import { holdsMonth, marksOf, readRows, readWindow, type Window } from "./records";
import { columnOf, loadStatus, saveStatus } from "./status-store";

/** monthly periods newest first, and how many of them (from the newest) a mail can still be about */
export function livePeriods(s: Settings, rules: Rules, asOf: number, archived?: string): { months: string[]; live: number } {
  const today = localDay(asOf, s.timeZone);
  const months = periodsUpTo(s, asOf, archived).reverse();
  let live = 0;
  months.forEach((p, i) => {
    if (today <= liveUntil(rules.deadline(p), s)) live = i + 1;
  });
  return { months, live: Math.min(months.length, Math.max(live, months.length ? 1 : 0)) };
}

/** what a run has read: the settings in force, their rules, the roster, the records' windows */
export interface Reading {
  s: Settings;
  rules: Rules;
  units: Unit[];
  windows: Record<FormId, Window>;
}

export interface Computed {
  statuses: Statuses;
  /** periods mails can be about: registration and the live months */
  live: string[];
  /** the whole tabs were read (the status tab had to be laid out again) */
  full: boolean;
}

/**
 * Statuses of registration, the live months and any closed month a late report came in for; written back. When the
 * status tab must be laid out again (roster reordered, months changed), every row is read and every period computed.
 */
export function updateStatuses(r: Run, read: Reading, full = false): Computed {
  const { s, rules, units, windows } = read;
  const { months, live } = livePeriods(s, rules, r.now, r.state.archivedThrough);
  const loaded = loadStatus(r, units, months, live, full);
  let versions = [...windows.registration.versions, ...windows.monthly.versions];
  let periods: string[];
  let complete: (p: string) => boolean;
  if (loaded.rebuilt || full) {
    // every row of both tabs: what the windows did not cover is read now
    for (const form of ["registration", "monthly"] as FormId[]) {
      if (windows[form].start > 2) windows[form] = readWindow(r, form, 2);
    }
    versions = [...windows.registration.versions, ...windows.monthly.versions];
    periods = [REGISTRATION, ...months];
    complete = () => true;
  } else {
    const m = marksOf(r, "monthly");
    const start = windows.monthly.start;
    const liveMonths = months.slice(0, live);
    // closed months a report came in for: their stored column is merged with it
    const touched = [...new Set(windows.monthly.versions.map((v) => v.period))].filter(
      (p) => months.includes(p) && !liveMonths.includes(p) && !loaded.stored.has(p),
    );
    for (const p of touched) {
      const c = columnOf(loaded.layout, p);
      const rows = readRows(r, TAB.status, STATUS_UNITS_ROW, [colLetter(c), colLetter(c)]);
      const map = new Map<string, UnitStatus>();
      loaded.rows.codes.forEach((code, i) => {
        const st = statusOfText(String(rows[i]?.[0] ?? ""));
        if (st) map.set(code, st);
      });
      loaded.stored.set(p, map);
    }
    periods = [REGISTRATION, ...liveMonths, ...touched];
    complete = (p) => (p === REGISTRATION ? windows.registration.start <= 2 : liveMonths.includes(p) && holdsMonth(m, p, start));
  }
  // a version of an archived month: judged with what the archive holds for it, and written back there
  const done = r.state.archivedThrough ?? "";
  const old = [...new Set(windows.monthly.versions.map((v) => v.period))].filter((p) => p && p <= done && p >= s.firstPeriod);
  const arch = old.length ? loadArchived(r, old) : null;
  if (arch) {
    for (const [p, m] of arch.stored) {
      loaded.stored.set(p, m);
      periods.push(p);
    }
    const within = complete;
    complete = (p) => !arch.stored.has(p) && within(p);
  }
  const statuses = keepDeparted(
    evaluate(versions, periods, { rules, units, stored: loaded.stored, complete }, s, r.now),
    loaded.stored,
    units,
    rules,
    localDay(r.now, s.timeZone),
  );
  saveStatus(r, s, loaded, statuses);
  if (arch) saveArchived(r, arch.columns, arch.stored, statuses.byPeriod, statuses.figures);
  return { statuses, live: [REGISTRATION, ...months.slice(0, live)], full: loaded.rebuilt || full };
}

/**
 * Units that left the roster keep the registration they sent: with no roster row there is no deadline to judge them
 * by, so the status the product recorded for them stands (closed periods keep their figures).
 */
export function keepDeparted(
  st: Statuses,
  stored: Map<string, Map<string, UnitStatus>>,
  units: Unit[],
  rules: Rules,
  today: string,
): Statuses {
  const was = stored.get(REGISTRATION);
  const reg = st.byPeriod.get(REGISTRATION);
  if (!was || !reg) return st;
  const roster = new Set(units.map((u) => u.code));
  let changed = false;
  for (const [code, before] of was) {
    if (roster.has(code) || before.kind === "exempt") continue;
    const now = reg.get(code);
    if (now && now.kind === before.kind && now.daysLate === before.daysLate) continue;
    reg.set(code, before);
    changed = true;
  }
  if (!changed) return st;
  return {
    byPeriod: st.byPeriod,
    figures: st.figures.map((f) => (f.period === REGISTRATION ? figuresOf(REGISTRATION, reg, rules, today) : f)),
  };
}
