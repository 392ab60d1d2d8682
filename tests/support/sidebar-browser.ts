// The sidebar in a real browser (Debian's chromium through playwright-core), talking to the stand-in as a sidebar talks
// to Google: google.script.run calls reach the named global through World.run and their answers come back to the page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { GOOGLE_SCRIPT_SHIM, serverCall } from "../../standin/html";
import type { World } from "../../standin/world";
import { CHROMIUM, CHROMIUM_FLAGS } from "./browser";

export const SIDEBAR_URL = "https://n-sidebar.script.googleusercontent.com/userCodeAppPanel";

/** a browser with a fresh profile and the flags a headless run on a shared machine needs */
export async function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "chr-")), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    // a sidebar is 300 px wide
    viewport: { width: 300, height: 900 },
    // an English browser: what the sidebar shows (dates above all) must not follow the browser's language
    locale: "en-US",
  });
}

/** the sidebar the last menu action opened, in a page whose google.script.run runs as `as` in `w` */
export async function openSidebar(ctx: BrowserContext, w: World, as?: string): Promise<Page> {
  const shown = w.sidebar;
  if (!shown) throw new Error("no sidebar was opened");
  const page = await ctx.newPage();
  await page.exposeFunction("__gasRun", (name: string, args: string) => {
    try {
      return JSON.stringify(serverCall(w, name, JSON.parse(args), as));
    } catch (e) {
      return JSON.stringify({ ok: false, error: `the stand-in failed: ${(e as Error).stack ?? e}` });
    }
  });
  await page.addInitScript(GOOGLE_SCRIPT_SHIM);
  // served from the host Google serves HtmlService pages from (a secure origin, as there), never from the network
  await page.route(SIDEBAR_URL, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: shown.html }));
  await page.goto(SIDEBAR_URL, { waitUntil: "load" });
  return page;
}

/** the message the sidebar shows once an action is done (not while it says it is working) */
export async function doneMessage(page: Page): Promise<{ kind: string; text: string }> {
  const msg = page.locator("#msg");
  // (evaluated in the page: the tests' own types know no DOM)
  await page.waitForFunction('["ok", "err", "info"].includes(document.getElementById("msg")?.className ?? "")', undefined, {
    polling: 100,
    timeout: 20000,
  });
  return { kind: (await msg.getAttribute("class")) ?? "", text: (await msg.textContent()) ?? "" };
}
