// The stand-in's world: Google's services in memory, the people who use them, a clock, and a vm context per
// execution that holds only Apps Script's globals. Every execution runs as an account (the staff member who clicks,
// or a trigger's owner), and Google answers in that account's language.
import vm from "node:vm";
import { makeDocs } from "./documents/docs-api.js";
import { makeDocumentApp } from "./documents/documents.js";
import { makeDrive } from "./documents/drive.js";
import { type FormModel, makeFormApp, publishedUrl, type ResponseModel, StandinForm, StandinFormResponse } from "./forms/forms.js";
import { enumOf, google } from "./google.js";
import { makeHtmlService, type ShownSidebar } from "./html.js";
import { makeLockService } from "./lock.js";
import { makeMailApp, type SentMail } from "./mail.js";
import { type Language, message } from "./messages.js";
import { Meter, type ServiceName } from "./meter.js";
import { makeCache, makeProperties } from "./properties.js";
import { makeScriptApp, type TriggerModel } from "./script.js";
import { makeLogger, makeSession, StandinUser } from "./session.js";
import { formatDate } from "./spreadsheet/format-date.js";
import { CELL_LIMIT, SheetModel, SpreadsheetModel, StandinSheet } from "./spreadsheet/spreadsheet.js";
import { makeSpreadsheetApp } from "./spreadsheet/spreadsheet-app.js";
import { makeUtilities } from "./utilities.js";

export type { SentMail, TriggerModel };

/** the one part of Charts the bundle touches: chart types, for a sheet's embedded chart */
const charts: Pick<GoogleAppsScript.Charts.Charts, "ChartType"> = {
  ChartType: enumOf<typeof GoogleAppsScript.Charts.ChartType>(["LINE", "COLUMN", "BAR"]),
};

/** the hook standin/simulation/snapshot.ts calls on a copied world (a registered symbol: the same there, without an import) */
const AFTER_CLONE: unique symbol = Symbol.for("standin.snapshot.afterClone");

export interface WorldOptions {
  now?: number;
  scriptTimeZone?: string;
  mailQuota?: number;
  /** the account that owns the Sheet and runs setup by default */
  owner?: string;
  /** the Sheet's other editors: the federation's staff */
  staff?: string[];
  /** the language of every account unless set per account (Vietnamese: the federation works in it) */
  language?: Language;
}

export interface RunResult {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** one execution of the script: who it runs as, whether it came from the UI, its own global scope */
interface Frame {
  id: number;
  user: string;
  ui: boolean;
  /** the handler this execution runs (a crash plan names it) */
  fn?: string;
  /** calls made on Google's services in this execution, and the call at which Google stops it */
  calls: number;
  /** when it started, on the world's clock: Google ends it after `runLimitMs` */
  startedAt: number;
  stopAt?: number;
  stopped?: string;
  ctx: vm.Context | null;
  date: ((ms: number) => Date) | null;
  array: (() => unknown[]) | null;
  object: (() => Record<string, string>) | null;
  /** the global scope's own record, when it goes back to the pool once the execution ends */
  scope?: Scope;
}

/**
 * A global scope once the bundle's files ran in it: the context, what its own globals held then (to bring it back to
 * exactly that), and the helpers the stand-in makes values of that scope with.
 */
interface Scope {
  ctx: vm.Context;
  scripts: readonly vm.Script[];
  /** every own global the files defined, with its value; null when one holds an object a run could change in place */
  base: [string, unknown][] | null;
  date: (ms: number) => Date;
  array: () => unknown[];
  object: () => Record<string, string>;
  /** removes a global from inside the scope (a delete from outside leaves V8's copy on the global object) */
  unset: (name: string) => void;
}

/** globals the stand-in itself puts in a scope (set again for each execution), beside the services */
const STANDIN_GLOBALS = new Set(["console", "__clock"]);

/**
 * Scopes no execution is using, by the last file they hold. A scope is reset before each use to what it held right
 * after its files ran: every global the files defined gets its value back, anything a run added is removed, and the
 * services are the world's of this execution. The bundle's files define only functions and primitives at their top
 * level (tools/build.ts: the module is evaluated lazily by the first call, its cache a top-level `var` that the reset
 * empties), so a reset scope is a fresh one: a run still evaluates the whole module and finds nothing a run before it
 * left. What a reuse keeps is V8's compiled and optimised code, which a fresh context throws away: without it every
 * run of a test runs cold. A file whose top level holds an object is never reused (its `base` is null).
 */
const idleScopes = new WeakMap<vm.Script, Scope[]>();
/** a bundle compiled once per process, whichever world loads it */
const compiled = new Map<string, vm.Script>();

/** what Google holds whatever script project looks at it: shared by a Sheet and its copies */
class Universe {
  now = 0;
  spreadsheets = new Map<string, SpreadsheetModel>();
  forms = new Map<string, FormModel>();
  mails: SentMail[] = [];
  /** MailApp's daily quota: per account, counted from its first send until 24 hours later */
  mailWindows = new Map<string, { start: number; used: number }>();
  languages = new Map<string, Language>();
  ids = 0;
  itemIds = 1_144_800_000;
  questionIds = 1_854_700_000;
  triggerIds = 1;
  executions = 0;
  /** accounts that left (deleted or suspended by the admin), and when: their code never runs again, their triggers never fire */
  departed = new Map<string, number>();
}

/**
 * "Script runtime: 6 min / execution" (https://developers.google.com/apps-script/guides/services/quotas): a call made
 * past it stops the execution, as a cut does. Time passes inside a run only when the world simulates latency.
 */
const MAX_RUN_MS = 6 * 60_000;

/** a run cut off: the next execution of one of `fns` stops at its `call`-th call on Google's services */
export interface CrashPlan {
  fns: string[];
  call: number;
  /** armed from this instant */
  from: number;
}

/** what Google throws when it ends a script mid-way: nothing after it happens (the run's catch blocks reach no service) */
export class ScriptStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScriptStopped";
  }
}

