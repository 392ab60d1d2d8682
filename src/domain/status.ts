// Unit × period statuses and the DHIS2 figures: expected, received, on time, rates.
import { localDay } from "./dates";
import type { FormAnswers } from "./forms";
import { type Deadline, daysLate, REGISTRATION } from "./periods";
import { currentRules, dueBeforeArrival, type Rules, registrationDue } from "./rules";
import type { Settings } from "./settings";
import { isActive, type Unit } from "./units";

export type Verdict = "accepted" | "invalid" | "unverified";

/** one stored version of a response: the key columns of a report tab (its answers only when the run that stored it has them) */
export interface Version {
  key: string;
  responseId: string;
  at: number;
  unit: string;
  period: string;
  verdict: Verdict;
  confirmed: boolean;
  /** staff rejected it (a sender they could not confirm): it counts for nothing, and is kept */
  rejected?: boolean;
  channel: string;
  email: string;
  /** 1-based row in its tab */
  row: number;
  /** reasons and notes stored with the version */
  notes?: string;
  /** the respondent's own link to edit the response (form responses) */
  editUrl?: string;
  /** the form it answers (a version whose period could not be read still belongs to one) */
  form?: "registration" | "monthly";
  /** its answers, when the run that stored it has them (a submit, the reconcile, staff's entries); never read back */
  answers?: FormAnswers;
}

export type StatusKind = "onTime" | "late" | "missing" | "invalid" | "unverified" | "exempt";

/** what a later version of the same response did to an accepted report, for staff to see */
type LaterEdit = "invalid" | "moved";

export interface UnitStatus {
  kind: StatusKind;
  daysLate: number;
  /** when the counted report arrived */
  at?: number;
  responseId?: string;
  /** row of the content that stands (latest accepted version) */
  contentRow?: number;
  channel?: string;
  laterEdit?: LaterEdit;
  /** exempt only because the unit's own deadline has not come yet (registration of a unit that joined later) */
  notYetDue?: boolean;
}

export interface PeriodFigures {
  period: string;
  deadline: Deadline;
  expected: number;
  received: number;
  onTime: number;
  onTimeUnits: string[];
  late: { unit: string; daysLate: number }[];
  missing: string[];
  invalid: string[];
  unverified: string[];
  exempt: string[];
  reportingRate: number | null;
  onTimeRate: number | null;
  /** the deadline has not passed yet at `asOf` */
  open: boolean;
}

export interface Statuses {
  byPeriod: Map<string, Map<string, UnitStatus>>;
  figures: PeriodFigures[];
}

/** one report: the versions of a response for one unit and one period (an edit that changes either starts another) */
interface Report {
  unit: string;
  period: string;
  responseId: string;
  kind: "accepted" | "unverified" | "invalid";
  /** first acceptable version (timeliness), else the first version */
  at: number;
  /** latest acceptable version, else the latest */
  contentRow: number;
  channel: string;
  laterEdit?: LaterEdit;
}

const acceptable = (v: Version, confirmed: boolean) => v.verdict === "accepted" || (v.verdict === "unverified" && confirmed);

