// One unit's history: every period's status, every version received and every mail sent, newest first, a page at a time.
import type { HistoryView } from "../../../app/sidebar/history";
import { act, h } from "../dom";
import { server } from "../server";
import { unitPicker } from "../units";
import { type Ctx, dataOf, type View } from "../view";

interface Choose {
  units: { value: string; label: string }[];
  unitCount: number;
}

const from = (archive: string) => (archive ? ` (lưu trữ ${archive})` : "");

function show(out: HTMLElement, d: HistoryView, open: (offset: number) => void): void {
  out.textContent = "";
  const u = d.unit;
  out.appendChild(
    h(
      "div",
      { class: "card" },
      h("div", { class: "who", text: u.label }),
      h("p", { class: "contact", text: [u.chair && `Chủ tịch: ${u.chair}`, u.phone && `ĐT: ${u.phone}`].filter(Boolean).join(" · ") }),
      h("p", { class: "hint", text: u.emails.join(", ") }),
    ),
  );
  out.appendChild(h("h3", { text: `Trạng thái từng kỳ (${d.periods.length})` }));
  const table = h("table", { class: "hist" });
  for (const p of d.periods) table.appendChild(h("tr", {}, h("td", { text: p.title }), h("td", { text: p.status })));
  out.appendChild(d.periods.length ? table : h("p", { class: "hint", text: "Chưa có kỳ nào." }));
  out.appendChild(h("h3", { text: `Báo cáo đã nhận (${d.versions.total})` }));
  for (const v of d.versions.items)
    out.appendChild(
      h(
        "div",
        { class: "line" },
        h("b", { text: `${v.at} · ${v.form === "Đăng ký" || !v.period ? v.form : `Báo cáo ${v.period.toLowerCase()}`}` }),
        h("small", {
          text: `${v.channel}${v.email ? ` · ${v.email}` : ""} · ${v.result}${v.decided ? ` · ${v.decided}` : ""}${from(v.archive)}`,
        }),
      ),
    );
  out.appendChild(h("h3", { text: `Thư đã gửi (${d.mails.total})` }));
  for (const m of d.mails.items)
    out.appendChild(
      h(
        "div",
        { class: "line" },
        h("b", { text: `${m.at} · ${m.kind}${m.period ? ` ${m.period}` : ""}` }),
        h("small", { text: `${m.subject} · tới ${m.to}${m.result ? ` · ${m.result}` : ""}${from(m.archive)}` }),
      ),
    );
  const end = d.versions.offset + Math.max(d.versions.items.length, d.mails.items.length);
  const more = end < Math.max(d.versions.total, d.mails.total);
  out.appendChild(
    h(
      "div",
      { class: "row" },
      d.versions.offset > 0
        ? h("button", { class: "act", type: "button", text: "‹ Mới hơn", on: { click: () => open(Math.max(0, d.versions.offset - 12)) } })
        : null,
      more ? h("button", { class: "act", type: "button", text: "Cũ hơn ›", on: { click: () => open(end) } }) : null,
    ),
  );
}

function draw(d: Choose, ctx: Ctx): void {
  const { main } = ctx;
  main.textContent = "";
  main.appendChild(h("h2", { text: "Lịch sử một đơn vị" }));
  main.appendChild(
    h("p", { class: "hint", text: "Mọi kỳ, mọi bản báo cáo đã nhận và mọi thư đã gửi cho đơn vị, cả trong lưu trữ các năm trước." }),
  );
  const unit = unitPicker("hist-unit", d.units, d.unitCount);
  const out = h("div", { id: "hist" });
  const open = (offset: number) => {
    const code = unit.select.value;
    if (!code) return;
    act(() => server.sidebarHistory({ code, offset })).then((r) => {
      if (r?.ok && r.data) show(out, dataOf<HistoryView>(r), open);
    });
  };
  unit.select.addEventListener("change", () => open(0));
  main.append(h("label", { for: "hist-unit", text: "Đơn vị" }), unit.search, unit.select, out);
}

export const historyView: View<Choose> = { label: "Lịch sử", draw };