export class World {
  meter = new Meter();
  private u: Universe;
  scriptTimeZone: string;
  scriptId: string;
  properties = new Map<string, string>();
  cache = new Map<string, { value: string; until: number }>();
  triggers: TriggerModel[] = [];
  menus = new Map<string, { label: string; fn: string }[]>();
  alerts: string[] = [];
  promptAnswers: string[] = [];
  /** the sidebar a menu action opened last, and for whom */
  sidebar: (ShownSidebar & { user: string }) | null = null;
  logs: string[] = [];
  owner: string;
  staff: string[];
  /** who clicks a menu item when a test does not say */
  activeUser: string;
  defaultLanguage: Language;
  /** the next n lock attempts fail (a contended lock) */
  lockBusy = 0;
  lockHeldElsewhere = false;
  /** the execution holding the script lock */
  lockHolder: number | null = null;
  mailQuota: number;
  /** clock triggers fire only inside this window (a simulation's run.from / run.to) */
  clockFrom = Number.NEGATIVE_INFINITY;
  clockTo = Number.POSITIVE_INFINITY;
  /** the spreadsheet a bound script belongs to */
  boundSpreadsheetId: string | null = null;
  private stack: Frame[] = [];
  private sources: vm.Script[] = [];
  private hooks: { method: string; left: number; fn: () => void }[] = [];
  /** runs to cut off (the simulation's `crash` events), each once */
  crashes: CrashPlan[] = [];
  /** executions cut off so far: when, which handler, at which call */
  stopped: { at: number; fn: string; call: number; user: string }[] = [];

  /**
   * Milliseconds each call takes, when set: time then passes inside a run as it does on Google, so that a job
   * watching its 6-minute limit can be seen stopping and continuing. Off by default (runs take no time).
   */
  latency: ((service: string, method: string) => number) | null = null;
  /** milliseconds per cell read and written, when set (with `latency`: the cost of moving values, not only of calls) */
  cellLatency: { read: number; write: number } | null = null;
  private cellDebt = 0;

  /**
   * Google ends an execution after 6 minutes (https://developers.google.com/apps-script/guides/services/quotas: "Script
   * runtime 6 min / execution"): when set, every call an execution makes after this many milliseconds of the world's
   * clock fails, and so does every later one, as a run Google stopped. On by default (a run takes time only when
   * `latency` says so, or a test moves the clock inside it); a benchmark's history written in bulk turns it off.
   */
  runLimitMs: number | null = MAX_RUN_MS;

  /**
   * Google's 10 million cells per spreadsheet. Only a benchmark's history, written into the model in one go rather than
   * grown month by month, lifts it while the product's archive brings that history to where a live Sheet would stand.
   */
  cellLimit = CELL_LIMIT;

  constructor(opts: WorldOptions = {}, universe?: Universe) {
    this.u = universe ?? new Universe();
    if (!universe) this.u.now = opts.now ?? Date.UTC(2018, 8, 1, 1, 0, 0);
    this.scriptTimeZone = opts.scriptTimeZone ?? "Asia/Ho_Chi_Minh";
    this.mailQuota = opts.mailQuota ?? 100;
    this.owner = opts.owner ?? "tuyengiao@ldldq1.example.vn";
    this.staff = opts.staff ?? ["canbo1@ldldq1.example.vn", "canbo2@ldldq1.example.vn"];
    this.activeUser = this.owner;
    this.defaultLanguage = opts.language ?? "vi";
    this.scriptId = `script-${++this.u.ids}`;
    this.meter.onCells = (read, written) => this.onCells(read, written);
    this.meter.onHit = (service, method) => this.onHit(service, method);
  }

