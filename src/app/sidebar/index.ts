// The sidebar's server side: what each section shows, and the actions that need a choice (confirm or reject a sender,
// remind chosen units, send a named period's rollup, record a report received outside the forms, the Zalo list).
// Everything goes to the page as plain values (google.script.run carries no Date); every text is Vietnamese. Every
// reply stays small whatever the roster's size: long lists go a page at a time (./page.ts).

import { periodName } from "../../domain/dashboard";
import { localDay, localMonth, viDateTime, viMonthShort } from "../../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../../domain/forms";
import type { FieldKind } from "../../domain/forms/spec";
import { formSpecFor } from "../../domain/forms/texts";
import { CHANNEL_LABEL, colLetter, KEY_COLS, unitLabel, VERDICT_LABEL } from "../../domain/layout";
import { deadlineOf, REGISTRATION } from "../../domain/periods";
import { type Problem, say } from "../../domain/problems";
import { fail, ok, type Result, type Told } from "../../domain/result";
import { parseVersionRows, periodCell } from "../../domain/rows";
import { type Rules, registrationDue } from "../../domain/rules";
import { mailKey } from "../../domain/schedule";
import type { Settings } from "../../domain/settings";
import { owes, STATUS_LABEL, type Statuses } from "../../domain/status";
import { MANUAL_TAB } from "../../domain/tabs";
import { isActive, type Unit, unitChoice } from "../../domain/units";
import { deadlineWords } from "../../domain/wording";
import { groupMessages, personalMessage, type ZaloSection } from "../../domain/zalo";
import type { Ports } from "../../ports";
import { readWindows, runDaily } from "../daily/daily";
import { type Computed, type Reading, updateStatuses } from "../daily/statuses";
import { decideResponses, undoDecision, type Verdict } from "../intake/confirm";
import { alreadyReceived, recordedCell, recordManual } from "../intake/manual";
import { sentKeys } from "../mail/ledger";
import { runRollups } from "../report/rollup";
import { openRun, periodsUpTo, type Run, readSettings } from "../run/context";
import { beginJob, continueChain, endJob } from "../run/jobs";
import { PAUSED_NOTE, resume } from "../run/owner";
import { noteGroups, writeDashboard } from "../sheet/dashboard";
import { writeViews } from "../sheet/views";
import { writeZalo, zaloOf } from "../sheet/zalo";
import { type FirstDay, firstDay } from "./first-day";
import { unitHistory } from "./history";
import { pageOf, pageRequest } from "./page";
import type { Section } from "./sections";

export { SECTIONS } from "./sections";

/** what every call answers: what happened (or why not), and the section's content as it now stands */
export type Reply = Told & {
  /** "info": nothing went wrong and nothing was done (another staff member had done it); "ask": a question first */
  kind?: "info" | "ask";
  data?: unknown;
  /** what every section shows above itself while a copy is paused, with the button that resumes it */
  paused?: string;
  /** with `paused`: what the first day would send once resumed, and the date warnings */
  firstDay?: FirstDay;
};

/** a call that could not be done, and why, in Vietnamese */
const refuse = (problem: Problem): Reply => ({ ok: false, message: say(problem) });

const reply = (o: Result<unknown>, message = ""): Reply => (o.ok ? { ok: true, message, data: o.value } : refuse(o.problem));

// ---- confirm or reject a sender

export interface PendingItem {
  form: FormId;
  formTitle: string;
  responseId: string;
  /** the version shown (`id@time`): a confirmation confirms it and its unit, nothing else */
  key: string;
  unit: string;
  period: string;
  at: string;
  email: string;
  /** the unit's chair and phone as the roster holds them: who staff call to check */
  chair: string;
  phone: string;
  note: string;
  /** what was sent, in short */
  summary: string;
}

/** at most this many waiting responses are listed at once (the rest after these are decided) */
const PENDING_MAX = 30;

