// Drives the built bundle through a scenario in time order, as Google and the people around it would.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addDays, instantOf, localDay, viMonthShort } from "../../src/domain/dates.js";
import { SPECS } from "../../src/domain/forms/index.js";
import { manualHeader, SETTINGS_RANGE, TAB } from "../../src/domain/layout.js";
import { SETTING_DEFS, type Settings, settingCell } from "../../src/domain/settings.js";
import { finishTemplate } from "../documents/documents.js";
import { serverCall } from "../html.js";
import { formatDate } from "../spreadsheet/format-date.js";
import type { SheetModel, SpreadsheetModel } from "../spreadsheet/spreadsheet.js";
import { type RunResult, World } from "../world.js";
import type { CrashJob, Scenario, ScenarioEvent, ScenarioUnit } from "./scenario.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** the global functions each job of a `crash` event runs in (a trigger's handler, or staff's menu for the same work) */
export const CRASH_FNS: Record<CrashJob, string[]> = {
  submit: ["onFormSubmit"],
  runDaily: ["runDaily"],
  runFollowUp: ["runFollowUp"],
  setup: ["setup"],
  archive: ["runArchive", "archiveOldData"],
  rollup: ["runRollup", "sidebarRollup"],
};

/** the built bundle (`STANDIN_BUNDLE`: another build, to play the same tests on an earlier version) */
export function bundleSource(): string {
  // biome-ignore lint/complexity/useLiteralKeys: the environment is read by name
  return readFileSync(globalThis.process?.env["STANDIN_BUNDLE"] || join(ROOT, "dist", "Code.js"), "utf8");
}

export interface RunLogEntry {
  at: number;
  what: string;
  fn: string;
  ok: boolean;
  error?: string;
}

export interface SimOptions {
  onProgress?: (msg: string) => void;
  code?: string;
  /** a world set up already, its bundle loaded and its Sheet bound (a snapshot's copy: standin/simulation/snapshot.ts) */
  world?: World;
}

export class Simulation {
  world: World;
  ss: SpreadsheetModel;
  log: RunLogEntry[] = [];
  /** the settings as staff last typed them */
  private current: Settings;
  /** scenario response id -> form */
  private formOfResponse = new Map<string, "registration" | "monthly">();
  private emailOf = new Map<string, string | undefined>();

  constructor(
    readonly scenario: Scenario,
    readonly opts: SimOptions = {},
  ) {
    this.current = scenario.settings;
    if (opts.world) {
      this.world = opts.world;
      this.ss = this.world.spreadsheets.get(this.world.boundSpreadsheetId ?? "") as SpreadsheetModel;
    } else {
      const start = this.startInstant();
      this.world = new World({ now: start, mailQuota: scenario.mailQuota, owner: scenario.accounts.owner, staff: scenario.accounts.staff });
      this.ss = this.world.createSpreadsheet("LĐLĐ Quận 1 – Báo cáo CĐCS", "ss-ldldq1");
      this.world.boundSpreadsheetId = this.ss.id;
      this.world.load(opts.code ?? bundleSource());
    }
    const clock = Simulation.clockOf(scenario);
    this.world.clockFrom = clock.from;
    this.world.clockTo = clock.to;
  }

  /** the window clock triggers fire in: the scenario's run, from its first day's start to its last day's end */
  static clockOf(scenario: Scenario): { from: number; to: number } {
    const tz = scenario.settings.timeZone;
    return { from: instantOf(scenario.run.from, tz), to: instantOf(addDays(scenario.run.to, 1), tz) - 1 };
  }

  private startInstant(): number {
    return Simulation.startOf(this.scenario);
  }

  /** where the clock stands when a simulation of `scenario` starts: an hour before the run or its first event */
  static startOf(scenario: Scenario): number {
    const tz = scenario.settings.timeZone;
    const from = instantOf(scenario.run.from, tz);
    const first = scenario.events[0]?.at ?? from;
    return Math.min(from, first) - 3600_000;
  }

  run(fn: string, what: string, opts: { ui?: boolean; event?: unknown; as?: string } = {}): RunResult {
    const r = this.world.run(fn, opts);
    this.log.push({ at: this.world.now, what, fn, ok: r.ok, error: r.error });
    return r;
  }

  /** the daily trigger as Google runs it: the daily job, then the follow-up runs it schedules a minute later */
  daily(): RunResult {
    const r = this.run("runDaily", "chạy hằng ngày");
    this.world.advanceTo(this.world.now + 10 * 60000, (t, at, x) =>
      this.log.push({ at, what: "chạy tiếp", fn: t.handler, ok: x.ok, error: x.error }),
    );
    return r;
  }

