// Invitations to register (scenario Revision 2): once per unit, at the first daily run on or after the later of the
// first day and the unit's first month (or the day staff add it), while it owes registration and its deadline has not
// passed; its personal registration link and the deadline.
import { describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import { installed, play, registrationAnswers, unit } from "../../support/helpers";

const invites = (mails: { kind: string; unit: string | null; at: string }[]) =>
  mails.filter((m) => m.kind === "invite").map((m) => `${m.at.slice(0, 10)} ${m.unit}`);

describe("invitations", () => {
  it("go once to every unit that owes registration, at the first daily run; none to a unit already registered", () => {
    const { summary } = play({
      units: [unit("CD001"), unit("CD002"), unit("CD003")],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-09-20", to: "2018-10-20" },
      events: [
        // registered before the first daily run: nothing to invite it to
        {
          type: "submit",
          id: "r1",
          form: "registration",
          at: "2018-09-20T07:00:00+07:00",
          email: "cd001@dv.example.vn",
          answers: registrationAnswers("CD001"),
        },
      ],
    });
    expect(invites(summary.mails)).toEqual(["2018-09-20 CD002", "2018-09-20 CD003"]);
    const m = summary.mails.find((x) => x.kind === "invite");
    expect(m?.subject).toBe("[LĐLĐ Quận 1] Đề nghị đăng ký tài khoản Facebook của CĐCS Công ty CD002 (hạn trước ngày 15/10/2018)");
    // the kind in summary.json, and what it counts as for the quota: one mail, once
    expect(summary.mails.filter((x) => x.kind === "invite" && x.unit === "CD002")).toHaveLength(1);
  });

  it("a unit staff add to the roster is invited at the next daily run, with the grace days from the day it came (Revision 3)", () => {
    const { summary } = play({
      units: [unit("CD001")],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-09-25", to: "2018-10-31" },
      events: [
        // added ten days before the directive's deadline: 5 October + 30 days
        { type: "addUnit", at: "2018-10-05T10:00:00+07:00", unit: unit("CD002") },
        // active from November: its own deadline, 1 November + 30 days; invited on 1 November
        { type: "addUnit", at: "2018-10-06T10:00:00+07:00", unit: unit("CD003", { activeFrom: "2018-11" }) },
        // the directive's deadline has passed: invited all the same, by 20 October + 30 days
        { type: "addUnit", at: "2018-10-20T10:00:00+07:00", unit: unit("CD004") },
      ],
    });
    expect(invites(summary.mails)).toEqual(["2018-09-25 CD001", "2018-10-06 CD002", "2018-10-21 CD004"]);
    const subject = (c: string) => summary.mails.find((x) => x.kind === "invite" && x.unit === c)?.subject;
    expect(subject("CD001")).toContain("(hạn trước ngày 15/10/2018)");
    expect(subject("CD002")).toContain("(hạn trước ngày 04/11/2018)");
    expect(subject("CD004")).toContain("(hạn trước ngày 19/11/2018)");
    // never told it is late for a registration due before it came
    expect(summary.mails.filter((m) => m.kind === "overdue" && m.period === "registration").map((m) => m.unit)).toEqual(["CD001", "CD001"]);
    expect(summary.registration).toMatchObject({ missing: ["CD001"], exempt: ["CD002", "CD003", "CD004"] });
  });

  it("a unit that joins later is invited on its first month's first day, with its own deadline", () => {
    const { summary, sim } = play({
      units: [unit("CD001", { activeFrom: "2018-11" })],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-10-01", to: "2018-11-03" },
    });
    expect(invites(summary.mails)).toEqual(["2018-11-01 CD001"]);
    const mail = sim.world.mails.find((m) => m.subject.startsWith("[LĐLĐ Quận 1] Đề nghị đăng ký"));
    expect(mail?.subject).toContain("(hạn trước ngày 01/12/2018)");
    expect(mail?.body).toContain("trước ngày 01/12/2018 (còn 30 ngày)");
    expect(mail?.htmlBody).toMatch(/href="https:\/\/docs\.google\.com\/forms\/[^"]+usp=pp_url&amp;entry\.\d+=CD001\+%E2%80%93/);
  });

  it("added, then setup run again before the daily job: still invited, once", () => {
    const sim = installed({ units: [unit("CD001")], settings: { firstPeriod: "2018-10" }, run: { from: "2018-10-01", to: "2018-10-03" } });
    sim.world.advanceTo(Date.parse("2018-10-01T09:00:00+07:00"));
    sim.world.meter.quiet(() => sim.typeUnits([unit("CD002") as never], 3));
    sim.run("setup", "again", { ui: true });
    sim.world.advanceTo(Date.parse("2018-10-03T09:00:00+07:00"));
    const subjects = sim.world.mails.map((m) => m.subject).filter((s) => s.includes("Đề nghị đăng ký"));
    // CD002 came on the roster on 1 October, the day after setup: 1 October + 30 days
    expect(subjects).toEqual([
      "[LĐLĐ Quận 1] Đề nghị đăng ký tài khoản Facebook của CĐCS Công ty CD001 (hạn trước ngày 15/10/2018)",
      "[LĐLĐ Quận 1] Đề nghị đăng ký tài khoản Facebook của CĐCS Công ty CD002 (hạn trước ngày 31/10/2018)",
    ]);
  });

  it("held back by the quota, an invitation goes the next day, before reminders, and is never sent twice", () => {
    const units = Array.from({ length: 4 }, (_, i) => unit(`CD00${i + 1}`));
    const { summary, sim } = play({
      units,
      settings: { firstPeriod: "2018-10", mailQuota: 2, registrationDeadline: "2018-10-06" },
      run: { from: "2018-10-01", to: "2018-10-04" },
    });
    // two a day; the reminder on due−5 (1 October) waits behind the invitations, then is past its day
    const byDay = summary.mails.map((m) => `${m.at.slice(0, 10)} ${m.kind} ${m.unit}`);
    expect(byDay).toEqual([
      "2018-10-01 invite CD001",
      "2018-10-01 invite CD002",
      "2018-10-02 invite CD003",
      "2018-10-02 invite CD004",
      "2018-10-03 reminder CD001",
      "2018-10-03 reminder CD002",
      "2018-10-04 reminder CD003",
      "2018-10-04 reminder CD004",
    ]);
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toMatch(/Hạn mức gửi thư không đủ/);
  });
});

