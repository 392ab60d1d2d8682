// Pure domain, records that keep their meaning: identity masking, ambiguous counts, character-safe cuts, settings
// that cannot work, the deadline phrase, roster codes and months, the group-name message. No stand-in.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../src/domain/forms";
import { type Field, parseAnswers } from "../../src/domain/forms/spec";
import { REGISTRATION } from "../../src/domain/periods";
import { say } from "../../src/domain/problems";
import { checkSettings, DEFAULT_SETTINGS, parseSettings, SETTING_DEFS, type Settings, settingCell } from "../../src/domain/settings";
import { CELL_LIMIT, cutText, fitCell, identityHints, maskIdentity, quote, TRUNCATION_NOTE } from "../../src/domain/text";
import { rosterProblems, type Unit, unitCodeOf } from "../../src/domain/units";
import { normalizers, type ParseContext, resolveUnit } from "../../src/domain/validate";
import { deadlinePhrase, deadlineWords, monthlyDeadlinePhrase } from "../../src/domain/wording";

const P = "[số điện thoại đã ẩn]";
const I = "[số giấy tờ đã ẩn]";
const E = "[email đã ẩn]";
const HINT: Record<string, string> = { [P]: "số điện thoại", [I]: "số CMND/CCCD", [E]: "địa chỉ email" };

/** a string with half a surrogate pair cannot be encoded: encodeURIComponent throws on it */
const whole = (s: string) => {
  expect(() => encodeURIComponent(s)).not.toThrow();
  return s;
};

const unit = (code: string, more: Partial<Unit> = {}): Unit => ({
  code,
  name: `CĐCS Công ty ${code}`,
  chair: "Nguyễn Văn A",
  emails: [`${code.toLowerCase()}@example.vn`],
  phone: "",
  group: "",
  activeFrom: "",
  activeTo: "",
  ...more,
});

