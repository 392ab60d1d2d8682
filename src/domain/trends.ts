// Diễn biến: how the concerns and the social-media figures move month by month. A month's figures are computed once,
// from the content its report counted (the units raising each theme, by Khối; the sums of the counts the specs place in
// the report's social-media table, by Khối), kept as rows of a hidden tab, and every trend is read from those rows,
// never from the history of reports.
import { addMonths, viMonthShort } from "./dates";
import { type Answers, countAnswer, countsIn, type FigureSection, type FormSpec, sectionOf, textAnswer } from "./forms/spec";
import type { Block } from "./report/blocks";
import { type Theme, themeHits } from "./report/themes";
import { escapeHtml as e, viNumber } from "./text";
import type { Unit } from "./units";

/** a unit's answers as a report reads them (the report's Entry, named here so the two modules do not import each other) */
interface Entry {
  unit: string;
  answers: Answers;
}

/** the hidden tab's header: one row per month × theme (or figure) × Khối */
export const TREND_HEADER = ["Tháng", "Loại", "Nội dung", "Khối", "Số"];
export const KIND_THEME = "Chủ đề";
export const KIND_FIGURE = "Chỉ tiêu";
/** the units whose content the month counted, by Khối: the base the themes are read against */
export const KIND_COUNTED = "Đơn vị đã nộp";
const NO_GROUP = "Chưa phân khối";
/** the report's table of counts the trend follows, month by month (its words say social-media activity) */
const TREND_TABLE: FigureSection = "activity";

export type TrendRow = [month: string, kind: string, label: string, group: string, value: number];

/** the texts a report groups by theme: every free-text answer without a section of its own, one text per unit */
export function themeTexts(spec: FormSpec, entries: Entry[]): { unit: string; text: string }[] {
  const free = spec.fields.filter((f) => f.freeText && !sectionOf(f));
  return entries.map((x) => ({
    unit: x.unit,
    text: free
      .map((f) => textAnswer(x.answers, f))
      .filter((t) => t.trim())
      .join("\n"),
  }));
}

/** one month's rows, from the content its report counted */
export function monthRows(month: string, spec: FormSpec, units: Unit[], themes: Theme[], entries: Entry[]): TrendRow[] {
  const groupOf = new Map(units.map((u) => [u.code, u.group || NO_GROUP]));
  const g = (unit: string) => groupOf.get(unit) ?? NO_GROUP;
  const out: TrendRow[] = [];
  const tally = (kind: string, label: string, pairs: [string, number][]) => {
    const by = new Map<string, number>();
    for (const [group, n] of pairs) by.set(group, (by.get(group) ?? 0) + n);
    for (const [group, n] of [...by].sort((a, b) => a[0].localeCompare(b[0]))) out.push([month, kind, label, group, n]);
  };
  tally(
    KIND_COUNTED,
    KIND_COUNTED,
    entries.map((x) => [g(x.unit), 1]),
  );
  for (const h of themeHits(themes, themeTexts(spec, entries))) {
    tally(
      KIND_THEME,
      h.theme.label,
      h.units.map((u) => [g(u), 1]),
    );
  }
  for (const { field, label } of countsIn(spec, TREND_TABLE)) {
    tally(
      KIND_FIGURE,
      label,
      entries.map((x) => [g(x.unit), countAnswer(x.answers, field)]),
    );
  }
  return out;
}

/** the stored rows read back: anything not a row of the tab (blank, mistyped) left out */
export function parseTrendRows(rows: unknown[][]): TrendRow[] {
  const out: TrendRow[] = [];
  for (const r of rows) {
    const month = String(r[0] ?? "").trim();
    const value = Number(r[4]);
    if (!/^\d{4}-\d{2}$/.test(month) || !Number.isFinite(value)) continue;
    out.push([month, String(r[1] ?? ""), String(r[2] ?? ""), String(r[3] ?? "") || NO_GROUP, value]);
  }
  return out;
}

/** the stored rows with one month's replaced (a month is computed once; a rerun of its rollup replaces, never adds) */
export function withMonth(rows: TrendRow[], month: string, fresh: TrendRow[]): TrendRow[] {
  return [...rows.filter((r) => r[0] !== month), ...fresh].sort((a, b) => a[0].localeCompare(b[0]));
}

