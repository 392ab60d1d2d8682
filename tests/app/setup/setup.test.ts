// Setup: forms from the specs, every tab, triggers; re-runnable; bad settings named by cell; constant call counts.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { TAB } from "../../../src/domain/layout";
import { diff } from "../../../standin/meter";
import { bundleSource } from "../../../standin/simulation/simulation";
import { colOf, installed, scenario, submitMonthly, unit } from "../../support/helpers";

function snapshot(sim: ReturnType<typeof installed>) {
  const w = sim.world;
  return JSON.stringify({
    forms: [...w.forms.values()].map((f) => ({ title: f.title, items: f.items })),
    // the self-check tab says when it ran and counts the cells each run adds
    tabs: sim.ss.sheets
      .filter((s) => s.name !== TAB.selfCheck)
      .map((s) => ({ name: s.name, values: s.values.filter((r) => !r.some((c) => c instanceof Date)) })),
    triggers: w.triggers.map((t) => [t.handler, t.kind, t.sourceId, t.atHour]),
  });
}

describe("setup", () => {
  it("creates both forms with items equal to the specs, every tab and the triggers", () => {
    const sim = installed({ units: [unit("CD001"), unit("CD002")] });
    const forms = [...sim.world.forms.values()];
    expect(forms.map((f) => f.title)).toEqual([SPECS.registration.title, SPECS.monthly.title]);
    for (const [i, spec] of [SPECS.registration, SPECS.monthly].entries()) {
      expect(forms[i].items.map((x) => x.title)).toEqual(spec.fields.map((f) => f.title));
      expect(forms[i].items.map((x) => x.required)).toEqual(spec.fields.map((f) => f.required));
      expect(forms[i].emailCollection).toBe("VERIFIED");
      expect(forms[i].published).toBe(true);
      expect(forms[i].destination).toBe(sim.ss.id);
      const unitItem = forms[i].items[0];
      expect(unitItem.kind).toBe("LIST");
      expect(unitItem.choices).toEqual(["CD001 – CĐCS Công ty CD001", "CD002 – CĐCS Công ty CD002"]);
    }
    const names = sim.ss.sheets.map((s) => s.name);
    for (const t of Object.values(TAB)) expect(names).toContain(t);
    expect(names).toContain(SPECS.registration.tab);
    expect(names).toContain(SPECS.monthly.tab);
    // Google's own response tabs stay, untouched by the product
    expect(names.filter((n) => n.startsWith("Câu trả lời biểu mẫu"))).toHaveLength(2);
    expect(sim.world.triggers.map((t) => `${t.handler}:${t.kind}`).sort()).toEqual(
      ["onFormSubmit:ON_FORM_SUBMIT", "onFormSubmit:ON_FORM_SUBMIT", "onSheetEdit:ON_EDIT", "runDaily:CLOCK"].sort(),
    );
    expect(sim.world.triggers.find((t) => t.handler === "runDaily")?.atHour).toBe(8);
    const status = sim.sheet(TAB.status);
    expect(status.frozenRows).toBe(2);
    expect(status.protections).toHaveLength(1);
    expect(status.conditionalFormats.length).toBeGreaterThanOrEqual(5);
    expect(sim.sheet(TAB.units).protections).toHaveLength(0);
    expect(sim.sheet(TAB.dashboard).charts).toHaveLength(1);
    // each unit's own prefilled links in the roster
    expect(String(sim.sheet(TAB.units).cell(2, 10))).toBe("Mở biểu mẫu");
    expect(sim.sheet(TAB.units).links.get("2,10")).toMatch(/entry\.\d+=CD001\+%E2%80%93/);
  });

  it("a second run changes nothing: same forms, tabs and triggers, no duplicates", () => {
    const sim = installed({ units: [unit("CD001")] });
    const before = snapshot(sim);
    const r = sim.run("setup", "again", { ui: true });
    expect(r.ok).toBe(true);
    expect(snapshot(sim)).toBe(before);
    expect(sim.world.forms.size).toBe(2);
  });

  it("a unit added to the roster appears in both forms' dropdowns, and nothing else changes", () => {
    const sim = installed({ units: [unit("CD001")] });
    const monthly = [...sim.world.forms.values()][1];
    const titles = monthly.items.map((i) => i.title);
    sim.world.meter.quiet(() => sim.typeUnits([unit("CD002") as never], 3));
    sim.run("setup", "again", { ui: true });
    expect(monthly.items[0].choices).toEqual(["CD001 – CĐCS Công ty CD001", "CD002 – CĐCS Công ty CD002"]);
    expect(monthly.items.map((i) => i.title)).toEqual(titles);
    // the daily job does the same without setup
    sim.world.meter.quiet(() => sim.typeUnits([unit("CD003") as never], 4));
    sim.run("runDaily", "daily");
    expect(monthly.items[0].choices).toHaveLength(3);
  });

  it("a question changed in the spec is updated in place (a new version of the bundle), its answers kept", () => {
    const sim = installed({ units: [unit("CD001")] });
    const monthly = [...sim.world.forms.values()][1];
    const old = SPECS.monthly.fields[2].title;
    const id = monthly.items[2].id;
    const help = monthly.items[3].helpText;
    // the next version of the product, pushed over the old one
    sim.world.load(bundleSource().split(old).join(`${old} (đã sửa)`));
    sim.run("setup", "again", { ui: true });
    expect(monthly.items[2].id).toBe(id);
    expect(monthly.items[2].title).toBe(`${old} (đã sửa)`);
    expect(monthly.items[3].helpText).toBe(help);
    expect(monthly.items).toHaveLength(SPECS.monthly.fields.length);
  });

  it("a bad settings value is reported in Vietnamese, naming its cell, never defaulted", () => {
    const sim = installed({ units: [unit("CD001")] });
    const tab = sim.sheet(TAB.settings);
    const row = tab.values.findIndex((r) => r[3] === "monthlyDueDay") + 1;
    tab.put(row, 2, "ngày 24");
    sim.world.alerts = [];
    sim.run("setup", "again", { ui: true });
    expect(sim.world.alerts.join("\n")).toContain(`Ô B${row} trang “Cài đặt” (Ngày hạn báo cáo tháng): “ngày 24” không phải là số nguyên`);
    sim.daily();
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toContain(`Ô B${row}`);
    expect(sim.world.mails).toEqual([]);
  });

  it("makes the same number of Sheets and Forms calls with 10 and with 1,000 units; one Forms write per form for choices", () => {
    const count = (n: number) => {
      const sim = installed({ units: Array.from({ length: n }, (_, i) => unit(`CD${String(i + 1).padStart(4, "0")}`)) });
      const before = sim.world.meter.snapshot();
      sim.run("setup", "again", { ui: true });
      const d = diff(sim.world.meter.snapshot(), before);
      return { sheets: d.byService.SpreadsheetApp, forms: d.byService.FormApp, choiceWrites: d.byMethod["Item.setChoiceValues"] ?? 0 };
    };
    const small = count(10);
    const large = count(1000);
    expect(large.sheets).toBe(small.sheets);
    // nor Forms calls: a dropdown known to hold the roster is not read back a choice at a time
    expect(large.forms).toBe(small.forms);
    expect(large.choiceWrites).toBeLessThanOrEqual(2);
  });
});