describe("identity masking: the forms people write in Vietnam", () => {
  // [what a report says, what the rollup shows]
  const masked: [string, string][] = [
    ["CCCD 079 123 456 789", `CCCD ${I}`],
    ["CCCD 079123456789", `CCCD ${I}`],
    ["079.123.456.789", I],
    ["0791 2345 6789", I],
    ["Căn cước công dân số: 079 1234 56789", `Căn cước công dân số: ${I}`],
    ["CMND 025.123.456", `CMND ${I}`],
    ["CMND số 285 123 456", `CMND số ${I}`],
    ["025123456", I],
    ["ĐT bàn 028 3829 1234", `ĐT bàn ${P}`],
    ["(028) 3829 1234", P],
    ["024.3825.1234", P],
    ["08 3829 1234", P],
    ["(090) 312 3456", P],
    ["090 312 3456", P],
    ["0903 123 456", P],
    ["0903.123.456", P],
    ["0903-123-456", P],
    ["0903123456", P],
    ["0168 123 4567", P],
    ["+84 903 123 456", P],
    ["+84903123456", P],
    ["84903123456", P],
    ["0084 903 123 456", P],
    ["(+84) 903 123 456", P],
    ["+84 (0) 903 123 456", P],
    ["+84-28-3829-1234", P],
    ["SĐT0903123456", `SĐT${P}`],
    ["Anh A (0903 123 456) cần hỗ trợ", `Anh A (${P}) cần hỗ trợ`],
    ["năm 2018 gọi 0903 123 456", `năm 2018 gọi ${P}`],
    ["ĐT: 0903 123 456 - 0912 345 678", `ĐT: ${P} - ${P}`],
    ["nguyen.van.a@mail.congty.com.vn", E],
    ["tran_b+hr@sub.example.vn", E],
    ["nguyenvana[at]gmail.com", E],
  ];
  const kept = [
    "năm 2018",
    "ngày 24/10/2018",
    "từ 01-10-2018 đến 31.10.2018",
    "01.10.2018 08:00",
    "24.10.2018 lúc 08.00",
    "lương 4.680.000 đồng/tháng",
    "thưởng 4,68 triệu",
    "100.000.000 đồng",
    "100000000 đồng",
    "lương 5 000 000 đ",
    "1.000.000.000 đồng",
    "1.200 công nhân",
    "tăng 71,4%",
    "Nghị định 30/2020/NĐ-CP",
    "Quyết định 933/QĐ-TLĐ",
    "họp lúc 08:00",
    "12 người, 3 nhóm",
    "mã CD001",
    "niên khóa 2018-2019",
    "tổng đài 1900 1234",
    "Quý 3/2018",
    "1.234.567",
  ];

  for (const [text, shown] of masked) {
    it(`masks “${text}”`, () => {
      expect(maskIdentity(text)).toBe(shown);
      // in a sentence, with punctuation after it
      expect(maskIdentity(`Ý kiến: ${text}. Cảm ơn.`)).toBe(`Ý kiến: ${shown}. Cảm ơn.`);
      const kinds = Object.keys(HINT).filter((m) => shown.includes(m));
      expect(identityHints(text)).toEqual(kinds.map((m) => HINT[m]));
    });
  }

  it("keeps years, dates, times, money, counts, percentages and decree numbers", () => {
    for (const text of kept) {
      expect(maskIdentity(text), text).toBe(text);
      expect(identityHints(text), text).toEqual([]);
    }
  });

  it("flags exactly what it masks", () => {
    for (const text of [...masked.map(([t]) => t), ...kept]) expect(identityHints(text).length > 0, text).toBe(maskIdentity(text) !== text);
    const s = "Chị A 0903 123 456, CCCD 079 123 456 789, email a.b@x.vn, lương 4.680.000 đồng ngày 24/10/2018";
    expect(identityHints(s)).toEqual(["địa chỉ email", "số điện thoại", "số CMND/CCCD"]);
    expect(maskIdentity(s)).toBe(`Chị A ${P}, CCCD ${I}, email ${E}, lương 4.680.000 đồng ngày 24/10/2018`);
  });

  it("does not backtrack on a long run of digits: ten times the text costs about ten times the work, not more", () => {
    // timed against itself on the same machine (a backtracking pattern grows far faster than the text), so a busy
    // machine slows both runs alike
    const time = (n: number) => {
      const text = "1 2 3 4 5 6 7 8 9 0 ".repeat(n);
      const t = performance.now();
      for (let i = 0; i < 3; i++) maskIdentity(text);
      return performance.now() - t;
    };
    time(250);
    const small = Math.max(time(250), 1);
    expect(time(2500) / small).toBeLessThan(60);
  });
});

describe("counts: ambiguous numbers are refused, quoting what was typed", () => {
  const field = SPECS.monthly.fields.find((f) => f.key === "sharedPosts") as Field;
  const ctx: ParseContext = { units: new Map(), firstPeriod: "2018-09", receivedMonth: "2018-10" };
  const read = (v: unknown) => {
    const r = normalizers.number(v, field, ctx);
    return r.ok ? r.value : r.problem;
  };
  const HOW = "đề nghị chỉ ghi chữ số, không dấu chấm, dấu phẩy hay chữ";
  const AMBIGUOUS = "(dấu chấm, dấu phẩy vừa tách hàng nghìn vừa là dấu thập phân)";
  const table: [unknown, unknown][] = [
    ["12", 12],
    [" 12 ", 12],
    ["0", 0],
    ["007", 7],
    [12, 12],
    [1000, 1000],
    ["1 000", 1000],
    ["1 234", 1234],
    ["1.000.000", 1000000],
    ["1,000,000", 1000000],
    ["1,000", `“1,000” có thể hiểu là 1000 hoặc 1 ${AMBIGUOUS}: ${HOW}, ví dụ 1000`],
    ["1.000", `“1.000” có thể hiểu là 1000 hoặc 1 ${AMBIGUOUS}: ${HOW}, ví dụ 1000`],
    ["2,500", `“2,500” có thể hiểu là 2500 hoặc 2,5 ${AMBIGUOUS}: ${HOW}, ví dụ 2500`],
    ["1.234", `“1.234” có thể hiểu là 1234 hoặc 1,234 ${AMBIGUOUS}: ${HOW}, ví dụ 1234`],
    ["12 bài", `“12 bài” không phải là số: ${HOW} (ví dụ 12)`],
    ["mười hai", `“mười hai” không phải là số: ${HOW} (ví dụ 12)`],
    ["1e3", `“1e3” không phải là số: ${HOW} (ví dụ 12)`],
    ["12 3", `“12 3” không phải là số: ${HOW} (ví dụ 12)`],
    ["2,5", "“2,5” không phải là số nguyên: số lượng không có phần lẻ"],
    ["1.5", "“1.5” không phải là số nguyên: số lượng không có phần lẻ"],
    ["1.234,5", "“1.234,5” không phải là số nguyên: số lượng không có phần lẻ"],
    [2.5, "“2,5” không phải là số nguyên: số lượng không có phần lẻ"],
    ["-3", "không được là số âm; đã nhập: “-3”"],
    ["99999999999", "số quá lớn (tối đa 1.000.000); đã nhập: “99999999999”"],
    ["1.234.567", "số quá lớn (tối đa 1.000.000); đã nhập: “1.234.567”"],
  ];
  for (const [typed, expected] of table) {
    it(`${JSON.stringify(typed)} → ${JSON.stringify(expected)}`, () => expect(read(typed)).toBe(expected));
  }

  it("the whole message names the question as the form shows it (its title, not the tab's column)", () => {
    const r = parseAnswers(
      SPECS.monthly,
      {
        unit: "x",
        month: "10/2018",
        situation: "a",
        opinion: "b",
        concerns: "c",
        sharedPosts: "1,000",
        newAccounts: 1,
        coreMembers: 1,
        groupsJoined: 1,
      },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem.errors.find((e) => e.key === "sharedPosts")?.message).toMatch(
        /^Số bài viết của Công đoàn các cấp đơn vị đã chia sẻ trong tháng: “1,000” có thể hiểu là 1000 hoặc 1 /,
      );
  });
});

