// The Sheet as staff read it: the demo's workbook opened in LibreOffice shows every tab whole (nothing cut, no ###), with
// Vietnamese numbers and dates; the first page of each tab is saved under docs/images/ for the README and the guide.
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { colLetter, TAB } from "../../../src/domain/layout";
import { CELL_PADDING, textPx } from "../../../src/domain/widths";
import { cellText, colPx, wraps } from "../../../standin/simulation/export";
import { ROOT } from "../../../standin/simulation/simulation";
import type { SheetModel } from "../../../standin/spreadsheet/spreadsheet";
import { slug, tabPages } from "../../../tools/pictures";
import { type DemoRun, demoRun } from "../../support/demo-run";
import {
  OFFICE_INSTALL,
  OFFICE_MISSING,
  type PdfLine,
  pageSize,
  pdfLines,
  pdfPages,
  pdfPageText,
  pdfText,
  pngSize,
  toPdf,
  type Word,
} from "../../support/office";

let result: DemoRun;
/** each visible tab's pages in LibreOffice's PDF: the page header names the tab */
let pages: { tab: string; first: number; text: string }[] = [];
let pdf = "";
let lines: PdfLine[] = [];

beforeAll(async () => {
  result = await demoRun();
}, 240000);

const visible = () => result.sim.ss.sheets.filter((s) => !s.hidden);
const flat = (s: string) => s.replace(/\s+/g, " ");

/**
 * Cells whose text cannot be seen whole: a number or date wider than its column (LibreOffice shows ###), a line of text
 * wider than its column and the empty cells to its right it may run into. Wrapped cells break their lines (the row
 * grows), so they are whole by construction; this holds the unwrapped ones to the widths the product chose.
 */
function cutCells(sheet: SheetModel, tz: string, rows = 80): string[] {
  const outCells: string[] = [];
  for (let r = 1; r <= Math.min(rows, sheet.values.length); r++) {
    const row = sheet.values[r - 1] ?? [];
    for (let c = 1; c <= row.length; c++) {
      if (sheet.hiddenColumns.has(c)) continue;
      const text = cellText(sheet, r, c, tz);
      if (!text || wraps(sheet, r, c) || text.includes("\n")) continue;
      let room = colPx(sheet, c);
      if (typeof row[c - 1] === "string") {
        for (let k = c + 1; k <= c + 30 && !cellText(sheet, r, k, tz); k++) if (!sheet.hiddenColumns.has(k)) room += colPx(sheet, k);
      }
      const need = textPx(text, sheet.fontWeights.get(`${r},${c}`) === "bold") + CELL_PADDING / 2;
      if (need > room) outCells.push(`${sheet.name}!${colLetter(c)}${r} “${text.slice(0, 60)}”: ${need} px in ${room} px`);
    }
  }
  return outCells;
}

describe("the workbook as staff read it", () => {
  it("no tab holds a cell cut short or a number too wide for its column", () => {
    const tz = result.sim.ss.timeZone;
    expect(visible().flatMap((s) => cutCells(s, tz))).toEqual([]);
  });

  it("opens on the start tab; tabs in groups; no empty default tab; the system's tabs hidden; Google's response tabs last, after the rollups'", () => {
    const names = result.sim.ss.sheets.map((s) => s.name);
    expect(names[0]).toBe(TAB.start);
    expect(result.sim.ss.active?.name ?? names[0]).toBe(TAB.start);
    expect(names.filter((n) => /^(Trang tính|Sheet)\s?\d+$/.test(n))).toEqual([]);
    const responses = names.filter((n) => n.startsWith("Câu trả lời biểu mẫu"));
    expect(responses).toHaveLength(2);
    // the raw response tabs last, right after the rollup tabs (made later, by the rollup runs)
    expect(names.slice(-2).sort()).toEqual([...responses].sort());
    const th = names.filter((n) => n.startsWith("TH "));
    expect(th.length).toBeGreaterThan(3);
    expect(names.slice(-2 - th.length, -2)).toEqual(th);
    // what staff read each day first, together; the system's own tabs hidden
    expect(names.slice(0, 5)).toEqual([TAB.start, TAB.status, TAB.dashboard, TAB.zalo, TAB.preview]);
    const hidden = result.sim.ss.sheets.filter((s) => s.hidden).map((s) => s.name);
    expect(hidden.sort()).toEqual([TAB.ledger, TAB.queue, TAB.lists, TAB.trends].sort());
  });
});

