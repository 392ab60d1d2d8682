import { createHash } from "node:crypto";
// What the stand-in holds, written the way people look at it: a workbook, .eml files, the rollup reports.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import MailComposer from "nodemailer/lib/mail-composer";
import { LINE_PX, linesOf } from "../../src/domain/widths.js";
import type { SentMail } from "../mail.js";
import { formatDate } from "../spreadsheet/format-date.js";
import { evaluate, type SheetModel, type SpreadsheetModel } from "../spreadsheet/spreadsheet.js";
import type { World } from "../world.js";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase().padEnd(6, "0").slice(0, 6)}`;

/** a Sheets number format as an .xlsx one, carrying the spreadsheet's locale (LCID) so that separators follow it */
const LCID: Record<string, string> = { vi_VN: "42A", en_US: "409" };
export function excelFormat(f: string, locale: string): string {
  const x = f.replace(/HH/g, "hh").replace(/MM(?=\/yyyy)/g, "mm");
  const id = LCID[locale];
  return id ? `[$-${id}]${x}` : x;
}

function cfFill(sheet: SheetModel, r: number, c: number, v: unknown): string | null {
  if (typeof v !== "string" || !v) return null;
  for (const rule of sheet.conditionalFormats) {
    const inRange = rule.ranges.some((g) => r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols);
    if (!inRange) continue;
    const t = rule.when.text;
    const hit = rule.when.kind === "textStartsWith" ? v.startsWith(t) : rule.when.kind === "textEqualTo" ? v === t : v.includes(t);
    if (hit) return rule.background;
  }
  return null;
}

/** Google's width of a column nobody sized */
export const DEFAULT_COL_PX = 100;
/** pixels of an .xlsx width unit (the width of a digit in the default font) */
const PX_PER_UNIT = 7;

export function colPx(sheet: SheetModel, c: number): number {
  return sheet.colWidths.get(c) ?? DEFAULT_COL_PX;
}

/** the text a cell shows (what Sheets draws; numbers and dates by their format, in the spreadsheet's locale) */
export function cellText(sheet: SheetModel, r: number, c: number, tz: string): string {
  const key = `${r},${c}`;
  const f = sheet.formulas.get(key);
  const v = f ? evaluate(sheet, f) : sheet.cell(r, c);
  return shown(v, sheet.numberFormats.get(key) ?? sheet.numberFormats.get(`*,${c}`), tz);
}

/** whether a cell's text wraps */
export function wraps(sheet: SheetModel, r: number, c: number): boolean {
  return sheet.wraps.get(`${r},${c}`) === true;
}

/** the rows' heights as Sheets grows them for wrapped text (LibreOffice takes an .xlsx row's height as written) */
function rowHeightPt(sheet: SheetModel, r: number, tz: string): number | null {
  const row = sheet.values[r - 1] ?? [];
  let lines = 1;
  for (let c = 1; c <= row.length; c++) {
    if (sheet.hiddenColumns.has(c)) continue;
    const text = cellText(sheet, r, c, tz);
    if (!text) continue;
    const bold = sheet.fontWeights.get(`${r},${c}`) === "bold";
    if (wraps(sheet, r, c)) lines = Math.max(lines, linesOf(text, colPx(sheet, c), bold));
    else if (text.includes("\n")) lines = Math.max(lines, text.split("\n").length);
  }
  return lines > 1 ? Math.ceil((lines * LINE_PX + 4) * 0.75) : null;
}

/** a wide tab prints across pages at full size; one that fits a landscape A4 page at half size or more is fitted to it */
const FIT_PX = 1600;

export async function writeWorkbook(_w: World, ss: SpreadsheetModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "union-reporting stand-in";
  const tz = ss.timeZone;
  for (const sheet of ss.sheets) {
    const used = Math.max(0, ...sheet.values.map((r) => r.length));
    let widthPx = 0;
    for (let c = 1; c <= used; c++) if (!sheet.hiddenColumns.has(c)) widthPx += colPx(sheet, c);
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
      views: [
        { state: sheet.frozenRows || sheet.frozenColumns ? "frozen" : "normal", ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns },
      ],
      state: sheet.hidden ? "hidden" : "visible",
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : undefined,
      // printed as staff would print it: A4 landscape, the tab's name on each page, its header rows repeated
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.5, header: 0.25, footer: 0.25 },
        ...(widthPx <= FIT_PX ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        ...(sheet.frozenRows ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
      },
      headerFooter: { oddHeader: `&L&"Arial,Bold"&A`, oddFooter: "&CTrang &P/&N" },
    });
    for (let c = 1; c <= Math.max(used, ...sheet.colWidths.keys()); c++) {
      const col = ws.getColumn(c);
      col.width = Math.max(2, Math.round((colPx(sheet, c) / PX_PER_UNIT) * 10) / 10);
      if (sheet.hiddenColumns.has(c)) col.hidden = true;
    }
    const rows = Math.max(sheet.values.length, ...[...sheet.formulas.keys()].map((k) => Number(k.split(",")[0])), 0);
    for (let r = 1; r <= rows; r++) {
      const src = sheet.values[r - 1] ?? [];
      const width = Math.max(src.length, 0);
      for (let c = 1; c <= Math.max(width, sheet.formulas.size ? 30 : 0); c++) {
        const key = `${r},${c}`;
        const formula = sheet.formulas.get(key);
        let v: unknown = src[c - 1] ?? "";
        const cell = ws.getCell(r, c);
        if (formula) {
          const result = evaluate(sheet, formula);
          cell.value = { formula: formula.slice(1), result: result as never };
          v = result;
        } else if (v instanceof Date) cell.value = wall(v, tz);
        else if (v !== "" && sheet.links.has(key)) cell.value = { text: String(v), hyperlink: sheet.links.get(key) ?? "" };
        else if (v !== "") cell.value = v as never;
        else if (!sheet.backgrounds.has(key)) continue;
        const fmt = sheet.numberFormats.get(key) ?? sheet.numberFormats.get(`*,${c}`);
        if (fmt && fmt !== "@") cell.numFmt = excelFormat(fmt, ss.locale);
        else if (v instanceof Date) cell.numFmt = excelFormat("dd/MM/yyyy HH:mm", ss.locale);
        else if (fmt === "@") cell.numFmt = "@";
        const bg = cfFill(sheet, r, c, v) ?? sheet.backgrounds.get(key);
        if (bg) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(bg) } };
        // Sheets' own font, so that widths and heights measured for it hold
        cell.font = {
          name: "Arial",
          size: 10,
          bold: sheet.fontWeights.get(key) === "bold",
          // a link as Sheets shows it: blue, underlined
          ...(sheet.links.has(key) ? { color: { argb: "FF1155CC" }, underline: true } : {}),
        };
        const wrap = wraps(sheet, r, c) || (typeof v === "string" && v.includes("\n"));
        const top = sheet.verticalAlignments.get(key) === "top" || wrap;
        const h = sheet.horizontalAlignments.get(key);
        const horizontal = h === "left" || h === "center" || h === "right" ? h : undefined;
        if (wrap || top || horizontal) cell.alignment = { wrapText: wrap, vertical: top ? "top" : undefined, horizontal };
      }
      const h = rowHeightPt(sheet, r, tz);
      if (h) ws.getRow(r).height = h;
    }
  }
  const active = ss.active ? ss.sheets.indexOf(ss.active) : 0;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  await wb.xlsx.writeFile(file);
}

const esc = (x: string) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** a date cell as the spreadsheet shows it: wall-clock time in the spreadsheet's zone */
function wall(d: Date, tz: string): Date {
  const [y, m, day, hh, mi, ss] = formatDate(d, tz, "yyyy-MM-dd-HH-mm-ss").split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, day, hh, mi, ss));
}

/** a value as Sheets shows it in a Vietnamese spreadsheet: 1.234, 94,9%, 24/10/2018 08:00 */
export function shown(v: unknown, fmt: string | undefined, tz: string): string {
  if (v instanceof Date) return formatDate(v, tz, fmt && /^dd\/MM\/yyyy$/.test(fmt) ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm");
  if (typeof v === "number" && fmt?.includes("%")) return `${(v * 100).toFixed(1).replace(".", ",")}%`;
  if (typeof v === "number" && fmt === "#,##0") return Math.round(v).toLocaleString("de-DE");
  // a change with its sign: +3, −2, 0
  if (typeof v === "number" && fmt?.startsWith("+#,##0;")) {
    const n = Math.round(Math.abs(v)).toLocaleString("de-DE");
    return v > 0 ? `+${n}` : v < 0 ? `−${n}` : "0";
  }
  return String(v ?? "");
}

/** the workbook as one HTML page, one table per tab, with the colours staff see: a preview that needs no office suite */
export function workbookHtml(_w: World, ss: SpreadsheetModel, only?: string[], maxRows = 60): string {
  const parts: string[] = [];
  for (const sheet of ss.sheets) {
    if (only && !only.includes(sheet.name)) continue;
    const rows: string[] = [];
    const width = Math.min(16, Math.max(0, ...sheet.values.slice(0, maxRows).map((r) => r.length)));
    for (let r = 1; r <= Math.min(maxRows, sheet.values.length); r++) {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const key = `${r},${c}`;
        const f = sheet.formulas.get(key);
        const v = f ? evaluate(sheet, f) : sheet.cell(r, c);
        const bg = cfFill(sheet, r, c, v) ?? sheet.backgrounds.get(key);
        const bold = sheet.fontWeights.get(key) === "bold" || r <= sheet.frozenRows;
        const style = `${bg ? `background:${bg};` : ""}${bold ? "font-weight:bold;" : ""}`;
        const text = shown(v, sheet.numberFormats.get(key) ?? sheet.numberFormats.get(`*,${c}`), ss.timeZone);
        const cut = esc(text.length > 90 ? `${text.slice(0, 90)}…` : text);
        const url = sheet.links.get(key);
        cells.push(
          `<td${style ? ` style="${style}"` : ""}>${url && text ? `<a href="${esc(url).replace(/"/g, "&quot;")}">${cut}</a>` : cut}</td>`,
        );
      }
      rows.push(`<tr>${cells.join("")}</tr>`);
    }
    parts.push(`<h2>${esc(sheet.name)}</h2><table>${rows.join("\n")}</table>`);
  }
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(ss.name)}</title><style>
body{font-family:Arial,sans-serif;font-size:12px}table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 6px;white-space:nowrap;max-width:360px;overflow:hidden}
h2{font-size:15px;margin:18px 0 6px}</style></head><body>${parts.join("\n")}</body></html>`;
}