describe("texts are cut between whole characters", () => {
  const K = CELL_LIMIT - 1 - TRUNCATION_NOTE.length;
  const around = (piece: string, offset: number) => {
    const head = "a".repeat(K - offset);
    return head + piece + "b".repeat(CELL_LIMIT);
  };

  it("the 50,000-character cut never splits an emoji, a flag, a joined emoji or a letter from its accent", () => {
    for (const piece of ["😀", "👍🏽", "👨‍👩‍👧", "🇻🇳", "e\u0301", "ệ".normalize("NFD"), "❤️"]) {
      for (let offset = 0; offset <= piece.length; offset++) {
        const src = around(piece, offset);
        const r = fitCell(src);
        expect(r.cut).toBe(true);
        expect(r.text.length).toBeLessThanOrEqual(CELL_LIMIT - 1);
        expect(r.text.endsWith(TRUNCATION_NOTE)).toBe(true);
        const body = whole(r.text.slice(0, -TRUNCATION_NOTE.length));
        expect(src.startsWith(body)).toBe(true);
        // the piece is kept whole or dropped whole
        const kept = body.slice(K - offset);
        expect(kept === "" || kept === piece || kept.startsWith(piece), `${piece} at ${offset}`).toBe(true);
        expect(body.length).toBeGreaterThan(K - 12);
      }
    }
  });

  it("cutText and quote: prefixes that end between characters", () => {
    expect(cutText("ab😀", 3)).toBe("ab");
    expect(cutText("ab😀", 4)).toBe("ab😀");
    expect(cutText("ae\u0301", 2)).toBe("a");
    expect(cutText("🇻🇳🇺🇸", 6)).toBe("🇻🇳");
    expect(cutText("ngắn", 60)).toBe("ngắn");
    expect(quote("ngắn")).toBe("“ngắn”");
    expect(quote(`a${"😀".repeat(40)}`)).toBe(`“a${"😀".repeat(29)}…”`);
  });

  it("messages quoting what was typed keep their characters whole", () => {
    const ctx: ParseContext = { units: new Map([["CD001", unit("CD001")]]), firstPeriod: "2018-09", receivedMonth: "2018-10" };
    const typed = `a${"😀".repeat(40)}`;
    const r = parseAnswers(
      SPECS.registration,
      {
        unit: typed,
        accountType: typed,
        accountName: "x",
        accountUrl: "facebook.com/x",
        groupName: "y",
        groupUrl: "facebook.com/groups/1",
        followed: [typed],
      },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.errors.map((e) => e.key)).toEqual(["unit", "accountType", "followed"]);
      for (const e of r.problem.errors) expect(whole(e.message)).toContain(`“a${"😀".repeat(29)}…”`);
    }
  });
});

