// Builders SpreadsheetApp hands out: data validation, conditional formats, embedded charts.
import { google, type Only, token } from "../google.js";
import type { World } from "../world.js";

type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

const S = "SpreadsheetApp" as const;

export interface DataValidationModel {
  kind: "list" | "checkbox";
  values: string[];
  allowInvalid: boolean;
  helpText: string;
}

export interface ConditionalRuleModel {
  ranges: { row: number; col: number; numRows: number; numCols: number }[];
  when: { kind: "textStartsWith" | "textContains" | "textEqualTo"; text: string };
  background: string | null;
  fontColor: string | null;
}

export interface ChartModel {
  /** Google's chart id: kept through modify() and updateChart(), as Sheets keeps the chart it updates */
  id?: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: [number, number];
}

/** what a builder needs of a range it is given: the stand-in's own, whose place it knows */
interface Placed {
  sheetModel: { name: string };
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

function placed(r: Range): Placed {
  const x = r as unknown as Partial<Placed>;
  if (!x.sheetModel || x.row === undefined || x.col === undefined || x.numRows === undefined || x.numCols === undefined) {
    throw new TypeError("not a Range");
  }
  return x as Placed;
}

export class StandinDataValidation {
  constructor(readonly model: DataValidationModel) {}
}
export type _DataValidationOnly = Only<Exclude<keyof StandinDataValidation, keyof DataValidation | "model">>;

export class StandinDataValidationBuilder
  implements
    Pick<
      DataValidationBuilder,
      "requireValueInList" | "requireValueInRange" | "requireCheckbox" | "setAllowInvalid" | "setHelpText" | "build"
    >
{
  private model: DataValidationModel = { kind: "list", values: [], allowInvalid: true, helpText: "" };
  constructor(private w: World) {}
  private me(): DataValidationBuilder {
    return google<DataValidationBuilder>(this);
  }
  requireValueInList(values: string[], _showDropdown?: boolean): DataValidationBuilder {
    this.w.meter.hit(S, "DataValidationBuilder.requireValueInList");
    this.model.kind = "list";
    this.model.values = [...values];
    return this.me();
  }
  requireValueInRange(range: Range, _showDropdown?: boolean): DataValidationBuilder {
    this.w.meter.hit(S, "DataValidationBuilder.requireValueInRange");
    const p = placed(range);
    this.model.kind = "list";
    this.model.values = [`=${p.sheetModel.name}!R${p.row}C${p.col}:C${p.col}`];
    return this.me();
  }
  requireCheckbox(): DataValidationBuilder {
    this.w.meter.hit(S, "DataValidationBuilder.requireCheckbox");
    this.model.kind = "checkbox";
    return this.me();
  }
  setAllowInvalid(on: boolean): DataValidationBuilder {
    this.w.meter.hit(S, "DataValidationBuilder.setAllowInvalid");
    this.model.allowInvalid = on;
    return this.me();
  }
  setHelpText(t: string): DataValidationBuilder {
    this.w.meter.hit(S, "DataValidationBuilder.setHelpText");
    this.model.helpText = t;
    return this.me();
  }
  build(): DataValidation {
    this.w.meter.hit(S, "DataValidationBuilder.build");
    return token<DataValidation>(new StandinDataValidation({ ...this.model }));
  }
}
export type _DataValidationBuilderOnly = Only<Exclude<keyof StandinDataValidationBuilder, keyof DataValidationBuilder>>;

export class StandinConditionalRule {
  constructor(readonly model: ConditionalRuleModel) {}
}
export type _ConditionalRuleOnly = Only<Exclude<keyof StandinConditionalRule, keyof ConditionalFormatRule | "model">>;

export class StandinConditionalRuleBuilder
  implements
    Pick<
      ConditionalFormatRuleBuilder,
      "whenTextStartsWith" | "whenTextContains" | "whenTextEqualTo" | "setBackground" | "setFontColor" | "setRanges" | "build"
    >
{
  private model: ConditionalRuleModel = { ranges: [], when: { kind: "textContains", text: "" }, background: null, fontColor: null };
  constructor(private w: World) {}
  private h(m: string): ConditionalFormatRuleBuilder {
    this.w.meter.hit(S, `ConditionalFormatRuleBuilder.${m}`);
    return google<ConditionalFormatRuleBuilder>(this);
  }
  whenTextStartsWith(t: string): ConditionalFormatRuleBuilder {
    this.model.when = { kind: "textStartsWith", text: t };
    return this.h("whenTextStartsWith");
  }
  whenTextContains(t: string): ConditionalFormatRuleBuilder {
    this.model.when = { kind: "textContains", text: t };
    return this.h("whenTextContains");
  }
  whenTextEqualTo(t: string): ConditionalFormatRuleBuilder {
    this.model.when = { kind: "textEqualTo", text: t };
    return this.h("whenTextEqualTo");
  }
  setBackground(c: string | null): ConditionalFormatRuleBuilder {
    this.model.background = c;
    return this.h("setBackground");
  }
  setFontColor(c: string | null): ConditionalFormatRuleBuilder {
    this.model.fontColor = c;
    return this.h("setFontColor");
  }
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    this.model.ranges = ranges.map((r) => {
      const p = placed(r);
      return { row: p.row, col: p.col, numRows: p.numRows, numCols: p.numCols };
    });
    return this.h("setRanges");
  }
  build(): ConditionalFormatRule {
    this.w.meter.hit(S, "ConditionalFormatRuleBuilder.build");
    return token<ConditionalFormatRule>(new StandinConditionalRule({ ...this.model, ranges: [...this.model.ranges] }));
  }
}
export type _ConditionalRuleBuilderOnly = Only<Exclude<keyof StandinConditionalRuleBuilder, keyof ConditionalFormatRuleBuilder>>;

