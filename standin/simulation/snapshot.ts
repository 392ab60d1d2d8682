// Snapshots of the stand-in: a world copied whole, so that a test can start from a world set up once instead of setting
// it up again. The copy is generic: it walks whatever the world holds (the shared Google of its spreadsheets, forms and
// mails, its properties, cache, triggers, the stores other services keep on it) and copies each object with its
// prototype, cycles and shared references kept as they are. Fields added to the stand-in later are copied without
// anyone naming them here. Only what cannot be copied is treated apart:
// - compiled scripts (vm.Script) are shared: they hold code, not state;
// - a vm context (a run's global scope) is dropped, and the owner makes its own again in its AFTER_CLONE hook;
// - a function is kept only if that hook replaces it (a closure may hold the original world): any other is an error
//   that names where it was, rather than a copy that quietly acts on the original.
import { types } from "node:util";
import vm from "node:vm";
import type { World } from "../world.js";
import type { Scenario } from "./scenario.js";
import { Simulation } from "./simulation.js";

/**
 * The method a class defines to make again, on a fresh copy, what the copy could not take over: closures over itself,
 * vm contexts. Called on every copied object that has it, once the whole graph is copied. (A registered symbol: the
 * world names it without importing this file.)
 */
export const AFTER_CLONE: unique symbol = Symbol.for("standin.snapshot.afterClone");

interface Rewirable {
  [AFTER_CLONE](): void;
}

/** where a function was found: checked once the hooks have run */
type FunctionSeat = { holder: object; key: PropertyKey; fn: unknown; inMap: boolean };

/**
 * A large Map of plain values (a tab's formats, cell by cell: hundreds of thousands of entries in a small world) that a
 * copy taken from a snapshot reads from the snapshot until first used: most tests touch few of them, and copying them
 * is most of a copy's cost. `src` belongs to a snapshot, which nothing changes; `map` is the copy's own, once made.
 */
interface LazyMap {
  src: Map<unknown, unknown>;
  map?: Map<unknown, unknown>;
}
/** the getters standing for lazy maps, and their maps */
const lazyGetters = new WeakMap<object, LazyMap>();
/** below this many entries a Map is copied at once */
const LAZY_FROM = 512;

/** a property that makes its map on first use (get or set), then is a plain property again */
function lazyProperty(holder: object, key: PropertyKey, lazy: LazyMap): void {
  const own = (self: object, value: unknown) =>
    Object.defineProperty(self, key, { value, writable: true, enumerable: true, configurable: true });
  const get = function (this: object) {
    lazy.map ??= new Map(lazy.src);
    own(this, lazy.map);
    return lazy.map;
  };
  lazyGetters.set(get, lazy);
  Object.defineProperty(holder, key, {
    get,
    set(this: object, value: unknown) {
      own(this, value);
    },
    enumerable: true,
    configurable: true,
  });
}

const plain = (v: unknown) => (typeof v !== "object" || v === null) && typeof v !== "function";

class Copier {
  private seen = new Map<object, unknown>();
  private hooks: Rewirable[] = [];
  private functions: FunctionSeat[] = [];
  /** the lazy maps of this copy, by the snapshot's map or the lazy map they copy */
  private lazies = new Map<object, LazyMap>();

  /** @param fromSnapshot the source is a snapshot's, which nothing changes: its large maps may be copied lazily */
  constructor(private readonly fromSnapshot = false) {}

  run<T>(root: T): T {
    const out = this.copy(root) as T;
    for (const h of this.hooks) h[AFTER_CLONE]();
    for (const f of this.functions) {
      const now = f.inMap ? (f.holder as Map<unknown, unknown>).get(f.key) : (f.holder as Record<PropertyKey, unknown>)[f.key];
      if (now === f.fn)
        throw new Error(
          `snapshot: ${f.holder.constructor?.name ?? "an object"}.${String(f.key)} holds a function, which a copy cannot take over ` +
            `(it may close over the original): make it again in the owner's [AFTER_CLONE]() or keep data there instead`,
        );
    }
    return out;
  }

