// Worlds set up once and copied for each test (standin/simulation/snapshot.ts). Setting up (setup run twice, some 2,400 service
// calls) and the daily runs before a scenario's first event are the same for every test with the same settings,
// accounts, roster and run: they are played once, and each test gets a copy of the world as it stood then. A scenario
// that shares its first events with one played before (the same season cut at another call, or with one more event) is
// played on from a copy of the world where the two part. A copy played on equals the world played from scratch
// (tests/standin/snapshot.test.ts holds it); what one test does to its copy, no other sees. (Each test file runs in a process of
// its own: what is kept here lives as long as the file's tests.)
import type { Scenario } from "../../standin/simulation/scenario.js";
import { Simulation } from "../../standin/simulation/simulation.js";
import { SimulationSnapshot } from "../../standin/simulation/snapshot.js";

/** worlds right after install(), by what install() reads: settings, roster, mail quota, the start instant */
const installs = new Map<string, SimulationSnapshot>();
/**
 * Worlds played on from an install: the first `events` of some scenario applied (as JSON, their list index left out:
 * it only breaks ties in time order) and the clock moved on to `at`, by install and clock window.
 */
interface Checkpoint {
  events: string[];
  at: number;
  snap: SimulationSnapshot;
}
const prefixes = new Map<string, Checkpoint[]>();
/** the events of the scenarios played per install and clock window: where a new one parts from them, a world is kept */
const seen = new Map<string, string[][]>();
const SEEN_PER_WINDOW = 8;
/** how many instants are kept per install and clock window, and how many installs: a bound on memory */
const PREFIXES_PER_WINDOW = 4;
const INSTALLS = 4;
/** a roster this large is set up by the one test that asks (copying it costs more than it saves, in memory too) */
const LARGEST_KEPT = 500;

function installKey(s: Scenario): string {
  return JSON.stringify([s.settings, s.accounts, s.units, s.mailQuota, Simulation.startOf(s)]);
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}

/**
 * Forgets every world kept: each test file starts with none (the runs' worker reuses its modules from file to file, and
 * what one file kept would otherwise stay reachable for the rest of the run).
 */
export function forgetWorlds(): void {
  installs.clear();
  prefixes.clear();
  seen.clear();
}

/** a simulation of `s`, set up and ready, the clock an hour before its first event */
export function ready(s: Scenario): Simulation {
  const key = s.units.length > LARGEST_KEPT ? null : installKey(s);
  const snap = key === null ? undefined : installs.get(key);
  if (snap) return snap.start(s);
  const fresh = new Simulation(s);
  fresh.install();
  if (key === null) return fresh;
  // the world just set up becomes the snapshot (no copy of it), and the test gets a copy
  const kept = new SimulationSnapshot(fresh, true);
  remember(installs, key, kept, INSTALLS);
  return kept.start(s);
}

/**
 * A simulation of `s` set up and played up to its first event (to its end when it has none), the clock triggers
 * fired and logged on the way, as Simulation.play() would have: what is left is `playEvents()`.
 */
export function started(s: Scenario): Simulation {
  if (s.units.length > LARGEST_KEPT) return ready(s);
  return resume(s, 0, s.events[0]?.at ?? Simulation.clockOf(s).to);
}

/**
 * A simulation of `s` played as far as other scenarios of the file with the same install and run share its events:
 * the first `next` events applied, the clock triggers fired and logged up to where the scenarios part (never past
 * event `next`); what is left is `sim.playEvents(next)`. A test that plays several variants of one season (a cut at
 * another call, one more event on some day) plays their common part once. Played on, it equals `s` played from scratch.
 */
export function shared(s: Scenario): { sim: Simulation; next: number } {
  if (s.units.length > LARGEST_KEPT) return { sim: ready(s), next: 0 };
  const window = windowKey(s);
  const mine = s.events.map(eventKey);
  const others = seen.get(window) ?? [];
  // the scenario played before that shares most of its first events with this one
  let next = 0;
  let other: string[] | undefined;
  for (const o of others) {
    let k = 0;
    while (k < mine.length && k < o.length && mine[k] === o[k]) k++;
    if (k > next) [next, other] = [k, o];
  }
  if (!others.some((o) => o.length === mine.length && o.every((x, i) => x === mine[i]))) {
    others.push(mine);
    if (others.length > SEEN_PER_WINDOW) others.shift();
    remember(seen, window, others, INSTALLS);
  }
  const end = Simulation.clockOf(s).to;
  const atOf = (i: number, evs: Scenario["events"] | undefined) => evs?.[i]?.at ?? end;
  // where this scenario and the other part: the earlier of their next events (the other's, read back from its JSON)
  let until = atOf(next, s.events);
  const theirs = other?.[next];
  if (next > 0 && theirs !== undefined) until = Math.min(until, (JSON.parse(theirs) as { at: number }).at);
  return { sim: resume(s, next, until), next };
}

function windowKey(s: Scenario): string {
  return JSON.stringify([installKey(s), Simulation.clockOf(s)]);
}

function eventKey(e: Scenario["events"][number]): string {
  const { index: _index, ...rest } = e;
  return JSON.stringify(rest);
}

/** `s` with its first `next` events applied and the clock moved on to `until`, from the furthest world kept on the way */
function resume(s: Scenario, next: number, until: number): Simulation {
  const window = windowKey(s);
  const mine = s.events.slice(0, next).map(eventKey);
  const kept = prefixes.get(window) ?? [];
  // a kept world is on the way when its events are this scenario's first ones and its clock is not past the next
  const onTheWay = (c: Checkpoint) =>
    c.events.length <= next &&
    c.events.every((x, i) => x === mine[i]) &&
    c.at <= (c.events.length === next ? until : s.events[c.events.length].at);
  const best = kept.filter(onTheWay).sort((a, b) => b.events.length - a.events.length || b.at - a.at)[0];
  const sim = best ? best.snap.start(s) : ready(s);
  if (best?.events.length === next && best.at === until) return sim;
  sim.applyEvents(best?.events.length ?? 0, next);
  sim.advanceTo(until);
  const snap = new SimulationSnapshot(sim, true);
  kept.push({ events: mine, at: until, snap });
  if (kept.length > PREFIXES_PER_WINDOW) kept.shift();
  remember(prefixes, window, kept, INSTALLS);
  return snap.start(s);
}
