// A period's figures as they stood at an instant: its cut-off (the rollup's hour on its due day), or now.
import { addDays, addMonths, instantOf } from "../dates";
import { type Answers, countAnswer, countsIn, type FigureSection, type FormSpec } from "../forms/spec";
import { deadlineOf, REGISTRATION } from "../periods";
import type { Rules } from "../rules";
import type { Settings } from "../settings";
import { computeStatuses, type PeriodFigures, type UnitStatus, type Version } from "../status";
import type { Unit } from "../units";

/** the instant a period is compiled at: the daily run's hour, `rollupAfter` days after its due date */
export function cutoffOf(period: string, s: Settings): number {
  return instantOf(addDays(deadlineOf(period, s).due, s.rollupAfter), s.timeZone, s.dailyRunHour);
}

/** "Đã xác nhận: ai, 21/10/2018 08:30" (or "Đã từ chối: …") → the instant staff decided, read in the zone (0 when it cannot be read) */
export function confirmedAt(mark: unknown, tz: string): number {
  const m = /(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/.exec(String(mark ?? ""));
  return m ? instantOf(`${m[3]}-${m[2]}-${m[1]}`, tz, +m[4], +m[5]) : 0;
}

/** the stored versions as they stood at an instant: what had arrived by then, confirmed (or rejected) only if decided by then */
export function versionsAt(versions: Version[], at: number, confirmed: (v: Version) => number): Version[] {
  return versions
    .filter((v) => v.at <= at)
    .map((v) => ((v.confirmed || v.rejected) && confirmed(v) > at ? { ...v, confirmed: false, rejected: false } : v));
}

export interface Snapshot {
  at: number;
  figures: PeriodFigures;
  byUnit: Map<string, UnitStatus>;
}

/** what a period's figures are read from: the roster, the stored versions, and when staff decided on each */
interface FigureSource {
  units: Unit[];
  versions: Version[];
  s: Settings;
  /** the instant staff confirmed (or rejected) a version: a decision after a snapshot's instant does not count in it */
  confirmed: (v: Version) => number;
  /** who is expected (today's rules, from the settings, when absent) */
  rules?: Rules;
}

/** one period's statuses from the versions that stood at `at` */
export function snapshot(source: FigureSource, period: string, at: number): Snapshot {
  const { units, versions, s, confirmed, rules } = source;
  const vs = versionsAt(versions, at, confirmed);
  const st = computeStatuses({
    units,
    versions: period === REGISTRATION ? { registration: vs, monthly: [] } : { registration: [], monthly: vs },
    periods: period === REGISTRATION ? [] : [period],
    s,
    asOf: at,
    rules,
  });
  const figures = st.figures.find((f) => f.period === period) as PeriodFigures;
  return { at, figures, byUnit: st.byPeriod.get(period) ?? new Map() };
}

export interface Snapshots {
  /** the period at its cut-off (or now, if that comes first) */
  current: Snapshot;
  /** the month before at the same point of its own calendar: what "change" is measured against */
  previousSame: Snapshot | null;
  /** the month before as it stands now: its late units and days late */
  previousFinal: Snapshot | null;
}

/**
 * The figures a report needs. `asOf` is the cut-off for the scheduled rollup, now for one staff ask for; the month
 * before is taken the same number of hours after its own cut-off, so a change means the same thing every month.
 */
export function snapshots(source: FigureSource, period: string, asOf: number, now: number): Snapshots {
  const { s } = source;
  const current = snapshot(source, period, asOf);
  if (period === REGISTRATION || period <= s.firstPeriod) return { current, previousSame: null, previousFinal: null };
  const prev = addMonths(period, -1);
  const same = cutoffOf(prev, s) + (asOf - cutoffOf(period, s));
  return {
    current,
    previousSame: snapshot(source, prev, same),
    previousFinal: snapshot(source, prev, now),
  };
}

export interface GroupLine {
  group: string;
  expected: number;
  received: number;
  onTime: number;
  reportingRate: number | null;
  onTimeRate: number | null;
}

const NO_GROUP = "Chưa phân khối";

/** the figures by the roster's "Khối", groups in the roster's order, then the total */
export function byGroup(units: Unit[], snap: Snapshot): GroupLine[] {
  const lines = new Map<string, GroupLine>();
  const total: GroupLine = { group: "Tổng cộng", expected: 0, received: 0, onTime: 0, reportingRate: null, onTimeRate: null };
  for (const u of units) {
    const st = snap.byUnit.get(u.code);
    if (!st || st.kind === "exempt") continue;
    const g = u.group || NO_GROUP;
    const line = lines.get(g) ?? { group: g, expected: 0, received: 0, onTime: 0, reportingRate: null, onTimeRate: null };
    lines.set(g, line);
    for (const x of [line, total]) {
      x.expected++;
      if (st.kind === "onTime" || st.kind === "late") x.received++;
      if (st.kind === "onTime") x.onTime++;
    }
  }
  const out = [...lines.values(), total];
  for (const x of out) {
    x.reportingRate = x.expected ? x.received / x.expected : null;
    x.onTimeRate = x.expected ? x.onTime / x.expected : null;
  }
  return out;
}

/** the units whose content counts at the snapshot, with the row their content is on */
export function counted(snap: Snapshot): { unit: string; row: number }[] {
  const out: { unit: string; row: number }[] = [];
  for (const [unit, st] of snap.byUnit)
    if ((st.kind === "onTime" || st.kind === "late") && st.contentRow) out.push({ unit, row: st.contentRow });
  return out.sort((a, b) => a.unit.localeCompare(b.unit));
}

/** the sums over the units counted of the count questions placed in one of the report's tables */
export function figureTotals(spec: FormSpec, table: FigureSection, entries: { answers: Answers }[]): { label: string; total: number }[] {
  return countsIn(spec, table).map(({ field, label }) => ({
    label,
    total: entries.reduce((t, e) => t + countAnswer(e.answers, field), 0),
  }));
}
