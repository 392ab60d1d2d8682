// What the use cases need from the outside world. Apps Script adapters (src/gas) implement these.
import type { GroupRow } from "./domain/dashboard";
import type { FormId } from "./domain/forms";
import type { FormSpec } from "./domain/forms/spec";
import type { FormTexts } from "./domain/forms/texts";
import type { Look, TabDef } from "./domain/layout";
import type { DocChange, TemplateProblem } from "./domain/problems";

export type { Look } from "./domain/layout";

import type { Report } from "./domain/report/report";
import type { TemplateSpec } from "./domain/report/template";
import type { Theme } from "./domain/report/themes";
import type { Frozen } from "./domain/rules";
import type { Invites } from "./domain/schedule";
import type { Settings, SettingsRow } from "./domain/settings";
import type { MailKind, Template } from "./domain/templates";
import type { Unit } from "./domain/units";

interface Clock {
  now(): number;
}

/** what setup learnt about a form: ids of Google's objects and the prefilled-link pattern */
export interface FormRef {
  id: string;
  /** spec key -> Google item id */
  items: Record<string, number>;
  /** published url with {{unit}} / {{month}} where the prefilled values go */
  prefill: string;
  publishedUrl: string;
  /** spec key -> the question's entry id in prefilled links (read from a prefilled url Google made; not the item id) */
  entries?: Record<string, string>;
}

/** where a record tab's rows stand: the first row at the start of each month and at each day's run, the first row not yet read */
export interface TabMarks {
  months: Record<string, number>;
  days: Record<string, number>;
  cursor: number;
}

/** the status tab's shape: unit rows in roster order then departed units, monthly periods newest first from column E */
export interface StatusLayout {
  /** codes of the unit rows, as a hash of the sequence, and how many */
  rowsHash: string;
  rows: number;
  /** units that left the roster: kept at the bottom with the periods they counted in */
  departed: string[];
  /** monthly periods in column order from E (newest first) */
  periods: string[];
  /** hash of each written column, to write only what changed; of the codes, names and groups written */
  hashes: Record<string, string>;
  namesHash: string;
}

