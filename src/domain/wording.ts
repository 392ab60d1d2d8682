// The deadline as the directive words it, one phrase for forms, mails and rollups: "trước ngày 24/10/2018".
import { dayNumber, viDate } from "./dates";
import { type Deadline, deadlineOf } from "./periods";
import type { Settings } from "./settings";

/** "trước ngày 24/10/2018" (the due day is late), or "đến hết ngày 24/10/2018" (the due day is still on time) */
export function deadlineWords(d: Deadline): string {
  return d.lastOnTime === d.due ? `đến hết ngày ${viDate(d.due)}` : `trước ngày ${viDate(d.due)}`;
}

/** the deadline of a period (a month, or the registration) as set: inclusive or not */
export function deadlinePhrase(period: string, s: Settings): string {
  return deadlineWords(deadlineOf(period, s));
}

/** every month's deadline, for the monthly form's description: "trước ngày 24 hằng tháng" */
export function monthlyDeadlinePhrase(s: Pick<Settings, "monthlyDueDay" | "monthlyDueInclusive">): string {
  return `${s.monthlyDueInclusive ? "đến hết ngày" : "trước ngày"} ${s.monthlyDueDay} hằng tháng`;
}

/**
 * Days past the due date, as staff set the overdue notices ("Báo trễ hạn sau 1 ngày": the notice on due + 1 says
 * "đã quá hạn 1 ngày"): counted from the date the directive names, 0 on that date itself. The statuses' "Trễ hạn (N
 * ngày)" counts otherwise (from the last on-time day: a report received on the due date is 1 day late).
 */
export function daysPastDue(d: Deadline, today: string): number {
  return Math.max(0, dayNumber(today) - dayNumber(d.due));
}

/** "đã quá hạn 1 ngày" on the day after the due date; "đã quá hạn" on the due date itself when that day is late */
export function overdueWords(d: Deadline, today: string): string {
  const n = daysPastDue(d, today);
  return n ? `đã quá hạn ${n} ngày` : "đã quá hạn";
}

/** how the deadline stands on a day, in words: "còn 5 ngày", "hôm nay là ngày cuối", "đã quá hạn 1 ngày" */
export function timeLeftWords(d: Deadline, today: string): string {
  const left = dayNumber(d.lastOnTime) - dayNumber(today) + 1;
  if (left <= 0) return overdueWords(d, today);
  return left === 1 ? "hôm nay là ngày cuối" : `còn ${left} ngày`;
}
