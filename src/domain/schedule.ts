// Which mails are due today: invitations to register, reminders and overdue notices to units still owing, rollups,
// owed receipts. Each mail carries what its text depends on: the unit's status, its own deadline, the version that
// stands for it (the edit link of a report that needs fixing).
import { addDays, dayNumber, laterDay, localDay } from "./dates";
import type { FormAnswers } from "./forms";
import { MAIL_KIND, MAIL_KINDS, type MailKind } from "./mail-kinds";
import { type Deadline, REGISTRATION, rollupDay } from "./periods";
import { type Rules, registrationDue } from "./rules";
import type { Settings } from "./settings";
import { owes, type PeriodFigures, type Statuses, type StatusKind, type UnitStatus, type Version } from "./status";
import type { Unit } from "./units";
import { daysPastDue } from "./wording";

export interface DueMail {
  kind: MailKind;
  /** unique per mail that should exist once: the mail ledger's key */
  key: string;
  period: string;
  unit?: string;
  /** the day the mail became due */
  stage: string;
  daysLate?: number;
  /** the unit's status when the mail was planned (what the mail says depends on it) */
  status?: StatusKind;
  /** the deadline the unit is held to for the period (a unit that joined later has its own for registration) */
  deadline?: Deadline;
  /**
   * receipts: the response version acknowledged; reminders and overdue notices to a unit whose report needs fixing or
   * waits for confirmation: the version that stands for it (its edit link, what to fix)
   */
  version?: Version;
  /** receipts: the report the unit is counted by (timeliness), when it is not this version */
  counted?: { at: number; daysLate: number };
  /** the answers received, quoted in receipts (added before composing when the run has them) */
  answers?: FormAnswers;
}

export function mailKey(kind: MailKind, period: string, unit: string, stage: string): string {
  return `${kind}|${period}|${unit}|${stage}`;
}

export function receiptKey(v: { key: string }): string {
  return `receipt|${v.key}`;
}

export interface Plan {
  due: DueMail[];
  /** stages whose catch-up window closed yesterday without the mail going out: logged once */
  expired: DueMail[];
}

/** when invitations go out: from the first day the product ran, or later for a unit staff added later (its first day on the roster) */
export interface Invites {
  from: string;
  joined: Record<string, string>;
}

interface PlanInput {
  asOf: number;
  s: Settings;
  rules: Rules;
  /** statuses of the periods mails can still be about */
  statuses: Statuses;
  units: Unit[];
  /** versions received lately: receipts and requests to fix not yet sent */
  versions: Version[];
  sent: Set<string>;
  /** staff asked to remind today every unit owing a period still open (all of them, or these) */
  remindNow?: { units: Set<string> | null };
  /** invitations to register (none when absent) */
  invites?: Invites;
  /** every version the run read: the one standing for a unit's status is found here by its row */
  all?: Version[];
}

/** a unit owes its registration before its own deadline too: its status says "not yet due", it is asked all the same */
function owing(period: string, st: UnitStatus): boolean {
  return owes(st) || (period === REGISTRATION && st.kind === "exempt" && !!st.notYetDue);
}

/** the day a unit's invitation is due: the later of the day invitations began, its first month, and its first day on the roster */
function inviteDay(u: Unit, inv: Invites): string {
  const first = u.activeFrom ? `${u.activeFrom}-01` : inv.from;
  return laterDay(laterDay(inv.from, first), inv.joined[u.code] ?? inv.from);
}

type Stage = { cur: string; closed: string[] };

/**
 * A kind's current stage for one deadline: the latest stage day reached, while still within the catch-up window.
 * `waiting`: a unit whose report waits for staff to confirm its sender is asked on every day a reminder or an overdue
 * notice would go (scenario Revision 3), by a reminder.
 */
function stageOf(kind: "before" | "after" | "waiting", d: Deadline, s: Settings, today: string, now: boolean): Stage {
  const before = s.remindBefore.map((k) => addDays(d.due, -k));
  const after = s.overdueAfter.map((k) => addDays(d.due, k));
  const days = kind === "before" ? before : kind === "after" ? after : [...before, ...after];
  const open = today <= d.lastOnTime;
  const fits = (x: string) => x <= today && (kind === "before" ? open : kind === "after" ? x > d.lastOnTime : true);
  const past = [...days, ...(now && kind !== "after" && open ? [today] : [])].filter(fits).sort();
  const cur = past[past.length - 1];
  const t = dayNumber(today);
  return {
    cur: cur && t - dayNumber(cur) <= s.catchUpDays ? cur : "",
    closed: days.filter((x) => fits(x) && t - dayNumber(x) === s.catchUpDays + 1),
  };
}

