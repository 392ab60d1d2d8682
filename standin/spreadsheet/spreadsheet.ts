// In-memory SpreadsheetApp documents: spreadsheets, sheets, ranges and protections as Google documents them, metered.
// Each class implements a Pick of the Apps Script interface it stands for and offers nothing more (see Only<>).

import { google, type Only, token } from "../google.js";
import type { World } from "../world.js";
import { colToNumber, parseA1 } from "./a1.js";
import { CellFormats } from "./cell-formats.js";
import { type CellValue, written } from "./cells.js";
import {
  type ChartModel,
  type ConditionalRuleModel,
  type DataValidationModel,
  richText,
  StandinChart,
  StandinChartBuilder,
  StandinConditionalRule,
  StandinDataValidation,
} from "./spreadsheet-builders.js";

export type { CellValue };

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type User = GoogleAppsScript.Base.User;
type RichTextValue = GoogleAppsScript.Spreadsheet.RichTextValue;

const S = "SpreadsheetApp" as const;

/** Google's cap on a spreadsheet: every grid cell of every tab counts (https://support.google.com/drive/answer/37603) */
export const CELL_LIMIT = 10_000_000;
/** "Each cell can contain up to 50,000 characters" (https://support.google.com/drive/answer/37603): a longer string is refused */
export const CELL_CHARS = 50_000;

/** a write refused as Google refuses it: a string over 50,000 characters anywhere in the block, before anything is written */
function assertCellChars(w: World, values: unknown[]): void {
  for (const v of values) if (typeof v === "string" && v.length > CELL_CHARS) throw w.fail("cellTooLong");
}

/** a new tab's grid (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#GridProperties defaults) */
export const NEW_TAB = { rows: 1000, cols: 26 };

export class SheetModel {
  values: CellValue[][] = [];
  formulas = new Map<string, string>();
  numberFormats = new CellFormats<string>();
  backgrounds = new CellFormats<string>();
  fontWeights = new CellFormats<string>();
  fontColors = new CellFormats<string>();
  notes = new CellFormats<string>();
  /** "r,c" -> the url behind the whole cell's text (a rich-text link) */
  links = new Map<string, string>();
  validations = new Map<string, DataValidationModel>();
  colWidths = new Map<number, number>();
  wraps = new CellFormats<boolean>();
  verticalAlignments = new CellFormats<string>();
  horizontalAlignments = new CellFormats<string>();
  hiddenColumns = new Set<number>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  protections: ProtectionModel[] = [];
  conditionalFormats: ConditionalRuleModel[] = [];
  charts: ChartModel[] = [];
  constructor(
    public name: string,
    public id: number,
    public maxRows = NEW_TAB.rows,
    public maxColumns = NEW_TAB.cols,
    public parent: SpreadsheetModel | null = null,
  ) {}

  /** the cell properties kept by block (see cell-formats.ts) */
  formatMaps(): CellFormats<unknown>[] {
    const maps: CellFormats<unknown>[] = [this.numberFormats, this.backgrounds, this.fontWeights, this.fontColors, this.wraps];
    maps.push(this.notes, this.verticalAlignments, this.horizontalAlignments);
    return maps;
  }

  /** a tab copied by structuredClone or v8's serializer: its classes given back */
  static revive(s: SheetModel): SheetModel {
    Object.setPrototypeOf(s, SheetModel.prototype);
    for (const m of s.formatMaps()) CellFormats.revive(m);
    return s;
  }

  cell(r: number, c: number): CellValue {
    return this.values[r - 1]?.[c - 1] ?? "";
  }

  put(r: number, c: number, v: CellValue): void {
    while (this.values.length < r) this.values.push([]);
    const row = this.values[r - 1];
    while (row.length < c - 1) row.push("");
    row[c - 1] = v;
  }

  /** the cell's number format, or the whole column's */
  format(r: number, c: number): string | undefined {
    return this.numberFormats.get(`${r},${c}`) ?? this.numberFormats.get(`*,${c}`);
  }

  /** writes a value as Sheets stores it (see cells.ts) */
  write(r: number, c: number, v: unknown): void {
    const key = `${r},${c}`;
    const ss = this.parent;
    const w = written(v, this.format(r, c) === "@", ss?.locale ?? "en_US", ss?.timeZone ?? "UTC");
    if (w.formula) this.formulas.set(key, w.formula);
    else this.formulas.delete(key);
    this.put(r, c, w.value);
  }

  lastRow(): number {
    for (let r = this.values.length; r >= 1; r--) {
      if (this.values[r - 1].some((v) => v !== "" && v !== null && v !== undefined)) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let max = 0;
    for (const row of this.values) {
      for (let c = row.length; c > max; c--) {
        if (row[c - 1] !== "" && row[c - 1] !== undefined) {
          max = c;
          break;
        }
      }
    }
    return max;
  }
}

export interface ProtectionModel {
  description: string;
  domainEdit?: boolean;
  range: { row: number; col: number; numRows: number; numCols: number } | null;
  warningOnly: boolean;
  /** explicit editors; the spreadsheet's owner can always edit and is not listed (https://issuetracker.google.com/issues/442636162) */
  editors: string[];
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  timeZone: string;
  /** a new spreadsheet takes its creator's locale: en_US unless the account says otherwise */
  locale: string;
  private nextSheetId = 1;
  toasts: string[] = [];
  /** the tab the spreadsheet opens on (the first until a script or a person chooses another) */
  active: SheetModel | null = null;
  /** the Drive file's owner and its other editors */
  editors: string[] = [];
  constructor(
    public id: string,
    public name: string,
    public owner: string,
    opts: { locale?: string; timeZone?: string } = {},
  ) {
    this.locale = opts.locale ?? "en_US";
    this.timeZone = opts.timeZone ?? "America/Los_Angeles";
  }

