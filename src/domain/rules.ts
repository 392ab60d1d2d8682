// The deadline each period is held to: today's settings until it is due, then the rules that applied (frozen).
import { addDays, laterDay, localDay } from "./dates";
import { type Deadline, deadlineOf, REGISTRATION } from "./periods";
import type { Settings } from "./settings";
import type { Unit } from "./units";

/** the rules of a period, kept once its due date has passed, so that a later settings change never rewrites it */
export interface Frozen {
  periods: Record<string, Deadline>;
  registration?: { deadline: Deadline; graceDays: number; inclusive: boolean };
}

export interface Rules {
  /** a monthly period's deadline */
  deadline(period: string): Deadline;
  /** the registration deadline the directive names (units active from the start) */
  registration(): Deadline;
  graceDays: number;
  registrationInclusive: boolean;
}

export function currentRules(s: Settings): Rules {
  return {
    deadline: (p) => deadlineOf(p, s),
    registration: () => deadlineOf(REGISTRATION, s),
    graceDays: s.registrationGraceDays,
    registrationInclusive: s.registrationDeadlineInclusive,
  };
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

/**
 * A unit's own registration deadline (scenario Revision 2): the directive's deadline for units active by the month of
 * its eve; for a unit that becomes active later, the first day of its first month plus the grace days, never earlier.
 * Null when the unit is dissolved before its eve's month: it owes no registration.
 */
export function registrationDue(u: Unit, rules: Rules): Deadline | null {
  const base = rules.registration();
  const eveMonth = addDays(base.due, -1).slice(0, 7);
  let d = base;
  if (u.activeFrom && u.activeFrom > eveMonth) {
    const own = addDays(`${u.activeFrom}-01`, rules.graceDays);
    const due = laterDay(own, base.due);
    d = { due, lastOnTime: rules.registrationInclusive ? due : addDays(due, -1) };
  }
  if (u.activeTo && u.activeTo < addDays(d.due, -1).slice(0, 7)) return null;
  return d;
}
