// The start tab, "Hôm nay": its today block written by every run that writes the views (the daily run's follow-up,
// the sidebar's actions, setup); its steps at the end of setup and of each self-check, and once on the template a
// federation copies (before any setup, every step still to do). The Sheet opens on it.
import { dayNumber, localDay, viDateTime } from "../../domain/dates";
import { colLetter, TAB, UNITS_HEADER } from "../../domain/layout";
import { REGISTRATION } from "../../domain/periods";
import { say } from "../../domain/problems";
import { contactRows } from "../../domain/rows";
import { rulesOf } from "../../domain/rules";
import { parseSettings, type Settings } from "../../domain/settings";
import {
  problemRows,
  START_PROBLEMS_ROW,
  START_STEPS_ROW,
  type StartFacts,
  startRows,
  type TodayFacts,
  type TodayUnit,
  todayRows,
  upcoming,
} from "../../domain/start";
import type { Statuses } from "../../domain/status";
import { LOOK_VERSION, tabDefs } from "../../domain/tabs";
import type { Unit } from "../../domain/units";
import type { OpenProblem, Ports, State, Store } from "../../ports";
import { messageOf, type Run } from "../run/context";
import { DAILY_BEAT, ownerStale } from "../run/owner";
import { notReachedToday } from "./zalo";

interface CheckSummary {
  passed: number;
  total: number;
  failed: string[];
}

const LINK_COL = UNITS_HEADER.indexOf("Liên kết đăng ký") + 1;

function facts(p: Ports, store: Store, id: string, check: CheckSummary | null): StartFacts {
  const { state } = p.state.load();
  const setUp = state.spreadsheetId === id && Object.keys(state.forms ?? {}).length > 0;
  let settings: StartFacts["settings"] = null;
  let staff: string[] = [];
  let zone = "Asia/Ho_Chi_Minh";
  if (store.hasTab(TAB.settings)) {
    const parsed = parseSettings(store.readSettingsRows(), TAB.settings);
    settings = parsed.ok ? { ok: true, detail: "" } : { ok: false, detail: parsed.problem.map(say).join(" ") };
    if (parsed.ok) {
      staff = parsed.value.staffEmails;
      zone = parsed.value.timeZone;
    }
  }
  let units = 0;
  let unitProblems: string[] = [];
  let linked = 0;
  if (store.hasTab(TAB.units)) {
    const r = store.readUnits();
    units = r.units.length;
    unitProblems = r.problems;
    const links = store.readBlock(TAB.units, `A2:${colLetter(LINK_COL)}`);
    linked = links.filter((row) => String(row[0] ?? "") && String(row[LINK_COL - 1] ?? "")).length;
  }
  const [hour, hourZone] = (state.hourKey ?? "").split("@");
  return {
    setUp,
    copy: !!state.spreadsheetId && state.spreadsheetId !== id,
    settings,
    staff,
    units,
    unitProblems,
    linked: setUp ? linked : 0,
    forms: setUp
      ? (["registration", "monthly"] as const).flatMap((f) =>
          state.forms[f]
            ? [{ title: f === "registration" ? "Biểu mẫu đăng ký" : "Biểu mẫu báo cáo tháng", url: state.forms[f]?.publishedUrl ?? "" }]
            : [],
        )
      : [],
    triggers: setUp && state.triggerOwner && hour ? { owner: state.triggerOwner, hour: Number(hour), zone: hourZone || zone } : null,
    templateUrl: setUp && state.reports?.templateId ? `https://docs.google.com/document/d/${state.reports.templateId}/edit` : "",
    check: setUp ? check : null,
  };
}