describe("settings that cannot work are refused at the cell, with the reason", () => {
  const rowsWith = (values: Partial<Record<keyof Settings, string>>) =>
    SETTING_DEFS.map((d, i) => ({ key: d.key, value: values[d.key] ?? settingCell(d, DEFAULT_SETTINGS[d.key]), cell: `B${i + 2}` }));
  const cell = (key: keyof Settings) => `B${SETTING_DEFS.findIndex((d) => d.key === key) + 2}`;
  const errorsOf = (values: Partial<Record<keyof Settings, string>>) => {
    const r = parseSettings(rowsWith(values), "Cài đặt");
    return r.ok ? [] : r.problem.map(say);
  };

  it("the new row: registrationGraceDays, 30 by default, labelled in Vietnamese", () => {
    const def = SETTING_DEFS.find((d) => d.key === "registrationGraceDays");
    expect(def?.label).toBe("Hạn đăng ký của đơn vị mới (số ngày)");
    expect(DEFAULT_SETTINGS.registrationGraceDays).toBe(30);
    const r = parseSettings(rowsWith({}), "Cài đặt");
    expect(r.ok && r.value.registrationGraceDays).toBe(30);
    expect(errorsOf({ registrationGraceDays: "0" })).toEqual([
      `Ô ${cell("registrationGraceDays")} trang “Cài đặt” (Hạn đăng ký của đơn vị mới (số ngày)): 0 nằm ngoài khoảng 1–120.`,
    ]);
    const missing = parseSettings(
      rowsWith({}).filter((r) => r.key !== "registrationGraceDays"),
      "Cài đặt",
    );
    expect(missing.ok).toBe(false);
    expect(missing.ok ? [] : missing.problem.map(say)).toEqual([
      "Trang “Cài đặt”: thiếu dòng “Hạn đăng ký của đơn vị mới (số ngày)” (registrationGraceDays). Chạy lại Thiết lập để thêm.",
    ]);
  });

  const table: [string, Partial<Record<keyof Settings, string>>, string[]][] = [
    [
      "due day 1, not inclusive: nothing is ever on time",
      { monthlyDueDay: "1", remindBefore: "" },
      [
        `Ô ${cell("monthlyDueDay")} trang “Cài đặt” (Ngày hạn báo cáo tháng): “trước ngày 1” thì không báo cáo nào kịp hạn (báo cáo tháng nộp từ ngày 1 của chính tháng đó): ghi một ngày từ 2 đến 28, hoặc ghi Có ở ô ${cell("monthlyDueInclusive")} (Nộp trong ngày hạn báo cáo là đúng hạn).`,
      ],
    ],
    ["due day 1, inclusive, no reminders: works", { monthlyDueDay: "1", monthlyDueInclusive: "Có", remindBefore: "" }, []],
    [
      "due day 1, inclusive, reminders: none can fall in the month",
      { monthlyDueDay: "1", monthlyDueInclusive: "Có" },
      [
        `Ô ${cell("remindBefore")} trang “Cài đặt” (Nhắc trước hạn (ngày)): hạn ngày 1 (ô ${cell("monthlyDueDay")} (Ngày hạn báo cáo tháng)) thì không còn ngày nào trong tháng để nhắc trước hạn: để trống ô này.`,
      ],
    ],
    [
      "a reminder before the first day of the month",
      { remindBefore: "30, 1" },
      [
        `Ô ${cell("remindBefore")} trang “Cài đặt” (Nhắc trước hạn (ngày)): nhắc trước 30 ngày thì rơi vào trước ngày 1 của tháng báo cáo (hạn ngày 24, ô ${cell("monthlyDueDay")} (Ngày hạn báo cáo tháng)): mỗi số từ 1 đến 23.`,
      ],
    ],
    ["a reminder on the first day of the month", { remindBefore: "23, 1" }, []],
    [
      "due day 5 with the default reminders 5 and 1",
      { monthlyDueDay: "5" },
      [
        `Ô ${cell("remindBefore")} trang “Cài đặt” (Nhắc trước hạn (ngày)): nhắc trước 5 ngày thì rơi vào trước ngày 1 của tháng báo cáo (hạn ngày 5, ô ${cell("monthlyDueDay")} (Ngày hạn báo cáo tháng)): mỗi số từ 1 đến 4.`,
      ],
    ],
    [
      "an overdue notice on or after the next period's due",
      { overdueAfter: "1, 28" },
      [
        `Ô ${cell("overdueAfter")} trang “Cài đặt” (Báo trễ hạn sau (ngày)): báo trễ hạn sau 28 ngày thì có tháng đã đến hạn của kỳ sau (tháng ngắn nhất có 28 ngày): mỗi số từ 1 đến 27.`,
      ],
    ],
    ["an overdue notice the day before February's next due", { overdueAfter: "1, 27" }, []],
    [
      "a rollup on or after the next period's due",
      { rollupAfter: "30" },
      [
        `Ô ${cell("rollupAfter")} trang “Cài đặt” (Gửi tổng hợp sau hạn (ngày)): gửi tổng hợp sau hạn 30 ngày thì có tháng đã đến hạn của kỳ sau (tháng ngắn nhất có 28 ngày): tối đa 27.`,
      ],
    ],
    ["a rollup 27 days after the due", { rollupAfter: "27" }, []],
    // registering before reporting starts is a real plan; units that start later have their own deadline
    ["a registration deadline before the first period", { registrationDeadline: "01/09/2018", firstPeriod: "10/2018" }, []],
    // each stage has its own key in the mail log: a long catch-up window sends nothing twice
    ["a catch-up window longer than the gap between reminders", { catchUpDays: "31", remindBefore: "5, 1" }, []],
    [
      "a bad cell and a conflict are both reported",
      { dailyRunHour: "tám giờ", overdueAfter: "40" },
      [
        `Ô ${cell("dailyRunHour")} trang “Cài đặt” (Giờ chạy hằng ngày): “tám giờ” không phải là số nguyên.`,
        `Ô ${cell("overdueAfter")} trang “Cài đặt” (Báo trễ hạn sau (ngày)): báo trễ hạn sau 40 ngày thì có tháng đã đến hạn của kỳ sau (tháng ngắn nhất có 28 ngày): mỗi số từ 1 đến 27.`,
      ],
    ],
  ];
  for (const [what, values, errors] of table) it(what, () => expect(errorsOf(values)).toEqual(errors));

  it("settings held as JSON get the same checks, by key, and a wrong type does not crash them", () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual([]);
    expect(checkSettings({ ...DEFAULT_SETTINGS, overdueAfter: [30] })).toEqual([
      "overdueAfter: báo trễ hạn sau 30 ngày thì có tháng đã đến hạn của kỳ sau (tháng ngắn nhất có 28 ngày): mỗi số từ 1 đến 27",
    ]);
    expect(checkSettings({ ...DEFAULT_SETTINGS, monthlyDueDay: 1, remindBefore: [] })[0]).toMatch(/^monthlyDueDay: “trước ngày 1”/);
    expect(() => checkSettings({ ...DEFAULT_SETTINGS, remindBefore: "5, 1" as unknown as number[] })).not.toThrow();
  });
});