/** what planning a run's mails works from, and the two lists it fills */
interface Planning {
  input: PlanInput;
  s: Settings;
  sent: Set<string>;
  today: string;
  /** today as a day number */
  t: number;
  due: DueMail[];
  expired: DueMail[];
  byCode: Map<string, Unit>;
  /** the version a status stands on (the latest content of the report that needs fixing or waits) */
  standing: (st: UnitStatus) => Version | undefined;
}

/** what a unit's mails for a period say of it */
type About = { period: string; unit: string; status: StatusKind; deadline: Deadline; version?: Version };

/** a mail due today, unless it went already */
function add(pl: Planning, d: DueMail): void {
  if (!pl.sent.has(d.key)) pl.due.push(d);
}

/** a stage a notice planned after the deadline already covered (before the report came) is not asked again */
function noticed(pl: Planning, period: string, code: string, x: string): boolean {
  return MAIL_KINDS.some((k) => MAIL_KIND[k].plan === "after" && pl.sent.has(mailKey(k, period, code, x)));
}

/** a unit whose report waits for staff: asked on every day a notice before or after the deadline would go */
function planWaiting(pl: Planning, kind: MailKind, about: About, asked: boolean): void {
  const { period, unit: code, deadline: d } = about;
  const w = stageOf("waiting", d, pl.s, pl.today, asked);
  if (w.cur && !noticed(pl, period, code, w.cur)) add(pl, { kind, key: mailKey(kind, period, code, w.cur), stage: w.cur, ...about });
  for (const x of w.closed) {
    const key = mailKey(kind, period, code, x);
    if (!pl.sent.has(key) && !noticed(pl, period, code, x)) pl.expired.push({ kind, key, period, unit: code, stage: x });
  }
}

/** once per unit: on its invitation day, within the catch-up window, while its deadline has not passed */
function planInvite(pl: Planning, kind: MailKind, about: About, u: Unit, invites: Invites): void {
  const { period, unit: code, deadline: d } = about;
  const { s, today } = pl;
  const day = inviteDay(u, invites);
  const age = pl.t - dayNumber(day);
  const key = mailKey(kind, period, code, day);
  if (age >= 0 && age <= s.catchUpDays && today <= d.lastOnTime) add(pl, { kind, key, stage: day, ...about });
  else if (age === s.catchUpDays + 1 && today <= d.lastOnTime && !pl.sent.has(key))
    pl.expired.push({ kind, key, stage: day, period, unit: code });
}

/** a notice before or after the deadline on its stage day */
function planNotice(pl: Planning, kind: MailKind, how: "before" | "after", about: About, asked: boolean): void {
  const { period, unit: code, deadline: d } = about;
  if (about.status === "unverified") {
    // its report is here, waiting for staff: asked for the one thing missing on each stage day by the kind
    // planned before the deadline, never told it is overdue (a stage an overdue notice already covered,
    // before the report came, is not asked again)
    if (how === "before") planWaiting(pl, kind, about, asked);
    return;
  }
  const st2 = stageOf(how, d, pl.s, pl.today, asked);
  // the overdue notice on due + N says N days (as staff set "Báo trễ hạn sau"), see wording.ts daysPastDue
  const daysLate = how === "after" ? daysPastDue(d, pl.today) : undefined;
  if (st2.cur) add(pl, { kind, key: mailKey(kind, period, code, st2.cur), stage: st2.cur, daysLate, ...about });
  for (const x of st2.closed) {
    const key = mailKey(kind, period, code, x);
    if (!pl.sent.has(key)) pl.expired.push({ kind, key, period, unit: code, stage: x });
  }
}

