// Pure domain: no Apps Script, no stand-in.
import { describe, expect, expectTypeOf, it } from "vitest";
import { instantOf, isoWithOffset, localDay, officialDateLine, viDate, viDateTime } from "../../src/domain/dates";
import { type MonthlyAnswers, type RegistrationAnswers, SPECS } from "../../src/domain/forms";
import { parseAnswers, schemaOf } from "../../src/domain/forms/spec";
import { reportHeader } from "../../src/domain/layout";
import { daysLate, deadlineOf, REGISTRATION } from "../../src/domain/periods";
import { say } from "../../src/domain/problems";
import { blocksRows } from "../../src/domain/report/blocks";
import { answersOfRow } from "../../src/domain/rows";
import { DEFAULT_SETTINGS, parseSettings, SETTING_DEFS, settingCell } from "../../src/domain/settings";
import { rollupLook } from "../../src/domain/tabs";
import { fill, templateProblems, unknownPlaceholders } from "../../src/domain/templates";
import { fold, identityHints, maskIdentity, safeCell, viNumber, viPercent } from "../../src/domain/text";
import type { Unit } from "../../src/domain/units";
import { facebookLink, readMonth, unionNamed } from "../../src/domain/validate";

const TZ = "Asia/Ho_Chi_Minh";

describe("dates the Vietnamese way", () => {
  it("the place-and-date line: a leading zero for days 1–9 and months 1–2 only", () => {
    expect(officialDateLine("Quận 1", "2019-03-05")).toBe("Quận 1, ngày 05 tháng 3 năm 2019");
    expect(officialDateLine("Quận 1", "2019-02-24")).toBe("Quận 1, ngày 24 tháng 02 năm 2019");
    expect(officialDateLine("Quận 1", "2018-10-01")).toBe("Quận 1, ngày 01 tháng 10 năm 2018");
    expect(officialDateLine("Quận 1", "2018-12-31")).toBe("Quận 1, ngày 31 tháng 12 năm 2018");
  });

  it("short dates, times, instants with the zone's offset", () => {
    const at = instantOf("2018-10-24", TZ);
    expect(new Date(at).toISOString()).toBe("2018-10-23T17:00:00.000Z");
    expect(viDate("2018-10-24")).toBe("24/10/2018");
    expect(viDateTime(at, TZ)).toBe("24/10/2018 00:00");
    expect(isoWithOffset(at, TZ)).toBe("2018-10-24T00:00:00+07:00");
    expect(localDay(at - 1000, TZ)).toBe("2018-10-23");
  });

  it("numbers: dots group thousands, a comma marks decimals", () => {
    expect(viNumber(1234567)).toBe("1.234.567");
    expect(viPercent(0.714)).toBe("71,4%");
    expect(viPercent(1)).toBe("100%");
    expect(viPercent(null)).toBe("–");
  });
});

describe("deadlines", () => {
  it("before the 24th: received on the 24th is late by 1; with the switch, on the 25th", () => {
    const s = { ...DEFAULT_SETTINGS };
    const d = deadlineOf("2018-10", s);
    expect(d).toEqual({ due: "2018-10-24", lastOnTime: "2018-10-23" });
    expect(daysLate(instantOf("2018-10-23", TZ, 23, 59, 59), d, TZ)).toBe(0);
    expect(daysLate(instantOf("2018-10-24", TZ), d, TZ)).toBe(1);
    expect(daysLate(instantOf("2018-11-02", TZ, 9), d, TZ)).toBe(10);
    const inc = deadlineOf("2018-10", { ...s, monthlyDueInclusive: true });
    expect(daysLate(instantOf("2018-10-24", TZ, 23, 59), inc, TZ)).toBe(0);
    expect(daysLate(instantOf("2018-10-25", TZ), inc, TZ)).toBe(1);
    expect(deadlineOf(REGISTRATION, s)).toEqual({ due: "2018-10-15", lastOnTime: "2018-10-14" });
  });
});

