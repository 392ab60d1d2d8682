// Reconcile: responses the forms hold that the tabs do not (a submit event Google never delivered, a handler that
// died). A pass compares every response since its window's start with the tabs: two Forms calls a response (its id and
// time), answers read only for the missing ones. A pass is bounded by its run's clock: it stores and saves where it
// stands as it goes, and the follow-up runs resume it where it stopped. Only a finished pass moves `lastReconcile`,
// which the submit handler trusts.
import { localMonth } from "../../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../../domain/forms";
import { versionRow } from "../../domain/rows";
import type { Settings } from "../../domain/settings";
import type { Unit } from "../../domain/units";
import type { FormRef, ResponseStub, State } from "../../ports";
import { judge, versionKey } from "../intake/intake";
import type { Run } from "../run/context";
import type { Window } from "./records";
import { columnsOf, readWindow } from "./records";

/** rows written per block: each block stored is saved as progress, so a run stopped half-way keeps what it stored */
const BATCH = 50;

/** responses compared between two saves of progress when none is missing */
const SAVE_EVERY = 500;

/**
 * How far back a pass starts before the last finished one began: a response submitted just before that instant may
 * reach Forms' list a moment later (and its submit event stands down once a pass has covered its time).
 */
const RECONCILE_OVERLAP_MS = 3600_000;

/** the daily run's share of its six minutes: the statuses and the day's mails come from what is stored by then */
export const DAILY_RECONCILE_MS = 2 * 60_000;

/** a catch-up run's share: room left for the statuses and the closing writes */
export const CATCH_UP_MS = 4 * 60_000;

type Pass = NonNullable<State["reconciling"]>;

/** staff asked for a full comparison (a tab made anew) while a narrower pass was under way: a new pass, from the start */
const restart = (r: Run) => !!r.state.fullPass && (r.state.reconciling?.since ?? 0) > 0;

/** where the pass under way (or the next) starts comparing */
export function reconcileSince(r: Run): number {
  if (r.state.reconciling && !restart(r)) return r.state.reconciling.since;
  return r.state.fullPass ? 0 : Math.max(0, r.state.lastReconcile - RECONCILE_OVERLAP_MS);
}

interface Reconciled {
  notes: string[];
  /** every response of the pass compared: `lastReconcile` moved */
  done: boolean;
  stored: number;
}

interface Options {
  /** the run's clock past this: the pass saves where it stands and hands the rest to the next run */
  stopAt: number;
  /**
   * the run holds the script lock throughout (the daily run). A catch-up run does not: it takes the lock only to store
   * a block, so submit events are not turned away for minutes, and it adds the rows a submit handler stored meanwhile
   */
  locked: boolean;
}

/**
 * Where a form's comparison resumes in Google's list. Google does not document the list's order: the pass resumes
 * after the response it stopped at only when that response is found where it left it (the list grown at its end, or
 * at its start), one call; otherwise the form is compared again from the window's start.
 */
function resumeAt(list: ResponseStub[], at: Pass["forms"][FormId]): number {
  if (!at?.n) return 0;
  if (at.n <= list.length && list[at.n - 1].id() === at.last) return at.n;
  const grown = list.length - at.total;
  const moved = at.n - 1 + grown;
  if (grown > 0 && moved < list.length && list[moved].id() === at.last) return at.n + grown;
  return 0;
}

/** what one pass of the reconcile carries from form to form */
interface PassRun {
  r: Run;
  s: Settings;
  units: Unit[];
  opts: Options;
  pass: Pass;
  notes: string[];
}

/** `fn` under the script lock (the run's own, or taken for it); null when the lock could not be had */
function underLock<T>(c: PassRun, fn: () => T): T | null {
  if (c.opts.locked) return fn();
  if (!c.r.p.lock.acquire(30000)) return null;
  try {
    return fn();
  } finally {
    c.r.p.lock.release();
  }
}

function savePass(c: PassRun, patch: Partial<State>): void {
  Object.assign(c.r.state, patch);
  // a run without the lock loaded the state long ago: the patch goes onto the state as it stands now
  if (!c.opts.locked) c.r.p.state.load();
  c.r.p.state.save(patch);
}

/** stores what is missing after the window's last row; the windows grow with what was stored */
export function reconcile(r: Run, s: Settings, units: Unit[], windows: Record<FormId, Window>, opts: Options): Reconciled {
  const pass: Pass = r.state.reconciling && !restart(r) ? r.state.reconciling : { since: reconcileSince(r), upTo: r.now, forms: {} };
  const c: PassRun = { r, s, units, opts, pass, notes: [] };
  let stored = 0;
  for (const form of FORM_IDS) {
    const ref = r.state.forms[form];
    if (!ref || c.pass.forms[form]?.done) continue;
    const out = compareForm(c, form, ref, windows[form]);
    stored += out.stored;
    if (!out.done) return { notes: c.notes, done: false, stored };
  }
  // every response since the window's start compared: the next pass starts a little before this one began
  const done = underLock(c, () => {
    savePass(c, { lastReconcile: c.pass.upTo, reconciling: undefined });
    return true;
  });
  return { notes: c.notes, done: !!done, stored };
}

