// Setup: every tab, both forms, the links and the triggers; re-runnable, it only adds or updates.

import { localDay } from "../../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../../domain/forms";
import { answerFields } from "../../domain/forms/spec";
import { formSpecFor } from "../../domain/forms/texts";
import {
  colLetter,
  columnTitle,
  DASHBOARD_PERIODS,
  KEY_COLS,
  KEY_HEADER,
  OLD_UNIT_HEADER,
  PREVIEW_HEADER,
  TAB,
  THEMES_HEADER,
} from "../../domain/layout";
import { type Problem, say, sayChange } from "../../domain/problems";
import { TEMPLATE } from "../../domain/report/template";
import { DEFAULT_THEMES, parseThemeRows, themeRows } from "../../domain/report/themes";
import { fail, ok, type Result } from "../../domain/result";
import { DEFAULT_SETTINGS, parseSettings, SETTING_DEFS, type Settings, settingCell } from "../../domain/settings";
import { LOOK_VERSION, standingKeys, tabDefs } from "../../domain/tabs";
import { DEFAULT_TEMPLATES, isFormerDefault, type MailKind, PLACEHOLDERS, type Template } from "../../domain/templates";
import { type Unit, unitChoice } from "../../domain/units";
import { fitWidths } from "../../domain/widths";
import { dateWarnings } from "../../domain/wording";
import type { FormRef, Ports, State, Store } from "../../ports";
import { choicesFor } from "../daily/choices";
import { indexUnits, noteRoster } from "../daily/daily";
import { rebuildStatuses } from "../daily/refresh";
import { flush } from "../mail/ledger";
import { adopt, messageOf, periodsUpTo, type Run } from "../run/context";
import { beginJob, continueChain, endJob } from "../run/jobs";
import { PAUSED_NOTE, shareOf } from "../run/owner";
import { writeLists } from "../sheet/lists";
import { writeViews } from "../sheet/views";

/** what a roster link cell shows; the unit's prefilled form link is behind it */
const LINK_LABEL = "Mở biểu mẫu";

/** what setup did, finished or not */
interface SetupReport {
  changes: string[];
  /** what staff should put right, in Vietnamese (what stopped setup among them) */
  problems: string[];
  /** what staff must read in setup's answer, not only in the run log: a copy starting clean, paused, another's triggers */
  notices: string[];
}

/** setup finished, or the problem that stopped it; what it did either way */
type SetupResult = Result<void> & SetupReport;

type ColumnMoved = Extract<Problem, { code: "column-moved" }>;

/** the roster's columns as wide as what they hold: the names' column follows the longest name, within bounds */
function rosterWidths(units: Unit[]): number[] {
  const def = tabDefs(0).find((d) => d.name === TAB.units);
  const widths = [...(def?.widths ?? [])];
  const [name] = fitWidths(
    units.map((u) => [u.name]),
    [{ min: 200, max: 340 }],
  );
  widths[1] = name;
  return widths;
}

/** staff's own subject and body are kept; the list of placeholders follows the templates */
function templatesBlock(existing: { kind: MailKind; subject: string; body: string }[]): { rows: unknown[][]; templates: Template[] } {
  const templates = DEFAULT_TEMPLATES.map((d) => ({
    ...d,
    // a template as an earlier version wrote it, never edited, takes today's default
    ...existing.find((e) => e.kind === d.kind && e.subject.trim() && e.body.trim() && !isFormerDefault(e)),
  }));
  const rows: unknown[][] = templates.map((t) => [t.label, "", t.subject, t.body, t.kind]);
  rows.push(["", "", "", "", ""], ["Chỗ trống dùng được", "", "", "", ""]);
  for (const [k, v] of Object.entries(PLACEHOLDERS)) rows.push([`{{${k}}}`, v, "", "", ""]);
  return { rows, templates };
}

/**
 * A report tab's answer columns by field key, as they stand. Columns already there never move: a question new to the
 * spec gets a column at the end; a renamed question keeps its column under its new title; a column no question
 * claims is kept as it is. A tab of an earlier version without the edit-link column gets it inserted after the keys.
 */