/** versions → reports, keyed "period|unit" */
export function reportsOf(versions: Version[]): Map<string, Report[]> {
  const byResponse = new Map<string, Version[]>();
  const seen = new Set<string>();
  for (const v of versions) {
    // a version stored twice (a redelivered event that slipped through) counts once
    if (seen.has(v.key)) continue;
    seen.add(v.key);
    if (v.rejected) continue;
    const list = byResponse.get(v.responseId);
    if (list) list.push(v);
    else byResponse.set(v.responseId, [v]);
  }
  const out = new Map<string, Report[]>();
  for (const [responseId, all] of byResponse) {
    all.sort((a, b) => a.at - b.at || a.row - b.row);
    const latest = all[all.length - 1];
    const groups = new Map<string, Version[]>();
    for (const v of all) {
      if (!v.unit || !v.period) continue;
      const k = `${v.period}|${v.unit}`;
      const g = groups.get(k);
      if (g) g.push(v);
      else groups.set(k, [v]);
    }
    for (const [k, list] of groups) {
      // a confirmation covers the versions of its own unit and period only
      const confirmed = list.some((v) => v.confirmed);
      const ok = list.filter((v) => acceptable(v, confirmed));
      const last = list[list.length - 1];
      const kind = ok.length ? "accepted" : last.verdict === "unverified" ? "unverified" : "invalid";
      let laterEdit: LaterEdit | undefined;
      if (ok.length && latest !== ok[ok.length - 1]) {
        const mine = latest.unit === last.unit && latest.period === last.period;
        laterEdit = mine || !acceptable(latest, latest.confirmed) ? "invalid" : "moved";
      }
      const r: Report = {
        unit: list[0].unit,
        period: list[0].period,
        responseId,
        kind,
        at: (ok[0] ?? list[0]).at,
        contentRow: (ok[ok.length - 1] ?? last).row,
        channel: (ok[0] ?? list[0]).channel,
        laterEdit,
      };
      const bucket = out.get(k);
      if (bucket) bucket.push(r);
      else out.set(k, [r]);
    }
  }
  return out;
}

const RANK: Record<StatusKind, number> = { onTime: 4, late: 4, unverified: 2, invalid: 1, missing: 0, exempt: -1 };

/** the status a unit's reports give it: an accepted report first (the earliest sets timeliness), then one waiting, then an invalid one */
function statusOf(reports: Report[], deadline: Deadline, tz: string): UnitStatus {
  const ok = reports.filter((r) => r.kind === "accepted").sort((a, b) => a.at - b.at);
  if (ok.length) {
    const first = ok[0];
    const late = daysLate(first.at, deadline, tz);
    const latest = ok.reduce((m, r) => (r.contentRow > m.contentRow ? r : m), first);
    return {
      kind: late ? "late" : "onTime",
      daysLate: late,
      at: first.at,
      responseId: first.responseId,
      contentRow: latest.contentRow,
      channel: first.channel,
      laterEdit: ok.find((r) => r.laterEdit)?.laterEdit,
    };
  }
  const waiting = reports.find((r) => r.kind === "unverified") ?? reports.find((r) => r.kind === "invalid");
  if (!waiting) return { kind: "missing", daysLate: 0 };
  return {
    kind: waiting.kind as "unverified" | "invalid",
    daysLate: 0,
    at: waiting.at,
    responseId: waiting.responseId,
    contentRow: waiting.contentRow,
  };
}

/**
 * A stored status and what newer versions say, together: the first accepted report keeps its timeliness, so the
 * earlier (fewer days late) wins; otherwise the stronger kind. Content and flags come from the fresh side when it counts.
 */
export function mergeStatus(stored: UnitStatus | undefined, fresh: UnitStatus): UnitStatus {
  if (!stored || stored.kind === "exempt") return fresh;
  const a = RANK[stored.kind];
  const b = RANK[fresh.kind];
  if (a === 4 && b === 4) {
    const keep = stored.daysLate <= fresh.daysLate ? stored : fresh;
    return { ...fresh, kind: keep.kind, daysLate: keep.daysLate, at: keep.at ?? fresh.at, laterEdit: fresh.laterEdit ?? stored.laterEdit };
  }
  return b > a ? fresh : stored;
}

/** what each period is held to: its frozen rules once due, else today's settings; and who is expected */
interface Frame {
  rules: Rules;
  /** units on the roster now */
  units: Unit[];
  /** statuses stored for periods already due: they fix who was expected, and what earlier versions gave */
  stored: Map<string, Map<string, UnitStatus>>;
  /** periods whose every version is in `versions` (else their stored statuses are merged with what is there) */
  complete: (period: string) => boolean;
}

