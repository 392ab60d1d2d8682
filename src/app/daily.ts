// The daily job, as stages: reconcile → statuses → plan → send. The follow-up run a minute later sends what the
// clock left, writes the logs from the journal, then makes the rollups.
import { addDays, localDay, viDate } from "../domain/dates";
import { FORM_IDS, type FormId } from "../domain/forms";
import { TAB, unitLabel } from "../domain/layout";
import { kindLabel } from "../domain/mail-kinds";
import type { Rules } from "../domain/rules";
import { type DueMail, plan } from "../domain/schedule";
import type { Settings } from "../domain/settings";
import type { Statuses } from "../domain/status";
import { hash } from "../domain/text";
import type { Unit } from "../domain/units";
import { syncChoices } from "./choices";
import type { ComposeContext } from "./compose";
import { fail, type Outcome, ok, openRun, type Run, readSettings } from "./context";
import { flush, runLogRow, sentKeys } from "./ledger";
import type { Ports } from "./ports";
import { reconcile, reconcileSince } from "./reconcile";
import { advanceMarks, marksOf, readWindow, type Window, windowStart } from "./records";
import { runRollups } from "./rollup";
import { type Queued, readQueue, SEND_BUDGET_MS, send, writeQueue } from "./send";
import { periodLabel } from "./status-store";
import { livePeriods, updateStatuses } from "./statuses";
import { writeViews } from "./views";

export const DAILY = "Chạy hằng ngày";

export interface DailySummary {
  sent: number;
  short: number;
  queued: number;
  notes: string[];
}

export interface DailyOptions {
  job?: string;
  /** staff asked to remind today every unit owing a period still open (all, or these) */
  remindNow?: { units: Set<string> | null };
}

/** the daily clock trigger, and staff's "send reminders now" */
export function runDaily(p: Ports, opts: DailyOptions = {}): Outcome<DailySummary> {
  const job = opts.job ?? DAILY;
  const res = openRun(p, job, (r) => daily(r, job, opts), 60000);
  if (!res.ok) p.state.record("run", { job, result: "bỏ qua", detail: res.message });
  return res;
}

/** the rows a run reads of each report tab: the oldest live month's, the days the reconcile and the receipts need */
export function readWindows(r: Run, s: Settings, rules: Rules): Record<FormId, Window> {
  const tz = s.timeZone;
  const today = localDay(r.now, tz);
  const since = localDay(reconcileSince(r), tz);
  const receipts = addDays(today, -(s.catchUpDays + 2));
  const day = since.localeCompare(receipts) < 0 ? since : receipts;
  const { months, live } = livePeriods(s, rules, r.now);
  const full = !!r.state.fullPass;
  const start = (form: FormId) =>
    full ? 2 : windowStart(marksOf(r, form), { month: form === "monthly" ? months[live - 1] : undefined, day });
  return { registration: readWindow(r, "registration", start("registration")), monthly: readWindow(r, "monthly", start("monthly")) };
}

/** the roster's codes by row, beside the state: the submit handler finds a unit's row without reading the roster */
export function indexUnits(r: Run, units: Unit[]): void {
  const codes: string[] = [];
  for (const u of units) if (u.row) codes[u.row - 2] = u.code;
  const h = hash(codes.join("\n"));
  if (h === r.state.rosterHash) return;
  r.p.state.saveUnitIndex(Array.from(codes, (c) => c ?? ""));
  r.state.rosterHash = h;
}

function liveOnly(st: Statuses, live: string[]): Statuses {
  return { byPeriod: st.byPeriod, figures: st.figures.filter((f) => live.includes(f.period)) };
}

