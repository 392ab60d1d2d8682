// The stand-in's world: Google's services in memory, a clock, a vm context that holds only Apps Script's globals.
import vm from "node:vm";
import { makeDocumentApp } from "./documents.js";
import { makeDrive } from "./drive.js";
import { formatDate } from "./format-date.js";
import { type FormModel, type ResponseModel, StandinForm, StandinFormResponse, StandinTextValidationBuilder } from "./forms.js";
import { Meter } from "./meter.js";
import {
  makeCache,
  makeLockService,
  makeMailApp,
  makeProperties,
  makeScriptApp,
  makeSession,
  makeUi,
  makeUtilities,
  type SentMail,
  type TriggerModel,
} from "./services.js";
import {
  type SheetModel,
  SpreadsheetModel,
  StandinConditionalRuleBuilder,
  StandinDataValidationBuilder,
  StandinSheet,
  StandinSpreadsheet,
} from "./spreadsheet.js";

export interface WorldOptions {
  now?: number;
  scriptTimeZone?: string;
  mailQuota?: number;
  effectiveUser?: string;
}

export interface RunResult {
  ok: boolean;
  value?: unknown;
  error?: string;
}

export class World {
  meter = new Meter();
  now: number;
  scriptTimeZone: string;
  spreadsheets = new Map<string, SpreadsheetModel>();
  forms = new Map<string, FormModel>();
  mails: SentMail[] = [];
  properties = new Map<string, string>();
  cache = new Map<string, { value: string; until: number }>();
  triggers: TriggerModel[] = [];
  menus = new Map<string, { label: string; fn: string }[]>();
  alerts: string[] = [];
  promptAnswers: string[] = [];
  logs: string[] = [];
  uiContext = false;
  activeUser = "tuyengiao@ldldq1.example.vn";
  /** the spreadsheet's other editors (the federation's staff) */
  staff = ["canbo1@ldldq1.example.vn", "canbo2@ldldq1.example.vn"];
  effectiveUser: string;
  /** the next n lock attempts fail (a contended lock) */
  lockBusy = 0;
  lockHeldElsewhere = false;
  mailQuota: number;
  private mailUsed = new Map<string, number>();
  private ids = 0;
  private itemIds = 100000;
  private triggerIds = 1;
  /** clock triggers fire only inside this window (a simulation's run.from / run.to) */
  clockFrom = Number.NEGATIVE_INFINITY;
  clockTo = Number.POSITIVE_INFINITY;
  /** the spreadsheet a bound script belongs to */
  boundSpreadsheetId: string | null = null;
  context: vm.Context | null = null;
  private dateMaker: ((ms: number) => Date) | null = null;
  private arrayMaker: (() => unknown[]) | null = null;
  private objectMaker: (() => Record<string, string>) | null = null;

  /**
   * Milliseconds each call takes, when set: time then passes inside a run as it does on Google, so that a job
   * watching its 6-minute limit can be seen stopping and continuing. Off by default (runs take no time).
   */
  latency: ((service: string, method: string) => number) | null = null;

  constructor(opts: WorldOptions = {}) {
    this.now = opts.now ?? Date.UTC(2018, 8, 1, 1, 0, 0);
    this.scriptTimeZone = opts.scriptTimeZone ?? "Asia/Ho_Chi_Minh";
    this.mailQuota = opts.mailQuota ?? 100;
    this.effectiveUser = opts.effectiveUser ?? "tuyengiao@ldldq1.example.vn";
    this.meter.onHit = (service, method) => {
      const ms = this.latency?.(service, method) ?? 0;
      if (ms) {
        this.now += ms;
        this.syncClock();
      }
    };
  }

