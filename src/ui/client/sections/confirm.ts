// Confirm or reject a sender: each response waiting with the unit's chair and phone (who to call) and what was sent;
// a confirmation asks first and can be taken back the same day.
import type { PendingItem } from "../../../app/sidebar";
import { act, askFirst, h } from "../dom";
import { server } from "../server";
import { type Ctx, dataOf, type View } from "../view";

interface Pending {
  items: PendingItem[];
  more: number;
  /** the decision just made, which the page offers to undo */
  undo?: { ids: string[]; verdict: "confirm" | "reject" };
}

function undoBox(u: NonNullable<Pending["undo"]>, ctx: Ctx): HTMLElement {
  const what = u.verdict === "confirm" ? "xác nhận" : "từ chối";
  return h(
    "div",
    { class: "card undo" },
    h("p", { text: `Vừa ${what}: ${u.ids.join(", ")}. Nhầm? Hoàn tác được trong hôm nay.` }),
    h(
      "div",
      { class: "row" },
      h("button", {
        class: "act",
        type: "button",
        text: "Hoàn tác",
        on: {
          click: () =>
            act(() => server.sidebarUndo({ ids: u.ids })).then((r) => {
              if (r?.data) draw(dataOf<Pending>(r), ctx);
            }),
        },
      }),
    ),
  );
}

function card(it: PendingItem, ctx: Ctx): HTMLElement {
  const reason = h("textarea", { placeholder: "Lý do (gửi kèm thư báo cho người gửi; có thể để trống)" });
  const ask = h("div", { class: "confirm", hidden: true });
  const decided = (r: Awaited<ReturnType<typeof act>>) => {
    if (r?.data) draw(dataOf<Pending>(r), ctx);
  };
  const rejectBox = h(
    "div",
    { class: "confirm", hidden: true },
    h("label", { text: "Từ chối phản hồi này?" }),
    reason,
    h(
      "div",
      { class: "row" },
      h("button", {
        class: "act danger primary",
        type: "button",
        text: "Gửi từ chối",
        on: { click: () => act(() => server.sidebarReject({ ids: [it.responseId], keys: [it.key], reason: reason.value })).then(decided) },
      }),
      h("button", { class: "act", type: "button", text: "Thôi", on: { click: () => (rejectBox.hidden = true) } }),
    ),
  );
  const contact = [it.chair && `Chủ tịch: ${it.chair}`, it.phone && `ĐT: ${it.phone}`].filter(Boolean).join(" · ");
  return h(
    "div",
    { class: "card", "data-response": it.responseId },
    h("div", { class: "who", text: it.unit }),
    h("p", { text: it.formTitle + (it.period && it.form === "monthly" ? ` – ${it.period}` : "") }),
    h("p", { class: "hint", text: `Gửi lúc ${it.at} từ ${it.email || "(không có email)"}` }),
    contact ? h("p", { class: "contact", text: contact }) : null,
    it.note ? h("p", { class: "hint", text: it.note }) : null,
    it.summary ? h("div", { class: "sent", text: it.summary }) : null,
    h(
      "div",
      { class: "row" },
      h("button", {
        class: "act primary",
        type: "button",
        text: "Xác nhận",
        on: {
          click: () =>
            askFirst(
              ask,
              `Chắc chắn xác nhận? ${it.unit}${contact ? ` (${contact})` : ""} gửi từ ${it.email || "(không có email)"} lúc ${it.at}. Báo cáo được tính từ lúc gửi; đơn vị và người gửi nhận thư xác nhận.`,
              "Đúng, xác nhận",
              () => act(() => server.sidebarConfirm({ ids: [it.responseId], keys: [it.key] })).then(decided),
            ),
        },
      }),
      h("button", {
        class: "act danger",
        type: "button",
        text: "Từ chối",
        on: {
          click: () => {
            rejectBox.hidden = false;
            reason.focus();
          },
        },
      }),
    ),
    ask,
    rejectBox,
  );
}

function draw(d: Pending, ctx: Ctx): void {
  const { main } = ctx;
  main.textContent = "";
  main.appendChild(h("h2", { text: "Phản hồi chờ xác nhận người gửi" }));
  if (d.undo?.ids.length) main.appendChild(undoBox(d.undo, ctx));
  main.appendChild(
    h("p", {
      class: "hint",
      text: "Báo cáo gửi từ email không có trong danh sách của đơn vị. Gọi điện cho Chủ tịch kiểm tra rồi chọn Xác nhận (báo cáo được tính từ lúc gửi) hoặc Từ chối (không tính, người gửi nhận thư báo; dòng vẫn giữ trong bảng tính).",
    }),
  );
  if (!d.items.length) {
    main.appendChild(h("p", { text: "Không có phản hồi nào chờ xác nhận." }));
    return;
  }
  for (const it of d.items) main.appendChild(card(it, ctx));
  if (d.more) main.appendChild(h("p", { class: "hint", text: `Còn ${d.more} phản hồi nữa: xử lý xong các phản hồi trên sẽ thấy tiếp.` }));
}

export const confirmView: View<Pending> = { label: "Xác nhận", draw };