describe("one phrase for the deadline", () => {
  const s = { ...DEFAULT_SETTINGS };
  const inc = { ...s, monthlyDueInclusive: true, registrationDeadlineInclusive: true };

  it("registration and monthly deadlines, inclusive or not, as the mails word them", () => {
    expect(deadlinePhrase("2018-10", s)).toBe("trước ngày 24/10/2018");
    expect(deadlinePhrase("2018-10", inc)).toBe("đến hết ngày 24/10/2018");
    expect(deadlinePhrase(REGISTRATION, s)).toBe("trước ngày 15/10/2018");
    expect(deadlinePhrase(REGISTRATION, inc)).toBe("đến hết ngày 15/10/2018");
    expect(deadlinePhrase("2019-02", { ...s, monthlyDueDay: 5 })).toBe("trước ngày 05/02/2019");
  });

  it("a deadline of a unit's own (a unit that joins later)", () => {
    expect(deadlineWords({ due: "2018-12-01", lastOnTime: "2018-11-30" })).toBe("trước ngày 01/12/2018");
    expect(deadlineWords({ due: "2018-12-01", lastOnTime: "2018-12-01" })).toBe("đến hết ngày 01/12/2018");
  });

  it("every month's deadline, for the form's description", () => {
    expect(monthlyDeadlinePhrase(s)).toBe("trước ngày 24 hằng tháng");
    expect(monthlyDeadlinePhrase({ monthlyDueDay: 20, monthlyDueInclusive: true })).toBe("đến hết ngày 20 hằng tháng");
  });
});

