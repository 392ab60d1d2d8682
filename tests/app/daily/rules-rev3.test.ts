// The Revision 3 rules on what units owe and are told, played through the built bundle as scenarios: units added after
// a deadline, reports waiting for staff, day counts that match the settings' words, urgent matters.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { manualHeader, rollupTabName, TAB } from "../../../src/domain/layout";
import { editMonthly, installed, play, submitMonthly, unit } from "../../support/helpers";

type Summary = ReturnType<typeof play>["summary"];
const period = (s: Summary, p: string) => s.periods.find((x) => x.period === p);
const day = (m: { at: string }) => m.at.slice(0, 10);
const LEADER = "lanhdao@ldldq1.example.vn";
const STAFF = "tuyengiao@ldldq1.example.vn";

/** the unit's cell of a period in the status tab */
function statusCell(sim: ReturnType<typeof play>["sim"], code: string, label: string): string {
  const st = sim.sheet(TAB.status);
  const col = (st.values[1] as unknown[]).indexOf(label);
  return String(st.values.find((r) => r[0] === code)?.[col] ?? "");
}

const tabText = (sim: ReturnType<typeof play>["sim"], name: string) =>
  sim
    .sheet(name)
    .values.map((r) => r.join(" | "))
    .join("\n");

describe("units added after a deadline (Revision 3)", () => {
  it("a fresh copy set up on 1 December with the default dates: every chair is invited first; nothing due before the roster existed is owed or rolled up", () => {
    const units = ["CD001", "CD002", "CD003"].map((c) => unit(c, { activeFrom: null }));
    const { summary, sim } = play({ units, run: { from: "2018-12-01", to: "2018-12-31" } });
    expect(summary.runs.failed).toEqual([]);
    for (const c of ["CD001", "CD002", "CD003"]) {
      const mine = summary.mails.filter((m) => m.unit === c);
      // the first mail is the invitation, with a deadline to come: set up on 30 November (the night before) + 30 days
      expect(mine[0]).toMatchObject({ kind: "invite", at: "2018-12-01T08:00:00+07:00" });
      expect(mine[0].subject).toContain("(hạn trước ngày 30/12/2018)");
      // never told it is late for September to November, nor for the registration before its own deadline
      expect(mine.filter((m) => m.period && m.period < "2018-12" && m.period !== "registration")).toEqual([]);
      expect(mine.filter((m) => m.kind === "overdue" && day(m) < "2018-12-25")).toEqual([]);
    }
    expect(summary.mails.some((m) => /quá hạn 8 ngày/.test(m.subject))).toBe(false);
    // the leaders get no “tỷ lệ báo cáo 0%” for a period due before the roster existed
    expect(summary.mails.filter((m) => m.kind === "rollup").map((m) => m.period)).toEqual(["2018-12"]);
    for (const p of ["2018-09", "2018-10", "2018-11"]) {
      expect(period(summary, p)).toMatchObject({ expected: 0, received: 0, reportingRate: null, exempt: ["CD001", "CD002", "CD003"] });
    }
    expect(period(summary, "2018-12")).toMatchObject({ expected: 3, missing: ["CD001", "CD002", "CD003"] });
    expect(statusCell(sim, "CD001", "11/2018")).toBe("Không thuộc diện báo cáo");
    // owed by 30 December: missing at the end of the run, after its reminders and one overdue notice
    expect(summary.registration).toMatchObject({ expected: 3, missing: ["CD001", "CD002", "CD003"] });
    expect(summary.mails.filter((m) => m.unit === "CD001" && m.period === "registration").map((m) => `${day(m)} ${m.kind}`)).toEqual([
      "2018-12-01 invite",
      "2018-12-25 reminder",
      "2018-12-29 reminder",
      "2018-12-31 overdue",
    ]);
  });

  it("a unit added in November: October is not expected of it, November is; it is invited before anything else; figures, rollups and reports agree", () => {
    const { summary, sim } = play({
      units: [unit("CD001"), unit("CD002")],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-10-01", to: "2018-11-30" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00"),
        { type: "addUnit", at: "2018-11-10T10:00:00+07:00", unit: unit("CD003") },
        submitMonthly("CD001", "2018-11", "2018-11-12T10:00:00+07:00"),
        submitMonthly("CD003", "2018-11", "2018-11-20T10:00:00+07:00"),
      ],
    });
    expect(summary.runs.failed).toEqual([]);
    expect(period(summary, "2018-10")).toMatchObject({ expected: 2, onTime: 1, missing: ["CD002"], exempt: ["CD003"] });
    expect(period(summary, "2018-11")).toMatchObject({ expected: 3, onTime: 2, missing: ["CD002"], exempt: [] });
    // October was closed before it came: its row there stays blank (not on the roster then), and it is not counted
    expect(statusCell(sim, "CD003", "10/2018")).toBe("");
    expect(statusCell(sim, "CD003", "11/2018")).toBe("Đúng hạn");
    const mine = summary.mails.filter((m) => m.unit === "CD003");
    expect(mine[0]).toMatchObject({ kind: "invite", at: "2018-11-11T08:00:00+07:00" });
    // 10 November (the day staff typed it in) + 30 days
    expect(mine[0].subject).toContain("(hạn trước ngày 10/12/2018)");
    expect(mine.filter((m) => m.period === "2018-10")).toEqual([]);
    // not yet due at the end of the run: not expected, not late
    expect(summary.registration.exempt).toContain("CD003");
    // the rollup tabs count it where it is expected, and only there
    expect(tabText(sim, rollupTabName("2018-10"))).toContain("Đã nộp 1/2 đơn vị");
    expect(tabText(sim, rollupTabName("2018-11"))).toContain("Đã nộp 2/3 đơn vị");
    const rollups = summary.mails.filter((m) => m.kind === "rollup").map((m) => m.subject);
    expect(rollups).toContain("[LĐLĐ Quận 1] Tổng hợp báo cáo tháng 10/2018: tỷ lệ báo cáo 50%, đúng hạn 50%");
  });

  it("a unit added on a due date owes that month (its due date is not before the day it came), and hears of it after its invitation", () => {
    const { summary, sim } = play({
      units: [unit("CD001")],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-10-01", to: "2018-10-26" },
      events: [{ type: "addUnit", at: "2018-10-24T10:00:00+07:00", unit: unit("CD002") }],
    });
    expect(period(summary, "2018-10")).toMatchObject({ expected: 2, missing: ["CD001", "CD002"] });
    expect(statusCell(sim, "CD002", "10/2018")).toBe("Chưa nộp");
    expect(summary.mails.filter((m) => m.unit === "CD002").map((m) => `${day(m)} ${m.kind} ${m.period}`)).toEqual([
      "2018-10-25 invite registration",
      "2018-10-25 overdue 2018-10",
    ]);
  });
});

