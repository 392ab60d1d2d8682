// The monthly report: figures at the cut-off beside the month before, the month before in its final state,
// concerns by theme with short quotations and their units, the desk's own sections, the texts by unit in an appendix.

import type { GroupRow } from "../dashboard";
import { addMonths, localDay, viDate, viMonth, viMonthShort } from "../dates";
import type { MonthlyAnswers } from "../forms";
import { type Field, type FigureSection, type FormSpec, sectionOf, textAnswer } from "../forms/spec";
import { deadlineOf } from "../periods";
import type { Settings } from "../settings";
import type { PeriodFigures } from "../status";
import { cutText, maskIdentity, viNumber, viPercent } from "../text";
import { type Trend, themeTexts, trendBlocks } from "../trends";
import type { Unit } from "../units";
import { URGENT_KEY, type UrgentMatter, urgentText } from "../urgent";
import { type Block, oneLine, type Part } from "./blocks";
import { byGroup, figureTotals, type Snapshots } from "./figures";
import {
  atText,
  deskSections,
  directiveText,
  type Entry,
  fieldsOf,
  figuresTable,
  fileNameOf,
  groupTable,
  properNames,
  REGISTRATION_WORDS,
  type Report,
  shortName,
  signed,
  unitLabel,
  unitList,
} from "./report";
import { type Theme, themeHits } from "./themes";

interface MonthlyInput {
  spec: FormSpec;
  settings: Settings;
  units: Unit[];
  period: string;
  snaps: Snapshots;
  /** content counted at the cut-off, and the month before's at the same point */
  entries: Entry<MonthlyAnswers>[];
  previousEntries: Entry<MonthlyAnswers>[];
  themes: Theme[];
  madeAt: number;
  /** the month's urgent matters as they came (scenario Revision 3); from the content counted when not given */
  urgent?: UrgentMatter[];
  /** the months before with this one, from the figures kept month by month (Diễn biến) */
  trend?: Trend;
  /** registration as it stands now, by Khối (the last one is the total), once its deadline has passed */
  registration?: { due: string; rows: GroupRow[] };
}

/** quotations shown per theme; the rest are in the appendix */
const QUOTES_PER_THEME = 5;
/** a text longer than this is cut in the appendix (the Sheet's tab keeps it whole) */
const APPENDIX_TEXT_CHARS = 3000;
/** Google Docs holds 1.02 million characters: the appendix stays well inside */
const APPENDIX_CHARS = 600000;

function unitsNamed(codes: string[], byCode: Map<string, Unit>, shown = 3): string {
  const names = codes.slice(0, shown).map((c) => shortName(byCode.get(c), c));
  return codes.length > shown ? `${names.join(", ")} và ${viNumber(codes.length - shown)} đơn vị khác` : names.join(", ");
}

function themeSection(input: MonthlyInput, byCode: Map<string, Unit>): Block[] {
  // the same texts the month's kept figures count (Diễn biến), so the two never disagree
  const texts = themeTexts(input.spec, input.entries);
  const hits = themeHits(input.themes, texts);
  const out: Block[] = [
    { kind: "heading", level: 1, text: "II. TÌNH HÌNH DƯ LUẬN XÃ HỘI, TÂM TƯ, NGUYỆN VỌNG CỦA ĐOÀN VIÊN, CNVCLĐ" },
    {
      kind: "paragraph",
      parts: [
        `Tổng hợp từ báo cáo của ${viNumber(texts.length)} đơn vị, theo chủ đề (số đơn vị nêu); trích ngắn, đã ẩn số điện thoại, số giấy tờ, email; nguyên văn từng đơn vị tại Phụ lục.`,
      ],
    },
  ];
  if (!hits.length) out.push({ kind: "paragraph", parts: ["Không có nội dung thuộc các chủ đề trong trang “Chủ đề”."] });
  hits.forEach((h, i) => {
    out.push({ kind: "heading", level: 2, text: `${i + 1}. ${h.theme.label} (${viNumber(h.units.length)} đơn vị)` });
    for (const q of h.quotes.slice(0, QUOTES_PER_THEME)) {
      out.push({ kind: "item", parts: [`“${quoted(q.text)}” `, { text: `(${unitsNamed(q.units, byCode)})`, italic: true }] });
    }
    const rest = h.quotes.length - QUOTES_PER_THEME;
    if (rest > 0) out.push({ kind: "item", parts: [{ text: `Và ${viNumber(rest)} ý kiến khác (xem Phụ lục).`, italic: true }] });
  });
  const themed = new Set(hits.flatMap((h) => h.units));
  const other = texts.filter((x) => x.text.trim() && !themed.has(x.unit)).length;
  if (other) {
    out.push({
      kind: "paragraph",
      parts: [`${viNumber(other)} đơn vị có nội dung ngoài các chủ đề trên (xem Phụ lục).`],
    });
  }
  return out;
}