  cellCount(): number {
    let n = 0;
    for (const s of this.sheets) n += s.maxRows * s.maxColumns;
    return n;
  }

  addSheet(name: string, index?: number): SheetModel {
    if (this.sheets.some((s) => s.name === name)) throw new Error(`sheet ${name} exists`);
    const s = new SheetModel(name, this.nextSheetId++, NEW_TAB.rows, NEW_TAB.cols, this);
    if (index === undefined) this.sheets.push(s);
    else this.sheets.splice(index, 0, s);
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  canEdit(user: string): boolean {
    return user === this.owner || this.editors.includes(user);
  }
}

/** the stand-in computes only direct references ('Tab'!E3); any other formula reads as "" (still visible via getFormulas) */
export function evaluate(sheet: SheetModel, formula: string): CellValue {
  const m = /^='?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(formula) ?? /^=()\$?([A-Z]+)\$?(\d+)$/.exec(formula);
  if (!m) return "";
  const target = m[1] ? sheet.parent?.sheet(m[1].replace(/''/g, "'")) : sheet;
  if (!target) return "#REF!";
  return target.cell(Number(m[3]), colToNumber(m[2]));
}

function cloneOut(v: CellValue, realm: World): CellValue {
  if (v instanceof Date) return realm.makeDate(v.getTime());
  return v;
}

type Box = { row: number; col: number; numRows: number; numCols: number };
const overlaps = (a: Box, b: Box) =>
  a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;

/** protected ranges refuse anyone the protection does not list (the owner excepted); warning-only ones do not */
export function assertCanEdit(w: World, sheet: SheetModel, box: Box | null): void {
  const user = w.user();
  if (sheet.parent && user === sheet.parent.owner) return;
  for (const p of sheet.protections) {
    if (p.warningOnly || p.editors.includes(user)) continue;
    if (p.range === null || box === null || overlaps(p.range, box)) throw w.fail("protectedCell");
  }
}

/** growth past 10 million cells is refused */
export function assertRoom(w: World, ss: SpreadsheetModel | null, extra: number): void {
  if (ss && ss.cellCount() + extra > w.cellLimit) throw w.fail("tooManyCells");
}

type RangeKeys =
  | "getRow"
  | "getColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getLastRow"
  | "getLastColumn"
  | "getSheet"
  | "getA1Notation"
  | "getValues"
  | "getDisplayValues"
  | "getValue"
  | "getFormulas"
  | "setValues"
  | "setRichTextValues"
  | "getRichTextValues"
  | "setValue"
  | "clearContent"
  | "clearFormat"
  | "setNumberFormat"
  | "setNumberFormats"
  | "getNumberFormats"
  | "setBackground"
  | "setBackgrounds"
  | "getBackgrounds"
  | "setFontWeight"
  | "setFontColor"
  | "setWrap"
  | "setNote"
  | "setNotes"
  | "setFontWeights"
  | "setVerticalAlignment"
  | "setHorizontalAlignment"
  | "setDataValidation"
  | "protect"
  | "createTextFinder";

export class StandinRange implements Pick<Range, RangeKeys> {
  constructor(
    private w: World,
    readonly sheetModel: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}
  private hit(method: string) {
    this.w.meter.hit(S, `Range.${method}`);
  }
  private me(): Range {
    return google<Range>(this);
  }
  private box(): Box {
    return { row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
  }
  private edit() {
    assertCanEdit(this.w, this.sheetModel, this.box());
  }
  private each(fn: (r: number, c: number, i: number, j: number) => void) {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) fn(this.row + i, this.col + j, i, j);
  }
  private checkShape(values: unknown[][]) {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw this.w.fail("rowsMismatch", Array.isArray(values) ? values.length : 0, this.numRows);
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.numCols)
        throw this.w.fail("columnsMismatch", Array.isArray(row) ? row.length : 0, this.numCols);
    }
  }
  getRow(): number {
    this.hit("getRow");
    return this.row;
  }
  getColumn(): number {
    this.hit("getColumn");
    return this.col;
  }
  getNumRows(): number {
    this.hit("getNumRows");
    return this.numRows;
  }
  getNumColumns(): number {
    this.hit("getNumColumns");
    return this.numCols;
  }
  getLastRow(): number {
    this.hit("getLastRow");
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.col + this.numCols - 1;
  }
  getSheet(): Sheet {
    this.hit("getSheet");
    return google<Sheet>(new StandinSheet(this.w, this.sheetModel));
  }
  getA1Notation(): string {
    this.hit("getA1Notation");
    return `R${this.row}C${this.col}:R${this.row + this.numRows - 1}C${this.col + this.numCols - 1}`;
  }
  getValues(): CellValue[][] {
    this.hit("getValues");
    this.w.meter.read(this.numRows * this.numCols);
    const out: CellValue[][] = this.w.makeArray();
    const f = this.sheetModel.formulas;
    for (let i = 0; i < this.numRows; i++) {
      const src = this.sheetModel.values[this.row - 1 + i];
      const row: CellValue[] = this.w.makeArray();
      for (let j = 0; j < this.numCols; j++) {
        const formula = f.size ? f.get(`${this.row + i},${this.col + j}`) : undefined;
        row.push(cloneOut(formula ? evaluate(this.sheetModel, formula) : (src?.[this.col - 1 + j] ?? ""), this.w));
      }
      out.push(row);
    }
    return out;
  }
  getDisplayValues(): string[][] {
    this.hit("getDisplayValues");
    this.w.meter.read(this.numRows * this.numCols);
    const out: string[][] = this.w.makeArray();
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = this.w.makeArray();
      for (let j = 0; j < this.numCols; j++) {
        const v = this.sheetModel.cell(this.row + i, this.col + j);
        row.push(v instanceof Date ? v.toISOString() : String(v));
      }
      out.push(row);
    }
    return out;
  }
  getValue(): CellValue {
    this.hit("getValue");
    this.w.meter.read(1);
    return cloneOut(this.sheetModel.cell(this.row, this.col), this.w);
  }
  getFormulas(): string[][] {
    this.hit("getFormulas");
    const out: string[][] = this.w.makeArray();
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = this.w.makeArray();
      for (let j = 0; j < this.numCols; j++) row.push(this.sheetModel.formulas.get(`${this.row + i},${this.col + j}`) ?? "");
      out.push(row);
    }
    return out;
  }
  setValues(values: unknown[][]): Range {
    this.hit("setValues");
    this.checkShape(values);
    this.edit();
    for (const row of values) assertCellChars(this.w, row);
    this.w.meter.wrote(this.numRows * this.numCols);
    this.each((r, c, i, j) => this.sheetModel.write(r, c, values[i][j]));
    return this.me();
  }
  /** each cell's text as a string value and the link behind it (https://developers.google.com/apps-script/reference/spreadsheet/range#setRichTextValues(RichTextValue)) */
  setRichTextValues(values: RichTextValue[][]): Range {
    this.hit("setRichTextValues");
    this.checkShape(values);
    this.edit();
    for (const row of values)
      assertCellChars(
        this.w,
        row.map((v) => v.getText()),
      );
    this.w.meter.wrote(this.numRows * this.numCols);
    this.each((r, c, i, j) => {
      const v = values[i][j];
      this.sheetModel.put(r, c, v.getText());
      this.sheetModel.formulas.delete(`${r},${c}`);
      const url = v.getLinkUrl();
      if (url) this.sheetModel.links.set(`${r},${c}`, url);
      else this.sheetModel.links.delete(`${r},${c}`);
    });
    return this.me();
  }
  getRichTextValues(): (RichTextValue | null)[][] {
    this.hit("getRichTextValues");
    this.w.meter.read(this.numRows * this.numCols);
    const out: (RichTextValue | null)[][] = this.w.makeArray();
    for (let i = 0; i < this.numRows; i++) {
      const row: (RichTextValue | null)[] = this.w.makeArray();
      for (let j = 0; j < this.numCols; j++) {
        const [r, c] = [this.row + i, this.col + j];
        row.push(richText(String(this.sheetModel.cell(r, c) ?? ""), this.sheetModel.links.get(`${r},${c}`) ?? null));
      }
      out.push(row);
    }
    return out;
  }
  setValue(v: unknown): Range {
    this.hit("setValue");
    this.edit();
    assertCellChars(this.w, [v]);
    this.w.meter.wrote(this.numRows * this.numCols);
    this.each((r, c) => this.sheetModel.write(r, c, v));
    return this.me();
  }
  clearContent(): Range {
    this.hit("clearContent");
    this.edit();
    this.each((r, c) => this.sheetModel.write(r, c, ""));
    return this.me();
  }
  /**
   * every format of the range's cells back to the default: number formats, colours, weights, wrapping, alignment; the
   * values stay (https://developers.google.com/apps-script/reference/spreadsheet/range#clearFormat())
   */
  clearFormat(): Range {
    this.hit("clearFormat");
    this.edit();
    const m = this.sheetModel;
    const maps = [m.numberFormats, m.backgrounds, m.fontWeights, m.fontColors, m.wraps, m.verticalAlignments, m.horizontalAlignments];
    for (const map of maps) map.fill(this.block(), null);
    // a whole column's number format (set over whole columns) goes with it
    if (this.row <= 2 && this.row + this.numRows - 1 >= m.maxRows)
      for (let j = 0; j < this.numCols; j++) m.numberFormats.delete(`*,${this.col + j}`);
    return this.me();
  }
  private setMap<T>(map: CellFormats<T>, grid: (T | null)[][] | null, single: T | null, method: string): Range {
    this.hit(method);
    if (grid) this.checkShape(grid);
    this.edit();
    const none = (v: T | null | undefined) => v === null || v === undefined || v === "";
    if (grid) this.each((r, c, i, j) => map.put(r, c, none(grid[i][j]) ? null : grid[i][j]));
    else map.fill(this.block(), none(single) ? null : single);
    return this.me();
  }
  private block() {
    return { r1: this.row, c1: this.col, r2: this.row + this.numRows - 1, c2: this.col + this.numCols - 1 };
  }
  setNumberFormat(f: string): Range {
    // a format over whole columns also holds for rows added later, as on Google
    if (this.row <= 2 && this.row + this.numRows - 1 >= this.sheetModel.maxRows) {
      for (let j = 0; j < this.numCols; j++) this.sheetModel.numberFormats.set(`*,${this.col + j}`, f);
    }
    return this.setMap(this.sheetModel.numberFormats, null, f, "setNumberFormat");
  }
  setNumberFormats(f: string[][]): Range {
    return this.setMap(this.sheetModel.numberFormats, f, null, "setNumberFormats");
  }
  /** each cell's number format, its column's where it has none; "" for Sheets' automatic format */
  getNumberFormats(): string[][] {
    this.hit("getNumberFormats");
    const out: string[][] = this.w.makeArray();
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = this.w.makeArray();
      for (let j = 0; j < this.numCols; j++) row.push(this.sheetModel.format(this.row + i, this.col + j) ?? "");
      out.push(row);
    }
    return out;
  }
  setBackground(color: string | null): Range {
    return this.setMap(this.sheetModel.backgrounds, null, color, "setBackground");
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this.setMap(this.sheetModel.backgrounds, colors, null, "setBackgrounds");
  }
  getBackgrounds(): string[][] {
    this.hit("getBackgrounds");
    const out: string[][] = this.w.makeArray();
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = this.w.makeArray();
      for (let j = 0; j < this.numCols; j++) row.push(this.sheetModel.backgrounds.get(`${this.row + i},${this.col + j}`) ?? "#ffffff");
      out.push(row);
    }
    return out;
  }
  setFontWeight(w: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    return this.setMap(this.sheetModel.fontWeights, null, w, "setFontWeight");
  }
  setFontColor(c: string | null): Range {
    return this.setMap(this.sheetModel.fontColors, null, c, "setFontColor");
  }
  setWrap(on: boolean): Range {
    return this.setMap(this.sheetModel.wraps, null, on, "setWrap");
  }
  setNote(note: string | null): Range {
    return this.setMap(this.sheetModel.notes, null, note, "setNote");
  }
  /** a grid the range's shape; an empty or null note removes the cell's note (as setNote does) */
  setNotes(notes: (string | null)[][]): Range {
    return this.setMap(this.sheetModel.notes, notes, null, "setNotes");
  }
  setFontWeights(weights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): Range {
    return this.setMap(this.sheetModel.fontWeights, weights, null, "setFontWeights");
  }
  setVerticalAlignment(a: "top" | "middle" | "bottom" | null): Range {
    return this.setMap(this.sheetModel.verticalAlignments, null, a, "setVerticalAlignment");
  }
  /** left, center, right (Google also takes "normal", its default: numbers right, text left) */
  setHorizontalAlignment(a: "left" | "center" | "normal" | "right" | null): Range {
    return this.setMap(this.sheetModel.horizontalAlignments, null, a, "setHorizontalAlignment");
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    this.hit("setDataValidation");
    this.edit();
    if (rule !== null && !(rule instanceof StandinDataValidation)) throw new TypeError("not a DataValidation");
    this.each((r, c) => {
      if (rule) this.sheetModel.validations.set(`${r},${c}`, rule.model);
      else this.sheetModel.validations.delete(`${r},${c}`);
    });
    return this.me();
  }
  protect(): Protection {
    this.hit("protect");
    const p = newProtection(this.w, this.sheetModel, this.box());
    return google<Protection>(new StandinProtection(this.w, this.sheetModel, p));
  }
  createTextFinder(text: string): TextFinder {
    this.hit("createTextFinder");
    return google<TextFinder>(new StandinTextFinder(this.w, this.sheetModel, text, this));
  }
}
export type _RangeOnly = Only<Exclude<keyof StandinRange, keyof Range | "sheetModel" | "row" | "col" | "numRows" | "numCols">>;