describe("a report waiting for staff is not late (Revision 3)", () => {
  it("sent before the due date from an unknown address: never told it is overdue; asked only to reply; staff reminded; confirmed later, on time", () => {
    const waiting = { ...submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", {}, "chutich.cd001@gmail.example.com"), id: "w1" };
    const { summary } = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
      units: [unit("CD001"), unit("CD002")],
      run: { from: "2018-10-15", to: "2018-10-31" },
      events: [waiting, { type: "confirm", id: "w1", at: "2018-10-27T09:00:00+07:00" }],
    });
    const mine = summary.mails.filter((m) => m.unit === "CD001" && m.period === "2018-10");
    expect(mine.map((m) => `${day(m)} ${m.kind}`)).toEqual([
      "2018-10-19 reminder",
      "2018-10-20 receipt",
      "2018-10-23 reminder",
      "2018-10-25 reminder",
      "2018-10-27 receipt",
    ]);
    for (const m of mine.slice(2, 4))
      expect(m.subject).toBe("[LĐLĐ Quận 1] Nhắc xác nhận người gửi báo cáo tháng 10/2018 (hạn trước ngày 24/10/2018)");
    // CD002 owes it, and is told it is late
    expect(summary.mails.filter((m) => m.kind === "overdue" && m.period === "2018-10").map((m) => m.unit)).toEqual(["CD002", "CD002"]);
    // the staff, on the days a waiting unit was asked, once a day
    expect(summary.mails.filter((m) => m.kind === "alert").map((m) => `${day(m)} ${m.to.join(",")}`)).toEqual([
      `2018-10-23 ${STAFF}`,
      `2018-10-25 ${STAFF}`,
    ]);
    expect(period(summary, "2018-10")).toMatchObject({ onTime: 1, late: [], missing: ["CD002"], unverified: [] });
  });

  it("rejected by staff: the sender is asked to send again from the unit's own address or reply, never given the rejected response's edit link", () => {
    const gmail = "chutich.cd001@gmail.example.com";
    const ev = submitMonthly("CD001", "2018-10", "2018-10-15T10:00:00+07:00", {}, gmail);
    const sim = installed({ settings: { firstPeriod: "2018-10" }, run: { from: "2018-10-15", to: "2018-10-16" }, events: [ev] });
    sim.world.now = Date.parse(ev.at);
    sim.apply(sim.scenario.events[0]);
    const editLink = String(sim.sheet(SPECS.monthly.tab).values[1][10]);
    expect(editLink).toMatch(/^https:\/\/docs\.google\.com\/forms\/.+edit/);
    sim.world.now = Date.parse("2018-10-15T14:00:00+07:00");
    const r = sim.sidebar("sidebarReject", { ids: [ev.id], reason: "Không liên lạc được với Chủ tịch công đoàn" });
    expect(r.ok, r.message).toBe(true);
    const m = sim.world.mails.at(-1);
    expect(m?.to).toEqual([gmail, "cd001@dv.example.vn"]);
    const body = m?.body ?? "";
    expect(body).toContain(`chưa ghi nhận báo cáo tháng 10/2018 gửi qua biểu mẫu lúc 15/10/2018 10:00 từ địa chỉ ${gmail}`);
    expect(body).toContain("Lý do: Không liên lạc được với Chủ tịch công đoàn.");
    expect(body).toContain("gửi lại từ email của đơn vị qua biểu mẫu riêng của đơn vị");
    expect(body).toContain("hoặc trả lời thư này");
    expect(body).not.toContain(editLink);
    expect(m?.htmlBody ?? "").not.toContain(editLink.replace(/&/g, "&amp;"));
    expect(body).not.toMatch(/Nội dung cần sửa|Sửa báo cáo/);
    // the unit's own form instead
    expect(body).toMatch(/https:\/\/docs\.google\.com\/forms\/[^\s]+viewform\?usp=pp_url&entry\.\d+=CD001/);
  });
});

