// The follow-up runs: every follow-up trigger comes here. A job a run left unfinished is done again first; then the
// stage the state names, each a minute after the other with its own six minutes: the rest of the mails and the logs,
// the Zalo list and the dashboard, the rollups, the archive.
import { say } from "../../domain/problems";
import { fail, ok, type Result } from "../../domain/result";
import { rulesOf } from "../../domain/rules";
import type { FollowUpHandler, Ports, State } from "../../ports";
import { runArchive } from "../archive/archive";
import { type ComposeContext, composeContext } from "../mail/compose";
import { flush, sentKeys } from "../mail/ledger";
import { keepHeld, readQueue, SEND_BUDGET_MS, send } from "../mail/send";
import { runRollups } from "../report/rollup";
import { applyEdits } from "../run/commands";
import { openRun } from "../run/context";
import { beginJob, continueChain, endJob, HANDLER, type Stage, scheduleRun, settleable } from "../run/jobs";
import { setup } from "../setup/setup";
import { writeViews } from "../sheet/views";
import { resumeAction } from "../sidebar";
import { CATCH_UP, catchUp, DAILY, type DailyOptions, runDaily, STALLED, writeLogs } from "./daily";
import { releaseResponseTabs } from "./reconcile";

/** a daily run cut off, done again as it was asked (staff's reminders to the units they chose included) */
function resumeDaily(p: Ports, arg: unknown): Result<string> {
  const a = (arg ?? {}) as { job?: string; units?: string[] | null };
  const opts: DailyOptions = { job: `${a.job ?? DAILY} (chạy lại sau khi bị dừng)` };
  if (a.units !== undefined) opts.remindNow = { units: a.units ? new Set(a.units) : null };
  const res = runDaily(p, opts);
  return res.ok ? ok("daily") : res;
}

/** the stage after the views: the rollups found due, then the archive, then nothing */
function after(state: State, stage: Stage): Stage {
  if (stage === "send") return state.reconciling ? "reconcile" : "views";
  if (stage === "reconcile") return "views";
  if (stage === "views" && state.pendingRollups.length) return "rollups";
  if ((stage === "views" || stage === "rollups") && state.archiveDue) return "archive";
  return "done";
}

/**
 * Every follow-up trigger (runFollowUp, runRollup, runArchive) comes here. First, a job a run left unfinished is done
 * again (setup, the daily job, a sidebar action, a settings change the lock held back): each schedules what follows
 * itself. Then the stage the state names, under its own trigger: the rest of the mails and the logs, then the Zalo list
 * and the dashboard, then the rollups, then the archive, each a minute after the other with its own six minutes.
 */
export function runFollowUp(p: Ports, handler: FollowUpHandler = "runFollowUp"): Result<string> {
  const { state } = p.state.load();
  const jobs = p.state.jobs();
  if (jobs.setup) return resumeSetup(p);
  if (jobs.daily) return resumeDaily(p, jobs.daily.arg);
  if (jobs.action) return resumeAction(p, jobs.action.arg);
  if (jobs.edit) return resumeEdits(p, jobs.edit.arg);
  const stage: Stage = state.followUp ?? "done";
  const want = HANDLER[stage];
  if (!want) {
    // nothing left but mails a cut run may have sent: settled now (openRun does it), and written to the logs
    if (settleable(p)) writeLogs(p);
    continueChain(p);
    return ok("done");
  }
  if (want !== handler) {
    // fired as another stage's trigger (a safety run): the stage due gets its own
    scheduleRun(p, want, 1);
    return ok(stage);
  }
  if (stage === "rollups") return rollupStage(p);
  if (stage === "archive") return archiveStage(p);
  if (stage === "reconcile") return reconcileStage(p);
  return stage === "views" ? viewsStage(p) : sendStage(p);
}

const FOLLOW = "Chạy tiếp";

