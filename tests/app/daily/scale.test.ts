// City scale, its mechanisms at a small scale (nothing is timed: the stand-in's clock moves as each call is made): a
// reconcile its run's clock cuts off resumes where it stopped and stores nothing twice; a mail past MailApp's limits is
// reshaped or kept from MailApp, never handed to it again as it was; recipients go in groups of 50; a response tab past
// its share is released while the form keeps every response; a quiet day's views write almost nothing.
import { describe, expect, it } from "vitest";
import { writeState } from "../../../bench/history";
import { SPECS } from "../../../src/domain/forms";
import { TAB } from "../../../src/domain/layout";
import { MAIL_BODY_BYTES, rollupMailHtml, rollupText } from "../../../src/domain/rollup";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { utf8Length } from "../../../src/domain/text";
import { diff } from "../../../standin/meter";
import type { Simulation } from "../../../standin/simulation/simulation";
import { installed, monthlyAnswers, registrationAnswers, unit } from "../../support/helpers";

const at = (s: string) => Date.parse(s);
const codes = (n: number) => Array.from({ length: n }, (_, i) => `CD${String(i + 1).padStart(3, "0")}`);

type Pass = { since: number; upTo: number; forms: Record<string, { n: number; last: string; total: number; done?: boolean }> };
const stateOf = (sim: Simulation) => sim.state() as { lastReconcile: number; reconciling?: Pass; followUp?: string };

/** the keys of the monthly tab's rows: each version once */
function keys(sim: Simulation): string[] {
  return sim
    .sheet(SPECS.monthly.tab)
    .values.slice(1)
    .map((r) => String(r[0] ?? ""))
    .filter(Boolean);
}

/** the follow-up run due first, run as Google would (its trigger spent); what it called */
function nextFollowUp(sim: Simulation) {
  const t = sim.world.triggers.filter((x) => x.afterAt !== undefined && !x.spent).sort((a, b) => (a.afterAt ?? 0) - (b.afterAt ?? 0))[0];
  if (!t) return null;
  sim.world.now = Math.max(sim.world.now, t.afterAt ?? 0);
  t.spent = true;
  const phase = stateOf(sim).followUp;
  const before = sim.world.meter.snapshot();
  const r = sim.run(t.handler, "follow-up");
  return { phase, ok: r.ok, error: r.error, calls: diff(sim.world.meter.snapshot(), before) };
}

