// What the stand-in holds, written the way people look at it: a workbook, .eml files, the rollup reports.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import MailComposer from "nodemailer/lib/mail-composer";
import { formatDate } from "./format-date.js";
import type { SentMail } from "./mail.js";
import { evaluate, type SheetModel, type SpreadsheetModel } from "./spreadsheet.js";
import type { World } from "./world.js";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase().padEnd(6, "0").slice(0, 6)}`;

function excelFormat(f: string): string {
  return f.replace(/HH/g, "hh").replace(/yyyy/g, "yyyy");
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

export async function writeWorkbook(_w: World, ss: SpreadsheetModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "union-reporting stand-in";
  for (const sheet of ss.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
      views: [
        { state: sheet.frozenRows || sheet.frozenColumns ? "frozen" : "normal", ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns },
      ],
      state: sheet.hidden ? "hidden" : "visible",
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : undefined,
    });
    for (const [c, width] of sheet.colWidths) ws.getColumn(c).width = Math.max(6, Math.round(width / 7));
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
        } else if (v instanceof Date) cell.value = wall(v, ss.timeZone);
        else if (v !== "") cell.value = v as never;
        else if (!sheet.backgrounds.has(key)) continue;
        const fmt = sheet.numberFormats.get(key) ?? sheet.numberFormats.get(`*,${c}`);
        if (fmt && fmt !== "@") cell.numFmt = excelFormat(fmt);
        else if (v instanceof Date) cell.numFmt = "dd/mm/yyyy hh:mm";
        const bg = cfFill(sheet, r, c, v) ?? sheet.backgrounds.get(key);
        if (bg) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(bg) } };
        if (sheet.fontWeights.get(key) === "bold") cell.font = { bold: true };
        if (sheet.wraps.get(key) || (typeof v === "string" && v.includes("\n"))) cell.alignment = { wrapText: true, vertical: "top" };
      }
    }
  }
  await wb.xlsx.writeFile(file);
}

const esc = (x: string) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** a date cell as the spreadsheet shows it: wall-clock time in the spreadsheet's zone */
function wall(d: Date, tz: string): Date {
  const [y, m, day, hh, mi, ss] = formatDate(d, tz, "yyyy-MM-dd-HH-mm-ss").split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, day, hh, mi, ss));
}

function shown(v: unknown, fmt: string | undefined, tz: string): string {
  if (v instanceof Date) return formatDate(v, tz, "dd/MM/yyyy HH:mm");
  if (typeof v === "number" && fmt?.includes("%")) return `${(v * 100).toFixed(1).replace(".", ",")}%`;
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
        cells.push(`<td${style ? ` style="${style}"` : ""}>${esc(text.length > 90 ? `${text.slice(0, 90)}…` : text)}</td>`);
      }
      rows.push(`<tr>${cells.join("")}</tr>`);
    }
    parts.push(`<h2>${esc(sheet.name)}</h2><table>${rows.join("\n")}</table>`);
  }
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(ss.name)}</title><style>
body{font-family:Arial,sans-serif;font-size:12px}table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 6px;white-space:nowrap;max-width:360px;overflow:hidden}
h2{font-size:15px;margin:18px 0 6px}</style></head><body>${parts.join("\n")}</body></html>`;
}

/** `fallback`: the sender when the mail does not say (MailApp sends from the account the script ran as) */
export async function emlOf(m: SentMail, fallback: string): Promise<Buffer> {
  const from = m.from || fallback;
  const composer = new MailComposer({
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
