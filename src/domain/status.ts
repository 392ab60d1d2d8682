// Unit × period statuses and the DHIS2 figures: expected, received, on time, rates.
import { localDay } from "./dates";
import { type Deadline, daysLate, deadlineOf, REGISTRATION, registrationMonth } from "./periods";
import type { Settings } from "./settings";
import { isActive, type Unit } from "./units";

export type Verdict = "accepted" | "invalid" | "unverified";

/** one stored version of a response: the key columns of a report tab, no free text */
export interface Version {
  key: string;
  responseId: string;
  at: number;
  unit: string;
  period: string;
  verdict: Verdict;
  confirmed: boolean;
  channel: string;
  email: string;
  /** 1-based row in its tab */
  row: number;
  /** reasons and notes stored with the version */
  notes?: string;
}

export type StatusKind = "onTime" | "late" | "missing" | "invalid" | "unverified" | "exempt";

export interface UnitStatus {
  kind: StatusKind;
  daysLate: number;
  /** when the counted report arrived */
  at?: number;
  responseId?: string;
  /** row of the content that stands (latest accepted version) */
  contentRow?: number;
  channel?: string;
  /** a later edit was rejected; the earlier accepted content stands */
  editRejected?: boolean;
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

const acceptable = (v: Version) => v.verdict === "accepted" || (v.verdict === "unverified" && v.confirmed);

type Kind = "accepted" | "unverified" | "invalid";

interface Contribution {
  kind: Kind;
  at: number;
  responseId: string;
  contentRow: number;
  channel: string;
  editRejected: boolean;
}

/** what each response counts for: its latest acceptable content, timed by its first acceptable version of that content */
function contributions(versions: Version[], into: Map<string, Contribution[]>): void {
  const byId = new Map<string, Version[]>();
  for (const v of versions) {
    const list = byId.get(v.responseId);
    if (list) list.push(v);
    else byId.set(v.responseId, [v]);
  }
  for (let [responseId, list] of byId) {
    // a confirmation covers every version of the response
    const confirmed = list.some((v) => v.confirmed);
    list = list.map((v) => ({ ...v, confirmed })).sort((a, b) => a.at - b.at || a.row - b.row);
    const latest = list[list.length - 1];
    const ok = list.filter(acceptable);
    const cur = ok[ok.length - 1] ?? latest;
    const first = ok.find((v) => v.unit === cur.unit && v.period === cur.period) ?? cur;
    if (!cur.unit || !cur.period) continue;
    const kind: Kind = ok.length ? "accepted" : latest.verdict === "unverified" ? "unverified" : "invalid";
    const k = `${cur.period}|${cur.unit}`;
    const c: Contribution = {
      kind,
      at: first.at,
      responseId,
      contentRow: cur.row,
      channel: first.channel,
      editRejected: ok.length > 0 && !acceptable(latest),
    };
    const bucket = into.get(k);
    if (bucket) bucket.push(c);
    else into.set(k, [c]);
  }
}

export function computeStatuses(
  units: Unit[],
  versions: { registration: Version[]; monthly: Version[] },
  periods: string[],
  s: Settings,
  asOf: number,
): Statuses {
  const today = localDay(asOf, s.timeZone);
  const byPeriod = new Map<string, Map<string, UnitStatus>>();
  const index = new Map<string, Contribution[]>();
  contributions(versions.registration, index);
  contributions(versions.monthly, index);
  const figures = [REGISTRATION, ...periods].map((period) => {
    const deadline = deadlineOf(period, s);
    const month = period === REGISTRATION ? registrationMonth(s) : period;
    const map = new Map<string, UnitStatus>();
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
    for (const u of units) {
      const cs = (index.get(`${period}|${u.code}`) ?? []).sort((a, b) => a.at - b.at);
      // precedence: an accepted report, then one awaiting confirmation, then an invalid one
      const c = cs.find((x) => x.kind === "accepted") ?? cs.find((x) => x.kind === "unverified") ?? cs.find((x) => x.kind === "invalid");
      let st: UnitStatus = { kind: "missing", daysLate: 0 };
      if (!isActive(u, month)) st = { kind: "exempt", daysLate: 0 };
      else if (c) {
        st = {
          kind: c.kind === "accepted" ? "onTime" : c.kind,
          daysLate: 0,
          at: c.at,
          responseId: c.responseId,
          contentRow: c.contentRow,
          channel: c.channel,
        };
        if (c.kind === "accepted") {
          const ok = cs.filter((x) => x.kind === "accepted");
          st.daysLate = daysLate(c.at, deadline, s.timeZone);
          st.kind = st.daysLate ? "late" : "onTime";
          st.contentRow = ok.reduce((m, x) => Math.max(m, x.contentRow), 0);
          st.editRejected = ok.some((x) => x.editRejected);
        }
      }
      map.set(u.code, st);
      if (st.kind !== "exempt") f.expected++;
      if (st.kind === "onTime" || st.kind === "late") f.received++;
      if (st.kind === "onTime") f.onTimeUnits.push(u.code);
      else if (st.kind === "late") f.late.push({ unit: u.code, daysLate: st.daysLate });
      else f[st.kind].push(u.code);
    }
    f.onTime = f.onTimeUnits.length;
    f.reportingRate = f.expected ? f.received / f.expected : null;
    f.onTimeRate = f.expected ? f.onTime / f.expected : null;
    byPeriod.set(period, map);
    return f;
  });
  return { byPeriod, figures };
}

/** a unit still owes a report when nothing acceptable has arrived and nothing awaits confirmation */
export function owes(st: UnitStatus | undefined): boolean {
  return !!st && (st.kind === "missing" || st.kind === "invalid");
}

export const STATUS_LABEL: Record<StatusKind, string> = {
  onTime: "Đúng hạn",
  late: "Trễ hạn",
  missing: "Chưa nộp",
  invalid: "Không hợp lệ",
  unverified: "Chờ xác nhận",
  exempt: "Không thuộc diện báo cáo",
};

export function statusText(st: UnitStatus): string {
  const t = st.kind === "late" ? `Trễ hạn (${st.daysLate} ngày)` : STATUS_LABEL[st.kind];
  // the accepted content stands; staff see that a later edit was refused
  return st.editRejected ? `${t} – bản sửa sau không hợp lệ` : t;
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
