// Attacks on the built bundle through the stand-in: races, crashes, clocks, staff moving columns, payloads, sizes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { parseAnswers } from "../../../src/domain/forms/spec";
import { codeOfLabel, reportHeader, TAB } from "../../../src/domain/layout";
import type { Unit } from "../../../src/domain/units";
import { Simulation } from "../../../standin/simulation/simulation";
import { SimulationSnapshot } from "../../../standin/simulation/snapshot";
import { colOf, installed, monthlyAnswers, play, sampledCalls, scenario, submitMonthly, unit } from "../../support/helpers";

describe("races and redeliveries", () => {
  it("30 submissions with the lock contended: 30 rows, each for the right unit, none dropped", () => {
    const units = Array.from({ length: 30 }, (_, i) => unit(`CD${String(i + 1).padStart(3, "0")}`));
    const events = units.map((u, i) => submitMonthly(u.code as string, "2018-10", `2018-10-20T10:${String(i).padStart(2, "0")}:00+07:00`));
    const sim = new Simulation(
      scenario({ units, events, settings: { firstPeriod: "2018-10" }, run: { from: "2018-10-20", to: "2018-10-21" } }),
    );
    sim.install();
    // every third submission finds the lock held by another run
    sim.scenario.events.forEach((e, i) => {
      sim.world.advanceTo(e.at);
      if (i % 3 === 0) sim.world.lockBusy = 1;
      sim.apply(e);
    });
    sim.world.advanceTo(sim.world.clockTo);
    const rows = sim.sheet(SPECS.monthly.tab).values.slice(1);
    expect(rows).toHaveLength(30);
    expect(rows.map((r) => codeOfLabel(r[3])).sort()).toEqual(units.map((u) => u.code));
    expect(rows.every((r) => r[1] === events.find((e) => e.answers.unit === codeOfLabel(r[3]))?.id)).toBe(true);
    // the ten left to the reconcile were logged, not lost
    expect(
      sim
        .sheet(TAB.runLog)
        .values.flat()
        .filter((v) => String(v).includes("Khóa đang bận")),
    ).toHaveLength(10);
  });

  /** the world set up once and copied for each crash; the submit handler's call count without a crash */
  const submitSweep = () => {
    const raw = {
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-10-21", to: "2018-10-21" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00")],
    };
    const first = new Simulation(scenario(raw));
    first.install();
    const snap = new SimulationSnapshot(first, true);
    const base = snap.start(scenario(raw));
    const e = base.scenario.events[0];
    base.world.now = e.at;
    const before = base.world.meter.total;
    base.apply(e);
    const calls = base.world.meter.total - before;
    expect(calls).toBeGreaterThan(10);
    /** the submit handler crashes at its k-th call; the daily run follows */
    const crashAt = (k: number) => {
      const sim = snap.start(scenario(raw));
      sim.world.now = e.at;
      sim.world.meter.faults = [{ atCall: sim.world.meter.total + k }];
      sim.apply(e);
      sim.world.meter.faults = [];
      sim.world.advanceTo(sim.world.clockTo);
      expect(sim.sheet(SPECS.monthly.tab).values.slice(1), `crash at call ${k}`).toHaveLength(1);
      const receipts = sim.world.mails.filter((m) => m.subject.includes("Đã nhận"));
      expect(receipts.length, `crash at call ${k}`).toBe(1);
    };
    return { calls, crashAt };
  };

  it("a crash at every service call of the submit handler, then the daily run: one row, one receipt", {
    tags: ["slow"],
    timeout: 120000,
  }, () => {
    const { calls, crashAt } = submitSweep();
    for (let k = 1; k <= calls; k++) crashAt(k);
  });

  it("the same at a sample of calls: the first, the last and a few in between", () => {
    const { calls, crashAt } = submitSweep();
    for (const k of sampledCalls(calls)) crashAt(k);
  });
});

describe("clocks and time zones", () => {
  it("the settings' zone decides, whatever the script's and the sheet's zones", () => {
    // Tokyo is two hours ahead of Hồ Chí Minh City
    const { summary } = play({
      units: [unit("CD001"), unit("CD002")],
      settings: { timeZone: "Asia/Tokyo", firstPeriod: "2018-10" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-23T23:30:00+09:00"),
        submitMonthly("CD002", "2018-10", "2018-10-24T00:30:00+09:00"),
      ],
    });
    const f = summary.periods[0];
    expect(f.onTime).toBe(1);
    expect(f.late).toEqual([{ unit: "CD002", daysLate: 1 }]);
    expect(summary.mails.every((m) => m.at.endsWith("+09:00"))).toBe(true);
  });
});