/** the mails the clock left (from the queue; none twice: the journal and the ledger are asked), then the logs */
function sendStage(p: Ports): Result<string> {
  const res = openRun(p, FOLLOW, (r) => {
    const s = r.state.settings;
    if (!s) return fail({ code: "no-settings" });
    beginJob(p, "followUp");
    const q = r.state.queue;
    let left = 0;
    if (q.next < q.rows) {
      const { keys } = sentKeys(r, s.catchUpDays + 2, s.timeZone);
      for (const e of r.journal) if (e.type === "mail") keys.add((e.data as { key: string }).key);
      const rest = readQueue(r).filter((x) => !keys.has(x.d.key));
      const ctx: ComposeContext = composeContext(r, s, rulesOf(s, r.state.frozen));
      const out = send(r, s, rest, ctx, { stopAt: r.now + SEND_BUDGET_MS, reserve: 0 });
      keepHeld(r, out.held, s.timeZone, false);
      left = out.stalled ? 0 : out.queued;
      const detail = [`Đã gửi ${out.sent} thư còn lại, để lại ${out.short + out.queued}.`, ...out.notes, ...(out.stalled ? [STALLED] : [])];
      r.p.state.record("run", { job: FOLLOW, result: out.stalled ? "lỗi" : "xong", detail: detail.join("\n") });
      // the rest stays where it is in the queue tab: the next run starts from the pointer
      r.p.state.save({
        queue: { rows: left ? q.rows : 0, next: left ? q.rows - left : 0 },
        held: r.state.held,
        quotaFrom: r.state.quotaFrom,
      });
    }
    // more to send a minute from now: that run copies the ledger to the staff's mail log (the ledger is written now)
    flush(r, s.timeZone, { mailLog: left === 0 });
    // what the clock left again goes to the next run; else the Zalo list and the dashboard
    endJob(p, "followUp", left ? {} : { followUp: after(r.state, "send") });
    return ok(left ? "send" : "views");
  });
  return finishStage(p, res);
}

/**
 * The rest of a reconcile pass the daily run's clock cut short, a run at a time until it is done (its progress is saved
 * as it goes, so a run cut off loses nothing); then the Zalo list and the dashboard.
 */
function reconcileStage(p: Ports): Result<string> {
  beginJob(p, "followUp");
  const res = catchUp(p);
  if (!res.ok) {
    p.state.record("run", { job: CATCH_UP, result: "bỏ qua", detail: say(res.problem) });
    return finishStage(p, ok("reconcile"));
  }
  endJob(p, "followUp", res.value ? { followUp: "views" } : {});
  return finishStage(p, ok(res.value ? "views" : "reconcile"));
}

/** the tabs that follow from the statuses the daily job wrote: the Zalo list and the dashboard */
function viewsStage(p: Ports): Result<string> {
  const res = openRun(p, "Cập nhật trang nhắc qua Zalo và tổng quan", (r) => {
    const s = r.state.settings;
    if (!s) return fail({ code: "no-settings" });
    beginJob(p, "followUp");
    const notes = writeViews(r, s);
    if (notes.length) r.p.state.record("run", { job: FOLLOW, result: "ghi chú", detail: notes.join("\n") });
    const next = after(r.state, "views");
    endJob(p, "followUp", { followUp: next });
    return ok(next);
  });
  return finishStage(p, res);
}

/** the rollups the daily job found due, in a run of their own */
function rollupStage(p: Ports): Result<string> {
  // Google's response tabs, measured once a month: one grown past its share of the Sheet is released (said in the run
  // log before the rollups)
  openRun(p, "Trang câu trả lời của Google", (r) => {
    const notes = releaseResponseTabs(r, r.state.settings?.timeZone ?? "Asia/Ho_Chi_Minh");
    if (notes.length) r.p.state.record("run", { job: "Trang câu trả lời của Google", result: "xong", detail: notes.join("\n") });
    return ok(notes.length);
  });
  const out = runRollups(p);
  if (!out.ok && out.problem.code === "busy") return finishStage(p, out);
  const { state } = p.state.load();
  // what could not go stays pending for the next daily run (it says so); the chain goes on
  p.state.save({ followUp: state.archiveDue ? "archive" : "done" });
  return finishStage(p, ok(out.ok ? out.value.lines.join("\n") : say(out.problem)));
}

/** the archive, last and alone: it moves rows, so nothing else reads the tabs meanwhile */
function archiveStage(p: Ports): Result<string> {
  const res = runArchive(p, false);
  if (res.ok || res.problem.code !== "busy") p.state.save({ followUp: "done" });
  writeLogs(p);
  return finishStage(p, res);
}

/** after a stage: the next one's trigger (or none); a stage that could not run (the lock) is tried again */
function finishStage(p: Ports, res: Result<string>): Result<string> {
  if (!res.ok) p.state.record("run", { job: FOLLOW, result: "bỏ qua", detail: say(res.problem) });
  continueChain(p);
  return res;
}

/** before the daily job: a setup cut off (and not yet finished by its follow-up run) is done again first */
export function resumeCutSetup(p: Ports): void {
  if (p.state.jobs().setup) resumeSetup(p);
}

/** setup cut off: done again from where it stands (every step of it checks what is already there) */
function resumeSetup(p: Ports): Result<string> {
  const r = setup(p);
  if (r.ok) continueChain(p);
  return r.ok ? ok("setup") : fail(r.problem);
}

/** settings or templates edited while a run held the lock: applied now */
function resumeEdits(p: Ports, arg: unknown): Result<string> {
  const tabs = Array.isArray(arg) ? arg.map(String) : [];
  const done = applyEdits(p, tabs);
  if (done) continueChain(p);
  return done ? ok("edit") : fail({ code: "busy" });
}
