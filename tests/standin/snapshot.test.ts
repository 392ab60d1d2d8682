// The stand-in copied whole (standin/simulation/snapshot.ts), as the tests' shared worlds are: a copy played on ends exactly where
// the original played on ends, and nothing done to the copy reaches the original.
import { types } from "node:util";
import { describe, expect, it } from "vitest";
import { TAB } from "../../src/domain/layout";
import { documentsOf } from "../../standin/documents/documents";
import { driveOf } from "../../standin/documents/drive";
import type { Scenario } from "../../standin/simulation/scenario";
import { Simulation } from "../../standin/simulation/simulation";
import { cloneWorld, deepClone, SimulationSnapshot } from "../../standin/simulation/snapshot";
import { buildSummary } from "../../standin/simulation/summary";
import type { World } from "../../standin/world";
import { installed, play, scenario, submitMonthly, unit } from "../support/helpers";
import { scenarioRaw } from "../support/mail-cases";

/** a value as text, whatever it holds (maps, sets, dates of any realm, bytes), the same for equal states */
function canon(x: unknown, seen = new Map<object, number>()): unknown {
  if (typeof x === "function") return "ƒ";
  if (typeof x !== "object" || x === null) return x;
  if (seen.has(x)) return `↺${seen.get(x)}`;
  seen.set(x, seen.size);
  if (types.isDate(x)) return `date ${Date.prototype.getTime.call(x)}`;
  if (types.isMap(x)) return ["map", [...(x as Map<unknown, unknown>)].map(([k, v]) => [canon(k, seen), canon(v, seen)])];
  if (types.isSet(x)) return ["set", [...(x as Set<unknown>)].map((v) => canon(v, seen))];
  if (types.isTypedArray(x)) return `bytes ${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("base64")}`;
  if (Array.isArray(x)) return x.map((v) => canon(v, seen));
  return [Object.getPrototypeOf(x)?.constructor?.name, Object.entries(x).map(([k, v]) => [k, canon(v, seen)])];
}

/** everything a world holds that the product or a test can see, as text */
function stateOf(w: World): string {
  return JSON.stringify(
    canon({
      now: w.now,
      spreadsheets: w.spreadsheets,
      forms: w.forms,
      mails: w.mails,
      properties: w.properties,
      cache: w.cache,
      triggers: w.triggers,
      documents: documentsOf(w),
      drive: driveOf(w),
      logs: w.logs,
      alerts: w.alerts,
      meter: w.meter.snapshot(),
      globals: w.globals(),
    }),
  );
}

/** the rest of a scenario's events, from where the simulation's clock stands, and on to the run's end */
function playFrom(sim: Simulation): void {
  for (const e of sim.scenario.events.filter((x) => x.at > sim.world.now)) {
    sim.advanceTo(e.at);
    sim.world.now = Math.max(sim.world.now, e.at);
    sim.apply(e);
  }
  sim.advanceTo(sim.world.clockTo);
}

describe("a world copied whole", () => {
  // a month with every kind of event (registrations, a confirmation, a paper report, an edit, late reports) and the
  // rollups' documents in Drive: copied in the middle, on the day after the October rollup
  const s: Scenario = scenario(scenarioRaw());
  const cut = Date.parse("2018-10-25T12:00:00+07:00");
  const original = new Simulation(s);
  original.install();
  for (const e of s.events.filter((x) => x.at <= cut)) {
    original.advanceTo(e.at);
    original.world.now = Math.max(original.world.now, e.at);
    original.apply(e);
  }
  original.advanceTo(cut);
  const snap = new SimulationSnapshot(original);
  const atCut = stateOf(original.world);

  it("holds what the original holds, documents and Drive files included, in objects of its own", () => {
    const copy = snap.start(s);
    expect(stateOf(copy.world)).toBe(atCut);
    expect(documentsOf(copy.world).size).toBeGreaterThan(0);
    expect(driveOf(copy.world).files.size).toBeGreaterThan(0);
    expect(copy.world).not.toBe(original.world);
    expect(copy.ss).toBe(copy.world.spreadsheets.get(original.ss.id));
    expect(copy.ss).not.toBe(original.ss);
    expect(copy.sheet(TAB.status).values).not.toBe(original.sheet(TAB.status).values);
    const [doc] = documentsOf(copy.world).values();
    expect(doc).not.toBe(documentsOf(original.world).get(doc.id));
    expect(copy.log).toEqual(original.log);
  });

  it("played on, ends where the original played on ends: summary, mails, every tab, documents, run log", () => {
    const copy = snap.start(s);
    playFrom(copy);
    expect(stateOf(copy.world)).not.toBe(atCut);
    expect(stateOf(original.world)).toBe(atCut);
    playFrom(original);
    expect(stateOf(copy.world)).toBe(stateOf(original.world));
    expect(buildSummary(copy, copy.world.clockTo)).toEqual(buildSummary(original, original.world.clockTo));
    expect(copy.log).toEqual(original.log);
    expect(copy.world.mails.length).toBeGreaterThan(10);
  });
});

