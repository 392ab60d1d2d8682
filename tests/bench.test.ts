// A small run of the benchmark: the same budgets, at 100 units (npm run bench goes to 10,000).
import { describe, expect, it } from "vitest";

process.env.BENCH_NO_MAIN = "1";
const { benchSize } = await import("../bench/bench");

describe("benchmark smoke run", () => {
  it("holds the call budgets at 100 and 300 units, the same counts at both", () => {
    const [a, b] = [benchSize(100), benchSize(300)];
    const row = (rows: typeof a, op: string) => rows.find((r) => r.op === op) as (typeof a)[number];
    for (const rows of [a, b]) {
      expect(row(rows, "submit").sheets).toBeLessThanOrEqual(8);
      expect(row(rows, "daily job (reminder day)").sheets).toBeLessThanOrEqual(20);
      expect(row(rows, "daily job (rollup day)").sheets).toBeLessThanOrEqual(20);
      expect(row(rows, "rollup").sheets).toBeLessThanOrEqual(10);
      const refresh = row(rows, "status refresh");
      expect(refresh.sheets - (refresh.byMethod["SpreadsheetApp.getUi"] ?? 0) - (refresh.byMethod["Ui.alert"] ?? 0)).toBeLessThanOrEqual(
        10,
      );
      const daily = row(rows, "daily job (reminder day)");
      expect(daily.mails).toBeGreaterThan(0);
      expect((daily.byMethod["MailApp.sendEmail"] + daily.byMethod["Properties.setProperty"]) / daily.mails).toBeLessThanOrEqual(2);
    }
    for (const op of ["submit", "daily job (reminder day)", "daily job (rollup day)", "setup (again, full roster)"]) {
      expect(row(b, op).sheets, op).toBe(row(a, op).sheets);
    }
  }, 60000);
});
