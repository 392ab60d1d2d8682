// ScriptApp: installable triggers belong to the account that makes them. getProjectTriggers() lists only the caller's
// ("Gets all installable triggers associated with the current project and current user":
// https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()), and each runs as its
// owner (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
import { enumOf, enumValue, google, type Only } from "./google.js";
import type { World } from "./world.js";

type ScriptApp = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;
type TriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type ClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type FormTriggerBuilder = GoogleAppsScript.Script.FormTriggerBuilder;
type SpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

/** "20 triggers / user / script" (https://developers.google.com/apps-script/guides/services/quotas) */
export const TRIGGER_LIMIT = 20;

export interface TriggerModel {
  uid: string;
  handler: string;
  kind: "ON_FORM_SUBMIT" | "ON_EDIT" | "ON_OPEN" | "CLOCK";
  sourceId: string | null;
  owner: string;
  everyDays?: number;
  atHour?: number;
  timeZone?: string;
  afterAt?: number;
  spent?: boolean;
}

export class StandinTrigger implements Pick<Trigger, "getHandlerFunction" | "getEventType" | "getTriggerSourceId" | "getUniqueId"> {
  constructor(
    private w: World,
    readonly model: TriggerModel,
  ) {}
  getHandlerFunction(): string {
    this.w.meter.hit("ScriptApp", "Trigger.getHandlerFunction");
    return this.model.handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.w.meter.hit("ScriptApp", "Trigger.getEventType");
    return enumValue(this.model.kind);
  }
  getTriggerSourceId(): string {
    this.w.meter.hit("ScriptApp", "Trigger.getTriggerSourceId");
    return this.model.sourceId as string;
  }
  getUniqueId(): string {
    this.w.meter.hit("ScriptApp", "Trigger.getUniqueId");
    return this.model.uid;
  }
}
export type _TriggerOnly = Only<Exclude<keyof StandinTrigger, keyof Trigger | "model">>;

/** one builder object stands for the four builder kinds, each seen through its own Google type */
export class StandinTriggerBuilder
  implements
    Pick<TriggerBuilder, "forForm" | "forSpreadsheet" | "timeBased">,
    Pick<ClockTriggerBuilder, "everyDays" | "atHour" | "nearMinute" | "inTimezone" | "after" | "create">,
    Pick<FormTriggerBuilder, "onFormSubmit">,
    Pick<SpreadsheetTriggerBuilder, "onEdit" | "onOpen">
{
  private t: TriggerModel;
  constructor(
    private w: World,
    handler: string,
  ) {
    this.t = { uid: "", handler, kind: "CLOCK", sourceId: null, owner: w.user() };
  }
  private h(m: string) {
    this.w.meter.hit("ScriptApp", `TriggerBuilder.${m}`);
  }
  private as<T>(): T {
    return google<T>(this as unknown as Partial<T>);
  }
  forForm(f: string | GoogleAppsScript.Forms.Form): FormTriggerBuilder {
    this.h("forForm");
    this.t.sourceId = typeof f === "string" ? f : f.getId();
    return this.as<FormTriggerBuilder>();
  }
  forSpreadsheet(s: string | GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetTriggerBuilder {
    this.h("forSpreadsheet");
    this.t.sourceId = typeof s === "string" ? s : s.getId();
    return this.as<SpreadsheetTriggerBuilder>();
  }
  timeBased(): ClockTriggerBuilder {
    this.h("timeBased");
    this.t.kind = "CLOCK";
    this.t.timeZone = this.w.scriptTimeZone;
    return this.as<ClockTriggerBuilder>();
  }
  everyDays(n: number): ClockTriggerBuilder {
    this.h("everyDays");
    this.t.everyDays = n;
    return this.as<ClockTriggerBuilder>();
  }
  atHour(n: number): ClockTriggerBuilder {
    this.h("atHour");
    this.t.atHour = n;
    return this.as<ClockTriggerBuilder>();
  }
  nearMinute(_n: number): ClockTriggerBuilder {
    this.h("nearMinute");
    return this.as<ClockTriggerBuilder>();
  }
  inTimezone(tz: string): ClockTriggerBuilder {
    this.h("inTimezone");
    this.t.timeZone = tz;
    return this.as<ClockTriggerBuilder>();
  }
  after(ms: number): ClockTriggerBuilder {
    this.h("after");
    this.t.afterAt = this.w.now + ms;
    return this.as<ClockTriggerBuilder>();
  }
  onFormSubmit(): FormTriggerBuilder {
    this.h("onFormSubmit");
    this.t.kind = "ON_FORM_SUBMIT";
    return this.as<FormTriggerBuilder>();
  }
  onEdit(): SpreadsheetTriggerBuilder {
    this.h("onEdit");
    this.t.kind = "ON_EDIT";
    return this.as<SpreadsheetTriggerBuilder>();
  }
  onOpen(): SpreadsheetTriggerBuilder {
    this.h("onOpen");
    this.t.kind = "ON_OPEN";
    return this.as<SpreadsheetTriggerBuilder>();
  }
  create(): Trigger {
    this.h("create");
    const mine = this.w.triggers.filter((x) => x.owner === this.t.owner);
    if (mine.length >= TRIGGER_LIMIT) throw this.w.fail("tooManyTriggers");
    this.t.uid = String(this.w.nextTriggerId());
    this.w.triggers.push(this.t);
    return google<Trigger>(new StandinTrigger(this.w, this.t));
  }
}
export type _TriggerBuilderOnly = Only<
  Exclude<
    keyof StandinTriggerBuilder,
    keyof TriggerBuilder | keyof ClockTriggerBuilder | keyof FormTriggerBuilder | keyof SpreadsheetTriggerBuilder
  >
>;

export function makeScriptApp(
  w: World,
): Pick<ScriptApp, "newTrigger" | "getProjectTriggers" | "deleteTrigger" | "getScriptId" | "EventType" | "AuthMode"> {
  return {
    EventType: enumOf<typeof GoogleAppsScript.Script.EventType>(["ON_FORM_SUBMIT", "ON_EDIT", "ON_OPEN", "CLOCK"]),
    AuthMode: enumOf<typeof GoogleAppsScript.Script.AuthMode>(["FULL", "LIMITED", "NONE"]),
    newTrigger(handler: string): TriggerBuilder {
      w.meter.hit("ScriptApp", "ScriptApp.newTrigger");
      return google<TriggerBuilder>(new StandinTriggerBuilder(w, handler));
    },
    getProjectTriggers(): Trigger[] {
      w.meter.hit("ScriptApp", "ScriptApp.getProjectTriggers");
      return w.makeArrayFrom(w.triggers.filter((t) => t.owner === w.user()).map((t) => google<Trigger>(new StandinTrigger(w, t))));
    },
    deleteTrigger(t: Trigger): void {
      w.meter.hit("ScriptApp", "ScriptApp.deleteTrigger");
      if (!(t instanceof StandinTrigger)) throw new TypeError("not a Trigger");
      if (t.model.owner !== w.user()) throw w.fail("notYourTrigger");
      w.triggers = w.triggers.filter((x) => x !== t.model);
    },
    getScriptId(): string {
      w.meter.hit("ScriptApp", "ScriptApp.getScriptId");
      return w.scriptId;
    },
  };
}
