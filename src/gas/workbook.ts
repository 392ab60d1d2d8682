// Setup of the product's tabs: created when missing, headers, formats, dropdowns, colours, protection, chart.
import { colLetter, TAB } from "../domain/layout";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

import type { TabDef } from "../domain/layout";
import type { Look } from "../ports";

/** runs of adjacent columns, so that a format over several columns is one call */
function runs(cols: number[]): [number, number][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

/**
 * A tab as described: made when missing, its header, frozen rows, plain-text columns and room kept on every setup; its
 * look (widths, wrapping, formats, colours, dropdowns) when it is new or `restyle` says the product's look changed.
 */
export function ensureTab(ss: Spreadsheet, def: TabDef, restyle = true, order?: TabOrder): { sheet: Sheet; created: boolean } {
  let sheet = ss.getSheetByName(def.name);
  const created = !sheet;
  if (!sheet) sheet = order ? ss.insertSheet(def.name, order.indexFor(def.name)) : ss.insertSheet(def.name);
  const hr = def.headerRow ?? 1;
  if (def.header.length && (created || !def.headerOnce)) {
    sheet.getRange(hr, 1, 1, def.header.length).setValues([def.header]).setFontWeight("bold").setBackground("#e8eef7").setWrap(true);
  }
  sheet.setFrozenRows(def.frozenRows);
  if (def.frozenCols !== undefined) sheet.setFrozenColumns(def.frozenCols);
  if (def.capacity) {
    // exactly two calls whatever the roster's size: capacity is ensured by inserting at least one row
    const max = sheet.getMaxRows();
    sheet.insertRowsAfter(max, Math.max(1, def.capacity.rows - max));
    const cols = sheet.getMaxColumns();
    if (cols < def.capacity.cols) sheet.insertColumnsAfter(cols, def.capacity.cols - cols);
    // a tab whose header is as wide as its room (the queue) keeps no other column: its rows would carry 26 each
    else if (cols > def.capacity.cols && def.header.length === def.capacity.cols)
      sheet.deleteColumns(def.capacity.cols + 1, cols - def.capacity.cols);
  }
  if (def.protect && def.header.length && !def.capacity && (created || !def.headerOnce)) {
    // Google counts every grid cell of every tab against 10 million: a tab the product writes to a fixed width keeps
    // no empty columns (a new tab has 26). A report tab is trimmed only when new: later, a column past today's
    // questions holds the answers to a question since removed
    const cols = sheet.getMaxColumns();
    if (cols > def.header.length) sheet.deleteColumns(def.header.length + 1, cols - def.header.length);
  }
  // what is typed stays text: whatever the look
  for (const c of def.textCols ?? []) sheet.getRange(`${colLetter(c)}2:${colLetter(c)}`).setNumberFormat("@");
  if (created || restyle) look(ss, sheet, def);
  if (def.hidden && created) sheet.hideSheet();
  return { sheet, created };
}

/**
 * Where a new tab goes among those there (Spreadsheet.insertSheet's index, from 0): after the last tab that comes
 * before it in `order`, so that a new Sheet's tabs stand in groups. The tabs' names are asked once, and only when a
 * tab is made.
 */
export class TabOrder {
  private names: string[] | null = null;
  constructor(
    private ss: Spreadsheet,
    private order: string[],
  ) {}
  indexFor(name: string): number {
    this.names ??= this.ss.getSheets().map((x) => x.getName());
    const rank = this.order.indexOf(name);
    let at = 0;
    if (rank < 0) at = this.names.length;
    else
      this.names.forEach((n, i) => {
        const r = this.order.indexOf(n);
        if (r >= 0 && r < rank) at = Math.max(at, i + 1);
      });
    this.names.splice(at, 0, name);
    return at;
  }
}

function look(ss: Spreadsheet, sheet: Sheet, def: TabDef): void {
  // widths chosen for what each column holds; a tab described by its header alone gets widths from it
  const widths = def.widths ?? def.header.map((h) => Math.min(320, Math.max(90, h.length * 9)));
  // one call per run of equal widths
  for (let i = 0, j = 0; i < widths.length; i = j) {
    while (widths[j] === widths[i]) j++;
    sheet.setColumnWidths(i + 1, j - i, widths[i]);
  }
  const hr = def.headerRow ?? 1;
  const width = Math.max(widths.length, def.header.length, 1);
  // text sits at the top of its cell, so that a wrapped neighbour does not push it down the middle
  sheet.getRange(`A1:${colLetter(width)}`).setVerticalAlignment("top");
  const from = def.wrapFrom ?? 1;
  for (const [a, b] of runs(def.wrapCols ?? [])) sheet.getRange(`${colLetter(a)}${from}:${colLetter(b)}`).setWrap(true);
  for (const c of def.dateCols ?? []) sheet.getRange(`${colLetter(c)}2:${colLetter(c)}`).setNumberFormat("dd/MM/yyyy HH:mm");
  for (const f of def.formats ?? []) sheet.getRange(f.a1).setNumberFormat(f.format);
  if (!def.header.length && def.frozenRows) {
    // a tab the product writes whole: its title and header rows in bold
    sheet.getRange(`A1:${colLetter(width)}${def.frozenRows}`).setFontWeight("bold");
  }
  for (const a1 of def.bold ?? []) sheet.getRange(a1).setFontWeight("bold");
  for (const a of def.align ?? []) sheet.getRange(a.a1).setHorizontalAlignment(a.h);
  for (const l of def.lists ?? []) {
    const b = SpreadsheetApp.newDataValidation().setAllowInvalid(!!l.allowInvalid);
    if (l.values) b.requireValueInList(l.values, true);
    else if (l.rangeA1) b.requireValueInRange(ss.getRange(l.rangeA1), true);
    sheet.getRange(`${colLetter(l.col)}${l.fromRow}:${colLetter(l.col)}${l.toRow ?? ""}`).setDataValidation(b.build());
  }
  for (const n of def.notes ?? []) sheet.getRange(hr, n.col).setNote(n.note);
  if (def.colors) {
    const range = sheet.getRange(`A1:${colLetter(Math.max(def.capacity?.cols ?? 26, 26))}`);
    const rules = def.colors.map((c) =>
      SpreadsheetApp.newConditionalFormatRule().whenTextStartsWith(c.prefix).setBackground(c.background).setRanges([range]).build(),
    );
    sheet.setConditionalFormatRules(rules);
  }
  for (const [a, b] of runs(def.hiddenCols ?? [])) sheet.hideColumns(a, b - a + 1);
  if (def.tabColor) sheet.setTabColor(def.tabColor);
}

const PROTECTED = "Trang do hệ thống ghi; xem, lọc, sao chép thoải mái, không sửa.";

/**
 * The product's own tabs: only the listed accounts edit them (the staff and the trigger owner; Google never lists the
 * file's owner, who can always edit). Following Google's sample, the current user is made an editor before the
 * others are removed (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 */
export function protectTabs(ss: Spreadsheet, defs: TabDef[], editors: string[]): string[] {
  const notes: string[] = [];
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const want = new Set(editors.map((e) => e.toLowerCase()));
  for (const def of defs) {
    if (!def.protect) continue;
    const sheet = ss.getSheetByName(def.name);
    if (!sheet) continue;
    let pr = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    if (!pr) pr = sheet.protect().setDescription(PROTECTED);
    else if (!pr.canEdit()) {
      notes.push(`không đổi được người sửa trang “${def.name}”: tài khoản ${me} không có quyền; nhờ chủ bảng tính chạy Thiết lập`);
      continue;
    }
    const have = pr.getEditors().map((u) => u.getEmail().toLowerCase());
    if (me && !have.includes(me)) pr.addEditor(me);
    const drop = have.filter((e) => !want.has(e) && e !== me);
    if (drop.length) pr.removeEditors(drop);
    const add = [...want].filter((e) => !have.includes(e) && e !== me);
    if (add.length) pr.addEditors(add);
    if (pr.canDomainEdit()) pr.setDomainEdit(false);
  }
  return notes;
}

export function ensureChart(sheet: Sheet, labels: string, series: string, title: string): void {
  if (sheet.getCharts().length) return;
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange(labels))
    .addRange(sheet.getRange(series))
    .setNumHeaders(1)
    .setOption("title", title)
    .setOption("vAxis.format", "percent")
    .setPosition(3, 14, 0, 0)
    .build();
  sheet.insertChart(chart);
}