  /** staff open the Sheet, run setup, type the settings and the roster, run setup again */
  install(): void {
    this.run("onOpen", "mở bảng tính", { ui: true });
    this.run("setup", "thiết lập lần đầu", { ui: true });
    this.world.meter.quiet(() => {
      this.typeSettings(this.scenario.settings);
      this.typeUnits(this.scenario.units);
    });
    const r = this.run("setup", "thiết lập sau khi nhập cài đặt và danh sách", { ui: true });
    if (!r.ok) throw new Error(`setup failed: ${r.error}`);
    // staff finish the report template once in the Docs editor (page numbers from page 2), as the guide says
    const template = (this.state().reports as { templateId?: string } | undefined)?.templateId;
    if (template) finishTemplate(this.world, template);
  }

  sheet(name: string): SheetModel {
    const s = this.ss.sheet(name);
    if (!s) throw new Error(`no tab ${name}`);
    return s;
  }

  /** every account of the scenario works in the Sheet: staff type them all in “Tài khoản cán bộ dùng hệ thống” */
  private withAccounts(s: Settings): Settings {
    const all = [...s.staffEmails.map((e) => e.toLowerCase())];
    for (const a of [this.scenario.accounts.owner, ...this.scenario.accounts.staff]) if (!all.includes(a)) all.push(a);
    return { ...s, staffEmails: all };
  }

  typeSettings(given: Settings): void {
    const s = this.withAccounts(given);
    const tab = this.sheet(TAB.settings);
    const last = Number(SETTINGS_RANGE.split(":")[1].replace(/\D/g, ""));
    for (let r = 2; r <= last; r++) {
      const key = String(tab.cell(r, 4));
      const def = SETTING_DEFS.find((d) => d.key === key);
      if (def) tab.put(r, 2, settingCell(def, s[def.key]));
    }
  }

  typeUnits(units: ScenarioUnit[], startRow = 2): void {
    const tab = this.sheet(TAB.units);
    units.forEach((u, i) => {
      const row = [
        u.code,
        u.name,
        u.chair,
        u.emails.join(", "),
        u.phone,
        u.group,
        u.activeFrom ? viMonthShort(u.activeFrom) : "",
        u.activeTo ? viMonthShort(u.activeTo) : "",
      ];
      row.forEach((v, j) => tab.put(startRow + i, j + 1, v));
      if (startRow + i > tab.maxRows) tab.maxRows = startRow + i;
    });
  }

  /** the product's stored state, read as Google's property store holds it */
  state(): Record<string, unknown> {
    let raw = "";
    for (let i = 0; this.world.properties.get(`s.${i}`); i++) raw += this.world.properties.get(`s.${i}`);
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  }

  formRef(form: "registration" | "monthly"): { id: string; items: Record<string, number> } {
    const forms = this.state().forms as Record<string, { id: string; items: Record<string, number> }> | undefined;
    const ref = forms?.[form];
    if (!ref) throw new Error(`form ${form} not set up`);
    return ref;
  }

  private answersMap(form: "registration" | "monthly", answers: Record<string, unknown>): Map<number, string | string[]> {
    const ref = this.formRef(form);
    const m = new Map<number, string | string[]>();
    for (const [k, v] of Object.entries(answers)) {
      const id = ref.items[k];
      if (id === undefined) continue; // a key the form has no question for: a respondent cannot send it
      if (v === null || v === undefined) continue;
      m.set(id, Array.isArray(v) ? v.map(String) : String(v));
    }
    return m;
  }