/** derived state the product keeps beside the Sheet (script properties) */
export interface State {
  spreadsheetId: string;
  settings: Settings | null;
  templates: Template[];
  forms: Partial<Record<FormId, FormRef>>;
  /** what the forms' dropdowns last got, to write them only on change */
  choicesHash: Partial<Record<FormId, string>>;
  /** the instant up to which the forms' responses have been compared with the tabs */
  lastReconcile: number;
  /**
   * a reconcile pass its runs' clocks cut short: the window's start, when the pass began (`lastReconcile` once it ends),
   * and per form how far Google's list was compared (`last`: the id of the response it stopped after; `total`: the
   * list's length then), or that it is done
   */
  reconciling?: {
    since: number;
    upTo: number;
    forms: Partial<Record<FormId, { n: number; last: string; total: number; done?: boolean }>>;
  };
  /** the next daily run compares every response the forms hold and reads the tabs whole (a tab was recreated; asked by staff) */
  fullPass?: boolean;
  /** the daily clock trigger's hour and zone, to replace it when the settings change */
  hourKey?: string;
  /** the rules of periods already due */
  frozen?: Frozen;
  /** the first row of the mail ledger not yet copied to the mail log staff read */
  logCursor?: number;
  /** when the settings in `settings` took effect */
  settingsSince?: number;
  /** per record tab ("registration", "monthly", "ledger") */
  marks: Record<string, TabMarks>;
  /** answer columns of each report tab by field key, in the order they stand (a stored column never moves) */
  columns: Partial<Record<FormId, string[]>>;
  status?: StatusLayout;
  /** hash of the roster's codes, to rebuild the unit index only when it changed; of the notes written beside it */
  rosterHash?: string;
  rosterNotesHash?: string;
  /** rollups the daily job found due, for the rollup run */
  pendingRollups: string[];
  /** mails a run cut short by its clock left for the follow-up run: rows of the queue tab, and the next to send */
  queue: { rows: number; next: number };
  /**
   * when the MailApp quota's current window began, as the daily job's runs saw it (their first send after the last
   * window ended): the quota comes back 24 hours later
   */
  quotaFrom?: number;
  /** the day's mails the quota held back: how many keys stand in the queue tab's column C, and for which day */
  held?: { day: string; n: number };
  /**
   * what the next follow-up run does: the rest of the mails and the logs, the rest of the reconcile, the Zalo list and
   * the dashboard, the rollups, the archive; "done" when nothing is left
   */
  followUp?: "send" | "reconcile" | "views" | "rollups" | "archive" | "done";
  /** height of blocks last written, so a rewrite blanks what it no longer needs */
  heights: Record<string, number>;
  /** hash of what the views last wrote in each tab (the Zalo list, the dashboard, the lists): a quiet day writes less */
  viewHashes?: Record<string, string>;
  /** the reports' Drive folder and template, and the document made for each rollup */
  reports?: ReportsRef;
  /** the report's themes as the themes tab last read (setup, or the edit trigger) */
  themes?: Theme[];
  /** the account whose installable triggers run the product (only it sees and changes them): the owner */
  triggerOwner?: string;
  /** when it became the owner (its first setup, or a takeover) */
  ownerSince?: number;
  /** keys of the alerts already sent to staff (the newest), so that none goes twice */
  alerts?: string[];
  /** responses whose urgent mail could not go when they were stored (the quota): the daily run sends them */
  urgentOwed?: string[];
  /** the Sheet's address, for mails to staff */
  sheetUrl?: string;
  /** a copy of a Sheet that ran a season: it sends nothing until staff confirm its roster and dates */
  paused?: { since: number; from: string };
  /** when invitations to register go out: from the first day the product had a roster, and units added to it later */
  invites?: Invites;
  /** the archive spreadsheet of each year */
  archives?: Record<number, { id: string; url: string }>;
  /** the last month whose reports and statuses are archived ("2018-12"); the logs' rows before this month are */
  archivedThrough?: string;
  archivedLogsBefore?: string;
  /** a move to the archive under way: journalled before it acts, cleared once its rows are copied, checked and deleted */
  archiving?: ArchiveMove;
  /** a closed year's archive under way: the steps done so far (reports, statuses, rollup tabs) */
  archivingYear?: { year: number; done: string[] };
  /** the daily job found something to archive: the follow-up runs do it */
  archiveDue?: boolean;
  /** the figures by Khối of registration and the newest months, as last computed: the dashboard's table */
  byGroup?: Record<string, GroupRow[]>;
  /** forms no longer linked to a response tab in the Sheet (the instant they were unlinked) */
  unlinked?: Partial<Record<FormId, number>>;
  /** the month the response tabs were last measured */
  responseTabsChecked?: string;
  /** the version of the tabs' look setup last applied (widths, wrapping, formats): applied again when it changes */
  look?: number;
  /** what went wrong that staff must see, until it is put right: the start tab and the alerts say it */
  problems?: OpenProblem[];
  /** rows the start tab's block of problems took when last written (blanked when it shrinks) */
  problemRows?: number;
}

/** rows moving to an archive spreadsheet: what is moved, from where, to where, and how many rows the targets held before */
export interface ArchiveMove {
  /** the tab the rows leave, and the record tab whose marks move with them */
  tab: string;
  marks?: "registration" | "monthly" | "ledger";
  /** rows 2..n+1, the keys (column A) of the first and the last: checked before the delete, never trusted by position */
  n: number;
  first: string;
  last: string;
  /** each archive's id, its tab's last row before the copy, and the rows it takes */
  to: { year: number; id: string; before: number; n: number }[];
  /** the mail log's cursor moves with the ledger's rows */
  logCursor?: boolean;
}