  private copy(x: unknown): unknown {
    if (typeof x !== "object" || x === null) return x;
    const done = this.seen.get(x);
    if (done !== undefined || this.seen.has(x)) return done;
    // a map already given lazily to a property, met again elsewhere: one copy for both
    const lazy = this.lazies.get(x);
    if (lazy) return this.keep(x, (lazy.map ??= new Map(lazy.src)));
    if (x instanceof vm.Script) return this.keep(x, x);
    if (vm.isContext(x)) return this.keep(x, null);
    const proto = Object.getPrototypeOf(x) as object | null;
    let out: object;
    if (Array.isArray(x)) {
      const a: unknown[] = new Array(x.length);
      if (proto !== Array.prototype) Object.setPrototypeOf(a, proto);
      this.seen.set(x, a);
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v === undefined && !(i in x)) continue;
        a[i] = typeof v === "object" && v !== null ? this.copy(v) : typeof v === "function" ? this.fn(a, i, v) : v;
      }
      out = a;
    } else if (types.isDate(x)) {
      out = this.keep(x, Object.setPrototypeOf(new Date(Date.prototype.getTime.call(x)), proto));
    } else if (types.isMap(x)) {
      out = this.map(x as Map<unknown, unknown>, proto);
    } else if (types.isSet(x)) {
      const s = Object.setPrototypeOf(new Set(), proto) as Set<unknown>;
      this.seen.set(x, s);
      for (const v of Set.prototype.values.call(x) as IterableIterator<unknown>) {
        if (typeof v === "function") throw new Error("snapshot: a Set of functions cannot be copied");
        s.add(this.copy(v));
      }
      out = s;
    } else if (types.isTypedArray(x) || types.isDataView(x) || types.isAnyArrayBuffer(x)) {
      out = this.keep(x, structuredClone(x));
      Object.setPrototypeOf(out, proto);
    } else if (types.isRegExp(x)) {
      const r = new RegExp(x as RegExp);
      r.lastIndex = (x as RegExp).lastIndex;
      out = this.keep(x, Object.setPrototypeOf(r, proto));
    } else if (types.isWeakMap(x) || types.isWeakSet(x) || types.isPromise(x) || types.isProxy(x)) {
      throw new Error(`snapshot: a ${proto?.constructor?.name ?? "weak map, promise or proxy"} cannot be copied; keep plain data instead`);
    } else {
      const o = Object.create(proto) as Record<PropertyKey, unknown>;
      this.seen.set(x, o);
      const lazyOk = Object.isExtensible(x);
      for (const key of Reflect.ownKeys(x)) {
        const d = Object.getOwnPropertyDescriptor(x, key) as PropertyDescriptor;
        if (!("value" in d)) {
          const lazy = d.get && lazyGetters.get(d.get);
          if (lazy?.map && this.fromSnapshot && lazyOk && this.lazyMap(lazy.map)) lazyProperty(o, key, this.lazyOf(lazy.map, lazy.map));
          else if (lazy?.map) o[key] = this.copy(lazy.map);
          else if (lazy) lazyProperty(o, key, this.lazyOf(lazy, lazy.src));
          else Object.defineProperty(o, key, d);
          continue;
        }
        const v = d.value;
        if (this.fromSnapshot && lazyOk && d.writable && d.enumerable && d.configurable && this.lazyMap(v)) {
          lazyProperty(o, key, this.lazyOf(v as object, v as Map<unknown, unknown>));
          continue;
        }
        const value = typeof v === "object" && v !== null ? this.copy(v) : typeof v === "function" ? this.fn(o, key, v) : v;
        if (d.writable && d.enumerable && d.configurable) o[key] = value;
        else Object.defineProperty(o, key, { ...d, value });
      }
      if (typeof (o as Partial<Rewirable>)[AFTER_CLONE] === "function") this.hooks.push(o as unknown as Rewirable);
      out = o;
    }
    if (Object.isFrozen(x)) Object.freeze(out);
    else if (Object.isSealed(x)) Object.seal(out);
    else if (!Object.isExtensible(x)) Object.preventExtensions(out);
    return out;
  }

  /** a Map: copied natively first (most hold only text and numbers: a tab's formats, cell by cell), then its objects */
  private map(x: Map<unknown, unknown>, proto: object | null): Map<unknown, unknown> {
    const m = new Map(Map.prototype.entries.call(x) as IterableIterator<[unknown, unknown]>);
    if (proto !== Map.prototype) Object.setPrototypeOf(m, proto);
    this.seen.set(x, m);
    let keyed = false;
    m.forEach((v, k) => {
      if (typeof k === "function") throw new Error("snapshot: a Map keyed by a function cannot be copied");
      if (typeof k === "object" && k !== null) keyed = true;
      else if (typeof v === "object" && v !== null) m.set(k, this.copy(v));
      else if (typeof v === "function") this.functions.push({ holder: m, key: k as PropertyKey, fn: v, inMap: true });
    });
    if (!keyed) return m;
    // objects as keys: the map is made again in its order, keys and values copied
    const entries = [...(Map.prototype.entries.call(x) as IterableIterator<[unknown, unknown]>)].map(
      ([k, v]) => [this.copy(k), typeof v === "function" ? v : this.copy(v)] as const,
    );
    m.clear();
    for (const [k, v] of entries) {
      m.set(k, v);
      if (typeof v === "function") this.functions.push({ holder: m, key: k as PropertyKey, fn: v, inMap: true });
    }
    return m;
  }

  /** a large Map of plain keys and values, not copied yet in this copy */
  private lazyMap(v: unknown): boolean {
    if (!types.isMap(v) || Object.getPrototypeOf(v) !== Map.prototype || this.seen.has(v)) return false;
    const m = v as Map<unknown, unknown>;
    if (m.size < LAZY_FROM) return false;
    let ok = true;
    m.forEach((value, key) => {
      if (ok && !(plain(value) && plain(key))) ok = false;
    });
    return ok;
  }

  /** the copy's lazy map standing for `of` (a snapshot's map, or another copy's lazy map not made yet) */
  private lazyOf(of: object, src: Map<unknown, unknown>): LazyMap {
    let lazy = this.lazies.get(of);
    if (!lazy) this.lazies.set(of, (lazy = { src }));
    return lazy;
  }

  private keep<T>(x: object, out: T): T {
    this.seen.set(x, out);
    return out;
  }

  private fn(holder: object, key: PropertyKey, v: unknown): unknown {
    this.functions.push({ holder, key, fn: v, inMap: false });
    return v;
  }
}