describe("the original never sees what is done to a copy", () => {
  it("runs, typing, a crash, a moved clock, a deleted tab in the copy: the original holds what it held", () => {
    const sim = installed({ events: [] });
    const before = stateOf(sim.world);
    const copy = cloneWorld(sim.world);
    copy.meter.faults = [{ method: "MailApp.sendEmail" }];
    copy.run("runDaily");
    copy.type(sim.ss.id, TAB.units, 3, 1, "CD002");
    copy.advanceTo(Date.parse("2018-10-02T12:00:00+07:00"));
    copy.spreadsheets.get(sim.ss.id)?.sheets.pop();
    copy.properties.clear();
    documentsOf(copy).clear();
    expect(stateOf(copy)).not.toBe(before);
    expect(stateOf(sim.world)).toBe(before);
  });

  it("the copy's time passes for the copy alone: latency and overlapping runs act on the copy", () => {
    const sim = installed({ events: [] });
    const copy = cloneWorld(sim.world);
    const now = sim.world.now;
    copy.latency = () => 1000;
    let ran = 0;
    copy.during("Range.setValues", () => ran++);
    expect(copy.run("refreshStatus", { ui: true }).ok).toBe(true);
    expect(copy.now).toBeGreaterThan(now);
    expect(ran).toBe(1);
    expect(sim.world.now).toBe(now);
  });
});

describe("a copy's large maps, read from the snapshot until first used", () => {
  /** the largest map of plain values a tab holds (a format per cell), and where */
  const largest = (sim: Simulation) => {
    const found = sim.ss.sheets.flatMap((tab) =>
      Object.keys(tab).flatMap((key) => {
        const v = (tab as unknown as Record<string, unknown>)[key];
        return v instanceof Map ? [{ tab: tab.name, key, size: v.size }] : [];
      }),
    );
    const top = found.sort((a, b) => b.size - a.size)[0];
    const of = (x: Simulation) => (x.sheet(top.tab) as unknown as Record<string, Map<string, unknown>>)[top.key];
    return { ...top, of };
  };

  it("are each copy's own once used: a change in one copy reaches neither the snapshot, nor another copy, nor a copy of a copy taken before", () => {
    const s = scenario({ events: [] });
    const snap = new SimulationSnapshot(installed({ events: [] }));
    const one = snap.start(s);
    const big = largest(one);
    expect(big.size).toBeGreaterThan(1000);
    const before = stateOf(one.world);
    const other = snap.start(s);
    const ofOne = new SimulationSnapshot(one); // before the change: its maps not yet made
    big.of(one).clear();
    big.of(one).set("1,1", "changed");
    expect(big.of(one).size).toBe(1);
    expect(big.of(other).size).toBe(big.size);
    expect(big.of(snap.start(s)).size).toBe(big.size);
    expect(stateOf(ofOne.start(s).world)).toBe(before);
    // a copy of the changed copy has the change, and is its own
    const later = new SimulationSnapshot(one).start(s);
    expect([...big.of(later)]).toEqual([["1,1", "changed"]]);
    big.of(later).set("2,2", "again");
    expect(big.of(one).size).toBe(1);
    // one map reached from two places stays one map in the copy
    const shared = other.sheet(big.tab) as unknown as Record<string, unknown>;
    const twice = other.world as World & { alias?: unknown };
    twice.alias = shared[big.key];
    const copy = new SimulationSnapshot(other).start(s);
    expect((copy.world as typeof twice).alias).toBe((copy.sheet(big.tab) as unknown as Record<string, unknown>)[big.key]);
  });
});

