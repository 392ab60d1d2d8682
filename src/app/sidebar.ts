// The sidebar's server side: what each section shows, and the actions that need a choice (confirm or reject a sender,
// remind chosen units, send a named period's rollup, record a report received outside the forms, the Zalo list).
// Everything goes to the page as plain values (google.script.run carries no Date); every text is Vietnamese.

import { periodName } from "../domain/dashboard";
import { localDay, localMonth, viDateTime, viMonthShort } from "../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../domain/forms";
import type { FieldKind } from "../domain/forms/spec";
import { formSpecFor } from "../domain/forms/texts";
import { CHANNEL_LABEL, colLetter, KEY_COLS, unitLabel, VERDICT_LABEL } from "../domain/layout";
import { deadlineOf, REGISTRATION } from "../domain/periods";
import { type Rules, registrationDue } from "../domain/rules";
import { mailKey } from "../domain/schedule";
import type { Settings } from "../domain/settings";
import { owes, STATUS_LABEL, type Statuses } from "../domain/status";
import { isActive, type Unit, unitChoice } from "../domain/units";
import { deadlineWords } from "../domain/wording";
import { groupMessages, personalMessage, type ZaloSection } from "../domain/zalo";
import { sendRemindersNow } from "./commands";
import { decideResponses, type Verdict } from "./confirm";
import { fail, type Outcome, ok, openRun, periodsUpTo, type Run, readSettings } from "./context";
import { readWindows } from "./daily";
import { noteGroups, writeDashboard } from "./dashboard";
import { beginJob, continueChain, endJob } from "./jobs";
import { sentKeys } from "./ledger";
import { recordManual } from "./manual";
import { PAUSED_NOTE, resume } from "./owner";
import type { Ports } from "./ports";
import { runRollups } from "./rollup";
import { parseVersionRows, periodCell } from "./rows";
import { updateStatuses } from "./statuses";
import { MANUAL_TAB } from "./tabs";
import { writeViews } from "./views";
import { writeZalo, zaloOf } from "./zalo";

export const SECTIONS = ["confirm", "remind", "rollup", "record", "zalo"] as const;
export type Section = (typeof SECTIONS)[number];

/** what every call answers: what happened (or why not), and the section's content as it now stands */
export interface Reply {
  ok: boolean;
  message: string;
  data?: unknown;
  /** what every section shows above itself while a copy is paused, with the button that resumes it */
  paused?: string;
}

const reply = (o: Outcome<unknown>, message = ""): Reply =>
  o.ok ? { ok: true, message, data: o.value } : { ok: false, message: o.message };

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

function loadPending(p: Ports): Outcome<{ items: PendingItem[]; more: number }> {
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
export function resumeAction(p: Ports, arg: unknown): Outcome<string> {
  const a = arg as ActionArg | undefined;
  let out: Reply = { ok: true, message: "" };
  if (!a || typeof a !== "object") endJob(p, "action");
  else if (a.fn === "confirm" || a.fn === "reject") out = act(p, a, () => decideNow(p, a, true), true);
  else if (a.fn === "rollup") out = act(p, a, () => rollupNow(p, a.period, a.key), true);
  else if (a.fn === "record") out = act(p, a, () => recordNow(p, a.req, a.id), true);
  else endJob(p, "action");
  return out.ok ? ok(out.message) : fail(out.message);
}

const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

export function decide(p: Ports, req: { ids?: unknown; keys?: unknown; reason?: unknown }, verdict: Verdict): Reply {
  const arg: ActionArg = {
    fn: verdict,
    ids: strings(req?.ids),
    keys: strings(req?.keys),
    reason: typeof req?.reason === "string" ? req.reason : "",
  };
  if (!arg.ids.length && !arg.keys.length) return { ok: false, message: "Chưa chọn phản hồi nào." };
  return act(p, arg, () => decideNow(p, arg, false));
}

function decideNow(p: Ports, a: Extract<ActionArg, { fn: "confirm" | "reject" }>, resume: boolean): Reply {
  const done = decideResponses(p, { ids: a.ids, keys: a.keys }, a.fn, a.reason, resume);
  if (!done.ok) return { ok: false, message: done.message };
  return reply(loadPending(p), done.value);
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
  units: RemindUnit[];
}

/** units owing a period whose deadline has not passed (staff's reminder is one a day, only before the deadline) */
function remindable(r: Run, s: Settings, rules: Rules, units: Unit[], statuses: Statuses, live: string[]): RemindPeriod[] {
  const today = localDay(r.now, s.timeZone);
  const sent = sentKeys(r, s.catchUpDays + 2, s.timeZone).keys;
  const out: RemindPeriod[] = [];
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
      out.push({ period, title: periodName(period), due: deadlineWords(deadlineOf(period, s)), units: list });
    }
  }
  return out;
}

