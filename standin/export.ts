// What the stand-in holds, written the way people look at it: a workbook, .eml files, the rollup reports.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import MailComposer from "nodemailer/lib/mail-composer";
import { colToNumber } from "./a1.js";
import type { SentMail } from "./services.js";
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

export async function writeWorkbook(w: World, ss: SpreadsheetModel, file: string): Promise<void> {
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
          const result = evaluate(w, sheet, formula);
          cell.value = { formula: formula.slice(1), result: result as never };
          v = result;
        } else if (v !== "") cell.value = v as never;
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
    void colToNumber;
  }
  await wb.xlsx.writeFile(file);
}

export async function emlOf(m: SentMail, from: string): Promise<Buffer> {
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
