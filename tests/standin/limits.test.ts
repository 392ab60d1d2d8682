// The limits Google sets and the product relies on, each refused by the stand-in as Google refuses it (with its row
// in docs/google-behaviour.md), and the product staying inside them.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../src/domain/forms";
import { anyLanguage } from "../../standin/messages";
import { World } from "../../standin/world";
import { colOf, play, submitMonthly } from "../support/helpers";

function world(script: string) {
  const w = new World({ now: Date.UTC(2018, 9, 1, 1) });
  const ss = w.createSpreadsheet("Báo cáo", "ss-1");
  w.boundSpreadsheetId = ss.id;
  w.load(script);
  return { w, ss };
}

describe("a cell holds at most 50,000 characters (https://support.google.com/drive/answer/37603)", () => {
  const { w, ss } = world(`
    function many(n) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1, 2).setValues([["x", "é".repeat(n)]]); }
    function one(n) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(2, 1).setValue("a".repeat(n)); }
    function row(n) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow(["b".repeat(n)]); }`);

  it("setValues, setValue and appendRow take 50,000 characters and refuse 50,001, writing nothing", () => {
    for (const fn of ["many", "one", "row"]) {
      expect(w.run(fn, { event: 50_000 }).ok, fn).toBe(true);
      const before = JSON.stringify(ss.sheets[0].values);
      expect(w.run(fn, { event: 50_001 }).error, fn).toMatch(anyLanguage("cellTooLong"));
      expect(JSON.stringify(ss.sheets[0].values), `${fn}: nothing written`).toBe(before);
    }
  });

  it("the product cuts a longer answer with a visible note before it reaches the cell; the run goes on", () => {
    const long = "Tâm tư dài. ".repeat(6000);
    expect(long.length).toBeGreaterThan(60_000);
    const { sim, summary } = play({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
      run: { from: "2018-10-20", to: "2018-10-21" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", { concerns: long })],
    });
    expect(summary.runs.failed).toEqual([]);
    const tab = sim.sheet(SPECS.monthly.tab);
    const cell = String(tab.values[1][colOf(tab, "Tâm tư, nguyện vọng")]);
    expect(cell.length).toBeLessThanOrEqual(50_000);
    expect(cell).toContain("đã cắt bớt");
    expect(summary.periods[0]).toMatchObject({ received: 1, onTime: 1 });
  });
});

describe("a run stops at 6 minutes (https://developers.google.com/apps-script/guides/services/quotas: script runtime)", () => {
  it("a call made past 6 minutes of the run stops it, whatever the script catches; a run inside them goes on", () => {
    const { w } = world(`function slow(n) { var p = PropertiesService.getScriptProperties();
        for (var i = 0; i < n; i++) { try { p.setProperty("k" + i, "v"); } catch (e) {} } return n; }`);
    w.latency = () => 1000;
    expect(w.run("slow", { event: 300 }).ok).toBe(true);
    const r = w.run("slow", { event: 400 });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/Exceeded maximum execution time/);
    // the calls after the limit did nothing
    expect(w.properties.has("k399")).toBe(false);
  });
});

describe("Drive ids given out before the file (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/generateIds)", () => {
  it("an id from generateIds is taken once by create or copy; an id Drive did not give out is refused", () => {
    const { w } = world(`
      function ids() { return Drive.Files.generateIds({ count: 2 }).ids; }
      function make(id) { return Drive.Files.create({ id: id, name: "F", mimeType: "application/vnd.google-apps.folder" }).id; }`);
    const [a, b] = w.run("ids").value as string[];
    expect(a).not.toBe(b);
    expect(w.run("make", { event: a }).value).toBe(a);
    expect(w.run("make", { event: a }).ok, "used once").toBe(false);
    expect(w.run("make", { event: "made-up-id" }).ok).toBe(false);
    expect(w.run("make", { event: b }).value).toBe(b);
  });
});
