// The sidebar's page, run by the staff member's browser (not by Apps Script): the navigation from the server's one
// list of sections, each drawn by its view from what its server call answers. Built by esbuild into the page.
import { SECTIONS, type Section } from "../../app/sidebar/sections";
import { act, actions, h, isBusy, kindOf, say } from "./dom";
import { confirmView } from "./sections/confirm";
import { historyView } from "./sections/history";
import { recordView } from "./sections/record";
import { remindView } from "./sections/remind";
import { rollupView } from "./sections/rollup";
import { zaloView } from "./sections/zalo";
import { server } from "./server";
import type { Ctx, View } from "./view";

/** every section the server lists, drawn: one missing here is named by tsc */
const VIEWS: { [K in Section]: View<unknown> } = {
  confirm: confirmView,
  remind: remindView,
  rollup: rollupView,
  record: recordView,
  zalo: zaloView,
  history: historyView,
};

const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
let current: Section | null = null;
/** what a paused copy's first day would send, as last asked, and how many actions the page had sent then */
let first: { lines: string[]; after: number } | null = null;

// a copy of a Sheet that ran a season sends nothing until staff confirm its roster and dates here; `first`: what its
// first day would send, and the date warnings (each line drawn as text)
function pausedBox(text: string, first: string[]): HTMLElement {
  const ask = h("div", { class: "confirm", hidden: true });
  const go = () =>
    act(() => server.sidebarResume()).then((r) => {
      if (r?.ok && current) show(current);
    });
  const question =
    "Danh sách đơn vị (trang Đơn vị) và các mốc ngày (trang Cài đặt) đã đúng với Liên đoàn của đồng chí? Sau khi xác nhận, hệ thống gửi thư cho các đơn vị trong danh sách.";
  return h(
    "div",
    { class: "card paused" },
    h("p", { class: "who", text: "Bản sao đang tạm dừng gửi thư" }),
    h("p", { class: "hint", text }),
    ...first.map((line) => h("p", { text: line })),
    h(
      "div",
      { class: "row" },
      h("button", {
        class: "act primary",
        type: "button",
        text: "Bắt đầu gửi thư",
        on: {
          click: () => {
            ask.textContent = "";
            ask.append(
              h("p", { text: question }),
              h("div", { class: "row" }, h("button", { class: "act primary", type: "button", text: "Gửi ngay", on: { click: go } })),
            );
            ask.hidden = false;
          },
        },
      }),
    ),
    ask,
  );
}

function show(section: Section): void {
  current = section;
  for (const b of Array.from(nav.children))
    b.setAttribute("aria-current", (b as HTMLElement).dataset.section === section ? "true" : "false");
  main.textContent = "";
  main.appendChild(h("p", { class: "hint", text: "Đang tải…" }));
  say("");
  const ctx: Ctx = { main, reload: () => show(section) };
  // a paused copy's first day is asked once, and again after an action: not each time a section opens
  const fresh = first === null || first.after !== actions();
  server.sidebarLoad({ section, firstDay: fresh }).then((r) => {
    if (current !== section) return;
    main.textContent = "";
    if (!r.ok) return say(r.message, "err");
    if (r.message) say(r.message, kindOf(r));
    VIEWS[section].draw(r.data, ctx);
    if (r.firstDay) first = { lines: r.firstDay.lines, after: actions() };
    if (r.paused) main.insertBefore(pausedBox(r.paused, first?.lines ?? []), main.firstChild);
  });
}

for (const s of SECTIONS)
  nav.appendChild(
    h("button", {
      type: "button",
      "data-section": s,
      text: VIEWS[s].label,
      on: { click: () => !isBusy() && show(s) },
    }),
  );
const asked = document.body.dataset.section ?? "";
show((SECTIONS as readonly string[]).includes(asked) ? (asked as Section) : "confirm");
