// Staff commands beyond the daily rhythm: send the rollup now, take an edit of settings or templates.
import { localDay } from "../domain/dates";
import { TAB } from "../domain/layout";
import { deadlineOf, REGISTRATION } from "../domain/periods";
import { parseSettings } from "../domain/settings";
import { DEFAULT_TEMPLATES } from "../domain/templates";
import { periodsUpTo, runDaily } from "./daily";
import { BUSY, type Ports } from "./ports";
import { runRollups } from "./rollup";
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

/**
 * Settings and templates take effect as soon as staff edit them; a bad setting is named by its cell. The stored state
 * is rewritten whole, so this runs under the lock: another run's changes are never overwritten with an old copy.
 */
export function onEditCommand(p: Ports, sheetName: string): void {
  if (sheetName !== TAB.settings && sheetName !== TAB.templates) return;
  if (!p.lock.acquire(30000)) {
    // the daily job and the submit handler read the tab themselves; only the stored copy waits for the next edit
    p.state.record("run", { job: "Sửa cài đặt", result: "bỏ qua", detail: BUSY });
    return;
  }
  try {
    editLocked(p, sheetName);
  } finally {
    p.lock.release();
  }
}

function editLocked(p: Ports, sheetName: string): void {
  const { state } = p.state.load();
  if (!state.spreadsheetId) return;
  const store = p.open(state.spreadsheetId);
  if (sheetName === TAB.templates) {
    const rows = store.readTemplates().rows;
    p.state.save({ templates: DEFAULT_TEMPLATES.map((d) => ({ ...d, ...rows.find((r) => r.kind === d.kind && r.subject && r.body) })) });
    return;
  }
  const r = parseSettings(store.readSettingsRows(), TAB.settings);
  if (r.ok) p.state.save({ settings: r.settings });
  else p.ui.toast(store, r.errors.join(" "));
}
