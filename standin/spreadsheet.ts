// In-memory SpreadsheetApp: spreadsheets, sheets and ranges as Google documents them, metered.
import { colToNumber, parseA1 } from "./a1.js";
import type { Meter } from "./meter.js";
import type { World } from "./world.js";

export type CellValue = string | number | boolean | Date;

const S = "SpreadsheetApp" as const;

export class SheetModel {
  values: CellValue[][] = [];
  formulas = new Map<string, string>();
  numberFormats = new Map<string, string>();
  backgrounds = new Map<string, string>();
  fontWeights = new Map<string, string>();
  fontColors = new Map<string, string>();
  notes = new Map<string, string>();
  validations = new Map<string, DataValidationModel>();
  colWidths = new Map<number, number>();
  wraps = new Map<string, boolean>();
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
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  cell(r: number, c: number): CellValue {
    return this.values[r - 1]?.[c - 1] ?? "";
  }

  put(r: number, c: number, v: CellValue): void {
    while (this.values.length < r) this.values.push([]);
    const row = this.values[r - 1];
    while (row.length < c - 1) row.push("");
    row[c - 1] = v;
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
  editors: string[];
}

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
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: [number, number];
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  timeZone = "Asia/Ho_Chi_Minh";
  private nextSheetId = 1;
  toasts: string[] = [];
  constructor(
    public id: string,
    public name: string,
  ) {}

