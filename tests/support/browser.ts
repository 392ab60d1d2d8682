// A real browser for the tests that render (mails on a phone, the sidebar): Debian's chromium driven by playwright-core,
// no browser download. A test that needs it is skipped when it is missing, and its name says what installs it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const BROWSER_MISSING = !existsSync(CHROMIUM);
/** what a skipped test's name says */
export const BROWSER_INSTALL = "apt-get install -y chromium fonts-liberation2 fonts-dejavu-core";

/** the flags every run uses: headless, no sandbox, nothing that reaches the network or a stored profile */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Screen {
  width: number;
  height: number;
  /** a phone: touch, the page's own viewport meta honoured, pixels at this density (2 by default) */
  mobile?: boolean;
  scale?: number;
}

/** a phone held upright, as most chairs read their mail */
export const PHONE: Screen = { width: 360, height: 640, mobile: true, scale: 2 };

export interface Browser {
  /** a new page of the browser's screen size */
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** chromium with a fresh profile of its own (removed on close) and a screen of the given size */
export async function launch(screen: Screen): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.scale ?? (screen.mobile ? 2 : 1),
    isMobile: !!screen.mobile,
    hasTouch: !!screen.mobile,
    offline: true,
  });
  return {
    page: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** an HTML fragment (a mail's body, a sidebar) as a page of its own, laid out for the device's width */
export async function show(page: Page, fragment: string, title = ""): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="margin:0">${fragment}</body></html>`,
    { waitUntil: "load" },
  );
}

export interface Layout {
  viewport: { width: number; height: number };
  /** the page's full width: more than the viewport's means a horizontal scroll */
  scrollWidth: number;
  /** where the element sits on the first screen (CSS pixels), or null when there is none */
  box: { top: number; bottom: number; left: number; right: number } | null;
}

/** the page's width against the screen, and where an element is (run in the page; written as text, the tests are typed for Node) */
export async function layout(page: Page, selector?: string): Promise<Layout> {
  const script = `(() => {
    const el = ${JSON.stringify(selector ?? "")} ? document.querySelector(${JSON.stringify(selector ?? "")}) : null;
    const r = el ? el.getBoundingClientRect() : null;
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      box: r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null,
    };
  })()`;
  return (await page.evaluate(script)) as Layout;
}

/** a picture of the page (the whole of it, or the first screen only) */
export async function screenshot(page: Page, file: string, firstScreenOnly = false): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: !firstScreenOnly });
}