/** the statuses as they stand now (written to the status tab at once), and what the sections built from them need */
function fresh<T>(
  p: Ports,
  job: string,
  fn: (r: Run, s: Settings, rules: Rules, units: Unit[], st: Statuses, live: string[]) => T,
): Outcome<T> {
  return openRun(p, job, (r) => {
    const got = readSettings(r);
    if (!got.ok) return got;
    const { settings: s, rules } = got.value;
    const { units } = r.store.readUnits();
    const c = updateStatuses(r, s, rules, units, readWindows(r, s, rules));
    noteGroups(r, units, c.statuses);
    return ok(fn(r, s, rules, units, c.statuses, c.live));
  });
}

function loadRemind(p: Ports): Outcome<{ periods: RemindPeriod[] }> {
  return fresh(p, "Xem đơn vị cần nhắc", (r, s, rules, units, st, live) => ({ periods: remindable(r, s, rules, units, st, live) }));
}

export function remind(p: Ports, req: { units?: unknown }): Reply {
  const codes = Array.isArray(req?.units) ? [...new Set(req.units.map(String))] : [];
  if (!codes.length) return { ok: false, message: "Chưa chọn đơn vị nào." };
  const sent = sendRemindersNow(p, codes);
  if (!sent.ok) return { ok: false, message: sent.message };
  return reply(loadRemind(p), sent.value);
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

function loadRollup(p: Ports): Outcome<{ periods: RollupChoice[]; recipients: string[] }> {
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
  if (!loaded.ok) return { ok: false, message: loaded.message };
  const choice = loaded.value.periods.find((x) => x.period === period);
  if (!choice) return { ok: false, message: `Kỳ “${period}” chưa đến hạn hoặc không có: chọn một kỳ trong danh sách.` };
  const out = runRollups(p, { period, key });
  // a rollup that did not go, or went without its document, is said as a failure (the page shows it so)
  return { ok: out.ok, message: out.lines.join("\n") || `Đã lập tổng hợp ${choice.title}.`, data: loaded.value };
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
  units: { value: string; label: string }[];
  months: { value: string; label: string }[];
  channels: { value: string; label: string }[];
  /** now, as a datetime-local input takes it (local time in the settings' zone) */
  now: string;
}

function recordView(s: Settings, units: Unit[], now: number): RecordView {
  const month = localMonth(now, s.timeZone);
  const months = periodsUpTo(s, now).reverse().slice(0, 12);
  const local = viDateTime(now, s.timeZone); // dd/mm/yyyy hh:mm
  const [d, m, rest] = local.split("/");
  const [y, hm] = rest.split(" ");
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
    units: units.filter((u) => isActive(u, month) || u.activeFrom > month).map((u) => ({ value: u.code, label: unitChoice(u) })),
    months: months.map((x) => ({ value: x, label: `Tháng ${viMonthShort(x)}` })),
    channels: Object.entries(CHANNEL_LABEL)
      .filter(([k]) => k !== "form")
      .map(([value, label]) => ({ value, label })),
    now: `${y}-${m}-${d}T${hm}`,
  };
}

function loadRecord(p: Ports): Outcome<RecordView> {
  return openRun(p, "Mở ghi nhận báo cáo", (r) => {
    const got = readSettings(r);
    if (!got.ok) return got;
    return ok(recordView(got.value.settings, r.store.readUnits().units, r.now));
  });
}

export interface RecordRequest {
  form?: unknown;
  unit?: unknown;
  month?: unknown;
  channel?: unknown;
  /** "yyyy-mm-ddThh:mm", as a datetime-local input gives it */
  at?: unknown;
  answers?: unknown;
  note?: unknown;
}

/** the row staff would type into the manual tab, from the sidebar's choices (labels, as the tab shows them) */
function manualRow(form: FormId, req: RecordRequest, u: Unit, id: string): unknown[] | string {
  const at = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(String(req.at ?? ""));
  if (!at) return "Chưa nhập ngày giờ nhận.";
  const channel = CHANNEL_LABEL[String(req.channel ?? "")];
  if (!channel || req.channel === "form") return "Chưa chọn kênh nhận (văn bản giấy, email, tin nhắn).";
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
  return [id, `${at[3]}/${at[2]}/${at[1]} ${at[4]}:${at[5]}`, channel, ...cells, ""];
}

