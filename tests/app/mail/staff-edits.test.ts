// What staff change in the Sheet reaches what chairs read: the forms' texts follow the settings (deadline, desk, whether
// a receipt is promised), and a mail template is checked the moment it is saved.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { TAB } from "../../../src/domain/layout";
import { diff } from "../../../standin/meter";
import type { Simulation } from "../../../standin/simulation/simulation";
import { installed, unit } from "../../support/helpers";

/** staff type a value into a settings or templates cell; the edit trigger fires */
function edit(sim: Simulation, tab: string, row: number, col: number, value: string): void {
  sim.sheet(tab).put(row, col, value);
  sim.run("onSheetEdit", "edit", { event: { range: sim.world.sheetOf(sim.ss.id, tab)?.getRange(row, col) } });
}

const settingRow = (sim: Simulation, key: string) => sim.sheet(TAB.settings).values.findIndex((r) => r[3] === key) + 1;
const forms = (sim: Simulation) => {
  const [registration, monthly] = [...sim.world.forms.values()];
  return { registration, monthly };
};
const help = (f: { items: { title: string; helpText: string }[] }, title: string) => f.items.find((i) => i.title === title)?.helpText;
const MONTH_Q = SPECS.monthly.fields.find((f) => f.key === "month")?.title as string;
const PROPOSALS_Q = SPECS.monthly.fields.find((f) => f.key === "proposals")?.title as string;

describe("the forms' texts come from the settings", () => {
  it("setup writes them: deadline phrases, the desk's name, a receipt promised only when receipts are on", () => {
    const sim = installed({ units: [unit("CD001")] });
    const { registration, monthly } = forms(sim);
    expect(monthly.description).toContain(
      "Công đoàn cơ sở báo cáo hằng tháng cho Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1, hạn nộp trước ngày 24 hằng tháng.",
    );
    expect(monthly.description).toContain("Các số liệu tính trong tháng báo cáo.");
    expect(registration.description).toContain("gửi Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1 trước ngày 15/10/2018");
    expect(monthly.confirmation).toContain("Thư xác nhận kèm nội dung đã nhận sẽ được gửi");
    expect(help(monthly, MONTH_Q)).toBe("Tháng được báo cáo; hạn nộp trước ngày 24 hằng tháng.");
    expect(help(monthly, PROPOSALS_Q)).toContain("Đề nghị LĐLĐ Quận 1 tổ chức");
    // no placeholder is left for a chair to read
    for (const f of [registration, monthly]) {
      expect([f.description, f.confirmation, ...f.items.map((i) => i.helpText)].join("\n")).not.toMatch(/\{\{|\}\}/);
    }
    // every text question has its own example; the counts say they are for the month
    for (const fld of SPECS.monthly.fields) {
      if (fld.kind === "paragraph") expect(help(monthly, fld.title), fld.key).toMatch(/Ví dụ: /);
      if (fld.kind === "number") expect(fld.title, fld.key).toMatch(/trong tháng$/);
    }
    expect(new Set(SPECS.monthly.fields.filter((f) => f.kind === "paragraph").map((f) => help(monthly, f.title))).size).toBe(
      SPECS.monthly.fields.filter((f) => f.kind === "paragraph").length,
    );
  });

  it("a settings edit changes them at once, writing only what changed, a few Forms calls whatever the form's size", () => {
    const sim = installed({ units: [unit("CD001")] });
    const { registration, monthly } = forms(sim);
    const before = sim.world.meter.snapshot();
    edit(sim, TAB.settings, settingRow(sim, "monthlyDueDay"), 2, "20");
    const d = diff(sim.world.meter.snapshot(), before);
    expect(monthly.description).toContain("hạn nộp trước ngày 20 hằng tháng");
    expect(help(monthly, MONTH_Q)).toBe("Tháng được báo cáo; hạn nộp trước ngày 20 hằng tháng.");
    expect(registration.description).toContain("trước ngày 15/10/2018");
    // the monthly form's description and its month question; nothing else, and no read of every question
    expect(d.byMethod["Form.setDescription"]).toBe(1);
    expect(d.byMethod["Item.setHelpText"]).toBe(1);
    expect(d.byMethod["Form.setConfirmationMessage"] ?? 0).toBe(0);
    expect(d.byMethod["Form.getItems"] ?? 0).toBe(0);
    expect(d.byService.FormApp).toBeLessThanOrEqual(6);

    edit(sim, TAB.settings, settingRow(sim, "receipts"), 2, "Không");
    for (const f of [registration, monthly]) {
      expect(f.confirmation).not.toContain("Thư xác nhận");
      expect(f.confirmation).toContain("Nếu còn nội dung cần sửa, thư hướng dẫn sửa sẽ được gửi");
    }
    edit(sim, TAB.settings, settingRow(sim, "deskName"), 2, "Ban Tuyên giáo LĐLĐ Quận 1");
    expect(monthly.description).toContain("cho Ban Tuyên giáo LĐLĐ Quận 1, hạn nộp");
    edit(sim, TAB.settings, settingRow(sim, "registrationDeadlineInclusive"), 2, "Có");
    expect(registration.description).toContain("đến hết ngày 15/10/2018");
    // a setting no form speaks of changes no form
    const quiet = sim.world.meter.snapshot();
    edit(sim, TAB.settings, settingRow(sim, "dailyRunHour"), 2, "9");
    expect(diff(sim.world.meter.snapshot(), quiet).byService.FormApp ?? 0).toBe(0);
    // setup again writes the same texts: nothing to change
    const texts = JSON.stringify([
      registration.description,
      registration.confirmation,
      monthly.description,
      monthly.items.map((i) => i.helpText),
    ]);
    sim.run("setup", "again", { ui: true });
    expect(
      JSON.stringify([registration.description, registration.confirmation, monthly.description, monthly.items.map((i) => i.helpText)]),
    ).toBe(texts);
  });
});

