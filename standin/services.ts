// MailApp, PropertiesService, CacheService, LockService, ScriptApp, Utilities, Session, Logger and Ui.
import { formatDate } from "./format-date.js";
import type { World } from "./world.js";

export interface SentMail {
  at: number;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  attachments: { name: string; contentType: string; data: Uint8Array; convertedFrom?: string }[];
}

const splitAddr = (s: unknown): string[] =>
  typeof s === "string" && s.trim()
    ? s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

export class StandinBlob {
  constructor(
    private w: World,
    public data: Uint8Array,
    public contentType: string,
    public name: string,
    public convertedFrom?: string,
  ) {}
  getBytes() {
    this.w.meter.hit("Utilities", "Blob.getBytes");
    return this.w.makeArrayFrom(Array.from(this.data, (b) => (b > 127 ? b - 256 : b)));
  }
  getDataAsString() {
    this.w.meter.hit("Utilities", "Blob.getDataAsString");
    return new TextDecoder().decode(this.data);
  }
  getContentType() {
    this.w.meter.hit("Utilities", "Blob.getContentType");
    return this.contentType;
  }
  getName() {
    this.w.meter.hit("Utilities", "Blob.getName");
    return this.name;
  }
  setName(n: string) {
    this.w.meter.hit("Utilities", "Blob.setName");
    this.name = n;
    return this;
  }
  /** Google converts HTML to PDF here; the stand-in keeps the HTML it would convert and says so in the name. */
  getAs(contentType: string) {
    this.w.meter.hit("Utilities", "Blob.getAs");
    if (contentType === "application/pdf" && this.contentType.startsWith("text/html")) {
      const base = this.name.replace(/\.(html?|pdf)$/i, "");
      return new StandinBlob(this.w, this.data, "text/html", `${base}.pdf-source.html`, "application/pdf");
    }
    return new StandinBlob(this.w, this.data, contentType, this.name);
  }
}

export function makeMailApp(w: World) {
  const send = (...args: unknown[]) => {
    w.meter.hit("MailApp", "MailApp.sendEmail");
    let m: Record<string, unknown>;
    if (typeof args[0] === "object" && args[0] !== null) m = args[0] as Record<string, unknown>;
    else m = { to: args[0], subject: args[1], body: args[2], ...((args[3] as object) ?? {}) };
    const to = splitAddr(m.to);
    const cc = splitAddr(m.cc);
    const bcc = splitAddr(m.bcc);
    if (!to.length && !cc.length && !bcc.length) throw new Error("Failed to send email: no recipient");
    const n = to.length + cc.length + bcc.length;
    if (w.mailRemaining() < n) throw new Error("Service invoked too many times for one day: email.");
    const subject = String(m.subject ?? "");
    if (subject.length > 250) throw new Error("Subject too long (max 250 characters).");
    const size = String(m.body ?? "").length + String(m.htmlBody ?? "").length;
    if (size > 200 * 1024) throw new Error("Email body too large (max 200 KB).");
    const atts = ((m.attachments as StandinBlob[] | undefined) ?? []).map((b) => ({
      name: b.name,
      contentType: b.contentType,
      data: b.data,
      convertedFrom: b.convertedFrom,
    }));
    w.useMail(n);
    w.mails.push({
      at: w.now,
      to,
      cc,
      bcc,
      subject,
      body: String(m.body ?? ""),
      htmlBody: m.htmlBody === undefined ? null : String(m.htmlBody),
      name: m.name === undefined ? null : String(m.name),
      replyTo: m.replyTo === undefined ? null : String(m.replyTo),
      attachments: atts,
    });
  };
  return {
    sendEmail: send,
    getRemainingDailyQuota() {
      w.meter.hit("MailApp", "MailApp.getRemainingDailyQuota");
      return w.mailRemaining();
    },
  };
}

const PROP_VALUE_LIMIT = 9 * 1024;
const PROP_TOTAL_LIMIT = 500 * 1024;

