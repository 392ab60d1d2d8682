// One run of the product: the lock, the stored state, the opened Sheet, the clock; and what a run returns.

import { localMonth } from "../../domain/dates";
import { TAB } from "../../domain/layout";
import { monthlyPeriods } from "../../domain/periods";
import { freezeDue, type Rules, rulesOf } from "../../domain/rules";
import { parseSettings, type Settings } from "../../domain/settings";
import { BUSY, type Ports, type Run } from "../../ports";
import { finishArchiveSteps } from "../archive/moves";
import { settleMails } from "../mail/outbox";

export const NOT_SET_UP = "Chưa chạy Thiết lập.";

/** what a use case returns: its value, or why not, in Vietnamese */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

export type { Run } from "../../ports";
export { messageOf } from "./errors";

/**
 * The lock, then the state and the Sheet; `fn` runs only when both are there. What a run that died left half-done is
 * put right first: a move to the archive finished (the marks of the tabs it moved must hold before anything reads
 * them), the mails it may have sent as it died settled by the quota.
 */
export function openRun<T>(p: Ports, job: string, fn: (r: Run) => Outcome<T>, lockMs = 30000): Outcome<T> {
  if (!p.lock.acquire(lockMs)) return fail(BUSY);
  try {
    const { state, journal } = p.state.load();
    if (!state.spreadsheetId) return fail(NOT_SET_UP);
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
export function readSettings(r: Run): Outcome<{ settings: Settings; rules: Rules }> {
  const parsed = parseSettings(r.store.readSettingsRows(), TAB.settings);
  if (!parsed.ok) return fail(parsed.errors.join("\n"));
  return ok(adopt(r, parsed.settings));
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
