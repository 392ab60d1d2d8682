// The self-check on the live Sheet: every item passes on a healthy setup, and breaking each thing it probes, one at a
// time, names that item (and only that one) in the tab “Kiểm tra”.
import { describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import type { Simulation } from "../../../standin/simulation/simulation";
import type { World } from "../../../standin/world";
import { installed, unit } from "../../support/helpers";

const OWNER = "tuyengiao@ldldq1.example.vn";
const STAFF = "canbo1@ldldq1.example.vn";
const OTHER = "canbo2@ldldq1.example.vn";

function healthy() {
  const sim = installed({
    accounts: { owner: OWNER, staff: [STAFF] },
    units: [unit("CD001"), unit("CD002")],
    settings: { firstPeriod: "2018-10" },
  });
  // the owner's daily run of the day has happened, as it would have
  sim.world.now = Date.parse("2018-10-20T08:00:00+07:00");
  sim.daily();
  sim.world.now = Date.parse("2018-10-20T09:00:00+07:00");
  return sim;
}

/** runs the menu item and reads the tab: item -> pass */
function check(sim: Simulation, w: World = sim.world, as = w.owner): Map<string, boolean> {
  w.alerts = [];
  const r = w.run("selfCheck", { ui: true, as });
  expect(r.ok, r.error).toBe(true);
  const ss = w.spreadsheets.get(w.boundSpreadsheetId as string);
  const rows = (ss?.sheet(TAB.selfCheck)?.values ?? []).slice(2).filter((x) => x[0]);
  return new Map(rows.map((x) => [String(x[0]), x[1] === "Đạt"]));
}

const failing = (m: Map<string, boolean>) => [...m].filter(([, ok]) => !ok).map(([k]) => k);

function saveState(sim: Simulation, edit: (s: Record<string, unknown>) => void) {
  const s = sim.state();
  edit(s);
  const text = JSON.stringify(s);
  for (const k of [...sim.world.properties.keys()]) if (k.startsWith("s.")) sim.world.properties.delete(k);
  // pieces small enough in bytes whatever the letters (Google's 9 KB is in bytes)
  for (let i = 0; i * 2500 < text.length; i++) sim.world.properties.set(`s.${i}`, text.slice(i * 2500, (i + 1) * 2500));
}

describe("the self-check", () => {
  it("passes every item on a healthy setup, tells staff so, and leaves nothing but its tab", () => {
    const sim = healthy();
    const w = sim.world;
    const before = JSON.stringify({
      forms: [...w.forms.values()],
      triggers: w.triggers,
      mails: w.mails,
      tabs: sim.ss.sheets.map((s) => s.name),
    });
    const items = check(sim);
    expect(items.size).toBeGreaterThanOrEqual(17);
    expect(failing(items)).toEqual([]);
    expect(w.alerts.join("\n")).toContain(`Kiểm tra hệ thống: ${items.size}/${items.size} mục đạt.`);
    expect(
      JSON.stringify({ forms: [...w.forms.values()], triggers: w.triggers, mails: w.mails, tabs: sim.ss.sheets.map((s) => s.name) }),
    ).toBe(before);
    // the same from a staff account the settings name
    expect(failing(check(sim, w, STAFF))).toEqual([]);
  });

  it("runs at the end of setup", () => {
    const sim = healthy();
    expect(sim.world.alerts.join("\n")).toMatch(/Kiểm tra hệ thống: \d+\/\d+ mục đạt/);
    expect(sim.sheet(TAB.selfCheck).values[1]).toEqual(["Mục kiểm tra", "Kết quả", "Chi tiết", "Việc cần làm"]);
  });

  const breaks: [string, string[], (sim: Simulation) => Map<string, boolean>][] = [
    [
      "a form question of the wrong type",
      ["Biểu mẫu đăng ký: loại câu hỏi"],
      (sim) => {
        [...sim.world.forms.values()][0].items[2].kind = "PARAGRAPH_TEXT";
        return check(sim);
      },
    ],
    [
      "an unpublished form",
      ["Biểu mẫu báo cáo tháng: đã xuất bản, đang nhận câu trả lời"],
      (sim) => {
        [...sim.world.forms.values()][1].published = false;
        return check(sim);
      },
    ],
    [
      "a form collecting typed, unverified addresses",
      ["Biểu mẫu đăng ký: thu email đã xác minh"],
      (sim) => {
        [...sim.world.forms.values()][0].emailCollection = "RESPONDER_INPUT";
        return check(sim);
      },
    ],
    [
      "prefilled links built from item ids (the old picture of Google)",
      ["Biểu mẫu báo cáo tháng: liên kết điền sẵn"],
      (sim) => {
        saveState(sim, (s) => {
          const ref = (s.forms as Record<string, { items: Record<string, number>; entries: Record<string, string> }>).monthly;
          ref.entries = { unit: String(ref.items.unit), month: String(ref.items.month) };
          (ref as unknown as { prefill: string }).prefill = (ref as unknown as { prefill: string }).prefill.replace(
            /entry\.(\d+)=\{\{unit\}\}/,
            `entry.${ref.items.unit}={{unit}}`,
          );
        });
        return check(sim);
      },
    ],
    [
      "a trigger missing",
      ["Trình kích hoạt"],
      (sim) => {
        sim.world.triggers = sim.world.triggers.filter((t) => t.handler !== "runDaily");
        return check(sim);
      },
    ],
    [
      "a trigger twice",
      ["Trình kích hoạt"],
      (sim) => {
        sim.world.triggers.push({ ...sim.world.triggers[0], uid: "99" });
        return check(sim);
      },
    ],
    [
      "the Sheet reading dates month first",
      ["Ngôn ngữ và múi giờ của bảng tính"],
      (sim) => {
        sim.ss.locale = "en_US";
        return check(sim);
      },
    ],
    [
      // an account the settings do not name is neither an editor of the protected tabs nor of the forms
      "an account the settings do not name",
      ["Biểu mẫu đăng ký: mở được", "Biểu mẫu báo cáo tháng: mở được", "Tài khoản này ghi được các trang hệ thống"],
      (sim) => check(sim, sim.world, OTHER),
    ],
    [
      "a Sheet near 10 million cells",
      ["Số ô của bảng tính"],
      (sim) => {
        sim.ss.sheets[0].maxRows = 330_000;
        return check(sim);
      },
    ],
    [
      "no mail quota left",
      ["Hạn mức gửi thư còn lại"],
      (sim) => {
        sim.world.mailQuota = 0;
        return check(sim);
      },
    ],
    [
      "no PDF from HTML",
      ["Tạo PDF từ HTML"],
      (sim) => {
        sim.world.meter.faults = [{ method: "Blob.getAs" }];
        return check(sim);
      },
    ],
    [
      "script properties nearly full",
      ["Dung lượng dữ liệu lưu kèm"],
      (sim) => {
        for (let i = 0; i < 55; i++) sim.world.properties.set(`x.${i}`, "x".repeat(8000));
        return check(sim);
      },
    ],
    [
      "a settings cell that cannot be read",
      ["Cài đặt hợp lệ"],
      (sim) => {
        const tab = sim.sheet(TAB.settings);
        tab.put(tab.values.findIndex((r) => r[3] === "monthlyDueDay") + 1, 2, "ngày 24");
        return check(sim);
      },
    ],
  ];

  for (const [what, items, breakIt] of breaks) {
    it(`names what is broken: ${what}`, () => {
      const sim = healthy();
      expect(failing(breakIt(sim))).toEqual(items);
      for (const item of items) expect(sim.world.alerts.join("\n")).toContain(`Không đạt: ${item}.`);
    });
  }

  it("names an owner whose daily run stopped, seen from another staff account, and says how to take over", () => {
    const sim = healthy();
    // two days later, and the owner's daily runs never happened: it left, or lost its access
    sim.world.now = Date.parse("2018-10-22T10:00:00+07:00");
    const items = check(sim, sim.world, STAFF);
    expect(failing(items)).toEqual(["Trình kích hoạt"]);
    expect(sim.sheet(TAB.selfCheck).values.flat().join("\n")).toMatch(/Nhận vận hành/);
  });

  it("names a form not open to anyone with the link, and a property value near 9 KB in bytes", () => {
    const sim = healthy();
    for (const f of sim.world.forms.values()) f.permissions = [];
    // 3,000 Vietnamese letters are 9,000 bytes: under 9,216 in characters, near the limit in bytes
    sim.world.properties.set("x.1", "ệ".repeat(3000));
    expect(failing(check(sim))).toEqual([
      "Biểu mẫu đăng ký: mọi người có đường liên kết đều điền được",
      "Biểu mẫu báo cáo tháng: mọi người có đường liên kết đều điền được",
      "Dung lượng dữ liệu lưu kèm",
    ]);
  });

  it("names a copied Sheet that was not set up", () => {
    const sim = healthy();
    const copy = sim.world.copySpreadsheet(STAFF);
    const items = check(sim, copy, STAFF);
    expect(items.get("Bảng tính và dữ liệu hệ thống khớp nhau")).toBe(false);
    expect(copy.alerts.join("\n")).toContain("Không đạt: Bảng tính và dữ liệu hệ thống khớp nhau.");
  });
});
