// Jobs that finish what they start. Each job writes its mark before it acts and clears it when it ends (in the same
// call as its last save), and schedules a follow-up run a few minutes on: a run that Google cuts off leaves its mark,
// and that follow-up run (or, failing it, the next day's) finds it and does the job again from what is stored. What
// staff would otherwise never see (a rollup or the archive that did not happen, a run failing twice) is told to them
// in an alert, once a day, and stays on the start tab until a run of that job ends well.
import { localDay, viDateTime } from "../../domain/dates";
import type { FollowUpHandler, JobMark, MailRecord, OpenProblem, Ports, State } from "../../ports";
import { SETTLE_AFTER_MS } from "../mail/outbox";
import { writeProblems } from "../sheet/start";
import { messageOf } from "./context";
import { alertStaff, staffToTell } from "./owner";

export type JobId = "daily" | "followUp" | "rollup" | "archive" | "setup" | "action" | "edit";

/** what staff call each job */
const NAMES: Record<JobId, string> = {
  daily: "lần chạy hằng ngày (lưu báo cáo, tính trạng thái, gửi thư đến hạn)",
  followUp: "lần chạy tiếp sau lần chạy hằng ngày (thư còn lại, nhật ký, trang Nhắc qua Zalo và Tổng quan)",
  rollup: "việc lập và gửi tổng hợp cho lãnh đạo",
  archive: "việc lưu trữ dữ liệu cũ",
  setup: "Thiết lập",
  action: "thao tác trên thanh bên",
  edit: "việc áp dụng thay đổi trong trang Cài đặt",
};

/**
 * How many runs of a job may fail before staff are told: a rollup or the archive at once (nobody watches them), the
 * rest when they fail twice (the follow-up run a few minutes later usually finishes them)
 */
const TELL_AFTER: Record<JobId, number> = { daily: 2, followUp: 2, rollup: 1, archive: 1, setup: 2, action: 2, edit: 2 };

/** after this many runs that never ended, the job waits for the next day's run instead of a retry a few minutes on */
const MAX_TRIES = 3;

/** the follow-up run a job schedules when it starts: past Google's 6 minutes, so never over the run still going */
const SAFETY_MINUTES = 7;

/**
 * A job starts: its mark written before it acts, a follow-up run scheduled to finish it if it is cut off. A previous
 * run whose mark is still there never ended: it is noted (and told to staff when the job's rule says so). Returns that
 * previous mark.
 */
export function beginJob(
  p: Ports,
  job: JobId,
  opts: { arg?: unknown; safety?: FollowUpHandler | null; quiet?: boolean } = {},
): JobMark | undefined {
  const prev = p.state.jobs()[job];
  // quiet: a job waiting its turn (a settings change the lock held back), not one that failed
  const tries = opts.quiet ? 1 : (prev?.tries ?? 0) + 1;
  p.state.begin(job, { at: p.clock.now(), tries, arg: opts.arg === undefined ? prev?.arg : opts.arg });
  if (opts.safety !== null && tries < MAX_TRIES) scheduleRun(p, opts.safety ?? "runFollowUp", SAFETY_MINUTES);
  if (prev && !opts.quiet)
    noteFailure(p, job, prev.tries, `lần chạy lúc ${when(p, prev.at)} bị dừng giữa chừng (hết thời gian hoặc lỗi của Google)`);
  return prev;
}

/** the patch that ends a job well: its problem line goes (with the save that clears its mark) */
function problemsWithout(state: State, job: JobId): Pick<State, "problems"> | Record<string, never> {
  const list = state.problems ?? [];
  const left = list.filter((x) => x.key !== `job:${job}`);
  return left.length === list.length ? {} : { problems: left };
}

/**
 * A job ends well: its mark cleared and its problem line gone, in one save (with `patch`); the start tab follows
 * when a line went.
 */
export function endJob(p: Ports, job: JobId, patch: Partial<State> = {}): void {
  const { state } = p.state.load();
  const gone = problemsWithout(state, job);
  p.state.save({ ...patch, ...gone }, [job]);
  if ("problems" in gone) showProblems(p, gone.problems ?? []);
}

function when(p: Ports, at: number): string {
  const { state } = p.state.load();
  return viDateTime(at, state.settings?.timeZone ?? "Asia/Ho_Chi_Minh");
}

/** a job that failed (cut off, or an error): on the start tab, and in an alert once a day when its rule says so */
export function noteFailure(p: Ports, job: JobId, failures: number, why: string): void {
  try {
    const tell = failures >= TELL_AFTER[job];
    const text = `${capital(NAMES[job])} chưa xong: ${why}.${failures > 1 ? ` Đã ${failures} lần chạy không xong.` : ""}`;
    const todo =
      failures >= MAX_TRIES
        ? "Hệ thống thử lại ở lần chạy hằng ngày sau. Nếu vẫn lỗi: mở Báo cáo CĐCS → Kiểm tra hệ thống, xem trang “Nhật ký chạy”, báo người phụ trách kỹ thuật."
        : "Hệ thống tự chạy lại sau vài phút; không cần làm gì nếu dòng này mất đi. Nếu còn: xem trang “Nhật ký chạy”.";
    addProblem(p, { key: `job:${job}`, since: p.clock.now(), text, todo }, tell ? `alert|${job}` : "");
  } catch (e) {
    p.state.record("run", { job: "Báo sự cố", result: "lỗi", detail: messageOf(e) });
  }
}

/**
 * A problem staff must see: its line on the start tab (replacing one of the same key), and, when `alert` names one,
 * an alert to staff once a day for it.
 */
