// LockService's script lock: one execution holds it at a time, across every run of the project; Google releases it
// when the execution ends (https://developers.google.com/apps-script/reference/lock/lock-service).
import { google, type Only } from "./google.js";
import type { World } from "./world.js";

type Lock = GoogleAppsScript.Lock.Lock;

export class StandinLock implements Pick<Lock, "tryLock" | "waitLock" | "releaseLock" | "hasLock"> {
  constructor(private w: World) {}
  private attempt(): boolean {
    const w = this.w;
    if (w.lockBusy > 0) {
      w.lockBusy--;
      return false;
    }
    if (w.lockHeldElsewhere) return false;
    if (w.lockHolder !== null && w.lockHolder !== w.execution()) return false;
    w.lockHolder = w.execution();
    return true;
  }
  /** the stand-in is single-threaded: a lock another execution holds is not released while this one waits */
  tryLock(_ms: number): boolean {
    this.w.meter.hit("LockService", "Lock.tryLock");
    return this.attempt();
  }
  waitLock(_ms: number): void {
    this.w.meter.hit("LockService", "Lock.waitLock");
    if (!this.attempt()) throw this.w.fail("lockTimeout");
  }
  releaseLock(): void {
    this.w.meter.hit("LockService", "Lock.releaseLock");
    if (this.w.lockHolder === this.w.execution()) this.w.lockHolder = null;
  }
  hasLock(): boolean {
    this.w.meter.hit("LockService", "Lock.hasLock");
    return this.w.lockHolder === this.w.execution();
  }
}
export type _LockOnly = Only<Exclude<keyof StandinLock, keyof Lock>>;

export function makeLockService(w: World): Pick<GoogleAppsScript.Lock.LockService, "getScriptLock"> {
  return {
    getScriptLock(): Lock {
      w.meter.hit("LockService", "LockService.getScriptLock");
      return google<Lock>(new StandinLock(w));
    },
  };
}
