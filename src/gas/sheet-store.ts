// Whole-tab reads and writes on the Sheet: a port method is one or two calls, never a call per row.

import { colLetter, SETTINGS_HEADER, SETTINGS_RANGE, TAB, TEMPLATES_HEADER, UNITS_HEADER, UNITS_READ_COLS } from "../domain/layout";
import { parseUnitRows } from "../domain/rows";
import type { LinkCell, Store } from "../ports";

const SETTINGS_LAST_ROW = Number(SETTINGS_RANGE.split(":")[1].replace(/\D/g, ""));

import type { FormId } from "../domain/forms";
import type { SettingsRow } from "../domain/settings";
import { tabDefs } from "../domain/tabs";
import type { MailKind } from "../domain/templates";
import type { Unit } from "../domain/units";

function a1(tab: string, ref: string): string {
  return `'${tab.replace(/'/g, "''")}'!${ref}`;
}

/** drops the blank rows at the end of a read (open-ended ranges run to the sheet's last row) */
function trimRows(rows: unknown[][]): unknown[][] {
  let n = rows.length;
  while (n > 0 && rows[n - 1].every((v) => v === "" || v == null)) n--;
  return rows.slice(0, n);
}

/** rows of a sheet Google inserts */
const NEW_SHEET_ROWS = 1000;

class MissingTabError extends Error {}

/** the report tabs' answer columns as they stand (the state's), or nothing known */
type Columns = () => Partial<Record<FormId, string[]>> | undefined;

/** each tab's plain-text ("@") columns, from the tabs' own description, for the answer columns as they stand */
let plain: { columns: Partial<Record<FormId, string[]>> | undefined; map: Map<string, Set<number>> } | null = null;
function plainColumns(tab: string, columns: Partial<Record<FormId, string[]>> | undefined): Set<number> | undefined {
  if (!plain || plain.columns !== columns) {
    plain = { columns, map: new Map(tabDefs(0, columns).map((d) => [d.name, new Set(d.textCols ?? [])])) };
  }
  return plain.map.get(tab);
}

/**
 * Text written by the product is formula-safe (safeCell puts an apostrophe before what Sheets would read as a
 * formula). A plain-text ("@") column keeps text as text by itself, and there Google keeps a leading apostrophe as a
 * character: the safety apostrophe comes off in those columns, and only there.
 */
function forColumns(tab: string, startCol: number, rows: unknown[][], columns: Columns): unknown[][] {
  const cols = plainColumns(tab, columns());
  if (!cols?.size) return rows;
  return rows.map((r) => r.map((v, j) => (cols.has(startCol + j) && typeof v === "string" && v.startsWith("'") ? v.slice(1) : v)));
}

const gone = (tab: string) => new MissingTabError(`Không tìm thấy trang “${tab}” (đã bị xóa hoặc đổi tên?): chạy lại Thiết lập.`);

export class SheetStore implements Store {
  private sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  /**
   * `columns`: the product's own Sheet, whose plain-text columns setup formats (the report tabs' by their answer
   * columns as they stand). `null`: an archive, whose tabs have no such columns, so every value keeps its apostrophe.
   */
  constructor(
    readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly columns: Columns | null = () => undefined,
  ) {}

  private cells(tab: string, startCol: number, rows: unknown[][]): unknown[][] {
    return this.columns ? forColumns(tab, startCol, rows, this.columns) : rows;
  }

  name(): string {
    return this.ss.getName();
  }

  url(): string {
    return this.ss.getUrl();
  }

  /** a tab's handle, fetched once per run */
  sheet(tab: string): GoogleAppsScript.Spreadsheet.Sheet {
    let s = this.sheets.get(tab);
    if (!s) {
      s = this.ss.getSheetByName(tab) ?? undefined;
      if (!s) throw gone(tab);
      this.sheets.set(tab, s);
    }
    return s;
  }

