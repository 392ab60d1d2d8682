// The daily job, as stages: reconcile → statuses → plan → send. The follow-up run a minute later sends what the
// clock left, writes the logs from the journal, then makes the rollups.
import { addDays, localDay, viDate } from "../../domain/dates";
import { FORM_IDS, type FormId } from "../../domain/forms";
import { TAB, UNITS_NOTES_COL, unitLabel } from "../../domain/layout";
import { kindLabel } from "../../domain/mail-kinds";
import { liveUntil } from "../../domain/periods";
import { say } from "../../domain/problems";
import { fail, ok, type Result } from "../../domain/result";
import { type Rules, rulesOf } from "../../domain/rules";
import { type DueMail, type Plan, plan } from "../../domain/schedule";
import type { Settings } from "../../domain/settings";
import { owes, type Statuses } from "../../domain/status";
import { hash } from "../../domain/text";
import type { Unit } from "../../domain/units";
import type { Ports } from "../../ports";
import { archiveDue } from "../archive/archive";
import { composeContext } from "../mail/compose";
import { invitesOf, noteArrivals } from "../mail/invites";
import { flush, runLogRow, sentKeys } from "../mail/ledger";
import { withAnswers } from "../mail/quotes";
import { QUOTA_WINDOW_MS, type Queued, SEND_BUDGET_MS, send, writeQueueAndHeld } from "../mail/send";
import { openRun, type Run, readSettings } from "../run/context";
import { beginJob, endJob, noteStalled, scheduleRun } from "../run/jobs";
import { PAUSED_NOTE } from "../run/owner";
import { refreshToday } from "../sheet/start";
import { syncChoices } from "./choices";
import { CATCH_UP_MS, DAILY_RECONCILE_MS, reconcile, reconcileSince } from "./reconcile";
import { advanceMarks, marksOf, readWindow, type Window, windowStart } from "./records";
import { periodLabel } from "./status-store";
import { type Computed, livePeriods, type Reading, updateStatuses } from "./statuses";
import { owedUrgent } from "./urgent";
import { tellWaiting } from "./waiting";

export const DAILY = "Chạy hằng ngày";