describe("mail templates are checked when staff save them", () => {
  const templateRow = (sim: Simulation, kind: string) => sim.sheet(TAB.templates).values.findIndex((r) => r[4] === kind) + 1;

  it("an unknown or broken placeholder: a note on its cell and a toast at once; fixed, the note goes", () => {
    const sim = installed({ settings: { registrationDeadline: "2018-09-01", registrationGraceDays: 1 } });
    const row = templateRow(sim, "reminder");
    const notes = sim.sheet(TAB.templates).notes;
    edit(sim, TAB.templates, row, 3, "Nhắc {{ten_don_vj}}");
    expect(notes.get(`${row},3`)).toBe("Chưa dùng được: chỗ trống {{ten_don_vj}} không có. Các chỗ trống dùng được ở cuối trang này.");
    expect(notes.get(`${row},4`)).toBeUndefined();
    expect(sim.ss.toasts.join("\n")).toContain("{{ten_don_vj}}");
    const body = String(sim.sheet(TAB.templates).cell(row, 4));
    edit(sim, TAB.templates, row, 4, body.replace("{{tinh_trang}}", "{{tinh_trang}"));
    expect(notes.get(`${row},4`)).toContain("“{{tinh_trang}” không phải là chỗ trống hợp lệ");
    // fixed: both notes go, nothing is said
    const toasts = sim.ss.toasts.length;
    sim.sheet(TAB.templates).put(row, 3, "Nhắc {{viec_can_lam}}");
    edit(sim, TAB.templates, row, 4, body);
    expect(notes.get(`${row},3`)).toBeUndefined();
    expect(notes.get(`${row},4`)).toBeUndefined();
    expect(sim.ss.toasts.length).toBe(toasts);
  });

  it("checking costs a few calls: one read, one write of every note, whatever the number of templates", () => {
    const sim = installed({});
    const before = sim.world.meter.snapshot();
    edit(sim, TAB.templates, templateRow(sim, "receipt"), 3, "Đã nhận {{viec}}");
    const d = diff(sim.world.meter.snapshot(), before);
    expect(d.byMethod["Range.setNotes"]).toBe(1);
    expect(d.byMethod["Range.setNote"] ?? 0).toBe(0);
    // the event names its tab (2 calls), the Sheet is opened, the tab read once, the notes written once
    expect(d.byService.SpreadsheetApp).toBeLessThanOrEqual(10);
  });

  it("setup brings a template an earlier version wrote (never edited) to today's wording; staff's own stays", () => {
    const sim = installed({});
    const tab = sim.sheet(TAB.templates);
    const [reminder, receipt] = [templateRow(sim, "reminder"), templateRow(sim, "receipt")];
    // the reminder as the first version wrote it, untouched; a receipt staff wrote themselves
    tab.put(reminder, 3, "[{{to_chuc}}] Nhắc nộp {{viec}} (hạn {{han_nop}})");
    tab.put(
      reminder,
      4,
      "Kính gửi: Ban Chấp hành Công đoàn cơ sở {{ten_don_vi}}\n\n{{to_chuc}} chưa nhận được {{viec}} của đơn vị. Đề nghị đồng chí Chủ tịch gửi {{han_nop}} qua đường dẫn riêng của đơn vị:\n{{lien_ket}}\n\nBáo cáo là tổng hợp chung của đơn vị, không ghi họ tên hay thông tin cá nhân của người lao động.\n\nTrân trọng.\n{{bo_phan}}",
    );
    tab.put(receipt, 3, "[{{to_chuc}}] Cảm ơn đơn vị {{ten_don_vi}}");
    sim.run("setup", "again", { ui: true });
    expect(tab.cell(reminder, 3)).toBe("[{{to_chuc}}] Nhắc {{viec_can_lam}} (hạn {{han_nop}})");
    expect(String(tab.cell(reminder, 4))).toContain("{{tinh_trang}}");
    expect(tab.cell(receipt, 3)).toBe("[{{to_chuc}}] Cảm ơn đơn vị {{ten_don_vi}}");
  });
});