describe("day counts that match the settings' words (Revision 3)", () => {
  it("overdue notices on due + 2 and due + 5 say 2 and 5 days (1 the day after an inclusive due date); the status still counts from the last on-time day", () => {
    const { summary, sim } = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", overdueAfter: [2, 5] },
      units: [unit("CD001"), unit("CD002")],
      run: { from: "2018-10-20", to: "2018-10-31" },
      events: [submitMonthly("CD002", "2018-10", "2018-10-27T10:00:00+07:00")],
    });
    const overdue = summary.mails.filter((m) => m.kind === "overdue" && m.period === "2018-10");
    expect(overdue.map((m) => `${day(m)} ${m.unit} ${m.subject}`)).toEqual([
      "2018-10-26 CD001 [LĐLĐ Quận 1] Chưa nhận báo cáo tháng 10/2018 – đã quá hạn 2 ngày",
      "2018-10-26 CD002 [LĐLĐ Quận 1] Chưa nhận báo cáo tháng 10/2018 – đã quá hạn 2 ngày",
      "2018-10-29 CD001 [LĐLĐ Quận 1] Chưa nhận báo cáo tháng 10/2018 – đã quá hạn 5 ngày",
    ]);
    const body = sim.world.mails.find((m) => m.subject.endsWith("quá hạn 5 ngày"))?.body ?? "";
    expect(body).toContain("hạn nộp là trước ngày 24/10/2018, đã quá hạn 5 ngày");
    // summary.json's daysLate is the contract's count: received on 27 October, 4 days after the last on-time day
    expect(period(summary, "2018-10")?.late).toEqual([{ unit: "CD002", daysLate: 4 }]);
    // with the due date itself on time, the notice the day after says 1 day too
    const inclusive = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", monthlyDueInclusive: true, overdueAfter: [1] },
      units: [unit("CD001")],
      run: { from: "2018-10-20", to: "2018-10-26" },
    }).summary;
    const one = inclusive.mails.filter((m) => m.kind === "overdue" && m.period === "2018-10");
    expect(one.map((m) => `${day(m)} ${m.subject}`)).toEqual([
      "2018-10-25 [LĐLĐ Quận 1] Chưa nhận báo cáo tháng 10/2018 – đã quá hạn 1 ngày",
    ]);
  });
});

