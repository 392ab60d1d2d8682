// What every report has: its name, the template's fields, the opening line, the figures table, the desk's sections.
import { localDay, localParts, officialDateLine, viDate, viMonth } from "../dates";
import type { FormAnswers } from "../forms";
import { REGISTRATION } from "../periods";
import type { Settings } from "../settings";
import type { PeriodFigures } from "../status";
import { viNumber, viPercent } from "../text";
import type { Trend } from "../trends";
import type { Unit } from "../units";
import type { Block } from "./blocks";
import type { GroupLine } from "./figures";
import { FIELD, reportFileName } from "./template";

export interface Report {
  period: string;
  /** the Drive file's name */
  name: string;
  /** the template's fields: {{name}} → value */
  fields: Record<string, string>;
  recipients: string[];
  body: Block[];
  appendix: Block[];
  /** the texts by unit, whole (the appendix may cut them): unit, question, text */
  texts: string[][];
  /** the figures at the cut-off, for the mail's subject */
  figures: PeriodFigures;
  asOf: number;
  /** the months before with this one (monthly reports), for the leaders' mail's chart */
  trend?: Trend;
}

/** a unit's answers a report counts, typed by the form they answer */
export interface Entry<A = FormAnswers> {
  unit: string;
  answers: A;
}

/** "08:00 ngày 24/10/2018" */
export function atText(ms: number, tz: string): string {
  const p = localParts(ms, tz);
  return `${String(p.hh).padStart(2, "0")}:${String(p.mi).padStart(2, "0")} ngày ${viDate(localDay(ms, tz))}`;
}

function subjectOf(period: string): string {
  return period === REGISTRATION
    ? "Kết quả đăng ký tài khoản, nhóm Facebook của Công đoàn cơ sở"
    : `Tình hình dư luận xã hội, tâm tư, nguyện vọng của đoàn viên, CNVCLĐ ${viMonth(period)}`;
}

/** the fields of the template, from the settings */
export function fieldsOf(period: string, s: Settings, madeAt: number): Record<string, string> {
  return {
    [FIELD.superior]: s.orgSuperior.toUpperCase(),
    [FIELD.issuer]: s.orgName.toUpperCase(),
    [FIELD.number]: s.reportNumber,
    [FIELD.placeDate]: officialDateLine(s.place, localDay(madeAt, s.timeZone)),
    [FIELD.subject]: subjectOf(period),
    [FIELD.onBehalf]: s.signerOnBehalf.toUpperCase(),
    [FIELD.title]: s.signerTitle.toUpperCase(),
    [FIELD.signer]: s.signerName,
  };
}

export function fileNameOf(period: string, s: Settings): string {
  return reportFileName(period, s.registrationDeadline.slice(0, 4));
}

/** the directive the report answers, as the settings name it (the networks' names with their capital) */
export function directiveText(s: Settings): string {
  const date = s.directiveDate ? viDate(s.directiveDate) : "…";
  return properNames(
    `Công văn số ${s.directiveNumber} ngày ${date} của ${s.directiveIssuer} ${s.directiveSubject}`.replace(/\s+/g, " ").trim(),
  );
}

const PROPER: [RegExp, string][] = [
  [/(?<![\w./@-])facebook(?![\w.]*\.\w)(?![\w/])/giu, "Facebook"],
  [/(?<![\w./@-])zalo(?![\w/])/giu, "Zalo"],
  [/(?<![\w./@-])tiktok(?![\w/])/giu, "TikTok"],
  [/(?<![\w./@-])youtube(?![\w/])/giu, "YouTube"],
];

/** proper names capitalised outside links */
export function properNames(text: string): string {
  return PROPER.reduce((t, [re, name]) => t.replace(re, name), text);
}

/** CĐCS names without the prefix every one of them carries */
export function shortName(u: Unit | undefined, code: string): string {
  return (u?.name ?? code).replace(/^(CĐCS|Công đoàn cơ sở)\s+/i, "") || code;
}

/** "CD025 – Công ty …": units by code and name only, never a person or a contact */
export function unitLabel(u: Unit | undefined, code: string): string {
  return `${code} – ${shortName(u, code)}`;
}

export function signed(n: number): string {
  return n > 0 ? `+${viNumber(n)}` : n < 0 ? `−${viNumber(-n)}` : "0";
}

function pointsChange(a: number | null, b: number | null | undefined): string {
  if (a === null || b === null || b === undefined) return "";
  const d = Math.round((a - b) * 1000) / 10;
  return d ? `${d > 0 ? "+" : "−"}${viNumber(Math.abs(d))} điểm phần trăm` : "0";
}

