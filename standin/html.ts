// HtmlService, and the page side of a sidebar: the HTML the script hands to Ui.showSidebar, and a google.script.run
// that calls the script's global functions through World.run, as Google's client API calls them on the server
// (https://developers.google.com/apps-script/guides/html/reference/run,
// https://developers.google.com/apps-script/guides/html/communication).
import { enumOf, google, type Only } from "./google.js";
import type { World } from "./world.js";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlService = GoogleAppsScript.HTML.HtmlService;

const H = "HtmlService" as const;

type OutputKeys = "getContent" | "setContent" | "append" | "getTitle" | "setTitle" | "getWidth" | "setWidth" | "getHeight" | "setHeight";

export class StandinHtmlOutput implements Pick<HtmlOutput, OutputKeys> {
  private title = "";
  private width = 0;
  private height = 0;
  constructor(
    private w: World,
    private content: string,
  ) {}
  private hit(m: string) {
    this.w.meter.hit(H, `HtmlOutput.${m}`);
  }
  private me(): HtmlOutput {
    return google<HtmlOutput>(this);
  }
  getContent(): string {
    this.hit("getContent");
    return this.content;
  }
  setContent(c: string): HtmlOutput {
    this.hit("setContent");
    this.content = c;
    return this.me();
  }
  append(c: string): HtmlOutput {
    this.hit("append");
    this.content += c;
    return this.me();
  }
  getTitle(): string {
    this.hit("getTitle");
    return this.title;
  }
  /** the sidebar's title bar shows it (https://developers.google.com/apps-script/reference/html/html-output#setTitle(String)) */
  setTitle(t: string): HtmlOutput {
    this.hit("setTitle");
    this.title = t;
    return this.me();
  }
  getWidth(): number {
    this.hit("getWidth");
    return this.width;
  }
  /** ignored by sidebars, which are always 300 px wide (https://developers.google.com/apps-script/guides/dialogs#custom_sidebars) */
  setWidth(n: number): HtmlOutput {
    this.hit("setWidth");
    this.width = n;
    return this.me();
  }
  getHeight(): number {
    this.hit("getHeight");
    return this.height;
  }
  setHeight(n: number): HtmlOutput {
    this.hit("setHeight");
    this.height = n;
    return this.me();
  }
}
export type _HtmlOutputOnly = Only<Exclude<keyof StandinHtmlOutput, keyof HtmlOutput>>;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A template: only printing scriptlets of a property set on the template are modelled, `<?= name ?>` escaped and
 * `<?!= name ?>` as is (https://developers.google.com/apps-script/guides/html/templates); any other scriptlet is refused
 * rather than guessed.
 */
export class StandinHtmlTemplate implements Pick<HtmlTemplate, "evaluate" | "getRawContent"> {
  [prop: string]: unknown;
  constructor(
    private readonly w: World,
    private readonly raw: string,
  ) {}
  evaluate(): HtmlOutput {
    this.w.meter.hit(H, "HtmlTemplate.evaluate");
    const out = this.raw.replace(/<\?(!?=)?\s*([\s\S]*?)\s*\?>/g, (_m, kind: string | undefined, expr: string) => {
      if (!kind || !/^[A-Za-z_$][\w$]*$/.test(expr)) throw new Error(`the stand-in evaluates only <?= name ?> and <?!= name ?>: ${expr}`);
      const v = String(this[expr] ?? "");
      return kind === "=" ? escapeHtml(v) : v;
    });
    return google<HtmlOutput>(new StandinHtmlOutput(this.w, out));
  }
  getRawContent(): string {
    this.w.meter.hit(H, "HtmlTemplate.getRawContent");
    return this.raw;
  }
}

export function makeHtmlService(
  w: World,
): Pick<HtmlService, "createHtmlOutput" | "createHtmlOutputFromFile" | "createTemplate" | "SandboxMode" | "XFrameOptionsMode"> {
  return {
    SandboxMode: enumOf<typeof GoogleAppsScript.HTML.SandboxMode>(["IFRAME", "NATIVE", "EMULATED"]),
    XFrameOptionsMode: enumOf<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(["ALLOWALL", "DEFAULT"]),
    createHtmlOutput(html?: unknown): HtmlOutput {
      w.meter.hit(H, "HtmlService.createHtmlOutput");
      return google<HtmlOutput>(new StandinHtmlOutput(w, typeof html === "string" ? html : ""));
    },
    /** the pushed project holds Code.js and the manifest only: there is no HTML file to read */
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      w.meter.hit(H, "HtmlService.createHtmlOutputFromFile");
      throw new Error(`No HTML file named ${filename} was found.`);
    },
    createTemplate(html: unknown): HtmlTemplate {
      w.meter.hit(H, "HtmlService.createTemplate");
      return google<HtmlTemplate>(new StandinHtmlTemplate(w, String(html)));
    },
  };
}

