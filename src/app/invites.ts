// Invitations to register (scenario Revision 2): once per unit, from the first day the product had a roster, at the
// start of the unit's first month, or on the day staff added it to the roster, whichever is latest.
import { dayNumber, laterDay, localDay } from "../domain/dates";
import type { Invites } from "../domain/schedule";
import type { Unit } from "../domain/units";
import type { Run } from "./context";

const zoneOf = (r: Run) => r.state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";

/** the invitations' record; the first daily run starts it: invitations go from that day */
export function invitesOf(r: Run): Invites {
  if (r.state.invites) return r.state.invites;
  const invites: Invites = { from: localDay(r.now, zoneOf(r)), joined: {} };
  r.state.invites = invites;
  r.p.state.save({ invites });
  return invites;
}

/**
 * Units new to the roster since the index was last saved (call it before saving the new one): the day each came is
 * kept while its invitation can still be due. A unit added before its first month needs nothing kept: that month
 * decides.
 */
export function noteArrivals(r: Run, units: Unit[]): void {
  // before the first daily run every unit on the roster is invited at that run: nothing to note
  const inv = r.state.invites;
  if (!inv) return;
  const today = localDay(r.now, zoneOf(r));
  const known = new Set(r.p.state.unitCodes());
  const window = (r.state.settings?.catchUpDays ?? 31) + 2;
  const joined: Record<string, string> = {};
  for (const [code, day] of Object.entries(inv.joined)) if (dayNumber(today) - dayNumber(day) <= window) joined[code] = day;
  for (const u of units) {
    if (known.has(u.code) || joined[u.code]) continue;
    const start = u.activeFrom ? `${u.activeFrom}-01` : inv.from;
    if (today > laterDay(inv.from, start)) joined[u.code] = today;
  }
  if (JSON.stringify(joined) === JSON.stringify(inv.joined)) return;
  r.state.invites = { ...inv, joined };
  r.p.state.save({ invites: r.state.invites });
}
