// Pictures of the trend as leaders and staff see it in the demo: the October and December reports' section "Diễn biến"
// printed by LibreOffice, the leaders' December mail at 360 px in Chromium, the dashboard's trend table printed by
// LibreOffice. Each picture is checked for what it must show before it is saved under docs/images/.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TREND_TAB } from "../../../src/app/report/trends";
import { KIND_THEME, parseTrendRows } from "../../../src/domain/trends";
import { ROOT } from "../../../standin/simulation/simulation";
import { BROWSER_INSTALL, BROWSER_MISSING, type Browser, launch, layout, PHONE, screenshot, show } from "../../support/browser";
import { type DemoRun, demoRun } from "../../support/demo-run";
import { OFFICE_INSTALL, OFFICE_MISSING, pageCount, pdfPages, pdfPageText, toPdf } from "../../support/office";

let demo: DemoRun;
beforeAll(async () => {
  demo = await demoRun();
}, 120000);

const images = join(ROOT, "docs", "images");
const flat = (s: string) => s.replace(/\s+/g, " ");
/** the themes the demo's December figures name (from the kept rows, not written here) */
const themes = () => [
  ...new Set(
    parseTrendRows(demo.sim.sheet(TREND_TAB).values.slice(1))
      .filter((r) => r[1] === KIND_THEME)
      .map((r) => r[2]),
  ),
];

/** the first page whose text holds `marker`, from a PDF */
function pageWith(pdf: string, marker: string): number {
  for (let p = 1; p <= pageCount(pdf); p++) if (flat(pdfPageText(pdf, p)).includes(marker)) return p;
  return 0;
}

describe.skipIf(OFFICE_MISSING)(`the trend in the demo's reports (LibreOffice${OFFICE_MISSING ? `: ${OFFICE_INSTALL}` : ""})`, () => {
  for (const month of ["2018-10", "2018-12"]) {
    it(`${month}: the section "Diễn biến" with at least four themes by month and by Khối, saved as a picture`, {
      tags: ["slow"],
      timeout: 180000,
    }, () => {
      const pdf = toPdf(join(demo.out, "rollups", `BC-TG-${month}.docx`));
      const first = pageWith(pdf, "Diễn biến so với các tháng trước");
      expect(first).toBeGreaterThan(0);
      const text = flat(pdfPageText(pdf, first) + pdfPageText(pdf, first + 1));
      const shown = themes().filter((t) => text.includes(t));
      expect(shown.length).toBeGreaterThanOrEqual(4);
      expect(text).toContain("Khối doanh nghiệp");
      expect(text).toContain("Khối hành chính sự nghiệp");
      expect(text).toMatch(/tăng mạnh/);
      const pages = pdfPages(pdf, join(mkdtempSync(join(tmpdir(), "trend-")), "report"), first, first + 1, 60);
      expect(pages).toHaveLength(2);
      pages.forEach((p, i) => copyFileSync(p, join(images, `report-trend-${month.slice(5)}-${i + 1}.png`)));
    });
  }

  it("the dashboard's trend table printed from the workbook, saved as a picture", { tags: ["slow"], timeout: 300000 }, () => {
    const pdf = toPdf(join(demo.out, "workbook.xlsx"));
    const page = pageWith(pdf, "DIỄN BIẾN CÁC CHỦ ĐỀ");
    expect(page).toBeGreaterThan(0);
    const text = flat(pdfPageText(pdf, page));
    expect(themes().filter((t) => text.includes(t)).length).toBeGreaterThanOrEqual(4);
    // the month's heading wraps in its column ("Tháng" over "12/2018"): the month is there, with the others before it
    expect(text).toMatch(/09\/2018.*10\/2018.*11\/2018.*12\/2018/);
    const [png] = pdfPages(pdf, join(mkdtempSync(join(tmpdir(), "dash-")), "dash"), page, page, 70);
    expect(png).toBeTruthy();
    copyFileSync(png, join(images, "dashboard-trend.png"));
  });
});

describe.skipIf(BROWSER_MISSING)(`the leaders' December mail on a phone (Chromium${BROWSER_MISSING ? `: ${BROWSER_INSTALL}` : ""})`, () => {
  let browser: Browser;
  afterAll(async () => browser?.close());

  it("opens with the figures and the units to watch, the bars of the themes under them, no sideways scroll", {
    tags: ["slow"],
    timeout: 120000,
  }, async () => {
    browser = await launch({ ...PHONE, scale: 1 });
    const mail = demo.summary.mails.find((m) => m.kind === "rollup" && m.period === "2018-12");
    expect(mail).toBeTruthy();
    const parsed = await simpleParser(readFileSync(join(demo.out, String(mail?.file))));
    const html = typeof parsed.html === "string" ? parsed.html : "";
    const page = await browser.page();
    await show(page, html, parsed.subject ?? "");
    const l = await layout(page, "h2");
    expect(l.scrollWidth).toBeLessThanOrEqual(l.viewport.width);
    // the title and the figures at the top of the first screen; the chart's first bars on it too
    expect(l.box?.top ?? 999).toBeLessThan(40);
    const bars = await layout(page, "table[role=presentation]");
    expect(bars.box?.top ?? 9999).toBeLessThan(l.viewport.height);
    expect(bars.box?.right ?? 9999).toBeLessThanOrEqual(l.viewport.width);
    const first = html.indexOf("Đã nộp");
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(html.indexOf("Kính gửi"));
    await screenshot(page, join(images, "mails", "leaders-trend.png"), true);
    await page.close();
  });
});
