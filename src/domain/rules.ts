// The deadline each period is held to: today's settings until it is due, then the rules that applied (frozen).
import { addDays, laterDay, localDay } from "./dates";
import { type Deadline, deadlineOf, REGISTRATION } from "./periods";
import type { Settings } from "./settings";
import type { Unit } from "./units";

/** the rules of a period, kept once its due date has passed, so that a later settings change never rewrites it */
export interface Frozen {
  periods: Record<string, Deadline>;
  registration?: { deadline: Deadline; graceDays: number; inclusive: boolean };
  /** when each unit came on the roster: what it owes depends on it (scenario Revision 3) */
  roster?: Roster;
}

/**
 * The roster's history as the rules need it: the local day the product first read a roster with units (every unit on
 * it then was there "from setup"), and the local day each unit that came on a later day first appeared.
 */
export interface Roster {
  since: string;
  arrivals: Record<string, string>;
}

/** when a unit came on the roster: `later` = after the day the roster was first read (staff added it) */
interface Arrival {
  day: string;
  later: boolean;
}

export interface Rules {
  /** a monthly period's deadline */
  deadline(period: string): Deadline;
  /** the registration deadline the directive names (units active from the start) */
  registration(): Deadline;
  graceDays: number;
  registrationInclusive: boolean;
  /** when the unit came on the roster; null when the product has no record of it (before any roster was read) */
  arrival(code: string): Arrival | null;
}

export function currentRules(s: Settings): Rules {
  return {
    deadline: (p) => deadlineOf(p, s),
    registration: () => deadlineOf(REGISTRATION, s),
    graceDays: s.registrationGraceDays,
    registrationInclusive: s.registrationDeadlineInclusive,
    arrival: () => null,
  };
}

/** a unit's arrival from the roster's record: its own day when staff added it later, else the day the roster began */
function arrivalOf(roster: Roster | undefined, code: string): Arrival | null {
  if (!roster) return null;
  const day = roster.arrivals[code];
  return day ? { day, later: true } : { day: roster.since, later: false };
}

export function rulesOf(s: Settings, frozen: Frozen | undefined): Rules {
  const now = currentRules(s);
  if (!frozen) return now;
  const reg = frozen.registration;
  return {
    deadline: (p) => frozen.periods[p] ?? now.deadline(p),
    registration: () => reg?.deadline ?? now.registration(),
    graceDays: reg?.graceDays ?? now.graceDays,
    registrationInclusive: reg?.inclusive ?? now.registrationInclusive,
    arrival: (code) => arrivalOf(frozen.roster, code),
  };
}

/**
 * Freezes the rules of every period that became due while the settings `s` were in force (from `since` to `asOf`):
 * its last on-time day ended in that time. Call it with the settings about to be replaced before a change takes
 * effect. A period already due before the product had settings is not frozen: the first settings staff type apply.
 */
export function freezeDue(frozen: Frozen | undefined, s: Settings, periods: string[], since: number, asOf: number): Frozen {
  const today = localDay(asOf, s.timeZone);
  const from = localDay(since, s.timeZone);
  const became = (d: Deadline) => today > d.lastOnTime && d.lastOnTime >= from;
  const out: Frozen = { periods: { ...(frozen?.periods ?? {}) }, registration: frozen?.registration };
  if (frozen?.roster) out.roster = frozen.roster;
  for (const p of periods) {
    if (out.periods[p]) continue;
    const d = deadlineOf(p, s);
    if (became(d)) out.periods[p] = d;
  }
  const reg = deadlineOf(REGISTRATION, s);
  if (!out.registration && became(reg)) {
    out.registration = { deadline: reg, graceDays: s.registrationGraceDays, inclusive: s.registrationDeadlineInclusive };
  }
  return out;
}

/** a due date no earlier than `from`: `from` itself, or the later `day` with its last on-time day */
function notBefore(from: Deadline, day: string, rules: Rules): Deadline {
  const due = laterDay(day, from.due);
  return due === from.due ? from : { due, lastOnTime: rules.registrationInclusive ? due : addDays(due, -1) };
}

/**
 * A unit's own registration deadline. Revision 2: the directive's deadline for units active by the month of its eve;
 * for a unit that becomes active later, the first day of its first month plus the grace days, never earlier.
 * Revision 3: a unit staff added to the roster later owes it no earlier than the day it came plus the grace days; a
 * unit on the roster from setup is one the directive was addressed to and keeps its deadline, unless setup came after
 * that deadline had passed: then it counts as added at setup. Null when the unit is dissolved before its eve's month:
 * it owes no registration.
 */
export function registrationDue(u: Unit, rules: Rules): Deadline | null {
  const base = rules.registration();
  const eveMonth = addDays(base.due, -1).slice(0, 7);
  let d = base;
  if (u.activeFrom && u.activeFrom > eveMonth) d = notBefore(base, addDays(`${u.activeFrom}-01`, rules.graceDays), rules);
  const a = rules.arrival(u.code);
  if (a && (a.later || a.day > d.lastOnTime)) d = notBefore(d, addDays(a.day, rules.graceDays), rules);
  if (u.activeTo && u.activeTo < addDays(d.due, -1).slice(0, 7)) return null;
  return d;
}

/** a monthly period due before the unit came on the roster: not expected of it (scenario Revision 3) */
export function dueBeforeArrival(code: string, period: string, rules: Rules): boolean {
  const a = rules.arrival(code);
  return !!a && rules.deadline(period).due < a.day;
}