/** is a unit expected for a period: for a period already due, as stored then; otherwise from the roster and the rules */
function expectation(
  period: string,
  u: Unit | undefined,
  code: string,
  frame: Frame,
  today: string,
): { expected: boolean; notYetDue?: boolean } {
  const stored = frame.stored.get(period)?.get(code);
  if (period === REGISTRATION) {
    if (stored && stored.kind !== "exempt") return { expected: true };
    if (!u) return { expected: false };
    const due = registrationDue(u, frame.rules);
    if (!due) return { expected: false };
    // a unit is expected once its own deadline has passed (or earlier, once it has sent something)
    return today > due.lastOnTime ? { expected: true } : { expected: false, notYetDue: true };
  }
  const d = frame.rules.deadline(period);
  const due = today > d.lastOnTime;
  // a period due before the unit came on the roster is not expected of it (scenario Revision 3)
  const active = !!u && isActive(u, period) && !dueBeforeArrival(code, period, frame.rules);
  if (due && frame.stored.has(period)) {
    if (stored) return { expected: stored.kind !== "exempt" };
    // not on the roster when the period was last written: expected only of a unit staff added by its due date
    return { expected: active && !!frame.rules.arrival(code)?.later };
  }
  return { expected: active };
}

/**
 * Statuses of the given periods as of `asOf`. Units: the roster, plus any unit a stored period still counts (a unit
 * deleted from the roster keeps its place in periods already due).
 */
export function evaluate(versions: Version[], periods: string[], frame: Frame, s: Settings, asOf: number): Statuses {
  const tz = s.timeZone;
  const today = localDay(asOf, tz);
  const reports = reportsOf(versions);
  const roster = new Map(frame.units.map((u) => [u.code, u]));
  const byPeriod = new Map<string, Map<string, UnitStatus>>();
  const figures: PeriodFigures[] = [];
  // a response staff just rejected: the stored “waiting” it gave its unit no longer stands
  const rejected = new Set(versions.filter((v) => v.rejected).map((v) => `${v.period}|${v.unit}`));
  for (const period of periods) {
    const stored = frame.stored.get(period);
    const codes = [...roster.keys()];
    for (const c of stored?.keys() ?? []) if (!roster.has(c)) codes.push(c);
    const map = new Map<string, UnitStatus>();
    for (const code of codes) {
      const u = roster.get(code);
      const x = expectation(period, u, code, frame, today);
      const rs = reports.get(`${period}|${code}`) ?? [];
      const deadline = period === REGISTRATION ? (u ? registrationDue(u, frame.rules) : null) : frame.rules.deadline(period);
      let st: UnitStatus = deadline ? statusOf(rs, deadline, tz) : { kind: "missing", daysLate: 0 };
      if (!frame.complete(period)) {
        const before = stored?.get(code);
        st = mergeStatus(before?.kind === "unverified" && rejected.has(`${period}|${code}`) ? undefined : before, st);
      }
      // what has arrived makes a unit expected for registration before its own deadline (it counts)
      if (!x.expected && !(period === REGISTRATION && st.kind !== "missing" && deadline)) {
        st = { kind: "exempt", daysLate: 0, notYetDue: x.notYetDue };
      }
      map.set(code, st);
    }
    byPeriod.set(period, map);
    figures.push(figuresOf(period, map, frame.rules, today));
  }
  return { byPeriod, figures };
}

export function figuresOf(period: string, map: Map<string, UnitStatus>, rules: Rules, today: string): PeriodFigures {
  const deadline = period === REGISTRATION ? rules.registration() : rules.deadline(period);
  const f: PeriodFigures = {
    period,
    deadline,
    expected: 0,
    received: 0,
    onTime: 0,
    onTimeUnits: [],
    late: [],
    missing: [],
    invalid: [],
    unverified: [],
    exempt: [],
    reportingRate: null,
    onTimeRate: null,
    open: today <= deadline.lastOnTime,
  };
  for (const [code, st] of map) {
    if (st.kind !== "exempt") f.expected++;
    if (st.kind === "onTime" || st.kind === "late") f.received++;
    if (st.kind === "onTime") f.onTimeUnits.push(code);
    else if (st.kind === "late") f.late.push({ unit: code, daysLate: st.daysLate });
    else f[st.kind].push(code);
  }
  f.onTime = f.onTimeUnits.length;
  f.reportingRate = f.expected ? f.received / f.expected : null;
  f.onTimeRate = f.expected ? f.onTime / f.expected : null;
  return f;
}