interface Series {
  label: string;
  /** one value per month of `Trend.months`; null where the month has no stored figures */
  total: (number | null)[];
  byGroup: Map<string, (number | null)[]>;
}

export interface Trend {
  /** oldest first, ending with the month the trend is for */
  months: string[];
  groups: string[];
  themes: Series[];
  figures: Series[];
  /** the units counted each month (the base of the themes) */
  counted: Series;
}

/** the series of the `span` months up to `last`; months with no stored figures are null, themes most raised last month first */
export function trendOf(rows: TrendRow[], last: string, span: number): Trend {
  const months = Array.from({ length: span }, (_, i) => addMonths(last, i - span + 1));
  const index = new Map(months.map((m, i) => [m, i]));
  const have = new Set(rows.filter((r) => index.has(r[0]) && r[1] === KIND_COUNTED).map((r) => r[0]));
  const groups = [...new Set(rows.filter((r) => index.has(r[0])).map((r) => r[3]))].sort((a, b) => a.localeCompare(b));
  const zero = () => months.map((m) => (have.has(m) ? 0 : null));
  const build = (kind: string, askedOnly = false): Map<string, Series> => {
    const out = new Map<string, Series>();
    const seen = new Map<string, Set<number>>();
    for (const [month, k, label, group, value] of rows) {
      const i = index.get(month);
      if (i === undefined || k !== kind || !have.has(month)) continue;
      const s = out.get(label) ?? { label, total: zero(), byGroup: new Map() };
      out.set(label, s);
      s.total[i] = (s.total[i] ?? 0) + value;
      const g = s.byGroup.get(group) ?? zero();
      s.byGroup.set(group, g);
      g[i] = (g[i] ?? 0) + value;
      seen.set(label, (seen.get(label) ?? new Set()).add(i));
    }
    // a month keeps a row of every count it asked: one without is a month before the question was added (null, not 0)
    for (const s of askedOnly ? out.values() : [])
      for (const i of months.keys()) {
        if (seen.get(s.label)?.has(i)) continue;
        s.total[i] = null;
        for (const g of s.byGroup.values()) g[i] = null;
      }
    return out;
  };
  const lastOf = (s: Series) => s.total[s.total.length - 1] ?? 0;
  const themes = [...build(KIND_THEME).values()].sort((a, b) => lastOf(b) - lastOf(a) || a.label.localeCompare(b.label));
  const figures = [...build(KIND_FIGURE, true).values()];
  const counted = build(KIND_COUNTED).get(KIND_COUNTED) ?? { label: KIND_COUNTED, total: zero(), byGroup: new Map() };
  return { months, groups, themes, figures, counted };
}

/** a running total: what the months so far add up to */
function cumulative(values: (number | null)[]): number[] {
  let t = 0;
  return values.map((v) => {
    t += v ?? 0;
    return t;
  });
}

/** "Khối doanh nghiệp" as a roster writes it, or with the word in front when it does not */
function khoi(group: string): string {
  return /^khối\b/i.test(group) ? group.charAt(0).toLowerCase() + group.slice(1) : `khối ${group}`;
}

interface Rise {
  label: string;
  before: number;
  now: number;
  /** the Khối the rise is largest in */
  group: string;
  text: string;
}

/**
 * A theme rises sharply when this month's units are at least 3 more than last month's and at least double them:
 * "Tiền lương, thu nhập: 2 → 7 đơn vị, tăng mạnh ở khối doanh nghiệp". Months without figures are not compared.
 */
function sharpRises(t: Trend): Rise[] {
  const n = t.months.length;
  if (n < 2) return [];
  const out: Rise[] = [];
  for (const s of t.themes) {
    const now = s.total[n - 1];
    const before = s.total[n - 2];
    if (now === null || before === null) continue;
    if (now - before < 3 || now < 2 * before) continue;
    let group = "";
    let best = 0;
    for (const [g, v] of s.byGroup) {
      const d = (v[n - 1] ?? 0) - (v[n - 2] ?? 0);
      if (d > best) {
        best = d;
        group = g;
      }
    }
    const where = group && t.groups.length > 1 ? `, tăng mạnh ở ${khoi(group)}` : ", tăng mạnh";
    out.push({ label: s.label, before, now, group, text: `${s.label}: ${viNumber(before)} → ${viNumber(now)} đơn vị${where}` });
  }
  return out;
}