/** the responses waiting for staff: found by Sheets in column F, each read on its own row (a few calls each) */
function pending(r: Run, s: Settings, units: Unit[]): { items: PendingItem[]; more: number } {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const latest = new Map<string, PendingItem & { ms: number }>();
  let found = 0;
  for (const form of FORM_IDS) {
    const spec = SPECS[form];
    const rows = r.store.findRows(spec.tab, 6, VERDICT_LABEL.unverified);
    found += rows.length;
    if (!rows.length) continue;
    const header = (r.store.readBlock(spec.tab, "1:1")[0] ?? []).map((x) => String(x ?? ""));
    const last = colLetter(Math.max(KEY_COLS, header.length));
    for (const row of rows.slice(-PENDING_MAX)) {
      const cells = r.store.readBlock(spec.tab, `A${row}:${last}${row}`)[0] ?? [];
      const [v] = parseVersionRows([cells], row);
      if (v?.verdict !== "unverified" || v.confirmed || v.rejected) continue;
      const summary = header
        .map((h, j) => (j >= KEY_COLS && cells[j] !== "" && cells[j] !== undefined ? `${h}: ${String(cells[j])}` : ""))
        .filter(Boolean)
        .join(" · ");
      const item = {
        form,
        formTitle: form === "registration" ? "Đăng ký tài khoản" : "Báo cáo tháng",
        responseId: v.responseId,
        key: v.key,
        unit: unitLabel(v.unit, byCode.get(v.unit)?.name) || "(chưa rõ đơn vị)",
        period: v.period ? periodName(v.period) : "",
        at: viDateTime(v.at, s.timeZone),
        email: v.email,
        chair: byCode.get(v.unit)?.chair ?? "",
        phone: byCode.get(v.unit)?.phone ?? "",
        note: v.notes ?? "",
        summary: summary.length > 400 ? `${summary.slice(0, 400)}…` : summary,
        ms: v.at,
      };
      const had = latest.get(v.responseId);
      if (!had || had.ms <= v.at) latest.set(v.responseId, item);
    }
  }
  const items = [...latest.values()].sort((a, b) => a.ms - b.ms).map(({ ms: _ms, ...x }) => x);
  return { items, more: Math.max(0, found - PENDING_MAX * FORM_IDS.length) };
}

function loadPending(p: Ports): Result<{ items: PendingItem[]; more: number }> {
  return openRun(p, "Xem phản hồi chờ xác nhận", (r) => {
    const set = readSettings(r);
    if (!set.ok) return set;
    return ok(pending(r, set.value.settings, r.store.readUnits().units));
  });
}

/**
 * A sidebar action, finished even if it is cut off: its request is the mark of the job "action" (written before it
 * acts, with a follow-up run scheduled), so that run does it again as asked; each action is safe to do twice. At
 * its end the follow-ups the state asks for are scheduled again (the safety run replaced them).
 */
function act(p: Ports, arg: ActionArg, body: (resume: boolean) => Reply, resume = false): Reply {
  beginJob(p, "action", { arg, safety: "runFollowUp" });
  const out = body(resume);
  endJob(p, "action");
  continueChain(p);
  return out;
}

type ActionArg =
  | { fn: "confirm" | "reject"; ids: string[]; keys: string[]; reason: string }
  | { fn: "rollup"; period: string; key: string }
  | { fn: "record"; req: RecordRequest; id: string };

/** an action a run left unfinished (its mark), done again as it was asked */
export function resumeAction(p: Ports, arg: unknown): Result<string> {
  const a = arg as ActionArg | undefined;
  let out: Reply = { ok: true, message: "" };
  if (!a || typeof a !== "object") endJob(p, "action");
  else if (a.fn === "confirm" || a.fn === "reject") out = act(p, a, () => decideNow(p, a, true), true);
  else if (a.fn === "rollup") out = act(p, a, () => rollupNow(p, a.period, a.key), true);
  else if (a.fn === "record") out = act(p, a, () => recordNow(p, a.req, a.id), true);
  else endJob(p, "action");
  return out.ok ? ok(out.message) : fail({ code: "action", said: out.message });
}

const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

export function decide(p: Ports, req: { ids?: unknown; keys?: unknown; reason?: unknown }, verdict: Verdict): Reply {
  const arg: ActionArg = {
    fn: verdict,
    ids: strings(req?.ids),
    keys: strings(req?.keys),
    reason: typeof req?.reason === "string" ? req.reason : "",
  };
  if (!arg.ids.length && !arg.keys.length) return refuse({ code: "no-response-chosen" });
  return act(p, arg, () => decideNow(p, arg, false));
}

