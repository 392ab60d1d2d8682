// The pure rules of statuses and of the mail plan, as tables: each row a case a chair or the desk would recognise.
import { describe, expect, it } from "vitest";
import { instantOf } from "../../src/domain/dates";
import { REGISTRATION } from "../../src/domain/periods";
import { currentRules, freezeDue, registrationDue, rulesOf } from "../../src/domain/rules";
import { plan } from "../../src/domain/schedule";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import {
  computeStatuses,
  evaluate,
  mergeStatus,
  reportsOf,
  statusOfText,
  statusText,
  type UnitStatus,
  type Version,
} from "../../src/domain/status";
import type { Unit } from "../../src/domain/units";

const TZ = "Asia/Ho_Chi_Minh";
const S: Settings = { ...DEFAULT_SETTINGS, firstPeriod: "2018-10", registrationDeadline: "2018-10-15" };
const at = (ymd: string, hh = 10) => instantOf(ymd, TZ, hh);

const unit = (code: string, extra: Partial<Unit> = {}): Unit => ({
  code,
  name: `CĐCS ${code}`,
  chair: "",
  emails: [`${code.toLowerCase()}@dv.example.vn`],
  phone: "",
  group: "Khối doanh nghiệp",
  activeFrom: "",
  activeTo: "",
  ...extra,
});

let row = 1;
const v = (unitCode: string, period: string, when: number, extra: Partial<Version> = {}): Version => ({
  key: `r${row}@${when}`,
  responseId: `r${row}`,
  at: when,
  unit: unitCode,
  period,
  verdict: "accepted",
  confirmed: false,
  channel: "form",
  email: `${unitCode.toLowerCase()}@dv.example.vn`,
  row: ++row,
  ...extra,
});

describe("statuses, a table of cases (October 2018, due before the 24th)", () => {
  const cases: [string, Version[], string][] = [
    ["nothing arrived", [], "Chưa nộp"],
    ["on the 23rd at 23:59", [v("A", "2018-10", instantOf("2018-10-23", TZ, 23, 59, 59))], "Đúng hạn"],
    ["on the 24th at 00:00", [v("A", "2018-10", instantOf("2018-10-24", TZ))], "Trễ hạn (1 ngày)"],
    ["on 2 November", [v("A", "2018-10", at("2018-11-02"))], "Trễ hạn (10 ngày)"],
    ["invalid only", [v("A", "2018-10", at("2018-10-20"), { verdict: "invalid" })], "Không hợp lệ"],
    ["from an unknown address", [v("A", "2018-10", at("2018-10-20"), { verdict: "unverified" })], "Chờ xác nhận"],
    ["from an unknown address, confirmed", [v("A", "2018-10", at("2018-10-20"), { verdict: "unverified", confirmed: true })], "Đúng hạn"],
    [
      "invalid, then a valid report late",
      [v("A", "2018-10", at("2018-10-20"), { verdict: "invalid" }), v("A", "2018-10", at("2018-10-26"))],
      "Trễ hạn (3 ngày)",
    ],
    [
      "on time, then a late second report: the first counts",
      [v("A", "2018-10", at("2018-10-20")), v("A", "2018-10", at("2018-10-30"))],
      "Đúng hạn",
    ],
    ["a report for September does not count for October", [v("A", "2018-09", at("2018-10-20"))], "Chưa nộp"],
    ["on paper, on time", [v("A", "2018-10", at("2018-10-22"), { channel: "paper", email: "" })], "Đúng hạn"],
  ];
  for (const [what, versions, want] of cases) {
    it(what, () => {
      const st = computeStatuses({
        units: [unit("A")],
        versions: { registration: [], monthly: versions },
        periods: ["2018-10"],
        s: S,
        asOf: at("2018-12-01"),
      });
      expect(statusText(st.byPeriod.get("2018-10")?.get("A") as UnitStatus)).toBe(want);
    });
  }

  it("an edit of the same response: latest content, first time; an invalid edit flagged, the accepted report standing", () => {
    const first = v("A", "2018-10", at("2018-10-20"));
    const edit = {
      ...first,
      key: `${first.responseId}@${at("2018-10-28")}`,
      at: at("2018-10-28"),
      row: first.row + 5,
      verdict: "invalid" as const,
    };
    const st = computeStatuses({
      units: [unit("A")],
      versions: { registration: [], monthly: [first, edit] },
      periods: ["2018-10"],
      s: S,
      asOf: at("2018-12-01"),
    });
    expect(statusText(st.byPeriod.get("2018-10")?.get("A") as UnitStatus)).toBe("Đúng hạn – bản sửa sau không hợp lệ");
  });

  it("an edit that moves the response to another unit: a new report there, at the edit's time; the first stands", () => {
    const first = v("A", "2018-10", at("2018-10-20"));
    const moved = { ...first, key: `${first.responseId}@${at("2018-10-28")}`, at: at("2018-10-28"), row: first.row + 5, unit: "B" };
    const st = computeStatuses({
      units: [unit("A"), unit("B")],
      versions: { registration: [], monthly: [first, moved] },
      periods: ["2018-10"],
      s: S,
      asOf: at("2018-12-01"),
    });
    expect(statusText(st.byPeriod.get("2018-10")?.get("A") as UnitStatus)).toBe("Đúng hạn – bản sửa sau chuyển sang đơn vị hoặc kỳ khác");
    expect(statusText(st.byPeriod.get("2018-10")?.get("B") as UnitStatus)).toBe("Trễ hạn (5 ngày)");
  });

  it("a unit not active in the period is exempt; a unit joining later owes registration by its own deadline", () => {
    const units = [unit("A"), unit("B", { activeTo: "2018-09" }), unit("C", { activeFrom: "2018-11" })];
    const st = computeStatuses({ units, versions: { registration: [], monthly: [] }, periods: ["2018-10"], s: S, asOf: at("2018-10-30") });
    const oct = st.figures.find((f) => f.period === "2018-10");
    expect([oct?.missing, oct?.exempt]).toEqual([["A"], ["B", "C"]]);
    const reg = st.byPeriod.get(REGISTRATION);
    expect(reg?.get("A")?.kind).toBe("missing");
    // C: 1 November + 30 days, never before 15 October: not yet due on 30 October
    expect(statusText(reg?.get("C") as UnitStatus)).toBe("Chưa đến hạn");
    expect(registrationDue(units[2], currentRules(S))).toEqual({ due: "2018-12-01", lastOnTime: "2018-11-30" });
  });
});