function layoutColumns(store: Store, form: FormId, stored: string[] | undefined): { columns: string[]; moved: ColumnMoved[] } {
  const spec = SPECS[form];
  let head = (store.readBlock(spec.tab, "1:1")[0] ?? []).map((x) => String(x ?? ""));
  if (head[KEY_COLS - 1] !== KEY_HEADER[KEY_COLS - 1] && head[KEY_COLS - 2] === KEY_HEADER[KEY_COLS - 2]) {
    store.insertColumnsBefore(spec.tab, KEY_COLS, 1);
    store.writeRows(spec.tab, 1, [[KEY_HEADER[KEY_COLS - 1]]], KEY_COLS);
    head = [...head.slice(0, KEY_COLS - 1), KEY_HEADER[KEY_COLS - 1], ...head.slice(KEY_COLS - 1)];
  }
  if (head[3] === OLD_UNIT_HEADER) {
    // the unit column now holds the unit's name beside its code: its header says so
    store.writeRows(spec.tab, 1, [[KEY_HEADER[3]]], 4);
    head[3] = KEY_HEADER[3];
  }
  const moved: ColumnMoved[] = [];
  KEY_HEADER.forEach((h, i) => {
    if (head[i] !== h) moved.push({ code: "column-moved", tab: spec.tab, column: colLetter(i + 1), want: h, found: head[i] ?? "" });
  });
  if (moved.length) return { columns: stored ?? [], moved };
  while (head.length > KEY_COLS && !head[head.length - 1]) head.pop();
  const fields = answerFields(spec);
  const columns = head.slice(KEY_COLS).map((title, j) => {
    const byTitle = fields.find((f) => columnTitle(f) === title);
    // a title changed in the spec: the column stored for that key keeps its place
    return byTitle?.key ?? stored?.[j] ?? `?${title}`;
  });
  for (const f of fields) if (!columns.includes(f.key)) columns.push(f.key);
  // a column no question claims any more keeps the title it has
  const titles = columns.map((k, j) => {
    const f = fields.find((x) => x.key === k);
    return f ? columnTitle(f) : (head[KEY_COLS + j] ?? k.replace(/^\?/, ""));
  });
  if (titles.join("\n") !== head.slice(KEY_COLS).join("\n")) store.writeRows(spec.tab, 1, [titles], KEY_COLS + 1);
  return { columns, moved };
}

type SettingsResult = ReturnType<typeof parseSettings>;

/** what setup carries from stage to stage: the ports, the Sheet, the state as loaded and as it grows, the answer */
interface Setup {
  p: Ports;
  res: SetupReport;
  store: Store;
  /** the spreadsheet's id */
  id: string;
  loaded: { state: State };
  /** a Sheet copied from another: it starts clean */
  copy: boolean;
  /** what setup saves, built up stage by stage */
  patch: Partial<State>;
  state: State;
  me: string;
  /** the account whose triggers these are */
  owner: string;
  /** the product's look changed: tabs already there are restyled */
  restyle: boolean;
  /** the tabs made by this setup */
  created: string[];
}

/** what the stages after the settings are read work from */
interface Ready {
  run: Run;
  s: Settings;
  units: Unit[];
  editors: string[];
}

