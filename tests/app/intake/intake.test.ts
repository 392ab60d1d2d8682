// Intake: statuses and rates reproduced from hand-computed answers; deadlines to the second; bad input; a question
// added to the spec, from the form to the report.
import { describe, expect, it } from "vitest";
import { TREND_TAB } from "../../../src/app/report/trends";
import { SPECS } from "../../../src/domain/forms";
import { parseAnswers, schemaOf } from "../../../src/domain/forms/spec";
import { codeOfLabel, rollupTabName, TAB } from "../../../src/domain/layout";
import { KIND_FIGURE, parseTrendRows } from "../../../src/domain/trends";
import { diff } from "../../../standin/meter";
import { colOf, editMonthly, installed, monthlyAnswers, play, registrationAnswers, submitMonthly, unit } from "../../support/helpers";

const kept = (rows: unknown[][]) => parseTrendRows(rows.slice(1));
const oct = (summary: ReturnType<typeof play>["summary"], period = "2018-10") => summary.periods.find((p) => p.period === period);

describe("a month with every kind of unit (hand-computed)", () => {
  // 8 units; CD008 joins in November (exempt in October), CD007 left in September (exempt)
  const units = [
    unit("CD001"),
    unit("CD002"),
    unit("CD003"),
    unit("CD004"),
    unit("CD005"),
    unit("CD006"),
    unit("CD007", { activeTo: "2018-09" }),
    unit("CD008", { activeFrom: "2018-11" }),
    unit("CD009"),
  ];
  const { summary, sim } = play({
    units,
    run: { from: "2018-10-01", to: "2018-11-10" },
    events: [
      submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00"), // on time
      submitMonthly("CD002", "2018-10", "2018-10-24T09:00:00+07:00"), // late 1 (received on the due date)
      submitMonthly("CD003", "2018-10", "2018-11-02T09:00:00+07:00"), // late 10
      // CD004: nothing (missing)
      submitMonthly("CD005", "2018-10", "2018-10-21T09:00:00+07:00", { sharedPosts: -3 }), // invalid
      { ...submitMonthly("CD006", "2018-10", "2018-10-22T09:00:00+07:00", {}, "someone@gmail.example.com"), id: "u6" }, // unverified…
      { type: "confirm", id: "u6", at: "2018-10-26T09:00:00+07:00" }, // …then confirmed: counts at its original time
      {
        type: "manual",
        id: "P9",
        form: "monthly",
        at: "2018-10-23T15:00:00+07:00",
        channel: "paper",
        answers: monthlyAnswers("CD009", "2018-10"),
      },
    ],
  });

  it("lists each unit once, in the right place", () => {
    const f = oct(summary);
    expect(f).toMatchObject({
      due: "2018-10-24",
      expected: 7,
      received: 5,
      onTime: 3,
      late: [
        { unit: "CD002", daysLate: 1 },
        { unit: "CD003", daysLate: 10 },
      ],
      missing: ["CD004"],
      invalid: ["CD005"],
      unverified: [],
      exempt: ["CD007", "CD008"],
    });
    expect(f?.reportingRate).toBeCloseTo(5 / 7, 4);
    expect(f?.onTimeRate).toBeCloseTo(3 / 7, 4);
  });

  it("writes the same into the status tab, colour-coded", () => {
    const st = sim.sheet(TAB.status);
    const row = (code: string) => st.values.find((r) => r[0] === code) as unknown[];
    const col = (st.values[1] as unknown[]).indexOf("10/2018");
    expect(row("CD001")[col]).toBe("Đúng hạn");
    expect(row("CD002")[col]).toBe("Trễ hạn (1 ngày)");
    expect(row("CD003")[col]).toBe("Trễ hạn (10 ngày)");
    expect(row("CD004")[col]).toBe("Chưa nộp");
    expect(row("CD005")[col]).toBe("Không hợp lệ");
    expect(row("CD006")[col]).toBe("Đúng hạn");
    expect(row("CD007")[col]).toBe("Không thuộc diện báo cáo");
    expect(row("CD009")[col]).toBe("Đúng hạn");
  });

  it("keeps one row per response with its received time, status, channel and reasons", () => {
    const rows = sim.sheet(SPECS.monthly.tab).values.slice(1);
    expect(rows).toHaveLength(6);
    const bad = rows.find((r) => codeOfLabel(r[3]) === "CD005") as unknown[];
    expect(bad[5]).toBe("Không hợp lệ");
    // the reason names the question as the chair saw it, and quotes what was typed
    expect(String(bad[9])).toContain(
      `${SPECS.monthly.fields.find((f) => f.key === "sharedPosts")?.title}: không được là số âm; đã nhập: “-3”`,
    );
    const paper = rows.find((r) => codeOfLabel(r[3]) === "CD009") as unknown[];
    expect(paper[7]).toBe("Văn bản giấy");
    const confirmed = rows.find((r) => codeOfLabel(r[3]) === "CD006") as unknown[];
    expect(confirmed[5]).toBe("Hợp lệ (đã xác nhận)");
    expect(String(confirmed[6])).toMatch(/^Đã xác nhận/);
  });
});