  // ---- realm helpers: values handed to the bundle are made in its own realm, as on Google
  makeDate(ms: number): Date {
    return this.dateMaker ? this.dateMaker(ms) : new Date(ms);
  }
  makeArray<T>(): T[] {
    return (this.arrayMaker ? this.arrayMaker() : []) as T[];
  }
  makeArrayFrom<T>(items: T[]): T[] {
    const a = this.makeArray<T>();
    for (const x of items) a.push(x);
    return a;
  }
  makeObject(): Record<string, string> {
    return this.objectMaker ? this.objectMaker() : {};
  }
  uuid(): string {
    this.ids++;
    return `00000000-0000-4000-8000-${String(this.ids).padStart(12, "0")}`;
  }
  nextItemId(): number {
    return ++this.itemIds;
  }
  nextTriggerId(): number {
    return this.triggerIds++;
  }

  // ---- mail quota: recipients per local day, as MailApp counts them
  private quotaDay(): string {
    return formatDate(new Date(this.now), this.scriptTimeZone, "yyyy-MM-dd");
  }
  mailRemaining(): number {
    return Math.max(0, this.mailQuota - (this.mailUsed.get(this.quotaDay()) ?? 0));
  }
  useMail(n: number): void {
    const d = this.quotaDay();
    this.mailUsed.set(d, (this.mailUsed.get(d) ?? 0) + n);
  }

  // ---- documents
  createSpreadsheet(name: string, id = `ss-${++this.ids}`): SpreadsheetModel {
    const ss = new SpreadsheetModel(id, name);
    const first = ss.addSheet("Trang tính1");
    first.maxRows = 1000;
    this.spreadsheets.set(id, ss);
    return ss;
  }
  spreadsheetFor(sheet: SheetModel): StandinSpreadsheet {
    for (const ss of this.spreadsheets.values()) if (ss.sheets.includes(sheet)) return new StandinSpreadsheet(this, ss);
    throw new Error("Sheet has no spreadsheet");
  }
  linkFormToSheet(form: FormModel, ssId: string): void {
    const ss = this.spreadsheets.get(ssId);
    if (!ss) throw new Error(`No spreadsheet ${ssId}`);
    if (form.destinationSheet && ss.sheet(form.destinationSheet)) return;
    let n = 1;
    while (ss.sheet(`Câu trả lời biểu mẫu ${n}`)) n++;
    const s = ss.addSheet(`Câu trả lời biểu mẫu ${n}`);
    form.destinationSheet = s.name;
    this.writeResponseTabHeader(form);
  }
  private writeResponseTabHeader(form: FormModel): void {
    const s = this.destinationTab(form);
    if (!s) return;
    const header = ["Dấu thời gian", "Địa chỉ email", ...form.items.filter((i) => i.kind !== "SECTION_HEADER").map((i) => i.title)];
    header.forEach((h, j) => s.put(1, j + 1, h));
    s.frozenRows = 1;
  }
  private destinationTab(form: FormModel): SheetModel | undefined {
    if (!form.destination || !form.destinationSheet) return undefined;
    return this.spreadsheets.get(form.destination)?.sheet(form.destinationSheet);
  }