function decideNow(p: Ports, a: Extract<ActionArg, { fn: "confirm" | "reject" }>, resume: boolean): Reply {
  const done = decideResponses(p, { ids: a.ids, keys: a.keys }, a.fn, a.reason, resume);
  if (!done.ok) return refuse(done.problem);
  const out = reply(loadPending(p), done.value.text);
  // nothing decided: another staff member had decided it (shown as such, not as a success)
  if (out.ok && !done.value.done) return { ...out, kind: "info" };
  return out.ok ? { ...out, data: { ...(out.data as object), undo: { ids: done.value.ids, verdict: a.fn } } } : out;
}

/** a decision taken back the same day: the responses wait for staff again (receipts already sent stay sent) */
export function undo(p: Ports, req: { ids?: unknown }): Reply {
  const ids = strings(req?.ids);
  if (!ids.length) return refuse({ code: "no-response-chosen" });
  const done = undoDecision(p, ids);
  if (!done.ok) return refuse(done.problem);
  const out = reply(loadPending(p), done.value.text);
  return out.ok && !done.value.done ? { ...out, kind: "info" } : out;
}

// ---- send reminders now, to the units chosen

export interface RemindUnit {
  code: string;
  label: string;
  chair: string;
  status: string;
  emails: number;
  /** a reminder went out today already: another would not be sent */
  reminded: boolean;
}

export interface RemindPeriod {
  period: string;
  title: string;
  due: string;
  /** the page of units shown (searched by code or name) */
  units: RemindUnit[];
  /** every unit owing the period, those matching the search, where the page starts */
  total: number;
  matched: number;
  offset: number;
  /** of all those owing: how many were reminded today, and the addresses of those that were not */
  reminded: number;
  emails: number;
}

/** what the remind section shows: the periods, and what MailApp still lets go today */
export interface RemindView {
  periods: RemindPeriod[];
  /** units a "remind all" would remind (each once), and their addresses */
  all: { units: number; emails: number };
  quota: number;
}

/** units owing a period whose deadline has not passed (staff's reminder is one a day, only before the deadline) */
function remindable(
  r: Run,
  s: Settings,
  ctx: { rules: Rules; units: Unit[]; statuses: Statuses; live: string[] },
  req: { q: string; offset: number },
): RemindView {
  const { rules, units, statuses, live } = ctx;
  const today = localDay(r.now, s.timeZone);
  const sent = sentKeys(r, s.catchUpDays + 2, s.timeZone).keys;
  const out: RemindPeriod[] = [];
  const everyone = new Set<string>();
  const order = [...live.filter((x) => x !== REGISTRATION), ...live.filter((x) => x === REGISTRATION)];
  for (const period of order) {
    const map = statuses.byPeriod.get(period);
    if (!map) continue;
    const list: RemindUnit[] = [];
    for (const u of units) {
      const st = map.get(u.code);
      if (!owes(st) || !st || !u.emails.length) continue;
      const d = period === REGISTRATION ? registrationDue(u, rules) : rules.deadline(period);
      if (!d || today > d.lastOnTime) continue;
      list.push({
        code: u.code,
        label: unitLabel(u.code, u.name),
        chair: u.chair,
        status: STATUS_LABEL[st.kind],
        emails: u.emails.length,
        reminded: sent.has(mailKey("reminder", period, u.code, today)),
      });
    }
    if (list.length) {
      const pg = pageOf(list, (u) => u.label, req);
      const open = list.filter((u) => !u.reminded);
      for (const u of open) everyone.add(u.code);
      out.push({
        period,
        title: periodName(period),
        due: deadlineWords(deadlineOf(period, s)),
        units: pg.items,
        total: pg.total,
        matched: pg.matched,
        offset: pg.offset,
        reminded: list.length - open.length,
        emails: open.reduce((n, u) => n + u.emails, 0),
      });
    }
  }
  // "remind all" reaches each unit once per period it owes: the units counted once, the addresses per mail
  return {
    periods: out,
    all: { units: everyone.size, emails: out.reduce((a, x) => a + x.emails, 0) },
    quota: r.p.mailer.remaining(),
  };
}

/** the statuses as they stand now (written to the status tab at once), and what the sections built from them need */
function fresh<T>(p: Ports, job: string, fn: (r: Run, read: Reading, computed: Computed) => T): Result<T> {
  return openRun(p, job, (r) => {
    const got = readSettings(r);
    if (!got.ok) return got;
    const { settings: s, rules } = got.value;
    const { units } = r.store.readUnits();
    const read: Reading = { s, rules, units, windows: readWindows(r, s, rules) };
    const c = updateStatuses(r, read);
    noteGroups(r, units, c.statuses);
    return ok(fn(r, read, c));
  });
}

