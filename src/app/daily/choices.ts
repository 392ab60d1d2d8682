// The forms' dropdowns: the units and the months a respondent can choose, kept in line with the roster.

import { localMonth } from "../../domain/dates";
import { FORM_IDS } from "../../domain/forms";
import type { Settings } from "../../domain/settings";
import { isActive, type Unit, unitChoice } from "../../domain/units";
import type { Choices } from "../../ports";
import { monthChoice } from "../mail/mails";
import { periodsUpTo, type Run } from "../run/context";

/**
 * What the forms offer: the units active now or joining later, and any unit that still owes a report (a unit dissolved
 * last month owes that month); the months the product accepts (the last six, never one before the first period or to
 * come; before the first period, the first period itself, which the product accepts early).
 */
export function choicesFor(units: Unit[], s: Settings, asOf: number, owing: Set<string> = new Set()): Choices {
  const month = localMonth(asOf, s.timeZone);
  const months = periodsUpTo(s, asOf).slice(-6).reverse().map(monthChoice);
  return {
    unit: units.filter((u) => isActive(u, month) || u.activeFrom > month || owing.has(u.code)).map(unitChoice),
    month: months.length ? months : [monthChoice(s.firstPeriod)],
  };
}

/** writes each form's dropdowns when what they should offer changed (at most one Forms write each) */
export function syncChoices(r: Run, s: Settings, units: Unit[], owing: Set<string> = new Set()): void {
  const choices = choicesFor(units, s, r.now, owing);
  const hashes = { ...r.state.choicesHash };
  for (const form of FORM_IDS) {
    const ref = r.state.forms[form];
    if (ref) hashes[form] = r.p.forms.syncChoices(form, ref, choices, r.state.choicesHash[form]);
  }
  r.state.choicesHash = hashes;
}
