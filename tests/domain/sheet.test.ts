// The Sheet's pure pieces, without any stand-in: widths from text, the Zalo messages, the dashboard's block, the start
// tab's states, and a rejected response in the statuses and the stored rows.
import { describe, expect, it } from "vitest";
import { dashboardBlock, GROUP_COL, GROUP_ROW, mergeGroups } from "../../src/domain/dashboard";
import { instantOf } from "../../src/domain/dates";
import { codeOfLabel, DECIDED_LABEL, unitLabel } from "../../src/domain/layout";
import { REGISTRATION } from "../../src/domain/periods";
import { versionsAt } from "../../src/domain/report/figures";
import { contactRows, parseVersionRows } from "../../src/domain/rows";
import { currentRules } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { type StartFacts, startRows } from "../../src/domain/start";
import { evaluate, statusText, type UnitStatus, type Version } from "../../src/domain/status";
import type { Unit } from "../../src/domain/units";
import { fitWidths, linesOf, textPx } from "../../src/domain/widths";
import { groupMessages, personalMessage, type ZaloSection } from "../../src/domain/zalo";

const TZ = "Asia/Ho_Chi_Minh";
const s = { ...DEFAULT_SETTINGS, firstPeriod: "2018-10" };

describe("widths from what cells hold", () => {
  it("a Vietnamese letter is as wide as its base letter; capitals and wide letters count more", () => {
    expect(textPx("Nguyễn Thị Lan")).toBe(textPx("Nguyen Thi Lan"));
    expect(textPx("TRẠNG THÁI")).toBeGreaterThan(textPx("trạng thái"));
    expect(textPx("mmmm")).toBeGreaterThan(textPx("iiii") * 2);
    expect(textPx("Tổng cộng", true)).toBeGreaterThan(textPx("Tổng cộng"));
  });

  it("wraps words into lines, breaks a link longer than the column, and counts each paragraph", () => {
    expect(linesOf("ngắn", 200)).toBe(1);
    const text = "Đoàn viên, người lao động có việc làm ổn định, thu nhập bình quân tăng so với cùng kỳ năm trước";
    const lines = linesOf(text, 200);
    expect(lines).toBeGreaterThanOrEqual(Math.ceil(textPx(text) / 190));
    expect(linesOf(`https://docs.google.com/forms/d/e/${"x".repeat(200)}`, 200)).toBeGreaterThan(5);
    expect(linesOf("một\nhai\nba", 300)).toBe(3);
  });

  it("a column as wide as its widest line, within its bounds", () => {
    const rows = [["CĐCS Công ty TNHH Dịch vụ Bến Nghé"], ["CĐCS Khách sạn Sông Sài Gòn"]];
    const [w] = fitWidths(rows, [{ min: 100, max: 400 }]);
    expect(w).toBe(textPx("CĐCS Công ty TNHH Dịch vụ Bến Nghé") + 10);
    expect(fitWidths([["x"]], [{ min: 100, max: 400 }])).toEqual([100]);
    expect(fitWidths([["x".repeat(300)]], [{ min: 100, max: 400 }])).toEqual([400]);
  });
});

const unitOf = (code: string, name = `CĐCS Công ty ${code}`): Unit => ({
  code,
  name,
  chair: "",
  emails: [`${code.toLowerCase()}@dv.example.vn`],
  phone: "",
  group: code < "CD003" ? "Khối doanh nghiệp" : "Khối hành chính sự nghiệp",
  activeFrom: "",
  activeTo: "",
});

describe("the Zalo messages", () => {
  const sec: ZaloSection = {
    period: "2018-10",
    work: "báo cáo tháng 10/2018",
    due: "trước ngày 24/10/2018",
    daysLate: 0,
    units: Array.from({ length: 30 }, (_, i) => {
      const code = `CD${String(i + 1).padStart(3, "0")}`;
      return { code, name: `CĐCS Công ty ${code}`, status: i === 4 ? "invalid" : "missing", link: `https://forms.example/${code}` };
    }),
  };

  it("the group's message comes in parts, each whole and short enough, every unit in one of them with its link", () => {
    const parts = groupMessages(sec, "LĐLĐ Quận 1", instantOf("2018-10-19", TZ, 8), TZ, 800);
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(p.length).toBeLessThanOrEqual(800);
      expect(p).toContain(`(phần ${i + 1}/${parts.length})`);
      expect(p.startsWith("[LĐLĐ Quận 1] Kính gửi các đồng chí Chủ tịch CĐCS: đến 19/10/2018 08:00")).toBe(true);
      expect(p.endsWith("Trân trọng.")).toBe(true);
    }
    const all = parts.join("\n");
    for (const u of sec.units) expect(all.split(`${u.code} – ${u.name}`).length - 1).toBe(1);
    expect(all).toContain("5. CD005 – CĐCS Công ty CD005 (đã gửi nhưng chưa hợp lệ, đề nghị sửa): https://forms.example/CD005");
    expect(groupMessages({ ...sec, units: [] }, "LĐLĐ Quận 1", 0, TZ)).toEqual([]);
  });

  it("a unit's own message says what it owes, by when, how late, and gives its link", () => {
    const u = sec.units[0];
    expect(personalMessage(u, sec, "LĐLĐ Quận 1")).toBe(
      "Kính gửi đồng chí Chủ tịch CĐCS Công ty CD001: LĐLĐ Quận 1 chưa nhận được báo cáo tháng 10/2018 của đơn vị (hạn trước ngày 24/10/2018). Đề nghị đồng chí gửi qua đường dẫn riêng của đơn vị: https://forms.example/CD001 . Trân trọng.",
    );
    expect(personalMessage(u, { ...sec, daysLate: 3 }, "LĐLĐ Quận 1")).toContain("đã quá hạn 3 ngày). Đề nghị đồng chí gửi ngay");
    expect(personalMessage(sec.units[4], sec, "LĐLĐ Quận 1")).toContain("đơn vị đã gửi chưa hợp lệ");
  });
});

