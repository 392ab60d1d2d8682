// The deadline as the directive words it, one phrase for forms, mails and rollups: "trước ngày 24/10/2018".
import { addDays, addMonths, dayNumber, viDate, viMonthShort } from "./dates";
import { type Deadline, deadlineOf, REGISTRATION } from "./periods";
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

const ownDue = (due: string, inclusive: boolean): Deadline => ({ due, lastOnTime: inclusive ? due : addDays(due, -1) });

/**
 * Dates that cannot work as set, for a product first set up on `today` (its roster read today): a registration
 * deadline already past, and months due before there was a roster (src/domain/rules.ts registrationDue, dueBeforeArrival). Nothing is refused (Revision 3
 * gives each such unit its own registration deadline, and no unit owes a month due before it came), but staff are
 * told what will happen, and what to change if that is not what they meant.
 */
export function dateWarnings(s: Settings, today: string): string[] {
  const out: string[] = [];
  const reg = deadlineOf(REGISTRATION, s);
  if (today > reg.lastOnTime)
    out.push(
      `Lưu ý: hạn đăng ký (${deadlineWords(reg)}) đã qua trước ngày thiết lập ${viDate(today)}. Không đơn vị nào bị báo trễ hạn đăng ký: mỗi đơn vị được mời đăng ký trước, với hạn riêng ${deadlineWords(ownDue(addDays(today, s.registrationGraceDays), s.registrationDeadlineInclusive))}. Nếu muốn một hạn chung, ghi lại ô “Hạn đăng ký” trên trang Cài đặt rồi chạy lại Thiết lập.`,
    );
  const past: string[] = [];
  for (let m = s.firstPeriod; deadlineOf(m, s).due < today && past.length < 120; m = addMonths(m, 1)) past.push(m);
  if (past.length) {
    const months =
      past.length === 1
        ? `tháng ${viMonthShort(past[0])}`
        : `các tháng ${viMonthShort(past[0])} đến ${viMonthShort(past[past.length - 1])}`;
    const next = viMonthShort(addMonths(past[past.length - 1], 1));
    out.push(
      `Lưu ý: kỳ báo cáo đầu tiên là tháng ${viMonthShort(s.firstPeriod)}, nhưng hạn của ${months} đã qua trước ngày thiết lập ${viDate(today)}: ${past.length === 1 ? "tháng này" : "các tháng này"} không tính cho đơn vị nào (không nhắc, không báo trễ hạn, không gửi tổng hợp cho lãnh đạo). Nếu muốn bắt đầu từ tháng ${next}, ghi ${next} ở ô “Kỳ báo cáo đầu tiên” trên trang Cài đặt.`,
    );
  }
  return out;
}