/**
 * A new protection lists everyone who can edit the file (the owner excepted), so scripts remove the others
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection: "Ensure the current user is an editor
 * before removing others").
 */
function newProtection(w: World, sheet: SheetModel, box: Box | null): ProtectionModel {
  const ss = sheet.parent;
  const editors = [...new Set([w.user(), ...(ss?.editors ?? [])])].filter((e) => e && e !== ss?.owner);
  const p: ProtectionModel = { description: "", range: box, warningOnly: false, editors };
  sheet.protections.push(p);
  return p;
}

type ProtectionKeys =
  | "setDescription"
  | "getDescription"
  | "setWarningOnly"
  | "isWarningOnly"
  | "getEditors"
  | "addEditor"
  | "addEditors"
  | "removeEditors"
  | "canDomainEdit"
  | "setDomainEdit"
  | "canEdit";

export class StandinProtection implements Pick<Protection, ProtectionKeys> {
  constructor(
    private w: World,
    private sheet: SheetModel,
    readonly p: ProtectionModel,
  ) {}
  private hit(m: string) {
    this.w.meter.hit(S, `Protection.${m}`);
  }
  private me(): Protection {
    return google<Protection>(this);
  }
  /** only someone who can edit the protected area changes who else can */
  private guard() {
    if (!this.canEditQuiet()) throw this.w.fail("protectedCell");
  }
  private canEditQuiet(): boolean {
    const u = this.w.user();
    return u === this.sheet.parent?.owner || this.p.editors.includes(u);
  }
  setDescription(d: string): Protection {
    this.hit("setDescription");
    this.guard();
    this.p.description = d;
    return this.me();
  }
  getDescription(): string {
    this.hit("getDescription");
    return this.p.description;
  }
  setWarningOnly(on: boolean): Protection {
    this.hit("setWarningOnly");
    this.guard();
    this.p.warningOnly = on;
    return this.me();
  }
  isWarningOnly(): boolean {
    this.hit("isWarningOnly");
    return this.p.warningOnly;
  }
  getEditors(): User[] {
    this.hit("getEditors");
    return this.w.makeArrayFrom(this.p.editors.map((e) => this.w.userObject(e)));
  }
  addEditor(user: string | User): Protection {
    this.hit("addEditor");
    this.guard();
    const e = typeof user === "string" ? user : user.getEmail();
    if (!this.p.editors.includes(e) && e !== this.sheet.parent?.owner) this.p.editors.push(e);
    return this.me();
  }
  addEditors(emails: string[]): Protection {
    this.hit("addEditors");
    this.guard();
    for (const e of emails) if (!this.p.editors.includes(e) && e !== this.sheet.parent?.owner) this.p.editors.push(e);
    return this.me();
  }
  /** "Neither the owner of the spreadsheet nor the current user can be removed" (protection#removeEditors) */
  removeEditors(users: string[] | User[]): Protection {
    this.hit("removeEditors");
    this.guard();
    const drop = new Set((users as (string | User)[]).map((u) => (typeof u === "string" ? u : u.getEmail())));
    this.p.editors = this.p.editors.filter((e) => !drop.has(e) || e === this.w.user());
    return this.me();
  }
  canDomainEdit(): boolean {
    this.hit("canDomainEdit");
    return this.p.domainEdit !== false;
  }
  setDomainEdit(on: boolean): Protection {
    this.hit("setDomainEdit");
    this.guard();
    this.p.domainEdit = on;
    return this.me();
  }
  canEdit(): boolean {
    this.hit("canEdit");
    return this.canEditQuiet();
  }
}
export type _ProtectionOnly = Only<Exclude<keyof StandinProtection, keyof Protection | "p">>;

