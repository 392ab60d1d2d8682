// What the use cases need from the outside world. Apps Script adapters (src/gas) implement these.
import type { FormId } from "../domain/forms";
import type { Settings, SettingsRow } from "../domain/settings";
import type { Version } from "../domain/status";
import type { MailKind, Template } from "../domain/templates";
import type { Unit } from "../domain/units";

/** what staff read when another run holds the lock */
export const BUSY = "Một lần chạy khác đang giữ khóa; thử lại sau ít phút.";

export interface Clock {
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

/** derived state the product keeps beside the Sheet (script properties) */
export interface State {
  spreadsheetId: string;
  settings: Settings | null;
  templates: Template[];
  forms: Partial<Record<FormId, FormRef>>;
  /** height of blocks last written, so a rewrite blanks what it no longer needs */
  heights: Record<string, number>;
  /** first row of the monthly tab at the start of each month: where a period's reports can begin */
  checkpoints: Record<string, number>;
  /** what the forms' dropdowns last got, to write them only on change */
  choicesHash: Partial<Record<FormId, string>>;
  lastReconcile: number;
  /** the daily clock trigger's hour and zone, to replace it when the settings change */
  hourKey?: string;
  /** rollups the daily job found due, for the rollup run */
  pendingRollups: string[];
  /** the daily job stopped before its 6 minutes ran out: the follow-up run finishes it */
  more?: boolean;
  /** the account whose installable triggers run the product (only it sees and changes them) */
  triggerOwner?: string;
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
  period: string;
  to: string[];
  cc: string[];
  subject: string;
  result: string;
  sent: boolean;
}

export interface RunRecord {
  job: string;
  result: string;
  detail: string;
}

export interface StateStore {
  load(): { state: State; journal: JournalEntry[] };
  save(patch: Partial<State>): void;
  record(type: JournalEntry["type"], data: MailRecord | RunRecord): void;
  clear(entries: JournalEntry[]): void;
}

export interface Store {
  readSettingsRows(): SettingsRow[];
  writeSettings(rows: unknown[][]): void;
  readTemplates(): { rows: { kind: MailKind; subject: string; body: string }[] };
  readUnits(): { units: Unit[]; problems: string[] };
  readVersions(form: FormId, fromRow?: number): { versions: Version[]; rows: unknown[][]; lastRow: number };
  hasKey(form: FormId, key: string): boolean;
  appendVersion(form: FormId, row: unknown[]): void;
  writeRows(tab: string, startRow: number, rows: unknown[][], startCol?: number): void;
  appendLog(tab: string, rows: unknown[][]): void;
  writeTab(tab: string, rows: unknown[][], capacity: number): number;
  readTable(tab: string, header: string[], width?: number): unknown[][];
  readBlock(tab: string, a1: string): unknown[][];
}

export interface OutgoingMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  attachment?: { name: string; html: string };
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

export interface Choices {
  unit: string[];
  month: string[];
}

export interface FormGateway {
  /** `editors`: accounts that must be able to open the form (the staff, the trigger owner) */
  ensure(
    form: FormId,
    ref: FormRef | undefined,
    spreadsheetId: string,
    c: Choices,
    editors?: string[],
    /** called as soon as a new form exists, before its questions are made */
    created?: (ref: FormRef) => void,
  ): { ref: FormRef; changes: string[] };
  syncChoices(form: FormId, ref: FormRef, c: Choices, lastHash: string | undefined): string | undefined;
  /** what syncChoices compares: the dropdowns' content as a short hash */
  choicesHash(form: FormId, c: Choices): string;
  /** responses stored in the form since an instant (reconcile) */
  responsesSince(ref: FormRef, since: number): RawResponse[];
  read(event: unknown, refs: Partial<Record<FormId, FormRef>>): { form: FormId; response: RawResponse } | null;
  prefilledLink(ref: FormRef | undefined, unitChoice: string, monthChoice?: string): string;
}

export interface Triggers {
  ensure(
    formIds: string[],
    spreadsheetId: string,
    hour: number,
    timeZone: string,
    hourKey: string | undefined,
  ): { changes: string[]; hourKey: string };
  /** a follow-up run a minute from now: the rest of the daily job (state.more), else the rollups */
  scheduleFollowUp(): void;
  clearFollowUps(): void;
}

export interface Ui {
  alert(title: string, message: string): void;
  prompt(title: string, message: string): string | null;
  toast(store: Store, message: string): void;
}

export interface Ports {
  clock: Clock;
  state: StateStore;
  open(spreadsheetId: string): Store;
  active(): { store: Store; id: string } | null;
  mailer: Mailer;
  lock: Lock;
  forms: FormGateway;
  triggers: Triggers;
  ui: Ui;
  /** the user running a menu action, for the record */
  user(): string;
  /** the account this run acts as (the staff member who clicked, or the trigger's owner) */
  effectiveUser(): string;
  /** what the self-check reads from Google */
  probes: Probes;
  workbook: Workbook;
  newId(): string;
}

export interface Workbook {
  /** the tabs as described: created when missing, formatted; returns the names created */
  prepare(store: Store, defs: import("./tabs").TabDef[]): string[];
  zone(store: Store, timeZone: string): void;
  /** the spreadsheet's locale: how Sheets reads dates and numbers typed into it */
  locale(store: Store, locale: string): void;
  /** who may edit the protected tabs: exactly these accounts (and the file's owner, whom Google never lists) */
  protectFor(store: Store, defs: import("./tabs").TabDef[], editors: string[]): string[];
  /** a line chart of the dashboard's rates, made once */
  chart(store: Store, tab: string, labels: string, series: string, title: string): void;
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
}