/**
 * A deep copy of `root` and everything it reaches, prototypes kept, cycles and shared references kept as shared;
 * compiled scripts shared, vm contexts and closures made again by their owners' AFTER_CLONE hooks.
 */
export function deepClone<T>(root: T): T {
  return new Copier().run(root);
}

/** a copy of a snapshot's state, which nothing changes: its large maps of plain values are copied on first use */
function fromSnapshot<T>(root: T): T {
  return new Copier(true).run(root);
}

/** a world copied whole: what one does to the copy, the other never sees */
export function cloneWorld(w: World): World {
  return deepClone(w);
}

/**
 * A simulation as it stands, to start others from: its world and all the simulation keeps beside it (its run log, the
 * responses it has sent, the settings as last typed), copied generically as the world is. The snapshot never changes.
 */
export class SimulationSnapshot {
  private readonly state: Record<string, unknown>;

  /**
   * @param take the snapshot keeps `sim`'s own objects rather than a copy of them (a copy costs as much as a third of
   *   setting a world up): whoever passes `sim` so never uses it again
   */
  constructor(sim: Simulation, take = false) {
    // all but what each simulation is given anew: its scenario and its options (callbacks among them)
    const { scenario: _scenario, opts: _opts, ...state } = sim;
    this.state = take ? state : deepClone(state);
  }

  /**
   * A simulation of `scenario` on a copy of the snapshot. The scenario must have the settings and roster the snapshot's
   * world was set up with, and no event before where its clock stands; the clock window is the scenario's run.
   */
  start(scenario: Scenario): Simulation {
    const state = fromSnapshot(this.state);
    const sim = new Simulation(scenario, { world: state.world as World });
    return Object.assign(sim, state);
  }
}