/** the mark, the state as loaded, a copied Sheet started clean */
function begin(p: Ports, res: SetupReport, store: Store, id: string): Setup {
  const loaded = p.state.load();
  // the mark before anything is made; a follow-up run 7 minutes on finishes a setup cut off (every step below
  // looks at what is already there, so doing it again makes nothing twice)
  beginJob(p, "setup", { safety: "runFollowUp" });
  // the views are written whole again (a tab made anew must not be skipped as unchanged)
  const patch: Partial<State> = { spreadsheetId: id, viewHashes: {} };
  // a Sheet copied with File → Make a copy brings the original's stored state: it starts clean instead, and never
  // writes into the original's forms or triggers
  const copy = !!loaded.state.spreadsheetId && loaded.state.spreadsheetId !== id;
  if (copy) {
    Object.assign(patch, {
      forms: {},
      choicesHash: {},
      pendingRollups: [],
      queue: { rows: 0, next: 0 },
      followUp: "done",
      lastReconcile: 0,
      reconciling: undefined,
      hourKey: undefined,
      triggerOwner: undefined,
    });
    p.state.clear(loaded.journal);
    res.notices.push(
      "Bảng tính này là bản sao: bắt đầu lại với biểu mẫu và trình kích hoạt riêng; biểu mẫu, trình kích hoạt của bảng tính gốc không bị đụng tới.",
    );
    // a copy of a Sheet that ran a season holds its roster, dates and records: nothing is mailed from it until staff
    // confirm they are this federation's (otherwise the original's units get the copy's reminders)
    if (loaded.state.lastReconcile > 0 || Object.keys(loaded.state.marks ?? {}).length) {
      patch.paused = { since: p.clock.now(), from: loaded.state.spreadsheetId };
      res.notices.push(PAUSED_NOTE);
    }
  }
  const state: State = { ...loaded.state, ...patch };
  const me = p.effectiveUser();
  // installable triggers belong to one account; only it sees and changes them
  const owner = state.triggerOwner || me;
  // the look (widths, wrapping, formats) is applied to tabs already there only when the product's look changed
  const restyle = state.look !== LOOK_VERSION;
  return { p, res, store, id, loaded, copy, patch, state, me, owner, restyle, created: [] };
}

/** 1. settings: keep what staff wrote, add rows for new settings */
function settingsTab(c: Setup): SettingsResult {
  const { p, store } = c;
  c.created.push(...p.workbook.prepare(store, tabDefs(0).slice(0, 1), c.restyle));
  const have = store.readSettingsRows();
  const settingsRows = SETTING_DEFS.map((d) => {
    const mine = have.find((r) => r.key === d.key);
    return [d.label, mine ? mine.value : settingCell(d, DEFAULT_SETTINGS[d.key]), d.help, d.key];
  });
  store.writeSettings(settingsRows);
  return parseSettings(
    settingsRows.map((r, i) => ({ key: String(r[3]), value: r[1], cell: `B${i + 2}` })),
    TAB.settings,
  );
}

/** 2. every other tab (the status tab sized for the roster); the roster as it stands */
function otherTabs(c: Setup): Unit[] {
  const { p, store, res, created } = c;
  created.push(...p.workbook.prepare(store, tabDefs(0).slice(1, 2), c.restyle));
  const { units, problems } = store.readUnits();
  res.problems.push(...problems);
  // the report tabs' formats fall on their answer columns as they stand
  created.push(...p.workbook.prepare(store, tabDefs(units.length, c.state.columns).slice(2), c.restyle));
  if (created.length) res.changes.push(`tạo trang: ${created.join(", ")}`);
  if (created.includes(TAB.preview)) {
    // until staff first ask for a preview, the tab says how
    const hint = "Chọn Báo cáo CĐCS → Xem trước thư hôm nay (không gửi): các thư sẽ gửi hiện ở đây, chưa thư nào được gửi.";
    store.writeRows(TAB.preview, 1, [[hint, ...PREVIEW_HEADER.slice(1).map(() => "")], PREVIEW_HEADER]);
  }
  return units;
}

