// A small run of the benchmark: the same budgets at 100 and 300 units (npm run bench goes to 10,000 and 48 months),
// and the city-scale scenarios at a few hundred units, Google's six-minute end emulated. In the slow run (city-scale
// data): the fast run keeps the same budgets on smaller worlds (tests/app/daily/scale.test.ts, the call counts at 10
// and 1,000 units in the setup, submit and refresh tests).
import { describe, expect, it } from "vitest";

process.env.BENCH_NO_MAIN = "1";
const { benchHistory, benchBurst, check } = await import("../../bench/bench");
const { grid, halfReported, rollupMissing, rush, setupStates } = await import("../../bench/scale");

describe("benchmark smoke run", { tags: ["slow"], timeout: 300000 }, () => {
  it("holds the budgets at 100 and 300 units; the daily job reads the same with 6 and 12 months behind it", () => {
    const rows = [...benchHistory(100, 6), ...benchHistory(100, 12), ...benchHistory(300, 6), ...benchHistory(300, 12)];
    const row = (op: string, units: number, months: number) => rows.find((r) => r.op === op && r.units === units && r.months === months);
    expect(check(rows)).toEqual([]);
    for (const n of [100, 300]) {
      const a = row("daily job (reminder day)", n, 6);
      const b = row("daily job (reminder day)", n, 12);
      expect(a?.mails).toBeGreaterThan(0);
      expect(b?.cellsRead).toBeLessThanOrEqual((a?.cellsRead ?? 0) * 1.05);
      expect(b?.sheets).toBe(a?.sheets);
      expect(row("submit", n, 12)?.sheets).toBeLessThanOrEqual(8);
    }
    // calls do not grow with the roster
    expect(row("daily job (reminder day)", 300, 6)?.sheets).toBe(row("daily job (reminder day)", 100, 6)?.sheets);
    expect(row("submit", 300, 6)?.sheets).toBe(row("submit", 100, 6)?.sheets);
  }, 120000);

  it("the daily run after a burst of submissions reconciles them in one run", () => {
    const rows = benchBurst(300);
    // one daily run, its follow-ups sending the rest (and, the first time, the archive of the months behind)
    expect(rows.filter((r) => r.op.startsWith("daily job after") && !r.op.includes("follow-up"))).toHaveLength(1);
    expect(rows[0].byMethod["FormResponse.getId"]).toBeGreaterThanOrEqual(300);
    expect(check(rows)).toEqual([]);
  }, 120000);
});

describe("city scale under real load, small", { tags: ["slow"], timeout: 300000 }, () => {
  it("a deadline rush whose submit events are lost: stored by the daily run and follow-up runs that resume it, none cut off", () => {
    const r = rush(300, true);
    expect(r.problems).toEqual([]);
    expect(r.figures.stored).toBe(r.figures.rush);
    // the daily run's clock left some to follow-up runs
    expect(r.figures.catchUps).toBeGreaterThan(0);
    expect(r.longestMs).toBeLessThan(360_000);
  }, 240000);

  it("a deadline rush delivered: every response stored, the reminder day's reminders sent to the units still owing", () => {
    const r = rush(200, false);
    expect(r.problems).toEqual([]);
    expect(r.figures.stored).toBe(r.figures.rush);
    expect(r.figures.reminders).toBe(10);
  }, 240000);

  it("half reported with a small quota: the rest held, named in the Zalo list, sent on the next days, each unit once", () => {
    const r = halfReported(200, 40);
    expect(r.problems).toEqual([]);
    expect(r.figures.sentFirst).toBe(40);
    expect(r.held).toBe(60);
    expect(r.figures.zalo).toBe(60);
    expect(r.figures.reminded).toBe(100);
    expect(r.figures.twice).toBe(0);
  }, 240000);

  it("setup after a roster change, on a month's first day, after a stopped setup: dropdowns written whole, never read back", () => {
    const rows = setupStates(150);
    expect(rows.flatMap((x) => x.problems)).toEqual([]);
    for (const x of rows) {
      expect(x.figures.choiceWrites).toBeGreaterThan(0);
      // the few fixed choices of the multiple-choice questions only, whatever the roster's size
      expect(x.figures.choiceReads).toBeLessThan(20);
    }
  }, 240000);

  it("the rollup mail and the grid: within MailApp's limit; rollup tabs as narrow as their widest table", () => {
    const m = rollupMissing(200);
    expect(m.problems).toEqual([]);
    expect(m.figures.bytes).toBeGreaterThan(0);
    expect(m.figures.bytes).toBeLessThan(200 * 1024);
    const g = grid(150, 12);
    expect(g.row.problems).toEqual([]);
    // a table's values each in its own column: the widest is the trend's (its label, six months, the running total)
    expect(g.grid.rollupTab.cols).toBeGreaterThan(2);
    expect(g.grid.rollupTab.cols).toBeLessThanOrEqual(8);
    expect(g.grid.moved).toBeLessThanOrEqual(g.grid.kept);
  }, 240000);
});