function daily(r: Run, job: string, opts: DailyOptions): Outcome<DailySummary> {
  const set = readSettings(r);
  if (!set.ok) {
    // never run on a guessed setting: stop, say which cells
    r.store.appendRows(TAB.runLog, [runLogRow(r.now, { job, result: "dừng: cài đặt sai", detail: set.message })]);
    return set;
  }
  const { settings: s, rules } = set.value;
  const tz = s.timeZone;
  const { units, problems } = r.store.readUnits();
  indexUnits(r, units);
  const windows = readWindows(r, s, rules);
  const notes = [...problems, ...reconcile(r, s, units, windows)];
  const computed = updateStatuses(r, s, rules, units, windows, !!r.state.fullPass);
  syncChoices(r, s, units);
  const { keys } = sentKeys(r, s.catchUpDays + 2, tz);
  const recent = addDays(localDay(r.now, tz), -(s.catchUpDays + 2));
  const pl = plan({
    asOf: r.now,
    s,
    rules,
    statuses: liveOnly(computed.statuses, computed.live),
    units,
    versions: [...windows.registration.versions, ...windows.monthly.versions].filter((v) => localDay(v.at, tz) >= recent),
    sent: keys,
    remindNow: opts.remindNow,
  });
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const x of pl.expired) {
    const who = x.unit ? ` cho ${unitLabel(x.unit, byCode.get(x.unit)?.name)}` : "";
    notes.push(`${kindLabel(x.kind)} ${periodLabel(x.period)}${who} quá thời gian gửi bù (từ ${viDate(x.stage)}): không gửi nữa.`);
  }
  const due: Queued[] = pl.due.map((d: DueMail) => ({ d, unit: d.unit ? byCode.get(d.unit) : undefined }));
  const rollups = pl.due.filter((d) => d.kind === "rollup").map((d) => d.key);
  const ctx: ComposeContext = { s, templates: r.state.templates, forms: r.state.forms, link: r.p.forms.prefilledLink };
  const out = send(r, s, due, ctx, { stopAt: r.now + SEND_BUDGET_MS, reserve: rollups.length * s.rollupTo.length });
  if (out.queued && !out.stalled) writeQueue(r, out.rest);
  notes.push(...out.notes);
  if (out.stalled) notes.push(STALLED);
  else if (out.queued) notes.push(`Gần hết thời gian của một lần chạy: ${out.queued} thư còn lại gửi ở lần chạy tiếp theo sau một phút.`);
  for (const form of FORM_IDS) advanceMarks(r, form, windows[form].end, tz);
  const warn = sizeWarning(r, windows, units.length);
  if (warn) notes.push(warn);
  const cur = computed.statuses.figures.find((f) => f.period === computed.live[1]) ?? computed.statuses.figures[0];
  const summary = `Đã gửi ${out.sent} thư, để lại ${out.short + out.queued}.${cur ? ` Kỳ ${periodLabel(cur.period)}: ${cur.received}/${cur.expected} đơn vị đã nộp.` : ""}`;
  r.p.state.record("run", { job, result: notes.length ? "xong, có ghi chú" : "xong", detail: [summary, ...notes].join("\n") });
  const pending = [...new Set([...r.state.pendingRollups, ...rollups])];
  r.p.state.save({
    marks: r.state.marks,
    lastReconcile: r.now,
    fullPass: false,
    choicesHash: r.state.choicesHash,
    rosterHash: r.state.rosterHash,
    pendingRollups: pending,
    queue: { rows: out.stalled ? 0 : out.queued, next: 0 },
    followUp: "send",
  });
  // the logs, the rest of the mails and the rollups: the follow-up run, with its own 6 minutes
  r.p.triggers.scheduleFollowUp();
  return ok({ sent: out.sent, short: out.short, queued: out.queued, notes });
}

const STALLED =
  "LỖI: lần chạy hết thời gian trước khi gửi được thư nào dù còn thư đến hạn và còn hạn mức. Thư để lại cho lần chạy hằng ngày sau; báo cho người phụ trách kỹ thuật.";