/**
 * A chart kept under its title: made the first time, updated in place after (its ranges and place follow the table it
 * draws, which moves as months are added). Two calls when it exists (getCharts, updateChart), the builder's own besides.
 */
export function placeChart(
  sheet: Sheet,
  c: { a1: string; title: string; type: "COLUMN" | "LINE"; row: number; col: number; transpose?: boolean },
): void {
  const have = sheet.getCharts().find((x) => x.getOptions().get("title") === c.title);
  const builder = (have ? have.modify().clearRanges() : sheet.newChart())
    .setChartType(c.type === "COLUMN" ? Charts.ChartType.COLUMN : Charts.ChartType.LINE)
    .addRange(sheet.getRange(c.a1))
    .setNumHeaders(1)
    .setTransposeRowsAndColumns(!!c.transpose)
    .setOption("title", c.title)
    .setPosition(c.row, c.col, 0, 0);
  if (have) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
}

/** the name Google gives the first tab of a new spreadsheet, in the account's language */
const DEFAULT_TAB = /^(Trang tính|Sheet|Feuille|Hoja|Tabelle|Foglio|Planilha)\s?\d+$/;

/**
 * The tab `first` first and active (the Sheet opens on it); an empty default tab removed; the forms' response tabs
 * (Google's own, found by Sheet.getFormUrl) moved last, their header wrapped and their columns wide enough to read.
 */
