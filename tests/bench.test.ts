// A small run of the benchmark: the same budgets at 100 and 300 units (npm run bench goes to 10,000 and 48 months).
import { describe, expect, it } from "vitest";

process.env.BENCH_NO_MAIN = "1";
const { benchHistory, benchBurst, check } = await import("../bench/bench");

describe("benchmark smoke run", () => {
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
