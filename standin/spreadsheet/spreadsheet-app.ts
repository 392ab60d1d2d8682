// SpreadsheetApp and its Ui (menus, alerts, prompts: only from a UI context, as on Google).
import { enumOf, enumValue, google, type Only } from "../google.js";
import { sidebarOf } from "../html.js";
import type { World } from "../world.js";
import { StandinSpreadsheet } from "./spreadsheet.js";
import { StandinConditionalRuleBuilder, StandinDataValidationBuilder, StandinRichTextValueBuilder } from "./spreadsheet-builders.js";

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type PromptResponse = GoogleAppsScript.Base.PromptResponse;

const S = "SpreadsheetApp" as const;

export class StandinMenu implements Pick<Menu, "addItem" | "addSeparator" | "addToUi"> {
  private items: { label: string; fn: string }[] = [];
  constructor(
    private w: World,
    private title: string,
  ) {}
  addItem(label: string, fn: string): Menu {
    this.w.meter.hit(S, "Menu.addItem");
    this.items.push({ label, fn });
    return google<Menu>(this);
  }
  addSeparator(): Menu {
    this.w.meter.hit(S, "Menu.addSeparator");
    this.items.push({ label: "—", fn: "" });
    return google<Menu>(this);
  }
  addToUi(): void {
    this.w.meter.hit(S, "Menu.addToUi");
    this.w.menus.set(this.title, this.items);
  }
}
export type _MenuOnly = Only<Exclude<keyof StandinMenu, keyof Menu>>;

export class StandinPromptResponse implements Pick<PromptResponse, "getResponseText" | "getSelectedButton"> {
  constructor(private answer: string | undefined) {}
  getResponseText(): string {
    return this.answer ?? "";
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return enumValue(this.answer === undefined ? "CANCEL" : "OK");
  }
}
export type _PromptResponseOnly = Only<Exclude<keyof StandinPromptResponse, keyof PromptResponse>>;

export class StandinUi implements Pick<Ui, "createMenu" | "alert" | "prompt" | "showSidebar" | "ButtonSet" | "Button"> {
  ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);
  Button = enumOf<typeof GoogleAppsScript.Base.Button>(["OK", "CANCEL", "YES", "NO", "CLOSE"]);
  constructor(private w: World) {}
  createMenu(title: string): Menu {
    this.w.meter.hit(S, "Ui.createMenu");
    return google<Menu>(new StandinMenu(this.w, title));
  }
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.w.meter.hit(S, "Ui.alert");
    this.w.alerts.push(args.filter((a) => typeof a === "string" && !["OK", "OK_CANCEL", "YES_NO"].includes(a)).join("\n"));
    return enumValue("OK");
  }
  prompt(...args: unknown[]): PromptResponse {
    this.w.meter.hit(S, "Ui.prompt");
    this.w.alerts.push(String(args.filter((a) => typeof a === "string").join("\n")));
    return google<PromptResponse>(new StandinPromptResponse(this.w.promptAnswers.shift()));
  }
  /** the sidebar opens beside the Sheet for the staff member who clicked (https://developers.google.com/apps-script/reference/base/ui#showSidebar(Object)) */
  showSidebar(output: GoogleAppsScript.HTML.HtmlOutput): void {
    this.w.meter.hit(S, "Ui.showSidebar");
    this.w.sidebar = { ...sidebarOf(output), user: this.w.user() };
  }
}
export type _UiOnly = Only<Exclude<keyof StandinUi, keyof Ui>>;

type AppKeys =
  | "create"
  | "openById"
  | "getActiveSpreadsheet"
  | "getActive"
  | "getUi"
  | "flush"
  | "newDataValidation"
  | "newConditionalFormatRule"
  | "newRichTextValue"
  | "ProtectionType"
  | "WrapStrategy";

export function makeSpreadsheetApp(w: World): Pick<SpreadsheetApp, AppKeys> {
  const active = (): Spreadsheet => {
    const ss = w.boundSpreadsheetId ? w.spreadsheets.get(w.boundSpreadsheetId) : undefined;
    return ss ? google<Spreadsheet>(new StandinSpreadsheet(w, ss)) : (null as unknown as Spreadsheet);
  };
  return {
    /** a new spreadsheet in the Drive of the account the script runs as, with one empty sheet (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)) */
    create(name: string): Spreadsheet {
      w.meter.hit(S, "SpreadsheetApp.create");
      const ss = w.createSpreadsheet(name, undefined, w.user());
      ss.editors = [];
      return google<Spreadsheet>(new StandinSpreadsheet(w, ss));
    },
    openById(id: string): Spreadsheet {
      w.meter.hit(S, "SpreadsheetApp.openById");
      const ss = w.spreadsheets.get(id);
      if (!ss?.canEdit(w.user())) throw w.fail("noSpreadsheet");
      return google<Spreadsheet>(new StandinSpreadsheet(w, ss));
    },
    getActiveSpreadsheet(): Spreadsheet {
      w.meter.hit(S, "SpreadsheetApp.getActiveSpreadsheet");
      return active();
    },
    getActive(): Spreadsheet {
      w.meter.hit(S, "SpreadsheetApp.getActive");
      return active();
    },
    getUi(): Ui {
      w.meter.hit(S, "SpreadsheetApp.getUi");
      if (!w.inUi()) throw w.fail("noUi");
      return google<Ui>(new StandinUi(w));
    },
    flush(): void {
      w.meter.hit(S, "SpreadsheetApp.flush");
    },
    newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
      w.meter.hit(S, "SpreadsheetApp.newDataValidation");
      return google<GoogleAppsScript.Spreadsheet.DataValidationBuilder>(new StandinDataValidationBuilder(w));
    },
    newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
      w.meter.hit(S, "SpreadsheetApp.newConditionalFormatRule");
      return google<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder>(new StandinConditionalRuleBuilder(w));
    },
    /** a local builder (not metered): nothing reaches the Sheet until Range.setRichTextValues */
    newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
      return google<GoogleAppsScript.Spreadsheet.RichTextValueBuilder>(new StandinRichTextValueBuilder());
    },
    ProtectionType: enumOf<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(["SHEET", "RANGE"]),
    WrapStrategy: enumOf<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>(["WRAP", "CLIP", "OVERFLOW"]),
  };
}