function loadRemind(p: Ports, req: { q: string; offset: number } = { q: "", offset: 0 }): Result<RemindView> {
  return fresh(p, "Xem đơn vị cần nhắc", (r, { s, rules, units }, { statuses, live }) =>
    remindable(r, s, { rules, units, statuses, live }, req),
  );
}

/**
 * Reminders now, to the units chosen or (`all`) to every unit owing a period still open: either way through the daily
 * job's plan, send stage and queue, so MailApp's quota and the run's clock hold them as they hold the daily mails and
 * what is left goes with the follow-up runs.
 */
export function remind(p: Ports, req: { units?: unknown; all?: unknown; q?: unknown; offset?: unknown }): Reply {
  const all = req?.all === true;
  const codes = Array.isArray(req?.units) ? [...new Set(req.units.map(String))] : [];
  if (!all && !codes.length) return refuse({ code: "no-units-chosen" });
  const r = runDaily(p, { job: "Gửi thư nhắc ngay", remindNow: { units: all ? null : new Set(codes) } });
  if (!r.ok) return refuse(r.problem);
  return reply(loadRemind(p, pageRequest(req)), [sentWords(r.value.sent, r.value.short + r.value.queued), ...r.value.notes].join("\n"));
}

/** what a send did, said as staff would say it */
function sentWords(sent: number, left: number): string {
  const went = sent ? `Đã gửi ${sent} thư nhắc.` : "Không gửi thư nào: các đơn vị đã chọn đã được nhắc hôm nay hoặc không còn phải nộp.";
  return left
    ? `${went} Còn ${left} thư chưa gửi (hết hạn mức gửi thư hôm nay hoặc hết thời gian chạy): hệ thống tự gửi tiếp trong các lần chạy sau.`
    : went;
}

// ---- the rollup of a named period

export interface RollupChoice {
  period: string;
  title: string;
  due: string;
}

function rollupChoices(s: Settings, now: number): RollupChoice[] {
  const today = localDay(now, s.timeZone);
  return [REGISTRATION, ...periodsUpTo(s, now)]
    .filter((x) => deadlineOf(x, s).due <= today)
    .sort((a, b) => deadlineOf(b, s).due.localeCompare(deadlineOf(a, s).due))
    .map((period) => ({ period, title: periodName(period), due: deadlineWords(deadlineOf(period, s)) }));
}

function loadRollup(p: Ports): Result<{ periods: RollupChoice[]; recipients: string[] }> {
  return openRun(p, "Xem tổng hợp", (r) => {
    const got = readSettings(r);
    if (!got.ok) return got;
    const s = got.value.settings;
    return ok({ periods: rollupChoices(s, r.now), recipients: s.rollupTo });
  });
}

export function rollup(p: Ports, req: { period?: unknown }): Reply {
  const period = String(req?.period ?? "");
  // the key the rollup is made and sent under: a retry of this request reuses its document and never sends it twice
  const key = `rollup|${period}||${p.clock.now()}`;
  return act(p, { fn: "rollup", period, key }, () => rollupNow(p, period, key));
}

function rollupNow(p: Ports, period: string, key: string): Reply {
  const loaded = loadRollup(p);
  if (!loaded.ok) return refuse(loaded.problem);
  const choice = loaded.value.periods.find((x) => x.period === period);
  if (!choice) return refuse({ code: "period-not-due", period });
  const out = runRollups(p, { period, key });
  const lines = out.ok ? out.value.lines : [say(out.problem)];
  // a rollup that did not go, or went without its document, is said as a failure (the page shows it so)
  return { ok: out.ok && out.value.all, message: lines.join("\n") || `Đã lập tổng hợp ${choice.title}.`, data: loaded.value };
}

// ---- a report received on paper, by email or by message

export interface FieldView {
  key: string;
  kind: FieldKind;
  title: string;
  required: boolean;
  help: string;
  choices: { key: string; label: string }[];
}

