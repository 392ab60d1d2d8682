// Periods and their deadlines: "trước ngày 24 hàng tháng", "trước ngày 15/10/2018", in the settings' zone.
import { addDays, dayNumber, laterDay, localDay, monthRange } from "./dates";
import type { Settings } from "./settings";

/** the registration is a period of its own */
export const REGISTRATION = "registration";

export interface Deadline {
  /** the date the directive names ("trước ngày 24/10" → 2018-10-24) */
  due: string;
  /** the last local day that is still on time */
  lastOnTime: string;
}

export function deadlineOf(period: string, s: Settings): Deadline {
  if (period === REGISTRATION) {
    const due = s.registrationDeadline;
    return { due, lastOnTime: s.registrationDeadlineInclusive ? due : addDays(due, -1) };
  }
  const due = `${period}-${String(s.monthlyDueDay).padStart(2, "0")}`;
  return { due, lastOnTime: s.monthlyDueInclusive ? due : addDays(due, -1) };
}

/** 0 when on time; otherwise local calendar days from the last on-time day to the day received */
export function daysLate(receivedAt: number, d: Deadline, tz: string): number {
  return Math.max(0, dayNumber(localDay(receivedAt, tz)) - dayNumber(d.lastOnTime));
}

/** monthly periods from the first one through `lastMonth` */
export function monthlyPeriods(s: Settings, lastMonth: string): string[] {
  return lastMonth < s.firstPeriod ? [] : monthRange(s.firstPeriod, lastMonth);
}

/** the day a period's rollup goes out: `rollupAfter` days after the due date, and never before the last on-time day has ended */
export function rollupDay(d: Deadline, s: Settings): string {
  const day = addDays(d.due, s.rollupAfter);
  const after = addDays(d.lastOnTime, 1);
  return laterDay(day, after);
}

/** the last day a mail about the period can still go out (its last stage plus the catch-up window) */
export function liveUntil(d: Deadline, s: Settings): string {
  const last = Math.max(0, ...s.overdueAfter);
  const stage = addDays(d.due, last);
  const roll = rollupDay(d, s);
  return addDays(laterDay(stage, roll), s.catchUpDays);
}