describe("stored statuses and late reports", () => {
  const table: [string, string, UnitStatus, string][] = [
    ["missing, then a late report", "Chưa nộp", { kind: "late", daysLate: 4 }, "Trễ hạn (4 ngày)"],
    ["late 4, then a later report: the first counts", "Trễ hạn (4 ngày)", { kind: "late", daysLate: 9 }, "Trễ hạn (4 ngày)"],
    ["waiting, then confirmed on time", "Chờ xác nhận", { kind: "onTime", daysLate: 0 }, "Đúng hạn"],
    ["on time, then an invalid report", "Đúng hạn", { kind: "invalid", daysLate: 0 }, "Đúng hạn"],
    ["invalid, then waiting", "Không hợp lệ", { kind: "unverified", daysLate: 0 }, "Chờ xác nhận"],
  ];
  for (const [what, stored, fresh, want] of table) {
    it(what, () => expect(statusText(mergeStatus(statusOfText(stored), fresh))).toBe(want));
  }

  it("every status text reads back as itself", () => {
    for (const t of [
      "Đúng hạn",
      "Trễ hạn (12 ngày)",
      "Chưa nộp",
      "Không hợp lệ",
      "Chờ xác nhận",
      "Không thuộc diện báo cáo",
      "Chưa đến hạn",
    ])
      expect(statusText(statusOfText(t) as UnitStatus)).toBe(t);
  });

  it("a period already due keeps who was expected: a unit deleted from the roster still counts, one added later does not", () => {
    const stored = new Map([
      [
        "2018-10",
        new Map([
          ["A", statusOfText("Chưa nộp") as UnitStatus],
          ["GONE", statusOfText("Chưa nộp") as UnitStatus],
        ]),
      ],
    ]);
    const frame = { rules: currentRules(S), units: [unit("A"), unit("NEW")], stored, complete: () => true };
    const st = evaluate([], ["2018-10"], frame, S, at("2018-11-05"));
    const f = st.figures[0];
    expect(f.expected).toBe(2);
    expect(f.missing.sort()).toEqual(["A", "GONE"]);
    expect(f.exempt).toEqual(["NEW"]);
  });

  it("units added after a deadline (Revision 3): registration from the day each came plus the grace days, months due before it exempt", () => {
    const roster = { since: "2018-09-30", arrivals: { LATE: "2018-11-10", EARLY: "2018-10-05", DUE: "2018-10-24" } };
    const rules = rulesOf(S, { periods: {}, roster });
    const due = (u: Unit) => registrationDue(u, rules)?.due;
    // on the roster from setup, before the directive's deadline: the directive's deadline
    expect(due(unit("A"))).toBe("2018-10-15");
    // added later, even before the deadline: 30 days from the day it came, never earlier than the deadline
    expect(due(unit("EARLY"))).toBe("2018-11-04");
    expect(due(unit("LATE"))).toBe("2018-12-10");
    // a unit that joins in a later month keeps the later of the two
    expect(due(unit("EARLY", { activeFrom: "2018-12" }))).toBe("2018-12-31");
    const st = evaluate(
      [],
      ["2018-10", "2018-11"],
      { rules, units: ["A", "LATE", "DUE"].map((c) => unit(c)), stored: new Map(), complete: () => true },
      S,
      at("2018-12-01"),
    );
    const oct = st.figures.find((f) => f.period === "2018-10");
    const nov = st.figures.find((f) => f.period === "2018-11");
    // due on 24 October: not before the day DUE came, so owed; before the day LATE came, so exempt
    expect([oct?.missing, oct?.exempt]).toEqual([["A", "DUE"], ["LATE"]]);
    expect([nov?.missing, nov?.exempt]).toEqual([["A", "LATE", "DUE"], []]);
  });

  it("a roster first read after the directive's deadline: its units count as added at setup", () => {
    const rules = rulesOf(S, { periods: {}, roster: { since: "2018-11-30", arrivals: {} } });
    expect(registrationDue(unit("A"), rules)).toEqual({ due: "2018-12-30", lastOnTime: "2018-12-29" });
    const st = computeStatuses({
      units: [unit("A")],
      versions: { registration: [], monthly: [] },
      periods: ["2018-11", "2018-12"],
      s: S,
      asOf: at("2018-12-01"),
      rules,
    });
    expect(st.figures.map((f) => [f.period, f.expected])).toEqual([
      [REGISTRATION, 0],
      ["2018-11", 0],
      ["2018-12", 1],
    ]);
    // a settings change freezes periods, and keeps the roster's record
    expect(freezeDue({ periods: {}, roster: { since: "2018-11-30", arrivals: {} } }, S, ["2018-11"], 0, at("2018-12-01")).roster).toEqual({
      since: "2018-11-30",
      arrivals: {},
    });
  });

  it("rules freeze when a period becomes due: a later change of the due day leaves it as it was", () => {
    const frozen = freezeDue(undefined, S, ["2018-10"], at("2018-10-01"), at("2018-11-01"));
    const rules = rulesOf({ ...S, monthlyDueDay: 20 }, frozen);
    expect(rules.deadline("2018-10")).toEqual({ due: "2018-10-24", lastOnTime: "2018-10-23" });
    expect(rules.deadline("2018-11")).toEqual({ due: "2018-11-20", lastOnTime: "2018-11-19" });
  });

  it("the same report stored twice counts once", () => {
    const a = v("A", "2018-10", at("2018-10-20"));
    expect([...reportsOf([a, { ...a, row: a.row + 1 }]).values()].flat()).toHaveLength(1);
  });
});