  // ---- the vm context: Apps Script's globals and nothing of Node's
  buildContext(): vm.Context {
    const SpreadsheetApp = {
      openById: (id: string) => {
        this.meter.hit("SpreadsheetApp", "SpreadsheetApp.openById");
        const ss = this.spreadsheets.get(id);
        if (!ss) throw new Error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
        return new StandinSpreadsheet(this, ss);
      },
      getActiveSpreadsheet: () => {
        this.meter.hit("SpreadsheetApp", "SpreadsheetApp.getActiveSpreadsheet");
        const ss = this.boundSpreadsheetId ? this.spreadsheets.get(this.boundSpreadsheetId) : undefined;
        return ss ? new StandinSpreadsheet(this, ss) : null;
      },
      getActive: () => {
        this.meter.hit("SpreadsheetApp", "SpreadsheetApp.getActive");
        const ss = this.boundSpreadsheetId ? this.spreadsheets.get(this.boundSpreadsheetId) : undefined;
        return ss ? new StandinSpreadsheet(this, ss) : null;
      },
      getUi: () => {
        this.meter.hit("SpreadsheetApp", "SpreadsheetApp.getUi");
        if (!this.uiContext) throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
        return makeUi(this);
      },
      flush: () => {
        this.meter.hit("SpreadsheetApp", "SpreadsheetApp.flush");
      },
      newDataValidation: () => {
        this.meter.hit("SpreadsheetApp", "SpreadsheetApp.newDataValidation");
        return new StandinDataValidationBuilder(this);
      },
      newConditionalFormatRule: () => {
        this.meter.hit("SpreadsheetApp", "SpreadsheetApp.newConditionalFormatRule");
        return new StandinConditionalRuleBuilder(this);
      },
      ProtectionType: { SHEET: "SHEET", RANGE: "RANGE" },
      WrapStrategy: { WRAP: "WRAP", CLIP: "CLIP" },
    };
    const FormApp = {
      create: (title: string) => {
        this.meter.hit("FormApp", "FormApp.create");
        const id = `form-${++this.ids}`;
        const model: FormModel = {
          id,
          title,
          description: "",
          items: [],
          responses: [],
          collectEmail: false,
          allowEdits: false,
          confirmation: "",
          destination: null,
          destinationSheet: null,
          acceptingResponses: true,
        };
        this.forms.set(id, model);
        return new StandinForm(this, model);
      },
      openById: (id: string) => {
        this.meter.hit("FormApp", "FormApp.openById");
        const f = this.forms.get(id);
        if (!f) throw new Error(`No item with the given ID could be found. (${id})`);
        return new StandinForm(this, f);
      },
      createTextValidation: () => {
        this.meter.hit("FormApp", "FormApp.createTextValidation");
        return new StandinTextValidationBuilder(this);
      },
      DestinationType: { SPREADSHEET: "SPREADSHEET" },
      ItemType: {
        LIST: "LIST",
        MULTIPLE_CHOICE: "MULTIPLE_CHOICE",
        CHECKBOX: "CHECKBOX",
        TEXT: "TEXT",
        PARAGRAPH_TEXT: "PARAGRAPH_TEXT",
        SECTION_HEADER: "SECTION_HEADER",
      },
    };
    const logger = {
      log: (...a: unknown[]) => {
        this.meter.hit("Logger", "Logger.log");
        this.logs.push(a.map(String).join(" "));
      },
    };
    const console = {
      log: (...a: unknown[]) => this.logs.push(a.map(String).join(" ")),
      info: (...a: unknown[]) => this.logs.push(a.map(String).join(" ")),
      warn: (...a: unknown[]) => this.logs.push(`WARN ${a.map(String).join(" ")}`),
      error: (...a: unknown[]) => this.logs.push(`ERROR ${a.map(String).join(" ")}`),
    };
    const ctx = vm.createContext({
      SpreadsheetApp,
      FormApp,
      MailApp: makeMailApp(this),
      PropertiesService: makeProperties(this),
      CacheService: makeCache(this),
      LockService: makeLockService(this),
      ScriptApp: makeScriptApp(this),
      Utilities: makeUtilities(this),
      Session: makeSession(this),
      Logger: logger,
      Charts: { ChartType: { LINE: "LINE", COLUMN: "COLUMN", BAR: "BAR" } },
      DocumentApp: makeDocumentApp(this),
      Drive: makeDrive(this),
      console,
    });
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
    this.dateMaker = vm.runInContext("(ms) => new Date(ms)", ctx);
    this.arrayMaker = vm.runInContext("() => []", ctx);
    this.objectMaker = vm.runInContext("() => ({})", ctx);
    this.context = ctx;
    return ctx;
  }

  private sources: vm.Script[] = [];

  /**
   * Loads a bundle's source. As on Google, every execution starts from a fresh global scope and
   * evaluates the whole file again: nothing a run leaves in module state reaches the next run.
   */
  load(code: string): void {
    this.sources.push(new vm.Script(code, { filename: "Code.js" }));
    this.fresh();
  }

  private fresh(): vm.Context {
    const ctx = this.buildContext();
    this.syncClock();
    for (const s of this.sources) s.runInContext(ctx);
    return ctx;
  }