/** every text whole, masked: unit, question, text (the rollup tab's copy) */
function allTexts(input: MonthlyInput, byCode: Map<string, Unit>, freeText: { key: string; column?: string; title: string }[]): string[][] {
  return input.entries.flatMap((e) =>
    freeText
      .map((f) => [unitLabel(byCode.get(e.unit), e.unit), f.column ?? f.title, maskIdentity(textAnswer(e.answers, f).trim())])
      .filter((r) => r[2]),
  );
}

/** the texts by unit: one row per unit and question, the unit named on its first row */
function appendix(
  input: MonthlyInput,
  byCode: Map<string, Unit>,
  freeText: { key: string; column?: string; title: string }[],
  reportDate: string,
): Block[] {
  const rows: string[][] = [];
  let chars = 0;
  let cut = 0;
  input.entries.forEach((e, i) => {
    let first = true;
    for (const f of freeText) {
      const raw = textAnswer(e.answers, f).trim();
      if (!raw) continue;
      let text = oneLine(maskIdentity(raw));
      if (text.length > APPENDIX_TEXT_CHARS) text = `${text.slice(0, APPENDIX_TEXT_CHARS)} …[còn tiếp trong trang tổng hợp của bảng tính]`;
      if (chars + text.length > APPENDIX_CHARS) {
        cut++;
        continue;
      }
      chars += text.length;
      rows.push([first ? `${i + 1}. ${unitLabel(byCode.get(e.unit), e.unit)}` : "", f.column ?? f.title, text]);
      first = false;
    }
  });
  const s = input.settings;
  const out: Block[] = [
    { kind: "pageBreak" },
    { kind: "paragraph", align: "center", parts: [{ text: "PHỤ LỤC", bold: true }] },
    {
      kind: "paragraph",
      align: "center",
      parts: [{ text: `Nội dung báo cáo ${viMonth(input.period)} của các Công đoàn cơ sở`, bold: true }],
    },
    {
      kind: "paragraph",
      align: "center",
      parts: [{ text: `(Kèm theo Báo cáo số ${s.reportNumber} ngày ${reportDate} của ${s.orgShort})`, italic: true }],
    },
    { kind: "paragraph", parts: [{ text: "Nguyên văn theo đơn vị; số điện thoại, số giấy tờ, email đã được ẩn.", italic: true }] },
  ];
  if (rows.length) out.push({ kind: "table", head: ["Đơn vị", "Nội dung", "Nguyên văn"], rows, widths: [26, 16, 58] });
  else out.push({ kind: "paragraph", parts: ["Chưa có đơn vị nào nộp báo cáo."] });
  if (cut) {
    out.push({
      kind: "paragraph",
      parts: [
        {
          text: `Còn ${viNumber(cut)} nội dung không đưa vào văn bản vì quá dài cho Google Docs: xem trang tổng hợp của bảng tính.`,
          italic: true,
        },
      ],
    });
  }
  return out;
}

/** the lists that add up to the units expected: late (with days late), missing, not valid, waiting for staff */
function unitLists(f: PeriodFigures, byCode: Map<string, Unit>): Block[] {
  const codes = (list: string[]) => list.map((unit) => ({ unit }));
  return [
    unitList("Đơn vị nộp trễ hạn", f.late, byCode),
    unitList("Đơn vị chưa nộp", codes(f.missing), byCode),
    ...(f.invalid.length ? [unitList("Đơn vị gửi nội dung chưa hợp lệ", codes(f.invalid), byCode)] : []),
    ...(f.unverified.length ? [unitList("Chờ xác nhận người gửi", codes(f.unverified), byCode)] : []),
  ];
}

