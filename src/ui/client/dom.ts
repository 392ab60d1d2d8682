// The page's few tools: elements made with text only (never HTML: everything from the Sheet goes in as text), the
// message line, the busy state, the question asked before anything is sent, and copying to the clipboard.
import type { Reply } from "./server";

type Handlers = Record<string, (e: Event) => void>;
type Attrs = { text?: string; on?: Handlers; [attr: string]: string | number | boolean | null | undefined | Handlers };
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") el.textContent = String(v ?? "");
    else if (k === "on") for (const [ev, f] of Object.entries(attrs.on ?? {})) el.addEventListener(ev, f);
    else if (typeof v === "object" && v !== null) continue;
    else if (v === true) el.setAttribute(k, "");
    else if (v !== false && v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

const msg = () => document.getElementById("msg") as HTMLElement;

/** the message line: "ok" green, "err" red, "info" neutral (nothing wrong, nothing done), "busy" while working */
export function say(text: string, kind: "ok" | "err" | "info" | "busy" | "" = ""): void {
  // an empty message shows nothing (not an empty coloured bar)
  msg().className = text ? kind : "";
  msg().textContent = text;
}

let busy = false;
export const isBusy = () => busy;

function setBusy(on: boolean): void {
  busy = on;
  for (const b of Array.from(document.querySelectorAll("button"))) {
    if (on) {
      b.dataset.was = b.disabled ? "1" : "";
      b.disabled = true;
    } else b.disabled = b.dataset.was === "1";
  }
}

/** a reply's kind as the message line shows it */
export const kindOf = (r: Reply): "ok" | "err" | "info" => (r.kind === "info" || r.kind === "ask" ? "info" : r.ok ? "ok" : "err");

/** an action: busy while it lasts, its message shown; the reply handed back */
/** how many actions the page has sent: what a paused copy's first day would send is asked again after each */
let acted = 0;
export const actions = (): number => acted;

export async function act(call: () => Promise<Reply>): Promise<Reply | null> {
  if (busy) return null;
  setBusy(true);
  say("Đang xử lý…", "busy");
  const r = await call();
  acted++;
  setBusy(false);
  say(r.message, kindOf(r));
  return r;
}

/** the question asked before anything is sent, in its box; `yes` is the button that goes */
export function askFirst(box: HTMLElement, question: string, yes: string, go: () => void): void {
  box.textContent = "";
  box.appendChild(h("p", { text: question }));
  box.appendChild(
    h(
      "div",
      { class: "row" },
      h("button", { class: "act primary", type: "button", text: yes, on: { click: go } }),
      h("button", { class: "act", type: "button", text: "Thôi", on: { click: () => (box.hidden = true) } }),
    ),
  );
  box.hidden = false;
}

function copyText(text: string, area: HTMLTextAreaElement): void {
  const done = () => say("Đã chép vào bộ nhớ tạm: dán vào Zalo.", "ok");
  const fallback = () => {
    area.focus();
    area.select();
    try {
      document.execCommand("copy");
      done();
    } catch {
      say("Trình duyệt không cho chép tự động: bấm vào ô, Ctrl+A rồi Ctrl+C.", "err");
    }
  };
  if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
}

export function copyBox(text: string, cls: string): HTMLElement {
  const area = h("textarea", { class: cls, readonly: true });
  area.value = text;
  return h(
    "div",
    {},
    area,
    h(
      "div",
      { class: "row" },
      h("button", { class: "act primary", type: "button", text: "Chép", on: { click: () => copyText(area.value, area) } }),
    ),
  );
}

/** a search box and a "more" line under a paged list: `go(q, offset)` asks the server for that page */
export function pager(
  p: { total: number; matched: number; offset: number; shown: number; q: string },
  go: (q: string, offset: number) => void,
  placeholder = "Tìm theo mã hoặc tên đơn vị",
): HTMLElement {
  const box = h("input", { type: "search", placeholder, value: p.q, class: "search" });
  const find = () => go(box.value.trim(), 0);
  box.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).key === "Enter") find();
  });
  const end = p.offset + p.shown;
  const line = h("p", {
    class: "hint",
    text:
      p.matched === 0
        ? "Không có đơn vị nào khớp."
        : `Đang xem ${p.offset + 1}–${end} / ${p.matched} đơn vị${p.matched < p.total ? ` khớp (trong ${p.total})` : ""}.`,
  });
  return h(
    "div",
    { class: "pager" },
    h("div", { class: "row" }, box, h("button", { class: "act", type: "button", text: "Tìm", on: { click: find } })),
    line,
    h(
      "div",
      { class: "row" },
      p.offset > 0
        ? h("button", { class: "act", type: "button", text: "‹ Trước", on: { click: () => go(p.q, Math.max(0, p.offset - 50)) } })
        : null,
      end < p.matched ? h("button", { class: "act", type: "button", text: "Xem tiếp ›", on: { click: () => go(p.q, end) } }) : null,
    ),
  );
}