/** the start tab written (made first when missing) and kept first; `focus`: the Sheet shown on it (after setup) */
export function writeStart(p: Ports, check: CheckSummary | null, focus = false): { notes: string[]; facts: StartFacts | null } {
  const active = p.active();
  if (!active) return { notes: [], facts: null };
  if (!p.lock.acquire(30000)) return { notes: [say({ code: "busy" })], facts: null };
  try {
    const { store, id } = active;
    const f = facts(p, store, id, check);
    const def = tabDefs(0).find((d) => d.name === TAB.start);
    const { state } = p.state.load();
    const made = def ? p.workbook.prepare(store, [def], state.look !== LOOK_VERSION) : [];
    const tz = state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";
    const now = p.clock.now();
    // the today block is the views' once set up (a copy not set up yet still shows its original's: replaced here)
    const from = f.setUp ? START_STEPS_ROW - 1 : 1;
    const rows = f.setUp ? [] : todayRows(notSetUp(), { day: localDay(now, tz), stamp: viDateTime(now, tz) });
    rows.push(...startRows(f, viDateTime(now, tz)));
    // the open problems under the steps, after a blank row
    const problems = problemRows(shown(state.problems ?? [], tz));
    while (rows.length < START_PROBLEMS_ROW - from) rows.push(["", "", "", ""]);
    rows.push(...problems);
    const height = from - 1 + rows.length;
    while (from - 1 + rows.length < (state.heights?.[TAB.start] ?? 0)) rows.push(["", "", "", ""]);
    store.writeRows(TAB.start, from, rows);
    p.state.save({ heights: { ...(state.heights ?? {}), [TAB.start]: height }, problemRows: problems.length });
    const notes = p.workbook.arrange(store, TAB.start, focus);
    return { notes: [...(made.length ? [`tạo trang: ${made.join(", ")}`] : []), ...notes], facts: f };
  } finally {
    p.lock.release();
  }
}

/** the template a federation copies: only the start tab, every step to do; no form, trigger or file is made */
export function prepareTemplate(p: Ports): string {
  const { notes } = writeStart(p, null, true);
  return [
    `Bảng tính mẫu đã sẵn sàng: trang “${TAB.start}” liệt kê các bước. Chia sẻ đường dẫn “…/copy” của bảng tính này cho các Liên đoàn (Tệp → Tạo bản sao).`,
    ...notes,
  ].join("\n");
}

const shown = (problems: OpenProblem[], tz: string) =>
  problems.map((x) => ({ since: viDateTime(x.since, tz), text: x.text, todo: x.todo }));

/**
 * Only the block of problems on the start tab, written when the list changes (a few calls): the steps above it stay
 * as setup or the self-check last wrote them. The caller holds the lock or runs where no other run writes the tab.
 */
export function writeProblems(p: Ports, store: Store, state: State, problems: OpenProblem[]): void {
  if (!store.hasTab(TAB.start)) return;
  const rows = problemRows(shown(problems, state.settings?.timeZone ?? "Asia/Ho_Chi_Minh"));
  const height = rows.length;
  while (rows.length < (state.problemRows ?? 0)) rows.push(["", "", "", ""]);
  if (!rows.length) return;
  store.writeRows(TAB.start, START_PROBLEMS_ROW, rows);
  p.state.save({ problemRows: height });
}

const notSetUp = (): TodayFacts => ({
  setUp: false,
  waiting: [],
  invalid: [],
  overdue: [],
  urgentOwed: 0,
  next: [],
  rollup: null,
  daily: { last: 0, lastText: "", by: "", stale: false, hour: 8 },
  held: 0,
  problems: 0,
  paused: false,
});

/** the units, their statuses, and the periods mails can still be about (registration and the live months) */
export interface LiveStatuses {
  units: Unit[];
  statuses: Statuses;
  live: string[];
}

/** the roster's columns read for the chairs and phones: the code, and the chair through the phone, with their headers */
const CHAIR = UNITS_HEADER.indexOf("Chủ tịch");
const PHONE = UNITS_HEADER.indexOf("Điện thoại");
const CODE_COL = colLetter(1);
const PEOPLE_COLS = `${colLetter(CHAIR + 1)}1:${colLetter(PHONE + 1)}`;
const PEOPLE_HEAD = [UNITS_HEADER[0], ...UNITS_HEADER.slice(CHAIR, PHONE + 1)].join("\n");

/**
 * Each unit's chair and phone, read as narrowly as the roster allows: its code column and its chair…phone columns,
 * headers included (two reads of 1 + 3 columns, where the whole roster is 8: at 10,000 units the views' run stays
 * within its 100,000 cells). A header not where the roster puts it (a column inserted or moved): the whole roster is
 * read by its headers instead, which names the column and stops.
 */
function contactsOf(r: Run): Map<string, { chair: string; phone: string }> {
  const codes = r.store.readBlock(TAB.units, `${CODE_COL}1:${CODE_COL}`);
  const people = r.store.readBlock(TAB.units, PEOPLE_COLS);
  const head = [codes[0]?.[0], ...(people[0] ?? [])].map((h) => String(h ?? "")).join("\n");
  if (head !== PEOPLE_HEAD) return new Map(r.store.readUnits().units.map((u) => [u.code, u]));
  return contactRows(codes.slice(1), people.slice(1), PHONE - CHAIR);
}