const cell = (v: number | null) => (v === null ? "—" : viNumber(v));
const monthHead = (m: string) => `T${viMonthShort(m)}`;

/** the months that have figures, from the first one: a trend does not open on empty columns */
function shown(t: Trend): number {
  const first = t.counted.total.findIndex((v) => v !== null);
  return first < 0 ? t.months.length : first;
}

/** the report's section "Diễn biến so với các tháng trước": rises in words, themes by month, this month by Khối, figures */
export function trendBlocks(t: Trend, n: string): Block[] {
  const from = shown(t);
  const months = t.months.slice(from);
  const last = t.months.length - 1;
  const out: Block[] = [{ kind: "heading", level: 2, text: `${n}. Diễn biến so với các tháng trước` }];
  if (months.length < 2 || t.counted.total[last - 1] === null) {
    out.push({ kind: "paragraph", parts: ["Chưa có số liệu của tháng trước để so sánh; diễn biến được tính từ các tháng sau."] });
    if (!months.length) return out;
  }
  const rises = sharpRises(t);
  out.push({
    kind: "paragraph",
    parts: rises.length
      ? [{ text: "Chủ đề tăng mạnh: ", bold: true }, `${rises.map((r) => r.text).join("; ")}.`]
      : ["Không có chủ đề nào tăng mạnh so với tháng trước (tăng từ 3 đơn vị và gấp đôi trở lên)."],
  });
  const widths = (k: number) => [34, ...Array.from({ length: k }, () => Math.floor(66 / k))];
  if (t.themes.length) {
    out.push(
      { kind: "paragraph", parts: [{ text: "Số đơn vị nêu từng chủ đề theo tháng:", italic: true }] },
      {
        kind: "table",
        head: ["Chủ đề", ...months.map(monthHead)],
        widths: widths(months.length),
        rows: [
          ...t.themes.map((s) => [s.label, ...s.total.slice(from).map(cell)]),
          ["Số đơn vị đã nộp", ...t.counted.total.slice(from).map(cell)],
        ],
      },
    );
    const groups = t.groups;
    if (groups.length > 1) {
      out.push(
        {
          kind: "paragraph",
          parts: [{ text: `Tháng ${viMonthShort(t.months[last])} theo khối (tăng, giảm so với tháng trước):`, italic: true }],
        },
        {
          kind: "table",
          head: ["Chủ đề", ...groups],
          widths: widths(groups.length),
          rows: t.themes.map((s) => [
            s.label,
            ...groups.map((g) => {
              const v = s.byGroup.get(g);
              const now = v?.[last] ?? 0;
              const before = v?.[last - 1];
              return before === null || before === undefined ? viNumber(now) : `${viNumber(now)} (${delta(now - before)})`;
            }),
          ]),
        },
      );
    }
  }
  if (t.figures.length) {
    out.push(
      { kind: "paragraph", parts: [{ text: "Hoạt động trên mạng xã hội theo tháng (tổng các đơn vị đã nộp) và lũy kế:", italic: true }] },
      {
        kind: "table",
        head: ["Chỉ tiêu", ...months.map(monthHead), "Lũy kế"],
        widths: widths(months.length + 1),
        rows: t.figures.map((s) => [s.label, ...s.total.slice(from).map(cell), viNumber(cumulative(s.total)[last])]),
      },
    );
  }
  return out;
}

function delta(d: number): string {
  return d > 0 ? `+${viNumber(d)}` : d < 0 ? `−${viNumber(-d)}` : "0";
}

/** bar heights in the mail's chart, in pixels */
const BAR_MAX = 28;
const BAR_COLOR = "#1565c0";
const BAR_LAST = "#c62828";

