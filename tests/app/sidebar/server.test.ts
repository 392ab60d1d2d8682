// The sidebar's server side, called as the page calls it (google.script.run through the stand-in): replies that stay
// small at city scale, "remind all" through the daily job's queue and quota, a confirmation undone the same day, a
// colleague's decision said as such, dates typed dd/mm/yyyy, a second report of a unit and month asked first, and one
// unit's history read in bounded calls.
import { describe, expect, it } from "vitest";
import { code, history, NOW, TZ } from "../../../bench/history";
import { REPLY_BUDGET, sidebarReplies } from "../../../bench/sidebar";
import { HISTORY_PAGE } from "../../../src/app/sidebar/history";
import { instantOf } from "../../../src/domain/dates";
import { SPECS } from "../../../src/domain/forms";
import { DECIDED_LABEL, TAB, VERDICT_LABEL } from "../../../src/domain/layout";
import { kindOfLabel } from "../../../src/domain/mail-kinds";
import { serverCall } from "../../../standin/html";
import { diff } from "../../../standin/meter";
import type { Simulation } from "../../../standin/simulation/simulation";
import { COPIER, installed, paperReport, pausedCopy, registeredAll, submitMonthly, unit } from "../../support/helpers";

const PERSONAL = "chutich.canhan@gmail.example.com";

type Reply = { ok: boolean; message: string; kind?: string; data?: unknown };

/** `codes` units, all registered on the first day, the clock at 15/10/2018 10:00 with `events` played */
function world(codes: string[], events: Record<string, unknown>[] = [], settings: Record<string, unknown> = {}): Simulation {
  const units = codes.map((c) => unit(c));
  const registered = registeredAll(codes);
  const sim = installed({
    units,
    settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1, ...settings },
    events: [...registered, ...events],
    run: { from: "2018-10-01", to: "2018-10-31" },
  });
  for (const e of sim.scenario.events) {
    sim.world.now = e.at;
    sim.apply(e);
  }
  sim.world.now = Date.parse("2018-10-15T10:00:00+07:00");
  return sim;
}

const call = (sim: Simulation, fn: string, arg: unknown) => sim.sidebar(fn, arg) as Reply;
const six = ["CD001", "CD002", "CD003", "CD004", "CD005", "CD006"];
const waiting = () => submitMonthly("CD001", "2018-10", "2018-10-14T09:00:00+07:00", {}, PERSONAL);

/** the unit's October cell in the status tab */
function status(sim: Simulation, c: string): string {
  const st = sim.sheet(TAB.status);
  const col = (st.values[1] as unknown[]).indexOf("10/2018");
  return String(st.values.find((r) => r[0] === c)?.[col] ?? "");
}

