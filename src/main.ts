// The functions Google calls, and nothing else: triggers, menu actions, setup.
import { runArchive as archiveNow } from "./app/archive/archive";
import { runDaily as daily, writeLogs } from "./app/daily/daily";
import { runFollowUp as followUp, resumeCutSetup } from "./app/daily/follow-up";
import { refreshStatus as refresh } from "./app/daily/refresh";
import { recordManual } from "./app/intake/manual";
import { handleSubmit } from "./app/intake/submit";
import { previewMails as preview } from "./app/mail/preview";
import { onEditCommand } from "./app/run/commands";
import { messageOf } from "./app/run/context";
import { type JobId, noteFailure } from "./app/run/jobs";
import { authorise, DAILY_BEAT, ownerRun, takeOver as takeOverNow, watch } from "./app/run/owner";
import { runSelfCheck } from "./app/setup/self-check";
import { setup as doSetup } from "./app/setup/setup";
import { openNote, prepareTemplate as template, writeStart } from "./app/sheet/start";
import * as panel from "./app/sidebar";
import { say } from "./domain/problems";
import type { Result } from "./domain/result";
import { setupAnswer } from "./domain/start";
import { gasPorts } from "./gas/runtime";
import { addMenu, alert } from "./gas/ui";
import type { Ports } from "./ports";

/**
 * a trigger's run: a failure is journalled and written to the run log (when it can be) before Google records it, and
 * noted for staff (the start tab; an alert when the job's rule says so): its mark stays, so a follow-up run does it
 * again. The owner's triggers (`beat`: the job the watchdogs look at) stand down when their account is no longer the
 * owner.
 */
function job(name: string, fn: (p: Ports) => unknown, owner: { beat?: string } | null = {}, id?: JobId): void {
  const p = gasPorts();
  try {
    if (owner && !ownerRun(p, name, owner.beat)) return;
    fn(p);
  } catch (e) {
    p.state.record("run", { job: name, result: "lỗi", detail: messageOf(e) });
    failed(p, id, e);
    writeLogs(p);
    throw e;
  }
}

/** an error a job threw: the job whose mark is still there (the one that was running) is noted with Google's words */
function failed(p: Ports, id: JobId | undefined, e: unknown): void {
  try {
    const marks = p.state.jobs();
    const which = (id && marks[id] ? id : (Object.keys(marks)[0] as JobId | undefined)) ?? id;
    if (which) noteFailure(p, which, marks[which]?.tries ?? 1, `lỗi “${messageOf(e).slice(0, 300)}”`);
  } catch {
    // the run log has it
  }
}

/** the account acting from the menu or the sidebar is recorded as staff that authorised (and given its watchdog) */
function acting(p: Ports): void {
  // no Sheets call here: a copy not yet set up may get a watchdog, which finds it is not its Sheet and does nothing
  try {
    authorise(p);
  } catch (e) {
    p.state.record("run", { job: "Ghi nhận tài khoản", result: "lỗi", detail: messageOf(e) });
  }
}

/** a menu action: its outcome, or what went wrong, told to the staff member in Vietnamese */
function menu(title: string, fn: (p: Ports) => Result<string> | string): void {
  let msg: string;
  try {
    const p = gasPorts(true);
    acting(p);
    const r = fn(p);
    msg = typeof r === "string" ? r : r.ok ? r.value : `Không thực hiện được: ${say(r.problem)}`;
  } catch (e) {
    msg = `Không thực hiện được: ${messageOf(e)}`;
  }
  alert(title, msg);
}

/** simple trigger: the staff menu, and a toast when the owner's daily run is missing (properties only: cheap) */
export function onOpen(): void {
  addMenu();
  try {
    const p = gasPorts();
    const active = p.active();
    const note = active ? openNote(p, active.id) : "";
    if (active && note) p.ui.toast(active.store, note);
  } catch {
    // a simple trigger runs with limited rights: the menu is what matters
  }
}

/** installable trigger on each form */
export function onFormSubmit(e: unknown): void {
  job("Nhận biểu mẫu", (p) => handleSubmit(p, e));
}

/** installable clock trigger, once a day */
export function runDaily(): void {
  job(
    "Chạy hằng ngày",
    (p) => {
      resumeCutSetup(p);
      daily(p);
    },
    { beat: DAILY_BEAT },
    "daily",
  );
}

/** a staff account's watchdog (one a day, an hour after the daily run): the owner's run missing → staff told, taken over */
export function runWatchdog(): void {
  job(
    "Giám sát",
    (p) => {
      const here = p.active();
      if (!here || here.id !== p.state.load().state.spreadsheetId) return;
      if (watch(p) === "took-over") daily(p, { job: "Chạy hằng ngày (sau khi nhận vận hành)" });
    },
    null,
  );
}

/** staff choose to run the product from their own account (the owner left, or is leaving) */
export function takeOver(): void {
  menu("Nhận vận hành", (p) => {
    const r = takeOverNow(p);
    if (!r.ok) return `Không thực hiện được: ${say(r.problem)}`;
    // the days the product stood still: what arrived is stored, what is owed is sent, now
    const d = daily(p, { job: "Chạy hằng ngày (sau khi nhận vận hành)" });
    return [r.value, d.ok ? `Đã gửi ${d.value.sent} thư.` : say(d.problem)].join("\n");
  });
}

