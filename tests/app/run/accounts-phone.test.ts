// What staff see when the owner's account stops: the alert on a phone (chromium, 360 px), and the menu item that takes
// the product over; the pictures are the staff guide's.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MENU_ITEMS } from "../../../src/gas/ui";
import { ROOT } from "../../../standin/simulation/simulation";
import { BROWSER_INSTALL, BROWSER_MISSING, type Browser, launch, layout, PHONE, screenshot, show } from "../../support/browser";
import { play, unit } from "../../support/helpers";

const OWNER = "tuyengiao@ldldq1.example.vn";
const LAN = "canbo1@ldldq1.example.vn";
const BUTTON = 'a[style*="display:inline-block"]';

describe.skipIf(BROWSER_MISSING)(`the owner's account stops${BROWSER_MISSING ? ` (skipped: ${BROWSER_INSTALL})` : ""}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ ...PHONE, scale: 1 });
  }, 120000);
  afterAll(async () => browser?.close());

  it("the alert reads on a phone: what stopped, who took over, what to do, the Sheet's button on the first screen", async () => {
    const { sim } = play({
      accounts: { owner: OWNER, staff: [LAN] },
      units: [unit("CD001")],
      settings: { firstPeriod: "2018-10" },
      events: [
        { type: "menu", action: "previewMails", at: "2018-10-02T10:00:00+07:00", as: LAN },
        { type: "leave", account: OWNER, at: "2018-10-10T12:00:00+07:00" },
      ],
      run: { from: "2018-10-01", to: "2018-10-12" },
    });
    const alert = sim.world.mails.find((m) => m.subject.includes("tài khoản vận hành"));
    expect(alert?.to).toEqual([LAN]);
    expect(alert?.from).toBe(LAN);
    const text = alert?.body ?? "";
    expect(text).toMatch(new RegExp(`tài khoản ${OWNER} không diễn ra`));
    expect(text).toMatch(/Việc cần làm:\n1\. Kiểm tra tài khoản/);
    expect(text).toMatch(/Nhận vận hành/);
    const page = await browser.page();
    await show(page, alert?.htmlBody ?? "", alert?.subject);
    const l = await layout(page, BUTTON);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.viewport.width);
    expect(l.box?.bottom ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(l.viewport.height);
    await screenshot(page, join(ROOT, "docs", "images", "mails", "alert.png"));
    await page.close();
  }, 60000);

  it("the menu, as the Sheet shows it, ends with the item that takes the product over", async () => {
    const page = await browser.page();
    const items = MENU_ITEMS.map(
      ([label]) => `<li style="padding:6px 12px">${label.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</li>`,
    ).join("");
    await show(
      page,
      `<div style="font:14px Arial,sans-serif;margin:8px;border:1px solid #dadce0;box-shadow:0 2px 6px rgba(0,0,0,.2);max-width:340px"><div style="padding:8px 12px;font-weight:bold;background:#f1f3f4">Báo cáo CĐCS</div><ul style="list-style:none;margin:0;padding:4px 0">${items}</ul></div>`,
      "Báo cáo CĐCS",
    );
    const labels = await page.evaluate("Array.from(document.querySelectorAll('li')).map((li) => li.textContent)");
    expect((labels as string[]).at(-1)).toMatch(/^Nhận vận hành/);
    await screenshot(page, join(ROOT, "docs", "images", "menu.png"));
    await page.close();
  }, 60000);
});