/**
 * A tab's first printed page as rows of words, top to bottom: poppler cuts a printed row into blocks (a cell each), so
 * its words are put back together by their height on the page.
 */
function firstPage(tab: string): PdfLine[] {
  const p = pages.find((x) => x.tab === tab);
  if (!p) throw new Error(`no page for ${tab}`);
  const words = lines.filter((l) => l.page === p.first).flatMap((l) => l.words.map((w) => ({ ...w, y: l.y })));
  const rows: PdfLine[] = [];
  for (const w of [...words].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r.y - w.y) < 2);
    if (row) row.words.push(w);
    else rows.push({ page: p.first, y: w.y, words: [w], text: "" });
  }
  for (const r of rows) {
    r.words.sort((a, b) => a.x - b.x);
    r.text = r.words.map((w) => w.text).join(" ");
  }
  return rows;
}

/** a header cell or a figure as printed: its words' left and right edges */
interface Box {
  text: string;
  from: number;
  to: number;
}
const mid = (b: Box) => (b.from + b.to) / 2;

/**
 * The tab's table as printed on its first page, checked column by column: each header (its words, wrapped over
 * several lines or not, between the title and the first row of figures) stands over the figure of its column, their
 * x ranges overlapping, and the figure nearer its own header than any other. `headers`: the header cells in column
 * order; `row`: the first words of the row of figures and its figures in the same order.
 */
function headersOverFigures(tab: string, headers: string[], row: { label: string; figures: string[] }): string[] {
  const page = firstPage(tab);
  const data = page.find((l) => l.text.startsWith(`${row.label} `));
  if (!data) return [`${tab}: no line “${row.label} …” on page 1`];
  const headerTop = page.find((l) => l.text.includes(headers[0].split(" ")[0]))?.y ?? 0;
  const band = page.filter((l) => l.y >= headerTop && l.y < data.y).flatMap((l) => l.words);
  // each header from its first word, left to right; it runs to the next header's first word
  const starts: Word[] = [];
  for (const h of headers) {
    const first = h.split(" ")[0];
    const prev = starts[starts.length - 1]?.x ?? -1;
    const w = band.filter((x) => x.text === first && x.x > prev + 1).sort((a, b) => a.x - b.x)[0];
    if (!w) return [`${tab}: header “${h}” not found on page 1`];
    starts.push(w);
  }
  const heads: Box[] = starts.map((w, i) => {
    const next = starts[i + 1]?.x ?? Number.POSITIVE_INFINITY;
    const mine = band.filter((x) => x.x >= w.x && x.x < next && headers[i].split(" ").includes(x.text));
    return { text: headers[i], from: w.x, to: Math.max(...mine.map((x) => x.xMax)) };
  });
  // the figures in the row, in order, after its label
  const words = data.words.slice(row.label.split(" ").length);
  const figs: Box[] = [];
  for (const f of row.figures) {
    const n = f.split(" ").length;
    const at = words.findIndex(
      (_w, i) =>
        words
          .slice(i, i + n)
          .map((x) => x.text)
          .join(" ") === f,
    );
    if (at < 0) return [`${tab}: figure “${f}” not on the line “${data.text}”`];
    figs.push({ text: f, from: words[at].x, to: words[at + n - 1].xMax });
    words.splice(0, at + n);
  }
  const wrong: string[] = [];
  figs.forEach((f, i) => {
    const h = heads[i];
    const overlap = Math.min(f.to, h.to) - Math.max(f.from, h.from);
    const nearest = heads.reduce((a, b) => (Math.abs(mid(b) - mid(f)) < Math.abs(mid(a) - mid(f)) ? b : a));
    if (overlap <= 0 || nearest !== h)
      wrong.push(
        `${tab}: “${f.text}” at ${f.from.toFixed(0)}–${f.to.toFixed(0)} pt stands under “${nearest.text}”, not under “${h.text}” at ${h.from.toFixed(0)}–${h.to.toFixed(0)} pt`,
      );
  });
  return wrong;
}