export interface RecordView {
  forms: { id: FormId; title: string; fields: FieldView[] }[];
  /** every unit when the roster is short; else none, and the page finds them by search (`sidebarUnits`) */
  units: { value: string; label: string }[];
  unitCount: number;
  months: { value: string; label: string }[];
  channels: { value: string; label: string }[];
  /** now, as the date field takes it: dd/mm/yyyy hh:mm in the settings' zone, whatever the browser's language */
  now: string;
}

/** a roster up to this size goes to the page whole (a choice list); a longer one is searched */
const UNITS_INLINE = 300;

const choosable = (units: Unit[], month: string) => units.filter((u) => isActive(u, month) || u.activeFrom > month);

function recordView(s: Settings, units: Unit[], now: number): RecordView {
  const month = localMonth(now, s.timeZone);
  const months = periodsUpTo(s, now).reverse().slice(0, 12);
  const list = choosable(units, month);
  return {
    forms: FORM_IDS.map((id) => ({
      id,
      title: id === "registration" ? "Đăng ký tài khoản Facebook" : "Báo cáo tháng",
      // the help texts as the forms show them (the settings' names filled in)
      fields: formSpecFor(SPECS[id], s).fields.map((f) => ({
        key: f.key,
        kind: f.kind,
        title: f.column ?? f.title,
        required: f.required,
        help: f.help ?? "",
        choices: f.choices ?? [],
      })),
    })),
    units: list.length <= UNITS_INLINE ? list.map((u) => ({ value: u.code, label: unitChoice(u) })) : [],
    unitCount: list.length,
    months: months.map((x) => ({ value: x, label: `Tháng ${viMonthShort(x)}` })),
    channels: Object.entries(CHANNEL_LABEL)
      .filter(([k]) => k !== "form")
      .map(([value, label]) => ({ value, label })),
    now: viDateTime(now, s.timeZone),
  };
}

function loadRecord(p: Ports): Result<RecordView> {
  return openRun(p, "Mở ghi nhận báo cáo", (r) => {
    const got = readSettings(r);
    if (!got.ok) return got;
    return ok(recordView(got.value.settings, r.store.readUnits().units, r.now));
  });
}

/** the units whose code or name holds what staff typed, a page at a time (the roster read once) */
export function findUnits(p: Ports, req: { q?: unknown; offset?: unknown }): Reply {
  return reply(
    openRun(p, "Tìm đơn vị", (r) => {
      const got = readSettings(r);
      if (!got.ok) return got;
      const list = choosable(r.store.readUnits().units, localMonth(r.now, got.value.settings.timeZone));
      const pg = pageOf(list, unitChoice, pageRequest(req));
      return ok({ ...pg, items: pg.items.map((u) => ({ value: u.code, label: unitChoice(u) })) });
    }),
  );
}

export interface RecordRequest {
  form?: unknown;
  unit?: unknown;
  month?: unknown;
  channel?: unknown;
  /** "dd/mm/yyyy hh:mm", as Vietnamese officials write it */
  at?: unknown;
  answers?: unknown;
  note?: unknown;
  /** staff were told the unit already has a report for the period, and record this one all the same */
  force?: unknown;
}