describe("what respondents type", () => {
  it("Facebook links made canonical; other sites and wrong paths refused", () => {
    const ok = (s: string, w: "account" | "group") => {
      const r = facebookLink(s, w);
      return r.ok ? r.value : r.problem;
    };
    expect(ok("facebook.com/congdoan.ad", "account")).toBe("https://www.facebook.com/congdoan.ad");
    expect(ok("https://m.facebook.com/profile.php?id=1000123&ref=x", "account")).toBe("https://www.facebook.com/profile.php?id=1000123");
    expect(ok("http://web.facebook.com/groups/abc/?ref=share", "group")).toBe("https://www.facebook.com/groups/abc");
    expect(ok("fb.com/groups/123", "group")).toBe("https://www.facebook.com/groups/123");
    expect(ok("https://facebook.com.evil.example/groups/1", "group")).toMatch(/đường dẫn Facebook/);
    expect(ok("https://zalo.me/x", "account")).toMatch(/đường dẫn Facebook/);
    expect(ok("https://www.facebook.com/groups/123", "account")).toMatch(/không phải nhóm/);
    expect(ok("https://www.facebook.com/congdoan", "group")).toMatch(/đường dẫn nhóm/);
  });

  it("group names carrying the union's name", () => {
    for (const n of ["Công đoàn Ánh Dương", "CONG DOAN X", "CĐ Ánh Dương", "CĐCS Ánh Dương", "Nhóm LĐLĐ Q1", "Công Đoàn"])
      expect(unionNamed(n), n).toBe(true);
    for (const n of ["Góc chia sẻ Ánh Dương", "Cộng đồng công nhân", "CDE team", "Hội bạn bè"]) expect(unionNamed(n), n).toBe(false);
  });

  it("months as people write them", () => {
    expect(readMonth("2018-10")).toBe("2018-10");
    expect(readMonth("10/2018")).toBe("2018-10");
    expect(readMonth("Tháng 10/2018")).toBe("2018-10");
    expect(readMonth("thang 9 / 2018")).toBe("2018-09");
    expect(readMonth("2018-13")).toBeNull();
    expect(readMonth("18-10")).toBeNull();
  });

  it("the zod schema derived from the spec parses like the form does", () => {
    const units = new Map<string, Unit>([
      ["CD001", { code: "CD001", name: "A", chair: "", emails: [], phone: "", group: "", activeFrom: "", activeTo: "" }],
    ]);
    const ctx = { units, firstPeriod: "2018-09", receivedMonth: "2018-10" };
    const raw = {
      unit: "CD001 – A",
      month: "10/2018",
      situation: "x",
      opinion: "y",
      concerns: "z",
      proposals: "",
      sharedPosts: "1 234",
      newAccounts: 3,
      coreMembers: "0",
      groupsJoined: 1,
    };
    const r = schemaOf(SPECS.monthly, ctx).safeParse(raw);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ unit: "CD001", month: "2018-10", sharedPosts: 1234, coreMembers: 0 });
    const p = parseAnswers(SPECS.monthly, { ...raw, sharedPosts: "-2" }, ctx);
    expect(p.ok).toBe(false);
    const title = SPECS.monthly.fields.find((f) => f.key === "sharedPosts")?.title;
    // the question as the form shows it, and what was typed
    if (!p.ok) expect(p.problem.errors).toEqual([{ key: "sharedPosts", message: `${title}: không được là số âm; đã nhập: “-2”` }]);
  });

  it("answers are typed from the spec's lines: a count is a number, a choice its keys, the rest text", () => {
    // checked by the compiler (npm run typecheck reads the tests)
    expectTypeOf<MonthlyAnswers["sharedPosts"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<MonthlyAnswers["urgent"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RegistrationAnswers["accountType"]>().toEqualTypeOf<"cdcs" | "chair" | undefined>();
    expectTypeOf<RegistrationAnswers["followed"]>().toEqualTypeOf<("vgcl" | "hcm" | "q1")[] | undefined>();
    expectTypeOf<keyof MonthlyAnswers>().toEqualTypeOf<(typeof SPECS.monthly.fields)[number]["key"]>();
    // and so they are, read from a response and from a row of the tab
    const units = new Map<string, Unit>([
      ["CD001", { code: "CD001", name: "A", chair: "", emails: [], phone: "", group: "", activeFrom: "", activeTo: "" }],
    ]);
    const ctx = { units, firstPeriod: "2018-09", receivedMonth: "2018-10" };
    const r = parseAnswers(
      SPECS.registration,
      { unit: "CD001", accountType: "Tên Chủ tịch CĐCS", followed: "LĐLĐ Quận 1; Công đoàn Việt Nam" },
      ctx,
    );
    const got = r.ok ? r.value : r.problem.partial;
    expect(got.accountType).toBe("chair");
    expect(got.followed).toEqual(["vgcl", "q1"]);
    const header = reportHeader(SPECS.registration);
    const row = header.map((h) =>
      h === "Loại tài khoản" ? "Tên Chủ tịch CĐCS" : h === "Đã theo dõi" ? "Công đoàn Việt Nam; LĐLĐ Quận 1" : "",
    );
    const back = answersOfRow(SPECS.registration, header, row);
    expect([back.accountType, back.followed]).toEqual(["chair", ["vgcl", "q1"]]);
  });
});

