// The rollup of a named period: which period, to whom, asked before it is sent.
import type { RollupChoice } from "../../../app/sidebar";
import { act, askFirst, h } from "../dom";
import { server } from "../server";
import { type Ctx, dataOf, type View } from "../view";

interface Rollup {
  periods: RollupChoice[];
  recipients: string[];
}

function draw(d: Rollup, ctx: Ctx): void {
  const { main } = ctx;
  main.textContent = "";
  main.appendChild(h("h2", { text: "Gửi tổng hợp" }));
  if (!d.periods.length) {
    main.appendChild(h("p", { text: "Chưa đến hạn của kỳ nào." }));
    return;
  }
  const sel = h("select", { id: "rollup-period" });
  for (const p of d.periods) sel.appendChild(h("option", { value: p.period, text: `${p.title} (hạn ${p.due})` }));
  const what = h("p", {});
  const btn = h("button", { class: "act primary", type: "button" });
  const ask = h("div", { class: "confirm", hidden: true });
  const title = () => (d.periods[sel.selectedIndex]?.title ?? "").toLowerCase();
  const update = () => {
    what.textContent = `Lập văn bản báo cáo ${title()} với số liệu tính đến lúc gửi (văn bản mới trong thư mục báo cáo; văn bản cũ giữ nguyên), rồi gửi thư tới: ${d.recipients.join(", ") || "(chưa có người nhận trong Cài đặt)"}.`;
    btn.textContent = `Gửi tổng hợp ${title()}`;
    ask.hidden = true;
  };
  sel.addEventListener("change", update);
  btn.addEventListener("click", () => {
    const period = sel.value;
    askFirst(ask, `Gửi tổng hợp ${title()} tới ${d.recipients.length} người nhận?`, "Gửi ngay", () =>
      act(() => server.sidebarRollup({ period })).then((r) => {
        if (r?.data) draw(dataOf<Rollup>(r), ctx);
      }),
    );
  });
  main.append(h("label", { for: "rollup-period", text: "Kỳ" }), sel, what, h("div", { class: "row" }, btn), ask);
  update();
}

export const rollupView: View<Rollup> = { label: "Tổng hợp", draw };
