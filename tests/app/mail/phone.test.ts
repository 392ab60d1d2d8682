// Each mail kind, in each state a unit can be in, read on a phone: rendered by a real browser at 360 pixels wide, no
// sideways scroll, the button on the first screen. The pictures are saved under docs/images/mails/.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../../standin/simulation/simulation";
import { BROWSER_INSTALL, BROWSER_MISSING, type Browser, launch, layout, PHONE, screenshot, show } from "../../support/browser";
import { CASES, caseMails, type Got, one } from "../../support/mail-cases";
import { mail, CASES as STATES } from "../../support/mail-state-cases";

const OCT = "2018-10";
const REG = "registration";
const BUTTON = 'a[style*="display:inline-block"]';

/** picture name → the mail */
const SHOTS: [string, (all: Got[]) => Got][] = [
  ["invite", (a) => one(a, "invite", CASES.missing, REG)],
  ["reminder-not-received", (a) => one(a, "reminder", CASES.missing, OCT, "2018-10-19")],
  ["reminder-to-fix", (a) => one(a, "reminder", CASES.invalid, OCT, "2018-10-19")],
  ["reminder-waiting", (a) => one(a, "reminder", CASES.waiting, OCT, "2018-10-19")],
  ["overdue-not-received", (a) => one(a, "overdue", CASES.missing, OCT, "2018-10-25")],
  ["overdue-to-fix", (a) => one(a, "overdue", CASES.invalid, OCT, "2018-10-25")],
  // waiting for staff past the due date: asked again, by a reminder, never an overdue notice (Revision 3)
  ["reminder-waiting-after-due", (a) => one(a, "reminder", CASES.waiting, OCT, "2018-10-25")],
  ["invalid", (a) => one(a, "invalid", CASES.invalid, OCT)],
  ["receipt-on-time", (a) => one(a, "receipt", CASES.onTime, OCT)],
  ["receipt-late", (a) => one(a, "receipt", CASES.late, OCT)],
  ["receipt-update", (a) => one(a, "receipt", CASES.edited, OCT, "2018-10-27")],
  ["receipt-waiting", (a) => one(a, "receipt", CASES.waiting, OCT)],
  ["receipt-confirmed", (a) => one(a, "receipt", CASES.confirmed, OCT, "2018-10-20")],
  ["receipt-paper", (a) => one(a, "receipt", CASES.paper, OCT)],
  ["rollup", (a) => a.find((m) => m.kind === "rollup" && m.period === OCT) as Got],
];

const ON_A_PHONE = `on a phone, 360 pixels wide${BROWSER_MISSING ? ` (skipped: ${BROWSER_INSTALL})` : ""}`;

describe.skipIf(BROWSER_MISSING)(ON_A_PHONE, { tags: ["slow"] }, () => {
  let browser: Browser;
  let all: Got[];
  beforeAll(async () => {
    all = (await caseMails()).mails;
    // the pictures one pixel to the CSS pixel, to keep them small in the repository
    browser = await launch({ ...PHONE, scale: 1 });
  }, 120000);
  afterAll(async () => browser?.close());

  for (const [name, pick] of SHOTS) {
    it(`${name}: no sideways scroll, the button on the first screen`, async () => {
      const m = pick(all);
      const page = await browser.page();
      await show(page, m.html, m.subject);
      const l = await layout(page, BUTTON);
      expect(l.viewport.width).toBe(360);
      expect(l.scrollWidth, `${name}: page width`).toBeLessThanOrEqual(l.viewport.width);
      // a report typed in from paper has nothing to open, and one waiting for staff needs no second one (the unit
      // replies): no button; every other mail has one, on the first screen
      if (name === "receipt-paper" || name.startsWith("reminder-waiting")) expect(l.box).toBeNull();
      else {
        expect(l.box, `${name}: a button`).not.toBeNull();
        expect(l.box?.bottom ?? Number.POSITIVE_INFINITY, `${name}: button below the first screen`).toBeLessThanOrEqual(l.viewport.height);
        expect(l.box?.left ?? -1).toBeGreaterThanOrEqual(0);
        expect(l.box?.right ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(l.viewport.width);
      }
      await screenshot(page, join(ROOT, "docs", "images", "mails", `${name}.png`));
      await page.close();
    }, 60000);
  }
});

/** the mails of tests/app/mail/states.test.ts (each kind a unit gets, in each state, the desk's contact filled), by name */
const STATE_SHOTS = STATES.map((c, i) => {
  const base = `${c.d.kind}-${c.state}`;
  const twin = STATES.findIndex((x) => `${x.d.kind}-${x.state}` === base) !== i;
  return { name: twin ? `${base}-${i}` : base, got: () => mail(c.d, undefined, c.today) };
});

describe.skipIf(BROWSER_MISSING)(`each unit state, ${ON_A_PHONE}`, { tags: ["slow"] }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ ...PHONE, scale: 1 });
  }, 120000);
  afterAll(async () => browser?.close());

  for (const { name, got } of STATE_SHOTS) {
    it(`${name}: no sideways scroll; the contact line on the page; a button, when there is one, on the first screen`, async () => {
      const m = got();
      const page = await browser.page();
      await show(page, m.html, m.subject);
      const l = await layout(page, BUTTON);
      expect(l.scrollWidth, `${name}: page width`).toBeLessThanOrEqual(l.viewport.width);
      if (l.box) expect(l.box.bottom, `${name}: button below the first screen`).toBeLessThanOrEqual(l.viewport.height);
      expect(String(await page.evaluate("document.body.innerText"))).toContain("Cần trao đổi, đồng chí liên hệ");
      await screenshot(page, join(ROOT, "docs", "images", "mails", "states", `${name}.png`));
      await page.close();
    }, 60000);
  }
});