const URGENT =
  "Công ty nợ lương tháng 8 và tháng 9/2018 của khoảng 300 công nhân; người lao động bàn ngừng việc từ 27/10. Liên hệ tổ trưởng qua 0912 345 678.";

describe("urgent matters (Revision 3)", () => {
  const settings = { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", rollupTo: [LEADER] };

  it("mailed at the response's time to the leaders and the staff, late or not; an edit that keeps it sends nothing, one that changes it sends again", () => {
    const first = submitMonthly("CD001", "2018-10", "2018-10-25T10:00:00+07:00", { urgent: URGENT });
    const { summary, sim } = play({
      settings,
      units: [unit("CD001"), unit("CD002")],
      run: { from: "2018-10-20", to: "2018-10-29" },
      events: [
        first,
        editMonthly(first, "2018-10-26T10:00:00+07:00", { concerns: "Bổ sung: mong được trả lương sớm." }),
        editMonthly(first, "2018-10-27T10:00:00+07:00", { urgent: `${URGENT} Sáng 27/10 khoảng 100 người đã ngừng việc.` }),
      ],
    });
    const urgent = summary.mails.filter((m) => m.kind === "urgent");
    expect(urgent.map((m) => m.at)).toEqual(["2018-10-25T10:00:00+07:00", "2018-10-27T10:00:00+07:00"]);
    expect(urgent[0]).toMatchObject({ unit: "CD001", period: "2018-10", to: [LEADER, STAFF] });
    expect(urgent[0].subject).toBe("[LĐLĐ Quận 1] KHẨN: vụ việc tại CĐCS Công ty CD001 (tháng 10/2018) – đơn vị báo");
    expect(urgent[1].subject).toBe("[LĐLĐ Quận 1] KHẨN: vụ việc tại CĐCS Công ty CD001 (tháng 10/2018) – đơn vị báo bổ sung");
    const [a, b] = sim.world.mails.filter((m) => m.subject.includes("KHẨN"));
    expect(a.body).toContain(
      "CĐCS Công ty CD001 (mã CD001) báo vụ việc cần báo cáo ngay trong báo cáo tháng 10/2018, gửi qua biểu mẫu lúc 25/10/2018 10:00",
    );
    expect(a.body).toContain("Công ty nợ lương tháng 8 và tháng 9/2018 của khoảng 300 công nhân");
    // a person's phone number is hidden; the unit's own contact is given
    expect(a.body).not.toContain("0912 345 678");
    expect(a.body).toContain("Liên hệ đơn vị: đồng chí Chủ tịch CD001, Chủ tịch CĐCS, điện thoại 0903123456");
    expect(a.body).not.toContain("chưa được xác nhận");
    expect(b.body).toContain("Đơn vị đã sửa báo cáo và thay đổi nội dung vụ việc");
    expect(b.body).toContain("khoảng 100 người đã ngừng việc");
    // statuses and receipts as without it
    expect(period(summary, "2018-10")?.late).toEqual([{ unit: "CD001", daysLate: 2 }]);
    expect(summary.mails.filter((m) => m.kind === "receipt" && m.unit === "CD001").length).toBe(3);
  });

  it("from a sender not yet confirmed: sent all the same, marked so", () => {
    const { summary, sim } = play({
      settings,
      run: { from: "2018-10-20", to: "2018-10-21" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T21:00:00+07:00", { urgent: URGENT }, "ai.do@gmail.example.com")],
    });
    const m = summary.mails.find((x) => x.kind === "urgent");
    expect(m?.at).toBe("2018-10-20T21:00:00+07:00");
    expect(m?.subject).toBe("[LĐLĐ Quận 1] KHẨN: vụ việc tại CĐCS Công ty CD001 (tháng 10/2018) – người gửi chưa được xác nhận");
    const body = sim.world.mails.find((x) => x.subject === m?.subject)?.body ?? "";
    expect(body).toContain("từ địa chỉ ai.do@gmail.example.com");
    expect(body).toContain("Lưu ý: người gửi chưa được xác nhận");
    expect(period(summary, "2018-10")?.unverified).toEqual(["CD001"]);
  });

  it("a submit event Google never delivered: the daily reconcile stores the report and the mail goes in that run", () => {
    const lost = { ...submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { urgent: URGENT }), type: "lost" };
    const { summary } = play({ settings, run: { from: "2018-10-20", to: "2018-10-23" }, events: [lost] });
    const urgent = summary.mails.filter((m) => m.kind === "urgent");
    expect(urgent.map((m) => day(m))).toEqual(["2018-10-21"]);
    expect(urgent[0].at.slice(11, 13)).toBe("08");
  });

  it("a submit cut off at any call: the mail goes, by the next daily run at the latest; twice only when cut at the very call that records it", () => {
    const ev = () => submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { urgent: URGENT });
    const raw = (events: Record<string, unknown>[]) => ({ settings, run: { from: "2018-10-20", to: "2018-10-21" }, events });
    // how many calls the uncut submit makes
    const probe = installed(raw([ev()]));
    probe.world.now = Date.parse("2018-10-20T10:00:00+07:00");
    const before = probe.world.meter.total;
    probe.apply(probe.scenario.events[0]);
    const calls = probe.world.meter.total - before;
    expect(probe.world.mails.filter((m) => m.subject.includes("KHẨN"))).toHaveLength(1);
    // every twentieth call, and each of the last ones, where the report is stored and the mail goes
    const cuts = [
      ...Array.from({ length: Math.floor((calls - 16) / 20) }, (_, i) => 1 + i * 20),
      ...Array.from({ length: 16 }, (_, i) => calls - 15 + i),
    ];
    const twice: number[] = [];
    for (const call of cuts) {
      const { sim, summary } = play(raw([{ type: "crash", job: "submit", call, at: "2018-10-20T09:00:00+07:00" }, ev()]));
      expect(summary.runs.failed.length, `crash at call ${call}`).toBeLessThanOrEqual(1);
      const sent = sim.world.mails.filter((m) => m.subject.includes("KHẨN"));
      expect(sent.length, `crash at call ${call}`).toBeGreaterThanOrEqual(1);
      expect(new Date(sent[0].at).getTime() <= Date.parse("2018-10-21T09:00:00+07:00"), `crash at call ${call}`).toBe(true);
      if (sent.length > 1) twice.push(call);
    }
    expect(twice.length).toBeLessThanOrEqual(1);
  });

  it("held back by the quota when it is stored: owed, and sent by the next daily run once the quota returns", () => {
    const ev = submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { urgent: URGENT });
    const { sim } = play({ settings: { ...settings, mailQuota: 0 }, run: { from: "2018-10-20", to: "2018-10-20" }, events: [ev] });
    expect(sim.world.mails).toEqual([]);
    expect(sim.state().urgentOwed).toEqual([ev.id]);
    sim.world.mailQuota = 100;
    sim.world.clockTo += 86400000;
    sim.world.advanceTo(Date.parse("2018-10-21T09:00:00+07:00"));
    const urgent = sim.world.mails.filter((m) => m.subject.includes("KHẨN"));
    expect(urgent.map((m) => new Date(m.at).toISOString())).toEqual(["2018-10-21T01:00:00.000Z"]);
    expect(sim.state().urgentOwed).toEqual([]);
  });

  it("a paper report staff record carries it too: the manual tab has its column, and the mail goes when it is recorded", () => {
    const { summary, sim } = play({
      settings,
      run: { from: "2018-10-20", to: "2018-10-23" },
      events: [
        {
          type: "manual",
          id: "GIAY-1",
          form: "monthly",
          at: "2018-10-22T15:00:00+07:00",
          channel: "message",
          answers: { ...submitMonthly("CD001", "2018-10", "").answers, urgent: URGENT },
        },
      ],
    });
    expect(manualHeader(SPECS.monthly)).toContain("Vụ việc khẩn");
    const urgent = summary.mails.filter((m) => m.kind === "urgent");
    expect(urgent.map((m) => m.at)).toEqual(["2018-10-22T15:00:00+07:00"]);
    const body = sim.world.mails.find((x) => x.subject === urgent[0].subject)?.body ?? "";
    expect(body).toContain("gửi qua tin nhắn lúc 22/10/2018 15:00");
    expect(period(summary, "2018-10")?.onTime).toBe(1);
  });

  it("the month's report and its tab list the matters: unit, what, when", () => {
    const { sim } = play({
      settings,
      units: [unit("CD001"), unit("CD002"), unit("CD003")],
      run: { from: "2018-10-14", to: "2018-10-24" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-15T10:00:00+07:00", { urgent: URGENT }),
        submitMonthly("CD002", "2018-10", "2018-10-16T11:30:00+07:00"),
        submitMonthly("CD003", "2018-10", "2018-10-18T09:00:00+07:00", {
          urgent: "Bài viết sai sự thật về công ty lan nhanh trong nhóm công nhân.",
        }),
      ],
    });
    const tab = tabText(sim, rollupTabName("2018-10"));
    expect(tab).toContain("VỤ VIỆC ĐƠN VỊ BÁO CÁO NGAY TRONG THÁNG (2 VỤ VIỆC)");
    // a table under its heading: its header, then one row each: the unit, what it said, when, each in its own cell
    const values = sim.sheet(rollupTabName("2018-10")).values.map((r) => r.map((c) => String(c ?? "")));
    const heading = values.findIndex((r) => r[0].startsWith("VỤ VIỆC ĐƠN VỊ BÁO CÁO NGAY"));
    const head = values.findIndex((r, i) => i > heading && r[0] === "Đơn vị");
    expect(values[head].slice(0, 3)).toEqual(["Đơn vị", "Vụ việc", "Thời điểm báo"]);
    const [a, b, after] = values.slice(head + 1, head + 4);
    expect(a.slice(0, 3)).toEqual(["CD001 – Công ty CD001", expect.stringMatching(/^Công ty nợ lương tháng 8/), "10:00 ngày 15/10/2018"]);
    expect(b.slice(0, 3)).toEqual(["CD003 – Công ty CD003", expect.stringMatching(/^Bài viết sai sự thật/), "09:00 ngày 18/10/2018"]);
    expect(after.slice(1).join("")).toBe("");
    expect(tab).not.toContain("0912 345 678");
  });
});