  apply(e: ScenarioEvent & { as?: string }): void {
    const w = this.world;
    // the staff member who acts: the owner unless the event names another account
    const as = e.as ?? this.scenario.accounts.owner;
    switch (e.type) {
      case "submit":
      case "lost": {
        this.formOfResponse.set(e.id, e.form);
        this.emailOf.set(e.id, e.email);
        const ref = this.formRef(e.form);
        w.submitResponse(ref.id, { id: e.id, at: e.at, email: e.email, answers: this.answersMap(e.form, e.answers) });
        if (e.type === "submit") this.fire(ref.id, e.id, `nộp ${e.form} ${e.id}`);
        break;
      }
      case "edit": {
        const form = this.formOfResponse.get(e.id);
        if (!form && !this.manualForm.has(e.id)) {
          this.log.push({ at: e.at, what: `sửa phản hồi không có: ${e.id}`, fn: "", ok: true });
          break;
        }
        if (!form) {
          // an edit of a paper report: staff retype the row (a new version of the same report)
          this.manualRow({
            type: "manual",
            id: e.id,
            form: this.manualForm.get(e.id) ?? "monthly",
            at: e.at,
            channel: "paper",
            answers: e.answers,
          });
          break;
        }
        const ref = this.formRef(form);
        w.submitResponse(ref.id, {
          id: e.id,
          at: e.at,
          email: e.email ?? this.emailOf.get(e.id),
          answers: this.answersMap(form, e.answers),
        });
        this.fire(ref.id, e.id, `sửa ${e.id}`);
        break;
      }
      case "redeliver": {
        const form = this.formOfResponse.get(e.id);
        if (!form) break;
        this.fire(this.formRef(form).id, e.id, `gửi lại sự kiện ${e.id}`);
        break;
      }
      case "blank": {
        const t = w.triggers.find((x) => x.kind === "ON_FORM_SUBMIT");
        if (t) this.run(t.handler, "sự kiện trống", { event: { authMode: "FULL", triggerUid: t.uid }, as: t.owner });
        break;
      }
      case "manual":
        this.manualForm.set(e.id, e.form);
        this.manualRow(e, as);
        break;
      case "confirm":
        // staff press “Xác nhận” beside the response in the sidebar
        this.sidebar("sidebarConfirm", { ids: [e.id] }, `xác nhận ${e.id}`, as);
        break;
      case "addUnit": {
        const tab = this.sheet(TAB.units);
        w.meter.quiet(() => this.typeUnits([e.unit], tab.lastRow() + 1));
        this.edited(TAB.units, "thêm đơn vị");
        break;
      }
      case "removeUnit": {
        // a staff member deletes the unit's row of the roster
        const tab = this.sheet(TAB.units);
        w.meter.quiet(() => {
          const i = tab.values.findIndex((r, k) => k > 0 && String(r[0]).toUpperCase() === e.code);
          if (i > 0) tab.values.splice(i, 1);
        });
        this.edited(TAB.units, "xóa đơn vị");
        break;
      }
      case "settings": {
        // a staff member types new values in the settings tab; the edit trigger fires
        const s = { ...this.current, ...e.settings } as Settings;
        this.current = s;
        w.meter.quiet(() => this.typeSettings(s));
        this.edited(TAB.settings, "sửa cài đặt");
        break;
      }
      case "menu":
        if (e.action === "sendRemindersNow") this.remindAll(as);
        else if (e.action === "sendRollupNow") this.rollupLatest(as);
        else if (e.action === "runDaily") this.fireDaily();
        else this.run(e.action, `trình đơn ${e.action}`, { ui: true, as });
        break;
      case "leave":
        // the account is gone: Google never runs its code or its triggers again
        w.leave(e.account);
        this.log.push({ at: w.now, what: `tài khoản ${e.account} rời đi`, fn: "", ok: true });
        break;
      case "crash":
        // the next run of that job stops at its call-th call on Google's services
        w.crashNext(CRASH_FNS[e.job], e.call);
        break;
    }
  }

  /** Google fires each installable edit trigger of the Sheet, as the account that made it */
  private edited(tab: string, what: string): void {
    const range = this.world.meter.quiet(() => this.world.sheetOf(this.ss.id, tab)?.getRange(2, 2));
    for (const t of this.world.triggers.filter((x) => x.kind === "ON_EDIT" && x.sourceId === this.ss.id && !this.world.departed(x.owner)))
      this.run(t.handler, what, { event: { range }, as: t.owner });
  }

  /** the daily trigger fires now (menu runDaily in a scenario): as the account whose trigger it is */
  private fireDaily(): void {
    for (const t of this.world.triggers.filter((x) => x.kind === "CLOCK" && x.handler === "runDaily" && !this.world.departed(x.owner)))
      this.run(t.handler, "chạy hằng ngày (trình đơn)", { as: t.owner });
  }

  /** a sidebar's call, as the page makes it (google.script.run): the reply, or the error its failure handler gets */
  sidebar(fn: string, arg: unknown, what = fn, as?: string): { ok: boolean; message: string; data?: unknown } {
    const r = serverCall(this.world, fn, [arg], as);
    this.log.push({ at: this.world.now, what, fn, ok: r.ok, error: r.ok ? undefined : r.error });
    if (!r.ok) return { ok: false, message: r.error };
    return r.value as { ok: boolean; message: string; data?: unknown };
  }