export class StandinChart implements Pick<EmbeddedChart, "getOptions" | "modify"> {
  constructor(
    readonly model: ChartModel,
    private w?: World,
  ) {}
  /** ChartOptions.get(option): the value set through the builder, null when none (Google: "null if not set") */
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.w?.meter.hit(S, "EmbeddedChart.getOptions");
    const options = { ...this.model.options };
    return token<GoogleAppsScript.Charts.ChartOptions>({ get: (k: string) => (k in options ? options[k] : null) });
  }
  /** a builder holding this chart, its id kept: Sheet.updateChart saves it in place */
  modify(): EmbeddedChartBuilder {
    if (!this.w) throw new Error("modify() on a chart not read from a sheet");
    this.w.meter.hit(S, "EmbeddedChart.modify");
    return google<EmbeddedChartBuilder>(
      new StandinChartBuilder(this.w, { ...this.model, ranges: [...this.model.ranges], options: { ...this.model.options } }),
    );
  }
}
export type _ChartOnly = Only<Exclude<keyof StandinChart, keyof EmbeddedChart | "model">>;

export class StandinChartBuilder
  implements
    Pick<
      EmbeddedChartBuilder,
      "setChartType" | "addRange" | "clearRanges" | "setTransposeRowsAndColumns" | "setPosition" | "setOption" | "setNumHeaders" | "build"
    >
{
  private model: ChartModel;
  constructor(
    private w: World,
    from?: ChartModel,
  ) {
    this.model = from ?? { type: "LINE", ranges: [], options: {}, position: [1, 1] };
  }
  private h(m: string): EmbeddedChartBuilder {
    this.w.meter.hit(S, `EmbeddedChartBuilder.${m}`);
    return google<EmbeddedChartBuilder>(this);
  }
  setChartType(t: GoogleAppsScript.Charts.ChartType): EmbeddedChartBuilder {
    this.model.type = String(t);
    return this.h("setChartType");
  }
  addRange(r: Range): EmbeddedChartBuilder {
    const p = placed(r);
    this.model.ranges.push(`${p.sheetModel.name}!R${p.row}C${p.col}:R${p.row + p.numRows - 1}C${p.col + p.numCols - 1}`);
    return this.h("addRange");
  }
  setTransposeRowsAndColumns(t: boolean): EmbeddedChartBuilder {
    this.model.options.transpose = t;
    return this.h("setTransposeRowsAndColumns");
  }
  clearRanges(): EmbeddedChartBuilder {
    this.model.ranges = [];
    return this.h("clearRanges");
  }
  setPosition(row: number, col: number, _ox: number, _oy: number): EmbeddedChartBuilder {
    this.model.position = [row, col];
    return this.h("setPosition");
  }
  setOption(k: string, v: unknown): EmbeddedChartBuilder {
    this.model.options[k] = v;
    return this.h("setOption");
  }
  setNumHeaders(n: number): EmbeddedChartBuilder {
    this.model.options.numHeaders = n;
    return this.h("setNumHeaders");
  }
  build(): EmbeddedChart {
    this.w.meter.hit(S, "EmbeddedChartBuilder.build");
    return token<EmbeddedChart>(new StandinChart({ ...this.model }));
  }
}
export type _ChartBuilderOnly = Only<Exclude<keyof StandinChartBuilder, keyof EmbeddedChartBuilder>>;

type RichTextValue = GoogleAppsScript.Spreadsheet.RichTextValue;
type RichTextValueBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

/**
 * a built rich-text value: its text and the link behind the whole of it (the product links whole cells only). Values
 * and their builder are local objects: nothing reaches the Sheet until Range.setRichTextValues, so they are not metered
 */
export class StandinRichTextValue implements Pick<RichTextValue, "getText" | "getLinkUrl"> {
  constructor(
    readonly text: string,
    readonly url: string | null,
  ) {}
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.url;
  }
}
export type _RichTextValueOnly = Only<Exclude<keyof StandinRichTextValue, keyof RichTextValue | "text" | "url">>;

export function richText(text: string, url: string | null): RichTextValue {
  return google<RichTextValue>(new StandinRichTextValue(text, url));
}

/** https://developers.google.com/apps-script/reference/spreadsheet/rich-text-value-builder: setText clears styles; setLinkUrl(null) clears the link */
export class StandinRichTextValueBuilder implements Pick<RichTextValueBuilder, "setText" | "setLinkUrl" | "build"> {
  private text = "";
  private url: string | null = null;
  private me(): RichTextValueBuilder {
    return google<RichTextValueBuilder>(this);
  }
  setText(text: string): RichTextValueBuilder {
    this.text = String(text);
    this.url = null;
    return this.me();
  }
  setLinkUrl(...args: (string | number | null)[]): RichTextValueBuilder {
    // only the whole-value form (setLinkUrl(url)) is stood in for: the product links whole cells
    if (args.length !== 1) throw new TypeError("setLinkUrl(start, end, url) is not stood in for");
    this.url = args[0] === null ? null : String(args[0]);
    return this.me();
  }
  build(): RichTextValue {
    return richText(this.text, this.url);
  }
}
export type _RichTextValueBuilderOnly = Only<Exclude<keyof StandinRichTextValueBuilder, keyof RichTextValueBuilder>>;