/** record tabs made anew start their marks over; the mail log staff read written again when empty */
function recordTabs(c: Setup): void {
  const { p, store, patch, created } = c;
  // a record tab made anew (deleted by mistake): its marks start over, and the next daily run compares every
  // response the forms hold and reads the tabs whole, so that nothing the forms hold is missing
  const marks = { ...(c.state.marks ?? {}) };
  for (const [key, tab] of [
    ["registration", SPECS.registration.tab],
    ["monthly", SPECS.monthly.tab],
    ["ledger", TAB.ledger],
  ] as const) {
    if (c.loaded.state.spreadsheetId && created.includes(tab)) {
      delete marks[key];
      patch.fullPass = true;
    }
  }
  patch.marks = marks;
  // saved at once: a setup cut after making a record tab anew must not leave marks that point into the old one
  if (patch.fullPass) p.state.save({ marks, fullPass: true });
  if (!created.includes(TAB.ledger) && store.lastRow(TAB.mailLog) <= 1) {
    // the log staff read is empty (made anew, or a setup stopped before writing it): written again from the
    // product's own record
    const rows = store.readBlock(TAB.ledger, "A2:I");
    if (rows.length) {
      store.writeRows(TAB.mailLog, 2, rows);
      c.res.changes.push(`ghi lại ${rows.length} dòng nhật ký thư từ sổ thư của hệ thống`);
    }
  }
}

/** the report tabs' answer columns; the tabs whose columns moved take their formats again; the key columns moved */
function answerColumns(c: Setup, units: Unit[]): ColumnMoved[] {
  const { state, store } = c;
  const columns: State["columns"] = {};
  const keys: ColumnMoved[] = [];
  for (const form of FORM_IDS) {
    const l = layoutColumns(store, form, state.columns?.[form]);
    columns[form] = l.columns;
    keys.push(...l.moved);
  }
  c.res.problems.push(...keys.map(say));
  c.patch.columns = columns;
  // columns as they stand now differ from what the tabs were prepared for (a question added, a tab made anew): the
  // formats and widths of those tabs follow
  const moved = FORM_IDS.filter((f) => standingKeys(f, state.columns?.[f]).join("\n") !== (columns[f] ?? []).join("\n"));
  if (moved.length) {
    const tabs = new Set(moved.map((f) => SPECS[f].tab));
    c.p.workbook.prepare(
      store,
      tabDefs(units.length, columns).filter((d) => tabs.has(d.name)),
      true,
    );
  }
  return keys;
}

/** templates, themes, the dashboard's chart, the tabs' protection; who edits the product's tabs */
function staffTabs(c: Setup, parsed: SettingsResult): string[] {
  const { p, store, patch, res } = c;
  const tpl = templatesBlock(store.readTemplates().rows);
  store.writeRows(TAB.templates, 2, tpl.rows);
  patch.templates = tpl.templates;
  // the report's themes: the defaults once, then staff's own
  const themes = parseThemeRows(store.readTable(TAB.themes, THEMES_HEADER));
  if (!themes.themes.length && !themes.problems.length) {
    store.writeRows(TAB.themes, 2, themeRows(DEFAULT_THEMES));
    themes.themes = DEFAULT_THEMES;
  }
  patch.themes = themes.themes;
  res.problems.push(...themes.problems);
  p.workbook.chart(
    store,
    TAB.dashboard,
    `A2:A${2 + DASHBOARD_PERIODS}`,
    `K2:L${2 + DASHBOARD_PERIODS}`,
    "Tỷ lệ báo cáo và tỷ lệ đúng hạn theo kỳ",
  );
  // the product's tabs: the trigger owner and the staff edit them, nobody else
  const editors = [...new Set([c.owner, ...(parsed.ok ? parsed.value.staffEmails : [])].map((e) => e.toLowerCase()))];
  res.changes.push(...p.workbook.protectFor(store, tabDefs(0), editors));
  return editors;
}

/** the settings in force (periods already due keep their rules), the Sheet's zone and locale, the units' lists */
function unitsAndChoices(c: Setup, settings: Settings, units: Unit[], editors: string[]): Ready {
  const { p, store, patch, state } = c;
  const now = p.clock.now();
  const run: Run = { p, job: "Thiết lập", now, state: { ...state, ...patch } as State, journal: [], store };
  // periods already due keep the rules they had
  const s = adopt(run, settings).settings;
  patch.settings = s;
  patch.frozen = run.state.frozen;
  // dates in the Sheet show in the settings' zone, as the deadlines are counted; dates typed in are read day first
  p.workbook.zone(store, s.timeZone);
  p.workbook.locale(store, "vi_VN");
  if (c.restyle || c.created.includes(TAB.units)) p.workbook.shape(store, TAB.units, { widths: rosterWidths(units) });
  const listed: Run = { p, job: "Thiết lập", now, state: { ...state, heights: { ...(state.heights ?? {}) } }, journal: [], store };
  writeLists(listed, choicesFor(units, s, now).unit, periodsUpTo(s, now).reverse());
  state.heights = listed.state.heights;
  return { run, s, units, editors };
}