/** "dd/mm/yyyy hh:mm" (one-digit day, month or hour taken) as the cell the manual tab holds, or null if it is no date */
export function typedDateTime(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:h](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y, h, mi] = m.slice(1).map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || y < 2000) return null;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d)}/${two(mo)}/${y} ${two(h)}:${two(mi)}`;
}

/** the row staff would type into the manual tab, from the sidebar's choices (labels, as the tab shows them) */
function manualRow(form: FormId, req: RecordRequest, u: Unit, id: string): Result<unknown[]> {
  const at = typedDateTime(String(req.at ?? ""));
  if (!at) return fail({ code: "bad-received-at" });
  const channel = CHANNEL_LABEL[String(req.channel ?? "")];
  if (!channel || req.channel === "form") return fail({ code: "no-channel-chosen" });
  const answers = (req.answers && typeof req.answers === "object" ? req.answers : {}) as Record<string, unknown>;
  const cells = SPECS[form].fields.map((f) => {
    if (f.kind === "unit") return unitChoice(u);
    if (f.kind === "month") return periodCell(String(req.month ?? ""));
    const v = answers[f.key];
    if (f.kind === "checkboxes") {
      const keys = Array.isArray(v) ? v.map(String) : [];
      return keys.map((k) => f.choices?.find((c) => c.key === k)?.label ?? k).join("; ");
    }
    if (f.kind === "choice") return f.choices?.find((c) => c.key === v)?.label ?? String(v ?? "");
    return String(v ?? "").trim();
  });
  return ok([id, at, channel, ...cells, ""]);
}

export function record(p: Ports, req: RecordRequest): Reply {
  // the same unit and period a second time: staff are asked first (the later report replaces the earlier one)
  if (req?.force !== true) {
    const had = openRun(p, "Kiểm tra báo cáo đã có", (r) => {
      const code = String(req?.unit ?? "");
      const period = req?.form === "registration" ? REGISTRATION : String(req?.month ?? "");
      const u = r.store.readUnits().units.find((x) => x.code === code);
      const st = u && period ? alreadyReceived(r.store, code, period) : null;
      return ok(st && u ? `${unitLabel(u.code, u.name)} đã có ${periodName(period).toLowerCase()} (${st}).` : "");
    });
    if (had.ok && had.value)
      return {
        ok: false,
        kind: "ask",
        message: `${had.value} Ghi nhận thêm bản này? Bản ghi sau được tính thay bản trước, đơn vị nhận thêm một thư xác nhận.`,
      };
  }
  const id = `GIAY-${p.newId().replace(/-/g, "").slice(-8).toUpperCase()}`;
  return act(p, { fn: "record", req: plain(req), id }, () => recordNow(p, req, id));
}

/** the request as plain values (the mark keeps it) */
const plain = (req: RecordRequest): RecordRequest => JSON.parse(JSON.stringify(req ?? {})) as RecordRequest;

function recordNow(p: Ports, req: RecordRequest, id: string): Reply {
  const form = FORM_IDS.find((f) => f === req?.form);
  if (!form) return refuse({ code: "no-form-chosen" });
  const tab = MANUAL_TAB[form];
  // the row goes into the manual tab, where staff see it and can correct it, then is recorded as any typed row; a
  // run that stopped after writing it finds it there by its id and does not write it twice
  const wrote = openRun(p, "Ghi nhận báo cáo ngoài biểu mẫu", (r) => {
    const u = r.store.readUnits().units.find((x) => x.code === String(req.unit ?? ""));
    if (!u) return fail({ code: "no-unit-chosen" });
    if (form === "monthly" && !/^\d{4}-\d{2}$/.test(String(req.month ?? ""))) return fail({ code: "no-month-chosen" });
    const row = manualRow(form, req, u, id);
    if (!row.ok) return row;
    if (r.store.findRow(tab, 1, id) === null) r.store.appendRows(tab, [row.value]);
    return ok(unitLabel(u.code, u.name));
  });
  if (!wrote.ok) return refuse(wrote.problem);
  const done = recordManual(p);
  if (!done.ok) return refuse(done.problem);
  // the dashboard and the Zalo list follow the statuses the recording wrote
  openRun(p, "Cập nhật trang nhắc qua Zalo và tổng quan", (r) => (r.state.settings ? ok(writeViews(r, r.state.settings)) : ok([])));
  // what the recording said of this row (its result cell)
  const result = openRun(p, "Xem kết quả ghi nhận", (r) => {
    const row = r.store.findRow(tab, 1, id);
    const width = SPECS[form].fields.length + 4;
    const cell = row ? String(r.store.readBlock(tab, `${colLetter(width)}${row}:${colLetter(width)}${row}`)[0]?.[0] ?? "") : "";
    return ok(cell);
  });
  const said = result.ok ? result.value : "";
  if (recordedCell(said)) return { ok: true, message: `${said}: ${wrote.value}. ${done.value}`, data: { id } };
  return { ...refuse({ code: "record-refused", unit: wrote.value, said: said || done.value, tab, id }), data: { id } };
}

// ---- the Zalo list

export interface ZaloView {
  updated: string;
  sections: {
    title: string;
    due: string;
    count: number;
    /** the group message's parts of this page, and how many there are */
    parts: string[];
    partCount: number;
    partOffset: number;
    /** the page of units with their own message (searched by code or name) */
    units: { label: string; message: string }[];
    matched: number;
    offset: number;
  }[];
}

/** group message parts a reply carries (each part at most ZALO_PART_CHARS) */
const PARTS_PAGE = 5;

/** the view; `req` pages the section it names (`sec`), the others show their first page */
function zaloView(
  sections: ZaloSection[],
  s: Settings,
  now: number,
  req: { sec: number; q: string; offset: number; part: number },
): ZaloView {
  return {
    updated: viDateTime(now, s.timeZone),
    sections: sections
      .filter((x) => x.units.length)
      .map((x, i) => {
        const mine = i === req.sec;
        const parts = groupMessages(x, s.orgShort, now, s.timeZone);
        const part = mine ? Math.min(req.part, Math.max(0, parts.length - 1)) : 0;
        const pg = pageOf(x.units, (u) => unitLabel(u.code, u.name), mine ? req : { q: "", offset: 0 });
        return {
          title: `${x.work.charAt(0).toUpperCase()}${x.work.slice(1)}`,
          due: x.due,
          count: x.units.length,
          parts: parts.slice(part, part + PARTS_PAGE),
          partCount: parts.length,
          partOffset: part,
          units: pg.items.map((u) => ({ label: unitLabel(u.code, u.name), message: personalMessage(u, x, s.orgShort) })),
          matched: pg.matched,
          offset: pg.offset,
        };
      }),
  };
}

/**
 * The list made again from the statuses as they stand now, written to its tab and shown. A further page of it (a
 * search, the next units or parts) is made from the statuses without writing the tab again.
 */
export function zalo(p: Ports, req: { sec?: unknown; q?: unknown; offset?: unknown; part?: unknown } = {}): Reply {
  const pg = pageRequest(req);
  const sec = Number(req?.sec ?? 0) || 0;
  const part = Math.max(0, Math.floor(Number(req?.part ?? 0) || 0));
  const again = !pg.q && !pg.offset && !part;
  const out = fresh(p, "Danh sách nhắc qua Zalo", (r, { s, units }, { statuses, live }) => {
    const sections = zaloOf(r, s, units, statuses, live);
    if (again) {
      writeZalo(r, s, sections);
      writeDashboard(r, s.timeZone);
    }
    return zaloView(sections, s, r.now, { ...pg, sec, part });
  });
  return reply(out);
}

// ---- one unit's history

function loadHistory(p: Ports): Result<{ units: { value: string; label: string }[]; unitCount: number }> {
  return openRun(p, "Mở lịch sử đơn vị", (r) => {
    const got = readSettings(r);
    if (!got.ok) return got;
    const v = recordView(got.value.settings, r.store.readUnits().units, r.now);
    return ok({ units: v.units, unitCount: v.unitCount });
  });
}

/** one unit's history, its lists a page at a time */
export function history(p: Ports, req: { code?: unknown; offset?: unknown }): Reply {
  return reply(
    openRun(p, "Xem lịch sử đơn vị", (r) => {
      const got = readSettings(r);
      if (!got.ok) return got;
      const u = r.store.readUnits().units.find((x) => x.code === String(req?.code ?? ""));
      if (!u) return fail({ code: "no-unit-chosen" });
      return ok(unitHistory(r, u, got.value.settings.timeZone, pageRequest(req).offset));
    }),
  );
}

// ---- opening a section

/**
 * A section's data; while the copy is paused, the note and what the first day would send. That preview is a whole
 * day's plan: the page asks for it once and again after each action (`firstDay: false` between), not per section.
 */
export function load(p: Ports, req: { section?: unknown; q?: unknown; offset?: unknown; firstDay?: unknown }): Reply {
  const r = loadSection(p, req);
  if (!p.state.load().state.paused) return r;
  return req.firstDay === false ? { ...r, paused: PAUSED_NOTE } : { ...r, paused: PAUSED_NOTE, firstDay: firstDay(p) };
}

/** staff confirm a paused copy's roster and dates (the button every section shows while it is paused) */
export function resumeCopy(p: Ports): Reply {
  const r = resume(p);
  return r.ok ? { ok: true, message: r.value } : refuse(r.problem);
}

function loadSection(p: Ports, req: { section?: unknown; q?: unknown; offset?: unknown }): Reply {
  switch (String(req?.section ?? "") as Section) {
    case "confirm":
      return reply(loadPending(p));
    case "remind":
      return reply(loadRemind(p, pageRequest(req)));
    case "rollup":
      return reply(loadRollup(p));
    case "record":
      return reply(loadRecord(p));
    case "zalo":
      return zalo(p);
    case "history":
      return reply(loadHistory(p));
    default:
      return refuse({ code: "unknown-section" });
  }
}
