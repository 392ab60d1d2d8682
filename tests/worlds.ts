// Worlds set up once per test file and copied for each test (standin/snapshot.ts). Setting up (setup run twice, some
// 2,400 service calls) and the daily runs before a scenario's first event are the same for every test with the same
// settings, roster and run: they are played once, and each test gets a copy of the world as it stood then. A copy
// played on equals the world played from scratch (tests/snapshot.test.ts holds it); what one test does to its copy,
// no other sees. (Each test file runs in a process of its own: what is kept here lives as long as the file's tests.)
import type { Scenario } from "../standin/scenario.js";
import { Simulation } from "../standin/simulation.js";
import { SimulationSnapshot } from "../standin/snapshot.js";

/** worlds right after install(), by what install() reads: settings, roster, mail quota, the start instant */
const installs = new Map<string, SimulationSnapshot>();
/** worlds played on to an instant (the first event of some scenario), by install and clock window */
const prefixes = new Map<string, { at: number; snap: SimulationSnapshot }[]>();
/** how many instants are kept per install and clock window, and how many installs: a bound on memory */
const PREFIXES_PER_WINDOW = 3;
const INSTALLS = 4;
/** a roster this large is set up by the one test that asks (copying it costs more than it saves, in memory too) */
const LARGEST_KEPT = 500;

function installKey(s: Scenario): string {
  return JSON.stringify([s.settings, s.units, s.mailQuota, Simulation.startOf(s)]);
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
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
  const until = s.events[0]?.at ?? Simulation.clockOf(s).to;
  const window = JSON.stringify([installKey(s), Simulation.clockOf(s)]);
  const kept = prefixes.get(window) ?? [];
  const best = kept.filter((p) => p.at <= until).sort((a, b) => b.at - a.at)[0];
  const sim = best ? best.snap.start(s) : ready(s);
  sim.advanceTo(until);
  if (best?.at === until) return sim;
  const snap = new SimulationSnapshot(sim, true);
  kept.push({ at: until, snap });
  if (kept.length > PREFIXES_PER_WINDOW) kept.shift();
  remember(prefixes, window, kept, INSTALLS);
  return snap.start(s);
}
