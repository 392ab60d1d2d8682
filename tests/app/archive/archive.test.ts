// The yearly archive at city scale: a closed year's reports and statuses move to an archive spreadsheet of their own,
// the working Sheet shrinks well under Google's 10 million cells, and every figure stays what it was.
import { describe, expect, it } from "vitest";
import { history } from "../../../bench/history";
import { instantOf } from "../../../src/domain/dates";
import { SPECS } from "../../../src/domain/forms";
import { TAB } from "../../../src/domain/layout";
import { buildSummary } from "../../../standin/simulation/summary";

describe("the archive of 2018 at 10,000 units", { tags: ["slow"] }, () => {
  it("moves 2018's reports and status columns out, keeps every figure, and leaves the Sheet under 5 million cells", () => {
    // every unit reported every month of 2018 and January 2019
    const { sim } = history(10000, 13, 1, "2019-01");
    sim.world.now = instantOf("2019-01-28", "Asia/Ho_Chi_Minh", 10);
    const before = buildSummary(sim, sim.world.now);
    const cellsBefore = sim.ss.cellCount();
    const rowsBefore = sim.sheet(SPECS.monthly.tab).lastRow();
    const r = sim.run("archiveOldData", "lưu trữ", { ui: true });
    expect(r.ok, r.error).toBe(true);
    expect(sim.world.alerts.join("\n")).toMatch(/Năm 2018: chuyển 120000 dòng báo cáo tháng và 12 kỳ/);
    const after = buildSummary(sim, sim.world.now);
    // the figures of every period, 2018's included, as before
    expect(after.periods).toEqual(before.periods);
    expect(after.registration).toEqual(before.registration);
    // 2018's rows are in the archive spreadsheet, January 2019's stay
    const state = sim.state() as { archives: Record<string, { id: string }>; archivedThrough: string };
    expect(state.archivedThrough).toBe("2018-12");
    const archive = sim.world.spreadsheets.get(state.archives[2018].id);
    expect(archive?.sheet(SPECS.monthly.tab)?.lastRow()).toBe(120001);
    expect(sim.sheet(SPECS.monthly.tab).lastRow()).toBe(rowsBefore - 120000);
    // the archive's tabs are as wide as their rows, not a new sheet's 26 columns: a year of a city fits in one file
    expect(archive?.sheet(SPECS.monthly.tab)?.maxColumns).toBe(sim.sheet(SPECS.monthly.tab).maxColumns);
    // (a year of reports and logs is ~4.5 million cells so; at 26 columns a row it would be ~10 million)
    expect(archive?.cellCount()).toBeLessThan(5_000_000);
    // the figures stay readable in the working Sheet, linked to the archive
    const kept = sim.sheet(TAB.archive).values.slice(1);
    expect(kept).toHaveLength(12);
    expect(kept.map((r) => r[2])).toEqual([
      "01/2018",
      "02/2018",
      "03/2018",
      "04/2018",
      "05/2018",
      "06/2018",
      "07/2018",
      "08/2018",
      "09/2018",
      "10/2018",
      "11/2018",
      "12/2018",
    ]);
    expect(kept[11].slice(0, 2)).toEqual([2018, expect.stringContaining("ss-")]);
    // the figures kept there are the status tab's: 10,000 expected, all on time
    expect(kept[11].slice(4, 7)).toEqual([10000, 10000, 10000]);
    expect(sim.ss.cellCount()).toBeLessThan(cellsBefore);
    expect(sim.ss.cellCount()).toBeLessThan(5_000_000);
    // the daily job goes on from where it stands
    sim.world.now = instantOf("2019-01-29", "Asia/Ho_Chi_Minh", 8);
    expect(sim.daily().ok).toBe(true);
    expect(buildSummary(sim, sim.world.now).periods.find((p) => p.period === "2018-06")).toEqual(
      before.periods.find((p) => p.period === "2018-06"),
    );
  }, 240000);
});

describe("the archive keeps text as text", () => {
  it("an answer that reads as a formula stays text in the archive spreadsheet", () => {
    const { sim } = history(60, 13, 1, "2019-01");
    sim.world.now = instantOf("2019-01-28", "Asia/Ho_Chi_Minh", 10);
    const tab = sim.sheet(SPECS.monthly.tab);
    const col = tab.values[0].indexOf("Tâm tư, nguyện vọng");
    expect(col).toBeGreaterThan(0);
    // a 2018 row; in the working Sheet's plain-text column it is text, read back without an apostrophe
    const evil = '=HYPERLINK("http://x.example","bấm")';
    tab.values[5][col] = evil;
    expect(tab.formulas.size).toBe(0);
    const r = sim.run("archiveOldData", "lưu trữ", { ui: true });
    expect(r.ok, r.error).toBe(true);
    expect(sim.world.alerts.join("\n")).toMatch(/Năm 2018: chuyển/);
    const state = sim.state() as { archives: Record<string, { id: string }> };
    const archived = sim.world.spreadsheets.get(state.archives[2018].id)?.sheet(SPECS.monthly.tab);
    expect(archived?.values.some((row) => row[col] === evil)).toBe(true);
    for (const s of sim.world.spreadsheets.get(state.archives[2018].id)?.sheets ?? []) expect(s.formulas.size, s.name).toBe(0);
  }, 120000);
});
