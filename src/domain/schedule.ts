// Which mails are due today: reminders and overdue notices to units still owing, rollups, owed receipts.
import { addDays, dayNumber, localDay } from "./dates";
import { REGISTRATION } from "./periods";
import type { Settings } from "./settings";
import { owes, type Statuses, type Version } from "./status";

export type ScheduledKind = "reminder" | "overdue" | "rollup" | "receipt" | "invalid";

export interface DueMail {
  kind: ScheduledKind;
  /** unique per mail that should exist once: the send log's key */
  key: string;
  period: string;
  unit?: string;
  /** the day the mail became due */
  stage: string;
  daysLate?: number;
  /** receipts: the response version acknowledged */
  version?: Version;
}

/** order in which a short mail quota is spent (documented in the README) */
export const PRIORITY: Record<ScheduledKind, number> = { receipt: 0, invalid: 0, rollup: 1, overdue: 2, reminder: 3 };

export function mailKey(kind: ScheduledKind, period: string, unit: string, stage: string): string {
  return `${kind}|${period}|${unit}|${stage}`;
}

export function receiptKey(v: Version): string {
  return `receipt|${v.key}`;
}

export interface Plan {
  due: DueMail[];
  /** stages whose catch-up window closed yesterday without the mail going out: logged once */
  expired: DueMail[];
}

/** `remindNow`: staff asked to remind today every unit owing a period still open, whatever the calendar says */
export function plan(
  asOf: number,
  s: Settings,
  statuses: Statuses,
  unitCodes: string[],
  versions: Version[],
  sent: Set<string>,
  remindNow = false,
): Plan {
  const today = localDay(asOf, s.timeZone);
  const day = dayNumber(today);
  const due: DueMail[] = [];
  const expired: DueMail[] = [];
  const add = (d: DueMail) => sent.has(d.key) || due.push(d);
  for (const f of statuses.figures) {
    const { deadline: dl, period } = f;
    const open = today <= dl.lastOnTime;
    // each kind's current stage: the latest stage day reached, while still within the catch-up window
    const stages = (kind: "reminder" | "overdue", days: string[]) => {
      const past = [...days, ...(remindNow ? [today] : [])]
        .filter((d) => d <= today && (kind === "reminder" ? open : d > dl.lastOnTime))
        .sort();
      const cur = past[past.length - 1];
      return {
        kind,
        cur: cur && day - dayNumber(cur) <= s.catchUpDays ? cur : "",
        closed: days.filter((d) => day - dayNumber(d) === s.catchUpDays + 1),
      };
    };
    for (const st of [
      stages(
        "reminder",
        s.remindBefore.map((k) => addDays(dl.due, -k)),
      ),
      stages(
        "overdue",
        s.overdueAfter.map((k) => addDays(dl.due, k)),
      ),
    ]) {
      for (const unit of unitCodes) {
        if (!owes(statuses.byPeriod.get(period)?.get(unit))) continue;
        const daysLate = st.kind === "overdue" ? day - dayNumber(dl.lastOnTime) : undefined;
        if (st.cur) add({ kind: st.kind, key: mailKey(st.kind, period, unit, st.cur), period, unit, stage: st.cur, daysLate });
        for (const d of st.closed) {
          const key = mailKey(st.kind, period, unit, d);
          if (!sent.has(key)) expired.push({ kind: st.kind, key, period, unit, stage: d });
        }
      }
    }
    const rollupDay = addDays(dl.due, s.rollupAfter);
    const late = day - dayNumber(rollupDay);
    const rollup: DueMail = { kind: "rollup", key: mailKey("rollup", period, "", rollupDay), period, stage: rollupDay };
    if (!s.rollupTo.length) continue; // nobody to send rollups to: none is due
    if (late >= 0 && late <= s.catchUpDays) add(rollup);
    else if (late === s.catchUpDays + 1 && !sent.has(rollup.key)) expired.push(rollup);
  }
  if (s.receipts) {
    for (const v of versions) {
      if (v.channel !== "form" || !v.email || day - dayNumber(localDay(v.at, s.timeZone)) > s.catchUpDays) continue;
      add({
        kind: v.verdict === "invalid" ? "invalid" : "receipt",
        key: receiptKey(v),
        period: v.period,
        unit: v.unit,
        stage: today,
        version: v,
      });
    }
  }
  const order = (d: DueMail) => `${PRIORITY[d.kind]}|${d.period === REGISTRATION ? "0" : d.period}|${d.unit ?? ""}|${d.key}`;
  due.sort((a, b) => order(a).localeCompare(order(b)));
  return { due, expired };
}