describe("the deadline to the second, with the switch both ways", () => {
  const cases: [string, boolean, "onTime" | number][] = [
    ["2018-10-23T23:59:59+07:00", false, "onTime"],
    ["2018-10-24T00:00:00+07:00", false, 1],
    ["2018-10-24T23:59:59+07:00", true, "onTime"],
    ["2018-10-25T00:00:00+07:00", true, 1],
    // the same instant written in UTC: local time decides
    ["2018-10-23T16:59:59Z", false, "onTime"],
    ["2018-10-23T17:00:00Z", false, 1],
  ];
  for (const [at, inclusive, expected] of cases) {
    it(`${at}, inclusive=${inclusive}`, () => {
      const { summary } = play({ settings: { monthlyDueInclusive: inclusive }, events: [submitMonthly("CD001", "2018-10", at)] });
      const f = oct(summary);
      if (expected === "onTime") expect(f?.onTime).toBe(1);
      else expect(f?.late).toEqual([{ unit: "CD001", daysLate: expected }]);
    });
  }

  it("the registration deadline: before 15/10/2018 by default", () => {
    const { summary } = play({
      units: [unit("CD001"), unit("CD002"), unit("CD003")],
      events: [
        {
          type: "submit",
          id: "a",
          form: "registration",
          at: "2018-10-14T23:59:59+07:00",
          email: "cd001@dv.example.vn",
          answers: registrationAnswers("CD001"),
        },
        {
          type: "submit",
          id: "b",
          form: "registration",
          at: "2018-10-15T00:00:00+07:00",
          email: "cd002@dv.example.vn",
          answers: registrationAnswers("CD002"),
        },
      ],
    });
    expect(summary.registration).toMatchObject({
      deadline: "2018-10-15",
      expected: 3,
      onTime: ["CD001"],
      late: [{ unit: "CD002", daysLate: 1 }],
      missing: ["CD003"],
    });
  });
});

describe("December to January", () => {
  it("reports for December and January land in their own periods and years", () => {
    const { summary } = play({
      settings: { firstPeriod: "2018-12" },
      run: { from: "2018-12-01", to: "2019-01-31" },
      events: [
        submitMonthly("CD001", "2018-12", "2018-12-31T23:00:00+07:00"),
        submitMonthly("CD001", "2019-01", "2019-01-23T23:59:59+07:00"),
      ],
    });
    expect(summary.periods.map((p) => p.period)).toEqual(["2018-12", "2019-01"]);
    expect(oct(summary, "2018-12")?.late).toEqual([{ unit: "CD001", daysLate: 8 }]);
    expect(oct(summary, "2019-01")?.onTime).toBe(1);
  });
});

describe("edits and redeliveries", () => {
  it("an on-time unit stays on time after correcting late; latest content wins, history kept", () => {
    const first = submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00");
    const { summary, sim } = play({
      events: [
        first,
        { type: "redeliver", id: first.id, at: "2018-10-20T10:00:05+07:00" },
        editMonthly(first, "2018-10-28T10:00:00+07:00", { concerns: "Đã sửa" }),
      ],
    });
    expect(oct(summary)?.onTime).toBe(1);
    const rows = sim.sheet(SPECS.monthly.tab).values.slice(1);
    expect(rows).toHaveLength(2);
    const c = colOf(sim.sheet(SPECS.monthly.tab), "Tâm tư, nguyện vọng");
    expect(rows.map((r) => r[c])).toEqual(["Mong được tăng lương.", "Đã sửa"]);
  });

  it("an edit that turns an accepted report invalid leaves the accepted content standing, flagged", () => {
    const first = submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00");
    const { summary, sim } = play({
      events: [first, editMonthly(first, "2018-10-21T10:00:00+07:00", { sharedPosts: "nhiều" })],
    });
    expect(oct(summary)?.onTime).toBe(1);
    const rows = sim.sheet(SPECS.monthly.tab).values.slice(1);
    expect(rows.map((r) => r[5])).toEqual(["Hợp lệ", "Không hợp lệ"]);
    const status = sim.sheet(TAB.status).values.find((r) => r[0] === "CD001") as unknown[];
    expect(status).toContain("Đúng hạn – bản sửa sau không hợp lệ");
  });
});