export function record(p: Ports, req: RecordRequest): Reply {
  const id = `GIAY-${p.newId().replace(/-/g, "").slice(-8).toUpperCase()}`;
  return act(p, { fn: "record", req: plain(req), id }, () => recordNow(p, req, id));
}

/** the request as plain values (the mark keeps it) */
const plain = (req: RecordRequest): RecordRequest => JSON.parse(JSON.stringify(req ?? {})) as RecordRequest;

function recordNow(p: Ports, req: RecordRequest, id: string): Reply {
  const form = FORM_IDS.find((f) => f === req?.form);
  if (!form) return { ok: false, message: "Chưa chọn loại báo cáo." };
  const tab = MANUAL_TAB[form];
  // the row goes into the manual tab, where staff see it and can correct it, then is recorded as any typed row; a
  // run that stopped after writing it finds it there by its id and does not write it twice
  const wrote = openRun(p, "Ghi nhận báo cáo ngoài biểu mẫu", (r) => {
    const u = r.store.readUnits().units.find((x) => x.code === String(req.unit ?? ""));
    if (!u) return fail("Chưa chọn đơn vị.");
    if (form === "monthly" && !/^\d{4}-\d{2}$/.test(String(req.month ?? ""))) return fail("Chưa chọn tháng báo cáo.");
    const row = manualRow(form, req, u, id);
    if (typeof row === "string") return fail(row);
    if (r.store.findRow(tab, 1, id) === null) r.store.appendRows(tab, [row]);
    return ok(unitLabel(u.code, u.name));
  });
  if (!wrote.ok) return { ok: false, message: wrote.message };
  const done = recordManual(p);
  if (!done.ok) return { ok: false, message: done.message };
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
  const accepted = said.startsWith("Đã ghi nhận");
  return {
    ok: accepted,
    message: accepted
      ? `${said}: ${wrote.value}. ${done.value}`
      : `Chưa ghi nhận ${wrote.value}: ${said || done.value} Dòng vẫn ở trang “${tab}” (mã ${id}); sửa ở đây rồi gửi lại.`,
    data: { id },
  };
}

// ---- the Zalo list

export interface ZaloView {
  updated: string;
  sections: { title: string; due: string; count: number; parts: string[]; units: { label: string; message: string }[] }[];
}

function zaloView(sections: ZaloSection[], s: Settings, now: number): ZaloView {
  return {
    updated: viDateTime(now, s.timeZone),
    sections: sections
      .filter((x) => x.units.length)
      .map((x) => ({
        title: `${x.work.charAt(0).toUpperCase()}${x.work.slice(1)}`,
        due: x.due,
        count: x.units.length,
        parts: groupMessages(x, s.orgShort, now, s.timeZone),
        units: x.units.map((u) => ({ label: unitLabel(u.code, u.name), message: personalMessage(u, x, s.orgShort) })),
      })),
  };
}

/** the list made again from the statuses as they stand now, written to its tab and shown */
export function zalo(p: Ports): Reply {
  const out = fresh(p, "Danh sách nhắc qua Zalo", (r, s, _rules, units, st, live) => {
    const sections = zaloOf(r, s, units, st, live);
    writeZalo(r, s, sections);
    writeDashboard(r, s.timeZone);
    return zaloView(sections, s, r.now);
  });
  return reply(out);
}

// ---- opening a section

export function load(p: Ports, req: { section?: unknown }): Reply {
  const r = loadSection(p, req);
  return p.state.load().state.paused ? { ...r, paused: PAUSED_NOTE } : r;
}

/** staff confirm a paused copy's roster and dates (the button every section shows while it is paused) */
export function resumeCopy(p: Ports): Reply {
  return resume(p);
}

function loadSection(p: Ports, req: { section?: unknown }): Reply {
  switch (String(req?.section ?? "") as Section) {
    case "confirm":
      return reply(loadPending(p));
    case "remind":
      return reply(loadRemind(p));
    case "rollup":
      return reply(loadRollup(p));
    case "record":
      return reply(loadRecord(p));
    case "zalo":
      return zalo(p);
    default:
      return { ok: false, message: "Không rõ mục cần mở." };
  }
}