describe("staff changing the Sheet", () => {
  it("a moved column stops the job with a Vietnamese message naming it; nothing is written into it", () => {
    const sim = installed({
      settings: { firstPeriod: "2018-10" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00")],
    });
    sim.world.now = Date.parse("2018-10-18T10:00:00+07:00");
    sim.apply(sim.scenario.events[0]);
    const tab = sim.sheet(SPECS.monthly.tab);
    const status = JSON.stringify(sim.sheet(TAB.status).values);
    // staff insert a column before "Kỳ": the periods move one column right
    for (const row of tab.values) row.splice(4, 0, "");
    sim.world.now = Date.parse("2018-10-19T08:00:00+07:00");
    const r = sim.daily();
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(
      /^Trang “Báo cáo tháng”, cột [E-F] \([^)]+\) dòng 2: dữ liệu không đúng dạng\. Cột đã bị chèn, di chuyển hoặc đổi tên/,
    );
    expect(sim.world.mails.filter((m) => m.subject.includes("Nhắc"))).toEqual([]);
    expect(JSON.stringify(sim.sheet(TAB.status).values)).toBe(status);
    // the failure is in the run log
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toMatch(/cột [E-F] \([^)]+\) dòng 2: dữ liệu không đúng dạng/);
  });

  it("a renamed column is named by setup, which never moves a stored column", () => {
    const sim = installed({ settings: { firstPeriod: "2018-10" }, events: [] });
    sim.sheet(SPECS.monthly.tab).put(1, 5, "Tháng báo cáo");
    sim.world.alerts = [];
    sim.run("setup", "again", { ui: true });
    expect(sim.world.alerts.join("\n")).toContain("Trang “Báo cáo tháng”, cột E: cần “Kỳ” nhưng đang là “Tháng báo cáo”");
  });

  it("a deleted tab is named, and setup brings it back", () => {
    const sim = installed({ events: [] });
    sim.ss.sheets = sim.ss.sheets.filter((s) => s.name !== SPECS.monthly.tab);
    const r = sim.daily();
    expect(r.error).toContain("“Báo cáo tháng”");
    sim.run("setup", "setup", { ui: true });
    expect(sim.daily().ok).toBe(true);
  });

  it("the product's own tabs are protected against staff edits; staff still edit roster, settings and templates", () => {
    const sim = installed({ events: [] });
    // a colleague the Sheet is shared with, whom the settings do not name as staff
    const [w, other] = [sim.world, "canbo1@ldldq1.example.vn"];
    sim.ss.editors.push(other);
    for (const name of [SPECS.monthly.tab, SPECS.registration.tab, TAB.status, TAB.dashboard, TAB.mailLog, TAB.runLog]) {
      // only the owner, whom Google never lists, edits them: no staff account is named in the settings
      expect(sim.sheet(name).protections[0]?.editors, name).toEqual([]);
      expect(() => w.type(sim.ss.id, name, 5, 1, "x", other), name).toThrow();
    }
    for (const name of [TAB.units, TAB.settings, TAB.templates, TAB.manualMonthly]) {
      expect(sim.sheet(name).protections, name).toEqual([]);
      expect(() => w.type(sim.ss.id, name, 60, 1, "x", other), name).not.toThrow();
    }
  });
});

describe("payloads", () => {
  it("values starting with = + - @, tab, CR or LF are stored as text; markup is escaped in every mail", () => {
    const payloads = ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx", "<img src=x onerror=alert(1)>"];
    const { sim } = play({
      settings: { firstPeriod: "2018-10" },
      events: payloads.map((p, i) =>
        submitMonthly("CD001", "2018-10", `2018-10-2${i % 3}T10:0${i}:00+07:00`, { situation: p, opinion: `${p} ${i}` }),
      ),
    });
    const tab = sim.sheet(SPECS.monthly.tab);
    expect(tab.formulas.size).toBe(0);
    expect(
      tab.values
        .slice(1)
        .map((r) => r[colOf(tab, "Tình hình CNVCLĐ")])
        .sort(),
    ).toEqual(payloads.map((p) => p.trim()).sort());
    for (const m of sim.world.mails) {
      expect(m.htmlBody ?? "").not.toMatch(/<img|<script/);
    }
  });
});