describe("the dashboard's block", () => {
  // the status tab's registration column then its months newest first: header and summary rows
  const col = (label: string, due: string, received: number, rate: number) => [label, due, 39, received, 35, 2, 1, 1, 0, 1, rate, 0.9];
  const columns = [
    col("Đăng ký", "15/10/2018", 38, 0.95),
    col("11/2018", "24/11/2018", 37, 0.949),
    col("10/2018", "24/10/2018", 36, 0.923),
  ];

  it("registration, then the months oldest first up to the current one, values not references", () => {
    const rows = dashboardBlock(columns, ["2018-11", "2018-10"], {}, "19/11/2018 08:00");
    expect(rows[0][0]).toBe("TỔNG QUAN TỶ LỆ BÁO CÁO THEO KỲ (cập nhật lúc 19/11/2018 08:00)");
    expect(
      rows
        .slice(2)
        .map((r) => r[0])
        .filter(Boolean),
    ).toEqual(["Đăng ký", "Tháng 10/2018", "Tháng 11/2018"]);
    expect(rows[3].slice(0, 4)).toEqual(["Tháng 10/2018", "24/10/2018", 39, 36]);
    expect(rows.flat().some((v) => String(v).startsWith("="))).toBe(false);
    // a month whose column was never written (a tab laid out before it) is left out
    expect(
      dashboardBlock([columns[0], ["12/2018"]], ["2018-12"], {}, "")
        .slice(2)
        .map((r) => r[0])
        .filter(Boolean),
    ).toEqual(["Đăng ký"]);
  });

  it("the rates by Khối beside it, the newest month first and registration last", () => {
    const groups = mergeGroups(
      { "2018-09": [["Khối doanh nghiệp", 31, 29, 28]], [REGISTRATION]: [["Tổng cộng", 40, 38, 36]] },
      {
        "2018-10": [["Khối doanh nghiệp", 31, 30, 29]],
        "2018-11": [["Khối doanh nghiệp", 31, 25, 25]],
        "2018-12": [["Tổng cộng", 1, 0, 0]],
      },
    );
    // registration and the three newest months
    expect(Object.keys(groups).sort()).toEqual(["2018-10", "2018-11", "2018-12", REGISTRATION].sort());
    const rows = dashboardBlock(columns, ["2018-11", "2018-10"], groups, "");
    const table = rows.slice(GROUP_ROW + 1).map((r) => r.slice(GROUP_COL - 1));
    expect(rows[GROUP_ROW - 1][GROUP_COL - 1]).toBe("TỶ LỆ BÁO CÁO THEO KHỐI");
    expect(table.map((r) => r[0])).toEqual(["Tháng 12/2018", "Tháng 11/2018", "Tháng 10/2018", "Đăng ký"]);
    expect(table[2]).toEqual(["Tháng 10/2018", "Khối doanh nghiệp", 31, 30, 29, 30 / 31, 29 / 31]);
    expect(table[0].slice(5)).toEqual([0, 0]);
  });
});