  /**
   * Writes a block into a tab made on demand (rollup tabs): 3 calls, one more when the tab is new or must grow.
   * `capacity` is the row count the tab had when last written; returns the new one. `fit`: the tab keeps exactly the
   * block's columns (a new tab has 26, and every grid cell counts against Google's 10 million; a rollup tab is as wide
   * as its widest table, which may change from one writing to the next): one call more, two when they change.
   */
  writeTab(tab: string, rows: unknown[][], capacity: number, fit = false): number {
    let s = this.ss.getSheetByName(tab);
    let cap = capacity;
    const width = rows[0].length;
    if (!s) {
      s = this.ss.insertSheet(tab);
      cap = NEW_SHEET_ROWS;
    } else if (!cap) cap = s.getMaxRows();
    if (fit) {
      const have = s.getMaxColumns();
      if (have > width) s.deleteColumns(width + 1, have - width);
      else if (have < width) s.insertColumnsAfter(have, width - have);
    }
    this.sheets.set(tab, s);
    if (rows.length > cap) {
      // grown by what the block needs and a little room: the tab stays the size of what it holds
      s.insertRowsAfter(cap, rows.length - cap + 100);
      cap = rows.length + 100;
    }
    s.getRange(1, 1, rows.length, width).setValues(rows);
    return cap;
  }

  static open(id: string, columns: Columns | null): SheetStore {
    return new SheetStore(SpreadsheetApp.openById(id), columns);
  }

  /**
   * One range read (2 calls); a missing tab is named in Vietnamese. A range running past the tab's last row is read
   * to that row (2 more calls, only then); one starting below it is empty.
   */
  readBlock(tab: string, ref: string): unknown[][] {
    let rows: unknown[][];
    try {
      rows = this.ss.getRange(a1(tab, ref)).getValues();
    } catch (e) {
      const sheet = this.ss.getSheetByName(tab);
      if (!sheet) throw gone(tab);
      const m = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/.exec(ref);
      const max = sheet.getMaxRows();
      if (!m || Number(m[2] || 1) > max) {
        if (m) return [];
        throw e;
      }
      rows = sheet.getRange(`${m[1]}${m[2]}:${m[3] ?? m[1]}${max}`).getValues();
    }
    return trimRows(rows);
  }

  /**
   * Rows under a header, read with the header in the same call: a column inserted, moved or renamed
   * stops the job with its name, so nothing is ever read from or written to the wrong column.
   */
  readTable(tab: string, header: string[], width = header.length, lastRow?: number): unknown[][] {
    const [head, ...rows] = this.readBlock(tab, `A1:${colLetter(width)}${lastRow ?? ""}`);
    header.slice(0, width).forEach((h, i) => {
      const found = String(head?.[i] ?? "");
      if (found !== h) {
        throw new MissingTabError(
          `Trang “${tab}”, cột ${colLetter(i + 1)}: cần “${h}” nhưng đang là “${found}”. Cột đã bị chèn, di chuyển hoặc đổi tên: đưa về như cũ rồi chạy lại.`,
        );
      }
    });
    return rows;
  }

  readSettingsRows(): SettingsRow[] {
    const rows = this.readTable(TAB.settings, SETTINGS_HEADER, SETTINGS_HEADER.length, SETTINGS_LAST_ROW);
    const out: SettingsRow[] = [];
    rows.forEach((r, i) => {
      const key = String(r[3] ?? "").trim();
      if (key) out.push({ key, value: r[1], cell: `B${i + 2}` });
    });
    return out;
  }

  writeSettings(rows: unknown[][]): void {
    this.writeRows(TAB.settings, 2, rows);
  }

  readTemplates() {
    const rows = this.readTable(TAB.templates, TEMPLATES_HEADER);
    return {
      rows: rows
        .map((r) => ({ kind: String(r[4] ?? "").trim() as MailKind, subject: String(r[2] ?? ""), body: String(r[3] ?? "") }))
        .filter((r) => r.kind),
    };
  }

  readUnits(): { units: Unit[]; problems: string[]; notes: Map<number, string[]> } {
    return parseUnitRows(this.readTable(TAB.units, UNITS_HEADER, UNITS_READ_COLS));
  }

  /** one roster row (2 calls): the submit handler's way to a unit, found by the index beside the state */
  readUnitRow(row: number): Unit | null {
    const rows = this.readBlock(TAB.units, `A${row}:${colLetter(UNITS_READ_COLS)}${row}`);
    return rows.length ? (parseUnitRows(rows, row).units[0] ?? null) : null;
  }

  hasTab(tab: string): boolean {
    if (this.sheets.has(tab)) return true;
    const s = this.ss.getSheetByName(tab);
    if (s) this.sheets.set(tab, s);
    return !!s;
  }