/** one form's responses in the pass compared with its tab, from where the pass left it, within the run's clock */
function compareForm(c: PassRun, form: FormId, ref: FormRef, w: Window): { stored: number; done: boolean } {
  const { r } = c;
  const known = new Set(w.versions.map((v) => v.key));
  const list = r.p.forms.responsesSince(ref, c.pass.since);
  const cur = { i: resumeAt(list, c.pass.forms[form]), savedAt: 0, here: 0, block: [] as Missing[] };
  cur.savedAt = cur.i;
  /** the block stored and the place in the list saved, under the lock; false when it could not be had (resumed later) */
  const store = (done: boolean): boolean =>
    underLock(c, () => {
      storeBlock(c, form, w, known, cur);
      const at = { n: cur.i, last: cur.i ? list[cur.i - 1].id() : "", total: list.length, ...(done ? { done } : {}) };
      c.pass = { ...c.pass, forms: { ...c.pass.forms, [form]: at } };
      cur.savedAt = cur.i;
      savePass(c, { reconciling: c.pass });
      return true;
    }) ?? false;
  let stopped = false;
  let held = false;
  while (cur.i < list.length) {
    if (r.p.clock.now() > c.opts.stopAt) {
      stopped = true;
      break;
    }
    const stub = list[cur.i];
    const key = versionKey(stub.id(), stub.at());
    if (!known.has(key)) {
      known.add(key);
      const j = judge(form, stub.read(), "form", c.units, c.s);
      const version = { ...j.version, at: stub.at(), confirmed: false, row: 0, notes: j.version.notes.join("\n") };
      cur.block.push({ key, row: versionRow(SPECS[form], j.version, columnsOf(r, form)), version });
    }
    cur.i++;
    if ((cur.block.length >= BATCH || cur.i - cur.savedAt >= SAVE_EVERY) && !store(false)) {
      [stopped, held] = [true, true];
      break;
    }
  }
  // stopped by the clock: what was found is stored and the place saved; by a busy lock: the next run finds it again
  if (stopped && !held) store(false);
  else if (!stopped && !store(true)) stopped = true;
  if (cur.here) c.notes.push(`Đối soát: ghi bổ sung ${cur.here} phản hồi vào trang “${SPECS[form].tab}” (sự kiện gửi biểu mẫu bị lỡ).`);
  if (stopped)
    c.notes.push(
      `Đối soát chưa xong (đã so ${cur.savedAt}/${list.length} phản hồi của biểu mẫu “${SPECS[form].title}”): các lần chạy tiếp theo làm tiếp từ chỗ dừng.`,
    );
  return { stored: cur.here, done: !stopped };
}

/** a response the tab lacks: its key, its row, and the version it becomes */
interface Missing {
  key: string;
  row: unknown[];
  version: Window["versions"][number];
}

/** the block of missing responses appended after the window's last row (the caller holds the lock) */
function storeBlock(c: PassRun, form: FormId, w: Window, known: Set<string>, cur: { here: number; block: Missing[] }): void {
  const { r } = c;
  if (!c.opts.locked) {
    // rows a submit handler appended since the window was read: known, and the block goes after them
    const tail = readWindow(r, form, w.end);
    const added = new Set(tail.versions.map((v) => v.key));
    for (const k of added) known.add(k);
    w.versions.push(...tail.versions);
    w.end = tail.end;
    cur.block = cur.block.filter((b) => !added.has(b.key));
  }
  if (cur.block.length) {
    cur.block.forEach((b, j) => {
      b.version.row = w.end + j;
    });
    r.store.appendRows(
      SPECS[form].tab,
      cur.block.map((b) => b.row),
      w.end - 1,
    );
    w.versions.push(...cur.block.map((b) => b.version));
    w.end += cur.block.length;
    cur.here += cur.block.length;
  }
  cur.block = [];
}

/**
 * Google's response tab grows a row per response, 26 columns wide (260,000 cells a month at 10,000 units), and nothing
 * ever leaves it. Past this many cells, once every response has been compared with the report tabs, the form is
 * unlinked from the Sheet (Form.removeDestination: the form keeps every response in its own store) and the tab removed:
 * the report tabs hold every version, and the reconcile reads the form itself.
 */
const RESPONSE_TAB_CELLS = 100_000;

/** the response tabs measured once a month (a call per tab), and those past the limit released; what was done, said */
export function releaseResponseTabs(r: Run, tz: string): string[] {
  const month = localMonth(r.now, tz);
  const forms = FORM_IDS.filter((f) => r.state.forms[f] && !r.state.unlinked?.[f]);
  // only what a finished pass compared is known to be stored
  if (!forms.length || r.state.reconciling || !r.state.lastReconcile || r.state.responseTabsChecked === month) return [];
  const notes: string[] = [];
  const unlinked = { ...r.state.unlinked };
  for (const t of r.p.workbook.responseTabs(r.store)) {
    const form = forms.find((f) => t.formUrl.includes(r.state.forms[f]?.id ?? "?"));
    const ref = form && r.state.forms[form];
    if (!form || !ref || t.cells <= RESPONSE_TAB_CELLS) continue;
    r.p.forms.unlink(ref);
    r.p.workbook.drop(r.store, t.name);
    unlinked[form] = r.now;
    notes.push(
      `Biểu mẫu “${SPECS[form].title}” thôi ghi vào trang “${t.name}” của Google (${t.cells} ô, gần giới hạn 10 triệu ô của bảng tính): trang đã được gỡ. Mọi câu trả lời vẫn ở trong biểu mẫu và ở trang “${SPECS[form].tab}”.`,
    );
  }
  r.state.unlinked = unlinked;
  r.state.responseTabsChecked = month;
  r.p.state.save({ unlinked, responseTabsChecked: month });
  return notes;
}
