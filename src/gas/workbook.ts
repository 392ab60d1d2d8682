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
  if (def.protect && sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    // only the account that runs the triggers writes here: no column can be moved under the product's feet
    const pr = sheet.protect().setDescription("Trang do hệ thống ghi; xem, lọc, sao chép thoải mái, không sửa.");
    pr.removeEditors(pr.getEditors());
    if (pr.canDomainEdit()) pr.setDomainEdit(false);
  }
  if (def.tabColor) sheet.setTabColor(def.tabColor);
  if (def.hidden && created) sheet.hideSheet();
  return { sheet, created };
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