/** Sheets' look on screen: its grid lines, its headers, its default row height (CSS pixels) */
const GRID = "#e2e3e3";
const HEAD_BG = "#f8f9fa";
const ROW_PX = 21;
const ROW_HEAD_PX = 46;

/**
 * One tab as Google Sheets draws it on screen, a page of its own for a browser's picture: the column letters and row
 * numbers, the columns' widths, each cell's text as Sheets shows it (number formats, the spreadsheet's locale),
 * wrapped or clipped, bold, fills (conditional ones too), links, the frozen rows' line, and the tabs' bar under the
 * grid with this one chosen. Each cell carries `data-cell="r,c"`, so a test reads back what the picture shows.
 */
export function tabPageHtml(ss: SpreadsheetModel, name: string, maxRows = 80): string {
  const sheet = ss.sheet(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  const tz = ss.timeZone;
  const cols = Math.max(1, ...sheet.values.map((r) => r.length), ...sheet.colWidths.keys());
  const shownCols = Array.from({ length: cols }, (_, i) => i + 1).filter((c) => !sheet.hiddenColumns.has(c));
  const rows = Math.min(maxRows, Math.max(sheet.values.length, sheet.frozenRows));
  const letter = (c: number) => {
    let t = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) t = String.fromCharCode(65 + ((n - 1) % 26)) + t;
    return t;
  };
  const head = shownCols.map((c) => `<th class="col">${letter(c)}</th>`).join("");
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const frozen = r === sheet.frozenRows ? ' class="frozen"' : "";
    const cells: string[] = [];
    for (let i = 0; i < shownCols.length; i++) {
      const c = shownCols[i];
      const key = `${r},${c}`;
      const f = sheet.formulas.get(key);
      const v = f ? evaluate(sheet, f) : sheet.cell(r, c);
      const text = cellText(sheet, r, c, tz);
      const bg = cfFill(sheet, r, c, v) ?? sheet.backgrounds.get(key);
      const wrap = wraps(sheet, r, c);
      // unwrapped text runs on into the empty cells to its right, as Sheets draws it
      let span = 1;
      if (text && !wrap && typeof v === "string")
        while (i + span < shownCols.length) {
          const k = `${r},${shownCols[i + span]}`;
          if (cellText(sheet, r, shownCols[i + span], tz) || sheet.backgrounds.has(k)) break;
          span++;
        }
      const align = sheet.verticalAlignments.get(key);
      const style = [
        bg ? `background:${bg}` : "",
        sheet.fontWeights.get(key) === "bold" ? "font-weight:bold" : "",
        wrap ? "white-space:pre-wrap;overflow-wrap:anywhere" : "white-space:pre",
        `vertical-align:${align === "top" || align === "middle" ? align : "bottom"}`,
        `text-align:${["left", "center", "right"].includes(sheet.horizontalAlignments.get(key) ?? "") ? sheet.horizontalAlignments.get(key) : typeof v === "number" ? "right" : "left"}`,
      ]
        .filter(Boolean)
        .join(";");
      const url = sheet.links.get(key);
      const inner = url && text ? `<a href="${esc(url).replace(/"/g, "&quot;")}">${esc(text)}</a>` : esc(text);
      cells.push(`<td data-cell="${key}"${span > 1 ? ` colspan="${span}"` : ""} style="${style}">${inner}</td>`);
      i += span - 1;
    }
    body.push(`<tr${frozen}><th class="row">${r}</th>${cells.join("")}</tr>`);
  }
  const widths = shownCols.map((c) => `<col style="width:${colPx(sheet, c)}px">`).join("");
  const tabs = ss.sheets
    .filter((x) => !x.hidden)
    .map((x) => {
      const line = x.tabColor ? `border-bottom:3px solid ${x.tabColor};` : "";
      return `<span class="tab${x === sheet ? " on" : ""}" style="${line}">${esc(x.name)}</span>`;
    })
    .join("");
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(name)}</title><style>
body{margin:0;background:#fff;font-family:Arial,"Liberation Sans",sans-serif;font-size:13px;color:#000}
table{border-collapse:collapse;table-layout:fixed}
td,th{border:1px solid ${GRID};padding:2px 3px;height:${ROW_PX - 5}px;line-height:17px;overflow:hidden}
th{background:${HEAD_BG};color:#5f6368;font-weight:normal;font-size:11px;text-align:center}
th.row{width:${ROW_HEAD_PX - 7}px}
tr.frozen td,tr.frozen th{border-bottom:4px solid #c4c7c5}
a{color:#1155cc;text-decoration:underline}
.bar{display:flex;gap:2px;padding:4px 8px;background:${HEAD_BG};border-top:1px solid #c4c7c5;font-size:13px;white-space:nowrap;overflow:hidden}
.tab{padding:6px 12px;color:#444}.tab.on{background:#e1e9f7;color:#0b57d0;font-weight:bold}
</style></head><body><table><colgroup><col style="width:${ROW_HEAD_PX}px">${widths}</colgroup><tr><th></th>${head}</tr>
${body.join("\n")}</table><div class="bar">${tabs}</div></body></html>`;
}

/** `fallback`: the sender when the mail does not say (MailApp sends from the account the script ran as) */
export async function emlOf(m: SentMail, fallback: string): Promise<Buffer> {
  const from = m.from || fallback;
  // the same mail gives the same bytes: its id and MIME boundary follow from what it is, not from chance
  const seed = createHash("sha256")
    .update(`${m.at}\n${m.to.join(",")}\n${m.subject}\n${m.body}`)
    .digest("hex");
  const domain = from.split("@")[1] ?? "localhost";
  const composer = new MailComposer({
    messageId: `<${seed.slice(0, 8)}-${seed.slice(8, 12)}-${seed.slice(12, 16)}-${seed.slice(16, 20)}-${seed.slice(20, 32)}@${domain}>`,
    baseBoundary: seed.slice(32, 48),
    from: m.name ? { name: m.name, address: from } : from,
    to: m.to,
    cc: m.cc.length ? m.cc : undefined,
    bcc: m.bcc.length ? m.bcc : undefined,
    replyTo: m.replyTo ?? undefined,
    subject: m.subject,
    text: m.body,
    html: m.htmlBody ?? undefined,
    date: new Date(m.at),
    attachments: m.attachments.map((a) => ({ filename: a.name, content: Buffer.from(a.data), contentType: a.contentType })),
    headers: { "X-Mailer": "union-reporting stand-in (MailApp)" },
  });
  return composer.compile().build();
}

export function ensureDir(d: string): void {
  mkdirSync(d, { recursive: true });
}

export function writeText(file: string, text: string | Buffer): void {
  writeFileSync(file, text);
}

export function outDir(base: string, ...parts: string[]): string {
  const d = join(base, ...parts);
  ensureDir(d);
  return d;
}