  /** time passes for the cells a call reads and writes, as the benchmark prices them (off unless set) */
  private onCells(read: number, written: number): void {
    if (!this.cellLatency) return;
    // whole milliseconds only: the clock every script reads stays an integer
    this.cellDebt += read * this.cellLatency.read + written * this.cellLatency.write;
    const ms = Math.floor(this.cellDebt);
    if (!ms) return;
    this.cellDebt -= ms;
    this.now += ms;
    this.syncClock();
  }

  private onHit(service: ServiceName, method: string): void {
    this.countCall(method);
    const ms = this.latency?.(service, method) ?? 0;
    if (ms) {
      this.now += ms;
      this.syncClock();
    }
    for (const h of this.hooks) {
      if (h.method !== method || --h.left !== 0) continue;
      this.hooks = this.hooks.filter((x) => x !== h);
      h.fn();
    }
  }

  /**
   * A copy made by standin/simulation/snapshot.ts holds this world's data; what closes over a world is made again for the copy:
   * the meter's callback, and the idle global scope tests look at (its execution number not counted, as in the original).
   */
  [AFTER_CLONE](): void {
    this.meter.onCells = (read, written) => this.onCells(read, written);
    this.meter.onHit = (service, method) => this.onHit(service, method);
    if (!this.idle && this.sources.length) {
      const executions = this.u.executions;
      this.idle = this.enter(this.owner, false, true).ctx;
      this.stack.pop();
      this.u.executions = executions;
    }
  }

  /** state another stand-in service keeps for this world (Drive's files, Docs' documents): held here, so a copy has it */
  own<T>(key: symbol, make: () => T): T {
    if (!this.owned.has(key)) this.owned.set(key, make());
    return this.owned.get(key) as T;
  }
  private owned = new Map<symbol, unknown>();

  // ---- the universe, as before: tests read and set these
  get now(): number {
    return this.u.now;
  }
  set now(v: number) {
    this.u.now = v;
  }
  get spreadsheets(): Map<string, SpreadsheetModel> {
    return this.u.spreadsheets;
  }
  get forms(): Map<string, FormModel> {
    return this.u.forms;
  }
  get mails(): SentMail[] {
    return this.u.mails;
  }
  set mails(v: SentMail[]) {
    this.u.mails = v;
  }

  // ---- who is running, and in which language Google answers them
  /** the effective user of the current execution (the owner when nothing runs) */
  user(): string {
    return this.stack[this.stack.length - 1]?.user ?? this.owner;
  }
  get effectiveUser(): string {
    return this.user();
  }
  inUi(): boolean {
    return this.stack[this.stack.length - 1]?.ui ?? false;
  }
  execution(): number {
    return this.stack[this.stack.length - 1]?.id ?? 0;
  }
  setLanguage(account: string, lang: Language): void {
    this.u.languages.set(account, lang);
  }
  language(account = this.user()): Language {
    return this.u.languages.get(account) ?? this.defaultLanguage;
  }
  /** the account is gone (deleted or suspended): from now on its code never runs and its triggers never fire */
  leave(account: string): void {
    if (!this.u.departed.has(account)) this.u.departed.set(account, this.now);
  }
  departed(account: string): boolean {
    return this.u.departed.has(account);
  }

  /**
   * Counts the call in the execution making it; stops the execution at its planned call (Google ending a script that
   * ran out of time or met a service error): that call fails and so does every later one, so nothing after it happens.
   */
  private countCall(method: string): void {
    const f = this.frame();
    if (!f) return;
    if (f.stopped) throw new ScriptStopped(f.stopped);
    f.calls++;
    if (this.runLimitMs !== null && this.now - f.startedAt > this.runLimitMs) {
      f.stopped = `Exceeded maximum execution time (after ${Math.round((this.now - f.startedAt) / 1000)} s, at call ${f.calls}: ${method})`;
      this.stopped.push({ at: this.now, fn: f.fn ?? "", call: f.calls, user: f.user });
      throw new ScriptStopped(f.stopped);
    }
    if (f.stopAt !== undefined && f.calls >= f.stopAt) {
      f.stopped = `Exceeded maximum execution time (stopped at call ${f.calls}: ${method})`;
      this.stopped.push({ at: this.now, fn: f.fn ?? "", call: f.calls, user: f.user });
      throw new ScriptStopped(f.stopped);
    }
  }