/** a unit still owes a report when nothing acceptable has arrived (something waiting for staff is said in the mail) */
export function owes(st: UnitStatus | undefined): boolean {
  return !!st && (st.kind === "missing" || st.kind === "invalid" || st.kind === "unverified");
}

export const STATUS_LABEL: Record<StatusKind, string> = {
  onTime: "Đúng hạn",
  late: "Trễ hạn",
  missing: "Chưa nộp",
  invalid: "Không hợp lệ",
  unverified: "Chờ xác nhận",
  exempt: "Không thuộc diện báo cáo",
};

const LATER: Record<LaterEdit, string> = {
  invalid: " – bản sửa sau không hợp lệ",
  moved: " – bản sửa sau chuyển sang đơn vị hoặc kỳ khác",
};
const NOT_YET = "Chưa đến hạn";

/** the status as a cell of the status tab; `statusOfText` reads it back */
export function statusText(st: UnitStatus): string {
  if (st.kind === "exempt" && st.notYetDue) return NOT_YET;
  const t = st.kind === "late" ? `Trễ hạn (${st.daysLate} ngày)` : STATUS_LABEL[st.kind];
  // the accepted content stands; staff see what a later edit did
  return st.laterEdit ? t + LATER[st.laterEdit] : t;
}

/** a status cell read back: the stored status of a period already due ("" = the unit was not on the roster then) */
export function statusOfText(text: string): UnitStatus | undefined {
  let t = text.trim();
  if (!t) return undefined;
  if (t === NOT_YET) return { kind: "exempt", daysLate: 0, notYetDue: true };
  let laterEdit: LaterEdit | undefined;
  for (const [k, v] of Object.entries(LATER) as [LaterEdit, string][]) {
    if (t.endsWith(v)) {
      laterEdit = k;
      t = t.slice(0, -v.length);
    }
  }
  const late = /^Trễ hạn \((\d+) ngày\)$/.exec(t);
  if (late) return { kind: "late", daysLate: Number(late[1]), laterEdit };
  const kind = (Object.keys(STATUS_LABEL) as StatusKind[]).find((k) => STATUS_LABEL[k] === t);
  return kind ? { kind, daysLate: 0, laterEdit } : undefined;
}

/** the figures of a period, in the order of STATUS_SUMMARY (the status tab's and the rollup's first lines) */
export function figureValues(f: PeriodFigures): (string | number | null)[] {
  const counts = [
    f.expected,
    f.received,
    f.onTime,
    f.late.length,
    f.missing.length,
    f.invalid.length,
    f.unverified.length,
    f.exempt.length,
  ];
  return [f.deadline.due, ...counts, f.reportingRate, f.onTimeRate];
}

/** what statuses are computed from afresh: the roster, every version, the periods, at an instant */
interface StatusInput {
  units: Unit[];
  versions: { registration: Version[]; monthly: Version[] };
  /** the months (registration is always computed) */
  periods: string[];
  s: Settings;
  asOf: number;
  /** who is expected, and by when (today's rules, from the settings, when absent) */
  rules?: Rules;
}

/** every period computed afresh from every version with today's rules (the rollup, the report, tests) */
export function computeStatuses(input: StatusInput): Statuses {
  const { units, versions, periods, s, asOf, rules } = input;
  const frame: Frame = {
    rules: rules ?? currentRules(s),
    units,
    stored: new Map(),
    complete: () => true,
  };
  return evaluate([...versions.registration, ...versions.monthly], [REGISTRATION, ...periods], frame, s, asOf);
}