export function makeProperties(w: World) {
  const store = w.properties;
  const size = () => {
    let n = 0;
    for (const [k, v] of store) n += k.length + v.length;
    return n;
  };
  const put = (k: string, v: string) => {
    const val = String(v);
    if (val.length > PROP_VALUE_LIMIT) throw new Error("Argument too large: value");
    const before = store.get(k);
    store.set(k, val);
    if (size() > PROP_TOTAL_LIMIT) {
      if (before === undefined) store.delete(k);
      else store.set(k, before);
      throw new Error("You have exceeded the property storage quota. Please remove some properties and try again.");
    }
  };
  const props = {
    getProperty(k: string) {
      w.meter.hit("PropertiesService", "Properties.getProperty");
      return store.get(k) ?? null;
    },
    setProperty(k: string, v: string) {
      w.meter.hit("PropertiesService", "Properties.setProperty");
      put(k, v);
      return props;
    },
    getProperties() {
      w.meter.hit("PropertiesService", "Properties.getProperties");
      const o: Record<string, string> = w.makeObject();
      for (const [k, v] of store) o[k] = v;
      return o;
    },
    setProperties(o: Record<string, string>, deleteAllOthers?: boolean) {
      w.meter.hit("PropertiesService", "Properties.setProperties");
      const backup = new Map(store);
      try {
        if (deleteAllOthers) store.clear();
        for (const k of Object.keys(o)) put(k, o[k]);
      } catch (e) {
        store.clear();
        for (const [k, v] of backup) store.set(k, v);
        throw e;
      }
      return props;
    },
    deleteProperty(k: string) {
      w.meter.hit("PropertiesService", "Properties.deleteProperty");
      store.delete(k);
      return props;
    },
    getKeys() {
      w.meter.hit("PropertiesService", "Properties.getKeys");
      return w.makeArrayFrom([...store.keys()]);
    },
  };
  return {
    getScriptProperties() {
      w.meter.hit("PropertiesService", "PropertiesService.getScriptProperties");
      return props;
    },
  };
}

export function makeCache(w: World) {
  const cache = {
    get(k: string) {
      w.meter.hit("CacheService", "Cache.get");
      const e = w.cache.get(k);
      if (!e || e.until < w.now) return null;
      return e.value;
    },
    put(k: string, v: string, ttl = 600) {
      w.meter.hit("CacheService", "Cache.put");
      if (String(v).length > 100 * 1024) throw new Error("Argument too large: value");
      w.cache.set(k, { value: String(v), until: w.now + Math.min(ttl, 21600) * 1000 });
    },
    remove(k: string) {
      w.meter.hit("CacheService", "Cache.remove");
      w.cache.delete(k);
    },
  };
  return {
    getScriptCache() {
      w.meter.hit("CacheService", "CacheService.getScriptCache");
      return cache;
    },
  };
}

export function makeLockService(w: World) {
  let held = false;
  const attempt = () => {
    if (w.lockBusy > 0) {
      w.lockBusy--;
      return false;
    }
    if (w.lockHeldElsewhere) return false;
    held = true;
    return true;
  };
  const lock = {
    waitLock(_ms: number) {
      w.meter.hit("LockService", "Lock.waitLock");
      if (!attempt()) throw new Error("Lock timeout: another process was holding the lock for too long.");
    },
    tryLock(_ms: number) {
      w.meter.hit("LockService", "Lock.tryLock");
      return attempt();
    },
    releaseLock() {
      w.meter.hit("LockService", "Lock.releaseLock");
      held = false;
    },
    hasLock() {
      w.meter.hit("LockService", "Lock.hasLock");
      return held;
    },
  };
  return {
    getScriptLock() {
      w.meter.hit("LockService", "LockService.getScriptLock");
      held = false;
      return lock;
    },
  };
}

export interface TriggerModel {
  uid: string;
  handler: string;
  kind: "ON_FORM_SUBMIT" | "ON_EDIT" | "ON_OPEN" | "CLOCK";
  sourceId: string | null;
  everyDays?: number;
  atHour?: number;
  timeZone?: string;
  afterAt?: number;
  spent?: boolean;
}