export class StandinTextFinder implements Pick<TextFinder, "matchEntireCell" | "findNext" | "findAll"> {
  private entire = false;
  private next = 0;
  constructor(
    private w: World,
    private sheet: SheetModel,
    private text: string,
    private within: StandinRange | null,
  ) {}
  matchEntireCell(on: boolean): TextFinder {
    this.w.meter.hit(S, "TextFinder.matchEntireCell");
    this.entire = on;
    return google<TextFinder>(this);
  }
  private matches(): [number, number][] {
    const out: [number, number][] = [];
    const r0 = this.within ? this.within.row : 1;
    const c0 = this.within ? this.within.col : 1;
    const r1 = this.within ? this.within.row + this.within.numRows - 1 : this.sheet.values.length;
    const needle = this.text.toLowerCase();
    for (let r = r0; r <= Math.min(r1, this.sheet.values.length); r++) {
      const row = this.sheet.values[r - 1];
      const c1 = this.within ? this.within.col + this.within.numCols - 1 : row.length;
      for (let c = c0; c <= Math.min(c1, row.length); c++) {
        const v = row[c - 1];
        if (v === "" || v === undefined) continue;
        const s = (v instanceof Date ? v.toISOString() : String(v)).toLowerCase();
        if (this.entire ? s === needle : s.includes(needle)) out.push([r, c]);
      }
    }
    return out;
  }
  findNext(): Range | null {
    this.w.meter.hit(S, "TextFinder.findNext");
    const hit = this.matches()[this.next++];
    return hit ? google<Range>(new StandinRange(this.w, this.sheet, hit[0], hit[1], 1, 1)) : null;
  }
  findAll(): Range[] {
    this.w.meter.hit(S, "TextFinder.findAll");
    return this.w.makeArrayFrom(this.matches().map(([r, c]) => google<Range>(new StandinRange(this.w, this.sheet, r, c, 1, 1))));
  }
}
export type _TextFinderOnly = Only<Exclude<keyof StandinTextFinder, keyof TextFinder>>;

