// A simulation saved at one instant and played again from there as often as a test needs: the crash sweeps cut one
// run at every call, each from the same world, without setting the Sheet up again each time. Only data is copied
// (Google's models, the properties, the triggers, the mails, the simulation's own records); the bundle, its vm
// contexts and the world's closures stay as they are.
import { documentsOf } from "../standin/documents";
import { driveOf } from "../standin/drive";
import type { Simulation } from "../standin/simulation";

type Bag = Record<string, unknown>;

/**
 * The tabs' per-cell wrapping and alignment: hundreds of thousands of entries only a person looking at the Sheet sees
 * (the product never reads them back, and the sweeps compare values). Shared between copies, not copied.
 */
const SHARED = new Set(["wraps", "verticalAlignments"]);

/** a deep copy keeping prototypes (the models' classes), shared references and cycles; functions kept as they are */
export function deepClone<T>(v: T, memo = new Map<unknown, unknown>()): T {
  if (v === null || typeof v !== "object") return v;
  const hit = memo.get(v);
  if (hit !== undefined) return hit as T;
  const tag = Object.prototype.toString.call(v);
  if (tag === "[object Date]") return new Date((v as unknown as Date).getTime()) as T;
  if (v instanceof Uint8Array) return v.slice() as T;
  if (v instanceof Map) {
    // the models' per-cell maps hold strings and numbers: copied in one go
    let flat = true;
    for (const x of v.values()) if (x !== null && typeof x === "object") flat = false;
    if (flat) {
      const m = new Map(v);
      memo.set(v, m);
      return m as T;
    }
    const m = new Map();
    memo.set(v, m);
    for (const [k, x] of v) m.set(deepClone(k, memo), deepClone(x, memo));
    return m as T;
  }
  if (v instanceof Set) {
    const s = new Set();
    memo.set(v, s);
    for (const x of v) s.add(deepClone(x, memo));
    return s as T;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== "object")) {
      const a = v.slice();
      memo.set(v, a);
      return a as T;
    }
    const a: unknown[] = [];
    memo.set(v, a);
    for (const x of v) a.push(deepClone(x, memo));
    return a as T;
  }
  const o = Object.create(Object.getPrototypeOf(v)) as Bag;
  memo.set(v, o);
  for (const k of Object.keys(v as Bag)) o[k] = SHARED.has(k) ? (v as Bag)[k] : deepClone((v as Bag)[k], memo);
  return o as T;
}

const WORLD_FIELDS = [
  "u",
  "properties",
  "cache",
  "triggers",
  "alerts",
  "promptAnswers",
  "sidebar",
  "lockBusy",
  "lockHeldElsewhere",
  "lockHolder",
  "mailQuota",
  "clockFrom",
  "clockTo",
  "crashes",
  "stopped",
  "activeUser",
];
const METER_FIELDS = ["total", "byService", "byMethod", "cellsRead", "cellsWritten", "methodSeen", "faults", "counting"];
const SIM_FIELDS = ["log", "current", "formOfResponse", "emailOf", "manualForm"];

export interface Snapshot {
  data: Bag;
}

/** the world and the simulation as they stand now */
export function snapshot(sim: Simulation): Snapshot {
  const w = sim.world as unknown as Bag;
  const m = sim.world.meter as unknown as Bag;
  const s = sim as unknown as Bag;
  const data: Bag = {
    world: Object.fromEntries(WORLD_FIELDS.map((k) => [k, w[k]])),
    meter: Object.fromEntries(METER_FIELDS.map((k) => [k, m[k]])),
    sim: Object.fromEntries(SIM_FIELDS.map((k) => [k, s[k]])),
    docs: documentsOf(sim.world),
    drive: driveOf(sim.world),
  };
  return { data: deepClone(data) };
}

/** the world and the simulation put back as they stood at the snapshot */
export function restore(sim: Simulation, snap: Snapshot): void {
  const d = deepClone(snap.data) as {
    world: Bag;
    meter: Bag;
    sim: Bag;
    docs: Map<string, unknown>;
    drive: { files: Map<string, unknown>; next: number };
  };
  Object.assign(sim.world as unknown as Bag, d.world);
  Object.assign(sim.world.meter as unknown as Bag, d.meter);
  Object.assign(sim as unknown as Bag, d.sim);
  const docs = documentsOf(sim.world) as Map<string, unknown>;
  docs.clear();
  for (const [k, v] of d.docs) docs.set(k, v);
  const drive = driveOf(sim.world) as { files: Map<string, unknown>; next: number };
  drive.files = d.drive.files;
  drive.next = d.drive.next;
  const ss = sim.world.spreadsheets.get(sim.ss.id);
  if (ss) sim.ss = ss;
}
