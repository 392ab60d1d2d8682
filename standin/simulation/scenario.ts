// The simulate contract's input: read, checked, and every fault named by its JSON path.

import { addDays, instantOf, isValidMonth, isValidYmd } from "../../src/domain/dates.js";
import { checkSettings, DEFAULT_SETTINGS, SETTING_DEFS, type Settings } from "../../src/domain/settings.js";

export interface ScenarioUnit {
  code: string;
  name: string;
  chair: string;
  emails: string[];
  phone: string;
  group: string;
  activeFrom: string | null;
  activeTo: string | null;
}

export type ScenarioEvent =
  | { type: "submit"; id: string; form: "registration" | "monthly"; at: number; email?: string; answers: Record<string, unknown> }
  | { type: "edit"; id: string; at: number; email?: string; answers: Record<string, unknown> }
  | { type: "manual"; id: string; form: "registration" | "monthly"; at: number; channel: string; answers: Record<string, unknown> }
  | { type: "confirm"; id: string; at: number }
  | { type: "redeliver"; id: string; at: number }
  | { type: "blank"; at: number }
  | { type: "lost"; id: string; form: "registration" | "monthly"; at: number; email?: string; answers: Record<string, unknown> }
  | { type: "addUnit"; at: number; unit: ScenarioUnit }
  | { type: "removeUnit"; at: number; code: string }
  | { type: "settings"; at: number; settings: Partial<Settings> }
  | { type: "menu"; at: number; action: string }
  | { type: "leave"; at: number; account: string }
  | { type: "crash"; at: number; job: CrashJob; call: number };

/** the jobs a `crash` event can cut off (Revision 3) */
export const CRASH_JOBS = ["submit", "runDaily", "runFollowUp", "setup", "archive", "rollup"] as const;
export type CrashJob = (typeof CRASH_JOBS)[number];

/** events staff make, which name the account that acts (`as`) */
const STAFF_EVENTS = ["manual", "confirm", "menu", "settings", "addUnit", "removeUnit"];

export interface Accounts {
  /** the account that runs setup first: it owns the Sheet and, until another takes over, the triggers */
  owner: string;
  /** the other staff accounts, each able to act (`as`) */
  staff: string[];
}

export interface Scenario {
  settings: Settings;
  mailQuota: number;
  accounts: Accounts;
  units: ScenarioUnit[];
  /** `as`: the account that acts (staff events; the owner when absent) */
  events: (ScenarioEvent & { index: number; as?: string })[];
  run: { from: string; to: string };
}