  /** the next run of one of `fns` after now stops at its `call`-th call */
  crashNext(fns: string[], call: number): void {
    this.crashes.push({ fns, call, from: this.now });
  }

  /** Google's error for this situation, in the running account's language */
  fail(key: Parameters<typeof message>[1], ...args: (string | number)[]): Error {
    return new Error(message(this.language(), key, ...args));
  }
  userObject(email: string): GoogleAppsScript.Base.User {
    return google<GoogleAppsScript.Base.User>(new StandinUser(this, email));
  }

  // ---- realm helpers: values handed to the bundle are made in its own realm, as on Google
  private frame(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }
  makeDate(ms: number): Date {
    const f = this.frame()?.date;
    return f ? f(ms) : new Date(ms);
  }
  makeArray<T>(): T[] {
    const f = this.frame()?.array;
    return (f ? f() : []) as T[];
  }
  makeArrayFrom<T>(items: T[]): T[] {
    const a = this.makeArray<T>();
    for (const x of items) a.push(x);
    return a;
  }
  makeObject(): Record<string, string> {
    const f = this.frame()?.object;
    return f ? f() : {};
  }
  uuid(): string {
    this.u.ids++;
    return `00000000-0000-4000-8000-${String(this.u.ids).padStart(12, "0")}`;
  }
  nextItemId(): number {
    return (this.u.itemIds += 7919);
  }
  nextQuestionId(): number {
    return (this.u.questionIds += 104729);
  }
  nextTriggerId(): number {
    return this.u.triggerIds++;
  }

  // ---- MailApp's quota: recipients per account, for 24 hours from the first send
  // (https://developers.google.com/apps-script/guides/services/quotas: the quota refreshes 24 hours after first use)
  private mailWindow(account: string) {
    const w = this.u.mailWindows.get(account);
    return w && this.now < w.start + 86_400_000 ? w : null;
  }
  mailRemaining(account = this.user()): number {
    return Math.max(0, this.mailQuota - (this.mailWindow(account)?.used ?? 0));
  }
  useMail(n: number, account = this.user()): void {
    const w = this.mailWindow(account);
    if (w) w.used += n;
    else this.u.mailWindows.set(account, { start: this.now, used: n });
  }

  // ---- documents
  createSpreadsheet(name: string, id = `ss-${++this.u.ids}`, owner = this.owner): SpreadsheetModel {
    const ss = new SpreadsheetModel(id, name, owner);
    ss.editors = this.staff.filter((s) => s !== owner);
    ss.addSheet("Trang tính1");
    this.u.spreadsheets.set(id, ss);
    return ss;
  }
  createForm(title: string): FormModel {
    const id = `form-${++this.u.ids}`;
    const model: FormModel = {
      id,
      title,
      description: "",
      items: [],
      responses: [],
      emailCollection: "DO_NOT_COLLECT",
      allowEdits: false,
      confirmation: "",
      destination: null,
      destinationSheet: null,
      published: false,
      acceptingResponses: false,
      owner: this.user(),
      editors: [],
      permissions: [],
    };
    this.u.forms.set(id, model);
    return model;
  }
  /** Google adds the form's own response tab to the spreadsheet (a new tab: 1000 × 26 cells, counted in the 10 million) */
  linkFormToSheet(form: FormModel, ssId: string): void {
    const ss = this.u.spreadsheets.get(ssId);
    if (!ss) throw this.fail("noItem");
    if (form.destination === ssId && form.destinationSheet && ss.sheet(form.destinationSheet)) return;
    if (ss.cellCount() + 26_000 > 10_000_000) throw this.fail("tooManyCells");
    let n = 1;
    while (ss.sheet(`Câu trả lời biểu mẫu ${n}`)) n++;
    const s = ss.addSheet(`Câu trả lời biểu mẫu ${n}`, 0);
    form.destination = ssId;
    form.destinationSheet = s.name;
    this.refreshResponseTab(form);
  }
  refreshResponseTab(form: FormModel): void {
    const s = this.destinationTab(form);
    if (!s) return;
    const header = ["Dấu thời gian", "Địa chỉ email", ...form.items.filter((i) => i.kind !== "SECTION_HEADER").map((i) => i.title)];
    header.forEach((h, j) => s.put(1, j + 1, h));
    s.frozenRows = 1;
  }
  private destinationTab(form: FormModel): SheetModel | undefined {
    if (!form.destination || !form.destinationSheet) return undefined;
    return this.u.spreadsheets.get(form.destination)?.sheet(form.destinationSheet);
  }