describe("triggers never touch the UI", () => {
  it("a whole season runs with no UI call outside a menu", () => {
    const { sim } = play({
      units: [unit("CD001"), unit("CD002")],
      run: { from: "2018-09-01", to: "2018-12-31" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00")],
    });
    expect(sim.log.filter((l) => !l.ok)).toEqual([]);
    expect(sim.world.logs.join("\n")).not.toContain("getUi");
  });
});

describe("size guards", () => {
  it("a rollup whose texts would pass 200 KB: the mail stays small and links the document; the texts stay in the tab", () => {
    const units = Array.from({ length: 12 }, (_, i) => unit(`CD${String(i + 1).padStart(3, "0")}`));
    const long = "Ý kiến dài. ".repeat(2000);
    const { sim } = play({
      units,
      settings: { firstPeriod: "2018-10" },
      events: units.map((u, i) =>
        submitMonthly(u.code as string, "2018-10", `2018-10-20T10:${String(i).padStart(2, "0")}:00+07:00`, { concerns: long }),
      ),
    });
    const rollup = sim.world.mails.find((m) => m.subject.includes("Tổng hợp báo cáo tháng 10/2018"));
    expect(rollup).toBeTruthy();
    expect((rollup?.htmlBody ?? "").length).toBeLessThan(200 * 1024);
    expect(rollup?.htmlBody).not.toContain(long.trim());
    expect(rollup?.htmlBody).toContain("Dự thảo văn bản (Google Docs)");
    expect(sim.sheet("TH 10.2018").values.flat().join("").length).toBeGreaterThan(200000);
  });

  it("journal entries and stored state stay within the 9 KB a property value holds", () => {
    const { sim } = play({ units: Array.from({ length: 60 }, (_, i) => unit(`CD${String(i + 1).padStart(3, "0")}`)) });
    for (const [k, v] of sim.world.properties) expect(v.length, k).toBeLessThanOrEqual(9 * 1024);
  });
});

describe("property-based: 1,000 generated answers per form", () => {
  const units = new Map<string, Unit>([
    ["CD001", { code: "CD001", name: "CĐCS Công ty Ánh Dương", chair: "", emails: [], phone: "", group: "", activeFrom: "", activeTo: "" }],
  ]);
  const ctx = { units, firstPeriod: "2018-09", receivedMonth: "2018-10" };
  const vi = fc.constantFrom(
    "Công đoàn",
    "Ánh Dương",
    "tâm tư",
    "nguyện vọng",
    "Quận 1",
    "đoàn viên",
    "CĐ",
    "=SUM(1)",
    "<b>x</b>",
    "  ",
    "",
  );
  const text = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 60 }),
    vi,
    vi.map((s) => s.normalize("NFD")),
    fc.string({ unit: "binary", maxLength: 40 }),
  );
  const value = fc.oneof(text, fc.integer({ min: -5, max: 2_000_000 }), fc.double(), fc.constant(null), fc.array(text, { maxLength: 4 }));
  const viMessage = /[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữíìịỉĩúùụủũýỳỵỷỹ]/;

  for (const spec of [SPECS.registration, SPECS.monthly]) {
    it(`${spec.id}: never crashes; accepted with normal values, or rejected in Vietnamese naming the question`, () => {
      const answers = fc.record(
        Object.fromEntries(
          spec.fields.map((f) => [f.key, fc.oneof(value, fc.constantFrom("CD001", "2018-10", "10/2018", "cdcs", "vgcl"))]),
        ),
      );
      fc.assert(
        fc.property(answers, (raw) => {
          const r = parseAnswers(spec, raw, ctx);
          if (r.ok) {
            for (const [k, v] of Object.entries(r.value)) {
              if (typeof v === "string") {
                expect(v).toBe(v.normalize("NFC"));
                expect(v.length).toBeLessThan(50000);
              }
              if (spec.fields.find((f) => f.key === k)?.kind === "number") expect(Number.isInteger(v) && (v as number) >= 0).toBe(true);
            }
          } else {
            for (const e of r.problem.errors) {
              const f = spec.fields.find((x) => x.key === e.key);
              // the question as the respondent saw it in the form
              expect(e.message.startsWith(`${f?.title}: `)).toBe(true);
              expect(e.message).toMatch(viMessage);
            }
          }
        }),
        { numRuns: 1000 },
      );
    });
  }

  it("a rejected submission changes nothing already stored (through the bundle)", () => {
    const sim = installed({ settings: { firstPeriod: "2018-10" }, events: [] });
    const good = submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00");
    sim.world.now = Date.parse(good.at);
    sim.apply(scenario({ events: [good] }).events[0]);
    sim.run("refreshStatus", "refresh", { ui: true });
    const status = JSON.stringify(sim.sheet(TAB.status).values.slice(14));
    fc.assert(
      fc.property(
        fc.record({
          sharedPosts: fc.oneof(fc.constant("-1"), fc.constant("mười"), fc.constant("2,5")),
          unit: fc.constantFrom("CD001", "cd001"),
        }),
        (bad) => {
          const e = { ...submitMonthly("CD001", "2018-10", "2018-10-21T10:00:00+07:00"), answers: monthlyAnswers("CD001", "2018-10", bad) };
          sim.world.now += 60000;
          sim.apply(scenario({ events: [e] }).events[0]);
          sim.run("refreshStatus", "refresh", { ui: true });
          expect(JSON.stringify(sim.sheet(TAB.status).values.slice(14))).toBe(status);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("the 6-minute limit", () => {
  it("a daily job past 4 minutes leaves the rest to a follow-up run, which sends no mail twice", () => {
    const units = Array.from({ length: 30 }, (_, i) => unit(`CD${String(i + 1).padStart(3, "0")}`));
    const sim = new Simulation(
      scenario({
        units,
        settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
        run: { from: "2018-10-19", to: "2018-10-19" },
      }),
    );
    sim.install();
    // each mail takes 20 s on Google's side: twelve fit in the first four minutes
    sim.world.latency = (_s, method) => (method === "MailApp.sendEmail" ? 20_000 : 0);
    const runs: string[] = [];
    const rows = (tab: string) => sim.sheet(tab).values.filter((r) => r.some((v) => v !== "")).length;
    const logs: number[][] = [];
    sim.world.advanceTo(sim.world.clockTo, (t, _at, r) => {
      expect(r.ok, r.error).toBe(true);
      runs.push(t.handler);
      logs.push([rows(TAB.ledger), rows(TAB.mailLog), rows(TAB.runLog)]);
    });
    const reminders = sim.world.mails.filter((m) => m.subject.includes("Nhắc nộp"));
    expect(reminders).toHaveLength(30);
    expect(new Set(reminders.map((m) => m.to[0])).size).toBe(30);
    // the rest of the mails and the logs, then the Zalo list and the dashboard, each in a run of its own
    expect(runs).toEqual(["runDaily", "runFollowUp", "runFollowUp", "runFollowUp"]);
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toMatch(/Gần hết thời gian của một lần chạy: \d+ thư còn lại/);
    // a sending run another follows a minute later writes the ledger and the run log at once and leaves the staff's
    // mail log to that run (an append fewer); at the end every mail is in the ledger and the mail log once, every run
    // in the run log once, in order
    const [, first, second] = logs;
    expect(first[0]).toBeGreaterThan(logs[0][0]);
    expect(first[1]).toBe(logs[0][1]);
    expect(first[2]).toBeGreaterThan(logs[0][2]);
    expect(second[1]).toBe(second[0]);
    const ledger = sim
      .sheet(TAB.ledger)
      .values.slice(1)
      .filter((r) => r[0]);
    expect(new Set(ledger.map((r) => String(r[0]))).size).toBe(ledger.length);
    expect(rows(TAB.mailLog)).toBe(rows(TAB.ledger));
    const runLog = sim.sheet(TAB.runLog).values.map((r) => r.join(" | "));
    expect(runLog.filter((l) => /Đã gửi \d+ thư còn lại/.test(l))).toHaveLength(2);
    const times = sim
      .sheet(TAB.runLog)
      .values.slice(1)
      .map((r) => new Date(r[0] as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe("the Sheet's 10 million cells", () => {
  it("the daily job warns in the run log as the Sheet nears the limit", { tags: ["slow"], timeout: 60000 }, () => {
    const sim = installed({ settings: { firstPeriod: "2018-10" }, events: [] });
    const tab = sim.sheet(SPECS.monthly.tab);
    for (let i = 0; i < 420000; i++) tab.values.push([`old-${i}@0`, `old-${i}`, new Date(0), "CD001", "09/2018", "Hợp lệ"] as never);
    tab.maxRows = tab.values.length + 100;
    // a state Google allows: setup keeps the report tab to its own columns, so every tab together stays under 10 million
    expect(tab.maxColumns).toBe(reportHeader(SPECS.monthly).length);
    expect(sim.ss.cellCount()).toBeLessThan(10_000_000);
    sim.world.now = Date.parse("2018-10-19T08:00:00+07:00");
    sim.daily();
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toMatch(/gần giới hạn 10 triệu ô/);
  });
});