  /** “Gửi thư nhắc…”: the sidebar lists the units owing, all chosen but those reminded today, and staff send */
  remindAll(as?: string): { ok: boolean; message: string } {
    this.run("showReminders", "mở gửi thư nhắc", { ui: true, as });
    const view = this.sidebar("sidebarLoad", { section: "remind" }, "xem đơn vị cần nhắc", as);
    const shown = view.data as { periods?: { units: { code: string; reminded: boolean }[] }[]; all?: { units: number } } | undefined;
    const periods = (shown?.periods ?? []).flatMap((p) => p.units.filter((u) => !u.reminded).map((u) => u.code));
    if (!periods.length) return { ok: true, message: "Không có đơn vị nào cần nhắc." };
    // a list longer than the sidebar's page: staff press “Nhắc tất cả”
    if ((shown?.all?.units ?? 0) > new Set(periods).size) return this.sidebar("sidebarRemind", { all: true }, "nhắc tất cả", as);
    return this.sidebar("sidebarRemind", { units: [...new Set(periods)] }, "gửi thư nhắc", as);
  }

  /** “Gửi tổng hợp…”: the latest period due, as the sidebar offers it first */
  rollupLatest(as?: string): { ok: boolean; message: string } {
    this.run("showRollup", "mở gửi tổng hợp", { ui: true, as });
    const view = this.sidebar("sidebarLoad", { section: "rollup" }, "xem tổng hợp", as);
    const first = (view.data as { periods?: { period: string }[] })?.periods?.[0];
    if (!first) return { ok: false, message: view.message || "Chưa đến hạn của kỳ nào." };
    return this.sidebar("sidebarRollup", { period: first.period }, `gửi tổng hợp ${first.period}`, as);
  }

  private manualForm = new Map<string, "registration" | "monthly">();

  private manualRow(e: Extract<ScenarioEvent, { type: "manual" }>, as = this.scenario.accounts.owner): void {
    const spec = SPECS[e.form];
    const tabName = e.form === "monthly" ? TAB.manualMonthly : TAB.manualRegistration;
    const tab = this.sheet(tabName);
    const header = manualHeader(spec);
    const channel = { paper: "Văn bản giấy", email: "Email", message: "Tin nhắn" }[e.channel] ?? e.channel;
    // staff type the row; the date received as they write it, dd/mm/yyyy hh:mm in the settings' zone
    const r = tab.lastRow() + 1;
    const cells: string[] = [
      e.id,
      formatDate(new Date(e.at), this.scenario.settings.timeZone, "dd/MM/yyyy HH:mm:ss"),
      channel,
      ...spec.fields.map((f) => {
        const v = e.answers[f.key];
        return Array.isArray(v) ? v.join("; ") : v === undefined || v === null ? "" : String(v);
      }),
      "",
    ];
    if (cells.length !== header.length) throw new Error("manual row shape");
    cells.forEach((v, j) => {
      if (v !== "") this.world.type(this.ss.id, tabName, r, j + 1, v, as);
    });
    this.run("recordManualReports", `ghi nhận báo cáo ${e.id}`, { ui: true, as });
  }

  private fire(formId: string, id: string, what: string): void {
    // Google runs each installable trigger as the account that made it
    for (const t of this.world.triggers.filter(
      (x) => x.kind === "ON_FORM_SUBMIT" && x.sourceId === formId && !this.world.departed(x.owner),
    )) {
      this.run(t.handler, what, { event: this.world.submitEvent(formId, id), as: t.owner });
    }
  }

  /** the whole scenario, in time order, with the daily trigger firing between events */
  play(): void {
    this.install();
    this.playEvents();
  }

  /**
   * The scenario's events on a world set up already, from where its clock stands, then on to the run's end. `from`: the
   * events before it were applied already (to this world, or to the one it is a copy of: tests/support/worlds.ts).
   */
  playEvents(from = 0): void {
    this.applyEvents(from, this.scenario.events.length);
    this.advanceTo(this.world.clockTo);
  }

  /** the events from `from` up to (not including) `to`, in time order, the clock triggers firing before each */
  applyEvents(from: number, to: number): void {
    for (const e of this.scenario.events.slice(from, to)) {
      this.advanceTo(e.at);
      this.world.now = Math.max(this.world.now, e.at);
      this.apply(e);
    }
  }

  private progressDay = "";

  /** the clock moves on to `to`, each clock trigger firing on the way, logged */
  advanceTo(to: number): void {
    const tz = this.scenario.settings.timeZone;
    this.world.advanceTo(to, (t, at, r) => {
      const d = localDay(at, tz);
      if (d !== this.progressDay) {
        this.progressDay = d;
        this.opts.onProgress?.(`${d}: ${this.world.mails.length} thư đã gửi`);
      }
      this.log.push({ at, what: "trình kích hoạt theo giờ", fn: t.handler, ok: r.ok, error: r.error });
    });
  }
}