/** what Ui.showSidebar showed last: the sidebar's title and its page */
export interface ShownSidebar {
  title: string;
  html: string;
}

export function sidebarOf(output: HtmlOutput): ShownSidebar {
  if (!(output instanceof StandinHtmlOutput)) throw new TypeError("not an HtmlOutput");
  return { title: output.getTitle(), html: output.getContent() };
}

/**
 * A value google.script.run can carry: primitives, and arrays and objects made of them. A Date, a function or anything
 * else fails the request ("Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other
 * prohibited type, including prohibited types inside objects or arrays").
 */
export function legalValue(v: unknown, path = "value"): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === "string" || t === "number" || t === "boolean") return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = legalValue(v[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (t === "object" && Object.getPrototypeOf(v) !== null && Object.prototype.toString.call(v) === "[object Object]") {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const bad = legalValue(x, `${path}.${k}`);
      if (bad) return bad;
    }
    return null;
  }
  return `${path}: ${Object.prototype.toString.call(v)} cannot cross google.script.run`;
}

/** the reply the page gets: the function's return value, or the error its failure handler receives */
export type PageReply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * A call from the page: the named global runs as a menu action would (from the UI, as the staff member at the
 * sidebar); what it returns reaches the page as a copy (objects are passed by value). One parameter: the product's
 * server functions take a single object.
 */
export function serverCall(w: World, name: string, args: unknown[], as?: string): PageReply {
  if (args.length > 1) return { ok: false, error: `the stand-in passes one parameter; ${name} got ${args.length}` };
  const badArg = legalValue(args[0], "parameter");
  if (badArg) return { ok: false, error: badArg };
  const r = w.run(name, { ui: true, event: args[0], as });
  if (!r.ok) return { ok: false, error: r.error ?? "error" };
  // a value made in the script's realm: checked as Google checks it, then copied out
  const value = r.value === undefined ? null : JSON.parse(JSON.stringify(r.value));
  const bad = legalValue(r.value, "return value");
  return bad ? { ok: false, error: bad } : { ok: true, value };
}

/**
 * google.script.run and google.script.host for a page opened outside Google: each call goes to `window.__gasRun`
 * (which the test connects to serverCall) and its answer comes back asynchronously to the success or failure
 * handler, with the user object, as Google's client does.
 */
export const GOOGLE_SCRIPT_SHIM = `(() => {
  function runner(success, failure, userObject) {
    const target = {
      withSuccessHandler: (f) => runner(f, failure, userObject),
      withFailureHandler: (f) => runner(success, f, userObject),
      withUserObject: (o) => runner(success, failure, o),
    };
    return new Proxy(target, {
      get(t, name) {
        if (name in t) return t[name];
        return (...args) => {
          window.__gasRun(String(name), JSON.stringify(args)).then((text) => {
            const r = JSON.parse(text);
            if (r.ok) { if (success) success(r.value, userObject); }
            else if (failure) failure(new Error(r.error), userObject);
          }, (e) => { if (failure) failure(e instanceof Error ? e : new Error(String(e)), userObject); });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: () => { window.__gasClosed = true; } } } };
})();`;