/** something that stopped and staff must know: said on the start tab and, once a day, in an alert */
export interface OpenProblem {
  /** what it is about (a job, a file): the same key replaces the line */
  key: string;
  since: number;
  text: string;
  /** what staff do */
  todo: string;
}

/** a job's mark: written before the job acts, cleared when it ends; the next run finds a run that never ended */
export interface JobMark {
  at: number;
  /** runs that started without the previous one ending */
  tries: number;
  /** what the job was asked (a sidebar action's request), to finish it as asked */
  arg?: unknown;
}

export interface ReportsRef {
  folderId: string;
  folderName: string;
  templateId: string;
  /** the template is being laid out (a run cut then left it half-made: it is trashed and made again) */
  templateDraft?: boolean;
  /** the folder's id is recorded, the folder maybe not made yet (a run cut in between: made under that id) */
  folderDraft?: boolean;
  /** the account whose Drive holds the folder and the template (the owner when they were made) */
  owner?: string;
  /** who the folder was last shared with (a hash): shared again only when that changes */
  sharedHash?: string;
  /** rollup key -> the report's document; `filling`: copied from the template, not yet filled (a run stopped there) */
  docs: Record<string, { id: string; url: string; name: string; filling?: boolean }>;
}

export interface JournalEntry {
  /** property key */
  id: string;
  type: "mail" | "run";
  at: number;
  data: MailRecord | RunRecord;
}

export interface MailRecord {
  key: string;
  kind: string;
  unit: string;
  /** the unit's name, shown beside its code in the mail log */
  name?: string;
  period: string;
  to: string[];
  cc: string[];
  subject: string;
  result: string;
  sent: boolean;
  /**
   * written before the mail goes: the quota the sending account should have left once it has gone, and that account.
   * A record still pending after its run ended is settled by the quota the next run finds.
   */
  pending?: { after: number; by: string; since: number };
}

export interface RunRecord {
  job: string;
  result: string;
  detail: string;
}

/** the last start of each job by the owner's triggers: the watchdogs read it */
export interface Beat {
  at: number;
  by: string;
}

/** a staff account that has authorised the product (ran setup or a menu action as itself) */
export interface StaffAccount {
  /** when it first acted */
  since: number;
  /** when its code last ran (its watchdog, a menu action) */
  seen: number;
  /** the daily hour and zone its watchdog trigger was made for */
  watch?: string;
}

export interface StateStore {
  load(): { state: State; journal: JournalEntry[] };
  /** the jobs whose last run started and never ended (as last loaded) */
  jobs(): Record<string, JobMark>;
  /** a job's mark, written before it acts (one call) */
  begin(job: string, mark: JobMark): void;
  /** each job's last start (its own property: written without the lock, read with the state) */
  beats(): Record<string, Beat>;
  beat(job: string, b: Beat): void;
  /** the staff accounts that have authorised (each its own property: an account writes only its own) */
  accounts(): Record<string, StaffAccount>;
  account(email: string, a: StaffAccount): void;
  /** merges into the state (one call); `done`: the jobs whose marks are cleared in the same call */
  save(patch: Partial<State>, done?: string[]): void;
  record(type: JournalEntry["type"], data: MailRecord | RunRecord): void;
  /**
   * journal entries written in one call, returning their ids: an entry with an id replaces that entry, one with
   * `data: null` removes it
   */
  write(entries: { id?: string; type: JournalEntry["type"]; data: MailRecord | RunRecord | null; at?: number }[]): string[];
  clear(entries: JournalEntry[]): void;
  /** the roster's codes in row order (row = index + 2), kept beside the state for the submit handler */
  saveUnitIndex(codes: string[]): void;
  unitRow(code: string): number | null;
  /** the codes of the index as last saved (blank rows left out) */
  unitCodes(): string[];
}

/** a cell showing `text` with `url` behind it */
export interface LinkCell {
  text: string;
  url: string;
}