export function makeScriptApp(w: World) {
  const wrap = (t: TriggerModel) => ({
    getHandlerFunction() {
      w.meter.hit("ScriptApp", "Trigger.getHandlerFunction");
      return t.handler;
    },
    getEventType() {
      w.meter.hit("ScriptApp", "Trigger.getEventType");
      return t.kind;
    },
    getTriggerSourceId() {
      w.meter.hit("ScriptApp", "Trigger.getTriggerSourceId");
      return t.sourceId;
    },
    getUniqueId() {
      w.meter.hit("ScriptApp", "Trigger.getUniqueId");
      return t.uid;
    },
    __model: t,
  });
  const builder = (handler: string) => {
    const t: TriggerModel = { uid: "", handler, kind: "CLOCK", sourceId: null };
    const h = (m: string) => w.meter.hit("ScriptApp", `TriggerBuilder.${m}`);
    const create = () => {
      h("create");
      if (w.triggers.length >= 20)
        throw new Error("This script has too many triggers. Triggers must be deleted from the script before more can be added.");
      t.uid = String(w.nextTriggerId());
      w.triggers.push(t);
      return wrap(t);
    };
    const clock = {
      everyDays(n: number) {
        h("everyDays");
        t.everyDays = n;
        return clock;
      },
      atHour(n: number) {
        h("atHour");
        t.atHour = n;
        return clock;
      },
      nearMinute(_n: number) {
        h("nearMinute");
        return clock;
      },
      inTimezone(tz: string) {
        h("inTimezone");
        t.timeZone = tz;
        return clock;
      },
      after(ms: number) {
        h("after");
        t.afterAt = w.now + ms;
        return clock;
      },
      create,
    };
    const source = {
      onFormSubmit() {
        h("onFormSubmit");
        t.kind = "ON_FORM_SUBMIT";
        return { create };
      },
      onEdit() {
        h("onEdit");
        t.kind = "ON_EDIT";
        return { create };
      },
      onOpen() {
        h("onOpen");
        t.kind = "ON_OPEN";
        return { create };
      },
    };
    return {
      forForm(f: string | { model: { id: string } }) {
        h("forForm");
        t.sourceId = typeof f === "string" ? f : f.model.id;
        return source;
      },
      forSpreadsheet(s: string | { model: { id: string } }) {
        h("forSpreadsheet");
        t.sourceId = typeof s === "string" ? s : s.model.id;
        return source;
      },
      timeBased() {
        h("timeBased");
        t.kind = "CLOCK";
        t.timeZone = w.scriptTimeZone;
        return clock;
      },
    };
  };
  return {
    EventType: { ON_FORM_SUBMIT: "ON_FORM_SUBMIT", ON_EDIT: "ON_EDIT", ON_OPEN: "ON_OPEN", CLOCK: "CLOCK" },
    AuthMode: { FULL: "FULL", LIMITED: "LIMITED", NONE: "NONE" },
    newTrigger(handler: string) {
      w.meter.hit("ScriptApp", "ScriptApp.newTrigger");
      return builder(handler);
    },
    getProjectTriggers() {
      w.meter.hit("ScriptApp", "ScriptApp.getProjectTriggers");
      return w.makeArrayFrom(w.triggers.map(wrap));
    },
    deleteTrigger(t: { __model: TriggerModel }) {
      w.meter.hit("ScriptApp", "ScriptApp.deleteTrigger");
      w.triggers = w.triggers.filter((x) => x !== t.__model);
    },
    getScriptId() {
      w.meter.hit("ScriptApp", "ScriptApp.getScriptId");
      return "standin-script";
    },
  };
}

export function makeUtilities(w: World) {
  return {
    formatDate(d: Date, tz: string, pattern: string) {
      w.meter.hit("Utilities", "Utilities.formatDate");
      return formatDate(new Date(d.getTime()), tz, pattern);
    },
    getUuid() {
      w.meter.hit("Utilities", "Utilities.getUuid");
      return w.uuid();
    },
    sleep(ms: number) {
      w.meter.hit("Utilities", "Utilities.sleep");
      w.now += ms;
    },
    newBlob(data: string | number[], contentType?: string, name?: string) {
      w.meter.hit("Utilities", "Utilities.newBlob");
      const bytes = typeof data === "string" ? new TextEncoder().encode(data) : Uint8Array.from(data as number[], (b) => b & 255);
      return new StandinBlob(w, bytes, contentType ?? "text/plain", name ?? "blob");
    },
    Charset: { UTF_8: "UTF-8" },
  };
}

export function makeSession(w: World) {
  const user = (email: () => string) => ({
    getEmail() {
      w.meter.hit("Session", "User.getEmail");
      return email();
    },
  });
  return {
    getScriptTimeZone() {
      w.meter.hit("Session", "Session.getScriptTimeZone");
      return w.scriptTimeZone;
    },
    getActiveUser() {
      w.meter.hit("Session", "Session.getActiveUser");
      return user(() => (w.uiContext ? w.activeUser : ""));
    },
    getEffectiveUser() {
      w.meter.hit("Session", "Session.getEffectiveUser");
      return user(() => w.effectiveUser);
    },
  };
}

export function makeUi(w: World) {
  const menu = (title: string) => {
    const items: { label: string; fn: string }[] = [];
    const m = {
      addItem(label: string, fn: string) {
        w.meter.hit("SpreadsheetApp", "Menu.addItem");
        items.push({ label, fn });
        return m;
      },
      addSeparator() {
        w.meter.hit("SpreadsheetApp", "Menu.addSeparator");
        items.push({ label: "—", fn: "" });
        return m;
      },
      addToUi() {
        w.meter.hit("SpreadsheetApp", "Menu.addToUi");
        w.menus.set(title, items);
      },
    };
    return m;
  };
  return {
    ButtonSet: { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO" },
    Button: { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" },
    createMenu(title: string) {
      w.meter.hit("SpreadsheetApp", "Ui.createMenu");
      return menu(title);
    },
    alert(...args: unknown[]) {
      w.meter.hit("SpreadsheetApp", "Ui.alert");
      w.alerts.push(args.filter((a) => typeof a === "string" && !["OK", "OK_CANCEL", "YES_NO"].includes(a)).join("\n"));
      return "OK";
    },
    prompt(...args: unknown[]) {
      w.meter.hit("SpreadsheetApp", "Ui.prompt");
      w.alerts.push(String(args.filter((a) => typeof a === "string").join("\n")));
      const answer = w.promptAnswers.shift();
      return {
        getResponseText: () => answer ?? "",
        getSelectedButton: () => (answer === undefined ? "CANCEL" : "OK"),
      };
    },
  };
}
