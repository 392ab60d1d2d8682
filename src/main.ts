// The functions Google calls, and nothing else: triggers, menu actions, setup.
import { runArchive } from "./app/archive";
import { onEditCommand, sendRemindersNow as remindNow, sendRollupNow as rollupNow } from "./app/commands";
import { confirmResponses } from "./app/confirm";
import { messageOf, type Outcome } from "./app/context";
import { runDaily as daily, runFollowUp as followUp, writeLogs } from "./app/daily";
import { recordManual } from "./app/manual";
import type { Ports } from "./app/ports";
import { previewMails as preview } from "./app/preview";
import { refreshStatus as refresh } from "./app/refresh";
import { runSelfCheck } from "./app/self-check";
import { setup as doSetup } from "./app/setup";
import { handleSubmit } from "./app/submit";
import { gasPorts } from "./gas/runtime";
import { addMenu, alert, prompt } from "./gas/ui";

/** a trigger's run: a failure is journalled and written to the run log (when it can be) before Google records it */
function job(name: string, fn: (p: Ports) => unknown): void {
  const p = gasPorts();
  try {
    fn(p);
  } catch (e) {
    p.state.record("run", { job: name, result: "lỗi", detail: messageOf(e) });
    writeLogs(p);
    throw e;
  }
}

/** a menu action: its outcome, or what went wrong, told to the staff member in Vietnamese */
function menu(title: string, fn: (p: Ports) => Outcome<string> | string): void {
  let msg: string;
  try {
    const r = fn(gasPorts(true));
    msg = typeof r === "string" ? r : r.ok ? r.value : `Không thực hiện được: ${r.message}`;
  } catch (e) {
    msg = `Không thực hiện được: ${messageOf(e)}`;
  }
  alert(title, msg);
}

/** simple trigger: the staff menu */
export function onOpen(): void {
  addMenu();
}

/** installable trigger on each form */
export function onFormSubmit(e: unknown): void {
  job("Nhận biểu mẫu", (p) => handleSubmit(p, e));
}

/** installable clock trigger, once a day */
export function runDaily(): void {
  job("Chạy hằng ngày", (p) => daily(p));
}

/** one-off clock trigger a minute after the daily job: the mails its clock left and the logs; then, alone, the rollups */
export function runFollowUp(): void {
  job("Chạy tiếp", (p) => followUp(p));
}

/** installable edit trigger: settings and templates take effect as soon as staff change them */
export function onSheetEdit(e: unknown): void {
  const range = (e as { range?: GoogleAppsScript.Spreadsheet.Range } | undefined)?.range;
  if (range) job("Sửa cài đặt", (p) => onEditCommand(p, range.getSheet().getName()));
}

/** setup, then the self-check on what it made */
export function setup(): void {
  menu("Thiết lập", (p) => {
    const r = doSetup(p);
    const check = r.ok ? [runSelfCheck(p).message] : [];
    return [r.ok ? "Thiết lập xong." : "Thiết lập chưa xong:", ...r.problems, ...r.changes, ...check].join("\n");
  });
}

/** probes the live account and writes the tab “Kiểm tra” */
export function selfCheck(): void {
  menu("Kiểm tra hệ thống", (p) => runSelfCheck(p).message);
}

/** moves closed years and old logs to the archive spreadsheets (the daily job's follow-up does it by itself) */
export function archiveOldData(): void {
  menu("Lưu trữ dữ liệu cũ", (p) => runArchive(p, true));
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

export function sendRemindersNow(): void {
  menu("Gửi thư nhắc", (p) => remindNow(p));
}

export function sendRollupNow(): void {
  menu("Gửi tổng hợp", rollupNow);
}

export function recordManualReports(): void {
  menu("Ghi nhận báo cáo ngoài biểu mẫu", recordManual);
}

export function confirmSender(): void {
  const ids = prompt("Xác nhận người gửi", "Mã phản hồi cần xác nhận (cột “Mã phản hồi”), cách nhau dấu phẩy:");
  if (ids !== null) menu("Xác nhận người gửi", (p) => confirmResponses(p, ids.split(/[,;\s]+/)));
}