export interface Store {
  /** the spreadsheet's name */
  name(): string;
  /** its address, for mails to staff */
  url(): string;
  readSettingsRows(): SettingsRow[];
  readUnits(): { units: Unit[]; problems: string[]; notes: Map<number, string[]> };
  /** one roster row, or null when it holds no unit */
  readUnitRow(row: number): Unit | null;
  writeSettings(rows: unknown[][]): void;
  readTemplates(): { rows: { kind: MailKind; subject: string; body: string }[] };
  /** rows under a header checked cell by cell: a moved or renamed column stops the job, named */
  readTable(tab: string, header: string[], width?: number, lastRow?: number): unknown[][];
  /** one range read; trailing blank rows dropped; a missing tab is named */
  readBlock(tab: string, a1: string): unknown[][];
  /** one block write; the tab grows first when the block runs past its end */
  writeRows(tab: string, startRow: number, rows: unknown[][], startCol?: number): void;
  /** each cell's number format in a block (one call): a tab copied with how its numbers read */
  readFormats(tab: string, a1: string): string[][];
  /** number formats on a block from (row, col), one call */
  writeFormats(tab: string, row: number, col: number, formats: string[][]): void;
  /**
   * one block of labels with a link behind each (rich text, one Sheets write): a 200-character form link shows as its
   * label; a cell with no url is left blank
   */
  writeLinks(tab: string, startRow: number, startCol: number, cells: LinkCell[][]): void;
  /** after the last row of the tab (`afterRow`: the last row, when the caller knows it) */
  appendRows(tab: string, rows: unknown[][], afterRow?: number): void;
  /** the row of the first cell of a column equal to `text`, searched by Sheets itself */
  findRow(tab: string, col: number, text: string): number | null;
  findRows(tab: string, col: number, text: string): number[];
  insertColumnsBefore(tab: string, col: number, n: number): void;
  deleteColumns(tab: string, col: number, n: number): void;
  deleteRows(tab: string, row: number, n: number): void;
  /**
   * writes a block into a tab made on demand (rollup tabs); returns the tab's row capacity. `fit`: a tab made now keeps
   * only the block's columns (an archive's long tabs would otherwise carry a new sheet's 26 columns on every row)
   */
  writeTab(tab: string, rows: unknown[][], capacity: number, fit?: boolean): number;
  hasTab(tab: string): boolean;
  /** the last row holding anything (one call) */
  lastRow(tab: string): number;
  /** a tab removed (a closed year's rollup tabs, once their copy is in the archive) */
  deleteTab(tab: string): void;
}

export interface OutgoingMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** a Google Doc, attached as PDF */
  attachment?: { documentId: string };
}

export interface Mailer {
  remaining(): number;
  send(m: OutgoingMail, settings: Settings): void;
}

export interface Lock {
  acquire(ms: number): boolean;
  release(): void;
}

export interface RawResponse {
  responseId: string;
  at: number;
  email: string;
  raw: Record<string, unknown>;
  editUrl: string;
}

/** a response as the reconcile sees it: nothing is asked of Google until the reconcile reaches it */
export interface ResponseStub {
  /** its id (a Forms call the first time) */
  id(): string;
  /** its time (a Forms call the first time) */
  at(): number;
  /** reads the answers: only for a response the tabs do not hold */
  read(): RawResponse;
}

export interface Choices {
  unit: string[];
  month: string[];
}

/** what a form is made or brought in line for: the Sheet it writes to, its dropdowns, who opens it */
export interface FormTarget {
  spreadsheetId: string;
  choices: Choices;
  /** accounts that must be able to open the form (the staff, the trigger owner) */
  editors?: string[];
  /** called as soon as a new form exists, before its questions are made */
  created?: (ref: FormRef) => void;
  /** the dropdowns' hash as last written: when it still matches, the roster's choices are not read back one by one */
  lastHash?: string;
}

