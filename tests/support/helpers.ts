// Shared test helpers: scenarios built in code, the built bundle played through the stand-in.
import { parseScenario, type Scenario } from "../../standin/simulation/scenario.js";
import type { Simulation } from "../../standin/simulation/simulation.js";
import { buildSummary } from "../../standin/simulation/summary.js";
import type { World } from "../../standin/world.js";
import { ready, shared } from "./worlds.js";

export type RawScenario = {
  settings?: Record<string, unknown>;
  accounts?: { owner?: string; staff?: string[] };
  units?: Record<string, unknown>[];
  events?: Record<string, unknown>[];
  run?: { from: string; to: string };
};

export function unit(code: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const n = code.toLowerCase();
  return {
    code,
    name: `CĐCS Công ty ${code}`,
    chair: `Chủ tịch ${code}`,
    emails: [`${n}@dv.example.vn`],
    phone: "0903123456",
    group: "Khối doanh nghiệp",
    activeFrom: "2018-09",
    activeTo: null,
    ...extra,
  };
}

/** what the sidebar's form sends to record a unit's monthly report on paper (short answers, every count 1) */
export function paperReport(unit: string, month: string, at: string): Record<string, unknown> {
  const answers = { situation: "Ổn định.", opinion: "Không.", concerns: "Không." };
  const counts = { sharedPosts: "1", newAccounts: "1", coreMembers: "1", groupsJoined: "1" };
  return { form: "monthly", unit, month, channel: "paper", at, answers: { ...answers, ...counts } };
}

export function monthlyAnswers(unitCode: string, month: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unit: unitCode,
    month,
    situation: "Ổn định, việc làm đầy đủ.",
    opinion: "Quan tâm giá xăng tăng.",
    concerns: "Mong được tăng lương.",
    proposals: "Tổ chức đối thoại.",
    sharedPosts: 10,
    newAccounts: 5,
    coreMembers: 2,
    groupsJoined: 1,
    ...extra,
  };
}

export function registrationAnswers(unitCode: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unit: unitCode,
    accountType: "cdcs",
    accountName: `Công đoàn ${unitCode}`,
    accountUrl: `https://www.facebook.com/cd${unitCode.toLowerCase()}`,
    groupName: `Góc chia sẻ ${unitCode}`,
    groupUrl: "https://www.facebook.com/groups/123456789",
    followed: ["vgcl", "hcm", "q1"],
    ...extra,
  };
}

/** each unit registered from its own address, at `at` (1 October 2018, before the first daily run, by default) */
export function registeredAll(codes: string[], at = "2018-10-01T07:00:00+07:00"): Record<string, unknown>[] {
  return codes.map((c) => ({
    type: "submit",
    id: `dk-${c}`,
    form: "registration",
    at,
    email: `${c.toLowerCase()}@dv.example.vn`,
    answers: registrationAnswers(c),
  }));
}

let seq = 0;
export function submitMonthly(code: string, month: string, at: string, extra: Record<string, unknown> = {}, email?: string) {
  return {
    type: "submit",
    id: `m-${code}-${month}-${++seq}`,
    form: "monthly",
    at,
    email: email ?? `${code.toLowerCase()}@dv.example.vn`,
    answers: monthlyAnswers(code, month, extra),
  };
}

/** the respondent edits an earlier monthly submission through its edit link */
export function editMonthly(first: { id: string; answers: Record<string, unknown> }, at: string, extra: Record<string, unknown>) {
  return { type: "edit", id: first.id, at, answers: { ...first.answers, ...extra } };
}

export function scenario(raw: RawScenario): Scenario {
  return parseScenario({
    ...(raw.accounts ? { accounts: raw.accounts } : {}),
    settings: raw.settings ?? {},
    units: raw.units ?? [unit("CD001")],
    events: raw.events ?? [],
    run: raw.run ?? { from: "2018-10-01", to: "2018-10-31" },
  });
}

/**
 * The whole scenario played, from a copy of a world set up (and played up to its first event, or as far as it shares
 * its events with a scenario played before) once per test file.
 */
export function play(raw: RawScenario) {
  const { sim, next } = shared(scenario(raw));
  sim.playEvents(next);
  return { sim, summary: buildSummary(sim, sim.world.clockTo) };
}

/** the staff account that copies the Sheet in pausedCopy() */
export const COPIER = "canbo1@ldldq1.example.vn";

/**
 * A copy of a Sheet that ran October (CD001–CD003, CD001's report on time), made and set up by a staff account
 * (COPIER) on 25/11 before the daily run: it starts paused. The original's simulation comes with it.
 */
export function pausedCopy(): { sim: Simulation; copy: World } {
  const { sim } = play({
    accounts: { owner: "tuyengiao@ldldq1.example.vn", staff: [COPIER] },
    units: [unit("CD001"), unit("CD002"), unit("CD003")],
    settings: { firstPeriod: "2018-10" },
    events: [submitMonthly("CD001", "2018-10", "2018-10-12T09:00:00+07:00")],
    run: { from: "2018-10-01", to: "2018-10-31" },
  });
  const copy = sim.world.copySpreadsheet(COPIER);
  copy.now = Date.parse("2018-11-25T06:00:00+07:00");
  copy.clockTo = Date.parse("2018-11-30T23:59:00+07:00");
  copy.run("setup", { ui: true, as: COPIER });
  return { sim, copy };
}

/** a simulation set up and ready, the clock before any event (a copy of a world set up once per test file) */
export function installed(raw: RawScenario) {
  return ready(scenario(raw));
}

/** the 0-based column of a tab whose header (row 1) is `title`: tests read answers by name, as the product does */
export function colOf(sheet: { values: unknown[][] }, title: string): number {
  const j = (sheet.values[0] ?? []).indexOf(title);
  if (j < 0) throw new Error(`no column “${title}”`);
  return j;
}

/**
 * A few call positions out of `calls`, for the fast run's share of a sweep that injects a fault at every call (the slow
 * run has the whole sweep): the first, the last, and `n` between them drawn from a fixed seed, the same every run.
 */
export function sampledCalls(calls: number, n = 4, seed = 20181019): number[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const picked = new Set([1, calls]);
  while (picked.size < Math.min(calls, n + 2)) picked.add(2 + Math.floor(next() * Math.max(1, calls - 2)));
  return [...picked].sort((a, b) => a - b);
}
