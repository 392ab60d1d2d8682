// Staff commands beyond the daily rhythm: send the rollup now, take an edit of settings or templates.
import { localDay } from "../domain/dates";
import { TAB } from "../domain/layout";
import { deadlineOf, REGISTRATION } from "../domain/periods";
import { parseSettings } from "../domain/settings";
import { DEFAULT_TEMPLATES } from "../domain/templates";
import { periodsUpTo, runDaily } from "./daily";
import type { Ports } from "./ports";
import { runRollups, takeThemes } from "./rollup";
import { NOT_SET_UP } from "./run";

/** the daily job now, with a reminder today to every unit owing a period still open */
export function sendRemindersNow(p: Ports): string {
  const r = runDaily(p, { job: "Gửi thư nhắc ngay", remindNow: true });
  return [`Đã gửi ${r.sent} thư, để lại ${r.deferred} thư.`, ...r.problems].join("\n");
}

/** the rollup of the latest period whose deadline has come */
export function sendRollupNow(p: Ports): string {
  const s = p.state.load().state.settings;
  if (!s) return NOT_SET_UP;
  const now = p.clock.now();
  const today = localDay(now, s.timeZone);
  const due = (x: string) => deadlineOf(x, s).due;
  const period = [REGISTRATION, ...periodsUpTo(s, now)]
    .filter((x) => due(x) <= today)
    .sort((a, b) => due(a).localeCompare(due(b)))
    .pop();
  if (!period) return "Chưa đến hạn của kỳ nào.";
  return runRollups(p, { period }).join("\n");
}

/** settings and templates take effect as soon as staff edit them; a bad setting is named by its cell */
export function onEditCommand(p: Ports, sheetName: string): void {
  const { state } = p.state.load();
  if (!state.spreadsheetId || (sheetName !== TAB.settings && sheetName !== TAB.templates && sheetName !== TAB.themes)) return;
  const store = p.open(state.spreadsheetId);
  if (sheetName === TAB.themes) {
    takeThemes(p, store);
    return;
  }
  if (sheetName === TAB.templates) {
    const rows = store.readTemplates().rows;
    p.state.save({ templates: DEFAULT_TEMPLATES.map((d) => ({ ...d, ...rows.find((r) => r.kind === d.kind && r.subject && r.body) })) });
    return;
  }
  const r = parseSettings(store.readSettingsRows(), TAB.settings);
  if (r.ok) p.state.save({ settings: r.settings });
  else p.ui.toast(store, r.errors.join(" "));
}
