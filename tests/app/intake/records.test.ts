// Records that keep their meaning: what chairs and staff do over a season never rewrites what was recorded. Each case
// is one finding of the records issue, played through the built bundle as a scenario.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { manualHeader, TAB, UNITS_NOTES_COL } from "../../../src/domain/layout";
import { colOf, editMonthly, installed, monthlyAnswers, play, scenario, submitMonthly, unit } from "../../support/helpers";

const period = (s: ReturnType<typeof play>["summary"], p: string) => s.periods.find((x) => x.period === p);
const BASE = { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 };

describe("an edit never moves a report that was on time", () => {
  it("a chair reuses October's edit link in November and changes the month: October stays on time, November is new", () => {
    const oct = submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00");
    const { summary } = play({
      settings: BASE,
      run: { from: "2018-10-01", to: "2018-11-30" },
      events: [oct, editMonthly(oct, "2018-11-10T10:00:00+07:00", { month: "2018-11" })],
    });
    expect(period(summary, "2018-10")?.onTime).toBe(1);
    expect(period(summary, "2018-11")?.onTime).toBe(1);
    expect(summary.mails.filter((m) => m.kind === "overdue" && m.period !== "registration")).toEqual([]);
  });

  it("a chair of two units changes the unit: the first unit keeps its report, the second gets one at the edit's time", () => {
    const first = submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00");
    const { summary } = play({
      settings: BASE,
      units: [unit("CD001"), unit("CD002", { emails: ["cd001@dv.example.vn"] })],
      events: [first, editMonthly(first, "2018-10-26T10:00:00+07:00", { unit: "CD002" })],
    });
    expect(period(summary, "2018-10")).toMatchObject({ onTime: 1, late: [{ unit: "CD002", daysLate: 3 }], missing: [] });
  });

  it("a confirmed unknown sender who moves the response to another unit needs a new confirmation there", () => {
    const first = { ...submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00", {}, "someone@gmail.example.com"), id: "u1" };
    const { summary } = play({
      settings: BASE,
      units: [unit("CD001"), unit("CD002")],
      events: [
        first,
        { type: "confirm", id: "u1", at: "2018-10-19T09:00:00+07:00" },
        editMonthly(first, "2018-10-20T10:00:00+07:00", { unit: "CD002" }),
      ],
    });
    expect(period(summary, "2018-10")).toMatchObject({ onTime: 1, onTimeRate: 0.5, unverified: ["CD002"] });
  });
});

describe("staff corrections and deletions", () => {
  it("a paper row corrected in place and run again is stored as a new version; the history stays", () => {
    const sim = installed({ settings: BASE, events: [] });
    const tab = sim.sheet(TAB.manualMonthly);
    const header = manualHeader(SPECS.monthly);
    const answers = monthlyAnswers("CD001", "2018-10", { sharedPosts: "mười" });
    const row = ["P1", "20/10/2018 09:00", "Văn bản giấy", ...SPECS.monthly.fields.map((f) => String(answers[f.key] ?? "")), ""];
    sim.world.now = Date.parse("2018-10-20T10:00:00+07:00");
    sim.world.meter.quiet(() => row.forEach((v, j) => tab.put(2, j + 1, v)));
    sim.run("recordManualReports", "ghi nhận", { ui: true });
    expect(String(tab.cell(2, header.length))).toMatch(/^Không hợp lệ/);
    // as the guide says: correct the cell, clear the result, run the menu again
    sim.world.meter.quiet(() => {
      tab.put(2, 3 + SPECS.monthly.fields.findIndex((f) => f.key === "sharedPosts") + 1, "10");
      tab.put(2, header.length, "");
    });
    sim.run("recordManualReports", "ghi nhận lại", { ui: true });
    expect(String(tab.cell(2, header.length))).toMatch(/^Đã ghi nhận bản sửa/);
    const rows = sim.sheet(SPECS.monthly.tab).values.slice(1);
    expect(rows.map((r) => r[5])).toEqual(["Không hợp lệ", "Hợp lệ"]);
    const status = sim.sheet(TAB.status);
    const col = (status.values[1] as unknown[]).indexOf("10/2018");
    expect(status.values.find((r) => r[0] === "CD001")?.[col]).toBe("Đúng hạn");
  });

  it("the monthly tab deleted, then setup: every response the form holds comes back, and nobody is told they owe", () => {
    const events = [
      submitMonthly("CD001", "2018-10", "2018-10-05T10:00:00+07:00"),
      submitMonthly("CD002", "2018-10", "2018-10-06T10:00:00+07:00"),
    ];
    const sim = installed({
      settings: BASE,
      units: [unit("CD001"), unit("CD002"), unit("CD003")],
      run: { from: "2018-10-01", to: "2018-10-31" },
      events,
    });
    sim.play();
    const before = sim.world.mails.length;
    sim.ss.sheets = sim.ss.sheets.filter((s) => s.name !== SPECS.monthly.tab);
    sim.world.now = Date.parse("2018-11-02T09:00:00+07:00");
    sim.world.clockTo = Date.parse("2018-11-03T23:00:00+07:00");
    sim.run("setup", "thiết lập lại", { ui: true });
    sim.world.advanceTo(Date.parse("2018-11-03T12:00:00+07:00"));
    const ids = sim
      .sheet(SPECS.monthly.tab)
      .values.slice(1)
      .map((r) => r[1]);
    expect(ids.sort()).toEqual(events.map((e) => e.id).sort());
    const after = sim.world.mails.slice(before);
    expect(after.filter((m) => m.to.includes("cd001@dv.example.vn") || m.to.includes("cd002@dv.example.vn"))).toEqual([]);
  });

  it("the mail log deleted: setup writes it again from the ledger, and nothing is sent twice", () => {
    const sim = installed({ settings: BASE, units: [unit("CD001"), unit("CD002")], run: { from: "2018-10-18", to: "2018-10-20" } });
    sim.play();
    const sent = sim.world.mails.length;
    const logged = sim.sheet(TAB.mailLog).values.length;
    expect(sent).toBeGreaterThan(0);
    sim.ss.sheets = sim.ss.sheets.filter((s) => s.name !== TAB.mailLog);
    sim.world.now = Date.parse("2018-10-20T12:00:00+07:00");
    sim.run("setup", "thiết lập lại", { ui: true });
    expect(sim.sheet(TAB.mailLog).values.length).toBe(logged);
    // the same day's reminders, again: none goes out twice
    sim.world.now = Date.parse("2018-10-20T13:00:00+07:00");
    sim.daily();
    expect(sim.world.mails.length).toBe(sent);
  });

  it("a roster row deleted: periods already due keep their figures; the unit leaves the months to come", () => {
    const { summary } = play({
      settings: { ...BASE, firstPeriod: "2018-09" },
      units: [unit("CD001"), unit("CD002")],
      run: { from: "2018-09-01", to: "2018-10-31" },
      events: [
        submitMonthly("CD001", "2018-09", "2018-09-20T10:00:00+07:00"),
        { type: "removeUnit", at: "2018-10-02T09:00:00+07:00", code: "CD002" },
        submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00"),
      ],
    });
    expect(period(summary, "2018-09")).toMatchObject({ expected: 2, received: 1, reportingRate: 0.5, missing: ["CD002"] });
    expect(period(summary, "2018-10")).toMatchObject({ expected: 1, received: 1 });
  });
});

describe("settings changes keep closed periods as they were", () => {
  it("the due day moved from 24 to 20 on 1 November: an October report of 22/10 stays on time", () => {
    const { summary } = play({
      settings: BASE,
      units: [unit("CD001")],
      run: { from: "2018-10-01", to: "2018-11-30" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-22T10:00:00+07:00"),
        { type: "settings", at: "2018-11-01T09:00:00+07:00", settings: { monthlyDueDay: 20 } },
        submitMonthly("CD001", "2018-11", "2018-11-21T10:00:00+07:00"),
      ],
    });
    expect(period(summary, "2018-10")).toMatchObject({ due: "2018-10-24", onTime: 1 });
    expect(period(summary, "2018-11")).toMatchObject({ due: "2018-11-20", late: [{ unit: "CD001", daysLate: 2 }] });
  });

  it("with the deadline inclusive, the rollup waits for the day after it, and a report of that day counts on time", () => {
    const { summary } = play({
      settings: { ...BASE, monthlyDueInclusive: true },
      units: [unit("CD001")],
      run: { from: "2018-10-20", to: "2018-10-26" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-24T15:00:00+07:00")],
    });
    const rollup = summary.mails.find((m) => m.kind === "rollup");
    expect(rollup?.at.slice(0, 10)).toBe("2018-10-25");
    expect(period(summary, "2018-10")?.onTime).toBe(1);
  });

  it("a registration deadline passed before setup: units still owe registration, by setup + the grace days (Revision 3)", () => {
    const { summary } = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-08-15", registrationGraceDays: 10 },
      units: [unit("CD001", { activeFrom: null }), unit("CD002", { activeFrom: null })],
      run: { from: "2018-10-01", to: "2018-10-12" },
    });
    // set up on 30 September: owed before 10 October; invited first, told it is late after
    expect(summary.registration).toMatchObject({ expected: 2, missing: ["CD001", "CD002"] });
    const cd001 = summary.mails.filter((m) => m.unit === "CD001" && m.period === "registration");
    expect(cd001.map((m) => `${m.at.slice(0, 10)} ${m.kind}`)).toEqual([
      "2018-10-01 invite",
      "2018-10-05 reminder",
      "2018-10-09 reminder",
      "2018-10-11 overdue",
    ]);
    expect(cd001[0].subject).toContain("(hạn trước ngày 10/10/2018)");
  });
});

