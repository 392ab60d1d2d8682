// The report's figures: a period at its cut-off, the month before at the same point of its own calendar (what a change
// is measured against), the month before as it finally stands, rates by Khối, confirmations counted from when given;
// each question where its spec line places it.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { type Answers, q } from "../../../src/domain/forms/spec";
import { byGroup, confirmedAt, cutoffOf, snapshots, versionsAt } from "../../../src/domain/report/figures";
import { monthlyReport } from "../../../src/domain/report/monthly";
import { DEFAULT_THEMES } from "../../../src/domain/report/themes";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import type { Version } from "../../../src/domain/status";
import { KIND_FIGURE, monthRows, themeTexts } from "../../../src/domain/trends";
import type { Unit } from "../../../src/domain/units";
import { documentsOf, paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { play, submitMonthly, unit } from "../../support/helpers";

const s = { ...DEFAULT_SETTINGS, firstPeriod: "2018-09" };
const T = (iso: string) => Date.parse(iso);
const u = (code: string, group: string, activeTo = ""): Unit => ({
  code,
  name: `CĐCS ${code}`,
  chair: "",
  emails: [],
  phone: "",
  group,
  activeFrom: "",
  activeTo,
});
let row = 1;
const v = (unit: string, period: string, at: string, more: Partial<Version> = {}): Version => ({
  key: `${unit}${period}${at}`,
  responseId: `${unit}-${period}`,
  at: T(at),
  unit,
  period,
  verdict: "accepted",
  confirmed: false,
  channel: "form",
  email: "",
  row: ++row,
  ...more,
});

const units = [u("A", "Khối doanh nghiệp"), u("B", "Khối doanh nghiệp"), u("C", ""), u("D", "Khối hành chính sự nghiệp", "2018-09")];
const marks = new Map<string, string>();
const versions: Version[] = [
  v("A", "2018-09", "2018-09-20T10:00:00+07:00"),
  v("B", "2018-09", "2018-09-24T10:00:00+07:00"), // after September's cut-off: late 1
  v("C", "2018-09", "2018-10-03T09:00:00+07:00"), // late 10
  v("D", "2018-09", "2018-09-10T10:00:00+07:00"),
  v("A", "2018-10", "2018-10-10T10:00:00+07:00"),
  v("B", "2018-10", "2018-10-24T07:00:00+07:00"), // late 1, before October's cut-off
  v("C", "2018-10", "2018-10-20T21:00:00+07:00", { verdict: "unverified", confirmed: true }),
];
marks.set("C-2018-10", "Đã xác nhận: canbo1@ldldq1.example.vn, 25/10/2018 09:00");
const confirmed = (x: Version) => confirmedAt(marks.get(x.responseId), s.timeZone);

describe("figures at the cut-off", () => {
  it("the cut-off is the daily run's hour on the due date plus the rollup's delay, in the settings' zone", () => {
    expect(cutoffOf("2018-10", s)).toBe(T("2018-10-24T08:00:00+07:00"));
    expect(cutoffOf("2018-12", { ...s, rollupAfter: 2, dailyRunHour: 7 })).toBe(T("2018-12-26T07:00:00+07:00"));
    expect(cutoffOf("registration", s)).toBe(T("2018-10-15T08:00:00+07:00"));
    expect(confirmedAt("Đã xác nhận: cán bộ, 25/10/2018 09:00", s.timeZone)).toBe(T("2018-10-25T09:00:00+07:00"));
    expect(confirmedAt("x", s.timeZone)).toBe(0);
  });

  it("a version counts from when it arrived, a confirmation from when staff gave it", () => {
    expect(versionsAt(versions, T("2018-09-24T08:00:00+07:00"), confirmed).map((x) => x.unit)).toEqual(["A", "D"]);
    const at = versionsAt(versions, T("2018-10-24T08:00:00+07:00"), confirmed);
    expect(at.find((x) => x.unit === "C" && x.period === "2018-10")?.confirmed).toBe(false);
    expect(
      versionsAt(versions, T("2018-10-26T00:00:00+07:00"), confirmed).find((x) => x.unit === "C" && x.period === "2018-10")?.confirmed,
    ).toBe(true);
  });

  it("October at its cut-off beside September at its own, and September as it finally stands", () => {
    const now = T("2018-11-30T12:00:00+07:00");
    const r = snapshots({ units, versions, s, confirmed }, "2018-10", cutoffOf("2018-10", s), now);
    const f = r.current.figures;
    expect([f.expected, f.received, f.onTime]).toEqual([3, 2, 1]);
    expect(f.late).toEqual([{ unit: "B", daysLate: 1 }]);
    expect(f.unverified).toEqual(["C"]);
    expect(f.exempt).toEqual(["D"]);
    // September at 08:00 on the 24th of September: B and C had not reported
    const same = r.previousSame?.figures;
    expect(r.previousSame?.at).toBe(T("2018-09-24T08:00:00+07:00"));
    expect([same?.expected, same?.received, same?.onTime, same?.missing]).toEqual([4, 2, 2, ["B", "C"]]);
    // September now: both late, with their days
    expect(r.previousFinal?.figures.late).toEqual([
      { unit: "B", daysLate: 1 },
      { unit: "C", daysLate: 10 },
    ]);
  });

  it("staff's own ask compares with the month before the same hours after its cut-off", () => {
    const now = T("2018-10-30T08:00:00+07:00");
    const r = snapshots({ units, versions, s, confirmed }, "2018-10", now, now);
    expect(r.current.figures.onTime).toBe(2);
    expect(r.previousSame?.at).toBe(T("2018-09-30T08:00:00+07:00"));
    expect(r.previousSame?.figures.late).toEqual([{ unit: "B", daysLate: 1 }]);
    expect(r.previousSame?.figures.missing).toEqual(["C"]);
  });

  it("rates by Khối, in the roster's order, a unit without one under its own line, then the total", () => {
    const r = snapshots({ units, versions, s, confirmed }, "2018-10", cutoffOf("2018-10", s), T("2018-11-30T12:00:00+07:00"));
    expect(byGroup(units, r.current)).toEqual([
      { group: "Khối doanh nghiệp", expected: 2, received: 2, onTime: 1, reportingRate: 1, onTimeRate: 0.5 },
      { group: "Chưa phân khối", expected: 1, received: 0, onTime: 0, reportingRate: 0, onTimeRate: 0 },
      { group: "Tổng cộng", expected: 3, received: 2, onTime: 1, reportingRate: 2 / 3, onTimeRate: 1 / 3 },
    ]);
  });
});

describe("a question's place in the report is in its spec line", () => {
  // the monthly form with two more counts: one placed in the social-media table under a label of its own, one not
  const spec = {
    ...SPECS.monthly,
    fields: [
      ...SPECS.monthly.fields,
      q("talks", "number", "Số buổi đối thoại trong tháng", "Buổi đối thoại", {
        required: false,
        report: { figures: "activity", label: "Buổi đối thoại với người lao động" },
      }),
      q("visits", "number", "Số lượt thăm hỏi đoàn viên trong tháng", "Lượt thăm hỏi", { required: false }),
    ],
  };
  const answers = (more: Answers): Answers => ({ situation: "Ổn định.", sharedPosts: 2, talks: 3, visits: 9, ...more });
  const now = T("2018-11-30T12:00:00+07:00");
  const report = monthlyReport({
    spec,
    settings: s,
    units,
    period: "2018-10",
    snaps: snapshots({ units, versions, s, confirmed }, "2018-10", cutoffOf("2018-10", s), now),
    entries: [
      { unit: "A", answers: answers({ interactions: 40 }) },
      // the interactions question is optional: B left it empty
      { unit: "B", answers: answers({ talks: 4, harmful: "Tin giả về bảo hiểm xã hội." }) },
    ],
    previousEntries: [{ unit: "A", answers: answers({ talks: 1, interactions: 25 }) }],
    themes: DEFAULT_THEMES,
    madeAt: now,
  });
  const texts = report.body.map((b) => (b.kind === "heading" ? b.text : b.kind === "table" ? b.rows.join(" | ") : ""));

  it("a count placed in a table is its row there, under its label, beside the month before; one without a place is not", () => {
    const at = report.body.findIndex((b) => b.kind === "heading" && b.text === "4. Hoạt động trên mạng xã hội trong tháng");
    const table = report.body[at + 1];
    expect(table.kind === "table" && table.rows).toEqual([
      ["Bài đã chia sẻ", "4", "2", "+2"],
      ["Người mới kết nối", "0", "0", "0"],
      ["Nòng cốt", "0", "0", "0"],
      ["Nhóm ẩn danh", "0", "0", "0"],
      ["Lượt tương tác", "40", "25", "+15"],
      ["Buổi đối thoại với người lao động", "7", "1", "+6"],
    ]);
    expect(texts.join("\n")).not.toContain("thăm hỏi");
  });

  it("the compiler holds a place to its question's kind and to the report's tables", () => {
    // @ts-expect-error a text has no row in a table of counts
    expect(q("note", "paragraph", "Ghi chú", "Ghi chú", { report: { figures: "activity" } }).key).toBe("note");
    // @ts-expect-error a count has no section of its own
    expect(q("n", "number", "Số", "Số", { report: { section: "Số" } }).key).toBe("n");
    // @ts-expect-error a table the report does not have (FIGURE_SECTIONS gives each its heading)
    expect(q("n", "number", "Số", "Số", { report: { figures: "meetings" } }).key).toBe("n");
  });

  it("the trend keeps the counts of the social-media table under the same labels, and no other", () => {
    const figures = monthRows("2018-10", spec, units, DEFAULT_THEMES, [{ unit: "A", answers: answers({ interactions: 40 }) }]).filter(
      (r) => r[1] === KIND_FIGURE,
    );
    expect(figures.map((r) => [r[2], r[4]])).toEqual([
      ["Bài đã chia sẻ", 2],
      ["Người mới kết nối", 0],
      ["Nòng cốt", 0],
      ["Nhóm ẩn danh", 0],
      ["Lượt tương tác", 40],
      ["Buổi đối thoại với người lao động", 3],
    ]);
  });

  it("a text placed in a section of its own is there, not among the themes", () => {
    expect(
      texts.filter((t) => /^\d+\. Thông tin xấu, độc, sai sự thật đơn vị phát hiện và việc phản bác \(1 đơn vị\)$/.test(t)),
    ).toHaveLength(1);
    expect(themeTexts(spec, [{ unit: "B", answers: answers({ harmful: "Tin giả." }) }])).toEqual([{ unit: "B", text: "Ổn định." }]);
  });
});

describe("through the product", () => {
  it("a report awaiting confirmation at the cut-off is counted so in the report, whatever staff did later", () => {
    const first = submitMonthly("CD002", "2018-10", "2018-10-20T21:00:00+07:00", {}, "ca.nhan@gmail.example.com");
    const { sim } = play({
      units: [unit("CD001"), unit("CD002")],
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
      run: { from: "2018-10-01", to: "2018-10-25" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00"),
        first,
        // staff confirm it the morning after the cut-off; the rollup had gone out at 08:01 on the 24th
        { type: "confirm", id: first.id, at: "2018-10-25T09:00:00+07:00" },
      ],
    });
    const doc = [...documentsOf(sim.world).values()].find((d) => d.name === "BC-TG-2018-10");
    const text = paragraphsOf(doc?.body ?? { type: "BODY_SECTION", children: [], attrs: {} })
      .map(textOfPara)
      .join("\n");
    expect(text).toContain("Đã nộp 1/2 đơn vị (50%), trong đó đúng hạn 1 (50%).");
    expect(text).toContain("Chờ xác nhận người gửi (1): CD002 – Công ty CD002.");
  });
});