export class ScenarioError extends Error {
  constructor(
    public path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "ScenarioError";
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EVENT_TYPES = [
  "submit",
  "edit",
  "manual",
  "confirm",
  "redeliver",
  "blank",
  "lost",
  "addUnit",
  "removeUnit",
  "settings",
  "menu",
  "leave",
  "crash",
];
const MENU_ACTIONS = ["runDaily", "refreshStatus", "previewMails", "sendRemindersNow", "sendRollupNow", "setup", "takeOver"];
const DEFAULT_OWNER = "tuyengiao@ldldq1.example.vn";

function accountsOf(raw: unknown, settings: Settings): Accounts {
  const fallback = settings.staffEmails[0]?.toLowerCase() ?? DEFAULT_OWNER;
  if (raw === undefined) return { owner: fallback, staff: settings.staffEmails.map((e) => e.toLowerCase()).filter((e) => e !== fallback) };
  const a = obj(raw, "$.accounts");
  const owner = a.owner === undefined ? fallback : str(a.owner, "$.accounts.owner").toLowerCase();
  if (!EMAIL.test(owner)) throw new ScenarioError("$.accounts.owner", `"${owner}" is not an email address`);
  const list = a.staff === undefined ? [] : a.staff;
  if (!Array.isArray(list)) throw new ScenarioError("$.accounts.staff", "must be a list of email addresses");
  const staff: string[] = [];
  list.forEach((e, i) => {
    if (typeof e !== "string" || !EMAIL.test(e))
      throw new ScenarioError(`$.accounts.staff[${i}]`, `"${String(e)}" is not an email address`);
    const x = e.toLowerCase();
    if (x !== owner && !staff.includes(x)) staff.push(x);
  });
  return { owner, staff };
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new ScenarioError(path, "must be an object");
  return v as Record<string, unknown>;
}
function str(v: unknown, path: string): string {
  if (typeof v !== "string" || !v.trim()) throw new ScenarioError(path, "must be a non-empty string");
  return v;
}
function instant(v: unknown, path: string): number {
  const s = str(v, path);
  const t = Date.parse(s);
  if (!ISO.test(s) || Number.isNaN(t) || !isValidYmd(s.slice(0, 10))) {
    throw new ScenarioError(path, `"${s}" is not an ISO 8601 instant with an offset (e.g. 2018-10-22T21:00:00+07:00)`);
  }
  return t;
}

function unit(v: unknown, path: string): ScenarioUnit {
  const u = obj(v, path);
  const code = str(u.code, `${path}.code`);
  if (!/^[A-Za-z0-9._-]{1,30}$/.test(code))
    throw new ScenarioError(`${path}.code`, `"${code}" is not a unit code (letters, digits, . _ -)`);
  const emails = u.emails === undefined ? [] : u.emails;
  if (!Array.isArray(emails)) throw new ScenarioError(`${path}.emails`, "must be a list of email addresses");
  emails.forEach((e, i) => {
    if (typeof e !== "string" || !EMAIL.test(e)) throw new ScenarioError(`${path}.emails[${i}]`, `"${String(e)}" is not an email address`);
  });
  for (const k of ["activeFrom", "activeTo"] as const) {
    const m = u[k];
    if (m !== undefined && m !== null && (typeof m !== "string" || !isValidMonth(m))) {
      throw new ScenarioError(`${path}.${k}`, `"${String(m)}" is not a month (YYYY-MM) or null`);
    }
  }
  return {
    code: code.toUpperCase(),
    name: typeof u.name === "string" ? u.name : code,
    chair: typeof u.chair === "string" ? u.chair : "",
    emails: emails as string[],
    phone: typeof u.phone === "string" ? u.phone : "",
    group: typeof u.group === "string" ? u.group : "",
    activeFrom: (u.activeFrom as string | null | undefined) ?? null,
    activeTo: (u.activeTo as string | null | undefined) ?? null,
  };
}

/** settings over `base`, each key checked and named by its path */
function settingsOf(
  raw: Record<string, unknown>,
  base: Settings,
  where: string,
  quota: boolean,
): { settings: Settings; mailQuota?: number } {
  const settings: Settings = { ...base };
  let mailQuota: number | undefined;
  const given: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    const path = `${where}.${k}`;
    if (k === "mailQuota" && quota) {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new ScenarioError(path, "must be a whole number ≥ 0");
      mailQuota = v;
      continue;
    }
    const def = SETTING_DEFS.find((d) => d.key === k);
    if (!def) throw new ScenarioError(path, `unknown setting (known: ${SETTING_DEFS.map((d) => d.key).join(", ")}, mailQuota)`);
    const want = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[k];
    if (typeof v !== typeof want || Array.isArray(v) !== Array.isArray(want))
      throw new ScenarioError(path, `has the wrong type (${JSON.stringify(v)})`);
    (settings as unknown as Record<string, unknown>)[k] = v;
    given.push(k);
  }
  // checked once every key is in: settings that only work together (a due day and its inclusive switch) are judged together
  for (const err of checkSettings(settings)) {
    const k = err.slice(0, err.indexOf(":"));
    throw new ScenarioError(`${where}.${given.includes(k) ? k : (given[0] ?? k)}`, err.slice(k.length + 2));
  }
  return { settings, mailQuota };
}

export function parseScenario(input: unknown): Scenario {
  const root = obj(input, "$");
  const rawSettings = root.settings === undefined ? {} : obj(root.settings, "$.settings");
  const parsed = settingsOf(rawSettings, DEFAULT_SETTINGS, "$.settings", true);
  const settings = parsed.settings;
  const mailQuota = parsed.mailQuota ?? 100;
  if (!Array.isArray(root.units)) throw new ScenarioError("$.units", "must be a list");
  const units = root.units.map((u, i) => unit(u, `$.units[${i}]`));
  const seen = new Set<string>();
  units.forEach((u, i) => {
    if (seen.has(u.code)) throw new ScenarioError(`$.units[${i}].code`, `duplicate unit code "${u.code}"`);
    seen.add(u.code);
  });
  const runRaw = obj(root.run, "$.run");
  const from = str(runRaw.from, "$.run.from");
  const to = str(runRaw.to, "$.run.to");
  if (!isValidYmd(from)) throw new ScenarioError("$.run.from", `"${from}" is not a date (YYYY-MM-DD)`);
  if (!isValidYmd(to)) throw new ScenarioError("$.run.to", `"${to}" is not a date (YYYY-MM-DD)`);
  if (to < from) throw new ScenarioError("$.run.to", "is before run.from");
  const accounts = accountsOf(root.accounts, settings);
  const known = [accounts.owner, ...accounts.staff];
  const account = (v: unknown, path: string) => {
    const a = str(v, path).toLowerCase();
    if (!known.includes(a)) throw new ScenarioError(path, `"${a}" names no account in $.accounts (known: ${known.join(", ")})`);
    return a;
  };
  const evs = root.events === undefined ? [] : root.events;
  if (!Array.isArray(evs)) throw new ScenarioError("$.events", "must be a list");
  const events = evs.map((raw, index) => withAs(raw, index));
  function withAs(raw: unknown, index: number): ScenarioEvent & { index: number; as?: string } {
    const e = parseEvent(raw, index);
    const as = (raw as Record<string, unknown>).as;
    return as === undefined ? e : { ...e, as: String(as).toLowerCase() };
  }
  function parseEvent(raw: unknown, index: number): ScenarioEvent & { index: number } {
    const path = `$.events[${index}]`;
    const e = obj(raw, path);
    const type = str(e.type, `${path}.type`);
    if (!EVENT_TYPES.includes(type))
      throw new ScenarioError(`${path}.type`, `unknown event type "${type}" (known: ${EVENT_TYPES.join(", ")})`);
    const at = instant(e.at, `${path}.at`);
    if (e.as !== undefined && !STAFF_EVENTS.includes(type))
      throw new ScenarioError(`${path}.as`, `a "${type}" event is not made by a staff account (as applies to ${STAFF_EVENTS.join(", ")})`);
    if (e.as !== undefined) account(e.as, `${path}.as`);
    const answers = () => (e.answers === undefined ? {} : obj(e.answers, `${path}.answers`));
    const form = () => {
      const f = str(e.form, `${path}.form`);
      if (f !== "registration" && f !== "monthly") throw new ScenarioError(`${path}.form`, `unknown form "${f}" (registration or monthly)`);
      return f as "registration" | "monthly";
    };
    const email = () => {
      if (e.email === undefined || e.email === null) return undefined;
      if (typeof e.email !== "string") throw new ScenarioError(`${path}.email`, "must be a string");
      return e.email;
    };
    switch (type) {
      case "submit":
      case "lost": {
        const id = str(e.id, `${path}.id`);
        return { type, id, form: form(), at, email: email(), answers: answers(), index } as ScenarioEvent & { index: number };
      }
      case "edit":
      case "redeliver":
      case "confirm": {
        // an id no submission carries is not malformed: staff can type a wrong code, Google can fire a stray event
        const id = str(e.id, `${path}.id`);
        if (type === "edit") return { type, id, at, email: email(), answers: answers(), index } as ScenarioEvent & { index: number };
        return { type, id, at, index } as ScenarioEvent & { index: number };
      }
      case "manual": {
        const id = str(e.id, `${path}.id`);
        const f = form();
        const channel = e.channel === undefined ? "paper" : str(e.channel, `${path}.channel`);
        if (!["paper", "email", "message"].includes(channel))
          throw new ScenarioError(`${path}.channel`, `"${channel}" is not paper, email or message`);
        return { type, id, form: f, at, channel, answers: answers(), index } as ScenarioEvent & { index: number };
      }
      case "blank":
        return { type, at, index } as ScenarioEvent & { index: number };
      case "leave":
        return { type, at, account: account(e.account, `${path}.account`), index } as ScenarioEvent & { index: number };
      case "crash": {
        const job = str(e.job, `${path}.job`);
        if (!(CRASH_JOBS as readonly string[]).includes(job))
          throw new ScenarioError(`${path}.job`, `unknown job "${job}" (known: ${CRASH_JOBS.join(", ")})`);
        const call = e.call;
        if (typeof call !== "number" || !Number.isInteger(call) || call < 1)
          throw new ScenarioError(`${path}.call`, "must be a whole number ≥ 1");
        return { type, at, job: job as CrashJob, call, index } as ScenarioEvent & { index: number };
      }
      case "addUnit":
        return { type, at, unit: unit(e.unit, `${path}.unit`), index } as ScenarioEvent & { index: number };
      case "removeUnit": {
        const c = str(e.code, `${path}.code`).toUpperCase();
        return { type, at, code: c, index } as ScenarioEvent & { index: number };
      }
      case "settings": {
        // staff change settings: each key checked as the scenario's own settings are (mailQuota is the stand-in's, not a setting)
        const raw = obj(e.settings, `${path}.settings`);
        settingsOf(raw, settings, `${path}.settings`, false);
        return { type, at, settings: raw as Partial<Settings>, index } as ScenarioEvent & { index: number };
      }
      default: {
        const action = str(e.action, `${path}.action`);
        if (!MENU_ACTIONS.includes(action))
          throw new ScenarioError(`${path}.action`, `unknown action "${action}" (known: ${MENU_ACTIONS.join(", ")})`);
        return { type: "menu", at, action, index } as ScenarioEvent & { index: number };
      }
    }
  }
  // the run ends at the end of run.to, local time: an event after it would never be played
  const end = instantOf(addDays(to, 1), settings.timeZone);
  events.forEach((e, i) => {
    if (e.at >= end) throw new ScenarioError(`$.events[${i}].at`, `is after run.to (${to}): the run ends before it`);
  });
  // a response comes back through an edit or a redelivery, never a second submit with its id
  const ids = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.type !== "submit" && e.type !== "lost") return;
    const first = ids.get(e.id);
    if (first !== undefined)
      throw new ScenarioError(`$.events[${i}].id`, `"${e.id}" was already submitted by $.events[${first}] (use "edit" or "redeliver")`);
    ids.set(e.id, i);
  });
  events.sort((a, b) => a.at - b.at || a.index - b.index);
  return { settings, mailQuota, accounts, units, events, run: { from, to } };
}
