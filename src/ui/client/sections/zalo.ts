// The Zalo list: the group message of each period in parts to paste, and each unit's own message, a page at a time.
import type { ZaloView } from "../../../app/sidebar";
import { act, copyBox, h, pager } from "../dom";
import { server } from "../server";
import { type Ctx, dataOf, type View } from "../view";

let query = { sec: 0, q: "", offset: 0, part: 0 };

function again(ctx: Ctx, next: typeof query): void {
  query = next;
  act(() => server.sidebarZalo(next)).then((r) => {
    if (r?.ok && r.data) draw(dataOf<ZaloView>(r), ctx);
  });
}

function draw(d: ZaloView, ctx: Ctx): void {
  const { main } = ctx;
  main.textContent = "";
  main.appendChild(h("h2", { text: "Danh sách nhắc qua Zalo" }));
  main.appendChild(
    h("p", {
      class: "hint",
      text: `Cập nhật lúc ${d.updated} (trang “Nhắc qua Zalo” cũng có danh sách này). Chép tin nhắn rồi dán vào nhóm Zalo các Chủ tịch CĐCS.`,
    }),
  );
  if (!d.sections.length) main.appendChild(h("p", { text: "Không còn đơn vị nào phải nhắc." }));
  d.sections.forEach((s, i) => {
    main.appendChild(h("h3", { text: `${s.title} – hạn ${s.due}: ${s.count} đơn vị chưa nộp` }));
    s.parts.forEach((part, k) => {
      if (s.partCount > 1) main.appendChild(h("p", { class: "hint", text: `Phần ${s.partOffset + k + 1}/${s.partCount}` }));
      main.appendChild(copyBox(part, "copy group"));
    });
    const lastPart = s.partOffset + s.parts.length;
    if (s.partCount > s.parts.length)
      main.appendChild(
        h(
          "div",
          { class: "row" },
          s.partOffset > 0
            ? h("button", {
                class: "act",
                type: "button",
                text: "‹ Các phần trước",
                on: { click: () => again(ctx, { sec: i, q: "", offset: 0, part: Math.max(0, s.partOffset - s.parts.length) }) },
              })
            : null,
          lastPart < s.partCount
            ? h("button", {
                class: "act",
                type: "button",
                text: "Các phần tiếp ›",
                on: { click: () => again(ctx, { sec: i, q: "", offset: 0, part: lastPart }) },
              })
            : null,
        ),
      );
    const det = h(
      "details",
      { open: query.sec === i && (!!query.q || query.offset > 0) },
      h("summary", { text: `Tin nhắn riêng từng đơn vị (${s.count})` }),
    );
    if (s.count > s.units.length || query.q)
      det.appendChild(
        pager(
          { total: s.count, matched: s.matched, offset: s.offset, shown: s.units.length, q: query.sec === i ? query.q : "" },
          (q, offset) => again(ctx, { sec: i, q, offset, part: 0 }),
        ),
      );
    for (const u of s.units) {
      det.appendChild(h("p", { class: "who", text: u.label }));
      det.appendChild(copyBox(u.message, "copy unit"));
    }
    main.appendChild(det);
  });
  main.appendChild(
    h(
      "div",
      { class: "row" },
      h("button", {
        class: "act",
        type: "button",
        text: "Tạo lại danh sách",
        on: { click: () => again(ctx, { sec: 0, q: "", offset: 0, part: 0 }) },
      }),
    ),
  );
}

export const zaloView: View<ZaloView> = { label: "Zalo", draw };
