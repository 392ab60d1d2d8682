// PropertiesService (script properties, with Google's size limits) and CacheService.
import { google, type Only } from "./google.js";
import type { World } from "./world.js";

type Properties = GoogleAppsScript.Properties.Properties;

/**
 * "Properties value size: 9 KB / val", "Properties total storage: 500 KB / property store" (services/quotas): sizes
 * in bytes, as stored (UTF-8): a Vietnamese letter takes two or three of them
 */
const PROP_VALUE_LIMIT = 9 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const PROP_TOTAL_LIMIT = 500 * 1024;

export class StandinProperties
  implements Pick<Properties, "getProperty" | "setProperty" | "getProperties" | "setProperties" | "deleteProperty" | "getKeys">
{
  constructor(private w: World) {}
  private hit(m: string) {
    this.w.meter.hit("PropertiesService", `Properties.${m}`);
  }
  private me(): Properties {
    return google<Properties>(this);
  }
  private size(): number {
    let n = 0;
    for (const [k, v] of this.w.properties) n += bytes(k) + bytes(v);
    return n;
  }
  private put(k: string, v: string): void {
    const store = this.w.properties;
    const val = String(v);
    if (bytes(val) > PROP_VALUE_LIMIT) throw this.w.fail("valueTooLarge");
    const before = store.get(k);
    store.set(k, val);
    if (this.size() > PROP_TOTAL_LIMIT) {
      if (before === undefined) store.delete(k);
      else store.set(k, before);
      throw this.w.fail("propertyQuota");
    }
  }
  getProperty(k: string): string | null {
    this.hit("getProperty");
    return this.w.properties.get(k) ?? null;
  }
  setProperty(k: string, v: string): Properties {
    this.hit("setProperty");
    this.put(k, v);
    return this.me();
  }
  getProperties(): Record<string, string> {
    this.hit("getProperties");
    const o = this.w.makeObject();
    for (const [k, v] of this.w.properties) o[k] = v;
    return o;
  }
  setProperties(o: Record<string, string>, deleteAllOthers?: boolean): Properties {
    this.hit("setProperties");
    const store = this.w.properties;
    const backup = new Map(store);
    try {
      if (deleteAllOthers) store.clear();
      for (const k of Object.keys(o)) this.put(k, o[k]);
    } catch (e) {
      store.clear();
      for (const [k, v] of backup) store.set(k, v);
      throw e;
    }
    return this.me();
  }
  deleteProperty(k: string): Properties {
    this.hit("deleteProperty");
    this.w.properties.delete(k);
    return this.me();
  }
  getKeys(): string[] {
    this.hit("getKeys");
    return this.w.makeArrayFrom([...this.w.properties.keys()]);
  }
}
export type _PropertiesOnly = Only<Exclude<keyof StandinProperties, keyof Properties>>;

export function makeProperties(w: World): Pick<GoogleAppsScript.Properties.PropertiesService, "getScriptProperties"> {
  return {
    getScriptProperties(): Properties {
      w.meter.hit("PropertiesService", "PropertiesService.getScriptProperties");
      return google<Properties>(new StandinProperties(w));
    },
  };
}

type Cache = GoogleAppsScript.Cache.Cache;

export class StandinCache implements Pick<Cache, "get" | "put" | "remove"> {
  constructor(private w: World) {}
  get(k: string): string | null {
    this.w.meter.hit("CacheService", "Cache.get");
    const e = this.w.cache.get(k);
    if (!e || e.until < this.w.now) return null;
    return e.value;
  }
  put(k: string, v: string, ttl = 600): void {
    this.w.meter.hit("CacheService", "Cache.put");
    if (String(v).length > 100 * 1024) throw this.w.fail("valueTooLarge");
    this.w.cache.set(k, { value: String(v), until: this.w.now + Math.min(ttl, 21600) * 1000 });
  }
  remove(k: string): void {
    this.w.meter.hit("CacheService", "Cache.remove");
    this.w.cache.delete(k);
  }
}
export type _CacheOnly = Only<Exclude<keyof StandinCache, keyof Cache>>;

export function makeCache(w: World): Pick<GoogleAppsScript.Cache.CacheService, "getScriptCache"> {
  return {
    getScriptCache(): Cache {
      w.meter.hit("CacheService", "CacheService.getScriptCache");
      return google<Cache>(new StandinCache(w));
    },
  };
}
