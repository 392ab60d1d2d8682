// "Hôm nay" as staff see it on screen: the demo's start tab at its last day drawn as Google Sheets draws a tab (grid,
// widths, wrapped text, fills, the tabs' bar) and rendered by Chromium. The page is read back before its picture is
// saved as docs/images/hom-nay.png for the staff guide: every cell shows what the tab holds, whole, and the tab says
// what the demo's day asks of staff.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import { START_STEPS_ROW, TODAY_ITEMS, TODAY_STATE } from "../../../src/domain/start";
import { cellText, tabPageHtml } from "../../../standin/simulation/export";
import { ROOT } from "../../../standin/simulation/simulation";
import { BROWSER_INSTALL, BROWSER_MISSING, type Browser, launch, screenshot } from "../../support/browser";
import { type DemoRun, demoRun } from "../../support/demo-run";
import { pngSize } from "../../support/office";

let demo: DemoRun;
beforeAll(async () => {
  demo = await demoRun();
}, 240000);

const PICTURE = join(ROOT, "docs", "images", "hom-nay.png");
/** the tab's width (46 px of row numbers, 764 px of columns) with a margin */
const SCREEN = { width: 840, height: 900 };

/** what the page shows in each cell (its text as drawn, its fill, whether its text is cut or a word broken) */
interface Shown {
  cell: string;
  text: string;
  background: string;
  cut: boolean;
  broken: boolean;
}

/** read in the page (written as text: the tests are typed for Node) */
const READ = `(() => [...document.querySelectorAll("td[data-cell]")].map((td) => {
  const range = document.createRange();
  range.selectNodeContents(td);
  const words = td.innerText.trim().split(/\\s+/).filter(Boolean);
  return {
    cell: td.dataset.cell,
    text: td.innerText,
    background: getComputedStyle(td).backgroundColor,
    cut: td.scrollWidth > td.clientWidth + 1 || td.scrollHeight > td.clientHeight + 1,
    broken: words.length === 1 && range.getClientRects().length > 1,
  };
}))()`;

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe.skipIf(BROWSER_MISSING)(`the tab “${TAB.start}” on screen (Chromium${BROWSER_MISSING ? `: ${BROWSER_INSTALL}` : ""})`, () => {
  let browser: Browser;
  afterAll(async () => browser?.close());

  it("shows the demo's last day: what needs staff, each state in its colour, every cell whole; saved as a picture", {
    tags: ["slow"],
    timeout: 120000,
  }, async () => {
    const sheet = demo.sim.sheet(TAB.start);
    const tz = demo.sim.ss.timeZone;
    browser = await launch({ ...SCREEN, scale: 1 });
    const page: Page = await browser.page();
    await page.setContent(tabPageHtml(demo.sim.ss, TAB.start), { waitUntil: "load" });
    const cells = (await page.evaluate(READ)) as Shown[];
    const at = (r: number, c: number) => cells.find((x) => x.cell === `${r},${c}`);

    // every cell the tab holds is drawn with the text Sheets shows, whole, no word broken across lines
    let filled = 0;
    for (let r = 1; r <= sheet.values.length; r++)
      for (let c = 1; c <= 4; c++) {
        const text = cellText(sheet, r, c, tz);
        if (!text) continue;
        filled++;
        const shown = at(r, c);
        expect(shown?.text.replace(/\s+/g, " ").trim(), `${r},${c}`).toBe(text.replace(/\s+/g, " ").trim());
        expect(shown?.cut, `${r},${c} “${text.slice(0, 40)}” cut`).toBe(false);
        expect(shown?.broken, `${r},${c} “${text}” broken inside the word`).toBe(false);
      }
    expect(filled).toBeGreaterThan(40);

    // the day it is about, when it was written
    expect(at(1, 1)?.text).toBe("HÔM NAY 31/12/2018 – việc cần cán bộ làm (cập nhật lúc 31/12/2018 08:02)");
    // the seven things to look at, in order, each with its state in its colour
    const items = Array.from({ length: TODAY_ITEMS }, (_, i) => at(3 + i, 2)?.text);
    expect(items).toEqual([
      "Xác nhận người gửi đang chờ",
      "Báo cáo cần đơn vị sửa",
      "Đơn vị cần gọi điện (quá hạn, chưa nộp)",
      "Việc khẩn chưa báo được",
      "Thư sắp gửi",
      "Báo cáo tổng hợp tới",
      "Tình trạng hệ thống",
    ]);
    const colour: Record<string, string> = {
      [TODAY_STATE.todo]: rgb("#ffcdd2"),
      [TODAY_STATE.none]: rgb("#c8e6c9"),
      [TODAY_STATE.fine]: rgb("#c8e6c9"),
      [TODAY_STATE.next]: rgb("#fff9c4"),
    };
    for (let i = 0; i < TODAY_ITEMS; i++) {
      const state = at(3 + i, 3);
      const word = Object.keys(colour).find((w) => state?.text.startsWith(w));
      expect(word, `${items[i]}: ${state?.text}`).toBeTruthy();
      expect(state?.background, `${items[i]}: ${state?.text}`).toBe(colour[word ?? ""]);
    }
    // what staff do today: the sender to confirm, the units to call with their chair and phone from the roster
    expect(at(3, 3)?.text).toBe(`${TODAY_STATE.todo}: 1`);
    expect(at(3, 4)?.text).toContain("CD034 – CĐCS Bệnh viện Răng Hàm Mặt Ký Con (tháng 12/2018)");
    const calls = (at(5, 4)?.text ?? "").split("\n").filter((l) => /^CD\d{3} –/.test(l));
    expect(at(5, 3)?.text).toBe(`${TODAY_STATE.todo}: ${calls.length}`);
    expect(calls.length).toBeGreaterThan(0);
    for (const l of calls) {
      const u = demo.sim.scenario.units.find((x) => l.startsWith(`${x.code} –`));
      expect(l).toContain(`${u?.chair}, ${u?.phone}`);
    }
    expect(at(7, 3)?.text).toBe(`${TODAY_STATE.next}: 19/01/2019`);
    expect(at(9, 4)?.text).toBe("Lần chạy hằng ngày gần nhất: 31/12/2018 08:00 (tài khoản le.minh@ldldq1.example.vn).");
    // under it, the first steps, every one done or to do once
    expect(at(START_STEPS_ROW, 2)?.text).toBe("Các bước ban đầu");
    expect(at(START_STEPS_ROW, 1)?.text).toBe("Bước");

    // nothing wider than the screen; the picture is the whole page
    const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
    expect(width).toBeLessThanOrEqual(SCREEN.width);
    await screenshot(page, PICTURE);
    const size = pngSize(PICTURE);
    expect(size.width).toBe(SCREEN.width);
    expect(size.height).toBeGreaterThan(600);
    await page.close();
  });
});