/** I.1: the month at its cut-off, beside the month before at the same point */
function currentMonth(input: MonthlyInput, byCode: Map<string, Unit>): Block[] {
  const { settings: s, snaps, period } = input;
  const tz = s.timeZone;
  const cur = snaps.current.figures;
  const prev = addMonths(period, -1);
  const due = deadlineOf(period, s).due;
  return [
    { kind: "heading", level: 2, text: `1. ${capital(viMonth(period))} (số liệu tính đến ${atText(snaps.current.at, tz)})` },
    {
      kind: "paragraph",
      parts: [
        `Hạn nộp: trước ngày ${viDate(due)}. Đã nộp ${viNumber(cur.received)}/${viNumber(cur.expected)} đơn vị (${viPercent(cur.reportingRate)}), trong đó đúng hạn ${viNumber(cur.onTime)} (${viPercent(cur.onTimeRate)}).`,
        ...(snaps.previousSame
          ? [
              ` So với ${viMonth(prev)} cùng thời điểm (${atText(snaps.previousSame.at, tz)}): số đơn vị đã nộp ${changeWords(cur.received - snaps.previousSame.figures.received)}.`,
            ]
          : []),
      ],
    },
    figuresTable(cur, `Tháng ${viMonthShort(period)}`, snaps.previousSame?.figures ?? null, `Tháng ${viMonthShort(prev)} (cùng thời điểm)`),
    ...unitLists(cur, byCode),
    { kind: "heading", level: 2, text: "2. Theo khối" },
    groupTable(byGroup(input.units, snaps.current)),
  ];
}

/** the month before as it finally stands: every unit expected is in one of the lists, the parts add up to the whole */
function previousFinal(input: MonthlyInput, byCode: Map<string, Unit>, n: number): Block[] {
  const fin = input.snaps.previousFinal;
  if (!fin) return [];
  const f = fin.figures;
  const prev = addMonths(input.period, -1);
  const parts: Part[] = [
    `Đã nộp ${viNumber(f.received)}/${viNumber(f.expected)} đơn vị (${viPercent(f.reportingRate)}), đúng hạn ${viNumber(f.onTime)} (${viPercent(f.onTimeRate)}), trễ hạn ${viNumber(f.late.length)}, chưa nộp ${viNumber(f.missing.length)}${f.invalid.length ? `, chưa hợp lệ ${viNumber(f.invalid.length)}` : ""}${f.unverified.length ? `, chờ xác nhận người gửi ${viNumber(f.unverified.length)}` : ""}.`,
  ];
  return [
    {
      kind: "heading",
      level: 2,
      text: `${n}. ${capital(viMonth(prev))}: số liệu cuối cùng (đến ${atText(fin.at, input.settings.timeZone)})`,
    },
    { kind: "paragraph", parts },
    ...unitLists(f, byCode),
  ];
}

/** registration as it stands now, by Khối, once its deadline has passed */
function registrationResult(input: MonthlyInput, n: number): Block[] {
  const reg = input.registration;
  const total = reg?.rows[reg.rows.length - 1];
  if (!reg || !total) return [];
  const [, expected, received, onTime] = total;
  return [
    { kind: "heading", level: 2, text: `${n}. Đăng ký tài khoản, nhóm Facebook: kết quả sau hạn ${viDate(reg.due)}` },
    {
      kind: "paragraph",
      parts: [
        `Đã đăng ký hợp lệ ${viNumber(received)}/${viNumber(expected)} đơn vị (${viPercent(expected ? received / expected : null)}), trong đó đúng hạn ${viNumber(onTime)}; chưa đăng ký hoặc chưa hợp lệ ${viNumber(expected - received)}.`,
      ],
    },
    groupTable(
      reg.rows.map(([group, e, r, o]) => ({
        group,
        expected: e,
        received: r,
        onTime: o,
        reportingRate: e ? r / e : null,
        onTimeRate: e ? o / e : null,
      })),
      REGISTRATION_WORDS,
    ),
  ];
}

/** the report's tables of counts, each under its heading in part I: a count is placed in one by its spec line */
const FIGURE_SECTIONS: Record<FigureSection, string> = {
  activity: "Hoạt động trên mạng xã hội trong tháng",
};

/** the tables the spec places counts in, in the order of their first count */
function figureTables(spec: FormSpec): FigureSection[] {
  return [...new Set(spec.fields.flatMap((f) => (f.report && "figures" in f.report ? [f.report.figures] : [])))];
}

