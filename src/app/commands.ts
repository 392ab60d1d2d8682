// Staff commands beyond the daily rhythm: remind now, send a rollup now, take an edit of settings or templates.
import { localDay } from "../domain/dates";
import { TAB } from "../domain/layout";
import { deadlineOf, REGISTRATION } from "../domain/periods";
import { parseSettings } from "../domain/settings";
import { DEFAULT_TEMPLATES } from "../domain/templates";
import { adopt, fail, NOT_SET_UP, type Outcome, ok, periodsUpTo } from "./context";
import { runDaily } from "./daily";
import { BUSY, type Ports } from "./ports";
import { runRollups, takeThemes } from "./rollup";

/** the daily job now, with a reminder today to every unit owing a period still open (or to the units named) */
export function sendRemindersNow(p: Ports, units: string[] | null = null): Outcome<string> {
  const r = runDaily(p, { job: "Gửi thư nhắc ngay", remindNow: { units: units ? new Set(units) : null } });
  if (!r.ok) return r;
  return ok([`Đã gửi ${r.value.sent} thư, để lại ${r.value.short + r.value.queued} thư.`, ...r.value.notes].join("\n"));
}

/** the rollup of the latest period whose deadline has come */
export function sendRollupNow(p: Ports): Outcome<string> {
  const s = p.state.load().state.settings;
  if (!s) return fail(NOT_SET_UP);
  const now = p.clock.now();
  const today = localDay(now, s.timeZone);
  const due = (x: string) => deadlineOf(x, s).due;
  const period = [REGISTRATION, ...periodsUpTo(s, now)]
    .filter((x) => due(x) <= today)
    .sort((a, b) => due(a).localeCompare(due(b)))
    .pop();
  if (!period) return fail("Chưa đến hạn của kỳ nào.");
  return ok(runRollups(p, { period }).join("\n"));
}

/**
 * Settings and templates take effect as soon as staff edit them; a bad setting is named by its cell. The stored state
 * is rewritten whole, so this runs under the lock: another run's changes are never overwritten with an old copy.
 */
export function onEditCommand(p: Ports, sheetName: string): void {
  if (sheetName !== TAB.settings && sheetName !== TAB.templates && sheetName !== TAB.themes) return;
  if (!p.lock.acquire(30000)) {
    // the daily job and the submit handler read the tab themselves; only the stored copy waits for the next edit
    p.state.record("run", { job: "Sửa cài đặt", result: "bỏ qua", detail: BUSY });
    return;
  }
  try {
    const { state, journal } = p.state.load();
    if (!state.spreadsheetId) return;
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
    // periods already due keep the rules they had: frozen before the change takes effect
    if (r.ok) adopt({ p, job: "Sửa cài đặt", now: p.clock.now(), state, journal, store }, r.settings);
    else p.ui.toast(store, r.errors.join(" "));
  } finally {
    p.lock.release();
  }
}
