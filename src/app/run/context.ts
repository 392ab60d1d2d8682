// One run of the product: the lock, the stored state, the opened Sheet, the clock. A run returns a Result
// (../../domain/result.ts): its value, or the problem that stopped it.

import { localMonth } from "../../domain/dates";
import { TAB } from "../../domain/layout";
import { monthlyPeriods } from "../../domain/periods";
import { fail, ok, type Result } from "../../domain/result";
import { freezeDue, type Rules, rulesOf } from "../../domain/rules";
import { parseSettings, type Settings } from "../../domain/settings";
import type { Ports, Run } from "../../ports";
import { finishArchiveSteps } from "../archive/moves";
import { settleMails } from "../mail/outbox";

export type { Run } from "../../ports";
export { messageOf } from "./errors";

/**
 * The lock, then the state and the Sheet; `fn` runs only when both are there. What a run that died left half-done is
 * put right first: a move to the archive finished (the marks of the tabs it moved must hold before anything reads
 * them), the mails it may have sent as it died settled by the quota.
 */
export function openRun<T>(p: Ports, job: string, fn: (r: Run) => Result<T>, lockMs = 30000): Result<T> {
  if (!p.lock.acquire(lockMs)) return fail({ code: "busy" });
  try {
    const { state, journal } = p.state.load();
    if (!state.spreadsheetId) return fail({ code: "not-set-up" });
    const r: Run = { p, job, now: p.clock.now(), state, journal, store: p.open(state.spreadsheetId) };
    if (state.archiving || state.archivingYear) finishArchiveSteps(r);
    const notes = settleMails(r);
    if (notes.length) p.state.record("run", { job, result: "ghi chú", detail: notes.join("\n") });
    return fn(r);
  } finally {
    p.lock.release();
  }
}

/** the months whose reports can be expected by `asOf`; `after`: the last month already archived */
export function periodsUpTo(s: Settings, asOf: number, after?: string): string[] {
  const all = monthlyPeriods(s, localMonth(asOf, s.timeZone));
  return after ? all.filter((p) => p > after) : all;
}

/**
 * Settings as the jobs use them: the tab, validated (a bad cell stops the job, named, never defaulted). Periods
 * already due under the settings in force until now keep those rules: they are frozen before the new ones apply.
 */
export function readSettings(r: Run): Result<{ settings: Settings; rules: Rules }> {
  const parsed = parseSettings(r.store.readSettingsRows(), TAB.settings);
  if (!parsed.ok) return fail({ code: "settings", errors: parsed.problem });
  return ok(adopt(r, parsed.value));
}

/** takes `s` as the settings in force from now on, freezing first what the previous ones had made due */
export function adopt(r: Run, s: Settings): { settings: Settings; rules: Rules } {
  const old = r.state.settings;
  const since = r.state.settingsSince ?? 0;
  const frozen = old ? freezeDue(r.state.frozen, old, periodsUpTo(old, r.now), since, r.now) : r.state.frozen;
  const changed = JSON.stringify(old) !== JSON.stringify(s);
  if (changed || JSON.stringify(frozen) !== JSON.stringify(r.state.frozen)) {
    const patch = { frozen, settings: s, settingsSince: changed ? r.now : since };
    Object.assign(r.state, patch);
    r.p.state.save(patch);
  }
  return { settings: s, rules: rulesOf(s, frozen) };
}
