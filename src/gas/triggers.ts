// Installable triggers: one submit trigger per form, one daily clock, one edit trigger; never duplicated.
const FOLLOW_UP = "runFollowUp";

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

/** the follow-up run a minute after the daily job: the rollups, or the rest of a daily job cut short by the clock */
export function scheduleFollowUp(): void {
  clearFollowUps();
  ScriptApp.newTrigger(FOLLOW_UP)
    .timeBased()
    .after(60 * 1000)
    .create();
}

/** spent one-off triggers stay listed: they are removed, so the project never reaches Google's 20 */
export function clearFollowUps(): void {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === FOLLOW_UP) ScriptApp.deleteTrigger(t);
}
