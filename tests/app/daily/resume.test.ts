// Every job resumable, nothing silent: one scenario per finding of the issue, played through the built bundle. A run
// cut at a chosen call (Revision 3's crash), then the season played on: the records are those of the uncut season,
// no mail goes twice, and what staff would never see otherwise reaches them (an alert, a line on the start tab).
import { describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { TAB } from "../../../src/domain/layout";
import { documentsOf, paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { driveOf } from "../../../standin/documents/drive";
import { buildSummary } from "../../../standin/simulation/summary";
import { cutAt, expectSame, finish, methodsOf, outcomeOf, prepare, restore, type Season } from "../../support/crash";
import { october, setupAgain, yearEnd } from "../../support/crash-scenarios";
import { installed, play, submitMonthly, unit } from "../../support/helpers";

const BASE = { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 };
const four = [unit("CD001"), unit("CD002"), unit("CD003"), unit("CD004")];
const months = ["2018-10", "2018-11", "2018-12", "2019-01"];

type Sim = Season["sim"];
const state = (sim: Sim) => sim.state() as Record<string, unknown> & { archives?: Record<string, { id: string; url: string }> };
const mailKeys = (sim: Sim) =>
  buildSummary(sim, sim.world.now)
    .mails.filter((m) => m.kind !== "alert")
    .map((m) => `${m.kind}|${m.unit ?? ""}|${m.period ?? ""}|${m.at.slice(0, 10)}`);
const alerts = (sim: Sim) => sim.world.mails.filter((m) => m.subject.includes("Cần xử lý"));
const startTab = (sim: Sim) => sim.sheet(TAB.start).values.flat().join("\n");

/** the call of the first run of `job` right after its `nth` call of `method` (cutting there: that next call fails) */
function callAfter(s: Season, job: Parameters<typeof methodsOf>[1], method: string, nth = 1): number {
  const calls = methodsOf(s, job);
  let seen = 0;
  const i = calls.findIndex((m) => m === method && ++seen === nth);
  expect(i, `${job} calls ${method}`).toBeGreaterThanOrEqual(0);
  return i + 2;
}

describe("the yearly archive, cut anywhere, loses nothing", () => {
  // four units report every month on time; 2018 is archived on 25 January, after January's rollup
  const year = {
    units: four,
    settings: BASE,
    run: { from: "2019-01-24", to: "2019-02-01" },
    events: months.flatMap((m) => four.map((u, i) => submitMonthly(String(u.code), m, `${m}-1${i}T10:00:00+07:00`))),
  };
  const s = prepare(year, "2019-01-25T07:30:00+07:00");

  it("cut right after the year's report rows were deleted: January stays 4/4 in the working Sheet, no 2019 archive, no overdue notice", () => {
    cutAt(s, "archive", callAfter(s, "archive", "Sheet.deleteRows"));
    const { sim } = s;
    expect(sim.world.stopped).toHaveLength(1);
    expect(Object.keys(state(sim).archives ?? {})).toEqual(["2018"]);
    const jan = buildSummary(sim, sim.world.now).periods.find((p) => p.period === "2019-01");
    expect(jan).toMatchObject({ expected: 4, received: 4, onTime: 4 });
    expect(sim.world.mails.filter((m) => m.subject.includes("Chưa nhận báo cáo"))).toEqual([]);
    // every January report still in the working Sheet, every 2018 one in the archive, once
    const keys = (rows: unknown[][]) => rows.slice(1).map((r) => String(r[0]));
    const here = keys(sim.sheet(SPECS.monthly.tab).values);
    expect(here.filter((k) => k.includes("2019-01"))).toHaveLength(4);
    const archived = keys(sim.world.spreadsheets.get(state(sim).archives?.["2018"].id ?? "")?.sheet(SPECS.monthly.tab)?.values ?? []);
    expect(archived).toHaveLength(12);
    expect(new Set(archived).size).toBe(12);
  });

  it("cut as it deletes the year's status columns, or after: the archive's status tab holds the year, “Lưu trữ” lists each month once", () => {
    restore(s);
    finish(s);
    const archiveOf = (sim: Sim) => sim.world.spreadsheets.get(state(sim).archives?.["2018"].id ?? "");
    const uncut = {
      status: archiveOf(s.sim)?.sheet(TAB.status)?.values.slice(1),
      listed: s.sim.sheet(TAB.archive).values,
      working: s.sim.sheet(TAB.status).values[1],
      periods: buildSummary(s.sim, s.sim.world.now).periods,
    };
    expect(uncut.status?.[0].slice(3)).toEqual(expect.arrayContaining(["12/2018", "11/2018", "10/2018"]));
    for (const k of [callAfter(s, "archive", "Sheet.deleteColumns") - 1, callAfter(s, "archive", "Sheet.deleteColumns")]) {
      cutAt(s, "archive", k);
      const { sim } = s;
      expect(sim.world.stopped, `cut at ${k}`).toHaveLength(1);
      expect(archiveOf(sim)?.sheet(TAB.status)?.values.slice(1), `cut at ${k}`).toEqual(uncut.status);
      const listed = sim.sheet(TAB.archive).values;
      expect(listed, `cut at ${k}`).toEqual(uncut.listed);
      expect(new Set(listed.map((r) => `${r[0]} ${r[2]}`)).size, `cut at ${k}: each month once`).toBe(listed.length);
      // the working Sheet's status tab no longer holds 2018's periods, and 2018's figures are the archive's
      expect(sim.sheet(TAB.status).values[1], `cut at ${k}`).toEqual(uncut.working);
      const layout = state(sim).status as { periods: string[] };
      expect(
        layout.periods.some((p) => p.startsWith("2018-")),
        `cut at ${k}`,
      ).toBe(false);
      expect(sim.sheet(TAB.status).values[1].slice(4, 4 + layout.periods.length), `cut at ${k}`).toEqual(
        layout.periods.map((p) => `${p.slice(5)}/${p.slice(0, 4)}`),
      );
      expect(buildSummary(sim, sim.world.now).periods, `cut at ${k}`).toEqual(uncut.periods);
    }
  });

  it("the closed year's rollup tabs move to its archive (TH 12.2018), copied whole; the working Sheet keeps January's", () => {
    restore(s);
    const { sim } = s;
    sim.world.now = Date.parse("2019-01-25T07:00:00+07:00");
    expect(sim.sidebar("sidebarRollup", { period: "2018-12" }).ok).toBe(true);
    const tab = sim.sheet("TH 12.2018");
    const before = tab.values.slice(0, 40);
    // every column of its tables, and how their numbers read (counts grouped, rates as percentages, changes signed)
    const numbers = before.flatMap((r, i) => r.flatMap((v, j) => (typeof v === "number" ? [[i + 1, j + 1]] : [])));
    const formats = numbers.map(([r, c]) => tab.format(r, c));
    expect(tab.maxColumns).toBeGreaterThan(2);
    expect(formats).toContain("#,##0");
    expect(formats).toContain("0.0%");
    finish(s);
    expect(sim.ss.sheet("TH 12.2018")).toBeUndefined();
    expect(sim.ss.sheet("TH 01.2019")).toBeTruthy();
    const moved = sim.world.spreadsheets.get(state(sim).archives?.["2018"].id ?? "")?.sheet("TH 12.2018");
    expect(moved?.values.slice(0, 40)).toEqual(before);
    expect(moved?.maxColumns).toBe(tab.maxColumns);
    expect(numbers.map(([r, c]) => moved?.format(r, c))).toEqual(formats);
  });

  it("a deleted archive spreadsheet is named to staff, once a day, with a start-tab line; the follow-up runs do not fail", () => {
    restore(s);
    const { sim } = s;
    const id = state(sim).archives?.["2018"].id ?? "";
    sim.world.spreadsheets.delete(id);
    finish(s);
    const failed = buildSummary(sim, sim.world.now).runs.failed;
    expect(failed).toEqual([]);
    const told = alerts(sim).filter((m) => m.body.includes(`ss-`) && m.body.includes("Lưu trữ"));
    expect(told.length).toBeGreaterThanOrEqual(1);
    // one a day at most
    expect(new Set(told.map((m) => new Date(m.at).toISOString().slice(0, 10))).size).toBe(told.length);
    expect(startTab(sim)).toContain(`Bảng tính lưu trữ năm 2018 không mở được`);
    // nothing was deleted from the working Sheet: 2018's reports are still there
    expect(
      sim
        .sheet(SPECS.monthly.tab)
        .values.slice(1)
        .filter((r) => String(r[4]).endsWith("/2018")),
    ).toHaveLength(12);
  });
});

describe("the log move, cut, sends nothing twice", () => {
  it("cut after the old ledger rows were deleted: the next days send none of November's notices again", { timeout: 120_000 }, () => {
    const units = [unit("CD001"), unit("CD002"), unit("CD003")];
    const raw = {
      units,
      settings: { ...BASE, firstPeriod: "2018-09" },
      // from September, as a Sheet in use runs: the marks of where each month's ledger rows begin are there
      run: { from: "2018-09-28", to: "2018-12-03" },
      events: [
        ...["2018-09", "2018-10"].flatMap((m) => units.map((u) => submitMonthly(String(u.code), m, `${m}-20T10:00:00+07:00`))),
        submitMonthly("CD001", "2018-11", "2018-11-20T10:00:00+07:00"),
      ],
    };
    const s = prepare(raw, "2018-12-01T07:30:00+07:00");
    const uncut = (() => {
      restore(s);
      finish(s);
      return mailKeys(s.sim);
    })();
    cutAt(s, "archive", callAfter(s, "archive", "Sheet.deleteRows"));
    expect(s.sim.world.stopped).toHaveLength(1);
    const got = mailKeys(s.sim);
    expect(new Set(got).size, "no mail twice").toBe(got.length);
    expect(got.sort()).toEqual(uncut.sort());
    // November's overdue notices went once to each unit owing
    expect(got.filter((k) => k.startsWith("overdue|CD002|2018-11"))).toHaveLength(2);
  });
});

describe("rollups never stop silently", () => {
  const raw = {
    units: [unit("CD001"), unit("CD002")],
    settings: BASE,
    run: { from: "2018-10-22", to: "2018-10-25" },
    events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00")],
  };
  const rollups = (sim: Sim) => sim.world.mails.filter((m) => m.subject.includes("Tổng hợp báo cáo tháng 10/2018"));
  const doc = (sim: Sim) => [...documentsOf(sim.world).values()].find((d) => d.name === "BC-TG-2018-10");
  const text = (sim: Sim) => {
    const d = doc(sim);
    return d ? paragraphsOf(d.body).map(textOfPara).join("\n") : "";
  };
  const templateOf = (sim: Sim) => String((state(sim).reports as { templateId: string }).templateId);
  const playFrom = (sim: Sim) => {
    for (const e of sim.scenario.events) {
      sim.world.advanceTo(e.at);
      sim.apply(e);
    }
    sim.world.advanceTo(sim.world.clockTo);
  };

  it("the report template deleted: made again from the default, the rollup goes on its day with its document, staff alerted", () => {
    const sim = installed(raw);
    driveOf(sim.world).files.delete(templateOf(sim));
    documentsOf(sim.world).delete(templateOf(sim));
    playFrom(sim);
    expect(rollups(sim)).toHaveLength(1);
    expect(rollups(sim)[0].attachments).toHaveLength(1);
    expect(alerts(sim).some((m) => m.body.includes("tạo lại từ mẫu mặc định"))).toBe(true);
    expect(startTab(sim)).toContain("Mẫu báo cáo hoặc thư mục báo cáo đã mất");
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).not.toMatch(/File not found|không tìm thấy tệp/i);
  });

  it("the reports' folder deleted: made again, the rollup goes with its document, staff alerted", () => {
    const sim = installed(raw);
    const folder = String((state(sim).reports as { folderId: string }).folderId);
    driveOf(sim.world).files.delete(folder);
    playFrom(sim);
    expect(rollups(sim)).toHaveLength(1);
    expect(rollups(sim)[0].attachments).toHaveLength(1);
    expect(alerts(sim).some((m) => m.body.includes("thư mục"))).toBe(true);
    expect(startTab(sim)).toContain("Mẫu báo cáo hoặc thư mục báo cáo đã mất");
  });

  it("an issuing body typed on two lines: the rollup goes, one document, the two lines as two paragraphs, never a pile of copies", () => {
    const sim = installed({ ...raw, settings: { ...BASE, orgName: "Liên đoàn Lao động\nQuận 1" } });
    playFrom(sim);
    expect(rollups(sim)).toHaveLength(1);
    const made = [...documentsOf(sim.world).values()].filter((d) => d.name.startsWith("BC-TG-2018-10"));
    expect(made).toHaveLength(1);
    expect(text(sim)).toContain("LIÊN ĐOÀN LAO ĐỘNG\nQUẬN 1");
    expect(text(sim)).not.toMatch(/\{\{/);
  });

  it("values keep `$` and `\\`: the signer “Nguyễn Văn $1 \\ An” is printed as typed", () => {
    const sim = installed({ ...raw, settings: { ...BASE, signerName: "Nguyễn Văn $1 \\ An" } });
    playFrom(sim);
    expect(text(sim)).toContain("Nguyễn Văn $1 \\ An");
  });

  it("a broken placeholder {{trich_yeu} is told to staff before the report, and filled; a label staff typed beside a field stays", () => {
    const sim = installed(raw);
    const t = documentsOf(sim.world).get(templateOf(sim));
    for (const p of paragraphsOf(t?.body ?? ({ children: [] } as never))) {
      for (const r of p.runs) {
        r.text = r.text.replace("{{trich_yeu}}", "{{trich_yeu}").replace("{{noi_nhan}}", "Gửi: {{noi_nhan}}");
      }
    }
    playFrom(sim);
    const told = alerts(sim).find((m) => m.body.includes("{{trich_yeu}"));
    const rollup = rollups(sim)[0];
    expect(told, "staff are told").toBeTruthy();
    expect(told && rollup && told.at <= rollup.at, "before the report goes").toBe(true);
    expect(startTab(sim)).toContain("{{trich_yeu}");
    expect(text(sim)).toContain("Tình hình dư luận xã hội, tâm tư, nguyện vọng của đoàn viên, CNVCLĐ tháng 10");
    expect(text(sim)).not.toContain("{{");
    expect(text(sim)).not.toContain("trich_yeu");
    expect(text(sim)).toMatch(/^Gửi: $/m);
  });

  it("a rollup staff ask for that cannot go is said as a failure, not in green", () => {
    const sim = installed({ ...raw, settings: { ...BASE, mailQuota: 0 } });
    playFrom(sim);
    const r = sim.rollupLatest();
    expect(r.ok).toBe(false);
    expect(r.message).toContain("Chưa gửi được tổng hợp");
  });
});

describe("records keep their meaning", () => {
  it("two units that registered on time leave the roster: registration stays 4/4", () => {
    const { summary, sim } = play({
      units: four,
      settings: { ...BASE, registrationDeadline: "2018-10-05", registrationGraceDays: 1 },
      run: { from: "2018-10-01", to: "2018-10-12" },
      events: [
        ...four.map((u, i) => ({
          type: "submit",
          id: `r-${u.code}`,
          form: "registration",
          at: `2018-10-0${i + 1}T10:00:00+07:00`,
          email: `${String(u.code).toLowerCase()}@dv.example.vn`,
          answers: {
            unit: u.code,
            accountType: "cdcs",
            accountName: `Công đoàn ${u.code}`,
            accountUrl: `https://www.facebook.com/cd${String(u.code).toLowerCase()}`,
            groupName: `Góc chia sẻ ${u.code}`,
            groupUrl: "https://www.facebook.com/groups/123456789",
            followed: ["vgcl", "hcm", "q1"],
          },
        })),
        { type: "removeUnit", at: "2018-10-10T09:00:00+07:00", code: "CD003" },
        { type: "removeUnit", at: "2018-10-10T09:05:00+07:00", code: "CD004" },
      ],
    });
    expect(summary.registration).toMatchObject({ expected: 4, received: 4, onTime: ["CD001", "CD002", "CD003", "CD004"] });
    const status = sim.sheet(TAB.status).values;
    expect(status.filter((r) => r[0] === "CD003" || r[0] === "CD004").map((r) => r[3])).toEqual(["Đúng hạn", "Đúng hạn"]);
  });

  it("a confirmation confirms the version and the unit shown: a response an edit moved from CD001 to CD002", () => {
    const first = { ...submitMonthly("CD001", "2018-10", "2018-10-18T10:00:00+07:00", {}, "someone@gmail.example.com"), id: "u1" };
    const { summary } = play({
      settings: BASE,
      units: [unit("CD001"), unit("CD002")],
      events: [
        first,
        { type: "edit", id: "u1", at: "2018-10-19T10:00:00+07:00", answers: { ...first.answers, unit: "CD002" } },
        { type: "confirm", id: "u1", at: "2018-10-20T09:00:00+07:00" },
      ],
    });
    const oct = summary.periods.find((p) => p.period === "2018-10");
    expect(oct?.unverified).toEqual(["CD001"]);
    expect(oct?.onTime).toBe(1);
  });

  it("a settings edit made while a run holds the lock is applied once the lock is free, not dropped", () => {
    const sim = installed({ settings: BASE, run: { from: "2018-10-01", to: "2018-10-02" } });
    sim.world.now = Date.parse("2018-10-01T10:00:00+07:00");
    sim.world.lockHeldElsewhere = true;
    sim.apply({ type: "settings", at: sim.world.now, settings: { registrationDeadline: "2018-10-20" } } as never);
    sim.world.lockHeldElsewhere = false;
    expect((state(sim).settings as { registrationDeadline: string }).registrationDeadline).toBe("2018-09-01");
    sim.world.advanceTo(sim.world.now + 15 * 60000);
    expect((state(sim).settings as { registrationDeadline: string }).registrationDeadline).toBe("2018-10-20");
    const form = sim.world.forms.get(sim.formRef("registration").id);
    expect(form?.description).toContain("20/10/2018");
  });
});

describe("an archived month is judged as it was", () => {
  it("after 2018 is archived: an edit of an on-time December report stays on time; a December paper report of 07/02 is late, and the archive says so", {
    timeout: 120_000,
  }, () => {
    const two = [unit("CD001"), unit("CD002")];
    const dec = submitMonthly("CD001", "2018-12", "2018-12-10T10:00:00+07:00");
    const { sim, summary } = play({
      units: two,
      settings: { ...BASE, firstPeriod: "2018-12" },
      run: { from: "2018-12-01", to: "2019-02-08" },
      events: [
        dec,
        ...two.map((u) => submitMonthly(String(u.code), "2019-01", "2019-01-10T10:00:00+07:00")),
        { type: "edit", id: dec.id, at: "2019-02-06T10:00:00+07:00", answers: { ...dec.answers, situation: "Đã sửa: ổn định." } },
        {
          type: "manual",
          id: "P-DEC",
          form: "monthly",
          at: "2019-02-07T09:00:00+07:00",
          channel: "paper",
          answers: { ...dec.answers, unit: "CD002" },
        },
      ],
    });
    expect(state(sim).archivedThrough).toBe("2018-12");
    const about = (code: string, after: string) =>
      sim.world.mails.filter(
        (m) => m.to.includes(`${code.toLowerCase()}@dv.example.vn`) && m.at >= Date.parse(after) && m.subject.includes("12/2018"),
      );
    const edit = about("CD001", "2019-02-06T00:00:00+07:00");
    expect(edit.length).toBeGreaterThan(0);
    for (const m of edit) expect(m.body).not.toMatch(/trễ hạn/i);
    const paper = about("CD002", "2019-02-07T00:00:00+07:00");
    expect(paper.length).toBeGreaterThan(0);
    const late = /trễ hạn (\d+) ngày/i.exec(paper.map((m) => m.body).join("\n"));
    expect(late, "the paper report's receipt says how late").toBeTruthy();
    // the archive holds the same: CD002 late by as many days, no longer missing; the figures on “Lưu trữ” follow
    const archive = sim.world.spreadsheets.get(state(sim).archives?.["2018"].id ?? "")?.sheet(TAB.status);
    const col = (archive?.values[1] ?? []).indexOf("12/2018");
    const row = archive?.values.find((r) => r[0] === "CD002");
    expect(row?.[col]).toBe(`Trễ hạn (${late?.[1]} ngày)`);
    expect(archive?.values.find((r) => r[0] === "CD001")?.[col]).toBe("Đúng hạn");
    const listed = sim.sheet(TAB.archive).values.find((r) => r[2] === "12/2018");
    const header = sim.sheet(TAB.archive).values[0];
    expect(listed?.[header.indexOf("Trễ hạn")]).toBe(1);
    expect(listed?.[header.indexOf("Chưa nộp")]).toBe(0);
    expect(summary.periods.find((p) => p.period === "2018-12")).toMatchObject({ received: 2, onTime: 1, missing: [] });
  });
});

describe("the daily job and its follow-ups", () => {
  it("the follow-up chain ends: no follow-up trigger left waiting, and the state says so", () => {
    const { sim } = play({ settings: BASE, run: { from: "2018-10-19", to: "2018-10-19" }, events: [] });
    const waiting = sim.world.triggers.filter((t) => t.afterAt !== undefined && !t.spent);
    expect(waiting).toEqual([]);
    expect(state(sim).followUp).toBe("done");
  });

  it("a daily run cut at its first mail is resumed minutes later by the follow-up it scheduled, each mail once", () => {
    const s = prepare(
      { units: [unit("CD001"), unit("CD002")], settings: BASE, run: { from: "2018-10-19", to: "2018-10-19" } },
      "2018-10-19T07:30:00+07:00",
    );
    const k = callAfter(s, "runDaily", "MailApp.sendEmail") - 1;
    cutAt(s, "runDaily", k);
    const out = outcomeOf(s.sim);
    expect(out.stopped).toBe(1);
    const reminders = s.sim.world.mails.filter((m) => m.subject.includes("Nhắc nộp"));
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(["cd001@dv.example.vn", "cd002@dv.example.vn"]);
    // resumed the same morning, not the next day
    for (const m of reminders) expect(new Date(m.at).toISOString().slice(0, 10)).toBe("2018-10-19");
  });
});

describe("Revision 3's crash event through the simulator, each job (a few calls; tests/crash-*.test.ts cut every one)", () => {
  const cases: { job: string; raw: typeof october; at: string; tell?: RegExp }[] = [
    { job: "submit", raw: october, at: "2018-10-23T09:00:00+07:00" },
    { job: "runDaily", raw: october, at: "2018-10-24T07:00:00+07:00" },
    { job: "runFollowUp", raw: october, at: "2018-10-24T07:00:00+07:00" },
    { job: "rollup", raw: october, at: "2018-10-24T07:00:00+07:00", tell: /tổng hợp/i },
    { job: "archive", raw: yearEnd, at: "2019-01-25T07:00:00+07:00", tell: /lưu trữ/i },
    { job: "setup", raw: setupAgain, at: "2018-10-20T13:30:00+07:00" },
  ];
  for (const c of cases) {
    it(`${c.job}: cut at calls 12 and 37, the season ends as the uncut one; the failed run is in runs.failed${c.tell ? " and told to staff" : ""}`, {
      timeout: 120_000,
    }, () => {
      const base = play(c.raw);
      for (const call of [12, 37]) {
        const cut = play({ ...c.raw, events: [...(c.raw.events ?? []), { type: "crash", at: c.at, job: c.job, call }] });
        expect(cut.sim.world.stopped, `${c.job} cut at ${call}`).toHaveLength(1);
        expectSame(outcomeOf(cut.sim), { ...outcomeOf(base.sim), stopped: 1 }, `${c.job} cut at ${call}`);
        expect(
          cut.summary.runs.failed.some((f) => /Exceeded maximum execution time/.test(String(f.error))),
          `${c.job} cut at ${call}`,
        ).toBe(true);
        if (c.tell)
          expect(
            alerts(cut.sim).some((m) => c.tell?.test(m.subject)),
            `${c.job} cut at ${call}: staff told`,
          ).toBe(true);
      }
    });
  }
});