/** one table's sums of the counts placed in it, beside the month before at the same point */
function figures(input: MonthlyInput, table: FigureSection, n: number): Block[] {
  const { period, snaps } = input;
  const prev = addMonths(period, -1);
  const totals = figureTotals(input.spec, table, input.entries);
  if (!totals.length) return [];
  const before = snaps.previousSame ? figureTotals(input.spec, table, input.previousEntries) : null;
  return [
    { kind: "heading", level: 2, text: `${n}. ${FIGURE_SECTIONS[table]}` },
    {
      kind: "table",
      head: before
        ? ["Nội dung", `Tháng ${viMonthShort(period)}`, `Tháng ${viMonthShort(prev)} (cùng thời điểm)`, "Tăng, giảm"]
        : ["Nội dung", `Tháng ${viMonthShort(period)}`],
      widths: before ? [34, 22, 22, 22] : [60, 40],
      rows: totals.map((t, i) =>
        before ? [t.label, viNumber(t.total), viNumber(before[i].total), signed(t.total - before[i].total)] : [t.label, viNumber(t.total)],
      ),
    },
    {
      kind: "paragraph",
      parts: [{ text: `Tổng số liệu của ${viNumber(input.entries.length)} đơn vị đã nộp đến thời điểm tổng hợp.`, italic: true }],
    },
  ];
}

/** part I's sections after the first two, numbered on from 3; a section with nothing to say is left out */
function numberedFrom(first: number, sections: ((n: number) => Block[])[]): Block[] {
  let n = first;
  return sections.flatMap((section) => {
    const blocks = section(n);
    if (blocks.length) n++;
    return blocks;
  });
}

/** part II: the concerns by theme, the trend, then the questions with a section of their own */
function opinion(input: MonthlyInput, byCode: Map<string, Unit>, freeText: Field[]): Block[] {
  // questions with a section of their own (harmful or false content found, and how it was answered) are not themed
  const part = themeSection(input, byCode);
  if (input.trend) part.push(...trendBlocks(input.trend, nextNumber(part)));
  for (const f of freeText) {
    if (f.key === URGENT_KEY) part.push(...urgentSection(input, byCode, f, nextNumber(part)));
    else if (sectionOf(f)) part.push(...ownSection(input, byCode, f, nextNumber(part)));
  }
  return part;
}

/** what the figures suggest the desk ask for */
function hintsOf(input: MonthlyInput): string[] {
  const { period, snaps } = input;
  const cur = snaps.current.figures;
  const late = snaps.previousFinal?.figures.late.length ?? 0;
  const hints: string[] = [];
  if (cur.missing.length) hints.push(`đề nghị ${viNumber(cur.missing.length)} đơn vị chưa nộp hoàn thành ngay báo cáo ${viMonth(period)};`);
  if (late) hints.push(`nhắc ${viNumber(late)} đơn vị nộp trễ ${viMonth(addMonths(period, -1))} bảo đảm thời hạn;`);
  if (cur.invalid.length) hints.push(`hướng dẫn ${viNumber(cur.invalid.length)} đơn vị sửa nội dung chưa hợp lệ.`);
  return hints;
}