/** 3. forms from the specs, their dropdowns from the roster; 4. each unit's own links, one write for the roster */
function formsAndLinks(c: Setup, r: Ready): State["forms"] {
  const { p, patch, state, owner } = c;
  const { s, units } = r;
  const choices = choicesFor(units, s, r.run.now);
  const forms: State["forms"] = { ...state.forms };
  const hashes = { ...state.choicesHash };
  for (const form of FORM_IDS) {
    // a new form is recorded the moment it exists: a setup that fails later is rerun on it, never on another
    const created = (ref: FormRef) => p.state.save({ ...patch, forms: { ...forms, [form]: ref } });
    const made = p.forms.ensure(formSpecFor(SPECS[form], s), forms[form], {
      spreadsheetId: c.id,
      choices,
      editors: r.editors.filter((e) => e !== owner),
      created,
      lastHash: state.choicesHash?.[form],
    });
    forms[form] = made.ref;
    hashes[form] = p.forms.choicesHash(form, choices);
    c.res.changes.push(...made.changes);
  }
  patch.forms = forms;
  patch.choicesHash = hashes;
  if (units.length) {
    // a label with the 200-character link behind it: staff click it or copy it (Ctrl+K) without the cell growing
    const blank = { text: "", url: "" };
    const links = Array.from({ length: Math.max(...units.map((u) => u.row ?? 0)) - 1 }, () => [blank, blank]);
    for (const u of units)
      links[(u.row ?? 2) - 2] = FORM_IDS.map((f) => ({ text: LINK_LABEL, url: p.forms.prefilledLink(forms[f], unitChoice(u)) }));
    c.store.writeLinks(TAB.units, 2, 9, links);
  }
  return forms;
}

/** 5. triggers: one per form, one daily, one on edit, all the owner's: another account neither adds nor removes any */
function triggers(c: Setup, s: Settings, forms: State["forms"]): void {
  const { p, patch, state, owner, me, res } = c;
  if (owner === me) {
    const t = p.triggers.ensure(
      FORM_IDS.map((f) => (forms[f] as FormRef).id),
      c.id,
      s.dailyRunHour,
      s.timeZone,
      state.hourKey,
    );
    patch.hourKey = t.hourKey;
    // the owner needs no watchdog of its own (one made before it owned this Sheet, in a copy say, goes)
    if (state.triggerOwner !== me) p.triggers.drop("watch");
    patch.triggerOwner = me;
    res.changes.push(...t.changes);
  } else {
    const moved = state.hourKey !== `${s.dailyRunHour}@${s.timeZone}`;
    res.notices.push(
      `Trình kích hoạt thuộc tài khoản ${owner}: giữ nguyên, tài khoản ${me} không tạo thêm.${moved ? ` Giờ chạy hằng ngày đã đổi: tài khoản ${owner} chạy Thiết lập để áp dụng.` : ""}`,
    );
  }
}

/**
 * 6. the reports' Drive folder and the template staff restyle, made once, in the owner's Drive and shared with the
 * staff (edit) and the leaders (read): another account's code could not reach them (scope drive.file), so only the
 * owner's runs do Drive work
 */
function reports(c: Setup, s: Settings): void {
  const { p, state, owner, me, res } = c;
  if (owner === me) {
    const docs = p.documents.ensure(state.reports, s.reportFolder, TEMPLATE, shareOf(s, owner), (ref) => p.state.save({ reports: ref }));
    c.patch.reports = docs.ref;
    // a folder or template made again (staff trashed or deleted it) is said in the answer; the first making, in the log
    (state.reports ? res.notices : res.changes).push(...docs.changes.map(sayChange));
  } else
    res.changes.push(`Thư mục báo cáo trên Drive do tài khoản vận hành ${owner} tạo và chia sẻ: tài khoản ${me} không tạo thư mục riêng.`);
}