type SheetKeys =
  | "getName"
  | "setName"
  | "getSheetId"
  | "getRange"
  | "getDataRange"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns"
  | "insertRowsAfter"
  | "insertColumnsAfter"
  | "deleteColumn"
  | "deleteColumns"
  | "insertColumnsBefore"
  | "deleteRows"
  | "appendRow"
  | "setFrozenRows"
  | "getFrozenRows"
  | "setFrozenColumns"
  | "hideColumns"
  | "getIndex"
  | "getFormUrl"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setTabColor"
  | "hideSheet"
  | "isSheetHidden"
  | "clearContents"
  | "protect"
  | "getProtections"
  | "createTextFinder"
  | "getConditionalFormatRules"
  | "setConditionalFormatRules"
  | "newChart"
  | "insertChart"
  | "getCharts"
  | "removeChart"
  | "updateChart"
  | "activate"
  | "getParent";

export class StandinSheet implements Pick<Sheet, SheetKeys> {
  constructor(
    private w: World,
    readonly model: SheetModel,
  ) {}
  private hit(method: string) {
    this.w.meter.hit(S, `Sheet.${method}`);
  }
  private me(): Sheet {
    return google<Sheet>(this);
  }
  private edit() {
    assertCanEdit(this.w, this.model, null);
  }
  private range(row: number, col: number, numRows = 1, numCols = 1): StandinRange {
    const m = this.model;
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw this.w.fail("startTooSmall");
    if (!Number.isInteger(numRows) || numRows < 1) throw this.w.fail("tooFewRows");
    if (!Number.isInteger(numCols) || numCols < 1) throw this.w.fail("tooFewColumns");
    if (row + numRows - 1 > m.maxRows || col + numCols - 1 > m.maxColumns) throw this.w.fail("outsideDimensions");
    return new StandinRange(this.w, m, row, col, numRows, numCols);
  }
  /** A1 resolution shared with Spreadsheet.getRange */
  rangeA1(a1: string): StandinRange {
    let p: ReturnType<typeof parseA1>;
    try {
      p = parseA1(a1);
    } catch {
      throw this.w.fail("rangeNotFound", a1);
    }
    const endRow = p.endRow ?? this.model.maxRows;
    const endCol = p.endCol ?? this.model.maxColumns;
    return this.range(p.row, p.col, endRow - p.row + 1, endCol - p.col + 1);
  }
  getName(): string {
    this.hit("getName");
    return this.model.name;
  }
  setName(n: string): Sheet {
    this.hit("setName");
    this.model.name = n;
    return this.me();
  }
  getSheetId(): number {
    this.hit("getSheetId");
    return this.model.id;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): Range {
    this.hit("getRange");
    return google<Range>(typeof a === "string" ? this.rangeA1(a) : this.range(a, b as number, c ?? 1, d ?? 1));
  }
  getDataRange(): Range {
    this.hit("getDataRange");
    return google<Range>(
      new StandinRange(this.w, this.model, 1, 1, Math.max(1, this.model.lastRow()), Math.max(1, this.model.lastColumn())),
    );
  }
  getLastRow(): number {
    this.hit("getLastRow");
    return this.model.lastRow();
  }
  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.model.lastColumn();
  }
  getMaxRows(): number {
    this.hit("getMaxRows");
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.hit("getMaxColumns");
    return this.model.maxColumns;
  }
  insertRowsAfter(after: number, n: number): Sheet {
    this.hit("insertRowsAfter");
    this.edit();
    assertRoom(this.w, this.model.parent, n * this.model.maxColumns);
    // no spread: a few hundred thousand rows would overflow the call stack
    const v = this.model.values;
    if (after < v.length)
      this.model.values = v.slice(0, after).concat(
        Array.from({ length: n }, () => [] as CellValue[]),
        v.slice(after),
      );
    this.model.maxRows += n;
    return this.me();
  }
  insertColumnsAfter(after: number, n: number): Sheet {
    this.hit("insertColumnsAfter");
    this.edit();
    assertRoom(this.w, this.model.parent, n * this.model.maxRows);
    if (after < this.model.maxColumns) {
      for (const row of this.model.values) if (row.length > after) row.splice(after, 0, ...Array(n).fill(""));
    }
    this.model.maxColumns += n;
    return this.me();
  }
  insertColumnsBefore(before: number, n: number): Sheet {
    this.hit("insertColumnsBefore");
    this.edit();
    assertRoom(this.w, this.model.parent, n * this.model.maxRows);
    for (const row of this.model.values) if (row.length >= before) row.splice(before - 1, 0, ...Array(n).fill(""));
    this.model.maxColumns += n;
    return this.me();
  }
  deleteRows(row: number, n: number): Sheet {
    this.hit("deleteRows");
    this.edit();
    if (row < 1 || row + n - 1 > this.model.maxRows) throw this.w.fail("rowsOutOfBounds");
    this.model.values.splice(row - 1, n);
    this.model.maxRows -= n;
    return this.me();
  }
  deleteColumn(col: number): Sheet {
    this.hit("deleteColumn");
    this.edit();
    for (const row of this.model.values) if (row.length >= col) row.splice(col - 1, 1);
    this.model.maxColumns -= 1;
    return this.me();
  }
  deleteColumns(col: number, n: number): void {
    this.hit("deleteColumns");
    this.edit();
    for (const row of this.model.values) if (row.length >= col) row.splice(col - 1, n);
    this.model.numberFormats.dropColumns(col, n);
    this.model.maxColumns -= n;
  }
  appendRow(values: unknown[]): Sheet {
    this.hit("appendRow");
    const r = this.model.lastRow() + 1;
    assertCanEdit(this.w, this.model, { row: r, col: 1, numRows: 1, numCols: values.length });
    assertCellChars(this.w, values);
    const grow =
      (r > this.model.maxRows ? this.model.maxColumns : 0) + Math.max(0, values.length - this.model.maxColumns) * this.model.maxRows;
    if (grow) assertRoom(this.w, this.model.parent, grow);
    if (r > this.model.maxRows) this.model.maxRows = r;
    if (values.length > this.model.maxColumns) this.model.maxColumns = values.length;
    this.w.meter.wrote(values.length);
    values.forEach((v, j) => this.model.write(r, j + 1, v));
    return this.me();
  }
  setFrozenRows(n: number): void {
    this.hit("setFrozenRows");
    this.model.frozenRows = n;
  }
  getFrozenRows(): number {
    this.hit("getFrozenRows");
    return this.model.frozenRows;
  }
  setFrozenColumns(n: number): void {
    this.hit("setFrozenColumns");
    this.model.frozenColumns = n;
  }
  /** hidden columns stay in the grid and keep their values (https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideColumns(Integer,Integer)) */
  hideColumns(col: number, n = 1): void {
    this.hit("hideColumns");
    for (let i = 0; i < n; i++) this.model.hiddenColumns.add(col + i);
  }
  /** the form whose responses Google writes to this tab, or null (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()) */
  getFormUrl(): string | null {
    this.hit("getFormUrl");
    const ss = this.model.parent;
    for (const f of this.w.forms.values()) {
      if (ss && f.destination === ss.id && f.destinationSheet === this.model.name) return `https://docs.google.com/forms/d/${f.id}/edit`;
    }
    return null;
  }
  /** the tab's position among the spreadsheet's tabs, from 1 */
  getIndex(): number {
    this.hit("getIndex");
    return (this.model.parent?.sheets.indexOf(this.model) ?? 0) + 1;
  }
  setColumnWidth(col: number, width: number): Sheet {
    this.hit("setColumnWidth");
    this.model.colWidths.set(col, width);
    return this.me();
  }
  setColumnWidths(start: number, n: number, width: number): Sheet {
    this.hit("setColumnWidths");
    for (let i = 0; i < n; i++) this.model.colWidths.set(start + i, width);
    return this.me();
  }
  setTabColor(c: string | null): Sheet {
    this.hit("setTabColor");
    this.model.tabColor = c;
    return this.me();
  }
  hideSheet(): Sheet {
    this.hit("hideSheet");
    this.model.hidden = true;
    return this.me();
  }
  isSheetHidden(): boolean {
    this.hit("isSheetHidden");
    return this.model.hidden;
  }
  clearContents(): Sheet {
    this.hit("clearContents");
    this.edit();
    this.model.values = [];
    this.model.formulas.clear();
    return this.me();
  }
  protect(): Protection {
    this.hit("protect");
    const p = newProtection(this.w, this.model, null);
    return google<Protection>(new StandinProtection(this.w, this.model, p));
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): Protection[] {
    this.hit("getProtections");
    const sheetWide = String(type) === "SHEET";
    return this.w.makeArrayFrom(
      this.model.protections
        .filter((p) => sheetWide === (p.range === null))
        .map((p) => google<Protection>(new StandinProtection(this.w, this.model, p))),
    );
  }
  createTextFinder(text: string): TextFinder {
    this.hit("createTextFinder");
    return google<TextFinder>(new StandinTextFinder(this.w, this.model, text, null));
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.hit("getConditionalFormatRules");
    return this.w.makeArrayFrom(
      this.model.conditionalFormats.map((m) => token<GoogleAppsScript.Spreadsheet.ConditionalFormatRule>(new StandinConditionalRule(m))),
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.hit("setConditionalFormatRules");
    this.edit();
    this.model.conditionalFormats = rules.map((r) => {
      if (!(r instanceof StandinConditionalRule)) throw new TypeError("not a ConditionalFormatRule");
      return r.model;
    });
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.hit("newChart");
    return google<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>(new StandinChartBuilder(this.w));
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.hit("insertChart");
    if (!(chart instanceof StandinChart)) throw new TypeError("not an EmbeddedChart");
    this.edit();
    this.model.charts.push({ ...chart.model, id: chart.model.id ?? 1 + Math.max(0, ...this.model.charts.map((c) => c.id ?? 0)) });
  }
  /** the chart with the same id replaced by the one built from its modify() (Google: "Updates the chart on this sheet") */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.hit("updateChart");
    if (!(chart instanceof StandinChart)) throw new TypeError("not an EmbeddedChart");
    const i = this.model.charts.findIndex((c) => c.id !== undefined && c.id === chart.model.id);
    if (i < 0) throw new Error("Chart not found on this sheet.");
    this.edit();
    this.model.charts[i] = chart.model;
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.hit("getCharts");
    return this.w.makeArrayFrom(
      this.model.charts.map((c) => token<GoogleAppsScript.Spreadsheet.EmbeddedChart>(new StandinChart(c, this.w))),
    );
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.hit("removeChart");
    if (!(chart instanceof StandinChart)) throw new TypeError("not an EmbeddedChart");
    this.edit();
    this.model.charts = this.model.charts.filter((c) => c !== chart.model);
  }
  activate(): Sheet {
    this.hit("activate");
    if (this.model.parent) this.model.parent.active = this.model;
    return this.me();
  }
  getParent(): Spreadsheet {
    this.hit("getParent");
    if (!this.model.parent) throw new Error("Sheet has no spreadsheet");
    return google<Spreadsheet>(new StandinSpreadsheet(this.w, this.model.parent));
  }
}
export type _SheetOnly = Only<Exclude<keyof StandinSheet, keyof Sheet | "model" | "rangeA1">>;