export function arrangeTabs(ss: Spreadsheet, first: string, focus: boolean): string[] {
  const notes: string[] = [];
  const sheets = ss.getSheets();
  const names = sheets.map((x) => x.getName());
  for (let i = 0; i < sheets.length; i++) {
    const x = sheets[i];
    if (!DEFAULT_TAB.test(names[i]) || names.length < 2) continue;
    if (x.getLastRow() === 0 && x.getLastColumn() === 0) {
      ss.deleteSheet(x);
      notes.push(`xóa trang trống “${names[i]}”`);
    }
  }
  // a response tab Google has just added sits first: it goes last (one already moved is left where it is)
  const settings = ss.getSheetByName(TAB.settings)?.getIndex() ?? Number.POSITIVE_INFINITY;
  const responses = ss.getSheets().filter((x) => x.getIndex() < settings && x.getFormUrl());
  for (const x of responses) {
    ss.setActiveSheet(x);
    ss.moveActiveSheet(ss.getSheets().length);
    const cols = Math.max(2, x.getLastColumn());
    x.setColumnWidth(1, 150);
    x.setColumnWidth(2, 230);
    if (cols > 2) x.setColumnWidths(3, cols - 2, 220);
    x.getRange(1, 1, 1, cols).setFontWeight("bold");
    // the answers are read whole: every column but the time wraps, text at the top of its cell
    x.getRange(`A1:${colLetter(cols)}`).setVerticalAlignment("top");
    x.getRange(`B1:${colLetter(cols)}`).setWrap(true);
    x.getRange("A1:A1").setWrap(true);
    x.getRange("A2:A").setNumberFormat("dd/MM/yyyy HH:mm:ss");
  }
  const start = ss.getSheetByName(first);
  if (start && (focus || start.getIndex() !== 1)) {
    ss.setActiveSheet(start);
    if (start.getIndex() !== 1) ss.moveActiveSheet(1);
  }
  return notes;
}

/**
 * a tab written whole (a rollup's): widths, wrapping, headings in bold, numbers in their formats, blocks aligned, the
 * first rows frozen
 */
export function shapeTab(ss: Spreadsheet, tab: string, look: Look): void {
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return;
  look.widths.forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  const last = colLetter(Math.max(1, look.widths.length));
  // formats a table's numbers had where the tab was written before (a row since moved) go first
  if (look.formats) sheet.getRange(`A1:${last}`).clearFormat();
  sheet.getRange(`A1:${last}`).setVerticalAlignment("top");
  for (const [a, b] of runs(look.wrap ?? [])) sheet.getRange(`${colLetter(a)}1:${colLetter(b)}`).setWrap(true);
  const bold = look.bold ?? [];
  if (bold.length) {
    const height = Math.max(...bold);
    const weights = Array.from({ length: height }, (_, i) =>
      look.widths.map(() => (bold.includes(i + 1) ? ("bold" as const) : ("normal" as const))),
    );
    sheet.getRange(1, 1, height, look.widths.length).setFontWeights(weights);
  }
  for (const f of look.formats ?? []) sheet.getRange(f.a1).setNumberFormat(f.format);
  for (const x of look.align ?? []) sheet.getRange(x.a1).setHorizontalAlignment(x.h);
  if (look.frozenRows !== undefined) sheet.setFrozenRows(look.frozenRows);
  beforeResponses(ss, sheet);
}

/**
 * A tab made after Google's response tabs (a rollup tab, made by its first rollup) moved before them: the raw tabs stay
 * last. Only the tabs just before it are asked whether a form writes to them (Sheet.getFormUrl): a few calls.
 */
function beforeResponses(ss: Spreadsheet, sheet: Sheet): void {
  const sheets = ss.getSheets();
  const at = sheet.getIndex();
  let to = at;
  for (let i = at - 2; i >= 0 && sheets[i].getFormUrl(); i--) to = i + 1;
  if (to === at) return;
  // moving takes the active tab: the one the Sheet had stays active
  const was = ss.getActiveSheet();
  ss.setActiveSheet(sheet);
  ss.moveActiveSheet(to);
  if (was && was.getName() !== sheet.getName()) ss.setActiveSheet(was);
}

/**
 * Google's own response tabs (each tab a form writes to: Sheet.getFormUrl) and the cells each holds; one call per tab
 * (getFormUrl), a few more per response tab: the product asks once a month
 */
export function responseTabs(ss: Spreadsheet): { name: string; formUrl: string; cells: number }[] {
  const out: { name: string; formUrl: string; cells: number }[] = [];
  for (const x of ss.getSheets()) {
    const url = x.getFormUrl();
    if (url) out.push({ name: x.getName(), formUrl: url, cells: x.getMaxRows() * x.getMaxColumns() });
  }
  return out;
}

/** a tab removed (an unlinked response tab, whose responses the form and the report tabs keep) */
export function dropTab(ss: Spreadsheet, name: string): void {
  const sheet = ss.getSheetByName(name);
  if (sheet) ss.deleteSheet(sheet);
}