export function addProblem(p: Ports, problem: OpenProblem, alert: string): void {
  const { state } = p.state.load();
  const list = (state.problems ?? []).filter((x) => x.key !== problem.key);
  const had = (state.problems ?? []).find((x) => x.key === problem.key);
  const line = { ...problem, since: had?.since ?? problem.since };
  const problems = [...list, line].slice(-20);
  p.state.save({ problems });
  showProblems(p, problems);
  if (!alert || !state.settings) return;
  const day = localDay(p.clock.now(), state.settings.timeZone);
  alertStaff(p, { ...state, problems }, `${alert}|${day}`, recipients(p, state), {
    what: lower(problem.text.replace(/ \(.*$|[.:].*$/s, "")),
    state: problem.text,
    todo: [problem.todo],
  });
}

/** the staff to tell: those still acting in the Sheet, else every account the settings list and the owner */
function recipients(p: Ports, state: State): string[] {
  const seen = staffToTell(p, state, []);
  if (seen.length) return seen;
  const all = [...(state.settings?.staffEmails ?? []), ...(state.triggerOwner ? [state.triggerOwner] : [])];
  return [...new Set(all.map((e) => e.toLowerCase()))].sort();
}

/** a problem put right: its line goes */
export function resolveProblem(p: Ports, key: string): void {
  const { state } = p.state.load();
  const list = state.problems ?? [];
  if (!list.some((x) => x.key === key)) return;
  const problems = list.filter((x) => x.key !== key);
  p.state.save({ problems });
  showProblems(p, problems);
}

/** the start tab's block of problems, written when the list changes (best effort: the state keeps the list) */
function showProblems(p: Ports, problems: OpenProblem[]): void {
  try {
    const { state } = p.state.load();
    if (!state.spreadsheetId) return;
    writeProblems(p, p.open(state.spreadsheetId), state, problems);
  } catch (e) {
    p.state.record("run", { job: "Trang Hôm nay", result: "lỗi", detail: messageOf(e) });
  }
}

export type Stage = NonNullable<State["followUp"]>;

/** the trigger each stage of the follow-up runs under (the rest of the mails and the views: runFollowUp) */
export const HANDLER: Record<Stage, FollowUpHandler | null> = {
  send: "runFollowUp",
  reconcile: "runFollowUp",
  views: "runFollowUp",
  rollups: "runRollup",
  archive: "runArchive",
  done: null,
};

/** a follow-up run `minutes` on (every other follow-up trigger replaced), and when, for runs that need one soon */
export function scheduleRun(p: Ports, handler: FollowUpHandler, minutes: number): void {
  p.triggers.scheduleFollowUp(handler, minutes);
  p.state.beat(NEXT, { at: p.clock.now() + minutes * 60000, by: handler });
}

const NEXT = "followUp";

/** mail records left pending by a run cut as it sent (the journal as last loaded): the oldest run's start */
function pendingSince(p: Ports): number | null {
  let oldest: number | null = null;
  for (const e of p.state.load().journal) {
    const m = e.data as MailRecord;
    if (e.type === "mail" && m.pending) oldest = Math.min(oldest ?? m.pending.since, m.pending.since);
  }
  return oldest;
}

/**
 * A run a few minutes on, unless one is already due by then: the submit handler asks before it sends a receipt, so
 * that a run cut as the mail went is settled by the quota within its window (the next day's run would find it
 * renewed). Costs nothing while a follow-up run is due anyway.
 */
export function ensureRunSoon(p: Ports): void {
  const next = p.state.beats()[NEXT]?.at ?? 0;
  const now = p.clock.now();
  if (next > now && next <= now + (SAFETY_MINUTES + 3) * 60000) return;
  scheduleRun(p, "runFollowUp", SAFETY_MINUTES);
}

/**
 * The follow-up trigger the state asks for, a minute on; when the follow-ups are done but a mail record is still
 * pending, a run when it can be settled; else none.
 */
export function continueChain(p: Ports): void {
  const { state } = p.state.load();
  const h = HANDLER[state.followUp ?? "done"];
  const since = pendingSince(p);
  if (h) scheduleRun(p, h, 1);
  else if (since !== null) scheduleRun(p, "runFollowUp", Math.max(1, Math.ceil((since + SETTLE_AFTER_MS - p.clock.now()) / 60000)));
  else {
    p.triggers.clearFollowUps();
    p.state.beat(NEXT, { at: 0, by: "" });
  }
}

/**
 * Follow-ups of an earlier run that never finished and left no mark (cut before they wrote one, or never started): the
 * stage is still named and its run is long past. Noted for staff (a rollup or the archive told at once); the daily
 * job that notices starts the follow-ups again, so what they owed is done a day late at most.
 */
export function noteStalled(p: Ports): void {
  const { state } = p.state.load();
  const stage = state.followUp ?? "done";
  const next = p.state.beats()[NEXT]?.at ?? 0;
  if (stage === "done" || !next || p.clock.now() - next < 60 * 60000) return;
  const job: JobId = stage === "rollups" ? "rollup" : stage === "archive" ? "archive" : "followUp";
  if (p.state.jobs()[job]) return;
  noteFailure(p, job, 1, `lần chạy dự kiến lúc ${when(p, next)} không diễn ra hoặc bị dừng trước khi kịp ghi lại`);
}

/** mail records pending that a run can settle now (their run began long enough ago) */
export function settleable(p: Ports): boolean {
  const since = pendingSince(p);
  return since !== null && p.clock.now() - since > SETTLE_AFTER_MS;
}

const capital = (t: string) => `${t.charAt(0).toUpperCase()}${t.slice(1)}`;
const lower = (t: string) => `${t.charAt(0).toLowerCase()}${t.slice(1)}`;
