// Setup of the product's tabs: created when missing, headers, formats, dropdowns, colours, protection, chart.
import { colLetter } from "../domain/layout";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

import type { TabDef } from "../domain/layout";

export function ensureTab(ss: Spreadsheet, def: TabDef): { sheet: Sheet; created: boolean } {
  let sheet = ss.getSheetByName(def.name);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(def.name);
  const hr = def.headerRow ?? 1;
  if (def.header.length && (created || !def.headerOnce)) {
    sheet.getRange(hr, 1, 1, def.header.length).setValues([def.header]).setFontWeight("bold").setBackground("#e8eef7").setWrap(true);
  }
  sheet.setFrozenRows(def.frozenRows);
  if (def.frozenCols) sheet.setFrozenColumns(def.frozenCols);
  // widths follow the headers: long titles get wide columns, free text the widest
  const widths = def.widths ?? def.header.map((h) => Math.min(320, Math.max(90, h.length * 9)));
  // one call per run of equal widths
  for (let i = 0, j = 0; i < widths.length; i = j) {
    while (widths[j] === widths[i]) j++;
    sheet.setColumnWidths(i + 1, j - i, widths[i]);
  }
  if (def.capacity) {
    // exactly two calls whatever the roster's size: capacity is ensured by inserting at least one row
    const max = sheet.getMaxRows();
    sheet.insertRowsAfter(max, Math.max(1, def.capacity.rows - max));
    const cols = sheet.getMaxColumns();
    if (cols < def.capacity.cols) sheet.insertColumnsAfter(cols, def.capacity.cols - cols);
  }
  if (def.protect && def.header.length && !def.capacity) {
    // Google counts every grid cell of every tab against 10 million: a tab the product writes to a fixed width keeps
    // no empty columns (a new tab has 26)
    const cols = sheet.getMaxColumns();
    if (cols > def.header.length) sheet.deleteColumns(def.header.length + 1, cols - def.header.length);
  }
  for (const c of def.textCols ?? []) sheet.getRange(`${colLetter(c)}2:${colLetter(c)}`).setNumberFormat("@");
  for (const c of def.dateCols ?? []) sheet.getRange(`${colLetter(c)}2:${colLetter(c)}`).setNumberFormat("dd/MM/yyyy HH:mm:ss");
  if (def.percentRows) {
    const p = def.percentRows;
    sheet.getRange(`${colLetter(p.fromCol)}${p.from}:${colLetter(p.toCol)}${p.to}`).setNumberFormat("0.0%");
  }
  for (const l of def.lists ?? []) {
    const b = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
    if (l.values) b.requireValueInList(l.values, true);
    else if (l.rangeA1) b.requireValueInRange(ss.getRange(l.rangeA1), true);
    sheet.getRange(`${colLetter(l.col)}${l.fromRow}:${colLetter(l.col)}${l.toRow ?? ""}`).setDataValidation(b.build());
  }
  if (def.colors) {
    const range = sheet.getRange(`A1:${colLetter(Math.max(def.capacity?.cols ?? 26, 26))}`);
    const rules = def.colors.map((c) =>
      SpreadsheetApp.newConditionalFormatRule().whenTextStartsWith(c.prefix).setBackground(c.background).setRanges([range]).build(),
    );
    sheet.setConditionalFormatRules(rules);
  }
  if (def.tabColor) sheet.setTabColor(def.tabColor);
  if (def.hidden && created) sheet.hideSheet();
  return { sheet, created };
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