/** the mails one unit owing a period is due: each kind it can owe planned the way the registry says, in its order */
function planUnit(pl: Planning, f: PeriodFigures, code: string, st: UnitStatus): void {
  const { input } = pl;
  const period = f.period;
  // registration: each unit's own deadline (a unit that joined later); otherwise the period's
  const u = pl.byCode.get(code);
  const d = period === REGISTRATION ? (u ? registrationDue(u, input.rules) : null) : f.deadline;
  if (!d || !u) return;
  const status: StatusKind = st.kind === "exempt" ? "missing" : st.kind;
  const version = status === "missing" ? undefined : pl.standing(st);
  const about = { period, unit: code, status, deadline: d, ...(version ? { version } : {}) };
  const asked = !!input.remindNow && (!input.remindNow.units || input.remindNow.units.has(code));
  for (const kind of MAIL_KINDS) {
    const how = MAIL_KIND[kind].plan;
    switch (how) {
      case "invite":
        if (period === REGISTRATION && input.invites) planInvite(pl, kind, about, u, input.invites);
        break;
      case "before":
      case "after":
        planNotice(pl, kind, how, about, asked);
        break;
      case "response":
      case "rollup":
      case "event":
        break;
      default: {
        const unknown: never = how;
        throw new Error(`mail planning not handled: ${String(unknown)}`);
      }
    }
  }
}

/** the rollup: to leaders, once the last on-time day has ended, for a period somebody was expected to report in */
function planRollup(pl: Planning, f: PeriodFigures): void {
  const { s } = pl;
  if (!s.rollupTo.length || !f.expected) return;
  const day = rollupDay(f.deadline, s);
  const rollup: DueMail = { kind: "rollup", key: mailKey("rollup", f.period, "", day), period: f.period, stage: day };
  const late = pl.t - dayNumber(day);
  if (late >= 0 && late <= s.catchUpDays) add(pl, rollup);
  else if (late === s.catchUpDays + 1 && !pl.sent.has(rollup.key)) pl.expired.push(rollup);
}

/** a receipt or a request to fix for a version received lately */
function planReceipt(pl: Planning, v: Version): void {
  const { s, input } = pl;
  const age = pl.t - dayNumber(localDay(v.at, s.timeZone));
  const kind = age <= s.catchUpDays + 1 ? receiptKind(v, s) : null;
  if (!kind) return;
  const d: DueMail = { kind, key: receiptKey(v), period: v.period, unit: v.unit, stage: localDay(v.at, s.timeZone), version: v };
  // what the receipt says of timeliness: the report the unit is counted by, which may be an earlier one
  const st = v.unit ? input.statuses.byPeriod.get(v.period)?.get(v.unit) : undefined;
  const u = v.unit ? pl.byCode.get(v.unit) : undefined;
  const deadline =
    v.period === REGISTRATION ? (u ? registrationDue(u, input.rules) : null) : v.period ? input.rules.deadline(v.period) : null;
  if (deadline) d.deadline = deadline;
  if (st) d.status = st.kind;
  if (st && (st.kind === "onTime" || st.kind === "late") && st.at !== undefined) d.counted = { at: st.at, daysLate: st.daysLate };
  // past the catch-up window: said once in the run log, never silently dropped
  if (age > s.catchUpDays) {
    if (!pl.sent.has(d.key)) pl.expired.push(d);
  } else add(pl, d);
}

export function plan(input: PlanInput): Plan {
  const { s, statuses, sent } = input;
  const today = localDay(input.asOf, s.timeZone);
  const byRow = new Map((input.all ?? []).map((v) => [`${v.responseId}|${v.row}`, v]));
  const pl: Planning = {
    input,
    s,
    sent,
    today,
    t: dayNumber(today),
    due: [],
    expired: [],
    byCode: new Map(input.units.map((u) => [u.code, u])),
    standing: (st) => (st.responseId && st.contentRow ? byRow.get(`${st.responseId}|${st.contentRow}`) : undefined),
  };
  for (const f of statuses.figures) {
    for (const [code, st] of statuses.byPeriod.get(f.period) ?? []) if (owing(f.period, st)) planUnit(pl, f, code, st);
    planRollup(pl, f);
  }
  for (const v of input.versions) planReceipt(pl, v);
  const order = (d: DueMail) => `${MAIL_KIND[d.kind].priority}|${d.period === REGISTRATION ? "0" : d.period}|${d.unit ?? ""}|${d.key}`;
  pl.due.sort((a, b) => order(a).localeCompare(order(b)));
  return { due: pl.due, expired: pl.expired };
}

/**
 * What a stored version is owed: a request to fix whatever `receipts` says (a form response the product could not
 * accept), or a receipt when receipts are on (a form response with a sender, or a report staff recorded and accepted).
 */
export function receiptKind(v: Version, s: Settings): MailKind | null {
  if (v.channel === "form") {
    if (!v.email) return null;
    if (v.verdict === "invalid") return "invalid";
    return s.receipts ? "receipt" : null;
  }
  return s.receipts && v.verdict === "accepted" && v.unit ? "receipt" : null;
}