  syncClock(): void {
    if (this.context) (this.context as unknown as { __clock: { now: number } }).__clock.now = this.now;
  }

  globals(): string[] {
    if (!this.context) return [];
    return Object.keys(this.context).filter((k) => typeof (this.context as Record<string, unknown>)[k] === "function");
  }

  /** Runs a global function the way a trigger or a menu click would. */
  run(fn: string, opts: { ui?: boolean; event?: unknown } = {}): RunResult {
    if (!this.sources.length) throw new Error("No bundle loaded");
    const f = (this.fresh() as Record<string, unknown>)[fn];
    if (typeof f !== "function") return { ok: false, error: `Script function not found: ${fn}` };
    this.syncClock();
    this.uiContext = !!opts.ui;
    try {
      const value = (f as (e?: unknown) => unknown)(opts.event);
      return { ok: true, value };
    } catch (e) {
      const err = e as Error;
      this.logs.push(`ERROR in ${fn}: ${err?.message ?? String(e)}`);
      return { ok: false, error: err?.message ?? String(e) };
    } finally {
      this.uiContext = false;
    }
  }

  // ---- what respondents and Google's trigger machinery do
  submitResponse(formId: string, r: { id: string; at: number; email?: string; answers: Map<number, string | string[]> }): ResponseModel {
    const form = this.forms.get(formId);
    if (!form) throw new Error(`No form ${formId}`);
    const existing = form.responses.find((x) => x.id === r.id);
    if (existing) {
      existing.history.push({ timestamp: existing.timestamp, answers: existing.answers });
      existing.timestamp = r.at;
      existing.answers = r.answers;
      if (r.email !== undefined) existing.email = r.email;
      this.updateDestinationRow(form, existing);
      return existing;
    }
    const model: ResponseModel = { id: r.id, timestamp: r.at, email: r.email ?? "", answers: r.answers, history: [] };
    form.responses.push(model);
    this.updateDestinationRow(form, model);
    return model;
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

  /** The form-submit event Google hands an installable trigger. */
  submitEvent(formId: string, responseId: string): unknown {
    const form = this.forms.get(formId);
    const resp = form?.responses.find((x) => x.id === responseId);
    if (!form || !resp) throw new Error("no such response");
    return {
      authMode: "FULL",
      response: new StandinFormResponse(this, form, resp),
      source: new StandinForm(this, form),
      triggerUid: this.triggers.find((t) => t.kind === "ON_FORM_SUBMIT" && t.sourceId === formId)?.uid ?? "",
    };
  }

  fireFormSubmit(formId: string, responseId: string): RunResult[] {
    const out: RunResult[] = [];
    for (const t of this.triggers.filter((x) => x.kind === "ON_FORM_SUBMIT" && x.sourceId === formId)) {
      out.push(this.run(t.handler, { event: this.submitEvent(formId, responseId) }));
    }
    return out;
  }

  /** Instants of clock triggers due in (from, to], in time order. */
  dueClockTriggers(from: number, to: number): { at: number; trigger: TriggerModel }[] {
    const due: { at: number; trigger: TriggerModel }[] = [];
    for (const t of this.triggers) {
      if (t.kind !== "CLOCK") continue;
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

  /** Moves the clock to `to`, firing each clock trigger when its time comes. */
  advanceTo(to: number, onFire?: (t: TriggerModel, at: number, r: RunResult) => void): void {
    for (;;) {
      const next = this.dueClockTriggers(this.now, to)[0];
      if (!next) break;
      this.now = next.at;
      if (next.trigger.afterAt !== undefined) next.trigger.spent = true;
      const r = this.run(next.trigger.handler, { event: { authMode: "FULL", triggerUid: next.trigger.uid } });
      onFire?.(next.trigger, next.at, r);
    }
    if (to > this.now) this.now = to;
  }

  sheetOf(ssId: string, name: string): StandinSheet | null {
    const ss = this.spreadsheets.get(ssId);
    const s = ss?.sheet(name);
    return s ? new StandinSheet(this, s) : null;
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