describe.skipIf(OFFICE_MISSING)(`the workbook in LibreOffice (${OFFICE_INSTALL})`, { tags: ["slow"] }, () => {
  beforeAll(() => {
    pdf = toPdf(join(result.out, "workbook.xlsx"));
    pages = tabPages(pdfText(pdf));
    lines = pdfLines(pdf);
  }, 240000);

  it("LibreOffice shows every tab, nothing as ###, numbers and dates the Vietnamese way", () => {
    expect(pages.map((p) => p.tab)).toEqual(visible().map((s) => s.name));
    const all = pages.map((p) => p.text).join("\n");
    expect(all).not.toContain("###");
    // rates with a decimal comma, never a point; dates day first
    const status = pages.find((p) => p.tab === TAB.status)?.text ?? "";
    const dash = pages.find((p) => p.tab === TAB.dashboard)?.text ?? "";
    expect(status).toContain("94,9%");
    expect(dash).toContain("94,9%");
    expect(all).not.toMatch(/\b\d{1,3}\.\d%/);
    expect(status).toContain("24/10/2018");
    expect(dash).toMatch(/Tháng 10\/2018\s+24\/10\/2018/);
    expect(pages.find((p) => p.tab === TAB.mailLog)?.text ?? "").toMatch(/\d{2}\/\d{2}\/2018 \d{2}:\d{2}/);
    expect(all).not.toMatch(/\b2018-\d{2}-\d{2}T/);
  });

  it("unit names, headers and the Zalo message read whole on the printed pages", () => {
    const units = result.sim.scenario.units;
    const on = (tab: string) => flat(pages.find((p) => p.tab === tab)?.text ?? "");
    // every unit whose code is on the status tab's first pages carries its whole name beside it
    const status = on(TAB.status);
    const listed = units.filter((u) => status.includes(u.code));
    expect(listed.length).toBeGreaterThan(20);
    for (const u of listed) expect(status, u.code).toContain(flat(u.name));
    // the report tab: each response's unit with its name (the name may wrap: its words all appear)
    const monthly = on("Báo cáo tháng");
    for (const u of units.filter((x) => monthly.includes(`${x.code} –`))) {
      for (const word of u.name.split(" ")) expect(monthly, u.code).toContain(word);
    }
    // each tab's header, word by word
    for (const sheet of visible()) {
      const text = on(sheet.name);
      const header = (sheet.values[sheet.frozenRows ? sheet.frozenRows - 1 : 0] ?? []).filter(
        (v, j) => typeof v === "string" && v && !sheet.hiddenColumns.has(j + 1),
      );
      for (const h of header.slice(0, 4)) for (const word of String(h).split(/\s+/)) expect(text, `${sheet.name}: ${h}`).toContain(word);
    }
    // the group message staff paste into Zalo: its lines on the page
    const zalo = result.sim.sheet(TAB.zalo);
    const group = zalo.values.find((r) => String(r[0]).startsWith("Tin nhắn gửi nhóm"));
    expect(group).toBeTruthy();
    const zpage = on(TAB.zalo);
    for (const line of String(group?.[1] ?? "").split("\n")) {
      for (const word of line.split(" ").filter((w) => !w.startsWith("https://"))) expect(zpage, line).toContain(word);
    }
  });

  it("Trạng thái and Tổng quan: each header stands over its own figures on page 1 (positions from the PDF's text)", () => {
    const tz = result.sim.ss.timeZone;
    // the status tab: the periods' headers (row 2) over the row “Phải báo cáo” and the rates
    const status = result.sim.sheet(TAB.status);
    const cols = (status.values[1] ?? []).map((_, j) => j + 1).filter((c) => c >= 4);
    const rowOf = (label: string) => status.values.findIndex((r) => r[1] === label) + 1;
    const shownRow = (sheet: SheetModel, r: number, cs: number[]) => cs.map((c) => cellText(sheet, r, c, tz));
    const statusPage = firstPage(TAB.status)
      .map((l) => l.text)
      .join("\n");
    const onPage = cols.filter((c) => statusPage.includes(String(status.values[1][c - 1])));
    expect(onPage.length, "period columns on the status tab's page 1").toBeGreaterThanOrEqual(3);
    const heads = onPage.map((c) => String(status.values[1][c - 1]));
    const wrong = [
      ...headersOverFigures(TAB.status, heads, { label: "Phải báo cáo", figures: shownRow(status, rowOf("Phải báo cáo"), onPage) }),
      ...headersOverFigures(TAB.status, heads, { label: "Tỷ lệ báo cáo", figures: shownRow(status, rowOf("Tỷ lệ báo cáo"), onPage) }),
    ];
    // the dashboard: the period table's twelve headers over October's row, all on page 1
    const dash = result.sim.sheet(TAB.dashboard);
    const dcols = Array.from({ length: 11 }, (_, i) => i + 2);
    const october = dash.values.findIndex((r) => r[0] === "Tháng 10/2018") + 1;
    wrong.push(
      ...headersOverFigures(
        TAB.dashboard,
        dcols.map((c) => String(dash.values[1][c - 1])),
        { label: "Tháng 10/2018", figures: shownRow(dash, october, dcols) },
      ),
    );
    expect(wrong).toEqual([]);
  });

  it("every tab's figures are on its first page: the dashboard's rates and its table by Khối, the status tab's rates", () => {
    const page1 = (tab: string) =>
      firstPage(tab)
        .map((l) => l.text)
        .join("\n");
    const dash = page1(TAB.dashboard);
    for (const h of ["Tỷ lệ báo cáo", "Tỷ lệ đúng hạn", "94,9%", "THEO KHỐI", "Khối hành chính sự nghiệp"]) expect(dash, h).toContain(h);
    const status = page1(TAB.status);
    for (const h of ["Phải báo cáo", "Tỷ lệ đúng hạn", "12/2018", "Đăng ký"]) expect(status, h).toContain(h);
    // one time for the whole status tab
    expect(status.match(/Cập nhật lúc/g)).toHaveLength(1);
    const today = page1(TAB.start);
    for (const h of ["HÔM NAY 31/12/2018", "Xác nhận người gửi đang chờ", "Đơn vị cần gọi điện", "Tình trạng hệ thống"])
      expect(today, h).toContain(h);
  });

  it("the logs' times stay in their column: each ends before the next column's header begins", () => {
    const page = firstPage(TAB.runLog);
    const next = page.flatMap((l) => l.words).find((w) => w.text === "Công");
    expect(next).toBeTruthy();
    const times = page.flatMap((l) =>
      l.words.filter((w, i) => /^\d{2}:\d{2}$/.test(w.text) && /^\d{2}\/\d{2}\/2018$/.test(l.words[i - 1]?.text ?? "")),
    );
    expect(times.length).toBeGreaterThan(10);
    for (const t of times) expect(t.xMax, `${t.text} at ${t.xMax} pt`).toBeLessThan(next?.x ?? 0);
  });

  it("the first page of each tab saved as a picture under docs/images/: a whole page, the one that names the tab and shows its header", () => {
    const dir = mkdtempSync(join(tmpdir(), "sheet-pages-"));
    const saved: string[] = [];
    for (const p of pages) {
      const [png] = pdfPages(pdf, join(dir, slug(p.tab)), p.first, p.first, 70);
      expect(png, p.tab).toBeTruthy();
      // the picture is that page, whole: its size in pixels is the page's at 70 dots per inch
      const page = pageSize(pdf, p.first);
      const picture = pngSize(png);
      expect(Math.abs(picture.width - (page.width * 70) / 72), `${p.tab}: width`).toBeLessThanOrEqual(1);
      expect(Math.abs(picture.height - (page.height * 70) / 72), `${p.tab}: height`).toBeLessThanOrEqual(1);
      // and what it shows: the page header naming the tab, then the first words of the tab's header row
      const text = flat(pdfPageText(pdf, p.first)).trim();
      expect(text.startsWith(p.tab), `${p.tab}: page ${p.first} begins “${text.slice(0, 40)}”`).toBe(true);
      const sheet = visible().find((s) => s.name === p.tab) as SheetModel;
      const header = (sheet.values[sheet.frozenRows ? sheet.frozenRows - 1 : 0] ?? []).find(
        (v, j) => typeof v === "string" && v.trim() && !sheet.hiddenColumns.has(j + 1),
      );
      if (header) for (const word of String(header).split(/\s+/).slice(0, 3)) expect(text, `${p.tab}: ${header}`).toContain(word);
      const name = `sheet-${slug(p.tab)}.png`;
      copyFileSync(png, join(ROOT, "docs", "images", name));
      saved.push(name);
    }
    const files = readdirSync(join(ROOT, "docs", "images"));
    for (const name of saved) expect(files).toContain(name);
    expect(saved).toContain("sheet-hom-nay.png");
    expect(saved).toContain("sheet-nhac-qua-zalo.png");
  });
});