describe("roster values", () => {
  it("codes keep their leading zeros", () => {
    expect(unitCodeOf("001")).toBe("001");
    expect(unitCodeOf(1, "001")).toBe("001");
    expect(unitCodeOf("'001")).toBe("001");
    expect(unitCodeOf(" cd001 ")).toBe("CD001");
    expect(unitCodeOf(12, "12")).toBe("12");
    // a display that is not the number (another column's text) is not taken for it
    expect(unitCodeOf(12, "001")).toBe("12");
    expect(unitCodeOf(null)).toBe("");
  });

  it("a code typed as a number finds the roster's code with zeros, when only one matches", () => {
    const units = new Map([
      ["001", unit("001")],
      ["CD002", unit("CD002")],
    ]);
    expect(resolveUnit("1", units)?.code).toBe("001");
    expect(resolveUnit("001", units)?.code).toBe("001");
    expect(resolveUnit("2", units)).toBeUndefined();
    units.set("0001", unit("0001"));
    expect(resolveUnit("1", units)).toBeUndefined();
    const field = SPECS.monthly.fields.find((f) => f.key === "unit") as Field;
    const r = normalizers.unit(1, field, { units: new Map([["001", unit("001")]]), firstPeriod: "2018-09", receivedMonth: "2018-10" });
    expect(r).toEqual({ ok: true, value: "001", note: undefined });
  });

  it("inconsistent months and rows that cannot be reached are flagged in Vietnamese", () => {
    expect(rosterProblems(unit("CD001"))).toEqual([]);
    expect(rosterProblems(unit("CD001", { activeFrom: "2018-10", activeTo: "2018-10" }))).toEqual([]);
    expect(rosterProblems(unit("CD001", { activeFrom: "2018-11" }))).toEqual([]);
    expect(rosterProblems(unit("CD001", { activeFrom: "2018-11", activeTo: "2018-10" }))).toEqual([
      "“Từ tháng” 11/2018 sau “Đến tháng” 10/2018: đơn vị sẽ không thuộc diện báo cáo tháng nào; sửa lại một trong hai ô",
    ]);
    expect(rosterProblems(unit("CD001", { activeFrom: "2019-01", activeTo: "2018-12", emails: [], name: " " }))).toHaveLength(3);
  });
});

describe("the group-name rule says what is wrong and quotes what was typed", () => {
  it("refuses a group named after the union", () => {
    const ctx: ParseContext = { units: new Map([["CD001", unit("CD001")]]), firstPeriod: "2018-09", receivedMonth: "2018-10" };
    const raw = {
      unit: "CD001",
      accountType: "Tên Công đoàn cơ sở",
      accountName: "Công đoàn Ánh Dương",
      accountUrl: "facebook.com/congdoananhduong",
      groupName: "Nhóm CĐCS Ánh Dương",
      groupUrl: "facebook.com/groups/123",
      followed: ["Công đoàn Việt Nam"],
    };
    const r = parseAnswers(SPECS.registration, raw, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem.errors).toEqual([
        {
          key: "groupName",
          message:
            "Tên nhóm ẩn danh: không được đặt theo tên công đoàn (không được có chữ “Công đoàn”, “CĐ”, “CĐCS”, “LĐLĐ”…); đã nhập: “Nhóm CĐCS Ánh Dương”",
        },
      ]);
    expect(parseAnswers(SPECS.registration, { ...raw, groupName: "Góc chia sẻ Ánh Dương" }, ctx).ok).toBe(true);
  });
});