describe("text safety", () => {
  it("formula starts become text; folding matches without diacritics", () => {
    for (const v of ["=1+1", "+x", "-1", "@a", "\tx", "\rx", "\nx", "'x"]) expect(safeCell(v)).toBe(`'${v}`);
    expect(safeCell("bình thường")).toBe("bình thường");
    expect(safeCell(5)).toBe(5);
    expect(fold("Công Đoàn  Cơ sở")).toBe("cong doan co so");
  });

  it("identity-like data flagged and masked", () => {
    const s = "Chị A 0903 123 456, CCCD 079123456789, email a.b@x.vn, CMND 123456789";
    expect(identityHints(s)).toEqual(["địa chỉ email", "số điện thoại", "số CMND/CCCD"]);
    expect(maskIdentity(s)).toBe("Chị A [số điện thoại đã ẩn], CCCD [số giấy tờ đã ẩn], email [email đã ẩn], CMND [số giấy tờ đã ẩn]");
    expect(identityHints("Tăng 12 người, 3 nhóm")).toEqual([]);
  });
});

describe("templates", () => {
  it("fills text and HTML, escaping every value; links become links; lists become lists", () => {
    const r = fill(
      { subject: "[{{to_chuc}}] {{viec}}", body: "Gửi {{ten_don_vi}}:\n{{loi}}\n{{lien_ket}}" },
      {
        to_chuc: "LĐLĐ Quận 1",
        viec: "báo cáo",
        ten_don_vi: "<b>A&B</b>",
        loi: ["x < y"],
        lien_ket: "https://docs.google.com/forms/x?a=1&b=2",
      },
    );
    if ("errors" in r) throw new Error(r.errors.join());
    expect(r.subject).toBe("[LĐLĐ Quận 1] báo cáo");
    expect(r.text).toBe("Gửi <b>A&B</b>:\n- x < y\nhttps://docs.google.com/forms/x?a=1&b=2");
    expect(r.html).toContain("Gửi &lt;b&gt;A&amp;B&lt;/b&gt;:</p>");
    expect(r.html).toMatch(/<li[^>]*>x &lt; y<\/li>/);
    // a long link is shown short; the whole link is in the href
    expect(r.html).toContain('<a href="https://docs.google.com/forms/x?a=1&amp;b=2"');
    expect(r.html).not.toContain("<b>");
  });

  it("a link alone on its line is a button with its label, then a short link line; the text part says both", () => {
    const url = `https://docs.google.com/forms/d/e/${"x".repeat(120)}/viewform?usp=pp_url&entry.1=CD001+%E2%80%93`;
    const r = fill(
      { subject: "s", body: "Đầu thư.\n\n{{lien_ket}}\n\nCuối thư." },
      { lien_ket: url },
      { buttons: { lien_ket: "Mở biểu mẫu báo cáo tháng 10/2018" } },
    );
    if ("errors" in r) throw new Error(r.errors.join());
    expect(r.text).toBe(`Đầu thư.\n\nMở biểu mẫu báo cáo tháng 10/2018:\n${url}\n\nCuối thư.`);
    const html = r.html.replace(/&amp;/g, "&");
    expect(html).toMatch(
      new RegExp(`<a href="${url.replace(/[.?+]/g, "\\$&")}" style="display:inline-block[^"]*">Mở biểu mẫu báo cáo tháng 10/2018</a>`),
    );
    // the link line shows at most 36 characters of the address
    const shown = [...html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    expect(shown).toEqual(["Mở biểu mẫu báo cáo tháng 10/2018", "docs.google.com/forms/d/e/xxxxxxxxx…"]);
    // no link: the button's line goes, nothing dangles
    const none = fill({ subject: "s", body: "A\n\n{{lien_ket}}\n\nB" }, { lien_ket: "" }, { buttons: { lien_ket: "Mở" } });
    expect("errors" in none ? none : none.text).toBe("A\n\nB");
  });

  it("a template is checked as staff save it: unknown and broken placeholders are named", () => {
    expect(templateProblems({ subject: "Nhắc {{ten_don_vi}}", body: "{{loi}}" })).toEqual({ subject: [], body: [] });
    const p = templateProblems({ subject: "Nhắc {{ten_don_vj}}", body: "Kính gửi {{ten_don_vi} và {{}} và {ky}" });
    expect(p.subject).toEqual(["chỗ trống {{ten_don_vj}} không có"]);
    expect(p.body).toContain("có chỗ trống rỗng {{}}");
    expect(p.body.join(" ")).toContain("“{{ten_don_vi}” không phải là chỗ trống hợp lệ");
    expect(templateProblems({ subject: "", body: "{{Ten Don Vi}}" }).body).toEqual([
      "chỗ trống {{Ten Don Vi}} không có (chỉ gồm chữ thường không dấu và dấu _)",
    ]);
  });

  it("an unknown placeholder is an error, nothing is half filled", () => {
    expect(unknownPlaceholders({ subject: "{{ten_don_vj}}", body: "{{loi}}" })).toEqual(["ten_don_vj"]);
    expect(fill({ subject: "{{ten_don_vj}}", body: "" }, {})).toEqual({ errors: ["tiêu đề: chỗ trống {{ten_don_vj}} không có"] });
  });
});

describe("settings", () => {
  it("every default written in its cell reads back as itself", () => {
    const rows = SETTING_DEFS.map((d, i) => ({ key: d.key, value: settingCell(d, DEFAULT_SETTINGS[d.key]), cell: `B${i + 2}` }));
    expect(parseSettings(rows, "Cài đặt")).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it("a bad or missing value is named by its cell", () => {
    const rows = SETTING_DEFS.map((d, i) => ({ key: d.key, value: settingCell(d, DEFAULT_SETTINGS[d.key]), cell: `B${i + 2}` }));
    const at = (key: string) => SETTING_DEFS.findIndex((d) => d.key === key);
    rows[at("registrationDeadline")].value = "31/02/2018";
    rows[at("monthlyDueDay")].value = "40";
    rows[at("verifySender")].value = "có lẽ";
    const r = parseSettings(
      rows.filter((x) => x.key !== "timeZone"),
      "Cài đặt",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.map(say)).toEqual([
        "Trang “Cài đặt”: thiếu dòng “Múi giờ” (timeZone). Chạy lại Thiết lập để thêm.",
        `Ô B${at("registrationDeadline") + 2} trang “Cài đặt” (Hạn đăng ký): “31/02/2018” không phải là ngày có thật (dd/mm/yyyy).`,
        `Ô B${at("monthlyDueDay") + 2} trang “Cài đặt” (Ngày hạn báo cáo tháng): 40 nằm ngoài khoảng 1–28.`,
        `Ô B${at("verifySender") + 2} trang “Cài đặt” (Xác minh email người gửi): “có lẽ” phải là Có hoặc Không.`,
      ]);
    }
  });
});

describe("the rollup's main concerns", () => {
  it("counts units per theme, on whole words, with their diacritics", async () => {
    const { DEFAULT_THEMES, themeHits } = await import("../../src/domain/report/themes");
    const hits = themeHits(DEFAULT_THEMES, [
      { unit: "A", text: "Mong tăng lương, thưởng Tết sớm" },
      { unit: "B", text: "Số lượng đơn hàng giảm, lo mất việc. Giá xăng tăng" },
      { unit: "C", text: "Họ ăn cao lương mỹ vị" },
    ]);
    expect(hits.map((h) => [h.theme.label, h.units])).toEqual([
      ["Tiền lương, thu nhập", ["A"]],
      ["Việc làm", ["B"]],
      ["Thưởng Tết, chăm lo Tết", ["A"]],
      ["Giá cả, đời sống", ["B"]],
    ]);
  });
});

describe("the rollup tab's tables", () => {
  it("stand as tables: a header row, a row per row, each value in its own column, counts, rates and changes as numbers", () => {
    const t = blocksRows([
      { kind: "heading", level: 2, text: "1. Tháng 10/2018" },
      {
        kind: "table",
        head: ["Chỉ tiêu", "Tháng 10/2018", "Tháng 09/2018 (cùng thời điểm)", "Tăng, giảm"],
        rows: [
          ["Phải báo cáo", "1.039", "39", "+1.000"],
          ["Đã nộp", "37", "38", "−1"],
          ["Chưa nộp", "2", "2", "0"],
          ["Tỷ lệ báo cáo", "89,7%", "100%", "−10,3 điểm phần trăm"],
        ],
        widths: [34, 22, 22, 22],
      },
      { kind: "paragraph", parts: ["Ghi chú."] },
      { kind: "table", head: ["Chủ đề", "Khối doanh nghiệp"], rows: [["Việc làm", "24 (+13)"]], widths: [60, 40] },
    ]);
    expect(t.rows).toEqual([
      [""],
      ["1. THÁNG 10/2018"],
      ["Chỉ tiêu", "Tháng 10/2018", "Tháng 09/2018 (cùng thời điểm)", "Tăng, giảm"],
      ["Phải báo cáo", 1039, 39, 1000],
      ["Đã nộp", 37, 38, -1],
      ["Chưa nộp", 2, 2, 0],
      ["Tỷ lệ báo cáo", 0.897, 1, "−10,3 điểm phần trăm"],
      ["Ghi chú."],
      ["Chủ đề", "Khối doanh nghiệp"],
      ["Việc làm", "24 (+13)"],
    ]);
    expect(t.tables).toEqual([
      { head: 2, last: 6, cols: 4 },
      { head: 8, last: 9, cols: 2 },
    ]);
    // never the old squash, where a figure stood beside the wrong one
    expect(t.rows.flat().join("\n")).not.toContain("Phải báo cáo – ");
    // the tab's look: the headers in bold, each block of numbers in its format, a table's values centred under their
    // headers (rows and columns from 1, the title first)
    const look = rollupLook([["TỔNG HỢP", "…", "", ""], ...t.rows.map((r) => [...r, "", "", ""].slice(0, 4))], {
      tables: t.tables.map((x) => ({ ...x, head: x.head + 1, last: x.last + 1 })),
      numbers: t.numbers.map((n) => ({ ...n, top: n.top + 1, bottom: n.bottom + 1 })),
    });
    expect(look.bold).toEqual([1, 3, 4, 10]);
    expect(look.widths).toHaveLength(4);
    expect(look.formats).toEqual([
      { a1: "B5:C7", format: "#,##0" },
      { a1: "B8:C8", format: "0.0%" },
      { a1: "D5:D7", format: '+#,##0;"−"#,##0;0' },
    ]);
    expect(look.align).toEqual([
      { a1: "B4:D8", h: "center" },
      { a1: "B10:B11", h: "center" },
    ]);
  });
});
