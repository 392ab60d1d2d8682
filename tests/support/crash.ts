// Cutting a run at one call and comparing the season with the uncut one (Revision 3's `crash`): the statuses and
// figures, every stored version, the archives' contents, and the mails (kind, unit, period) with none twice and none
// more than a day late. The sweeps in tests/crash-*.test.ts cut a job at every call; the fast files a few.
import { expect } from "vitest";
import { SPECS } from "../../src/domain/forms";
import { STATUS_HEADER_ROW, TAB } from "../../src/domain/layout";
import { documentsOf } from "../../standin/documents/documents";
import { driveOf } from "../../standin/documents/drive";
import type { CrashJob } from "../../standin/simulation/scenario";
import { CRASH_FNS, Simulation } from "../../standin/simulation/simulation";
import { SimulationSnapshot } from "../../standin/simulation/snapshot";
import { buildSummary } from "../../standin/simulation/summary";
import type { SheetModel } from "../../standin/spreadsheet/spreadsheet";
import type { World } from "../../standin/world";
import { type RawScenario, scenario } from "./helpers";
import { ready } from "./worlds";

const DAY = 86_400_000;

export interface Season {
  /** the season being played: a fresh copy of the snapshot after each restore() */
  sim: Simulation;
  snap: SimulationSnapshot;
  /** the instant the cut is armed (the world stands there in the snapshot) */
  at: number;
}

/** the scenario set up and played to `at`, saved there */
export function prepare(raw: RawScenario, at: string): Season {
  // a copy of the world set up once per file for this settings and roster (tests/support/worlds.ts), as install() leaves it
  const sim = ready(scenario(raw));
  const t = Date.parse(at);
  for (const e of sim.scenario.events) {
    if (e.at > t) break;
    sim.world.advanceTo(e.at);
    sim.world.now = Math.max(sim.world.now, e.at);
    sim.apply(e);
  }
  sim.world.advanceTo(t);
  // the snapshot takes the simulation just played (no copy of it); the season plays on a copy
  const snap = new SimulationSnapshot(sim, true);
  return { sim: snap.start(sim.scenario), snap, at: t };
}

/** the season put back where it stood at the snapshot (a fresh copy of it in `s.sim`) */
export function restore(s: Season): void {
  s.sim = s.snap.start(s.sim.scenario);
}

/** the rest of the season from the snapshot: the events after it, the triggers, to the scenario's end */
export function finish(s: Season): void {
  const { sim } = s;
  for (const e of sim.scenario.events) {
    if (e.at <= s.at) continue;
    sim.world.advanceTo(e.at);
    sim.world.now = Math.max(sim.world.now, e.at);
    sim.apply(e);
  }
  sim.world.advanceTo(sim.world.clockTo);
}

/** how many calls the first run of `job` after the snapshot makes, uncut */
export function callsOf(s: Season, job: CrashJob): number {
  restore(s);
  const w = s.sim.world;
  const fns = CRASH_FNS[job];
  let calls = 0;
  const run = w.run.bind(w);
  w.run = (fn, opts) => {
    const before = w.meter.total;
    const r = run(fn, opts);
    if (!calls && fns.includes(fn)) calls = w.meter.total - before;
    return r;
  };
  try {
    finish(s);
  } finally {
    delete (w as { run?: unknown }).run;
  }
  return calls;
}

export interface Outcome {
  periods: unknown;
  registration: unknown;
  versions: string[];
  archives: Record<string, string>;
  statusTab: string;
  mails: { key: string; at: number }[];
  /** the report documents in the folder (not in the trash), by name: one per rollup, never a pile */
  docs: Record<string, number>;
  stopped: number;
}

const keysOf = (tab: SheetModel | undefined) =>
  (tab?.values ?? [])
    .slice(1)
    .map((r) => String(r[0] ?? ""))
    .filter(Boolean);

function reportDocs(sim: Simulation): Record<string, number> {
  const out: Record<string, number> = {};
  const files = driveOf(sim.world).files;
  for (const d of documentsOf(sim.world).values()) {
    if (!d.name.startsWith("BC-TG-") || files.get(d.id)?.trashed) continue;
    out[d.name] = (out[d.name] ?? 0) + 1;
  }
  return out;
}

