// Reminders now: the units owing a period still open, a page at a time with a search; those staff uncheck stay
// unchecked after sending; "remind all" says how many before it goes through the daily job's queue and quota.
import type { RemindUnit, RemindView } from "../../../app/sidebar";
import { act, askFirst, h, pager } from "../dom";
import { server } from "../server";
import { type Ctx, dataOf, type View } from "../view";

/** what staff unchecked, kept across every redraw of the section (a send, a search, another page) */
const unchecked = new Set<string>();
/** the search and page shown */
let query = { q: "", offset: 0 };

function load(ctx: Ctx, q: string, offset: number): void {
  query = { q, offset };
  act(() => server.sidebarLoad({ section: "remind", q, offset })).then((r) => {
    if (r?.ok && r.data) draw(dataOf<RemindView>(r), ctx);
  });
}

/** the units' checkboxes on the page, and what says how many are chosen */
interface Picks {
  boxes: HTMLInputElement[];
  /** each unit's number of addresses */
  emails: Map<string, number>;
  count: HTMLElement;
  ask: HTMLElement;
  sendBtn: HTMLButtonElement;
}

type Sent = (r: Awaited<ReturnType<typeof act>>) => void;

/** the units chosen, each once (a unit owing two periods has a box in each) */
function chosen(k: Picks): string[] {
  return [...new Set(k.boxes.filter((b) => b.checked && !b.disabled).map((b) => b.value))];
}

function recount(k: Picks): void {
  const c = chosen(k);
  const n = c.reduce((s, code) => s + (k.emails.get(code) ?? 0), 0);
  k.count.textContent = `Đã chọn ${c.length} đơn vị (${n} địa chỉ email).`;
  k.sendBtn.textContent = `Gửi thư nhắc (${c.length})`;
  k.sendBtn.disabled = !c.length;
  k.ask.hidden = true;
}

function setAll(k: Picks, on: boolean): void {
  for (const b of k.boxes) {
    if (b.disabled) continue;
    b.checked = on;
    if (on) unchecked.delete(b.value);
    else unchecked.add(b.value);
  }
  recount(k);
}

/** the search and pages, when the units owing are more than a page or a search is on */
function pagerOf(d: RemindView, ctx: Ctx): HTMLElement | null {
  const paged = d.periods.some((p) => p.matched > p.units.length || p.offset > 0) || !!query.q;
  if (!paged) return null;
  const widest = d.periods.reduce((a, p) => (p.matched > a.matched ? p : a), d.periods[0]);
  return pager(
    { total: widest.total, matched: widest.matched, offset: widest.offset, shown: widest.units.length, q: query.q },
    (q, offset) => load(ctx, q, offset),
  );
}

/** a unit's checkbox with what it is owed: unchecked, it stays so (in every period it owes, on every redraw) */
function unitBox(k: Picks, u: RemindUnit): HTMLElement {
  k.emails.set(u.code, u.emails);
  const box = h("input", { type: "checkbox", value: u.code });
  box.checked = !u.reminded && !unchecked.has(u.code);
  box.disabled = u.reminded;
  box.addEventListener("change", () => {
    if (box.checked) unchecked.delete(box.value);
    else unchecked.add(box.value);
    for (const b of k.boxes) if (b.value === box.value) b.checked = box.checked;
    recount(k);
  });
  k.boxes.push(box);
  const small = `${u.status} · ${u.emails} email${u.chair ? ` · ${u.chair}` : ""}${u.reminded ? " · đã nhắc hôm nay" : ""}`;
  return h("label", { class: "check" }, box, h("span", {}, u.label, h("small", { text: small })));
}

/** every unit owing, whatever page is shown: counted by the server, sent through the daily job's queue */
function remindAll(d: RemindView, ask: HTMLElement, sent: Sent): HTMLElement {
  const over = d.all.emails > d.quota;
  const question = `Gửi thư nhắc tới tất cả ${d.all.units} đơn vị chưa nộp (${d.all.emails} địa chỉ email)?${
    over
      ? ` Hạn mức gửi thư hôm nay còn ${d.quota}: phần vượt hạn mức được gửi tiếp vào các ngày sau, cùng hàng đợi với thư hằng ngày.`
      : ""
  }`;
  return h(
    "div",
    { class: "row" },
    h("button", {
      class: "act",
      type: "button",
      text: `Nhắc tất cả (${d.all.units} đơn vị)`,
      on: {
        click: () => askFirst(ask, question, "Gửi ngay", () => act(() => server.sidebarRemind({ all: true, ...query })).then(sent)),
      },
    }),
  );
}

function draw(d: RemindView, ctx: Ctx): void {
  const { main } = ctx;
  main.textContent = "";
  main.appendChild(h("h2", { text: "Gửi thư nhắc ngay" }));
  main.appendChild(
    h("p", {
      class: "hint",
      text: "Các đơn vị chưa nộp kỳ còn trong hạn. Bỏ chọn đơn vị không cần nhắc; mỗi đơn vị nhận nhiều nhất một thư nhắc mỗi ngày.",
    }),
  );
  if (!d.periods.length) {
    main.appendChild(h("p", { text: "Không có đơn vị nào cần nhắc (mọi kỳ còn trong hạn đã đủ báo cáo)." }));
    return;
  }
  const k: Picks = {
    boxes: [],
    emails: new Map(),
    count: h("p", { class: "count" }),
    ask: h("div", { class: "confirm", hidden: true }),
    sendBtn: h("button", { class: "act primary", type: "button" }),
  };
  const pages = pagerOf(d, ctx);
  if (pages) main.appendChild(pages);
  for (const p of d.periods) {
    main.appendChild(h("h3", { text: `${p.title} – hạn ${p.due}: ${p.total} đơn vị chưa nộp` }));
    for (const u of p.units) main.appendChild(unitBox(k, u));
  }
  main.appendChild(
    h(
      "div",
      { class: "row" },
      h("button", { class: "act", type: "button", text: "Chọn tất cả", on: { click: () => setAll(k, true) } }),
      h("button", { class: "act", type: "button", text: "Bỏ chọn", on: { click: () => setAll(k, false) } }),
    ),
  );
  main.appendChild(k.count);
  const sent: Sent = (r) => {
    if (r?.ok && r.data) draw(dataOf<RemindView>(r), ctx);
  };
  k.sendBtn.addEventListener("click", () => {
    const c = chosen(k);
    askFirst(k.ask, `Gửi thư nhắc tới ${c.length} đơn vị: ${c.join(", ")}?`, "Gửi ngay", () =>
      act(() => server.sidebarRemind({ units: c, ...query })).then(sent),
    );
  });
  main.appendChild(h("div", { class: "row" }, k.sendBtn));
  if (d.all.units > k.boxes.length) main.appendChild(remindAll(d, k.ask, sent));
  main.appendChild(k.ask);
  recount(k);
}

export const remindView: View<RemindView> = { label: "Nhắc", draw };
