// Choosing a unit: a short roster is one choice list filtered as staff type; a long one is searched on the server, a
// page of matches at a time (a city's 10,000 units never go to the page at once).
import { h } from "./dom";
import { server } from "./server";

interface Choice {
  value: string;
  label: string;
}

/** the search box and the choice list; `units` empty means search the server */
export function unitPicker(id: string, units: Choice[], count: number): { search: HTMLInputElement; select: HTMLSelectElement } {
  const select = h("select", { name: "unit", id, required: true });
  const search = h("input", {
    type: "search",
    placeholder: units.length ? "Tìm theo mã hoặc tên" : `Gõ mã hoặc tên để tìm (${count} đơn vị)`,
    id: `${id}-search`,
  });
  const fill = (list: Choice[], more: string) => {
    const keep = select.value;
    select.textContent = "";
    select.appendChild(h("option", { value: "", text: more || "– chọn đơn vị –" }));
    for (const u of list) select.appendChild(h("option", { value: u.value, text: u.label }));
    select.value = list.some((u) => u.value === keep) ? keep : "";
  };
  const folded = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
  let asked = 0;
  const find = () => {
    const q = search.value.trim();
    if (units.length) {
      fill(
        units.filter((u) => !q || folded(u.label).includes(folded(q))),
        "",
      );
      return;
    }
    if (!q) return fill([], "– gõ mã hoặc tên để tìm –");
    const mine = ++asked;
    server.sidebarUnits({ q }).then((r) => {
      if (mine !== asked || !r.ok) return;
      const pg = r.data as { items: Choice[]; matched: number };
      fill(pg.items, pg.matched > pg.items.length ? `– ${pg.matched} đơn vị khớp, gõ thêm để thu hẹp –` : "");
    });
  };
  // a long roster is asked once staff pause typing, not at every key
  let timer = 0;
  search.addEventListener("input", () => {
    if (units.length) return find();
    window.clearTimeout(timer);
    timer = window.setTimeout(find, 300);
  });
  find();
  return { search, select };
}