/** what a season ends with, as the contract compares it */
export function outcomeOf(sim: Simulation): Outcome {
  const summary = buildSummary(sim, sim.world.clockTo);
  const state = sim.state() as { archives?: Record<string, { id: string }> };
  const archives: Record<string, string> = {};
  const versions = [...keysOf(sim.ss.sheet(SPECS.registration.tab)), ...keysOf(sim.ss.sheet(SPECS.monthly.tab))];
  for (const [year, a] of Object.entries(state.archives ?? {})) {
    const ss = sim.world.spreadsheets.get(a.id);
    for (const t of ss?.sheets ?? []) {
      // the run log says how each run went (a cut run's line differs): the records are the rest
      if (t.name === TAB.runLog || t.name === "Trang tính1") continue;
      if (t.name === SPECS.monthly.tab) versions.push(...keysOf(t));
      const rows = t.name === TAB.ledger || t.name === TAB.mailLog ? [...keysOf(t)].sort() : t.values;
      archives[`${year}/${t.name}`] = JSON.stringify(rows).replace(/Cập nhật lúc [^"]+/g, "");
    }
  }
  const status = sim.ss.sheet(TAB.status);
  return {
    periods: summary.periods,
    registration: summary.registration,
    versions: versions.sort(),
    archives,
    statusTab: JSON.stringify(status?.values.slice(STATUS_HEADER_ROW - 1) ?? []),
    mails: summary.mails
      .filter((m) => m.kind !== "alert")
      .map((m) => ({ key: `${m.kind}|${m.unit ?? ""}|${m.period ?? ""}`, at: Date.parse(m.at) })),
    docs: reportDocs(sim),
    stopped: sim.world.stopped.length,
  };
}

/** the cut season against the uncut one: equal records, the same mails, none twice, none more than a day late */
export function expectSame(cut: Outcome, base: Outcome, what: string): void {
  expect(cut.periods, `${what}: statuses and figures`).toEqual(base.periods);
  expect(cut.registration, `${what}: registration`).toEqual(base.registration);
  expect(cut.versions, `${what}: stored versions`).toEqual(base.versions);
  expect(cut.archives, `${what}: archives`).toEqual(base.archives);
  expect(cut.statusTab, `${what}: the status tab`).toBe(base.statusTab);
  expect(cut.docs, `${what}: the report documents`).toEqual(base.docs);
  const group = (ms: Outcome["mails"]) => {
    const m = new Map<string, number[]>();
    for (const x of ms)
      m.set(
        x.key,
        [...(m.get(x.key) ?? []), x.at].sort((a, b) => a - b),
      );
    return m;
  };
  const [a, b] = [group(cut.mails), group(base.mails)];
  expect([...a.keys()].sort(), `${what}: the mails sent`).toEqual([...b.keys()].sort());
  for (const [k, times] of b) {
    const got = a.get(k) ?? [];
    expect(got.length, `${what}: ${k} sent ${got.length} times, uncut ${times.length}`).toBe(times.length);
    got.forEach((t, i) => expect(t - times[i], `${what}: ${k} late by ${Math.round((t - times[i]) / 3600000)} h`).toBeLessThanOrEqual(DAY));
  }
}

/** `n` call positions out of 1..calls: every one, or a seeded sample (always the first and the last few) */
export function positions(calls: number, n: number, seed = 7): number[] {
  if (calls <= n) return Array.from({ length: calls }, (_, i) => i + 1);
  const out = new Set<number>([1, 2, 3, calls - 1, calls]);
  // mulberry32: 32-bit integer arithmetic throughout, so the sequence is the same everywhere and never stalls
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), x | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  while (out.size < n) out.add(1 + Math.floor(next() * calls));
  return [...out].sort((a, b) => a - b);
}

/**
 * The sweep: the season uncut, then cut at each position in `ks` (every call, or a seeded 200 of a longer run, when
 * not given); each compared with the uncut one. Returns the run's calls and how many cuts were played.
 */
export function sweep(s: Season, job: CrashJob, ks?: number[]): { calls: number; cut: number } {
  const calls = callsOf(s, job);
  expect(calls, `the ${job} run after the snapshot`).toBeGreaterThan(0);
  restore(s);
  finish(s);
  const base = outcomeOf(s.sim);
  let cut = 0;
  for (const k of ks ?? positions(calls, 200)) {
    if (k > calls) continue;
    restore(s);
    s.sim.world.crashNext(CRASH_FNS[job], k);
    finish(s);
    const out = outcomeOf(s.sim);
    expect(out.stopped, `${job} cut at call ${k} of ${calls}`).toBe(base.stopped + 1);
    cut++;
    expectSame(out, base, `${job} cut at call ${k} of ${calls}`);
  }
  return { calls, cut };
}

/** the methods the first run of `job` after the snapshot calls, uncut, in order (to cut it right after one of them) */
export function methodsOf(s: Season, job: CrashJob): string[] {
  restore(s);
  const w = s.sim.world;
  const fns = CRASH_FNS[job];
  const seen: string[] = [];
  let on = false;
  let done = false;
  const run = w.run.bind(w);
  const hit = w.meter.onHit;
  w.run = (fn, opts) => {
    on = !done && fns.includes(fn);
    try {
      return run(fn, opts);
    } finally {
      if (on) done = true;
      on = false;
    }
  };
  w.meter.onHit = (service, method) => {
    if (on) seen.push(method);
    hit?.(service, method);
  };
  try {
    finish(s);
  } finally {
    delete (w as { run?: unknown }).run;
    w.meter.onHit = hit;
  }
  return seen;
}

/** the season from the snapshot with the first run of `job` cut at call `k` */
export function cutAt(s: Season, job: CrashJob, k: number): void {
  restore(s);
  s.sim.world.crashNext(CRASH_FNS[job], k);
  finish(s);
}

/** what a season of slow mails ends with: the reminders' recipients, the ledger's and the mail log's keys, runs stopped */
export interface MailsOutcome {
  /** the calls the first run of the job after the cut's instant made (uncut: what a cut is chosen among) */
  calls: number;
  reminders: string[];
  ledger: string[];
  mailLog: string[];
  stopped: number;
}

/**
 * A season played whole in which each mail takes 20 s (twelve fit a run's four minutes, so a day's mails span runs):
 * `before` set on the world at the start, `at` when the clock reaches `cut.at`, and from there the first run of
 * `cut.job` cut at call `cut.k` (none: uncut). Not from a snapshot: the mails' latency is a function a copy cannot take.
 */
export function slowMailsSeason(
  raw: RawScenario,
  cut: { job: CrashJob; at: string; k?: number },
  hooks: { before?: (w: World) => void; at?: (w: World) => void } = {},
): MailsOutcome {
  const sim = new Simulation(scenario(raw));
  sim.install();
  const w = sim.world;
  hooks.before?.(w);
  w.advanceTo(Date.parse(cut.at));
  hooks.at?.(w);
  w.latency = (_s, method) => (method === "MailApp.sendEmail" ? 20_000 : 0);
  if (cut.k) w.crashNext(CRASH_FNS[cut.job], cut.k);
  let calls = 0;
  const run = w.run.bind(w);
  w.run = (fn, opts) => {
    const before = w.meter.total;
    const r = run(fn, opts);
    if (!calls && CRASH_FNS[cut.job].includes(fn)) calls = w.meter.total - before;
    return r;
  };
  w.advanceTo(w.clockTo);
  const reminders = w.mails.filter((m) => m.subject.includes("Nhắc nộp")).map((m) => m.to[0]);
  return {
    calls,
    reminders: reminders.sort(),
    ledger: keysOf(sim.ss.sheet(TAB.ledger)).sort(),
    mailLog: keysOf(sim.ss.sheet(TAB.mailLog)).sort(),
    stopped: w.stopped.length,
  };
}

/** a slow-mails season cut at chosen calls of its job: each cut ends as the uncut one, the mail log whole */
export function sweepSlowMails(
  raw: RawScenario,
  cut: { job: CrashJob; at: string },
  hooks: Parameters<typeof slowMailsSeason>[2],
  n = 12,
): number {
  const base = slowMailsSeason(raw, cut, hooks);
  expect(base.calls, `the ${cut.job} run after ${cut.at}`).toBeGreaterThan(10);
  for (const k of positions(base.calls, n)) {
    const got = slowMailsSeason(raw, { ...cut, k }, hooks);
    const what = `${cut.job} cut at call ${k} of ${base.calls}`;
    expect(got.stopped, what).toBe(base.stopped + 1);
    expect(got.reminders, `${what}: each unit reminded once`).toEqual(base.reminders);
    expect(got.ledger, `${what}: the ledger`).toEqual(base.ledger);
    expect(got.mailLog, `${what}: the mail log, every ledger row once`).toEqual(got.ledger);
  }
  return base.reminders.length;
}
