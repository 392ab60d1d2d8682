// The template every report is copied from (Decree 30/2020/NĐ-CP as the union applies it in QĐ 933/QĐ-TLĐ):
// setup makes it once, staff restyle it and add what only the Docs editor can (page numbers from page 2).
import type { Align } from "./blocks";

/** one line of the template; `{{name}}` marks what each report fills in */
export interface Line {
  text: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  align: Align;
  /** points of space above */
  before?: number;
}

export interface TemplateSpec {
  name: string;
  font: string;
  /** A4, in millimetres */
  page: { width: number; height: number };
  margins: { top: number; bottom: number; left: number; right: number };
  /** the two-column head: issuing bodies on the left, the national title and motto on the right (mm widths) */
  head: { widths: [number, number]; rows: [Line, Line][] };
  /** the document type and what it is about */
  title: Line[];
  /** the paragraph the body replaces: its style is the body's */
  content: Line & { firstLine: number; after: number; lineSpacing: number };
  /** recipients on the left, the signer on the right, `before` points below the content */
  sign: { before: number; widths: [number, number]; left: Line[]; right: Line[] };
}

/** what each report fills in */
export const FIELD = {
  superior: "co_quan_cap_tren",
  issuer: "co_quan",
  number: "so_van_ban",
  placeDate: "dia_danh_ngay",
  subject: "trich_yeu",
  content: "noi_dung",
  recipients: "noi_nhan",
  onBehalf: "tham_quyen",
  title: "chuc_vu",
  signer: "nguoi_ky",
} as const;

export const mark = (name: string) => `{{${name}}}`;

/**
 * A pattern (RE2, as Docs' findText and replaceText take it) that finds a field's mark, and the same mark written with
 * a brace too few or with spaces inside, as staff retyping the template sometimes leave it: `{{trich_yeu}` is filled
 * too, and named to staff to put right (scanFields).
 */
export function fieldPattern(name: string): string {
  return `\\{\\{\\s*${name}\\b\\s*\\}?\\}?|\\{\\s*${name}\\b\\s*\\}\\}`;
}

/** anything written like a mark: one or two braces around a word */
const MARKISH = /\{\{?\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}?\}?/g;

/** the fields a template's text holds as they should be, and the marks written wrong (a brace too few, an unknown name) */
export function scanFields(text: string): { found: string[]; broken: string[] } {
  const known = new Set<string>(Object.values(FIELD));
  const found = new Set<string>();
  const broken: string[] = [];
  for (const m of text.matchAll(MARKISH)) {
    const whole = m[0];
    const name = m[1];
    const braces = (whole.match(/[{}]/g) ?? []).length;
    if (whole === mark(name) && known.has(name)) found.add(name);
    else if (known.has(name) || braces >= 3) broken.push(whole);
  }
  return { found: [...found], broken: [...new Set(broken)] };
}

/** a short solid rule: the line under the issuing body, the motto and the subject */
const rule = (n: number, before = 0): Line => ({ text: "─".repeat(n), size: 9, align: "center", before });

const c = (text: string, size: number, more: Partial<Line> = {}): Line => ({ text, size, align: "center", ...more });

export const TEMPLATE: TemplateSpec = {
  name: "Mẫu báo cáo (không xóa)",
  font: "Times New Roman",
  page: { width: 210, height: 297 },
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  head: {
    widths: [68, 97],
    rows: [
      [c(mark(FIELD.superior), 12), c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, { bold: true })],
      [c(mark(FIELD.issuer), 12, { bold: true }), c("Độc lập - Tự do - Hạnh phúc", 13, { bold: true })],
      [rule(10), rule(23)],
      [c(`Số: ${mark(FIELD.number)}`, 13), c(mark(FIELD.placeDate), 13, { italic: true })],
    ],
  },
  title: [c("BÁO CÁO", 14, { bold: true, before: 6 }), c(mark(FIELD.subject), 14, { bold: true }), rule(12, 4)],
  content: { text: mark(FIELD.content), size: 14, align: "justify", firstLine: 10, after: 6, lineSpacing: 1.15 },
  sign: {
    before: 12,
    widths: [75, 90],
    left: [
      { text: "Nơi nhận:", size: 12, bold: true, italic: true, align: "left" },
      { text: mark(FIELD.recipients), size: 11, align: "left" },
    ],
    right: [
      c(mark(FIELD.onBehalf), 14, { bold: true }),
      c(mark(FIELD.title), 14, { bold: true }),
      // room for the signature and the seal: about 35 mm, as the decree's sample leaves between title and name
      c("", 14),
      c("", 14),
      c("", 14),
      c("", 14),
      c("", 14),
      c("", 14),
      c(mark(FIELD.signer), 14, { bold: true }),
    ],
  },
};

export const POINTS_PER_MM = 72 / 25.4;

/** the report's file name in Drive: BC-TG-2018-10, BC-TG-2018-DK */
export function reportFileName(period: string, registrationYear: string): string {
  return period === "registration" ? `BC-TG-${registrationYear}-DK` : `BC-TG-${period}`;
}