/**
 * What needs staff today, from what the views' run already holds (the statuses of the live periods, the units the quota
 * left without their mail, the state): the roster is read once, only when a unit is to be called and the units given
 * do not carry its chair and phone.
 */
export function todayOf(r: Run, s: Settings, { units, statuses, live }: LiveStatuses, held: number): TodayFacts {
  const tz = s.timeZone;
  const today = localDay(r.now, tz);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const label = (period: string) => (period === REGISTRATION ? "đăng ký" : `tháng ${period.slice(5)}/${period.slice(0, 4)}`);
  const waiting: TodayUnit[] = [];
  const invalid: TodayUnit[] = [];
  const overdue: TodayUnit[] = [];
  for (const f of statuses.figures) {
    if (!live.includes(f.period)) continue;
    const of = (code: string): TodayUnit => ({ code, name: names.get(code) ?? "", period: label(f.period) });
    waiting.push(...f.unverified.map(of));
    invalid.push(...f.invalid.map(of));
    if (!f.open) {
      const late = Math.max(0, dayNumber(today) - dayNumber(f.deadline.lastOnTime));
      overdue.push(...f.missing.map((code) => ({ ...of(code), daysLate: late })));
    }
  }
  // the chairs and phones: from the units given when they carry them (a run that read the roster), else the roster
  const called = [...invalid, ...overdue];
  if (called.length) {
    const given = new Map(units.filter((u) => u.chair || u.phone).map((u) => [u.code, u]));
    const roster = called.every((u) => given.has(u.code)) ? given : contactsOf(r);
    for (const u of called) {
      const x = roster.get(u.code);
      if (x) Object.assign(u, { chair: x.chair, phone: x.phone });
    }
  }
  overdue.sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.code.localeCompare(b.code));
  const beat = r.p.state.beats()[DAILY_BEAT];
  const stale = ownerStale(r.state, r.p.state.beats(), r.now);
  const months = live.filter((p) => p !== REGISTRATION);
  return {
    setUp: true,
    waiting,
    invalid,
    overdue,
    urgentOwed: r.state.urgentOwed?.length ?? 0,
    ...upcoming(s, rulesOf(s, r.state.frozen), [REGISTRATION, ...months], today),
    daily: {
      last: beat?.at ?? 0,
      lastText: beat ? viDateTime(beat.at, tz) : "",
      by: r.state.triggerOwner ?? beat?.by ?? "",
      stale: !!stale,
      hour: s.dailyRunHour,
    },
    held,
    problems: r.state.problems?.length ?? 0,
    paused: !!r.state.paused,
  };
}

/** the today block of the start tab, in one write (nothing when the tab is not there: a Sheet before setup) */
export function writeToday(r: Run, s: Settings, facts: TodayFacts): void {
  if (!r.store.hasTab(TAB.start)) return;
  const tz = s.timeZone;
  r.store.writeRows(TAB.start, 1, todayRows(facts, { day: localDay(r.now, tz), stamp: viDateTime(r.now, tz) }));
}

/**
 * The today block again right after a sidebar action whose effect it names (reminders sent now: the units the quota
 * held, the statuses the run wrote), from the statuses the action just computed: no read of the status tab, one write
 * (and a read of the queue when the quota held mails today). What could not be written is said, never thrown.
 */
export function refreshToday(r: Run, s: Settings, live: LiveStatuses): string[] {
  try {
    const held = new Set(notReachedToday(r, s).map((x) => x.code)).size;
    writeToday(r, s, todayOf(r, s, live, held));
    return [];
  } catch (e) {
    return [`Chưa cập nhật được trang “${TAB.start}”: ${messageOf(e)}`];
  }
}

/**
 * What the Sheet says as it opens, from the properties alone (one read, no Sheet read): the owner's daily run is
 * missing. Empty when all is well or the Sheet is not the one set up (a copy).
 */
export function openNote(p: Ports, sheetId: string): string {
  const { state } = p.state.load();
  if (state.spreadsheetId !== sheetId) return "";
  const stale = ownerStale(state, p.state.beats(), p.clock.now());
  if (!stale) return "";
  const tz = state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";
  const since = stale.since ? ` từ ${viDateTime(stale.since, tz)}` : "";
  return `Lần chạy tự động hằng ngày của tài khoản ${state.triggerOwner} không chạy${since}: không thư nào được gửi. Chọn Báo cáo CĐCS → Nhận vận hành để tài khoản của bạn chạy thay.`;
}