const FIGURE_LINES: [string, (f: PeriodFigures) => number | null, "count" | "rate"][] = [
  ["Phải báo cáo", (f) => f.expected, "count"],
  ["Đã nộp", (f) => f.received, "count"],
  ["Đúng hạn", (f) => f.onTime, "count"],
  ["Trễ hạn", (f) => f.late.length, "count"],
  ["Chưa nộp", (f) => f.missing.length, "count"],
  ["Không hợp lệ", (f) => f.invalid.length, "count"],
  ["Chờ xác nhận người gửi", (f) => f.unverified.length, "count"],
  ["Tỷ lệ báo cáo", (f) => f.reportingRate, "rate"],
  ["Tỷ lệ đúng hạn", (f) => f.onTimeRate, "rate"],
];

/** the figures table: this period, and (when given) the month before at the same point with the change */
export function figuresTable(
  cur: PeriodFigures,
  curHead: string,
  prev: PeriodFigures | null,
  prevHead: string,
  words: Record<string, string> = {},
): Block {
  const cell = (v: number | null, kind: "count" | "rate") => (kind === "rate" ? viPercent(v) : viNumber(v ?? 0));
  return {
    kind: "table",
    head: prev ? ["Chỉ tiêu", curHead, prevHead, "Tăng, giảm"] : ["Chỉ tiêu", curHead],
    widths: prev ? [34, 22, 22, 22] : [60, 40],
    rows: FIGURE_LINES.map(([label, get, kind]) => {
      const a = get(cur);
      const row = [words[label] ?? label, cell(a, kind)];
      if (prev) {
        const b = get(prev);
        row.push(cell(b, kind), kind === "rate" ? pointsChange(a, b) : signed((a ?? 0) - (b ?? 0)));
      }
      return row;
    }),
  };
}

export const REGISTRATION_WORDS: Record<string, string> = {
  "Phải báo cáo": "Phải đăng ký",
  "Đã nộp": "Đã đăng ký",
  "Chưa nộp": "Chưa đăng ký",
  "Tỷ lệ báo cáo": "Tỷ lệ đăng ký",
};

export function groupTable(lines: GroupLine[], words: Record<string, string> = {}): Block {
  return {
    kind: "table",
    head: ["Khối", "Phải báo cáo", "Đã nộp", "Đúng hạn", "Tỷ lệ báo cáo", "Tỷ lệ đúng hạn"].map((h) => words[h] ?? h),
    widths: [34, 13, 13, 13, 14, 13],
    rows: lines.map((l) => [
      l.group,
      viNumber(l.expected),
      viNumber(l.received),
      viNumber(l.onTime),
      viPercent(l.reportingRate),
      viPercent(l.onTimeRate),
    ]),
  };
}

/** "Trễ hạn (2): CD004 – … (1 ngày); CD013 – … (11 ngày)." or "Trễ hạn: không có." */
export function unitList(label: string, codes: { unit: string; daysLate?: number }[], byCode: Map<string, Unit>): Block {
  if (!codes.length) return { kind: "item", parts: [{ text: `${label}: `, bold: true }, "không có."] };
  const list = codes.map((c) => `${unitLabel(byCode.get(c.unit), c.unit)}${c.daysLate ? ` (${viNumber(c.daysLate)} ngày)` : ""}`);
  return { kind: "item", parts: [{ text: `${label} (${viNumber(codes.length)}): `, bold: true }, `${list.join("; ")}.`] };
}

/** the sections the desk writes itself, marked as such */
export function deskSections(
  first: number,
  hints: string[],
  about = "tình hình tư tưởng, dư luận nổi bật, những vấn đề cần quan tâm",
): Block[] {
  const roman = ["I", "II", "III", "IV", "V", "VI"];
  return [
    { kind: "heading", level: 1, text: `${roman[first - 1]}. ĐÁNH GIÁ CHUNG` },
    {
      kind: "todo",
      text: `[Bộ phận Tuyên giáo viết đánh giá chung: ${about}. Xóa đoạn hướng dẫn này trước khi trình ký.]`,
    },
    { kind: "heading", level: 1, text: `${roman[first]}. KIẾN NGHỊ, ĐỀ XUẤT` },
    {
      kind: "todo",
      text: `[Bộ phận Tuyên giáo viết kiến nghị với cấp trên.${hints.length ? ` Gợi ý từ số liệu: ${hints.join(" ")}` : ""} Xóa đoạn hướng dẫn này trước khi trình ký.]`,
    },
  ];
}