/**
 * The leaders' mail's small chart: per theme, one bar per month drawn as table cells (every mail client shows them,
 * no image to load), the count beside it; the month's rises in words above. Fits a phone's 360 px.
 */
export function trendMailHtml(t: Trend, themes = 5): string {
  const from = Math.max(shown(t), t.months.length - 6);
  const months = t.months.slice(from);
  const list = t.themes.slice(0, themes);
  if (!list.length || months.length < 2) return "";
  const max = Math.max(1, ...list.flatMap((s) => s.total.slice(from).map((v) => v ?? 0)));
  const rises = sharpRises(t);
  const bars = (s: Series) =>
    s.total
      .slice(from)
      .map((v, i) => {
        const h = v ? Math.max(2, Math.round(((v ?? 0) / max) * BAR_MAX)) : 0;
        const color = i === months.length - 1 ? BAR_LAST : BAR_COLOR;
        return `<td style="vertical-align:bottom;padding:0 1px;width:12px"><div style="height:${h}px;width:10px;background:${color};font-size:0;line-height:0">&nbsp;</div></td>`;
      })
      .join("");
  const row = (s: Series) => {
    const v = s.total.slice(from);
    const before = v[v.length - 2];
    const now = v[v.length - 1] ?? 0;
    return `<tr><td style="padding:2px 6px 2px 0;font-size:13px">${e(s.label)}</td><td style="padding:0"><table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;height:${BAR_MAX}px"><tr>${bars(s)}</tr></table></td><td style="padding:2px 0 2px 6px;font-size:13px;white-space:nowrap">${before === null || before === undefined ? "" : `${viNumber(before)} → `}<b>${viNumber(now)}</b></td></tr>`;
  };
  const head = `<p style="margin:10px 0 2px"><b>Diễn biến các chủ đề</b> (số đơn vị nêu, ${e(monthHead(months[0]))}–${e(monthHead(months[months.length - 1]))}; cột đỏ: tháng này)</p>`;
  const words = rises.length
    ? `<p style="margin:2px 0;color:#b71c1c"><b>Tăng mạnh:</b> ${rises.map((r) => e(r.text)).join("; ")}.</p>`
    : "";
  return `${head}${words}<table role="presentation" style="border-collapse:collapse;margin:2px 0 8px">${list.map(row).join("")}</table>`;
}

/** the dashboard's trend table: themes (units raising each) then the social-media figures and their running totals */
export function trendTable(t: Trend): unknown[][] {
  const from = shown(t);
  const months = t.months.slice(from);
  const v = (x: number | null) => (x === null ? "" : x);
  const rows: unknown[][] = [
    ["DIỄN BIẾN CÁC CHỦ ĐỀ (số đơn vị nêu theo tháng)"],
    ["Chủ đề", ...months.map((m) => `Tháng ${viMonthShort(m)}`)],
    ...t.themes.map((s) => [s.label, ...s.total.slice(from).map(v)]),
    ["Số đơn vị đã nộp", ...t.counted.total.slice(from).map(v)],
  ];
  const rises = sharpRises(t);
  rows.push([rises.length ? `Tăng mạnh: ${rises.map((r) => r.text).join("; ")}.` : "Không có chủ đề nào tăng mạnh so với tháng trước."]);
  rows.push([""], ["HOẠT ĐỘNG TRÊN MẠNG XÃ HỘI (tổng theo tháng)"], ["Chỉ tiêu", ...months.map((m) => `Tháng ${viMonthShort(m)}`)]);
  rows.push(...t.figures.map((s) => [s.label, ...s.total.slice(from).map(v)]));
  rows.push(["Lũy kế", ...months.map((m) => `Đến ${viMonthShort(m)}`)]);
  rows.push(...t.figures.map((s) => [s.label, ...cumulative(s.total).slice(from)]));
  if (t.groups.length > 1) {
    const last = t.months.length - 1;
    rows.push([""], [`THEO KHỐI, THÁNG ${viMonthShort(t.months[last])}`], ["Chủ đề / chỉ tiêu", ...t.groups]);
    for (const s of [...t.themes, ...t.figures]) rows.push([s.label, ...t.groups.map((g) => s.byGroup.get(g)?.[last] ?? 0)]);
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
}