describe("the mail plan, a table of days (October 2018: reminders 19 and 23, overdue 25 and 31, rollup 24)", () => {
  const units = [unit("A"), unit("B")];
  // receipts of the versions given count as sent, unless the case is about them
  const planOn = (day: string, versions: Version[] = [], sent = new Set<string>(), s: Settings = S, receipts = false) => {
    const asOf = at(day, 8);
    if (!receipts) for (const x of versions) sent.add(`receipt|${x.key}`);
    const st = computeStatuses({ units, versions: { registration: [], monthly: versions }, periods: ["2018-10"], s, asOf });
    const live = { byPeriod: st.byPeriod, figures: st.figures.filter((f) => f.period === "2018-10") };
    return plan({ asOf, s, rules: currentRules(s), statuses: live, units, versions, sent }).due.map((d) =>
      `${d.kind} ${d.unit ?? ""}`.trim(),
    );
  };
  const cases: [string, string, Version[], string[]][] = [
    ["a quiet day", "2018-10-18", [], []],
    ["due − 5: both owe", "2018-10-19", [], ["reminder A", "reminder B"]],
    ["due − 5, A on time: only B", "2018-10-19", [v("A", "2018-10", at("2018-10-17"))], ["reminder B"]],
    [
      "due − 1, B waiting for confirmation: still reminded",
      "2018-10-23",
      [v("B", "2018-10", at("2018-10-20"), { verdict: "unverified" })],
      ["reminder A", "reminder B"],
    ],
    ["the due date: the rollup", "2018-10-24", [v("A", "2018-10", at("2018-10-17")), v("B", "2018-10", at("2018-10-18"))], ["rollup"]],
    [
      "due + 1: overdue, the rollup still in its catch-up days",
      "2018-10-25",
      [v("A", "2018-10", at("2018-10-17"))],
      ["rollup", "overdue B"],
    ],
    [
      "due + 1, B waiting for confirmation since before the due date: asked again, never told it is overdue",
      "2018-10-25",
      [v("A", "2018-10", at("2018-10-17")), v("B", "2018-10", at("2018-10-20"), { verdict: "unverified" })],
      ["rollup", "reminder B"],
    ],
    [
      "due + 7, B still waiting: a reminder, not an overdue notice",
      "2018-10-31",
      [v("B", "2018-10", at("2018-10-20"), { verdict: "unverified" })],
      ["rollup", "overdue A", "reminder B"],
    ],
  ];
  for (const [what, day, versions, want] of cases) {
    it(what, () => expect(planOn(day, versions)).toEqual(want));
  }

  it("a receipt owed from yesterday (the quota ran out) goes first; the reminder of the 19th is still in its catch-up days", () => {
    expect(planOn("2018-10-21", [v("A", "2018-10", at("2018-10-20"))], new Set(), S, true)).toEqual(["receipt A", "reminder B"]);
  });

  it("an invalid response: the request to fix first, and the unit is still reminded", () => {
    const bad = [v("A", "2018-10", at("2018-10-20"), { verdict: "invalid" })];
    expect(planOn("2018-10-21", bad, new Set(), S, true)).toEqual(["invalid A", "reminder A", "reminder B"]);
  });

  it("what was sent is not due again; the catch-up window keeps a held-back reminder due for 7 days, then logs it", () => {
    expect(planOn("2018-10-20", [], new Set(["reminder|2018-10|A|2018-10-19"]))).toEqual(["reminder B"]);
    expect(planOn("2018-10-22", [])).toEqual(["reminder A", "reminder B"]);
  });

  it("with the deadline inclusive, the rollup waits for the day after it", () => {
    const s = { ...S, monthlyDueInclusive: true };
    expect(planOn("2018-10-24", [v("A", "2018-10", at("2018-10-17")), v("B", "2018-10", at("2018-10-18"))], new Set(), s)).toEqual([]);
    expect(planOn("2018-10-25", [v("A", "2018-10", at("2018-10-17")), v("B", "2018-10", at("2018-10-18"))], new Set(), s)).toEqual([
      "rollup",
    ]);
  });

  it("overdue notices say the days past the due date as the settings count them (due + 1 → 1, due + 7 → 7)", () => {
    const days = (day: string) => {
      const asOf = at(day, 8);
      const st = computeStatuses({ units, versions: { registration: [], monthly: [] }, periods: ["2018-10"], s: S, asOf });
      const live = { byPeriod: st.byPeriod, figures: st.figures.filter((f) => f.period === "2018-10") };
      return plan({ asOf, s: S, rules: currentRules(S), statuses: live, units, versions: [], sent: new Set() })
        .due.filter((d) => d.kind === "overdue")
        .map((d) => d.daysLate);
    };
    expect(days("2018-10-25")).toEqual([1, 1]);
    expect(days("2018-10-31")).toEqual([7, 7]);
  });

  it("a response that came after the due + 1 notice, from an address not yet confirmed: that day is not asked again", () => {
    const waiting = [v("B", "2018-10", at("2018-10-26"), { verdict: "unverified" })];
    const sent = new Set(["overdue|2018-10|A|2018-10-25", "overdue|2018-10|B|2018-10-25", "rollup|2018-10||2018-10-24"]);
    expect(planOn("2018-10-27", waiting, sent)).toEqual([]);
  });

  it("receipts off: no receipt, the request to fix still goes", () => {
    const s = { ...S, receipts: false };
    expect(planOn("2018-10-21", [v("A", "2018-10", at("2018-10-20"))], new Set(), s, true)).toEqual(["reminder B"]);
    const bad = [v("A", "2018-10", at("2018-10-20"), { verdict: "invalid" })];
    expect(planOn("2018-10-21", bad, new Set(), s, true)).toEqual(["invalid A", "reminder A", "reminder B"]);
  });
});