describe("bad input: nothing crashes, every rejection says why in Vietnamese, nothing is lost", () => {
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["empty answers", { situation: "   " }, /Tình hình đoàn viên, CNVCLĐ trong tháng: chưa trả lời/],
    ["unknown unit", { unit: "CD999" }, /không tìm thấy đơn vị “CD999”/],
    ["month 2018-13", { month: "2018-13" }, /không phải là tháng hợp lệ/],
    ["month 18-10", { month: "18-10" }, /không phải là tháng hợp lệ/],
    ["a future month", { month: "2018-12" }, /chưa đến/],
    ["a month before the first period", { month: "2018-08" }, /trước kỳ báo cáo đầu tiên/],
    ["negative count", { newAccounts: "-1" }, /không được là số âm/],
    ["fractional count", { newAccounts: "2,5" }, /số nguyên/],
    ["huge count", { newAccounts: "99999999999" }, /quá lớn/],
    ["text count", { newAccounts: "mười" }, /không phải là số/],
  ];
  for (const [what, extra, msg] of bad) {
    it(what, () => {
      const { sim, summary } = play({ events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", extra)] });
      expect(summary.runs.failed).toEqual([]);
      const rows = sim.sheet(SPECS.monthly.tab).values.slice(1);
      expect(rows).toHaveLength(1);
      expect(rows[0][5]).toBe("Không hợp lệ");
      expect(String(rows[0][9])).toMatch(msg);
      const mail = sim.world.mails.find((m) => m.subject.includes("Cần sửa"));
      expect(mail?.body).toMatch(msg);
    });
  }

  it("codes in another case or without diacritics, NFD text, formulas and HTML are all fine", () => {
    const nfd = "Người lao động lo lắng về việc làm".normalize("NFD");
    const { sim, summary } = play({
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", {
          unit: "cd001 – CĐCS Công ty CD001",
          situation: nfd,
          opinion: '=IMPORTXML("http://x","//a")',
          concerns: "<script>alert(1)</script> +cmd @SUM(A1) -1+1",
          sharedPosts: " 1 234 ",
        }),
      ],
    });
    expect(oct(summary)?.onTime).toBe(1);
    const tab = sim.sheet(SPECS.monthly.tab);
    const row = tab.values[1];
    expect(row[colOf(tab, "Tình hình CNVCLĐ")]).toBe(nfd.normalize("NFC"));
    expect(row[colOf(tab, "Dư luận xã hội")]).toBe('=IMPORTXML("http://x","//a")');
    expect(sim.sheet(SPECS.monthly.tab).formulas.size).toBe(0);
    expect(row[colOf(tab, "Bài đã chia sẻ")]).toBe(1234);
  });

  it("group names carrying the union's name are refused; links to other sites or non-group paths too", () => {
    for (const [extra, msg] of [
      [{ groupName: "Công đoàn Ánh Dương" }, /không được đặt theo tên công đoàn/],
      [{ groupName: "cong doan anh duong" }, /không được đặt theo tên công đoàn/],
      [{ groupName: "CĐ Ánh Dương" }, /không được đặt theo tên công đoàn/],
      [{ groupUrl: "https://www.facebook.com/anhduong" }, /đường dẫn nhóm/],
      [{ accountUrl: "https://zalo.me/anhduong" }, /đường dẫn Facebook/],
    ] as const) {
      const { sim } = play({
        events: [
          {
            type: "submit",
            id: "r",
            form: "registration",
            at: "2018-10-10T10:00:00+07:00",
            email: "cd001@dv.example.vn",
            answers: registrationAnswers("CD001", extra),
          },
        ],
      });
      expect(String(sim.sheet(SPECS.registration.tab).values[1][9])).toMatch(msg);
    }
  });

  it("Facebook links are made canonical", () => {
    const { sim } = play({
      events: [
        {
          type: "submit",
          id: "r",
          form: "registration",
          at: "2018-10-10T10:00:00+07:00",
          email: "cd001@dv.example.vn",
          answers: registrationAnswers("CD001", {
            accountUrl: "m.facebook.com/congdoan.ad/?ref=bookmarks",
            groupUrl: "fb.com/groups/987654/permalink/1",
          }),
        },
      ],
    });
    const tab = sim.sheet(SPECS.registration.tab);
    const row = tab.values[1];
    expect(row[5]).toBe("Hợp lệ");
    expect(row[colOf(tab, "Đường dẫn tài khoản")]).toBe("https://www.facebook.com/congdoan.ad");
    expect(row[colOf(tab, "Đường dẫn nhóm")]).toBe("https://www.facebook.com/groups/987654");
  });

  it("a 60,000-character report is cut in the cell with a visible note; the form keeps it whole", () => {
    const long = "Tâm tư ".repeat(9000);
    const { sim } = play({ events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { concerns: long })] });
    const tab = sim.sheet(SPECS.monthly.tab);
    const row = tab.values[1];
    const c = colOf(tab, "Tâm tư, nguyện vọng");
    expect(String(row[c]).length).toBeLessThan(50000);
    expect(String(row[c])).toContain("đã cắt bớt");
    expect(String(row[9])).toContain("đã cắt bớt");
    expect(row[5]).toBe("Hợp lệ");
  });

  it("identity-like data is flagged for staff", () => {
    const { sim } = play({
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { concerns: "Anh A (0903 123 456, CCCD 079123456789) cần hỗ trợ" }),
      ],
    });
    expect(String(sim.sheet(SPECS.monthly.tab).values[1][9])).toMatch(/số điện thoại, số CMND\/CCCD/);
  });

  it("a duplicate and a blank event change nothing", () => {
    const e = submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00");
    const { sim } = play({
      events: [e, { type: "redeliver", id: e.id, at: "2018-10-20T10:01:00+07:00" }, { type: "blank", at: "2018-10-20T10:02:00+07:00" }],
    });
    expect(sim.sheet(SPECS.monthly.tab).values.slice(1)).toHaveLength(1);
    expect(sim.world.mails.filter((m) => m.subject.includes("Đã nhận"))).toHaveLength(1);
  });

  it("a response whose submit event never arrived is picked up by the next daily run", () => {
    const { summary, sim } = play({ events: [{ ...submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00"), type: "lost" }] });
    expect(oct(summary)?.onTime).toBe(1);
    expect(sim.sheet(SPECS.monthly.tab).values.slice(1)).toHaveLength(1);
  });
});

describe("a question added in one entry of the spec: Lượt tương tác (optional, in the social-media table)", () => {
  const Q = SPECS.monthly.fields.find((f) => f.key === "interactions");
  const { sim, summary } = play({
    settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
    units: [unit("CD001"), unit("CD002"), unit("CD003"), unit("CD004")],
    run: { from: "2018-10-01", to: "2018-10-25" },
    events: [
      // the scenario's answer key is the question's key, typed as a respondent types it
      submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00", { interactions: "1 200" }),
      // optional: a report without it, as every scenario written before it, is accepted
      submitMonthly("CD002", "2018-10", "2018-10-11T10:00:00+07:00"),
      {
        type: "manual",
        id: "P3",
        form: "monthly",
        at: "2018-10-12T10:00:00+07:00",
        channel: "paper",
        answers: monthlyAnswers("CD003", "2018-10", { interactions: 35 }),
      },
      submitMonthly("CD004", "2018-10", "2018-10-13T10:00:00+07:00", { interactions: "nhiều" }),
    ],
  });

  it("is an item of the monthly form, at its end, not required, with its help", () => {
    const form = [...sim.world.forms.values()].find((f) => f.title === SPECS.monthly.title);
    const last = form?.items.at(-1);
    expect([last?.title, last?.required, last?.kind]).toEqual([Q?.title, false, "TEXT"]);
    expect(last?.helpText).toMatch(/^Cộng số lượt thích, bình luận, chia sẻ/);
    expect(sim.formRef("monthly").items.interactions).toBe(last?.id);
  });

  it("is a column of the tab, at its end, holding what each unit answered", () => {
    const tab = sim.sheet(SPECS.monthly.tab);
    expect(tab.values[0].at(-1)).toBe("Lượt tương tác");
    const c = colOf(tab, "Lượt tương tác");
    const of = (code: string) => tab.values.slice(1).find((r) => codeOfLabel(r[3]) === code)?.[c];
    expect([of("CD001"), of("CD002"), of("CD003")]).toEqual([1200, "", 35]);
  });

  it("is in the zod schema: a count, optional, refused with its title when it is not a number", () => {
    const ctx = {
      units: new Map([["CD001", { code: "CD001", name: "A", chair: "", emails: [], phone: "", group: "", activeFrom: "", activeTo: "" }]]),
      firstPeriod: "2018-10",
      receivedMonth: "2018-10",
    };
    const raw = monthlyAnswers("CD001", "2018-10");
    expect(schemaOf(SPECS.monthly, ctx).safeParse({ ...raw, interactions: "1 200" }).data?.interactions).toBe(1200);
    const without = parseAnswers(SPECS.monthly, raw, ctx);
    expect(without.ok && without.value.interactions).toBeUndefined();
    expect(oct(summary)?.invalid).toEqual(["CD004"]);
    const refused = sim.sheet(SPECS.monthly.tab).values.find((r) => codeOfLabel(r[3]) === "CD004");
    expect(String(refused?.[9])).toContain(`${Q?.title}: “nhiều” không phải là số`);
  });

  it("is a row of the report's social-media table, summed over the units counted, and a line of the trend", () => {
    const rows = sim.sheet(rollupTabName("2018-10")).values;
    const from = rows.findIndex((r) => r[0] === "4. HOẠT ĐỘNG TRÊN MẠNG XÃ HỘI TRONG THÁNG");
    const to = rows.findIndex((r, i) => i > from && String(r[0]).startsWith("II."));
    expect(from).toBeGreaterThan(0);
    // under the table's header, after the four counts placed before it, its value in this month's column
    const table = rows.slice(from + 1, to).map((r) => r.slice(0, 2));
    expect(table.slice(0, 1)).toEqual([["Nội dung", "Tháng 10/2018"]]);
    expect(table[5]).toEqual(["Lượt tương tác", 1235]);
    expect(kept(sim.sheet(TREND_TAB).values)).toContainEqual(["2018-10", KIND_FIGURE, "Lượt tương tác", "Khối doanh nghiệp", 1235]);
  });

  it("is quoted in the receipt", () => {
    const receipt = sim.world.mails.find((m) => m.subject.includes("Đã nhận") && m.to.includes("cd001@dv.example.vn"));
    expect(receipt?.body).toContain(`${Q?.title}: 1200`);
  });
});

describe("performance, counted", () => {
  function unitsN(n: number) {
    return Array.from({ length: n }, (_, i) => unit(`CD${String(i + 1).padStart(5, "0")}`));
  }

  // at city scale in the slow run; the fast run holds the same at a tenth of it
  for (const [n, tags] of [
    [10000, ["slow"]],
    [1000, []],
  ] as const) {
    const units = n.toLocaleString("en");
    const reports = (n * 24).toLocaleString("en");
    it(`submit: at most 8 Sheets calls, the same with 10 or ${units} units and with 0 or ${reports} stored reports`, {
      tags: [...tags],
    }, () => {
      const ev = submitMonthly("CD00001", "2018-10", "2018-10-20T10:00:00+07:00");
      const withEvent = (n: number, stored: number) => {
        const sim = installed({ units: unitsN(n), events: [ev] });
        if (stored) {
          const tab = sim.sheet(SPECS.monthly.tab);
          for (let i = 0; i < stored; i++)
            tab.values.push([`old-${i}@0`, `old-${i}`, new Date(0), "CD00002", "09/2018", "Hợp lệ"] as never);
          tab.maxRows = stored + 1000;
        }
        sim.world.now = Date.parse(ev.at);
        const before = sim.world.meter.snapshot();
        sim.apply(sim.scenario.events[0]);
        expect(codeOfLabel(sim.sheet(SPECS.monthly.tab).values.at(-1)?.[3])).toBe("CD00001");
        return diff(sim.world.meter.snapshot(), before).byService.SpreadsheetApp;
      };
      const a = withEvent(10, 0);
      const b = withEvent(n, n * 24);
      expect(a).toBeLessThanOrEqual(8);
      expect(b).toBe(a);
    });

    // the rebuild opens the bound Sheet (checking it is not a copy), reads the settings, the roster, both report tabs and
    // the status tab, and writes the status tab once
    it(`status refresh for ${units} units × 24 months: at most 15 Sheets calls`, { tags: [...tags] }, () => {
      const sim = installed({ units: unitsN(n), settings: { firstPeriod: "2017-01" }, run: { from: "2018-12-01", to: "2018-12-31" } });
      sim.world.now = Date.parse("2018-12-20T03:00:00Z");
      const before = sim.world.meter.snapshot();
      const r = sim.run("refreshStatus", "refresh", { ui: true });
      expect(r.ok, r.error).toBe(true);
      const d = diff(sim.world.meter.snapshot(), before);
      expect(d.byService.SpreadsheetApp - (d.byMethod["SpreadsheetApp.getUi"] ?? 0) - (d.byMethod["Ui.alert"] ?? 0)).toBeLessThanOrEqual(
        15,
      );
      expect(sim.sheet(TAB.status).values.length).toBeGreaterThanOrEqual(n);
    });
  }
});