describe("copying is generic", () => {
  it("a field added to the stand-in later is copied with the rest, deeply, shared references kept shared", () => {
    const w = installed({ events: [] }).world as World & { extra?: { byUnit: Map<string, number[]>; same?: unknown } };
    const list = [1, 2];
    w.extra = { byUnit: new Map([["CD001", list]]) };
    w.extra.same = list;
    const copy = cloneWorld(w) as typeof w;
    expect(copy.extra?.byUnit.get("CD001")).toEqual([1, 2]);
    expect(copy.extra?.byUnit.get("CD001")).not.toBe(list);
    expect(copy.extra?.same).toBe(copy.extra?.byUnit.get("CD001"));
    copy.extra?.byUnit.get("CD001")?.push(3);
    expect(list).toEqual([1, 2]);
  });

  it("keeps prototypes, cycles, dates, bytes and frozen objects", () => {
    class Node {
      next: Node | null = null;
      at = new Date(5);
      bytes = Uint8Array.from([1, 2, 3]);
      fixed = Object.freeze({ a: 1 });
    }
    const a = new Node();
    a.next = a;
    const b = deepClone(a);
    expect(b).toBeInstanceOf(Node);
    expect(b.next).toBe(b);
    expect(b.at.getTime()).toBe(5);
    expect(b.at).not.toBe(a.at);
    expect([...b.bytes]).toEqual([1, 2, 3]);
    expect(b.bytes).not.toBe(a.bytes);
    expect(Object.isFrozen(b.fixed)).toBe(true);
  });

  it("refuses a function it cannot make again, naming where it was, rather than a copy acting on the original", () => {
    const w = installed({ events: [] }).world;
    w.latency = () => 0;
    expect(() => cloneWorld(w)).toThrow(/World\.latency holds a function/);
    w.latency = null;
    expect(() => cloneWorld(w)).not.toThrow();
  });

  it("the tests' shared worlds: play() from a copy equals a simulation played from scratch", () => {
    const raw = {
      run: { from: "2018-10-15", to: "2018-10-25" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00")],
    };
    play(raw); // the first sets up and keeps the world; the second starts from copies
    const { sim, summary } = play(raw);
    const fresh = new Simulation(scenario(raw));
    fresh.play();
    expect(summary).toEqual(buildSummary(fresh, fresh.world.clockTo));
    expect(stateOf(sim.world)).toBe(stateOf(fresh.world));
    expect(sim.log).toEqual(fresh.log);
  });

  it("play() of scenarios sharing their first events: each, played on from where they part, equals it played from scratch", () => {
    const run = { from: "2018-10-15", to: "2018-10-25" };
    const first = submitMonthly("CD001", "2018-10", "2018-10-17T10:00:00+07:00");
    const a = submitMonthly("CD002", "2018-10", "2018-10-21T10:00:00+07:00");
    const b = { type: "menu", action: "refreshStatus", at: "2018-10-19T10:00:00+07:00" };
    const c = submitMonthly("CD001", "2018-10", "2018-10-23T10:00:00+07:00", { sharedPosts: 3 });
    const units = [unit("CD001"), unit("CD002")];
    play({ units, run, events: [first, a] });
    // parts from the first at b (before a): played from the first event on; then c after a: played from where a was
    for (const events of [
      [first, b],
      [first, a, c],
    ]) {
      const { sim, summary } = play({ units, run, events });
      const fresh = new Simulation(scenario({ units, run, events }));
      fresh.play();
      expect(summary).toEqual(buildSummary(fresh, fresh.world.clockTo));
      expect(stateOf(sim.world)).toBe(stateOf(fresh.world));
      expect(sim.log).toEqual(fresh.log);
    }
  });
});