  /** the first cell of a column equal to `text`, found by Sheets itself whatever the tab's size (4 calls) */
  findRow(tab: string, col: number, text: string): number | null {
    const L = colLetter(col);
    const hit = this.ss
      .getRange(a1(tab, `${L}:${L}`))
      .createTextFinder(text)
      .matchEntireCell(true)
      .findNext();
    return hit ? hit.getRow() : null;
  }

  /** every cell of a column equal to `text` (a call per match: for the few rows of one response) */
  findRows(tab: string, col: number, text: string): number[] {
    const L = colLetter(col);
    return this.ss
      .getRange(a1(tab, `${L}:${L}`))
      .createTextFinder(text)
      .matchEntireCell(true)
      .findAll()
      .map((r) => r.getRow());
  }

  readFormats(tab: string, ref: string): string[][] {
    return this.ss.getRange(a1(tab, ref)).getNumberFormats();
  }

  writeFormats(tab: string, row: number, col: number, formats: string[][]): void {
    if (formats.length) this.sheet(tab).getRange(row, col, formats.length, formats[0].length).setNumberFormats(formats);
  }

  lastRow(tab: string): number {
    return this.sheet(tab).getLastRow();
  }

  deleteTab(tab: string): void {
    if (!this.hasTab(tab)) return;
    this.ss.deleteSheet(this.sheet(tab));
    this.sheets.delete(tab);
  }

  insertColumnsBefore(tab: string, col: number, n: number): void {
    this.sheet(tab).insertColumnsBefore(col, n);
  }

  deleteColumns(tab: string, col: number, n: number): void {
    this.sheet(tab).deleteColumns(col, n);
  }

  deleteRows(tab: string, row: number, n: number): void {
    this.sheet(tab).deleteRows(row, n);
  }

  /** one block write (2 calls); the tab grows first when the block runs past its end */
  writeRows(tab: string, startRow: number, rows: unknown[][], startCol = 1): void {
    if (!rows.length) return;
    const [w, h] = [rows[0].length, rows.length];
    const cells = this.cells(tab, startCol, rows);
    try {
      this.ss.getRange(a1(tab, `${colLetter(startCol)}${startRow}:${colLetter(startCol + w - 1)}${startRow + h - 1}`)).setValues(cells);
    } catch (e) {
      // whether the block ran past the tab's end is asked of the tab, never read from the error's words
      const sheet = this.sheet(tab);
      const [maxR, maxC] = [sheet.getMaxRows(), sheet.getMaxColumns()];
      if (startRow + h - 1 <= maxR && startCol + w - 1 <= maxC) throw e;
      // grown with room to spare, so that the next runs do not pay for it again
      if (startRow + h - 1 > maxR) sheet.insertRowsAfter(maxR, startRow + h - maxR + 500);
      if (startCol + w - 1 > maxC) sheet.insertColumnsAfter(maxC, startCol + w - 1 - maxC);
      sheet.getRange(startRow, startCol, h, w).setValues(cells);
    }
  }

  /** labels with their links, one setRichTextValues for the block (building the values calls no service) */
  writeLinks(tab: string, startRow: number, startCol: number, cells: LinkCell[][]): void {
    if (!cells.length) return;
    const values = cells.map((row) =>
      row.map((c) => {
        const b = SpreadsheetApp.newRichTextValue().setText(c.url ? c.text : "");
        return (c.url ? b.setLinkUrl(c.url) : b).build();
      }),
    );
    const [w, h] = [cells[0].length, cells.length];
    this.ss
      .getRange(a1(tab, `${colLetter(startCol)}${startRow}:${colLetter(startCol + w - 1)}${startRow + h - 1}`))
      .setRichTextValues(values);
  }

  /**
   * Rows after the last one (`afterRow` when the caller knows it, else asked of Sheets): one row is appendRow; a block
   * goes into rows inserted right after the last one, so the tab grows by exactly what it holds and never needs a
   * second try.
   */
  appendRows(tab: string, rows: unknown[][], afterRow?: number): void {
    if (!rows.length) return;
    const sheet = this.sheet(tab);
    if (rows.length === 1 && afterRow === undefined) {
      sheet.appendRow(this.cells(tab, 1, rows)[0]);
      return;
    }
    const last = afterRow ?? sheet.getLastRow();
    sheet.insertRowsAfter(Math.max(1, last), rows.length);
    sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(this.cells(tab, 1, rows));
  }
}

/** the spreadsheet behind a store this module made */
export function ssOf(store: Store): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (store instanceof SheetStore) return store.ss;
  throw new Error("store is not a SheetStore");
}
