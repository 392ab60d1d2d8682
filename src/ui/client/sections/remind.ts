// Reminders now: the units owing a period still open, a page at a time with a search; those staff uncheck stay
// unchecked after sending; "remind all" says how many before it goes through the daily job's queue and quota.
import type { RemindView } from "../../../app/sidebar";
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
  const boxes: HTMLInputElement[] = [];
  const emails = new Map<string, number>();
  const count = h("p", { class: "count" });
  const ask = h("div", { class: "confirm", hidden: true });
  const sendBtn = h("button", { class: "act primary", type: "button" });
  const chosen = () => [...new Set(boxes.filter((b) => b.checked && !b.disabled).map((b) => b.value))];
  const recount = () => {
    const c = chosen();
    const n = c.reduce((s, k) => s + (emails.get(k) ?? 0), 0);
    count.textContent = `Đã chọn ${c.length} đơn vị (${n} địa chỉ email).`;
    sendBtn.textContent = `Gửi thư nhắc (${c.length})`;
    sendBtn.disabled = !c.length;
    ask.hidden = true;
  };
  const paged = d.periods.some((p) => p.matched > p.units.length || p.offset > 0) || !!query.q;
  if (paged) {
    const widest = d.periods.reduce((a, p) => (p.matched > a.matched ? p : a), d.periods[0]);
    main.appendChild(
      pager({ total: widest.total, matched: widest.matched, offset: widest.offset, shown: widest.units.length, q: query.q }, (q, offset) =>
        load(ctx, q, offset),
      ),
    );
  }
  for (const p of d.periods) {
    main.appendChild(h("h3", { text: `${p.title} – hạn ${p.due}: ${p.total} đơn vị chưa nộp` }));
    for (const u of p.units) {
      emails.set(u.code, u.emails);
      const box = h("input", { type: "checkbox", value: u.code });
      box.checked = !u.reminded && !unchecked.has(u.code);
      box.disabled = u.reminded;
      box.addEventListener("change", () => {
        if (box.checked) unchecked.delete(box.value);
        else unchecked.add(box.value);
        for (const b of boxes) if (b.value === box.value) b.checked = box.checked;
        recount();
      });
      boxes.push(box);
      const small = `${u.status} · ${u.emails} email${u.chair ? ` · ${u.chair}` : ""}${u.reminded ? " · đã nhắc hôm nay" : ""}`;
      main.appendChild(h("label", { class: "check" }, box, h("span", {}, u.label, h("small", { text: small }))));
    }
  }
  const setAll = (on: boolean) => {
    for (const b of boxes) {
      if (b.disabled) continue;
      b.checked = on;
      if (on) unchecked.delete(b.value);
      else unchecked.add(b.value);
    }
    recount();
  };
  main.appendChild(
    h(
      "div",
      { class: "row" },
      h("button", { class: "act", type: "button", text: "Chọn tất cả", on: { click: () => setAll(true) } }),
      h("button", { class: "act", type: "button", text: "Bỏ chọn", on: { click: () => setAll(false) } }),
    ),
  );
  main.appendChild(count);
  const sent = (r: Awaited<ReturnType<typeof act>>) => {
    if (r?.ok && r.data) draw(dataOf<RemindView>(r), ctx);
  };
  sendBtn.addEventListener("click", () => {
    const c = chosen();
    askFirst(ask, `Gửi thư nhắc tới ${c.length} đơn vị: ${c.join(", ")}?`, "Gửi ngay", () =>
      act(() => server.sidebarRemind({ units: c, ...query })).then(sent),
    );
  });
  main.appendChild(h("div", { class: "row" }, sendBtn));
  // every unit owing, whatever page is shown: counted by the server, sent through the daily job's queue
  if (d.all.units > boxes.length) {
    const over = d.all.emails > d.quota;
    main.appendChild(
      h(
        "div",
        { class: "row" },
        h("button", {
          class: "act",
          type: "button",
          text: `Nhắc tất cả (${d.all.units} đơn vị)`,
          on: {
            click: () =>
              askFirst(
                ask,
                `Gửi thư nhắc tới tất cả ${d.all.units} đơn vị chưa nộp (${d.all.emails} địa chỉ email)?${
                  over
                    ? ` Hạn mức gửi thư hôm nay còn ${d.quota}: phần vượt hạn mức được gửi tiếp vào các ngày sau, cùng hàng đợi với thư hằng ngày.`
                    : ""
                }`,
                "Gửi ngay",
                () => act(() => server.sidebarRemind({ all: true, ...query })).then(sent),
              ),
          },
        }),
      ),
    );
  }
  main.appendChild(ask);
  recount();
}

export const remindView: View<RemindView> = { label: "Nhắc", draw };