describe("the sidebar's server", () => {
  it("fills every text of the record section and gives the date as dd/mm/yyyy hh:mm", () => {
    const sim = world(six);
    const r = call(sim, "sidebarLoad", { section: "record" });
    expect(r.ok, r.message).toBe(true);
    const text = JSON.stringify(r.data);
    expect(text).not.toMatch(/\{\{/);
    const d = r.data as { now: string; units: unknown[]; unitCount: number; forms: { fields: { help: string }[] }[] };
    expect(d.now).toBe("15/10/2018 10:00");
    expect(d.units).toHaveLength(6);
    // the help texts name the federation as the settings do
    expect(d.forms.flatMap((f) => f.fields.map((x) => x.help)).join(" ")).toContain("LĐLĐ");
  });

  it("records a report typed dd/mm/yyyy, refuses a date in another form, and asks before a second report of the same unit and month", () => {
    const sim = world(six);
    const req = paperReport("CD005", "2018-10", "2018-10-15T09:30");
    const iso = call(sim, "sidebarRecord", req);
    expect(iso.ok).toBe(false);
    expect(iso.message).toContain("ngày/tháng/năm");
    const first = call(sim, "sidebarRecord", { ...req, at: "15/10/2018 9:30" });
    expect(first.ok, first.message).toBe(true);
    const typed = sim.sheet(TAB.manualMonthly).values.at(-1) as unknown[];
    expect(typed[1]).toBe("15/10/2018 09:30");
    const mails = sim.world.mails.length;
    const rows = sim.sheet(TAB.manualMonthly).values.length;
    const again = call(sim, "sidebarRecord", { ...req, at: "15/10/2018 10:00" });
    expect(again.ok).toBe(false);
    expect(again.kind).toBe("ask");
    expect(again.message).toContain("CD005 – CĐCS Công ty CD005 đã có tháng 10/2018 (Đúng hạn)");
    // nothing written, nothing sent before staff say so
    expect(sim.sheet(TAB.manualMonthly).values.length).toBe(rows);
    expect(sim.world.mails.length).toBe(mails);
    const forced = call(sim, "sidebarRecord", { ...req, at: "15/10/2018 10:00", force: true });
    expect(forced.ok, forced.message).toBe(true);
    expect(sim.sheet(TAB.manualMonthly).values.length).toBe(rows + 1);
  });

  it("undoes a confirmation the same day: the response waits again, the run log says so; the next day it cannot", () => {
    const sub = waiting();
    const sim = world(six, [sub]);
    const done = call(sim, "sidebarConfirm", { ids: [sub.id] });
    expect(done.ok, done.message).toBe(true);
    expect((done.data as { undo: { ids: string[] } }).undo.ids).toEqual([sub.id]);
    expect(status(sim, "CD001")).toBe("Đúng hạn");
    const row = () => sim.sheet(SPECS.monthly.tab).values.find((r) => r[1] === sub.id) as unknown[];
    expect(row()[5]).toBe(DECIDED_LABEL.confirmed);
    const undone = call(sim, "sidebarUndo", { ids: [sub.id] });
    expect(undone.ok, undone.message).toBe(true);
    expect(undone.message).toContain("trở lại chờ xác nhận");
    expect(row()[5]).toBe(VERDICT_LABEL.unverified);
    expect(row()[6]).toBe("");
    expect(status(sim, "CD001")).toBe("Chờ xác nhận");
    // the run log's entry, in the journal the next run writes to the tab
    const journal = [...sim.world.properties.values()].filter((v) => v.includes("Hoàn tác")).map((v) => JSON.parse(v).data);
    expect(journal).toEqual([expect.objectContaining({ job: "Hoàn tác xác nhận / từ chối", result: "xong" })]);
    expect(journal[0].detail).toContain("Đã hoàn tác");
    // listed again, with the chair and phone to call
    const shown = call(sim, "sidebarLoad", { section: "confirm" });
    const items = (shown.data as { items: { responseId: string; chair: string; phone: string }[] }).items;
    expect(items.map((x) => [x.responseId, x.chair, x.phone])).toEqual([[sub.id, "Chủ tịch CD001", "0903123456"]]);
    // confirmed again, then a day later: too late to undo
    expect(call(sim, "sidebarConfirm", { ids: [sub.id] }).ok).toBe(true);
    sim.world.now += 86400000;
    const late = call(sim, "sidebarUndo", { ids: [sub.id] });
    expect(late.message).toContain("chỉ hoàn tác được trong ngày");
    expect(row()[5]).toBe(DECIDED_LABEL.confirmed);
  });

  it("says a response a colleague already decided is so, not as a success", () => {
    const sub = waiting();
    const sim = world(six, [sub]);
    expect(call(sim, "sidebarConfirm", { ids: [sub.id] }).kind).toBeUndefined();
    const again = call(sim, "sidebarConfirm", { ids: [sub.id] });
    expect(again.kind).toBe("info");
    expect(again.message).toContain("đã được xử lý trước đó");
  });

  it("reminds all through the daily job's send and quota, after counting them; says a second send plainly", () => {
    const codes = Array.from({ length: 12 }, (_, i) => `CD${String(i + 1).padStart(3, "0")}`);
    const sim = world(codes, [], { mailQuota: 5 });
    const view = call(sim, "sidebarLoad", { section: "remind" });
    const d = view.data as { all: { units: number; emails: number }; quota: number };
    expect(d.all).toEqual({ units: 12, emails: 12 });
    expect(d.quota).toBe(5);
    const before = sim.world.mails.length;
    const sent = call(sim, "sidebarRemind", { all: true });
    expect(sent.ok, sent.message).toBe(true);
    const reminders = sim.world.mails.slice(before).filter((m) => m.subject.includes("Nhắc nộp"));
    // the quota holds: the rest waits for the next days, said in words
    expect(reminders.length).toBeLessThanOrEqual(5);
    expect(reminders.length).toBeGreaterThan(0);
    expect(sent.message).toMatch(/^Đã gửi \d thư nhắc\. Còn \d+ thư chưa gửi/);
    expect(sent.message).not.toMatch(/^Đã gửi \d+ thư, để lại/);
    const held = (sim.state() as { held?: { n: number } }).held?.n ?? 0;
    expect(held).toBeGreaterThan(0);
  });

  it("sends a long list a page at a time, found by code or name with or without diacritics", () => {
    const codes = Array.from({ length: 120 }, (_, i) => `CD${String(i + 1).padStart(3, "0")}`);
    const sim = world(codes);
    const first = call(sim, "sidebarLoad", { section: "remind" });
    const p = (first.data as { periods: { units: { code: string }[]; total: number; matched: number }[] }).periods[0];
    expect([p.units.length, p.total, p.matched]).toEqual([50, 120, 120]);
    const next = call(sim, "sidebarLoad", { section: "remind", offset: 100 });
    const q = (next.data as { periods: { units: { code: string }[] }[] }).periods[0];
    expect(q.units.map((u) => u.code)).toEqual(codes.slice(100));
    const found = call(sim, "sidebarLoad", { section: "remind", q: "cdcs cong ty cd077" });
    expect((found.data as { periods: { units: { code: string }[]; matched: number }[] }).periods[0].units.map((u) => u.code)).toEqual([
      "CD077",
    ]);
    const units = call(sim, "sidebarUnits", { q: "CĐCS Công ty CD11" });
    expect((units.data as { items: { value: string }[] }).items.map((u) => u.value)).toEqual(codes.slice(109, 119));
    const zalo = call(sim, "sidebarZalo", { sec: 0, q: "cd12", offset: 0 });
    const z = (zalo.data as { sections: { units: { label: string }[]; count: number }[] }).sections[0];
    expect(z.count).toBe(120);
    expect(z.units.map((u) => u.label)).toEqual(["CD120 – CĐCS Công ty CD120"]);
  });

  it("shows one unit's history: its periods, the versions received with who confirmed them, the mails sent", () => {
    const sub = waiting();
    const sim = world(six, [sub]);
    call(sim, "sidebarConfirm", { ids: [sub.id] });
    sim.world.advanceTo(sim.world.now + 5 * 60000);
    const r = call(sim, "sidebarHistory", { code: "CD001" });
    expect(r.ok, r.message).toBe(true);
    const h = r.data as {
      periods: { title: string; status: string }[];
      versions: { items: { form: string; period: string; decided: string; channel: string }[]; total: number };
      mails: { items: { kind: string; subject: string }[]; total: number };
    };
    expect(h.periods).toEqual(
      expect.arrayContaining([
        { period: "2018-10", title: "Tháng 10/2018", status: "Đúng hạn" },
        { period: "registration", title: "Đăng ký", status: expect.stringMatching(/hạn/) },
      ]),
    );
    expect(h.versions.total).toBe(2);
    expect(h.versions.items[0]).toMatchObject({ form: "Báo cáo tháng", period: "Tháng 10/2018", channel: "Biểu mẫu" });
    expect(h.versions.items[0].decided).toMatch(/^Đã xác nhận: /);
    expect(h.mails.items.some((m) => m.subject.includes("Đã nhận"))).toBe(true);
  });
});

describe("a paused copy's first day", () => {
  it("shows what the first day will send, by kind, and the date warnings; resumed, the first run sends just that", () => {
    const STAFF = COPIER;
    // a copy of the Sheet that ran October, set up on 25/11 before the daily run: it starts paused
    const { sim, copy } = pausedCopy();
    const mailLog = () => copy.sheetOf(copy.boundSpreadsheetId as string, TAB.mailLog)?.model.values ?? [];
    const logged = mailLog().length;
    const shown = serverCall(copy, "sidebarLoad", [{ section: "remind" }], STAFF);
    if (!shown.ok) throw new Error(shown.error);
    const r = shown.value as { paused?: string; firstDay?: { kinds: { kind: string; label: string; count: number }[]; lines: string[] } };
    expect(r.paused).toMatch(/Bắt đầu gửi thư/);
    const first = r.firstDay;
    expect(first?.lines[0]).toMatch(
      /^Nếu bắt đầu gửi thư hôm nay, ngày đầu tiên hệ thống sẽ gửi \d+ thư \(.*Báo trễ hạn: 3.*\)\. Danh sách đầy đủ: trang “Xem trước thư”\.$/,
    );
    // the copy keeps the roster's history: dates are judged from when that roster was first read (before October's
    // deadlines), so no warning says a month it is about to mail for counts for nobody
    expect(first?.lines.slice(1)).toEqual([]);
    expect(first?.lines.length).toBeLessThanOrEqual(4);
    // nothing sent, nothing logged; the preview tab holds the full list
    expect(sim.world.mails.filter((m) => m.from === STAFF)).toEqual([]);
    expect(mailLog().length).toBe(logged);
    const preview = copy.sheetOf(copy.boundSpreadsheetId as string, TAB.preview)?.model.values ?? [];
    const planned = Object.fromEntries((first?.kinds ?? []).map((k) => [k.kind, k.count]));
    expect(preview.slice(2).filter((row) => row[0]).length).toBe(Object.values(planned).reduce((n, c) => n + c, 0));
    // another section opened, the page asking no preview again: the note, not the day's plan (which writes the preview
    // tab); asked again (after an action), the same count
    const open = (firstDay: boolean) => {
      const before = copy.meter.snapshot();
      const got = serverCall(copy, "sidebarLoad", [{ section: "zalo", firstDay }], STAFF);
      if (!got.ok) throw new Error(got.error);
      return { r: got.value as typeof r, d: diff(copy.meter.snapshot(), before) };
    };
    const quiet = open(false);
    const asked = open(true);
    expect(quiet.r.paused).toBe(r.paused);
    expect(quiet.r.firstDay).toBeUndefined();
    expect(asked.r.firstDay?.lines).toEqual(first?.lines);
    expect(quiet.d.byService.SpreadsheetApp).toBeLessThan((asked.d.byService.SpreadsheetApp ?? 0) - 5);
    // resumed: the first daily run (08:00) and its follow-ups send exactly what the box counted
    expect(serverCall(copy, "sidebarResume", [{}], STAFF).ok).toBe(true);
    copy.advanceTo(Date.parse("2018-11-25T12:00:00+07:00"));
    const sent: Record<string, number> = {};
    for (const row of mailLog().slice(logged)) {
      const kind = kindOfLabel(String(row[2])) ?? String(row[2]);
      if (row[8] === "Đã gửi") sent[kind] = (sent[kind] ?? 0) + 1;
    }
    expect(Object.keys(planned).length).toBeGreaterThan(1);
    expect(sent).toEqual(planned);
    expect(sim.world.mails.filter((m) => m.from === STAFF)).toHaveLength(Object.values(planned).reduce((n, c) => n + c, 0));
  });
});

describe("the sidebar at city scale", { tags: ["slow"] }, () => {
  it("reads one unit's history at 1,000 units and 48 months in bounded calls, never the history row by row", () => {
    const { sim } = history(1000, 48);
    sim.world.now = instantOf(`${NOW}-19`, TZ, 10);
    const before = sim.world.meter.snapshot();
    const r = sim.sidebar("sidebarHistory", { code: code(500) }) as Reply;
    const d = diff(sim.world.meter.snapshot(), before);
    expect(r.ok, r.message).toBe(true);
    const h = r.data as { periods: unknown[]; versions: { items: unknown[]; total: number }; mails: { total: number } };
    expect(h.periods.length).toBeGreaterThanOrEqual(48);
    expect(h.versions.total).toBeGreaterThanOrEqual(48);
    expect(h.versions.items).toHaveLength(HISTORY_PAGE);
    // the roster (8 cells a unit), the status tab's header and the unit's row, and the page's rows: not 48,000 rows
    expect(d.cellsRead).toBeLessThan(1000 * 8 + 2000);
    // Sheets' calls: a fixed number per store (the working Sheet, each year's archive) and per row of the page shown;
    // TextFinder's hits each tell their row (Range.getRow), as many as the unit's own rows, never the tab's
    const rowCalls = d.byMethod["Range.getRow"] ?? 0;
    // the working Sheet and each year's archive
    const stores = 1 + Object.keys((sim.state() as { archives?: object }).archives ?? {}).length;
    expect(stores).toBeGreaterThanOrEqual(4);
    expect((d.byService.SpreadsheetApp ?? 0) - rowCalls, JSON.stringify(d.byMethod)).toBeLessThanOrEqual(
      25 * stores + 4 * 2 * HISTORY_PAGE + 10,
    );
    expect(rowCalls).toBeLessThanOrEqual(h.versions.total + h.mails.total + 5);
  }, 300000);

  it("keeps every reply of the sidebar under 200 KB at 10,000 units", () => {
    const rows = sidebarReplies(10000);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.bytes, r.what).toBeLessThan(REPLY_BUDGET);
    // "remind all" went through the send stage: mails went, within the run's clock, the rest left for the follow-ups
    const all = rows.find((r) => r.what.startsWith("remind all"));
    expect(all?.mails).toBeGreaterThan(0);
  }, 600000);
});
