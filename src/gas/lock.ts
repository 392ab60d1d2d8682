// The script lock: one writer at a time.
import type { Lock } from "../ports";

export class ScriptLock implements Lock {
  private lock: GoogleAppsScript.Lock.Lock | null = null;
  /** whether this run holds the lock now */
  held = false;
  acquire(ms: number): boolean {
    this.lock = LockService.getScriptLock();
    this.held = this.lock.tryLock(ms);
    return this.held;
  }
  release(): void {
    this.lock?.releaseLock();
    this.held = false;
  }
}