export function monthlyReport(input: MonthlyInput): Report {
  const { settings: s, snaps, period } = input;
  const byCode = new Map(input.units.map((u) => [u.code, u]));
  const freeText = input.spec.fields.filter((f) => f.freeText);
  const body: Block[] = [
    {
      kind: "paragraph",
      parts: [
        `Thực hiện ${directiveText(s)}, ${s.orgShort} báo cáo tình hình dư luận xã hội, tâm tư, nguyện vọng của đoàn viên, CNVCLĐ ${viMonth(period)} như sau:`,
      ],
    },
    { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO" },
    ...currentMonth(input, byCode),
    ...numberedFrom(3, [
      (n) => previousFinal(input, byCode, n),
      (n) => registrationResult(input, n),
      ...figureTables(input.spec).map((t) => (n: number) => figures(input, t, n)),
    ]),
  ];
  body.push(...opinion(input, byCode, freeText), ...deskSections(3, hintsOf(input)));
  const madeDay = viDate(localDay(input.madeAt, s.timeZone));
  return {
    period,
    name: fileNameOf(period, s),
    fields: fieldsOf(period, s, input.madeAt),
    recipients: s.recipients,
    body,
    appendix: appendix(input, byCode, freeText, madeDay),
    texts: allTexts(input, byCode, freeText),
    figures: snaps.current.figures,
    asOf: snaps.current.at,
    ...(input.trend ? { trend: input.trend } : {}),
  };
}

/** the next number under section II: after the themes */
function nextNumber(body: Block[]): string {
  const start = body.findIndex((b) => b.kind === "heading" && b.level === 1 && b.text.startsWith("II."));
  return String(body.slice(start).filter((b) => b.kind === "heading" && b.level === 2).length + 1);
}

/** one question's answers under its own heading: how many units, short masked quotations, the same words once with all their units */
function ownSection(input: MonthlyInput, byCode: Map<string, Unit>, f: Field, n: string): Block[] {
  const said = input.entries.map((e) => ({ unit: e.unit, text: oneLine(maskIdentity(textAnswer(e.answers, f))) })).filter((x) => x.text);
  const out: Block[] = [{ kind: "heading", level: 2, text: `${n}. ${sectionOf(f)} (${viNumber(said.length)} đơn vị)` }];
  if (!said.length) return [...out, { kind: "paragraph", parts: ["Không có đơn vị nào báo cáo nội dung này."] }];
  const groups = new Map<string, { text: string; units: string[] }>();
  for (const x of said) {
    const key = x.text.toLowerCase().replace(/\s+/g, " ");
    const g = groups.get(key) ?? { text: x.text, units: [] };
    g.units.push(x.unit);
    groups.set(key, g);
  }
  const list = [...groups.values()].sort((a, b) => b.units.length - a.units.length);
  for (const g of list.slice(0, QUOTES_PER_THEME)) {
    const cut = cutText(g.text, 300);
    const text = cut.length < g.text.length ? `${cut}…` : g.text;
    out.push({ kind: "item", parts: [`“${quoted(text)}” `, { text: `(${unitsNamed(g.units, byCode)})`, italic: true }] });
  }
  const rest = list.slice(QUOTES_PER_THEME).reduce((t, g) => t + g.units.length, 0);
  if (rest > 0) out.push({ kind: "item", parts: [{ text: `Và ${viNumber(rest)} đơn vị khác (xem Phụ lục).`, italic: true }] });
  return out;
}

/**
 * A quotation as the report prints it between its own “ ”: quotes inside become single ones (no quotes inside
 * quotes), and the names of the networks take their capital as written in a document ("facebook" → "Facebook").
 */
function quoted(text: string): string {
  return properNames(text.replace(/[“”"]([^“”"]*)[“”"]/g, "‘$1’").replace(/[“”"]/g, ""));
}

/** a text of an urgent matter in the report's table: one line, masked, cut when very long */
const URGENT_TEXT_CHARS = 600;

/**
 * The month's urgent matters (scenario Revision 3): each unit, what it reported, when. They went to the leaders the
 * moment they came; the report keeps them together, the latest word of each report standing beside the earlier ones.
 */
function urgentSection(input: MonthlyInput, byCode: Map<string, Unit>, f: Field, n: string): Block[] {
  const tz = input.settings.timeZone;
  const matters =
    input.urgent ??
    input.entries.map((e) => ({ unit: e.unit, text: urgentText(e.answers), at: 0, unverified: false })).filter((x) => x.text);
  const out: Block[] = [
    { kind: "heading", level: 2, text: `${n}. ${sectionOf(f) ?? "Vụ việc cần báo cáo ngay"} (${viNumber(matters.length)} vụ việc)` },
  ];
  if (!matters.length) return [...out, { kind: "paragraph", parts: ["Trong tháng không có đơn vị nào báo vụ việc cần báo cáo ngay."] }];
  out.push({
    kind: "paragraph",
    parts: [
      {
        text: "Các vụ việc đã được gửi ngay tới lãnh đạo khi đơn vị báo; đã ẩn số điện thoại, số giấy tờ, email.",
        italic: true,
      },
    ],
  });
  const rows = matters.map((m) => {
    const text = oneLine(maskIdentity(m.text));
    const cut = cutText(text, URGENT_TEXT_CHARS);
    return [
      unitLabel(byCode.get(m.unit), m.unit),
      cut.length < text.length ? `${cut}…` : cut,
      `${m.at ? atText(m.at, tz) : "—"}${m.unverified ? " (người gửi chưa được xác nhận)" : ""}`,
    ];
  });
  out.push({ kind: "table", head: ["Đơn vị", "Vụ việc", "Thời điểm báo"], rows, widths: [26, 54, 20] });
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function changeWords(d: number): string {
  return d > 0 ? `tăng ${viNumber(d)}` : d < 0 ? `giảm ${viNumber(-d)}` : "không đổi";
}