/** 24 units, every one's October report lost on the 20th (the forms hold them, no submit event fired) */
function lostReports(n = 24) {
  const sim = installed({ units: codes(n).map((c) => unit(c)), settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" } });
  codes(n).forEach((c, i) => {
    sim.world.now = at("2018-10-20T09:00:00+07:00") + i * 60000;
    sim.apply({
      type: "lost",
      id: `lost-${c}`,
      form: "monthly",
      at: sim.world.now,
      email: `${c.toLowerCase()}@dv.example.vn`,
      answers: monthlyAnswers(c, "2018-10"),
    } as never);
  });
  // each Forms call takes two seconds: a missing response (its answers read) takes about a minute of a run's clock
  sim.world.latency = (service) => (service === "FormApp" ? 2000 : 0);
  sim.world.now = at("2018-10-21T08:00:00+07:00");
  return sim;
}

describe("a reconcile its run's clock cuts off", () => {
  it("the daily run stores what its share of the clock allows, saves where it stands; follow-up runs resume there, each response stored once", () => {
    const sim = lostReports();
    const start = sim.world.now;
    const before = stateOf(sim).lastReconcile;
    expect(sim.run("runDaily", "daily").ok).toBe(true);
    const pass = stateOf(sim).reconciling;
    // cut off: some stored, the place saved, lastReconcile not moved (the submit handler trusts only a finished pass)
    expect(pass?.forms.monthly?.n).toBeGreaterThan(0);
    expect(pass?.forms.monthly?.n).toBeLessThan(24);
    expect(keys(sim)).toHaveLength(pass?.forms.monthly?.n ?? -1);
    expect(stateOf(sim).lastReconcile).toBe(before);
    expect(pass?.upTo).toBe(start);
    const catchUps: { from: number; asked: number }[] = [];
    for (let k = 0; k < 30; k++) {
      const from = stateOf(sim).reconciling?.forms.monthly?.n ?? 0;
      const f = nextFollowUp(sim);
      if (!f) break;
      expect(f.ok, f.error).toBe(true);
      if (f.phase === "reconcile") catchUps.push({ from, asked: f.calls.byMethod["FormResponse.getId"] ?? 0 });
    }
    expect(catchUps.length).toBeGreaterThan(1);
    // each run asks for the ids of the responses it compares, plus the one it stopped after: never the list again from its start
    for (const c of catchUps) expect(c.asked).toBeLessThanOrEqual(24 - c.from + 1);
    expect(new Set(keys(sim)).size).toBe(24);
    expect(keys(sim)).toHaveLength(24);
    // the pass done: the next starts an hour before this one began
    expect(stateOf(sim).reconciling).toBeUndefined();
    expect(stateOf(sim).lastReconcile).toBe(start);
    // the statuses follow what the catch-up stored: every unit on time for October (column E)
    const october = sim
      .sheet(TAB.status)
      .values.filter((r) => /^CD\d{3}$/.test(String(r[0])))
      .map((r) => r[4]);
    expect(october).toEqual(Array(24).fill("Đúng hạn"));
  });

  it("where Google's list no longer has the response it stopped after, the pass compares again from its start, storing nothing twice", () => {
    const sim = lostReports(12);
    sim.run("runDaily", "daily");
    const s = sim.state() as Record<string, unknown> & { reconciling: Pass };
    expect(s.reconciling.forms.monthly.n).toBeGreaterThan(0);
    s.reconciling.forms.monthly.last = "a-response-gone";
    writeState(sim, s);
    let asked = 0;
    for (let k = 0; k < 30; k++) {
      const f = nextFollowUp(sim);
      if (!f) break;
      if (f.phase === "reconcile") asked += f.calls.byMethod["FormResponse.getId"] ?? 0;
    }
    expect(asked).toBeGreaterThanOrEqual(12);
    expect(keys(sim)).toHaveLength(12);
    expect(new Set(keys(sim)).size).toBe(12);
  });

  it("a submit event stored by its handler while a catch-up run compares (the run does not hold the lock) is not stored twice", () => {
    const sim = lostReports(12);
    sim.run("runDaily", "daily");
    const formId = sim.formRef("monthly").id;
    let fired = 0;
    // while the catch-up reads a response's answers, Google finally delivers every event still unstored
    sim.world.during("FormResponse.getItemResponses", () => {
      const stored = new Set(sim.sheet(SPECS.monthly.tab).values.map((r) => String(r[1] ?? "")));
      for (const c of codes(12))
        if (!stored.has(`lost-${c}`)) fired += sim.world.fireFormSubmit(formId, `lost-${c}`).filter((x) => x.ok).length;
    });
    for (let k = 0; k < 30; k++) if (!nextFollowUp(sim)) break;
    expect(fired).toBeGreaterThan(0);
    expect(keys(sim)).toHaveLength(12);
    expect(new Set(keys(sim)).size).toBe(12);
  });
});

/** units registered on 1 October (before their deadline), and, with `reported`, their October report sent on the 2nd */
function registered(units: Record<string, unknown>[], reported = false) {
  const sim = installed({ units, settings: { firstPeriod: "2018-10", registrationDeadline: "2018-10-15" } });
  units.forEach((u, i) => {
    const code = String(u.code);
    const email = (u.emails as string[])[0];
    sim.world.now = at("2018-10-01T09:00:00+07:00") + i * 60000;
    sim.apply({
      type: "submit",
      id: `dk-${code}`,
      form: "registration",
      at: sim.world.now,
      email,
      answers: registrationAnswers(code),
    } as never);
    if (!reported) return;
    sim.world.now = at("2018-10-02T09:00:00+07:00") + i * 60000;
    sim.apply({
      type: "submit",
      id: `bc-${code}`,
      form: "monthly",
      at: sim.world.now,
      email,
      answers: monthlyAnswers(code, "2018-10"),
    } as never);
  });
  return sim;
}

describe("mails past MailApp's limits", () => {
  /** the reminder day of October, with every unit owing its report (registered) */
  function reminderDay(units: Record<string, unknown>[]) {
    const sim = registered(units);
    sim.world.now = at("2018-10-19T08:00:00+07:00");
    return sim;
  }

  /** staff write the reminder's body in the templates tab; the edit trigger takes it */
  function reminderBody(sim: Simulation, body: string) {
    const tab = sim.sheet(TAB.templates);
    const row = tab.values.findIndex((r) => r[4] === "reminder") + 1;
    tab.put(row, 4, body);
    const range = sim.world.meter.quiet(() => sim.world.sheetOf(sim.ss.id, TAB.templates)?.getRange(row, 4));
    sim.run("onSheetEdit", "edit", { event: { range } });
    return row;
  }

  it("a reminder whose staff-written body passes 200 KB is never handed to MailApp, says why, and goes once the template fits", {
    timeout: 180_000,
  }, () => {
    const sim = reminderDay([unit("CD001")]);
    const tab = sim.sheet(TAB.templates);
    const row = tab.values.findIndex((r) => r[4] === "reminder") + 1;
    const original = String(tab.cell(row, 4));
    // 48,000 characters (a Sheets cell holds 50,000), each a letter of three bytes: 144 KB of text, as much again in HTML
    reminderBody(sim, `{{tinh_trang}} ${"ễệữựỗộờởỡợ".repeat(4800)}`);
    // MailApp calls that did not make a mail: Google refusing one
    const refused = () => (sim.world.meter.byMethod["MailApp.sendEmail"] ?? 0) - sim.world.mails.length;
    const reminders = () => sim.world.mails.filter((m) => m.to.includes("cd001@dv.example.vn") && m.subject.includes("Nhắc nộp"));
    const before = refused();
    sim.daily();
    expect(reminders()).toEqual([]);
    expect(refused()).toBe(before);
    const log = sim.sheet(TAB.mailLog).values.map((r) => r.map(String).join("|"));
    expect(log.some((r) => r.includes("Không gửi: nội dung thư") && r.includes("CD001"))).toBe(true);
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toMatch(/Không gửi: nội dung thư \d+ KB, quá giới hạn 200 KB/);
    // the next day the same: composed again, kept from MailApp again
    sim.world.now = at("2018-10-20T08:00:00+07:00");
    sim.daily();
    expect(reminders()).toEqual([]);
    expect(refused()).toBe(before);
    // staff shorten it: it goes, once
    reminderBody(sim, original);
    sim.world.now = at("2018-10-21T08:00:00+07:00");
    sim.daily();
    sim.world.now = at("2018-10-22T08:00:00+07:00");
    sim.daily();
    expect(reminders()).toHaveLength(1);
    expect(refused()).toBe(before);
  });

  it("a unit with 55 addresses gets its reminder in two mails of 50 and 5 recipients, logged once", () => {
    const emails = Array.from({ length: 55 }, (_, i) => `chutich${i + 1}@dv.example.vn`);
    const sim = reminderDay([unit("CD001", { emails })]);
    sim.daily();
    const got = sim.world.mails.filter((m) => m.at >= at("2018-10-19T08:00:00+07:00") && m.to.some((a) => a.startsWith("chutich")));
    expect(got.map((m) => m.to.length + m.cc.length)).toEqual([50, 5]);
    expect(new Set(got.flatMap((m) => m.to))).toEqual(new Set(emails));
    expect(sim.sheet(TAB.mailLog).values.filter((r) => String(r[3]).startsWith("CD001") && String(r[2]) === "Thư nhắc")).toHaveLength(1);
  });

  it("the leaders' mail with thousands of units missing: each list cut after its first units, saying how many more, within the budget", () => {
    const names = Array.from(
      { length: 5000 },
      (_, i) => `CD${String(i + 1).padStart(5, "0")} – CĐCS Công ty trách nhiệm hữu hạn số ${i + 1}`,
    );
    const report = {
      period: "2018-10",
      name: "BC-TG-2018-10",
      fields: {},
      recipients: [],
      body: [
        { kind: "heading" as const, text: "I. KẾT QUẢ", level: 1 as const },
        { kind: "paragraph" as const, parts: ["Đã nộp 5.000/10.000 đơn vị (50,0%)."] },
        { kind: "item" as const, parts: [{ text: "Đơn vị chưa nộp (5.000): ", bold: true }, `${names.join("; ")}.`] },
        { kind: "item" as const, parts: [{ text: "Đơn vị nộp trễ hạn (5.000): ", bold: true }, `${names.join("; ")}.`] },
      ],
      appendix: [],
      texts: [],
      figures: {
        period: "2018-10",
        expected: 10000,
        received: 5000,
        onTime: 0,
        onTimeUnits: [],
        late: names.map((_, i) => ({ unit: `CD${String(i + 1).padStart(5, "0")}`, daysLate: 1 })),
        missing: names.map((_, i) => `CD${String(i + 5001).padStart(5, "0")}`),
        invalid: [],
        unverified: [],
        exempt: [],
        reportingRate: 0.5,
        onTimeRate: 0,
        open: false,
      },
      asOf: Date.UTC(2018, 9, 24, 1),
    };
    expect(utf8Length(names.join("; ")) * 2).toBeGreaterThan(200 * 1024);
    const html = rollupMailHtml(report as never, DEFAULT_SETTINGS, "<p>Kính gửi lãnh đạo.</p>", null, []);
    expect(utf8Length(html)).toBeLessThanOrEqual(MAIL_BODY_BYTES);
    expect(html).toContain("Đã nộp 5.000/10.000 đơn vị (50,0%).");
    expect(html).toContain("CD00001 – CĐCS");
    expect(html.match(/… và [\d.]+ đơn vị khác/g)).toHaveLength(2);
    expect(html).not.toContain("CD05000");
    // a template too long for a mail on its own: the mail goes without it
    const huge = rollupMailHtml(report as never, DEFAULT_SETTINGS, `<p>${"Kính gửi lãnh đạo. ".repeat(20000)}</p>`, null, []);
    expect(utf8Length(huge)).toBeLessThanOrEqual(MAIL_BODY_BYTES);
    expect(huge).toContain("quá dài cho thư");
    // the plain part within a quarter of the budget: the figures and the units to watch first, the greeting whole at
    // the end, the body cut between them saying so
    const greeting = "Kính gửi: Lãnh đạo LĐLĐ Quận 1\n\nBộ phận Tuyên giáo gửi bản tổng hợp.\n\nTrân trọng.";
    const long = { ...report, body: [...report.body, { kind: "paragraph" as const, parts: [names.join("; ")] }] };
    const text = rollupText(
      long as never,
      DEFAULT_SETTINGS,
      greeting,
      { name: "BC-TG-2018-10", url: "https://docs.google.com/document/d/x/edit" },
      [],
    );
    expect(utf8Length(text)).toBeLessThanOrEqual(MAIL_BODY_BYTES / 4);
    expect(text.split("\n").slice(0, 5)).toEqual([
      "TỔNG HỢP BÁO CÁO THÁNG 10/2018",
      "Số liệu tính đến 08:00 ngày 24/10/2018.",
      "",
      "Đã nộp 5.000/10.000 đơn vị (50%), đúng hạn 0, trễ hạn 5.000.",
      "Đơn vị cần chú ý:",
    ]);
    expect(text).toContain("\n- Chưa nộp (5.000): CD05001, CD05002, CD05003, CD05004, CD05005, CD05006 và 4.994 đơn vị khác\n");
    expect(text).toContain("\nMở dự thảo BC-TG-2018-10: https://docs.google.com/document/d/x/edit\n");
    expect(text).toContain("(Nội dung quá dài cho thư: xem văn bản và trang tổng hợp của bảng tính.)");
    expect(text.endsWith(`\n---\n\n${greeting}`)).toBe(true);
  });
});

describe("the Sheet's grid", () => {
  it("a response tab past 100,000 cells is released on the rollup day: the form unlinked, its responses kept and still reconciled", () => {
    const sim = installed({
      units: codes(3).map((c) => unit(c)),
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
    });
    const monthly = [...sim.world.forms.values()][1];
    const registration = [...sim.world.forms.values()][0];
    const name = monthly.destinationSheet ?? "";
    const tab = sim.ss.sheet(name);
    if (!tab) throw new Error("no response tab");
    // Google's tab after thousands of responses, 26 columns wide
    tab.maxRows = 5000;
    sim.world.now = at("2018-10-24T08:00:00+07:00");
    sim.daily();
    expect(sim.ss.sheet(name)).toBeUndefined();
    expect(monthly.destination).toBeNull();
    // the other one, small, stays linked
    expect(registration.destination).toBe(sim.ss.id);
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toContain(`thôi ghi vào trang “${name}”`);
    // a response after it: in the form, stored by its submit event, and by the reconcile when the event is lost
    sim.world.now = at("2018-10-25T10:00:00+07:00");
    sim.apply({
      type: "lost",
      id: "after",
      form: "monthly",
      at: sim.world.now,
      email: "cd001@dv.example.vn",
      answers: monthlyAnswers("CD001", "2018-10"),
    } as never);
    sim.world.now = at("2018-10-26T08:00:00+07:00");
    sim.daily();
    expect(monthly.responses.map((r) => r.id)).toContain("after");
    expect(sim.sheet(SPECS.monthly.tab).values.some((r) => r[1] === "after")).toBe(true);
    expect(sim.ss.sheets.map((s) => s.name)).not.toContain(name);
  });

  it("a quiet day's views write a line or two: the lists, the Zalo list and the dashboard unchanged", () => {
    const sim = registered(
      codes(40).map((c) => unit(c)),
      true,
    );
    sim.world.now = at("2018-10-10T08:00:00+07:00");
    sim.daily();
    sim.world.now = at("2018-10-11T08:00:00+07:00");
    const before = sim.world.meter.snapshot();
    sim.daily();
    const written = diff(sim.world.meter.snapshot(), before).cellsWritten;
    // the title lines (their time) and the run's own records; 40 units × 3 list cells would be more than this alone
    expect(written).toBeLessThan(120);
    expect(String(sim.sheet(TAB.zalo).cell(1, 1))).toContain("11/10/2018");
  });
});