describe("the start tab", () => {
  const facts: StartFacts = {
    setUp: true,
    copy: false,
    settings: { ok: true, detail: "" },
    staff: [],
    units: 40,
    unitProblems: [],
    linked: 40,
    forms: [
      { title: "Biểu mẫu đăng ký", url: "https://forms/1" },
      { title: "Biểu mẫu báo cáo tháng", url: "https://forms/2" },
    ],
    triggers: { owner: "tuyengiao@ldldq1.example.vn", hour: 8, zone: TZ },
    templateUrl: "https://docs/1",
    check: { passed: 17, total: 17, failed: [] },
  };
  const state = (f: StartFacts) =>
    new Map(
      startRows(f, "")
        .slice(2)
        .map((r) => [r[1], r[2]]),
    );

  it("each step's state from what the product knows", () => {
    const all = state(facts);
    expect(all.get("Chạy Thiết lập lần đầu")).toBe("Đã xong");
    expect(all.get("Ghi tài khoản Google của cán bộ")).toBe("Nên làm");
    expect(all.get("Kiểm tra hệ thống đạt")).toBe("Đã xong");
    expect(state({ ...facts, linked: 38 }).get("Chạy lại Thiết lập sau khi điền")).toBe("Chưa xong");
    expect(state({ ...facts, settings: { ok: false, detail: "Ô B5 …" } }).get("Kiểm tra trang “Cài đặt”")).toBe("Cần sửa");
    expect(state({ ...facts, check: { passed: 16, total: 17, failed: ["Trình kích hoạt"] } }).get("Kiểm tra hệ thống đạt")).toBe("Cần sửa");
    const copy = startRows({ ...facts, setUp: false, copy: true, forms: [], triggers: null, check: null }, "");
    expect(copy[2][2]).toBe("Chưa xong");
    expect(copy[2][3]).toContain("Bảng tính này là bản sao");
  });
});

describe("a rejected response", () => {
  const v = (over: Partial<Version>): Version => ({
    key: "r1@1",
    responseId: "r1",
    at: instantOf("2018-10-20", TZ, 9),
    unit: "CD001",
    period: "2018-10",
    verdict: "unverified",
    confirmed: false,
    channel: "form",
    email: "x@gmail.example.com",
    row: 2,
    ...over,
  });
  const frame = (stored: Map<string, Map<string, UnitStatus>>, complete: boolean) => ({
    rules: currentRules(s),
    units: [unitOf("CD001")],
    stored,
    complete: () => complete,
  });
  const at = instantOf("2018-11-10", TZ);

  it("counts for nothing: the unit stands as if it had not arrived, whether the period is read whole or merged", () => {
    const got = (versions: Version[], complete: boolean, stored = new Map()) =>
      statusText(evaluate(versions, ["2018-10"], frame(stored, complete), s, at).byPeriod.get("2018-10")?.get("CD001") as UnitStatus);
    expect(got([v({})], true)).toBe("Chờ xác nhận");
    expect(got([v({ rejected: true })], true)).toBe("Chưa nộp");
    // a closed month's stored “waiting” gives way to the rejection; a stored accepted report does not
    const waiting = new Map([["2018-10", new Map([["CD001", { kind: "unverified", daysLate: 0 } as UnitStatus]])]]);
    expect(got([v({ rejected: true })], false, waiting)).toBe("Chưa nộp");
    const accepted = new Map([["2018-10", new Map([["CD001", { kind: "onTime", daysLate: 0 } as UnitStatus]])]]);
    expect(got([v({ rejected: true })], false, accepted)).toBe("Đúng hạn");
  });

  it("as the report's figures stood before the rejection: still waiting then", () => {
    const decided = new Date(instantOf("2018-10-25", TZ, 10)).getTime();
    const before = versionsAt([v({ rejected: true })], instantOf("2018-10-24", TZ, 8), () => decided);
    expect(before[0].rejected).toBe(false);
    expect(versionsAt([v({ rejected: true })], instantOf("2018-10-26", TZ), () => decided)[0].rejected).toBe(true);
  });

  it("is read back from its row: the unit with its name, the decision in column G, the result in column F", () => {
    const row = (f: string, g: string) => [
      "r1@1",
      "r1",
      new Date(0),
      unitLabel("CD001", "CĐCS Công ty A"),
      "10/2018",
      f,
      g,
      "Biểu mẫu",
      "",
      "",
      "",
    ];
    const [rejected] = parseVersionRows([row(DECIDED_LABEL.rejected, "Đã từ chối: canbo1, 25/10/2018 10:00. Lý do: x")], 2);
    expect(rejected).toMatchObject({ unit: "CD001", verdict: "unverified", rejected: true, confirmed: false });
    const [confirmed] = parseVersionRows([row(DECIDED_LABEL.confirmed, "Đã xác nhận: canbo1, 25/10/2018 10:00")], 2);
    expect(confirmed).toMatchObject({ unit: "CD001", verdict: "unverified", confirmed: true });
    expect(confirmed.rejected).toBeUndefined();
    expect(codeOfLabel("CD001")).toBe("CD001");
  });
});

describe("contactRows", () => {
  it("pairs each code with the chair and phone of its own row; a repeated code keeps its first row, blank rows are skipped", () => {
    const codes = [["CD001"], [""], ["'CD002"], ["CD001"], ["CD003"]];
    const people = [
      ["Lan", "lan@x.vn", "0903000001"],
      ["", "", ""],
      [" Minh ", "minh@x.vn", 903000002],
      ["Khác", "", "0999999999"],
    ];
    expect([...contactRows(codes, people, 2)]).toEqual([
      ["CD001", { chair: "Lan", phone: "0903000001" }],
      ["CD002", { chair: "Minh", phone: "903000002" }],
      ["CD003", { chair: "", phone: "" }],
    ]);
  });
});