interface DailySummary {
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
export function runDaily(p: Ports, opts: DailyOptions = {}): Result<DailySummary> {
  const job = opts.job ?? DAILY;
  const res = openRun(
    p,
    job,
    (r) => {
      // the mark, under the lock, before anything is written; a follow-up run 7 minutes on finishes a run cut off
      const units = opts.remindNow ? (opts.remindNow.units ? [...opts.remindNow.units] : null) : undefined;
      // yesterday's follow-ups that never finished are told to staff before this run starts them again
      if (!opts.remindNow) noteStalled(p);
      beginJob(p, "daily", { arg: { job, units } });
      return daily(r, job, opts);
    },
    60000,
  );
  if (!res.ok) {
    p.state.record("run", { job, result: "bỏ qua", detail: say(res.problem) });
    // nothing to finish when the product is not set up
    if (res.problem.code === "not-set-up") endJob(p, "daily");
  }
  return res;
}

/** the rows a run reads of each report tab: the oldest live month's, the days the reconcile and the receipts need */
export function readWindows(r: Run, s: Settings, rules: Rules): Record<FormId, Window> {
  const tz = s.timeZone;
  const today = localDay(r.now, tz);
  const since = localDay(reconcileSince(r), tz);
  const receipts = addDays(today, -(s.catchUpDays + 2));
  const day = since.localeCompare(receipts) < 0 ? since : receipts;
  const { months, live } = livePeriods(s, rules, r.now, r.state.archivedThrough);
  const full = !!r.state.fullPass;
  const start = (form: FormId) =>
    full ? 2 : windowStart(marksOf(r, form), { month: form === "monthly" ? months[live - 1] : undefined, day });
  // from the first reminder of the registration to its last mail, its rows are read whole, as a live month's are: a
  // unit whose registration needs fixing is reminded with the edit link of what it sent, however long ago
  const reg = rules.registration();
  const registrationLive = today >= addDays(reg.due, -Math.max(0, ...s.remindBefore)) && today <= liveUntil(reg, s);
  return {
    registration: readWindow(r, "registration", registrationLive ? 2 : start("registration")),
    monthly: readWindow(r, "monthly", start("monthly")),
  };
}

/**
 * The roster's codes by row, beside the state: the submit handler finds a unit's row without reading the roster. A
 * unit new to it is noted first, with the day it came: its invitation to register is due from then.
 */
export function indexUnits(r: Run, units: Unit[]): void {
  const codes: string[] = [];
  for (const u of units) if (u.row) codes[u.row - 2] = u.code;
  const h = hash(codes.join("\n"));
  if (h === r.state.rosterHash) return;
  noteArrivals(r, units);
  r.p.state.saveUnitIndex(Array.from(codes, (c) => c ?? ""));
  r.state.rosterHash = h;
}

/** what cannot work in each roster row, written beside it (only when it changed) */
export function noteRoster(r: Run, notes: Map<number, string[]>, units: Unit[]): void {
  const last = Math.max(1, ...units.map((u) => u.row ?? 0), ...notes.keys());
  const rows: string[][] = Array.from({ length: last - 1 }, (_, i) => [(notes.get(i + 2) ?? []).join("; ")]);
  const h = hash(JSON.stringify(rows));
  if (h === r.state.rosterNotesHash) return;
  // rows that had a note and have none now are blanked too: the block runs to the longer of the two
  while (rows.length < (r.state.heights.rosterNotes ?? 0)) rows.push([""]);
  if (rows.length) r.store.writeRows(TAB.units, 2, rows, UNITS_NOTES_COL);
  r.state.rosterNotesHash = h;
  r.state.heights = { ...r.state.heights, rosterNotes: last - 1 };
}

function liveOnly(st: Statuses, live: string[]): Statuses {
  return { byPeriod: st.byPeriod, figures: st.figures.filter((f) => live.includes(f.period)) };
}

/** today's mails from what the run read (the daily job and the preview) */
export function planToday(r: Run, read: Reading, computed: Computed, remindNow?: DailyOptions["remindNow"]): Plan & { sent: Set<string> } {
  const { s, rules, units, windows } = read;
  const tz = s.timeZone;
  const { keys } = sentKeys(r, s.catchUpDays + 2, tz);
  const recent = addDays(localDay(r.now, tz), -(s.catchUpDays + 2));
  const all = [...windows.registration.versions, ...windows.monthly.versions];
  const pl = plan({
    asOf: r.now,
    s,
    rules,
    statuses: liveOnly(computed.statuses, computed.live),
    units,
    versions: all.filter((v) => localDay(v.at, tz) >= recent),
    sent: keys,
    remindNow,
    invites: invitesOf(r),
    all,
  });
  return { ...pl, sent: keys };
}

/** today's mails sent within the run's clock; what is left queued for the follow-up run, and when it runs */
function sendToday(r: Run, read: Reading, due: Queued[], rollups: string[], notes: string[]) {
  const { s, rules } = read;
  const tz = s.timeZone;
  const ctx = composeContext(r, s, rules);
  const out = send(r, s, due, ctx, { stopAt: r.now + SEND_BUDGET_MS, reserve: rollups.length * s.rollupTo.length });
  // MailApp's quota comes back 24 hours after the first send of the day before, maybe minutes after this run's start:
  // mails it held back before a single one went out are tried again by the follow-up run, once the quota is back
  const retry = out.sent === 0 && !out.stalled ? out.held : [];
  const back = r.state.quotaFrom ? r.state.quotaFrom + QUOTA_WINDOW_MS - r.p.clock.now() : 0;
  const wait = retry.length && back > 0 && back < QUOTA_WAIT_MS ? back + 60000 : 60000;
  const queued = out.stalled ? [] : [...out.rest, ...retry];
  // the queue, and who the quota left without today's mail (the Zalo list names them)
  writeQueueAndHeld(r, queued, retry.length ? [] : out.held, tz);
  notes.push(...out.notes);
  if (out.stalled) notes.push(STALLED);
  else if (out.queued) notes.push(`Gần hết thời gian của một lần chạy: ${out.queued} thư còn lại gửi ở lần chạy tiếp theo sau một phút.`);
  return { out, queued, wait };
}

function daily(r: Run, job: string, opts: DailyOptions): Result<DailySummary> {
  const set = readSettings(r);
  if (!set.ok) {
    // never run on a guessed setting: stop, say which cells
    r.store.appendRows(TAB.runLog, [runLogRow(r.now, { job, result: "dừng: cài đặt sai", detail: say(set.problem) })]);
    return set;
  }
  const { settings: s } = set.value;
  const tz = s.timeZone;
  const { units, problems, notes: rosterNotes } = r.store.readUnits();
  indexUnits(r, units);
  // the rules as they stand once the units new to the roster are noted: what each owes follows from when it came
  const rules = rulesOf(s, r.state.frozen);
  noteRoster(r, rosterNotes, units);
  const windows = readWindows(r, s, rules);
  const read: Reading = { s, rules, units, windows };
  // bounded by the run's clock: the statuses and the day's mails follow from what is stored; follow-up runs go on
  const rec = reconcile(r, s, units, windows, { stopAt: r.now + DAILY_RECONCILE_MS, locked: true });
  const notes = [...problems, ...rec.notes];
  const computed = updateStatuses(r, read, !!r.state.fullPass);
  // a unit that still owes a live period keeps its place in the dropdowns (its mail pre-selects it)
  const owing = new Set<string>();
  for (const p of computed.live) for (const [code, st] of computed.statuses.byPeriod.get(p) ?? []) if (owes(st)) owing.add(code);
  syncChoices(r, s, units, owing);
  const pl = planToday(r, read, computed, opts.remindNow);
  // urgent matters whose mail has not gone (a lost submit event just stored, a handler cut off); staff told of the
  // reports waiting for them on the days those units are asked (Revision 3)
  notes.push(...owedUrgent(r, s, units, windows.monthly.versions, pl.sent), ...tellWaiting(r, read, pl.due, computed));
  // receipts quote what was received: the rows of versions the run has no answers for, read once per tab
  withAnswers(r, pl.due);
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const x of pl.expired) {
    const who = x.unit ? ` cho ${unitLabel(x.unit, byCode.get(x.unit)?.name)}` : "";
    notes.push(`${kindLabel(x.kind)} ${periodLabel(x.period)}${who} quá thời gian gửi bù (từ ${viDate(x.stage)}): không gửi nữa.`);
  }
  // a paused copy plans as usual and sends nothing: staff see in the log what would have gone
  const paused = !!r.state.paused;
  if (paused) notes.push(`${PAUSED_NOTE} Hôm nay lẽ ra gửi ${pl.due.length} thư.`);
  const due: Queued[] = (paused ? [] : pl.due).map((d: DueMail) => ({ d, unit: d.unit ? byCode.get(d.unit) : undefined }));
  const rollups = (paused ? [] : pl.due).filter((d) => d.kind === "rollup").map((d) => d.key);
  const { out, queued, wait } = sendToday(r, read, due, rollups, notes);
  // reminders staff sent now: the start tab's today block says so at once (the views follow with the follow-up run)
  if (opts.remindNow) notes.push(...refreshToday(r, s, { units, statuses: computed.statuses, live: computed.live }));
  for (const form of FORM_IDS) advanceMarks(r, form, windows[form].end, tz);
  const old = archiveDue(r, s, rules);
  const toArchive = !!(old.logsBefore || old.year);
  const warn = sizeWarning(r, windows, units.length);
  if (warn) notes.push(warn);
  const cur = computed.statuses.figures.find((f) => f.period === computed.live[1]) ?? computed.statuses.figures[0];
  const summary = `Đã gửi ${out.sent} thư, để lại ${out.short + out.queued}.${cur ? ` Kỳ ${periodLabel(cur.period)}: ${cur.received}/${cur.expected} đơn vị đã nộp.` : ""}`;
  r.p.state.record("run", { job, result: notes.length ? "xong, có ghi chú" : "xong", detail: [summary, ...notes].join("\n") });
  const pending = [...new Set([...r.state.pendingRollups, ...rollups])];
  endJob(r.p, "daily", {
    marks: r.state.marks,
    lastReconcile: r.state.lastReconcile,
    reconciling: r.state.reconciling,
    fullPass: false,
    choicesHash: r.state.choicesHash,
    rosterHash: r.state.rosterHash,
    rosterNotesHash: r.state.rosterNotesHash,
    heights: r.state.heights,
    pendingRollups: pending,
    queue: { rows: queued.length, next: 0 },
    held: r.state.held,
    quotaFrom: r.state.quotaFrom,
    followUp: "send",
    archiveDue: toArchive,
  });
  // the logs, the rest of the mails and the rollups: the follow-up run, with its own 6 minutes
  scheduleRun(r.p, "runFollowUp", Math.ceil(wait / 60000));
  return ok({ sent: out.sent, short: out.short, queued: out.queued, notes });
}

