// The script lock: one writer at a time.
import type { Lock } from "../app/ports";

export class ScriptLock implements Lock {
  private lock: GoogleAppsScript.Lock.Lock | null = null;
  acquire(ms: number): boolean {
    this.lock = LockService.getScriptLock();
    return this.lock.tryLock(ms);
  }
  release(): void {
    this.lock?.releaseLock();
  }
}
