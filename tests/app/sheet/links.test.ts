// Short links: the roster shows a label with each unit's prefilled form link behind it, written in one Sheets call for
// the block; the Zalo group message carries the form's own link once, not a 200-character link per unit; a settings
// edit bringing a date that cannot work is warned about at once, as setup warns.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { TAB } from "../../../src/domain/layout";
import { diff } from "../../../standin/meter";
import type { Simulation } from "../../../standin/simulation/simulation";
import { installed, unit } from "../../support/helpers";

const UNITS = ["CD001", "CD002", "CD003"];

/** the value a prefilled link gives a question of the form, by the question's entry id */
function entryValue(url: string, entry: string): string | null {
  const q = url.slice(url.indexOf("?") + 1);
  for (const pair of q.split("&")) {
    const [k, v] = pair.split("=");
    if (k === `entry.${entry}`) return decodeURIComponent(v.replace(/\+/g, " "));
  }
  return null;
}

/** the question id (entry.N) of a form's unit question: the stand-in's model, kept apart from the item id as on Google */
function unitEntry(sim: Simulation, formIndex: number): string {
  return String([...sim.world.forms.values()][formIndex].items[0].questionId);
}

describe("the roster's links", () => {
  it("are labels with each unit's full prefilled link behind them, in one rich-text write for the block", () => {
    const sim = installed({ units: UNITS.map((c) => unit(c)) });
    const before = sim.world.meter.snapshot();
    sim.run("setup", "again", { ui: true });
    const d = diff(sim.world.meter.snapshot(), before);
    // one for the roster's block, one for the Zalo tab's column of links (setup writes the views too)
    expect(d.byMethod["Range.setRichTextValues"]).toBe(2);
    const roster = sim.sheet(TAB.units);
    const forms = [...sim.world.forms.values()];
    for (const [i, code] of UNITS.entries()) {
      for (const [j, col] of [9, 10].entries()) {
        expect(roster.cell(i + 2, col)).toBe("Mở biểu mẫu");
        const url = String(roster.links.get(`${i + 2},${col}`));
        expect(url.length).toBeGreaterThan(60);
        expect(url.startsWith(`${sim.world.publishedUrlOf(forms[j].id)}?`)).toBe(true);
        const entry = unitEntry(sim, j);
        expect(entryValue(url, entry), `${code} ${SPECS[j ? "monthly" : "registration"].title}`).toBe(`${code} – CĐCS Công ty ${code}`);
      }
    }
  });
});

describe("the Zalo group message", () => {
  it("names each unit owing by code and name and carries the form's own link once, at its end", () => {
    const sim = installed({ units: UNITS.map((c) => unit(c)) });
    sim.daily();
    const rows = sim.sheet(TAB.zalo).values;
    const group = rows.filter((r) => String(r[0]).startsWith("Tin nhắn gửi nhóm")).map((r) => String(r[1]));
    expect(group.length).toBeGreaterThan(0);
    const reg = sim.world.publishedUrlOf([...sim.world.forms.values()][0].id);
    for (const m of group) {
      expect(m.match(/https:\/\//g)).toHaveLength(1);
      expect(m).toContain(`Đường dẫn gửi: ${reg} (chọn đúng mã và tên đơn vị mình`);
      expect(m).not.toContain("entry.");
      for (const code of UNITS) expect(m).toContain(`${code} – CĐCS Công ty ${code}`);
    }
    // a unit's own message still takes the chair straight to its prefilled form, the link once, at the end
    const own = rows.find((r) => String(r[0]).startsWith("CD001"));
    expect(String(own?.[1])).toMatch(/qua đường dẫn riêng của đơn vị: https:\/\/\S+entry\.\d+=CD001\S* \. Trân trọng\.$/);
  });
});

/** staff type a value into a settings cell; the edit trigger fires */
function editSetting(sim: Simulation, key: string, value: string): void {
  const row = sim.sheet(TAB.settings).values.findIndex((r) => r[3] === key) + 1;
  sim.sheet(TAB.settings).put(row, 2, value);
  sim.run("onSheetEdit", "edit", { event: { range: sim.world.sheetOf(sim.ss.id, TAB.settings)?.getRange(row, 2) } });
}

describe("a settings edit", () => {
  it("bringing a registration deadline already past is warned about in a toast, once", () => {
    const sim = installed({ units: UNITS.map((c) => unit(c)) });
    const n = sim.ss.toasts.length;
    editSetting(sim, "registrationDeadline", "20/09/2018");
    const said = sim.ss.toasts.slice(n).join("\n");
    expect(said).toContain("Lưu ý: hạn đăng ký (trước ngày 20/09/2018) đã qua");
    // an edit of another cell does not repeat it
    const m = sim.ss.toasts.length;
    editSetting(sim, "deskName", "Ban Tuyên giáo LĐLĐ Quận 1");
    expect(sim.ss.toasts.slice(m).join("\n")).not.toContain("Lưu ý: hạn đăng ký");
  });

  it("keeping dates that work says nothing of them", () => {
    const sim = installed({ units: UNITS.map((c) => unit(c)) });
    const n = sim.ss.toasts.length;
    editSetting(sim, "registrationDeadline", "25/10/2018");
    expect(sim.ss.toasts.slice(n).join("\n")).not.toContain("Lưu ý");
  });
});