/** date warnings on the first setup; the state saved; the roster indexed; statuses and views written */
function warningsAndViews(c: Setup, r: Ready): void {
  const { p, patch, state, owner, me, res, store } = c;
  const { run, s, units } = r;
  // dates that cannot work as set, said on the first setup (before the first daily run sends anything)
  if (!c.loaded.state.invites || c.copy) {
    // a copy keeps the roster's history: the dates are judged from the day that roster was first read, not the copy's
    const today = localDay(run.now, s.timeZone);
    const since = c.loaded.state.frozen?.roster?.since;
    const warnings = dateWarnings(s, since && since < today ? since : today);
    res.problems.push(...warnings);
    if (warnings.length) p.ui.toast(store, warnings.join(" "));
  }
  patch.look = LOOK_VERSION;
  patch.sheetUrl = store.url();
  if (!state.ownerSince && owner === me) patch.ownerSince = run.now;
  p.state.save(patch);
  run.state = { ...run.state, ...patch } as State;
  indexUnits(run, units);
  noteRoster(run, store.readUnits().notes, units);
  p.state.save({ rosterHash: run.state.rosterHash, rosterNotesHash: run.state.rosterNotesHash, heights: run.state.heights });
  const rebuilt = rebuildStatuses(run);
  if (!rebuilt.ok) res.problems.push(say(rebuilt.problem));
  // the Zalo list and the dashboard from the statuses just written
  else res.problems.push(...writeViews(run, s));
}

/** the run's record, the log flushed, the mark cleared */
function record(c: Setup, r: Ready): SetupResult {
  const { p, res } = c;
  p.state.record("run", {
    job: "Thiết lập",
    result: res.problems.length ? "xong, có ghi chú" : "xong",
    detail: [...res.notices, ...res.changes, ...res.problems].join("\n") || "Không có thay đổi.",
  });
  try {
    flush(r.run, r.s.timeZone);
  } catch (e) {
    res.problems.push(messageOf(e));
  }
  endJob(p, "setup");
  // the follow-up run scheduled when setup started is not needed: the follow-ups the state asks for, or none
  continueChain(p);
  return { ...ok(undefined), ...res };
}

/** setup stops short (`why`, said among its problems): what it did is saved, the mark cleared */
function stop(c: Setup, why: Problem): SetupResult {
  endJob(c.p, "setup", c.patch);
  continueChain(c.p);
  return { ...fail(why), ...c.res };
}

export function setup(p: Ports): SetupResult {
  const res: SetupReport = { changes: [], problems: [], notices: [] };
  const refused = (why: Problem): SetupResult => {
    res.problems.push(say(why));
    return { ...fail(why), ...res };
  };
  if (!p.lock.acquire(30000)) return refused({ code: "busy" });
  try {
    const active = p.active();
    if (!active) return refused({ code: "no-sheet", action: "Thiết lập" });
    const c = begin(p, res, active.store, active.id);
    const parsed = settingsTab(c);
    const units = otherTabs(c);
    recordTabs(c);
    // a key column moved: nothing is read or written by position until staff put it back
    const moved = answerColumns(c, units);
    if (moved.length) return stop(c, moved[0]);
    const editors = staffTabs(c, parsed);
    if (!parsed.ok) {
      res.problems.push(...parsed.problem.map(say));
      return stop(c, { code: "settings", errors: parsed.problem });
    }
    const r = unitsAndChoices(c, parsed.value, units, editors);
    const forms = formsAndLinks(c, r);
    triggers(c, r.s, forms);
    reports(c, r.s);
    warningsAndViews(c, r);
    return record(c, r);
  } finally {
    p.lock.release();
  }
}