  // ---- the globals of an execution: every Apps Script service the bundle can reach is registered here
  private services(): Record<string, unknown> {
    return {
      SpreadsheetApp: makeSpreadsheetApp(this),
      FormApp: makeFormApp(this),
      MailApp: makeMailApp(this),
      PropertiesService: makeProperties(this),
      CacheService: makeCache(this),
      LockService: makeLockService(this),
      ScriptApp: makeScriptApp(this),
      Utilities: makeUtilities(this),
      Session: makeSession(this),
      Logger: makeLogger(this),
      Charts: charts,
      DocumentApp: makeDocumentApp(this),
      Drive: makeDrive(this),
      Docs: makeDocs(this),
      HtmlService: makeHtmlService(this),
    };
  }

  /** the console a script writes to: this world's logs */
  private consoleOf(): Pick<Console, "log" | "info" | "warn" | "error"> {
    const logs = this.logs;
    return {
      log: (...a: unknown[]) => logs.push(a.map(String).join(" ")),
      info: (...a: unknown[]) => logs.push(a.map(String).join(" ")),
      warn: (...a: unknown[]) => logs.push(`WARN ${a.map(String).join(" ")}`),
      error: (...a: unknown[]) => logs.push(`ERROR ${a.map(String).join(" ")}`),
    };
  }

  private newContext(): vm.Context {
    const ctx = vm.createContext({ ...this.services(), console: this.consoleOf() });
    // Google's clock is the world's clock
    vm.runInContext(
      `(() => { const RealDate = Date; const clock = { now: 0 };
        function D(...a) { if (!new.target) return new RealDate(clock.now).toString();
          return a.length ? new RealDate(...a) : new RealDate(clock.now); }
        D.prototype = RealDate.prototype; D.UTC = RealDate.UTC; D.parse = RealDate.parse; D.now = () => clock.now;
        Object.defineProperty(D.prototype, "constructor", { value: D });
        globalThis.Date = D; globalThis.__clock = clock; })();`,
      ctx,
    );
    return ctx;
  }

