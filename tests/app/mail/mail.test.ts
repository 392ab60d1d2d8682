// Mails: the right mail to the right unit on the right day, never twice, never lost.
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import { documentOfBlob, paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { emlOf } from "../../../standin/simulation/export";
import { Simulation } from "../../../standin/simulation/simulation";
import { SimulationSnapshot } from "../../../standin/simulation/snapshot";
import { heldThenSent } from "../../support/crash-scenarios";
import { installed, play, registeredAll, sampledCalls, scenario, submitMonthly, unit } from "../../support/helpers";

const day = (iso: string) => iso.slice(0, 10);

describe("the schedule of a hand-computed month", () => {
  it("sends reminders on due-5 and due-1, overdue on due+1 and due+7, the rollup on the due day, only to units still owing", () => {
    const { summary } = play({
      units: [unit("CD001"), unit("CD002"), unit("CD003")],
      settings: {
        firstPeriod: "2018-10",
        registrationDeadline: "2018-09-01",
        registrationGraceDays: 1,
        overdueCc: ["tuyengiao@ldldq1.example.vn"],
      },
      run: { from: "2018-10-01", to: "2018-11-05" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00"),
        submitMonthly("CD002", "2018-10", "2018-10-22T10:00:00+07:00"),
      ],
    });
    const got = summary.mails.filter((m) => m.period === "2018-10").map((m) => `${day(m.at)} ${m.kind} ${m.unit ?? ""}`);
    expect(got).toEqual([
      "2018-10-18 receipt CD001",
      "2018-10-19 reminder CD002",
      "2018-10-19 reminder CD003",
      "2018-10-22 receipt CD002",
      "2018-10-23 reminder CD003",
      "2018-10-24 rollup ",
      "2018-10-25 overdue CD003",
      "2018-10-31 overdue CD003",
    ]);
    const overdue = summary.mails.find((m) => m.kind === "overdue" && m.period === "2018-10");
    expect(overdue?.cc).toEqual(["tuyengiao@ldldq1.example.vn"]);
    // the notice on due + 1 says 1 day, as “Báo trễ hạn sau (ngày)” counts
    expect(overdue?.subject).toBe("[LĐLĐ Quận 1] Chưa nhận báo cáo tháng 10/2018 – đã quá hạn 1 ngày");
    const reminder = summary.mails.find((m) => m.kind === "reminder");
    expect(reminder?.subject).toBe("[LĐLĐ Quận 1] Nhắc nộp báo cáo tháng 10/2018 (hạn trước ngày 24/10/2018)");
  });

  it("each reminder carries the unit's own prefilled link, for the right month", () => {
    const { sim } = play({ units: [unit("CD002")], settings: { registrationDeadline: "2018-09-01", registrationGraceDays: 1 } });
    const m = sim.world.mails.find((x) => x.subject.includes("Nhắc nộp"));
    expect(m?.htmlBody).toMatch(
      /href="https:\/\/docs\.google\.com\/forms\/d\/e\/[^"]+entry\.\d+=CD002\+%E2%80%93[^"]*entry\.\d+=Th%C3%A1ng\+10%2F2018"/,
    );
    expect(m?.body).toContain("Kính gửi: Ban Chấp hành Công đoàn cơ sở Công ty CD002\n");
    expect(m?.name).toBe("LĐLĐ Quận 1 – Bộ phận Tuyên giáo");
    expect(m?.replyTo).toBe("tuyengiao@ldldq1.example.vn");
  });
});

describe("the quota", () => {
  it("quota 3 with 10 due: 3 today, the rest the next day, receipts and the rollup first, no duplicates", () => {
    const units = Array.from({ length: 10 }, (_, i) => unit(`CD${String(i + 1).padStart(3, "0")}`));
    const { summary } = play({
      units,
      settings: {
        firstPeriod: "2018-10",
        registrationDeadline: "2018-09-01",
        registrationGraceDays: 1,
        mailQuota: 3,
        remindBefore: [1],
        overdueAfter: [27],
        catchUpDays: 7,
      },
      run: { from: "2018-10-22", to: "2018-10-24" },
    });
    const byDay = new Map<string, string[]>();
    for (const m of summary.mails) byDay.set(day(m.at), [...(byDay.get(day(m.at)) ?? []), `${m.kind} ${m.unit ?? ""}`]);
    expect(byDay.get("2018-10-23")).toEqual(["reminder CD001", "reminder CD002", "reminder CD003"]);
    // the next day the deadline has passed: the rollup goes first, the rest of the reminders are no longer due
    expect(byDay.get("2018-10-24")?.[0]).toBe("rollup ");
    const keys = summary.mails.map((m) => `${m.kind}|${m.unit}|${m.period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("a day the quota held mails, the next a day the run's clock cuts: the held list cleared and the queue kept, each unit reminded once", () => {
    const sim = installed(heldThenSent);
    // Google lets 3 mails go on the 19th: the other reminders are held, listed in the queue tab's column C
    sim.world.mailQuota = 3;
    sim.world.advanceTo(Date.parse("2018-10-19T12:00:00+07:00"));
    const queueTab = () => sim.sheet(TAB.queue).values.slice(1);
    expect(queueTab().filter((r) => r[2]).length).toBe(27);
    // the 20th: the quota back, each mail 20 s long: the daily run sends what four minutes allow and queues the rest,
    // and yesterday's held list goes (one write of the queue tab does both)
    sim.world.mailQuota = 1000;
    sim.world.latency = (_s, method) => (method === "MailApp.sendEmail" ? 20_000 : 0);
    const runs: string[] = [];
    let afterDaily: unknown[][] = [];
    sim.world.advanceTo(Date.parse("2018-10-20T12:00:00+07:00"), (t, _at, r) => {
      expect(r.ok, r.error).toBe(true);
      runs.push(t.handler);
      if (t.handler === "runDaily") afterDaily = queueTab().map((row) => [...row]);
    });
    expect(runs[0]).toBe("runDaily");
    expect(runs.filter((h) => h === "runFollowUp").length).toBeGreaterThanOrEqual(2);
    expect(afterDaily.filter((r) => r[2])).toEqual([]);
    expect(afterDaily.filter((r) => r[0] && r[1]).length).toBeGreaterThan(0);
    const reminders = sim.world.mails.filter((m) => m.subject.includes("Nhắc nộp"));
    expect(reminders).toHaveLength(30);
    expect(new Set(reminders.map((m) => m.to[0])).size).toBe(30);
  });

  it("quota 0: data recorded, mails deferred and logged, sent when the quota returns", () => {
    const { summary, sim } = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1, mailQuota: 0 },
      run: { from: "2018-10-18", to: "2018-10-19" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00")],
    });
    expect(summary.mails).toEqual([]);
    expect(summary.periods.find((p) => p.period === "2018-10")?.onTime).toBe(1);
    const log = sim.sheet(TAB.runLog).values.flat().join("\n");
    expect(log).toMatch(/hết hạn mức gửi thư/i);
    sim.world.mailQuota = 100;
    sim.world.clockTo += 86400000;
    sim.world.advanceTo(Date.parse("2018-10-20T09:00:00+07:00"));
    // (the registration, owed from the day after setup since its deadline had passed, is not this case's)
    expect(sim.world.mails.map((m) => m.subject).filter((x) => !x.includes("đăng ký"))).toEqual([
      "[LĐLĐ Quận 1] Đã nhận báo cáo tháng 10/2018 của CĐCS Công ty CD001",
    ]);
  });
});

describe("a crash at every single service call of the daily job, then a rerun", () => {
  const raw = {
    units: [unit("CD001"), unit("CD002"), unit("CD003")],
    settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
    run: { from: "2018-10-19", to: "2018-10-19" },
    events: [submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00")],
  };
  const ready = () => {
    const sim = new Simulation(scenario(raw));
    sim.install();
    sim.world.clockFrom = Number.POSITIVE_INFINITY; // no automatic daily runs: the test drives them
    for (const e of sim.scenario.events) {
      sim.world.now = e.at;
      sim.apply(e);
    }
    sim.world.now = Date.parse("2018-10-19T08:00:00+07:00");
    return sim;
  };
  const sentKeys = (sim: Simulation) => sim.world.mails.map((m) => `${m.to.join(",")}|${m.subject}`).sort();
  const statusOf = (sim: Simulation) => JSON.stringify(sim.sheet(TAB.status).values.slice(1));

  /** the world before the daily job, set up once and copied for each crash; the run without a crash; its call count */
  const sweep = () => {
    const snap = new SimulationSnapshot(ready(), true);
    const copy = () => {
      const sim = snap.start(scenario(raw));
      sim.world.clockFrom = Number.POSITIVE_INFINITY;
      return sim;
    };
    const base = copy();
    const before = base.world.meter.total;
    base.run("runDaily", "daily");
    const calls = base.world.meter.total - before;
    const want = sentKeys(base);
    expect(want.length).toBe(3); // the missed receipt of CD001 was sent at submit; reminders to CD002 and CD003
    expect(calls).toBeGreaterThan(20);
    /** the daily job crashes at its k-th call, then runs again an hour later */
    const crashAt = (k: number) => {
      const sim = copy();
      const start = sim.world.meter.total;
      sim.world.meter.faults = [{ atCall: start + k }];
      sim.run("runDaily", `daily, crash at call ${k}`);
      // the fault fired: either the run died, or (a failed send) it was caught and logged for a retry
      expect(sim.world.meter.total, `the crash at call ${k} was reached`).toBeGreaterThanOrEqual(start + k);
      sim.world.meter.faults = [];
      sim.world.now += 3600_000;
      const again = sim.run("runDaily", "rerun");
      expect(again.ok, `rerun after crash at ${k}: ${again.error}`).toBe(true);
      const got = sentKeys(sim);
      const unique = [...new Set(got)];
      expect(unique, `crash at call ${k}`).toEqual([...new Set(want)]);
      expect(got.length - unique.length, `crash at call ${k}: duplicates`).toBe(0);
      expect(statusOf(sim).replace(/Cập nhật lúc [^"]+/, ""), `crash at call ${k}`).toBe(statusOf(base).replace(/Cập nhật lúc [^"]+/, ""));
    };
    return { calls, crashAt };
  };

  it("ends with every due mail sent exactly once and the same statuses", {
    tags: ["slow"],
    timeout: 120000,
  }, () => {
    const { calls, crashAt } = sweep();
    for (let k = 1; k <= calls; k++) crashAt(k);
  });

  it("the same at a sample of calls: the first, the last and a few in between", () => {
    const { calls, crashAt } = sweep();
    for (const k of sampledCalls(calls)) crashAt(k);
  });
});

describe("escaping and mail files", () => {
  it("an HTML and script payload in a concern arrives escaped in the rollup mail, and as plain text in its report", () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { sim } = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { concerns: `Mong tăng lương ${payload}` })],
    });
    const rollup = sim.world.mails.find((m) => m.subject.includes("Tổng hợp báo cáo tháng 10/2018"));
    expect(rollup).toBeTruthy();
    const html = rollup?.htmlBody ?? "";
    // quoted in the report's own marks, the sender's double quotes become single ones (no quotes inside quotes)
    expect(html).toContain("&lt;script&gt;alert(‘x’)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    // the attachment is the report's document as PDF; the document holds the payload as text, nothing more
    expect(rollup?.attachments[0].name).toBe("BC-TG-2018-10.pdf");
    expect(rollup?.attachments[0].contentType).toBe("application/pdf");
    const doc = documentOfBlob(rollup?.attachments[0].data ?? new Uint8Array());
    expect(paragraphsOf(doc.body).map(textOfPara).join("\n")).toContain(payload);
  });

  it("writes .eml files a real mail parser reads, Vietnamese subject intact", async () => {
    const { sim } = play({ settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 } });
    const m = sim.world.mails.find((x) => x.subject.includes("Nhắc nộp báo cáo tháng")) ?? sim.world.mails[0];
    const parsed = await simpleParser(await emlOf(m, "tuyengiao@ldldq1.example.vn"));
    expect(parsed.subject).toBe(m.subject);
    expect(parsed.subject).toContain("Nhắc nộp báo cáo tháng 10/2018");
    expect(parsed.text).toContain("Kính gửi: Ban Chấp hành Công đoàn cơ sở");
    expect(parsed.html).toContain("Trân trọng.");
  });

  it("an unknown placeholder is reported and nothing half-filled is sent", () => {
    const sim = installed({
      settings: { registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
      run: { from: "2018-10-19", to: "2018-10-19" },
    });
    const tab = sim.sheet(TAB.templates);
    const row = tab.values.findIndex((r) => r[4] === "reminder") + 1;
    tab.put(row, 3, "Nhắc {{ten_don_vj}}");
    sim.run("onSheetEdit", "edit", { event: { range: sim.world.sheetOf(sim.ss.id, TAB.templates)?.getRange(row, 3) } });
    sim.world.now = Date.parse("2018-10-19T08:00:00+07:00");
    sim.daily();
    expect(sim.world.mails).toEqual([]);
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toContain("{{ten_don_vj}}");
  });

  it("preview writes what would be sent to a tab, and sends nothing", () => {
    const sim = installed({
      units: [unit("CD001"), unit("CD002")],
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
    });
    sim.world.now = Date.parse("2018-10-19T09:00:00+07:00");
    sim.run("previewMails", "preview", { ui: true });
    expect(sim.world.mails).toEqual([]);
    const rows = sim.sheet(TAB.preview).values;
    expect(rows.slice(2).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      "Thư nhắc CD001 – CĐCS Công ty CD001",
      "Thư nhắc CD002 – CĐCS Công ty CD002",
    ]);
  });
});

describe("the rollup's comparison with the month before", () => {
  it("counts a report that came in before the month's first daily run", () => {
    const { sim } = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
      run: { from: "2018-10-01", to: "2018-11-24" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-01T01:00:00+07:00"),
        submitMonthly("CD001", "2018-11", "2018-11-10T10:00:00+07:00"),
      ],
    });
    const nov = sim.world.mails.find((m) => m.subject.includes("Tổng hợp báo cáo tháng 11/2018"));
    // November at its cut-off beside October at its own: both 100%, no change
    expect(nov?.htmlBody).toMatch(/Tỷ lệ báo cáo<\/td><td[^>]*>100%<\/td><td[^>]*>100%<\/td><td[^>]*>0<\/td>/);
  });
});

describe("send reminders now", () => {
  it("reminds today every unit owing a period still open, once a day, even off the calendar", () => {
    // both units registered: the registration (owed from setup, its deadline having passed) is not this case's
    const registered = registeredAll(["CD001", "CD002"]);
    const sim = installed({
      units: [unit("CD001"), unit("CD002")],
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
      events: [...registered, submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00")],
    });
    for (const e of sim.scenario.events) {
      sim.world.now = e.at;
      sim.apply(e);
    }
    sim.world.now = Date.parse("2018-10-12T15:00:00+07:00");
    const first = sim.remindAll();
    // asked again for the same unit the same day: the sidebar no longer offers it, and the server sends nothing
    const again = sim.sidebar("sidebarRemind", { units: ["CD002"] });
    const reminders = sim.world.mails.filter((m) => m.subject.includes("Nhắc nộp"));
    expect(reminders.map((m) => m.to[0])).toEqual(["cd002@dv.example.vn"]);
    expect(first.message).toContain("Đã gửi 1 thư");
    expect(again.message).toContain("Không gửi thư nào");
  });
});