/** Google stops a spreadsheet at 10 million cells: an estimate from what the run knows, said well before */
function sizeWarning(r: Run, w: Record<FormId, Window>, units: number): string {
  const status = (r.state.status?.rows ?? units) * (4 + (r.state.status?.periods.length ?? 0));
  const ledger = marksOf(r, "ledger").cursor * 9 * 2;
  const cells = w.registration.end * 20 + w.monthly.end * 25 + status + ledger + units * 10;
  return cells > 8e6
    ? `Bảng tính có khoảng ${cells} ô, gần giới hạn 10 triệu ô của Google: chạy “Lưu trữ năm cũ” để chuyển dữ liệu năm đã đóng sang bảng tính lưu trữ.`
    : "";
}

/**
 * The follow-up run: the mails the clock left (from the queue and the journal, no re-read), the logs, then the
 * rollups the daily job found due.
 */
export function runFollowUp(p: Ports): Outcome<string> {
  const job = "Chạy tiếp";
  const { state } = p.state.load();
  if (state.followUp === "views") {
    // the tabs that follow from the statuses the daily job wrote: the Zalo list and the dashboard
    const res = openRun(p, "Cập nhật trang nhắc qua Zalo và tổng quan", (r) => {
      const s = r.state.settings;
      if (!s) return fail("Chưa có cài đặt hợp lệ: chạy Thiết lập.");
      const notes = writeViews(r, s);
      if (notes.length) r.p.state.record("run", { job, result: "ghi chú", detail: notes.join("\n") });
      const rollups = r.state.pendingRollups.length > 0;
      r.p.state.save({ followUp: rollups ? "rollups" : "send" });
      return ok(rollups ? "more" : "done");
    });
    if (res.ok && res.value === "more") p.triggers.scheduleFollowUp();
    else p.triggers.clearFollowUps();
    if (!res.ok) p.state.record("run", { job, result: "bỏ qua", detail: res.message });
    return res;
  }
  if (state.followUp === "rollups") {
    // the rollups, in a run of their own; what they journal is written by a last, short flush
    p.state.save({ followUp: "send" });
    runRollups(p);
    writeLogs(p);
    return ok("rollups");
  }
  const res = openRun(p, job, (r) => {
    const s = r.state.settings;
    if (!s) return fail("Chưa có cài đặt hợp lệ: chạy Thiết lập.");
    const q = r.state.queue;
    let left = 0;
    if (q.next < q.rows) {
      const done = new Set(r.journal.filter((e) => e.type === "mail").map((e) => (e.data as { key: string }).key));
      const rest = readQueue(r).filter((x) => !done.has(x.d.key));
      const ctx: ComposeContext = { s, templates: r.state.templates, forms: r.state.forms, link: r.p.forms.prefilledLink };
      const out = send(r, s, rest, ctx, { stopAt: r.now + SEND_BUDGET_MS, reserve: 0 });
      left = out.stalled ? 0 : out.queued;
      const detail = [`Đã gửi ${out.sent} thư còn lại, để lại ${out.short + out.queued}.`, ...out.notes, ...(out.stalled ? [STALLED] : [])];
      r.p.state.record("run", { job, result: out.stalled ? "lỗi" : "xong", detail: detail.join("\n") });
      // the rest stays where it is in the queue tab: the next run starts from the pointer
      r.p.state.save({ queue: { rows: left ? q.rows : 0, next: left ? q.rows - left : 0 } });
    }
    const queue = left;
    flush(r, s.timeZone);
    // the Zalo list and the dashboard next, then the rollups: each in a run of its own, a minute apart
    if (!queue) r.p.state.save({ followUp: "views" });
    return ok("more");
  });
  if (!res.ok) {
    p.state.record("run", { job, result: "bỏ qua", detail: res.message });
    return res;
  }
  if (res.value === "more") {
    p.triggers.scheduleFollowUp();
    return res;
  }
  p.triggers.clearFollowUps();
  return res;
}

/** the journal written to the logs now (after a failed run): best effort, what cannot be written stays journalled */
export function writeLogs(p: Ports): void {
  try {
    openRun(p, "Ghi nhật ký", (r) => {
      flush(r, r.state.settings?.timeZone ?? "Asia/Ho_Chi_Minh");
      return ok("");
    });
  } catch {
    // the journal keeps it for the next run
  }
}
