// Installable triggers: one submit trigger per form, one daily clock, one edit trigger; never duplicated.
const FOLLOW_UP = "runFollowUp";
/** the one-off runs that follow the daily job, each with its own six minutes */
const FOLLOW_UPS = [FOLLOW_UP, "runRollup", "runArchive"];
const WATCH = "runWatchdog";
/** every handler the owner's triggers run */
const OWNER_HANDLERS = ["onFormSubmit", "onSheetEdit", "runDaily", ...FOLLOW_UPS];

/** makes the triggers that are missing, replaces the clock when its hour or zone changed, drops duplicates */
export function ensureTriggers(
  formIds: string[],
  spreadsheetId: string,
  hour: number,
  timeZone: string,
  hourKey: string | undefined,
): { changes: string[]; hourKey: string } {
  const changes: string[] = [];
  const key = `${hour}@${timeZone}`;
  const want = [...formIds.map((id) => `onFormSubmit|${id}`), `onSheetEdit|${spreadsheetId}`, "runDaily|"];
  const seen = new Set<string>();
  for (const t of ScriptApp.getProjectTriggers()) {
    const clock = t.getEventType() === ScriptApp.EventType.CLOCK;
    const id = `${t.getHandlerFunction()}|${clock ? "" : t.getTriggerSourceId()}`;
    if (!want.includes(id)) continue;
    if (seen.has(id) || (clock && hourKey !== key)) {
      ScriptApp.deleteTrigger(t);
      continue;
    }
    seen.add(id);
  }
  for (const id of want) {
    if (seen.has(id)) continue;
    const [fn, source] = id.split("|");
    const b = ScriptApp.newTrigger(fn);
    if (fn === "onFormSubmit") b.forForm(source).onFormSubmit().create();
    else if (fn === "onSheetEdit") b.forSpreadsheet(source).onEdit().create();
    else b.timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
    changes.push(`tạo trình kích hoạt ${fn}`);
  }
  return { changes, hourKey: key };
}

/**
 * The next run after the daily job, a minute from now (or later: when MailApp's quota comes back): the rest of its mails and the logs, the views, the rollups, the
 * archive. A job also schedules one when it starts, 7 minutes on (past Google's 6-minute limit, so never over a run
 * still going): if the job is cut off, that run finishes it.
 */
export function scheduleFollowUp(handler = FOLLOW_UP, minutes = 1): void {
  clearFollowUps();
  ScriptApp.newTrigger(handler)
    .timeBased()
    .after(minutes * 60 * 1000)
    .create();
}

/** spent one-off triggers stay listed: they are removed, so the project never reaches Google's 20 */
export function clearFollowUps(): void {
  for (const t of ScriptApp.getProjectTriggers()) if (FOLLOW_UPS.includes(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
}

/**
 * A staff account's watchdog: once a day, an hour after the daily run, it looks whether the owner's daily run
 * happened. One per account (getProjectTriggers lists only this account's), moved when the hour or zone changes.
 */
export function ensureWatch(hour: number, timeZone: string, key: string, oldKey: string | undefined): boolean {
  let have = false;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== WATCH) continue;
    if (have || oldKey !== key) ScriptApp.deleteTrigger(t);
    else have = true;
  }
  if (have) return false;
  ScriptApp.newTrigger(WATCH)
    .timeBased()
    .everyDays(1)
    .atHour((hour + 1) % 24)
    .inTimezone(timeZone)
    .create();
  return true;
}

/** this account's triggers of the given handlers removed (the owner's work stood down, or a watchdog no longer needed) */
export function dropTriggers(which: "owner" | "watch"): number {
  const handlers = which === "owner" ? OWNER_HANDLERS : [WATCH];
  let n = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (!handlers.includes(t.getHandlerFunction())) continue;
    ScriptApp.deleteTrigger(t);
    n++;
  }
  return n;
}
