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

/** how the deadline stands on a day, in words: "còn 5 ngày", "hôm nay là ngày cuối", "đã quá hạn 2 ngày" */
export function timeLeftWords(d: Deadline, today: string): string {
  const left = dayNumber(d.lastOnTime) - dayNumber(today) + 1;
  if (left <= 0) return `đã quá hạn ${1 - left} ngày`;
  return left === 1 ? "hôm nay là ngày cuối" : `còn ${left} ngày`;
}
