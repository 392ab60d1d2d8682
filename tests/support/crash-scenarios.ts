// The seasons the crash sweeps cut: small, so that a run cut at each of its calls plays again in a fraction of a second.
import { type RawScenario, submitMonthly, unit } from "./helpers";

const settings = { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 };

/** October 2018, three units: a report before the reminders, one on the day before the deadline, one missing */
export const october: RawScenario = {
  units: [unit("CD001"), unit("CD002"), unit("CD003")],
  settings,
  run: { from: "2018-10-23", to: "2018-10-25" },
  events: [submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00"), submitMonthly("CD002", "2018-10", "2018-10-23T10:00:00+07:00")],
};

const units = [unit("CD001"), unit("CD002")];
const months = ["2018-10", "2018-11", "2018-12", "2019-01"];

/** a year closed: October 2018 to January 2019 reported, the archive of 2018 due after January's rollup */
export const yearEnd: RawScenario = {
  units,
  settings,
  run: { from: "2019-01-24", to: "2019-01-26" },
  events: months.flatMap((m) => units.map((u, i) => submitMonthly(String(u.code), m, `${m}-2${i}T10:00:00+07:00`))),
};

/** staff add a unit and run setup again a few days before the deadline */
export const setupAgain: RawScenario = {
  units,
  settings,
  run: { from: "2018-10-20", to: "2018-10-21" },
  events: [
    submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00"),
    { type: "addUnit", at: "2018-10-20T13:00:00+07:00", unit: unit("CD003") },
    { type: "menu", at: "2018-10-20T14:00:00+07:00", action: "setup" },
  ],
};

/** thirty units owing October's report: more reminders than a run's clock sends when each mail is slow */
const thirty = Array.from({ length: 30 }, (_, i) => unit(`CD${String(i + 1).padStart(3, "0")}`));

/** the reminder day before the 24th (19 October), thirty units, played to the next day */
export const reminderDay: RawScenario = { units: thirty, settings, run: { from: "2018-10-19", to: "2018-10-20" } };

/** reminders five days before only, on the 19th, thirty units: a day the quota holds some, then the days after */
export const heldThenSent: RawScenario = {
  units: thirty,
  settings: { ...settings, remindBefore: [5], overdueAfter: [27] },
  run: { from: "2018-10-19", to: "2018-10-21" },
};