describe("what is sent, and to whom", () => {
  it("receipts off: the request to fix still goes; the unit is not told nothing arrived", () => {
    const { summary } = play({
      settings: { ...BASE, receipts: false },
      run: { from: "2018-10-01", to: "2018-10-21" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { sharedPosts: "1,000" })],
    });
    const kinds = summary.mails.map((m) => m.kind);
    expect(kinds).toContain("invalid");
    expect(kinds).not.toContain("receipt");
  });

  it("“1,000” is refused, quoted in the request to fix; a month that cannot be read gets a request about the monthly report", () => {
    const { sim } = play({
      settings: BASE,
      run: { from: "2018-10-01", to: "2018-10-21" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { sharedPosts: "1,000" }),
        submitMonthly("CD001", "2018-10", "2018-10-20T11:00:00+07:00", { month: "2018-13" }),
      ],
    });
    const fixes = sim.world.mails.filter((m) => m.subject.includes("Cần sửa"));
    expect(fixes).toHaveLength(2);
    expect(fixes[0].body).toContain("“1,000”");
    expect(fixes[1].subject).toMatch(/báo cáo tháng/);
    expect(fixes[1].subject).not.toMatch(/đăng ký/);
  });

  it("a receipt the quota held back past the catch-up days is said in the run log, not dropped silently", () => {
    const { sim } = play({
      settings: { ...BASE, mailQuota: 0, catchUpDays: 2 },
      run: { from: "2018-10-10", to: "2018-10-15" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00")],
    });
    const log = sim.sheet(TAB.runLog).values.flat().join("\n");
    // said once a run, naming the unit by code and name and the day the mail became due as officials write it
    const said = log.match(/Xác nhận đã nhận 10\/2018 cho CD001 – CĐCS Công ty CD001 quá thời gian gửi bù \(từ \d{2}\/10\/2018\)/g) ?? [];
    expect(said.length).toBeGreaterThan(0);
    expect(log).not.toMatch(/quá thời gian gửi bù \(từ 2018-/);
    // one line a run: as many lines as daily runs that found it expired, never two in a run
    const runs = sim.sheet(TAB.runLog).values.filter((r) => String(r[3]).includes("quá thời gian gửi bù"));
    for (const r of runs) expect(String(r[3]).match(/quá thời gian gửi bù/g)).toHaveLength(1);
  });

  it("a response waiting for confirmation does not silence the reminders", () => {
    const { summary } = play({
      settings: BASE,
      run: { from: "2018-10-18", to: "2018-10-19" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00", {}, "someone@gmail.example.com")],
    });
    expect(summary.mails.filter((m) => m.kind === "reminder").map((m) => m.unit)).toEqual(["CD001"]);
  });

  it("a period with nobody expected gets no rollup", () => {
    const { summary } = play({
      settings: BASE,
      units: [unit("CD001", { activeFrom: "2018-11" })],
      run: { from: "2018-10-20", to: "2018-10-26" },
    });
    expect(summary.mails.filter((m) => m.kind === "rollup" && m.period === "2018-10")).toEqual([]);
  });

  it("a unit dissolved in October stays in the forms' dropdown on 1 November while it owes October", () => {
    const sim = installed({
      settings: BASE,
      units: [unit("CD001"), unit("CD002", { activeTo: "2018-10" })],
      run: { from: "2018-10-30", to: "2018-11-02" },
    });
    sim.play();
    const monthly = [...sim.world.forms.values()].find((f) => f.title === SPECS.monthly.title);
    expect(monthly?.items[0].choices.some((c) => c.startsWith("CD002"))).toBe(true);
  });
});

describe("the roster as staff type it", () => {
  it("a name starting with = stays text in the status tab, a code 001 keeps its zeros, a month range that cannot work is noted", () => {
    const sim = installed({
      settings: BASE,
      units: [unit("001", { name: '=HYPERLINK("http://x")' }), unit("CD002", { activeFrom: "2018-12", activeTo: "2018-10" })],
      run: { from: "2018-10-01", to: "2018-10-02" },
    });
    sim.play();
    const status = sim.sheet(TAB.status);
    expect(status.formulas.size).toBe(0);
    expect(status.values.find((r) => r[0] === "001")?.[1]).toBe('=HYPERLINK("http://x")');
    const roster = sim.sheet(TAB.units);
    const note = roster.values.find((r) => r[0] === "CD002")?.[UNITS_NOTES_COL - 1];
    expect(String(note)).toMatch(/“Từ tháng” 12\/2018 sau “Đến tháng” 10\/2018/);
    expect(colOf(roster, "Ghi chú của hệ thống")).toBe(UNITS_NOTES_COL - 1);
  });
});

describe("the simulator refuses what a run would never play", () => {
  it("an event after run.to, and a second submit of one id, stop with their JSON path", () => {
    const late = { ...submitMonthly("CD001", "2018-10", "2018-11-01T00:00:00+07:00") };
    expect(() => scenario({ run: { from: "2018-10-01", to: "2018-10-31" }, events: [late] })).toThrow(
      /^\$\.events\[0\]\.at: is after run\.to/,
    );
    const a = submitMonthly("CD001", "2018-10", "2018-10-05T10:00:00+07:00");
    expect(() => scenario({ events: [a, { ...a, at: "2018-10-06T10:00:00+07:00" }] })).toThrow(
      /^\$\.events\[1\]\.id: "[^"]+" was already submitted/,
    );
  });
});
