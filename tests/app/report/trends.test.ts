// Diễn biến: the figures each month keeps (units raising each theme, social-media sums, by Khối) checked against the
// reports the demo stored; a sharp rise said in words; the rollup's reads flat whatever the months behind it; a year
// moved to the archive still in the trend.
import { beforeAll, describe, expect, it } from "vitest";
import { TREND_TAB } from "../../../src/app/report/trends";
import { SPECS } from "../../../src/domain/forms";
import { countsIn, sectionOf } from "../../../src/domain/forms/spec";
import { rollupTabName, TAB } from "../../../src/domain/layout";
import { DEFAULT_THEMES, themeHits } from "../../../src/domain/report/themes";
import { KIND_COUNTED, KIND_FIGURE, KIND_THEME, parseTrendRows, type TrendRow, trendOf } from "../../../src/domain/trends";
import { paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { diff } from "../../../standin/meter";
import { type DemoRun, demoRun } from "../../support/demo-run";
import { installed, submitMonthly, unit } from "../../support/helpers";

let demo: DemoRun;
beforeAll(async () => {
  demo = await demoRun();
}, 120000);

const MONTHS = ["2018-09", "2018-10", "2018-11", "2018-12"];
/** the counts the monthly spec places in the social-media table: its rows in the report, its lines in the trend */
const ACTIVITY = countsIn(SPECS.monthly, "activity");
const kept = (rows: unknown[][]): TrendRow[] => parseTrendRows(rows.slice(1));
const sum = (rows: TrendRow[], month: string, kind: string, label: string, group?: string) =>
  rows
    .filter((r) => r[0] === month && r[1] === kind && r[2] === label && (group === undefined || r[3] === group))
    .reduce((t, r) => t + r[4], 0);
const docText = (name: string) => {
  const d = demo.documents.find((x) => x.name === name);
  if (!d) throw new Error(`no document ${name}`);
  return paragraphsOf(d.body).map(textOfPara).join("\n").replace(/\s+/g, " ");
};

/** what a rollup tab says: the units counted, each unit's texts whole, the theme headings and the social-media totals */
function fromRollupTab(values: unknown[][]) {
  const rows = values.map((r) => [String(r[0] ?? ""), String(r[1] ?? "")]);
  const start = rows.findIndex((r) => r[0] === "NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ");
  const sectionTitles = new Set(SPECS.monthly.fields.filter((f) => sectionOf(f)).map((f) => f.column ?? f.title));
  const texts = new Map<string, string[]>();
  for (const [who, text] of rows.slice(start + 1)) {
    const [unitPart, label] = who.split(" – ").length > 2 ? [who.slice(0, 5), who.split(" – ").pop() ?? ""] : who.split(" – ");
    if (sectionTitles.has(label)) continue;
    const code = unitPart.slice(0, 5);
    texts.set(code, [...(texts.get(code) ?? []), text]);
  }
  const headings = new Map<string, number>();
  for (const [a] of rows) {
    const m = /^\d+\. (.+) \((\d+) ĐƠN VỊ\)$/.exec(a);
    if (m) headings.set(m[1], Number(m[2]));
  }
  // the social-media table: its row's value under this month's heading, a number in its own cell
  const totals = new Map<string, unknown>();
  const social = tableUnder(values, /HOẠT ĐỘNG TRÊN MẠNG XÃ HỘI TRONG THÁNG/);
  const col = social.head.findIndex((h) => /^Tháng \d{2}\/\d{4}$/.test(h));
  expect(social.head[0]).toBe("Nội dung");
  for (const r of social.rows) totals.set(String(r[0]), r[col]);
  return { texts, headings, totals };
}

/** the table under a heading of a rollup tab: its header (the first row after the heading with a second cell), then its rows */
function tableUnder(values: unknown[][], heading: RegExp): { head: string[]; rows: unknown[][] } {
  const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;
  const at = values.findIndex((r) => heading.test(String(r[0] ?? "")));
  const first = values.findIndex((r, i) => i > at && filled(r[1]));
  expect(at, String(heading)).toBeGreaterThanOrEqual(0);
  const rows: unknown[][] = [];
  for (let i = first + 1; i < values.length && filled(values[i][1]); i++) rows.push(values[i]);
  return { head: values[first].map((h) => String(h ?? "")), rows };
}

describe("the demo's monthly figures, kept once per month", () => {
  it("match the stored reports: units per theme as each rollup tab's texts give them, by Khối, and the social-media sums", () => {
    const rows = kept(demo.sim.sheet(TREND_TAB).values);
    const groupOf = new Map(demo.sim.scenario.units.map((u) => [u.code, u.group]));
    const monthly = demo.sim.sheet(SPECS.monthly.tab).values;
    const head = monthly[0].map(String);
    for (const month of MONTHS) {
      const tab = fromRollupTab(demo.sim.sheet(rollupTabName(month)).values);
      expect(sum(rows, month, KIND_COUNTED, KIND_COUNTED)).toBeGreaterThan(20);
      // recomputed from the tab's own texts: the same themes, the same units, the same Khối
      const hits = themeHits(
        DEFAULT_THEMES,
        [...tab.texts].map(([unit, t]) => ({ unit, text: t.join("\n") })),
      );
      expect(hits.length).toBeGreaterThanOrEqual(4);
      for (const h of hits) {
        expect(sum(rows, month, KIND_THEME, h.theme.label), `${month} ${h.theme.label}`).toBe(h.units.length);
        // the report's heading says the same number
        expect(tab.headings.get(h.theme.label.toUpperCase()), `${month} heading ${h.theme.label}`).toBe(h.units.length);
        for (const g of new Set(groupOf.values()))
          expect(sum(rows, month, KIND_THEME, h.theme.label, g)).toBe(h.units.filter((u) => groupOf.get(u) === g).length);
      }
      // the social-media sums: from the response tab's rows of the units the report counted
      const counted = new Set(tab.texts.keys());
      for (const { field: f, label } of ACTIVITY) {
        const col = head.indexOf(f.column ?? f.title);
        expect(col, label).toBeGreaterThan(0);
        const [unitCol, monthCol, atCol] = ["Đơn vị", "Kỳ", "Thời điểm nhận"].map((h) => head.indexOf(h));
        // the rollup counts at the instant its tab names: the latest row of each counted unit received by then
        const asOf = /(\d{2}):(\d{2}) ngày (\d{2})\/(\d{2})\/(\d{4})/.exec(String(demo.sim.sheet(rollupTabName(month)).values[0][1]));
        expect(asOf, `${month} rollup`).toBeTruthy();
        const cut = asOf ? Date.parse(`${asOf[5]}-${asOf[4]}-${asOf[3]}T${asOf[1]}:${asOf[2]}:00+07:00`) : 0;
        const latest = new Map<string, number>();
        for (const r of monthly.slice(1)) {
          const code = String(r[unitCol]).slice(0, 5);
          const at = r[atCol];
          const when = at instanceof Date ? at.getTime() : Date.parse(String(at));
          if (counted.has(code) && r[monthCol] === `${month.slice(5)}/${month.slice(0, 4)}` && when <= cut)
            latest.set(code, Number(r[col]) || 0);
        }
        expect(sum(rows, month, KIND_FIGURE, label), `${month} ${label}`).toBe([...latest.values()].reduce((a, b) => a + b, 0));
        expect(tab.totals.get(label), `${month} tab ${label}`).toBe(sum(rows, month, KIND_FIGURE, label));
      }
    }
  });

  it("move over the season: at least four themes change by 3 units or more between September and December", () => {
    const t = trendOf(kept(demo.sim.sheet(TREND_TAB).values), "2018-12", 4);
    const moving = t.themes.filter((s) => Math.abs((s.total[3] ?? 0) - (s.total[0] ?? 0)) >= 3);
    expect(moving.length).toBeGreaterThanOrEqual(4);
  });

  it("flags a sharp rise in words in the report, the Khối it rose most in named, as the kept figures show it", () => {
    const rows = kept(demo.sim.sheet(TREND_TAB).values);
    let flagged = 0;
    for (const month of ["2018-10", "2018-11", "2018-12"]) {
      const text = docText(`BC-TG-${month}`);
      const section = text.slice(text.indexOf("Diễn biến so với các tháng trước"));
      expect(section.length, month).toBeGreaterThan(100);
      const before = month === "2018-10" ? "2018-09" : month === "2018-11" ? "2018-10" : "2018-11";
      for (const th of DEFAULT_THEMES) {
        const a = sum(rows, before, KIND_THEME, th.label);
        const b = sum(rows, month, KIND_THEME, th.label);
        const said = section.includes(`${th.label}: ${a} → ${b} đơn vị, tăng mạnh`);
        // by hand: at least 3 more and at least double
        expect(said, `${month} ${th.label} ${a}→${b}`).toBe(b - a >= 3 && b >= 2 * a);
        if (said) {
          flagged++;
          const up = (g: string) => sum(rows, month, KIND_THEME, th.label, g) - sum(rows, before, KIND_THEME, th.label, g);
          const best = ["Khối doanh nghiệp", "Khối hành chính sự nghiệp"].sort((x, y) => up(y) - up(x))[0];
          expect(section).toContain(`${th.label}: ${a} → ${b} đơn vị, tăng mạnh ở ${best.charAt(0).toLowerCase()}${best.slice(1)}`);
        }
      }
    }
    expect(flagged).toBeGreaterThanOrEqual(1);
  });

  it("are on the dashboard as a table with two Sheets charts, and in the leaders' December mail as bars", () => {
    const dash = demo.sim.sheet(TAB.dashboard);
    const top = dash.values.findIndex((r) => String(r[0]).startsWith("DIỄN BIẾN CÁC CHỦ ĐỀ"));
    expect(top).toBeGreaterThan(0);
    expect(dash.values[top + 1].slice(1, 5)).toEqual(MONTHS.map((m) => `Tháng ${m.slice(5)}/${m.slice(0, 4)}`));
    const rows = kept(demo.sim.sheet(TREND_TAB).values);
    const label = String(dash.values[top + 2][0]);
    expect(dash.values[top + 2].slice(1, 5)).toEqual(MONTHS.map((m) => sum(rows, m, KIND_THEME, label)));
    // below the rows setup formats as dates and rates: its counts show as counts
    for (let x = 2; x <= 5; x++) expect(dash.numberFormats.get(`${top + 3},${x}`) ?? "", `column ${x}`).not.toMatch(/yy|%/);
    const titles = dash.charts.map((c) => c.options.title);
    expect(titles).toContain("Diễn biến các chủ đề (số đơn vị nêu)");
    expect(titles).toContain("Hoạt động trên mạng xã hội (lũy kế)");
    // each chart made once and updated in place at every rollup
    expect(titles.filter((x) => x === "Diễn biến các chủ đề (số đơn vị nêu)")).toHaveLength(1);
    const chart = dash.charts.find((c) => c.options.title === "Diễn biến các chủ đề (số đơn vị nêu)");
    // the chart reads the table's header and its theme rows, whatever row the table landed on
    const themes = dash.values.slice(top + 2).findIndex((r) => r[0] === "Số đơn vị đã nộp");
    expect(themes).toBeGreaterThanOrEqual(4);
    expect(chart?.ranges[0]).toBe(`${TAB.dashboard}!R${top + 2}C1:R${top + 2 + themes}C5`);
  });
});

describe("reading the trend", () => {
  it("a count asked from some month on shows no figure for the months before it, not 0", () => {
    const rows: TrendRow[] = [
      ["2018-10", KIND_COUNTED, KIND_COUNTED, "Khối doanh nghiệp", 2],
      ["2018-10", KIND_FIGURE, "Bài đã chia sẻ", "Khối doanh nghiệp", 5],
      ["2018-11", KIND_COUNTED, KIND_COUNTED, "Khối doanh nghiệp", 2],
      ["2018-11", KIND_FIGURE, "Bài đã chia sẻ", "Khối doanh nghiệp", 0],
      ["2018-11", KIND_FIGURE, "Lượt tương tác", "Khối doanh nghiệp", 40],
    ];
    const t = trendOf(rows, "2018-11", 3);
    expect(t.figures.map((f) => [f.label, f.total])).toEqual([
      ["Bài đã chia sẻ", [null, 5, 0]],
      ["Lượt tương tác", [null, null, 40]],
    ]);
    expect(t.figures[1].byGroup.get("Khối doanh nghiệp")).toEqual([null, null, 40]);
  });

  /** four units in two Khối, reports from October; `history` months of figures kept before October */
  function world(history: number) {
    const units = ["CD001", "CD002", "CD003", "CD004", "CD005", "CD006"].map((c, i) =>
      unit(c, { group: i < 4 ? "Khối doanh nghiệp" : "Khối hành chính sự nghiệp" }),
    );
    // wages paid late in November, in the enterprises only
    const concerns = (m: string, i: number) => (m === "2018-11" && i < 4 ? "Công ty chậm trả lương hai tháng." : "Mong được hỗ trợ nhà ở.");
    const sim = installed({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
      run: { from: "2018-10-01", to: "2018-11-25" },
      units,
      events: ["2018-10", "2018-11"].flatMap((m) =>
        units.map((u, i) => submitMonthly(String(u.code), m, `${m}-1${i}T10:00:00+07:00`, { concerns: concerns(m, i) })),
      ),
    });
    const play = (until: number) => {
      for (const e of sim.scenario.events) {
        if (e.at > until || e.at < sim.world.now) continue;
        sim.world.advanceTo(e.at);
        sim.world.now = Math.max(sim.world.now, e.at);
        sim.apply(e);
      }
      sim.world.advanceTo(until);
    };
    play(Date.parse("2018-11-23T12:00:00+07:00"));
    if (history) {
      // months kept before: as the hidden tab holds them (the harness writes, no service call counted)
      const tab = sim.sheet(TREND_TAB);
      const old: unknown[][] = [];
      for (let k = 0; k < history; k++) {
        const d = new Date(Date.UTC(2014, k, 1));
        const m = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
        old.push([m, KIND_COUNTED, KIND_COUNTED, "Khối doanh nghiệp", 2]);
        for (const th of DEFAULT_THEMES.slice(0, 8)) old.push([m, KIND_THEME, th.label, "Khối doanh nghiệp", k % 3]);
      }
      tab.values = [tab.values[0], ...(old as typeof tab.values), ...tab.values.slice(1)];
    }
    const before = sim.world.meter.snapshot();
    play(Date.parse("2018-11-24T09:00:00+07:00"));
    return { sim, calls: diff(sim.world.meter.snapshot(), before) };
  }

  it("takes the same Sheets calls with 48 months of figures kept as with one, and flags the rise in the leaders' mail", () => {
    const a = world(0);
    const b = world(48);
    expect(a.calls.byService.SpreadsheetApp).toBeGreaterThan(10);
    expect(b.calls.byService.SpreadsheetApp).toBe(a.calls.byService.SpreadsheetApp);
    expect(b.calls.byMethod).toEqual(a.calls.byMethod);
    const mail = a.sim.world.mails.find((m) => m.subject.includes("Tổng hợp báo cáo tháng 11/2018"));
    expect(mail).toBeTruthy();
    const html = String(mail?.htmlBody ?? "");
    // the figures first, then the chart and the link; the greeting after them
    const at = (s: string) => html.indexOf(s);
    expect(at("Đã nộp 6/6 đơn vị")).toBeGreaterThan(0);
    expect(at("Đã nộp 6/6 đơn vị")).toBeLessThan(at("Diễn biến các chủ đề"));
    expect(at("Diễn biến các chủ đề")).toBeLessThan(at("Mở dự thảo"));
    expect(at("Mở dự thảo")).toBeLessThan(at("Kính gửi"));
    expect(html).toContain("Tiền lương, thu nhập: 0 → 4 đơn vị, tăng mạnh ở khối doanh nghiệp");
  }, 120000);

  it("keeps a year moved to the archive in the trend: February 2019's report and dashboard show October to December 2018", () => {
    const units = ["CD001", "CD002", "CD003"].map((c, i) => unit(c, { group: i < 2 ? "Khối doanh nghiệp" : "Khối hành chính sự nghiệp" }));
    const months = ["2018-10", "2018-11", "2018-12", "2019-01", "2019-02"];
    // one more unit raising wages each month
    const sim = installed({
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
      run: { from: "2018-10-01", to: "2019-02-25" },
      units,
      events: months.flatMap((m, k) =>
        units.map((u, i) =>
          submitMonthly(String(u.code), m, `${m}-1${i}T10:00:00+07:00`, {
            concerns: i < k ? "Công ty chậm trả lương." : "Mong được hỗ trợ nhà ở.",
            sharedPosts: 1 + k,
          }),
        ),
      ),
    });
    let archived = false;
    for (const e of sim.scenario.events) {
      // the closed year moved once January's rollup went
      if (!archived && e.at > Date.parse("2019-02-01T00:00:00+07:00")) {
        sim.world.advanceTo(Date.parse("2019-02-01T12:00:00+07:00"));
        sim.run("archiveOldData", "lưu trữ", { ui: true });
        archived = true;
      }
      sim.world.advanceTo(e.at);
      sim.world.now = Math.max(sim.world.now, e.at);
      sim.apply(e);
    }
    sim.world.advanceTo(sim.world.clockTo);
    expect((sim.state() as { archivedThrough?: string }).archivedThrough).toBe("2018-12");
    expect(sim.ss.sheet(rollupTabName("2018-10"))).toBeFalsy();
    const rows = kept(sim.sheet(TREND_TAB).values);
    expect(months.map((m) => sum(rows, m, KIND_COUNTED, KIND_COUNTED))).toEqual([3, 3, 3, 3, 3]);
    const wages = "Tiền lương, thu nhập";
    // the themes by month as a table in the tab: its header, then the theme's units each month, a number a cell
    const feb = sim.sheet(rollupTabName("2019-02")).values;
    const table = feb.findIndex((r) => r[0] === "Chủ đề" && r[1] === "T10/2018");
    expect(table, feb.map((r) => r.join(" | ")).join("\n")).toBeGreaterThan(0);
    expect(feb[table].slice(0, 6)).toEqual(["Chủ đề", "T10/2018", "T11/2018", "T12/2018", "T01/2019", "T02/2019"]);
    const line = feb.slice(table).find((r) => r[0] === wages);
    expect(line?.slice(1, 6)).toEqual(months.map((m) => sum(rows, m, KIND_THEME, wages)));
    expect(months.map((m) => sum(rows, m, KIND_THEME, wages))).toEqual([0, 1, 2, 3, 3]);
    expect(months.map((m) => sum(rows, m, KIND_FIGURE, "Bài đã chia sẻ"))).toEqual([3, 6, 9, 12, 15]);
  }, 180000);
});