type SpreadsheetKeys =
  | "getId"
  | "getName"
  | "getUrl"
  | "getOwner"
  | "getEditors"
  | "addEditors"
  | "getSpreadsheetTimeZone"
  | "setSpreadsheetTimeZone"
  | "getSpreadsheetLocale"
  | "setSpreadsheetLocale"
  | "getSheetByName"
  | "getSheets"
  | "insertSheet"
  | "deleteSheet"
  | "getRange"
  | "toast"
  | "getActiveSheet"
  | "setActiveSheet"
  | "moveActiveSheet";

export class StandinSpreadsheet implements Pick<Spreadsheet, SpreadsheetKeys> {
  constructor(
    private w: World,
    readonly model: SpreadsheetModel,
  ) {}
  private hit(method: string) {
    this.w.meter.hit(S, `Spreadsheet.${method}`);
  }
  getId(): string {
    this.hit("getId");
    return this.model.id;
  }
  getName(): string {
    this.hit("getName");
    return this.model.name;
  }
  getUrl(): string {
    this.hit("getUrl");
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getOwner(): User | null {
    this.hit("getOwner");
    return this.w.userObject(this.model.owner);
  }
  getEditors(): User[] {
    this.hit("getEditors");
    return this.w.makeArrayFrom([this.model.owner, ...this.model.editors].map((e) => this.w.userObject(e)));
  }
  /** the file's owner may add editors (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addEditors(String)) */
  addEditors(emails: string[]): Spreadsheet {
    this.hit("addEditors");
    if (this.w.user() !== this.model.owner) throw this.w.fail("protectedCell");
    for (const e of emails) if (e !== this.model.owner && !this.model.editors.includes(e)) this.model.editors.push(e);
    return google<Spreadsheet>(this);
  }
  getSpreadsheetTimeZone(): string {
    this.hit("getSpreadsheetTimeZone");
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.hit("setSpreadsheetTimeZone");
    this.model.timeZone = tz;
  }
  getSpreadsheetLocale(): string {
    this.hit("getSpreadsheetLocale");
    return this.model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.hit("setSpreadsheetLocale");
    this.model.locale = locale;
  }
  getSheetByName(name: string): Sheet | null {
    this.hit("getSheetByName");
    const s = this.model.sheet(name);
    return s ? google<Sheet>(new StandinSheet(this.w, s)) : null;
  }
  getSheets(): Sheet[] {
    this.hit("getSheets");
    return this.w.makeArrayFrom(this.model.sheets.map((s) => google<Sheet>(new StandinSheet(this.w, s))));
  }
  insertSheet(name?: string | number | object, index?: number | object): Sheet {
    this.hit("insertSheet");
    let n = typeof name === "string" ? name : "";
    if (!n) for (let i = this.model.sheets.length + 1; !n || this.model.sheet(n); i++) n = `Trang tính${i}`;
    if (this.model.sheet(n)) throw this.w.fail("sheetExists", n);
    assertRoom(this.w, this.model, 1000 * 26);
    return google<Sheet>(new StandinSheet(this.w, this.model.addSheet(n, typeof index === "number" ? index : undefined)));
  }
  deleteSheet(sheet: Sheet): void {
    this.hit("deleteSheet");
    if (!(sheet instanceof StandinSheet)) throw new TypeError("not a Sheet");
    assertCanEdit(this.w, sheet.model, null);
    this.model.sheets = this.model.sheets.filter((s) => s !== sheet.model);
    if (this.model.active === sheet.model) this.model.active = null;
  }
  getRange(a1: string): Range {
    this.hit("getRange");
    const bang = a1.lastIndexOf("!");
    let name: string | undefined;
    if (bang >= 0) {
      name = a1.slice(0, bang);
      if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    }
    const sheet = name !== undefined ? this.model.sheet(name) : this.model.sheets[0];
    if (!sheet) throw this.w.fail("rangeNotFound", a1);
    return google<Range>(new StandinSheet(this.w, sheet).rangeA1(bang >= 0 ? a1.slice(bang + 1) : a1));
  }
  toast(msg: string, title?: string, _timeout?: number | null): void {
    this.hit("toast");
    this.model.toasts.push(title ? `${title}: ${msg}` : msg);
  }
  getActiveSheet(): Sheet {
    this.hit("getActiveSheet");
    return google<Sheet>(new StandinSheet(this.w, this.model.active ?? this.model.sheets[0]));
  }
  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    this.hit("setActiveSheet");
    if (!(sheet instanceof StandinSheet)) throw new TypeError("not a Sheet");
    this.model.active = sheet.model;
    return sheet;
  }
  /** the active tab moves to position `pos` (from 1) among the tabs (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#moveActiveSheet(Integer)) */
  moveActiveSheet(pos: number): void {
    this.hit("moveActiveSheet");
    const s = this.model.active ?? this.model.sheets[0];
    if (!Number.isInteger(pos) || pos < 1 || pos > this.model.sheets.length) throw this.w.fail("outsideDimensions");
    this.model.sheets = this.model.sheets.filter((x) => x !== s);
    this.model.sheets.splice(pos - 1, 0, s);
  }
}
export type _SpreadsheetOnly = Only<Exclude<keyof StandinSpreadsheet, keyof Spreadsheet | "model">>;
