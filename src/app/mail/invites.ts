// When units came on the roster, and the invitations to register that follow (scenario Revisions 2 and 3). The roster's
// history is kept with the frozen rules (what a unit owes depends on when it came): the day a roster with units was
// first read (its units are there "from setup"), and the day each unit that came on a later day first appeared.
// Invitations go once per unit, from the first daily run, at the start of the unit's first month, or on the day it came
// on the roster, whichever is latest.
import { localDay } from "../../domain/dates";
import type { Roster } from "../../domain/rules";
import type { Invites } from "../../domain/schedule";
import type { Unit } from "../../domain/units";
import type { Run } from "../run/context";

const zoneOf = (r: Run) => r.state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";

/** the invitations' record; the first daily run starts it: invitations go from that day, to units as they came */
export function invitesOf(r: Run): Invites {
  const joined = { ...(r.state.invites?.joined ?? {}), ...(r.state.frozen?.roster?.arrivals ?? {}) };
  if (r.state.invites) return { from: r.state.invites.from, joined };
  const invites: Invites = { from: localDay(r.now, zoneOf(r)), joined: {} };
  r.state.invites = invites;
  r.p.state.save({ invites });
  return { ...invites, joined };
}

/**
 * Units new to the roster since the index was last saved (call it before saving the new one): the first roster read
 * starts the record (a product that already ran before this was kept counts from its first daily run); after it, a
 * unit that comes on a later day is noted with that day. Kept for good: the rules of that unit follow from it.
 */
export function noteArrivals(r: Run, units: Unit[]): void {
  if (!units.length) return;
  const today = localDay(r.now, zoneOf(r));
  const frozen = r.state.frozen ?? { periods: {} };
  const before: Roster = frozen.roster ?? { since: r.state.invites?.from ?? today, arrivals: {} };
  const known = new Set(r.p.state.unitCodes());
  const arrivals = { ...before.arrivals };
  for (const u of units) {
    // a unit typed in on the day the roster was first read counts as there from setup
    if (known.has(u.code) || arrivals[u.code] || today <= before.since) continue;
    arrivals[u.code] = today;
  }
  const roster: Roster = { since: before.since, arrivals };
  if (frozen.roster && JSON.stringify(roster) === JSON.stringify(frozen.roster)) return;
  r.state.frozen = { ...frozen, roster };
  r.p.state.save({ frozen: r.state.frozen });
}