describe("a registration that needs fixing, sent weeks before", () => {
  it("its reminders and overdue notices give the edit link and what to fix, however long ago it came", () => {
    const { sim } = play({
      units: [unit("CD001")],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-10-01", to: "2018-10-17" },
      events: [
        {
          type: "submit",
          id: "dk-1",
          form: "registration",
          at: "2018-10-02T09:00:00+07:00",
          email: "cd001@dv.example.vn",
          answers: registrationAnswers("CD001", { groupName: "Công đoàn CD001" }),
        },
      ],
    });
    const edit = String(sim.sheet("Đăng ký").values[1][10]);
    expect(edit).toMatch(/^https:\/\/docs\.google\.com\/forms\/.+edit/);
    const later = sim.world.mails.filter((m) => /Nhắc sửa|Cần sửa thông tin đăng ký tài khoản Facebook –/.test(m.subject));
    // the reminders on 10 and 14 October and the overdue notice on 16 October, two weeks after it came
    expect(later.map((m) => m.subject)).toEqual([
      "[LĐLĐ Quận 1] Nhắc sửa thông tin đăng ký tài khoản Facebook (hạn trước ngày 15/10/2018)",
      "[LĐLĐ Quận 1] Nhắc sửa thông tin đăng ký tài khoản Facebook (hạn trước ngày 15/10/2018)",
      "[LĐLĐ Quận 1] Cần sửa thông tin đăng ký tài khoản Facebook – đã quá hạn 1 ngày",
    ]);
    for (const m of later) {
      expect(m.body).toContain(`Sửa thông tin đăng ký:\n${edit}\n`);
      expect(m.body).toContain("- Tên nhóm ẩn danh: không được đặt theo tên công đoàn");
      expect(m.body).toContain("đã nhập: “Công đoàn CD001”");
      expect(m.body).not.toContain("chưa nhận được");
    }
  });
});