/**
 * one-off clock trigger a minute after the daily job: the mails its clock left and the logs, then the views; also the
 * run a job schedules when it starts, which finishes it if it was cut off
 */
export function runFollowUp(): void {
  job("Chạy tiếp", (p) => followUp(p, "runFollowUp"), {}, "followUp");
}

/** one-off clock trigger after the follow-up: the rollups the daily job found due */
export function runRollup(): void {
  job("Tổng hợp", (p) => followUp(p, "runRollup"), {}, "rollup");
}

/** one-off clock trigger after the rollups: the archive of closed years and old logs */
export function runArchive(): void {
  job("Lưu trữ", (p) => followUp(p, "runArchive"), {}, "archive");
}

/** installable edit trigger: settings and templates take effect as soon as staff change them */
export function onSheetEdit(e: unknown): void {
  const range = (e as { range?: GoogleAppsScript.Spreadsheet.Range } | undefined)?.range;
  if (range) job("Sửa cài đặt", (p) => onEditCommand(p, range.getSheet().getName()));
}

/** a call from the sidebar: its reply, or what went wrong, in Vietnamese (the page shows it) */
function fromSidebar(fn: (p: ReturnType<typeof gasPorts>) => panel.Reply): panel.Reply {
  try {
    const p = gasPorts(true);
    acting(p);
    return fn(p);
  } catch (e) {
    return { ok: false, message: `Không thực hiện được: ${messageOf(e)}` };
  }
}

/** the self-check's items as the start tab counts them */
function checked(p: ReturnType<typeof gasPorts>) {
  const c = runSelfCheck(p);
  if (!c.ok) return { message: say(c.problem), summary: null };
  const { rows, message } = c.value;
  const failed = rows.filter((x) => !x.passed).map((x) => x.item);
  return { message, summary: rows.length ? { passed: rows.length - failed.length, total: rows.length, failed } : null };
}

/** setup, then the self-check on what it made, then the start tab with where each first step stands */
export function setup(): void {
  menu("Thiết lập", (p) => {
    const r = doSetup(p);
    const check = r.ok ? checked(p) : null;
    const { facts } = writeStart(p, check?.summary ?? null, true);
    // a short answer with the next step; what setup made is in the run log
    if (facts) return setupAnswer(r.ok, r.problems, facts, r.notices);
    return [r.ok ? "Thiết lập xong." : "Thiết lập chưa xong:", ...r.notices, ...r.problems, ...(check ? [check.message] : [])].join("\n");
  });
}

/** probes the live account and writes the tab “Kiểm tra” (and the start tab's states) */
export function selfCheck(): void {
  menu("Kiểm tra hệ thống", (p) => {
    const check = checked(p);
    writeStart(p, check.summary);
    return check.message;
  });
}

/** run once from the script editor on the template Sheet federations copy: only its start tab, nothing made */
export function prepareTemplate(): void {
  menu("Bảng tính mẫu", template);
}

/** moves closed years and old logs to the archive spreadsheets (the daily job's follow-up does it by itself) */
export function archiveOldData(): void {
  menu("Lưu trữ dữ liệu cũ", (p) => archiveNow(p, true));
}

export function refreshStatus(): void {
  menu("Làm mới trạng thái", refresh);
}

export function previewMails(): void {
  menu("Xem trước thư", (p) => {
    const r = preview(p);
    return r.ok ? [`${r.value.count} thư sẽ gửi: xem trang “Xem trước thư”.`, ...r.value.notes].join("\n") : r;
  });
}

export function recordManualReports(): void {
  menu("Ghi nhận báo cáo ngoài biểu mẫu", recordManual);
}

// the sidebar, opened on the section each menu item names
export function showConfirm(): void {
  gasPorts(true).ui.sidebar("confirm");
}
export function showReminders(): void {
  gasPorts(true).ui.sidebar("remind");
}
export function showRollup(): void {
  gasPorts(true).ui.sidebar("rollup");
}
export function showRecord(): void {
  gasPorts(true).ui.sidebar("record");
}
export function showZalo(): void {
  gasPorts(true).ui.sidebar("zalo");
}

// what the sidebar calls through google.script.run (one object each, plain values back)
export function sidebarLoad(req: { section?: unknown; q?: unknown; offset?: unknown; firstDay?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.load(p, req));
}
export function sidebarConfirm(req: { ids?: unknown; keys?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.decide(p, req, "confirm"));
}
export function sidebarReject(req: { ids?: unknown; keys?: unknown; reason?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.decide(p, req, "reject"));
}
export function sidebarRemind(req: { units?: unknown; all?: unknown; q?: unknown; offset?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.remind(p, req));
}
export function sidebarRollup(req: { period?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.rollup(p, req));
}
export function sidebarRecord(req: panel.RecordRequest): panel.Reply {
  return fromSidebar((p) => panel.record(p, req));
}
export function sidebarResume(): panel.Reply {
  return fromSidebar((p) => panel.resumeCopy(p));
}
export function sidebarZalo(req?: { sec?: unknown; q?: unknown; offset?: unknown; part?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.zalo(p, req ?? {}));
}
export function sidebarUndo(req: { ids?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.undo(p, req));
}
export function sidebarUnits(req: { q?: unknown; offset?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.findUnits(p, req));
}
export function sidebarHistory(req: { code?: unknown; offset?: unknown }): panel.Reply {
  return fromSidebar((p) => panel.history(p, req));
}