/** the follow-up waits for MailApp's quota to come back at most this long */
const QUOTA_WAIT_MS = 3 * 3600000;

export const STALLED =
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

export const CATCH_UP = "Đối soát tiếp";

/**
 * A follow-up run of a reconcile pass the clock cut short: it goes on from where the last run stopped, without holding
 * the script lock (submit events keep being stored meanwhile; it takes the lock to store each block), then writes the
 * statuses from what is stored. When the pass is done, the Zalo list and the dashboard come next.
 */
export function catchUp(p: Ports): Result<boolean> {
  const { state } = p.state.load();
  const s = state.settings;
  if (!state.spreadsheetId || !s) return fail({ code: "no-settings" });
  const now = p.clock.now();
  const r: Run = { p, job: CATCH_UP, now, state, journal: [], store: p.open(state.spreadsheetId) };
  const rules = rulesOf(s, state.frozen);
  const { units } = r.store.readUnits();
  const windows = readWindows(r, s, rules);
  const rec = reconcile(r, s, units, windows, { stopAt: now + CATCH_UP_MS, locked: false });
  const notes = [...rec.notes];
  if (rec.stored || rec.done) {
    // the statuses follow what is stored now, written under the lock as the daily job writes them
    const st = openRun(p, CATCH_UP, (run) => {
      updateStatuses(run, { s, rules, units, windows });
      if (rec.done) run.p.state.save({ followUp: "views" });
      return ok(true);
    });
    if (!st.ok) notes.push(say(st.problem));
  }
  p.state.record("run", { job: CATCH_UP, result: rec.done ? "xong" : "còn tiếp", detail: notes.join("\n") || "Không thiếu phản hồi nào." });
  return ok(rec.done);
}

/** the journal written to the logs now (after a failed run): best effort, what cannot be written stays journalled */
export function writeLogs(p: Ports): void {
  try {
    openRun(p, "Ghi nhật ký", (r) => {
      flush(r, r.state.settings?.timeZone ?? "Asia/Ho_Chi_Minh");
      return ok("");
    });
  } catch {
    // the journal keeps it
  }
}