export interface FormGateway {
  /** the form made or brought in line with its spec, its texts as the settings have them (`formSpecFor`) */
  ensure(spec: FormSpec, ref: FormRef | undefined, target: FormTarget): { ref: FormRef; changes: string[] };
  syncChoices(form: FormId, ref: FormRef, c: Choices, lastHash: string | undefined): string | undefined;
  /** what syncChoices compares: the dropdowns' content as a short hash */
  choicesHash(form: FormId, c: Choices): string;
  /** responses stored in the form since an instant (reconcile), in Google's order, each read only when asked */
  responsesSince(ref: FormRef, since: number): ResponseStub[];
  /** the form stops writing to its response tab in the Sheet (it keeps every response in its own store) */
  unlink(ref: FormRef): void;
  read(event: unknown, refs: Partial<Record<FormId, FormRef>>): { form: FormId; response: RawResponse } | null;
  prefilledLink(ref: FormRef | undefined, unitChoice: string, monthChoice?: string): string;
  /** a form's texts that follow the settings, only those given: description, page after submitting, help by question key */
  writeTexts(ref: FormRef, texts: Partial<FormTexts>): void;
}

export type FollowUpHandler = "runFollowUp" | "runRollup" | "runArchive";

interface Triggers {
  ensure(
    formIds: string[],
    spreadsheetId: string,
    hour: number,
    timeZone: string,
    hourKey: string | undefined,
  ): { changes: string[]; hourKey: string };
  /** a follow-up run a minute from now: the rest of the daily job's mails, the logs, then the rollups */
  scheduleFollowUp(handler?: FollowUpHandler, minutes?: number): void;
  clearFollowUps(): void;
  /** this account's watchdog trigger (an hour after the daily run), made or moved; true when made */
  ensureWatch(hour: number, timeZone: string, key: string, oldKey: string | undefined): boolean;
  /** this account's own triggers of the owner's work, or its watchdog, removed; how many */
  drop(which: "owner" | "watch"): number;
}

interface Ui {
  alert(title: string, message: string): void;
  /** the sidebar opened on one of its sections, beside the Sheet (choices are made there, not in prompts) */
  sidebar(section: string): void;
  toast(store: Store, message: string): void;
}

/** a short-lived memory shared by runs (hours): what the submit handler has just stored */
interface Recent {
  has(key: string): boolean;
  add(keys: string[]): void;
}

/** the reports as Google Docs in a Drive folder, made from a template staff restyle */
export interface ReportDocs {
  /**
   * the folder and the template, made once by the account running (the owner); a folder renamed in the settings is
   * renamed in Drive; the folder shared with `share` (staff edit, leaders read: every report in it follows)
   */
  ensure(
    ref: ReportsRef | undefined,
    folderName: string,
    template: TemplateSpec,
    share: { writers: string[]; readers: string[] },
    /** called as soon as the folder or the template is made, so that a run cut after it never makes them twice */
    made?: (ref: ReportsRef) => void,
  ): {
    ref: ReportsRef;
    /** what was made, renamed, shared, or found lost and made again (worded by the app: sayChange) */
    changes: DocChange[];
  };
  /** an id for a document not made yet: recorded before the copy, so a run cut after it knows the copy it made */
  newId(): string;
  /** a copy of the template in the folder, named, under that id (not filled yet) */
  copy(ref: ReportsRef, name: string, id: string): { id: string; url: string };
  /** the copy filled with the report; what staff should know about the template it was made from */
  fill(id: string, ref: ReportsRef, report: Report): TemplateProblem[];
  /** a copy a run left half-filled, to the trash */
  trash(id: string): void;
  /** the fields the template holds, and the marks written wrong in it */
  fields(templateId: string): { found: string[]; broken: string[] };
}