describe("settings take effect when staff edit them", () => {
  it("an edit of the settings tab reaches the submit handler at once; a bad edit is shown and changes nothing", () => {
    const sim = installed({ settings: { firstPeriod: "2018-10" } });
    const tab = sim.sheet(TAB.settings);
    const row = tab.values.findIndex((r) => r[3] === "receipts") + 1;
    const edit = () => sim.run("onSheetEdit", "edit", { event: { range: sim.world.sheetOf(sim.ss.id, TAB.settings)?.getRange(row, 2) } });
    tab.put(row, 2, "có lẽ");
    edit();
    expect(sim.ss.toasts.join("\n")).toContain(`Ô B${row} trang “Cài đặt” (Gửi thư xác nhận đã nhận): “có lẽ” phải là Có hoặc Không.`);
    tab.put(row, 2, "Không");
    edit();
    sim.world.now = Date.parse("2018-10-20T10:00:00+07:00");
    sim.apply(scenario({ events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00")] }).events[0]);
    expect(sim.sheet(SPECS.monthly.tab).values.slice(1)).toHaveLength(1);
    expect(sim.world.mails).toEqual([]);
  });
});

describe("answers are read by their column's name", () => {
  it("a question inserted mid-form: setup puts its column at the end, and every older row is read right", () => {
    const sim = installed({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
      units: [unit("CD001"), unit("CD002")],
    });
    sim.world.now = Date.parse("2018-10-10T10:00:00+07:00");
    sim.apply(submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00", { sharedPosts: 10 }) as never);
    const header = [...(sim.sheet(SPECS.monthly.tab).values[0] as unknown[])];
    // the next version of the product asks one more question, between two existing ones
    const code = bundleSource();
    const at = code.indexOf('q("opinion"');
    expect(at).toBeGreaterThan(0);
    sim.world.load(
      `${code.slice(0, at)}q("dialogues", "number", "Số buổi đối thoại trong tháng", "Buổi đối thoại"),\n    ${code.slice(at)}`,
    );
    sim.world.alerts = [];
    sim.run("setup", "again", { ui: true });
    expect(sim.world.alerts.join("\n")).toContain("Thiết lập xong.");
    const tab = sim.sheet(SPECS.monthly.tab);
    // stored columns never move: the new one comes last
    expect((tab.values[0] as unknown[]).slice(0, header.length)).toEqual(header);
    expect(tab.values[0].at(-1)).toBe("Buổi đối thoại");
    // a report under the new form, and the rollup reading both by name
    sim.world.now = Date.parse("2018-10-12T10:00:00+07:00");
    sim.apply(submitMonthly("CD002", "2018-10", "2018-10-12T10:00:00+07:00", { sharedPosts: 7, dialogues: 3 }) as never);
    const shared = colOf(tab, "Bài đã chia sẻ");
    expect(tab.values.slice(1).map((r) => r[shared])).toEqual([10, 7]);
    expect(tab.values[2][colOf(tab, "Buổi đối thoại")]).toBe(3);
    sim.world.now = Date.parse("2018-10-25T10:00:00+07:00");
    expect(sim.rollupLatest().ok).toBe(true);
    const rollup = sim
      .sheet("TH 10.2018")
      .values.map((r) => r.join(" | "))
      .join("\n");
    expect(rollup).toMatch(/Bài đã chia sẻ \| 17\b/);
    // the plain-text format follows the columns as they stand: the new count at the end is a number column, the
    // free texts stay text
    const fmt = (title: string) => tab.format(2, colOf(tab, title) + 1);
    expect(fmt("Buổi đối thoại")).not.toBe("@");
    expect(fmt("Bài đã chia sẻ")).not.toBe("@");
    expect(fmt("Dư luận xã hội")).toBe("@");
    expect(fmt("Thông tin xấu độc, cách xử lý")).toBe("@");
  });

  it("a question removed from the form: its column and every other stay, with what they hold", () => {
    const sim = installed({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
      units: [unit("CD001"), unit("CD002")],
    });
    sim.world.now = Date.parse("2018-10-10T10:00:00+07:00");
    sim.apply(submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00", { sharedPosts: 10 }) as never);
    const before = (sim.sheet(SPECS.monthly.tab).values as unknown[][]).map((r) => [...r]);
    const width = sim.sheet(SPECS.monthly.tab).maxColumns;
    // the next version of the product no longer asks for proposals, nor about harmful content
    let code = bundleSource();
    for (const key of ["proposals", "harmful"]) {
      const at = code.indexOf(`q("${key}"`);
      expect(at).toBeGreaterThan(0);
      code = `${code.slice(0, at)}${code.slice(code.indexOf("q(", at + 2))}`;
    }
    sim.world.load(code);
    sim.world.alerts = [];
    sim.run("setup", "again", { ui: true });
    expect(sim.world.alerts.join("\n")).toContain("Thiết lập xong.");
    const tab = sim.sheet(SPECS.monthly.tab);
    expect(tab.maxColumns).toBe(width);
    expect((tab.values as unknown[][]).slice(0, before.length).map((r) => r.slice(0, before[0].length))).toEqual(before);
    // a report under the shorter form is stored and read by name
    sim.world.now = Date.parse("2018-10-12T10:00:00+07:00");
    sim.apply(submitMonthly("CD002", "2018-10", "2018-10-12T10:00:00+07:00", { sharedPosts: 7 }) as never);
    expect(tab.values[2][colOf(tab, "Bài đã chia sẻ")]).toBe(7);
  });
});