  /** the vm context of the innermost execution (tests look at the globals a bundle defines) */
  get context(): vm.Context | null {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].ctx) return this.stack[i].ctx;
    return this.idle;
  }
  private idle: vm.Context | null = null;

  /**
   * Loads a bundle's source. As on Google, every execution starts from a fresh global scope and
   * evaluates the whole file again: nothing a run leaves in module state reaches the next run.
   */
  load(code: string): void {
    let script = compiled.get(code);
    if (!script) {
      script = new vm.Script(code, { filename: "Code.js" });
      compiled.set(code, script);
    }
    this.sources.push(script);
    const f = this.enter(this.owner, false, true);
    this.stack.pop();
    this.idle = f.ctx;
  }

  /** @param pooled the execution's scope may be one an earlier execution used, reset (see idleScopes) */
  private enter(user: string, ui: boolean, withContext: boolean, pooled = false): Frame {
    const f: Frame = { id: ++this.u.executions, user, ui, ctx: null, date: null, array: null, object: null, calls: 0, startedAt: this.now };
    this.stack.push(f);
    if (withContext) {
      const reused = pooled ? this.reuse() : null;
      const scope = reused ?? this.freshScope(f);
      if (pooled && scope.base) f.scope = scope;
      f.ctx = scope.ctx;
      f.date = scope.date;
      f.array = scope.array;
      f.object = scope.object;
      this.syncClock();
    }
    return f;
  }

  /** a new global scope, the bundle's files run in it as the execution `f` */
  private freshScope(f: Frame): Scope {
    const ctx = this.newContext();
    f.ctx = ctx;
    const scope: Scope = {
      ctx,
      scripts: [...this.sources],
      base: null,
      date: vm.runInContext("(ms) => new Date(ms)", ctx),
      array: vm.runInContext("() => []", ctx),
      object: vm.runInContext("() => ({})", ctx),
      unset: vm.runInContext("(name) => { delete globalThis[name]; }", ctx),
    };
    this.syncClock();
    const before = new Set(Object.getOwnPropertyNames(ctx));
    for (const s of this.sources) s.runInContext(ctx);
    const base = Object.getOwnPropertyNames(ctx)
      .filter((k) => !before.has(k) || k === "Date")
      .map((k): [string, unknown] => [k, (ctx as Record<string, unknown>)[k]]);
    const plain = base.every(([, v]) => typeof v === "function" || typeof v !== "object" || v === null);
    scope.base = plain ? base : null;
    return scope;
  }

  /** an idle scope holding this world's files, reset to what it held once they ran; null when there is none */
  private reuse(): Scope | null {
    const last = this.sources[this.sources.length - 1];
    const idle = last ? idleScopes.get(last) : undefined;
    const i = idle?.findIndex((s) => s.scripts.length === this.sources.length && s.scripts.every((x, j) => x === this.sources[j])) ?? -1;
    if (!idle || i < 0) return null;
    const scope = idle.splice(i, 1)[0];
    const ctx = scope.ctx as Record<string, unknown>;
    const services = { ...this.services(), console: this.consoleOf() };
    const kept = new Set([...(scope.base ?? []).map(([k]) => k), ...Object.keys(services), ...STANDIN_GLOBALS]);
    for (const k of Object.getOwnPropertyNames(ctx)) if (!kept.has(k)) scope.unset(k);
    for (const [k, v] of scope.base ?? []) if (ctx[k] !== v) ctx[k] = v;
    Object.assign(ctx, services);
    return scope;
  }

  /** an execution's scope goes back to the idle ones once it ends */
  private release(f: Frame): void {
    const scope = f.scope;
    if (!scope) return;
    const last = scope.scripts[scope.scripts.length - 1];
    const idle = idleScopes.get(last) ?? [];
    idle.push(scope);
    idleScopes.set(last, idle);
  }

  syncClock(): void {
    for (const f of this.stack) if (f.ctx) (f.ctx as unknown as { __clock: { now: number } }).__clock.now = this.now;
  }

  globals(): string[] {
    const ctx = this.context;
    if (!ctx) return [];
    return Object.keys(ctx).filter((k) => typeof (ctx as Record<string, unknown>)[k] === "function");
  }

  /**
   * Runs a global function the way a trigger or a menu click would: as `as` (a menu click runs as the staff member
   * who clicks; an installable trigger as its owner), in a fresh global scope. Runs may nest (see during()).
   */
  run(fn: string, opts: { ui?: boolean; event?: unknown; as?: string } = {}): RunResult {
    if (!this.sources.length) throw new Error("No bundle loaded");
    const user = opts.as ?? (opts.ui ? this.activeUser : this.owner);
    // an account that left runs nothing: Google refuses its sign-in and never starts its triggers
    if (this.departed(user)) return { ok: false, error: `The account ${user} is disabled.` };
    const plan = this.crashes.find((c) => c.fns.includes(fn) && c.from <= this.now);
    if (plan) this.crashes = this.crashes.filter((c) => c !== plan);
    const frame = this.enter(user, !!opts.ui, true, true);
    frame.fn = fn;
    if (plan) frame.stopAt = plan.call;
    try {
      const f = (frame.ctx as Record<string, unknown>)[fn];
      if (typeof f !== "function") return { ok: false, error: `Script function not found: ${fn}` };
      this.syncClock();
      const value = (f as (e?: unknown) => unknown)(opts.event);
      // a script whose own handler swallowed Google's stop still ended there
      if (frame.stopped) return { ok: false, error: frame.stopped };
      return { ok: true, value };
    } catch (e) {
      const err = e as Error;
      // a script Google stopped ends with Google's message, whatever the script's own handlers did after it
      const msg = frame.stopped ?? err?.message ?? String(e);
      this.logs.push(`ERROR in ${fn}: ${msg}`);
      return { ok: false, error: msg };
    } finally {
      // Google releases a script lock when the execution that holds it ends
      if (this.lockHolder === frame.id) this.lockHolder = null;
      this.stack.pop();
      this.release(frame);
      this.syncClock();
    }
  }

  /**
   * Runs `fn` in the middle of the current execution, when `method` ("Range.setValues") is called for the n-th
   * time from now: triggers and menu actions overlap on Google, and this is how a test makes them.
   */
  during(method: string, fn: () => void, occurrence = 1): void {
    this.hooks.push({ method, left: occurrence, fn });
  }

  /** a person (not a script) acts: typing, as that account; Google's checks apply to them */
  as<T>(account: string, fn: () => T): T {
    this.enter(account, true, false);
    try {
      return this.meter.quiet(fn);
    } finally {
      this.stack.pop();
    }
  }

  /** a person types into a cell: parsed as Sheets parses typing, refused on a tab protected against them */
  type(ssId: string, tab: string, row: number, col: number, text: string, account = this.owner): void {
    this.as(account, () => {
      const sheet = this.sheetOf(ssId, tab);
      if (!sheet) throw new Error(`no tab ${tab}`);
      sheet.getRange(row, col).setValue(text);
    });
  }

  /**
   * File → Make a copy, by `account`: Google copies the Sheet with its bound script project (the script cannot be
   * detached from its file: https://developers.google.com/apps-script/guides/bound), the project's script properties
   * with it, and the forms linked to the Sheet (each copy linked to the copied Sheet); installable triggers are not
   * copied (they belong to a user and a project: https://developers.google.com/apps-script/guides/triggers/installable,
   * and copies need them installed again: https://gist.github.com/tanaikech/76bab12742174976d87e2473ae7975f8).
   * Returns the copy's world: the same Google, another script project.
   */
  copySpreadsheet(account = this.owner): World {
    const src = this.boundSpreadsheetId ? this.u.spreadsheets.get(this.boundSpreadsheetId) : undefined;
    if (!src) throw new Error("no bound spreadsheet");
    const copy = new SpreadsheetModel(`ss-${++this.u.ids}`, `Bản sao của ${src.name}`, account, {
      locale: src.locale,
      timeZone: src.timeZone,
    });
    copy.editors = [];
    for (const s of src.sheets) {
      const t = copy.addSheet(s.name);
      SheetModel.revive(Object.assign(t, structuredClone({ ...s, parent: null }), { parent: copy, id: t.id }));
      // protections come along; only the copy's owner edits them until someone changes that
      t.protections = s.protections.map((p) => ({ ...p, editors: [] }));
    }
    this.u.spreadsheets.set(copy.id, copy);
    for (const f of [...this.u.forms.values()]) {
      if (f.destination !== src.id) continue;
      const id = `form-${++this.u.ids}`;
      const items = f.items.map((i) => ({ ...i, choices: [...i.choices], id: this.nextItemId(), questionId: this.nextQuestionId() }));
      this.u.forms.set(id, {
        ...f,
        id,
        items,
        responses: [],
        owner: account,
        editors: [],
        permissions: [],
        destination: copy.id,
        title: `Bản sao của ${f.title}`,
      });
    }
    const w = new World(
      { scriptTimeZone: this.scriptTimeZone, mailQuota: this.mailQuota, owner: account, staff: this.staff, language: this.defaultLanguage },
      this.u,
    );
    w.properties = new Map(this.properties);
    w.boundSpreadsheetId = copy.id;
    w.clockFrom = this.clockFrom;
    w.clockTo = this.clockTo;
    for (const s of this.sources) w.sources.push(s);
    const f = w.enter(account, false, true);
    w.stack.pop();
    w.idle = f.ctx;
    return w;
  }

  // ---- what respondents and Google's trigger machinery do
  /** a respondent submits (or edits) a response; an unpublished or closed form takes none */
  submitResponse(formId: string, r: { id: string; at: number; email?: string; answers: Map<number, string | string[]> }): ResponseModel {
    const form = this.u.forms.get(formId);
    if (!form) throw new Error(`No form ${formId}`);
    if (!form.legacy && (!form.published || !form.acceptingResponses))
      throw new Error(`form ${formId} is not accepting responses (unpublished or closed)`);
    if (!this.mayRespond(form, r.email))
      throw new Error(
        `form ${formId} does not take responses from ${r.email || "people outside its sharing"} (not open to anyone with the link)`,
      );
    const email = form.emailCollection === "DO_NOT_COLLECT" ? "" : (r.email ?? "");
    const existing = form.responses.find((x) => x.id === r.id);
    if (existing) {
      existing.history.push({ timestamp: existing.timestamp, answers: existing.answers });
      existing.timestamp = r.at;
      existing.answers = r.answers;
      if (r.email !== undefined) existing.email = email;
      this.updateDestinationRow(form, existing);
      return existing;
    }
    const model: ResponseModel = { id: r.id, timestamp: r.at, email, answers: r.answers, history: [] };
    form.responses.push(model);
    this.updateDestinationRow(form, model);
    return model;
  }

  /** who can open a published form: anyone with the link when it is shared so, else only the people it is shared with */
  mayRespond(form: FormModel, email: string | undefined): boolean {
    if (form.legacy) return true;
    const perms = form.permissions ?? [];
    if (perms.some((p) => p.type === "anyone" && p.view === "published")) return true;
    const who = (email ?? "").toLowerCase();
    return (
      !!who && (who === form.owner || form.editors.includes(who) || perms.some((p) => p.view === "published" && p.emailAddress === who))
    );
  }

  private updateDestinationRow(form: FormModel, resp: ResponseModel): void {
    const s = this.destinationTab(form);
    if (!s) return;
    const items = form.items.filter((i) => i.kind !== "SECTION_HEADER");
    const row = [
      new Date(resp.timestamp),
      resp.email,
      ...items.map((i) => {
        const v = resp.answers.get(i.id);
        return Array.isArray(v) ? v.join(", ") : (v ?? "");
      }),
    ];
    const idx = form.responses.indexOf(resp) + 2;
    row.forEach((v, j) => s.put(idx, j + 1, v));
    if (idx > s.maxRows) s.maxRows = idx;
  }

  /** the form-submit event Google hands an installable trigger */
  submitEvent(formId: string, responseId: string): unknown {
    const form = this.u.forms.get(formId);
    const resp = form?.responses.find((x) => x.id === responseId);
    if (!form || !resp) throw new Error("no such response");
    return {
      authMode: "FULL",
      response: google<GoogleAppsScript.Forms.FormResponse>(new StandinFormResponse(this, form, resp)),
      source: google<GoogleAppsScript.Forms.Form>(new StandinForm(this, form)),
      triggerUid: this.triggers.find((t) => t.kind === "ON_FORM_SUBMIT" && t.sourceId === formId)?.uid ?? "",
    };
  }

  /** Google fires each installable submit trigger on the form, as the trigger's owner */
  fireFormSubmit(formId: string, responseId: string): RunResult[] {
    const out: RunResult[] = [];
    for (const t of this.triggers.filter((x) => x.kind === "ON_FORM_SUBMIT" && x.sourceId === formId && !this.departed(x.owner))) {
      out.push(this.run(t.handler, { event: this.submitEvent(formId, responseId), as: t.owner }));
    }
    return out;
  }

  /** Instants of clock triggers due in (from, to], in time order. */
  dueClockTriggers(from: number, to: number): { at: number; trigger: TriggerModel }[] {
    const due: { at: number; trigger: TriggerModel }[] = [];
    for (const t of this.triggers) {
      if (t.kind !== "CLOCK" || this.departed(t.owner)) continue;
      if (t.afterAt !== undefined) {
        if (!t.spent && t.afterAt > from && t.afterAt <= to) due.push({ at: t.afterAt, trigger: t });
        continue;
      }
      if (to < this.clockFrom || from > this.clockTo) continue;
      if (t.atHour === undefined) continue;
      const tz = t.timeZone ?? this.scriptTimeZone;
      // walk local days covering the window
      for (let day = from - 86400000; day <= to + 86400000; day += 86400000) {
        const ymd = formatDate(new Date(day), tz, "yyyy-MM-dd");
        const at = localInstant(ymd, t.atHour, tz);
        if (at > from && at <= to && at >= this.clockFrom && at <= this.clockTo && !due.some((d) => d.at === at && d.trigger === t)) {
          due.push({ at, trigger: t });
        }
      }
    }
    return due.sort((a, b) => a.at - b.at || Number(a.trigger.uid) - Number(b.trigger.uid));
  }

  /** Moves the clock to `to`, firing each clock trigger when its time comes, as its owner. */
  advanceTo(to: number, onFire?: (t: TriggerModel, at: number, r: RunResult) => void): void {
    // triggers due at the same instant all fire (each staff account's watchdog, say), one after the other
    let from = this.now;
    const fired = new Set<string>();
    for (;;) {
      const next = this.dueClockTriggers(from, to).find((d) => !fired.has(`${d.trigger.uid}@${d.at}`));
      if (!next) break;
      fired.add(`${next.trigger.uid}@${next.at}`);
      from = next.at - 1;
      this.now = Math.max(this.now, next.at);
      if (next.trigger.afterAt !== undefined) next.trigger.spent = true;
      const r = this.run(next.trigger.handler, { event: { authMode: "FULL", triggerUid: next.trigger.uid }, as: next.trigger.owner });
      onFire?.(next.trigger, next.at, r);
    }
    if (to > this.now) this.now = to;
  }

  sheetOf(ssId: string, name: string): StandinSheet | null {
    const ss = this.u.spreadsheets.get(ssId);
    const s = ss?.sheet(name);
    return s ? new StandinSheet(this, s) : null;
  }

  publishedUrlOf(formId: string): string {
    const f = this.u.forms.get(formId);
    return f ? publishedUrl(f) : "";
  }
}

/** The UTC instant of hh:00 on a local date in a zone. */
export function localInstant(ymd: string, hour: number, tz: string): number {
  const [y, m, d] = ymd.split("-").map(Number);
  let guess = Date.UTC(y, m - 1, d, hour);
  for (let i = 0; i < 3; i++) {
    const shown = formatDate(new Date(guess), tz, "yyyy-MM-dd HH");
    const [sd, sh] = shown.split(" ");
    const [yy, mm, dd] = sd.split("-").map(Number);
    const diff = Date.UTC(yy, mm - 1, dd, Number(sh)) - Date.UTC(y, m - 1, d, hour);
    if (diff === 0) break;
    guess -= diff;
  }
  return guess;
}