export interface Ports {
  clock: Clock;
  state: StateStore;
  open(spreadsheetId: string): Store;
  /** another spreadsheet of the product's (an archive) */
  openOther(spreadsheetId: string): Store;
  /** a new spreadsheet in the Drive of the account the run acts as, shared with `editors` */
  createSpreadsheet(name: string, editors: string[]): { store: Store; id: string; url: string };
  active(): { store: Store; id: string } | null;
  mailer: Mailer;
  lock: Lock;
  forms: FormGateway;
  triggers: Triggers;
  ui: Ui;
  recent: Recent;
  /** the user running a menu action, for the record */
  user(): string;
  /** the account this run acts as (the staff member who clicked, or the trigger's owner) */
  effectiveUser(): string;
  /** what the self-check reads from Google */
  probes: Probes;
  workbook: Workbook;
  newId(): string;
  documents: ReportDocs;
}

interface Workbook {
  /** the tabs as described: created when missing; their look applied when new or `restyle`; returns the names created */
  prepare(store: Store, defs: TabDef[], restyle?: boolean): string[];
  zone(store: Store, timeZone: string): void;
  /** the spreadsheet's locale: how Sheets reads dates and numbers typed into it */
  locale(store: Store, locale: string): void;
  /** who may edit the protected tabs: exactly these accounts (and the file's owner, whom Google never lists) */
  protectFor(store: Store, defs: TabDef[], editors: string[]): string[];
  /** a line chart of the dashboard's rates, made once */
  chart(store: Store, tab: string, labels: string, series: string, title: string): void;
  /** a chart kept under its title: made once, then updated in place (its range and place follow its table) */
  placeChart(
    store: Store,
    tab: string,
    chart: { a1: string; title: string; type: "COLUMN" | "LINE"; row: number; col: number; transpose?: boolean },
  ): void;
  /** notes on a block of cells from (row, col), one call; an empty note removes the cell's note */
  notes(store: Store, tab: string, row: number, col: number, notes: string[][]): void;
  /**
   * The tab `first` first (and active when `focus`); the empty tab a new spreadsheet comes with removed; the forms' own
   * response tabs last, readable. Returns what changed.
   */
  arrange(store: Store, first: string, focus: boolean): string[];
  /** a tab the product writes whole, made readable: widths (pixels), wrapped columns, bold rows, frozen rows */
  shape(store: Store, tab: string, look: Look): void;
  /** Google's response tabs: the tabs forms write to (the form's url), and how many grid cells each holds */
  responseTabs(store: Store): { name: string; formUrl: string; cells: number }[];
  /** a tab removed */
  drop(store: Store, tab: string): void;
}

/** a form as Google reports it, for the self-check */
export interface FormFacts {
  /** item id -> Google's item type name */
  types: Record<number, string>;
  /** null where the account's Apps Script has no isPublished() */
  published: boolean | null;
  accepting: boolean;
  /** null where the account's Apps Script has no getEmailCollectionType() */
  emailCollection: string | null;
  /** anyone with the link may respond; null for a legacy form (no responder settings: open to anyone with the link) */
  anyone: boolean | null;
}

export interface TriggerFacts {
  handler: string;
  type: string;
  source: string;
}

/** facts read from the live account; the self-check judges them */
export interface Probes {
  /** the form, or why it cannot be opened */
  form(ref: FormRef): FormFacts | { error: string };
  /** Google's own prefilled url for these answers (spec key -> choice) */
  prefill(ref: FormRef, answers: Record<string, string>): string;
  /** the current account's triggers of this project */
  triggers(): TriggerFacts[];
  sheet(store: Store): { locale: string; timeZone: string; cells: number; protectedTabs: { tab: string; canEdit: boolean }[] };
  mailQuota(): number;
  /** an HTML page turned into a PDF, in memory only: its content type and size */
  pdf(html: string): { contentType: string; bytes: number };
  properties(): { total: number; largest: number };
  /** Google's own formatting of an instant in a zone (Utilities.formatDate), to hold the product's arithmetic to it */
  formatDate(ms: number, timeZone: string, pattern: string): string;
}

/** one run of a job: its ports, its name, when it began, the state and journal it loaded, the Sheet it opened */
export interface Run {
  p: Ports;
  job: string;
  /** when the run began: every date the run reasons about is taken from here */
  now: number;
  state: State;
  journal: JournalEntry[];
  store: Store;
}