  addSheet(name: string, index?: number): SheetModel {
    if (this.sheets.some((s) => s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const s = new SheetModel(name, this.nextSheetId++);
    if (index === undefined) this.sheets.push(s);
    else this.sheets.splice(index, 0, s);
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

/** Google stores a written string that starts with "=" as a formula, and one that starts with "'" as text. */
function store(sheet: SheetModel, r: number, c: number, v: unknown): void {
  const key = `${r},${c}`;
  sheet.formulas.delete(key);
  if (v === null || v === undefined) {
    sheet.put(r, c, "");
    return;
  }
  if (typeof v === "string") {
    if (v.startsWith("'")) {
      sheet.put(r, c, v.slice(1));
      return;
    }
    if (v.startsWith("=") && v.length > 1) {
      sheet.formulas.set(key, v);
      sheet.put(r, c, "");
      return;
    }
    const fmt = sheet.numberFormats.get(key) ?? sheet.numberFormats.get(`*,${c}`);
    // Google parses typed numbers in automatic format; in plain-text ("@") cells it keeps the text
    if (fmt !== "@" && /^[+-]?\d+(\.\d+)?$/.test(v.trim()) && v.trim().length < 16) {
      sheet.put(r, c, Number(v));
      return;
    }
    sheet.put(r, c, v);
    return;
  }
  if (typeof v === "number" || typeof v === "boolean") {
    sheet.put(r, c, v);
    return;
  }
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") {
    sheet.put(r, c, new Date((v as Date).getTime()));
    return;
  }
  // objects are written as their string form, as Google does
  sheet.put(r, c, String(v));
}

/** the stand-in computes only direct references ('Tab'!E3); any other formula reads as "" (still visible via getFormulas) */
export function evaluate(w: World, sheet: SheetModel, formula: string): CellValue {
  const m = /^='?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(formula) ?? /^=()\$?([A-Z]+)\$?(\d+)$/.exec(formula);
  if (!m) return "";
  const ss = [...w.spreadsheets.values()].find((x) => x.sheets.includes(sheet));
  const target = m[1] ? ss?.sheet(m[1].replace(/''/g, "'")) : sheet;
  if (!target) return "#REF!";
  return target.cell(Number(m[3]), colToNumber(m[2]));
}

function cloneOut(v: CellValue, realm: World): CellValue {
  if (v instanceof Date) return realm.makeDate(v.getTime());
  return v;
}

export class StandinRange {
  constructor(
    private w: World,
    readonly sheetModel: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}
  private m(): Meter {
    return this.w.meter;
  }
  private hit(method: string) {
    this.m().hit(S, `Range.${method}`);
  }
  private each(fn: (r: number, c: number, i: number, j: number) => void) {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) fn(this.row + i, this.col + j, i, j);
  }
  private checkShape(values: unknown[][], what: string) {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.numCols}. (${what})`,
        );
      }
    }
  }
  getRow() {
    this.hit("getRow");
    return this.row;
  }
  getColumn() {
    this.hit("getColumn");
    return this.col;
  }
  getNumRows() {
    this.hit("getNumRows");
    return this.numRows;
  }
  getNumColumns() {
    this.hit("getNumColumns");
    return this.numCols;
  }
  getLastRow() {
    this.hit("getLastRow");
    return this.row + this.numRows - 1;
  }
  getSheet() {
    this.hit("getSheet");
    return new StandinSheet(this.w, this.sheetModel);
  }
  getA1Notation() {
    this.hit("getA1Notation");
    return `R${this.row}C${this.col}:R${this.row + this.numRows - 1}C${this.col + this.numCols - 1}`;
  }
  getValues(): CellValue[][] {
    this.hit("getValues");
    this.m().read(this.numRows * this.numCols);
    const out: CellValue[][] = this.w.makeArray();
    const f = this.sheetModel.formulas;
    for (let i = 0; i < this.numRows; i++) {
      const src = this.sheetModel.values[this.row - 1 + i];
      const row: CellValue[] = this.w.makeArray();
      for (let j = 0; j < this.numCols; j++) {
        const formula = f.size ? f.get(`${this.row + i},${this.col + j}`) : undefined;
        row.push(cloneOut(formula ? evaluate(this.w, this.sheetModel, formula) : (src?.[this.col - 1 + j] ?? ""), this.w));
      }
      out.push(row);
    }
    return out;
  }
  getDisplayValues(): string[][] {
    this.hit("getDisplayValues");
    this.m().read(this.numRows * this.numCols);
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
    this.m().read(1);
    return cloneOut(this.sheetModel.cell(this.row, this.col), this.w);
  }
  getFormulas(): string[][] {
    this.hit("getFormulas");
    const out: string[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = [];
      for (let j = 0; j < this.numCols; j++) row.push(this.sheetModel.formulas.get(`${this.row + i},${this.col + j}`) ?? "");
      out.push(row);
    }
    return out;
  }
  setValues(values: unknown[][]) {
    this.hit("setValues");
    this.checkShape(values, "setValues");
    this.m().wrote(this.numRows * this.numCols);
    this.each((r, c, i, j) => store(this.sheetModel, r, c, values[i][j]));
    return this;
  }
  setValue(v: unknown) {
    this.hit("setValue");
    this.m().wrote(this.numRows * this.numCols);
    this.each((r, c) => store(this.sheetModel, r, c, v));
    return this;
  }
  clearContent() {
    this.hit("clearContent");
    this.each((r, c) => store(this.sheetModel, r, c, ""));
    return this;
  }
  private setMap<T>(map: Map<string, T>, grid: T[][] | null, single: T | null, method: string) {
    this.hit(method);
    if (grid) this.checkShape(grid, method);
    this.each((r, c, i, j) => {
      const v = grid ? grid[i][j] : single;
      if (v === null || v === undefined || v === "") map.delete(`${r},${c}`);
      else map.set(`${r},${c}`, v);
    });
    return this;
  }
  setNumberFormat(f: string) {
    // a format over whole columns also holds for rows added later, as on Google
    if (this.row <= 2 && this.row + this.numRows - 1 >= this.sheetModel.maxRows) {
      for (let j = 0; j < this.numCols; j++) this.sheetModel.numberFormats.set(`*,${this.col + j}`, f);
    }
    return this.setMap(this.sheetModel.numberFormats, null, f, "setNumberFormat");
  }
  setNumberFormats(f: string[][]) {
    return this.setMap(this.sheetModel.numberFormats, f, null, "setNumberFormats");
  }
  setBackground(color: string | null) {
    return this.setMap(this.sheetModel.backgrounds, null, color, "setBackground");
  }
  setBackgrounds(colors: string[][]) {
    return this.setMap(this.sheetModel.backgrounds, colors, null, "setBackgrounds");
  }
  getBackgrounds(): string[][] {
    this.hit("getBackgrounds");
    const out: string[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = [];
      for (let j = 0; j < this.numCols; j++) row.push(this.sheetModel.backgrounds.get(`${this.row + i},${this.col + j}`) ?? "#ffffff");
      out.push(row);
    }
    return out;
  }
  setFontWeight(w: string | null) {
    return this.setMap(this.sheetModel.fontWeights, null, w, "setFontWeight");
  }
  setFontColor(c: string | null) {
    return this.setMap(this.sheetModel.fontColors, null, c, "setFontColor");
  }
  setWrap(on: boolean) {
    return this.setMap(this.sheetModel.wraps, null, on, "setWrap");
  }
  setNote(note: string | null) {
    return this.setMap(this.sheetModel.notes, null, note, "setNote");
  }
  setVerticalAlignment(_a: string) {
    this.hit("setVerticalAlignment");
    return this;
  }
  setDataValidation(rule: StandinDataValidation | null) {
    this.hit("setDataValidation");
    this.each((r, c) => {
      if (rule) this.sheetModel.validations.set(`${r},${c}`, rule.model);
      else this.sheetModel.validations.delete(`${r},${c}`);
    });
    return this;
  }
  protect() {
    this.hit("protect");
    const p: ProtectionModel = {
      description: "",
      range: { row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols },
      warningOnly: false,
      editors: [this.w.effectiveUser, ...this.w.staff],
    };
    this.sheetModel.protections.push(p);
    return new StandinProtection(this.w, p);
  }
  createTextFinder(text: string) {
    this.hit("createTextFinder");
    return new StandinTextFinder(this.w, this.sheetModel, text, this);
  }
}

export class StandinProtection {
  constructor(
    private w: World,
    private p: ProtectionModel,
  ) {}
  setDescription(d: string) {
    this.w.meter.hit(S, "Protection.setDescription");
    this.p.description = d;
    return this;
  }
  getDescription() {
    this.w.meter.hit(S, "Protection.getDescription");
    return this.p.description;
  }
  setWarningOnly(on: boolean) {
    this.w.meter.hit(S, "Protection.setWarningOnly");
    this.p.warningOnly = on;
    return this;
  }
  getEditors() {
    this.w.meter.hit(S, "Protection.getEditors");
    return this.w.makeArrayFrom(this.p.editors.map((e) => ({ getEmail: () => e })));
  }
  /** the effective user is never removed, as on Google */
  removeEditors(users: ({ getEmail(): string } | string)[]) {
    this.w.meter.hit(S, "Protection.removeEditors");
    const drop = new Set(users.map((u) => (typeof u === "string" ? u : u.getEmail())));
    this.p.editors = this.p.editors.filter((e) => !drop.has(e) || e === this.w.effectiveUser);
    return this;
  }
  canDomainEdit() {
    this.w.meter.hit(S, "Protection.canDomainEdit");
    return this.p.domainEdit !== false;
  }
  setDomainEdit(on: boolean) {
    this.w.meter.hit(S, "Protection.setDomainEdit");
    this.p.domainEdit = on;
    return this;
  }
}

export class StandinTextFinder {
  private entire = false;
  private next = 0;
  constructor(
    private w: World,
    private sheet: SheetModel,
    private text: string,
    private within: StandinRange | null,
  ) {}
  matchEntireCell(on: boolean) {
    this.w.meter.hit(S, "TextFinder.matchEntireCell");
    this.entire = on;
    return this;
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
  findNext() {
    this.w.meter.hit(S, "TextFinder.findNext");
    const all = this.matches();
    const hit = all[this.next++];
    return hit ? new StandinRange(this.w, this.sheet, hit[0], hit[1], 1, 1) : null;
  }
  findAll() {
    this.w.meter.hit(S, "TextFinder.findAll");
    const list = this.w.makeArray();
    for (const [r, c] of this.matches()) list.push(new StandinRange(this.w, this.sheet, r, c, 1, 1));
    return list;
  }
}

export class StandinDataValidation {
  constructor(public model: DataValidationModel) {}
}

export class StandinDataValidationBuilder {
  private model: DataValidationModel = { kind: "list", values: [], allowInvalid: true, helpText: "" };
  constructor(private w: World) {}
  requireValueInList(values: string[], _showDropdown?: boolean) {
    this.w.meter.hit(S, "DataValidationBuilder.requireValueInList");
    this.model.kind = "list";
    this.model.values = [...values];
    return this;
  }
  requireValueInRange(range: StandinRange, _showDropdown?: boolean) {
    this.w.meter.hit(S, "DataValidationBuilder.requireValueInRange");
    this.model.kind = "list";
    this.model.values = [`=${range.sheetModel.name}!R${range.row}C${range.col}:C${range.col}`];
    return this;
  }
  requireCheckbox() {
    this.w.meter.hit(S, "DataValidationBuilder.requireCheckbox");
    this.model.kind = "checkbox";
    return this;
  }
  setAllowInvalid(on: boolean) {
    this.w.meter.hit(S, "DataValidationBuilder.setAllowInvalid");
    this.model.allowInvalid = on;
    return this;
  }
  setHelpText(t: string) {
    this.w.meter.hit(S, "DataValidationBuilder.setHelpText");
    this.model.helpText = t;
    return this;
  }
  build() {
    this.w.meter.hit(S, "DataValidationBuilder.build");
    return new StandinDataValidation({ ...this.model });
  }
}

export class StandinConditionalRule {
  constructor(public model: ConditionalRuleModel) {}
}

export class StandinConditionalRuleBuilder {
  private model: ConditionalRuleModel = {
    ranges: [],
    when: { kind: "textContains", text: "" },
    background: null,
    fontColor: null,
  };
  constructor(private w: World) {}
  private h(m: string) {
    this.w.meter.hit(S, `ConditionalFormatRuleBuilder.${m}`);
  }
  whenTextStartsWith(t: string) {
    this.h("whenTextStartsWith");
    this.model.when = { kind: "textStartsWith", text: t };
    return this;
  }
  whenTextContains(t: string) {
    this.h("whenTextContains");
    this.model.when = { kind: "textContains", text: t };
    return this;
  }
  whenTextEqualTo(t: string) {
    this.h("whenTextEqualTo");
    this.model.when = { kind: "textEqualTo", text: t };
    return this;
  }
  setBackground(c: string) {
    this.h("setBackground");
    this.model.background = c;
    return this;
  }
  setFontColor(c: string) {
    this.h("setFontColor");
    this.model.fontColor = c;
    return this;
  }
  setRanges(ranges: StandinRange[]) {
    this.h("setRanges");
    this.model.ranges = ranges.map((r) => ({ row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols }));
    return this;
  }
  build() {
    this.h("build");
    return new StandinConditionalRule({ ...this.model, ranges: [...this.model.ranges] });
  }
}

export class StandinChartBuilder {
  private model: ChartModel = { type: "LINE", ranges: [], options: {}, position: [1, 1] };
  constructor(
    private w: World,
    private sheet: SheetModel,
  ) {}
  private h(m: string) {
    this.w.meter.hit(S, `EmbeddedChartBuilder.${m}`);
  }
  setChartType(t: string) {
    this.h("setChartType");
    this.model.type = String(t);
    return this;
  }
  addRange(r: StandinRange) {
    this.h("addRange");
    this.model.ranges.push(`${r.sheetModel.name}!R${r.row}C${r.col}:R${r.row + r.numRows - 1}C${r.col + r.numCols - 1}`);
    return this;
  }
  setPosition(row: number, col: number, _ox: number, _oy: number) {
    this.h("setPosition");
    this.model.position = [row, col];
    return this;
  }
  setOption(k: string, v: unknown) {
    this.h("setOption");
    this.model.options[k] = v;
    return this;
  }
  setNumHeaders(n: number) {
    this.h("setNumHeaders");
    this.model.options.numHeaders = n;
    return this;
  }
  build() {
    this.h("build");
    return { __chart: { ...this.model }, sheet: this.sheet };
  }
}

export class StandinSheet {
  constructor(
    private w: World,
    readonly model: SheetModel,
  ) {}
  private hit(method: string) {
    this.w.meter.hit(S, `Sheet.${method}`);
  }
  private range(row: number, col: number, numRows = 1, numCols = 1): StandinRange {
    const m = this.model;
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) {
      throw new Error("The starting row/column of the range is too small.");
    }
    if (!Number.isInteger(numRows) || numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (!Number.isInteger(numCols) || numCols < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > m.maxRows || col + numCols - 1 > m.maxColumns) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new StandinRange(this.w, m, row, col, numRows, numCols);
  }
  /** A1 resolution shared with Spreadsheet.getRange */
  rangeA1(a1: string): StandinRange {
    const p = parseA1(a1);
    const endRow = p.endRow ?? this.model.maxRows;
    const endCol = p.endCol ?? this.model.maxColumns;
    return this.range(p.row, p.col, endRow - p.row + 1, endCol - p.col + 1);
  }
  getName() {
    this.hit("getName");
    return this.model.name;
  }
  setName(n: string) {
    this.hit("setName");
    this.model.name = n;
    return this;
  }
  getSheetId() {
    this.hit("getSheetId");
    return this.model.id;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number) {
    this.hit("getRange");
    if (typeof a === "string") return this.rangeA1(a);
    return this.range(a, b as number, c ?? 1, d ?? 1);
  }
  getDataRange() {
    this.hit("getDataRange");
    return new StandinRange(this.w, this.model, 1, 1, Math.max(1, this.model.lastRow()), Math.max(1, this.model.lastColumn()));
  }
  getLastRow() {
    this.hit("getLastRow");
    return this.model.lastRow();
  }
  getLastColumn() {
    this.hit("getLastColumn");
    return this.model.lastColumn();
  }
  getMaxRows() {
    this.hit("getMaxRows");
    return this.model.maxRows;
  }
  getMaxColumns() {
    this.hit("getMaxColumns");
    return this.model.maxColumns;
  }
  insertRowsAfter(after: number, n: number) {
    this.hit("insertRowsAfter");
    if (after !== this.model.maxRows) {
      this.model.values.splice(after, 0, ...Array.from({ length: n }, () => [] as CellValue[]));
    }
    this.model.maxRows += n;
    return this;
  }
  insertColumnsAfter(after: number, n: number) {
    this.hit("insertColumnsAfter");
    if (after < this.model.maxColumns) {
      for (const row of this.model.values) if (row.length > after) row.splice(after, 0, ...Array(n).fill(""));
    }
    this.model.maxColumns += n;
    return this;
  }
  insertColumnsBefore(before: number, n: number) {
    this.hit("insertColumnsBefore");
    for (const row of this.model.values) if (row.length >= before) row.splice(before - 1, 0, ...Array(n).fill(""));
    this.model.maxColumns += n;
    return this;
  }
  deleteColumns(col: number, n: number) {
    this.hit("deleteColumns");
    for (const row of this.model.values) if (row.length >= col) row.splice(col - 1, n);
    this.model.maxColumns -= n;
    return this;
  }
  deleteRows(row: number, n: number) {
    this.hit("deleteRows");
    if (row < 1 || row + n - 1 > this.model.maxRows) throw new Error("Those rows are out of bounds.");
    this.model.values.splice(row - 1, n);
    this.model.maxRows -= n;
    return this;
  }
  deleteColumn(col: number) {
    this.hit("deleteColumn");
    for (const row of this.model.values) if (row.length >= col) row.splice(col - 1, 1);
    this.model.maxColumns -= 1;
    return this;
  }
  appendRow(values: unknown[]) {
    this.hit("appendRow");
    const r = this.model.lastRow() + 1;
    if (r > this.model.maxRows) this.model.maxRows = r;
    if (values.length > this.model.maxColumns) this.model.maxColumns = values.length;
    this.w.meter.wrote(values.length);
    values.forEach((v, j) => store(this.model, r, j + 1, v));
    return this;
  }
  setFrozenRows(n: number) {
    this.hit("setFrozenRows");
    this.model.frozenRows = n;
  }
  getFrozenRows() {
    this.hit("getFrozenRows");
    return this.model.frozenRows;
  }
  setFrozenColumns(n: number) {
    this.hit("setFrozenColumns");
    this.model.frozenColumns = n;
  }
  setColumnWidth(col: number, width: number) {
    this.hit("setColumnWidth");
    this.model.colWidths.set(col, width);
    return this;
  }
  setColumnWidths(start: number, n: number, width: number) {
    this.hit("setColumnWidths");
    for (let i = 0; i < n; i++) this.model.colWidths.set(start + i, width);
    return this;
  }
  setTabColor(c: string | null) {
    this.hit("setTabColor");
    this.model.tabColor = c;
    return this;
  }
  hideSheet() {
    this.hit("hideSheet");
    this.model.hidden = true;
    return this;
  }
  isSheetHidden() {
    this.hit("isSheetHidden");
    return this.model.hidden;
  }
  clearContents() {
    this.hit("clearContents");
    this.model.values = [];
    this.model.formulas.clear();
    return this;
  }
  clear() {
    this.hit("clear");
    this.model.values = [];
    this.model.formulas.clear();
    this.model.backgrounds.clear();
    this.model.fontWeights.clear();
    this.model.numberFormats.clear();
    return this;
  }
  protect() {
    this.hit("protect");
    const p: ProtectionModel = { description: "", range: null, warningOnly: false, editors: [this.w.effectiveUser, ...this.w.staff] };
    this.model.protections.push(p);
    return new StandinProtection(this.w, p);
  }
  getProtections(type: string) {
    this.hit("getProtections");
    const list = this.w.makeArray();
    for (const p of this.model.protections) {
      if ((type === "SHEET") === (p.range === null)) list.push(new StandinProtection(this.w, p));
    }
    return list;
  }
  createTextFinder(text: string) {
    this.hit("createTextFinder");
    return new StandinTextFinder(this.w, this.model, text, null);
  }
  getConditionalFormatRules() {
    this.hit("getConditionalFormatRules");
    const list = this.w.makeArray();
    for (const m of this.model.conditionalFormats) list.push(new StandinConditionalRule(m));
    return list;
  }
  setConditionalFormatRules(rules: StandinConditionalRule[]) {
    this.hit("setConditionalFormatRules");
    this.model.conditionalFormats = rules.map((r) => r.model);
  }
  newChart() {
    this.hit("newChart");
    return new StandinChartBuilder(this.w, this.model);
  }
  insertChart(chart: { __chart: ChartModel }) {
    this.hit("insertChart");
    this.model.charts.push(chart.__chart);
  }
  getCharts() {
    this.hit("getCharts");
    const list = this.w.makeArray();
    for (const c of this.model.charts) list.push({ __chart: c });
    return list;
  }
  removeChart(chart: { __chart: ChartModel }) {
    this.hit("removeChart");
    this.model.charts = this.model.charts.filter((c) => c !== chart.__chart);
  }
  activate() {
    this.hit("activate");
    return this;
  }
  getParent() {
    this.hit("getParent");
    return this.w.spreadsheetFor(this.model);
  }
}

export class StandinSpreadsheet {
  constructor(
    private w: World,
    readonly model: SpreadsheetModel,
  ) {}
  private hit(method: string) {
    this.w.meter.hit(S, `Spreadsheet.${method}`);
  }
  getId() {
    this.hit("getId");
    return this.model.id;
  }
  getName() {
    this.hit("getName");
    return this.model.name;
  }
  getUrl() {
    this.hit("getUrl");
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    this.hit("getSpreadsheetTimeZone");
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this.hit("setSpreadsheetTimeZone");
    this.model.timeZone = tz;
  }
  getSheetByName(name: string) {
    this.hit("getSheetByName");
    const s = this.model.sheet(name);
    return s ? new StandinSheet(this.w, s) : null;
  }
  getSheets() {
    this.hit("getSheets");
    const list = this.w.makeArray();
    for (const s of this.model.sheets) list.push(new StandinSheet(this.w, s));
    return list;
  }
  insertSheet(name: string, index?: number) {
    this.hit("insertSheet");
    return new StandinSheet(this.w, this.model.addSheet(name, index));
  }
  deleteSheet(sheet: StandinSheet) {
    this.hit("deleteSheet");
    this.model.sheets = this.model.sheets.filter((s) => s !== sheet.model);
  }
  getRange(a1: string) {
    this.hit("getRange");
    const p = parseA1(a1);
    const sheet = p.sheet !== undefined ? this.model.sheet(p.sheet) : this.model.sheets[0];
    if (!sheet) throw new Error(`Range not found: ${a1}`);
    return new StandinSheet(this.w, sheet).rangeA1(a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1);
  }
  toast(msg: string, title?: string) {
    this.hit("toast");
    this.model.toasts.push(title ? `${title}: ${msg}` : msg);
  }
  getActiveSheet() {
    this.hit("getActiveSheet");
    return new StandinSheet(this.w, this.model.sheets[0]);
  }
}
