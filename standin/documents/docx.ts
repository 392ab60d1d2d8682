// A stand-in document written as .docx (the `docx` package): what staff would open from Drive, and what LibreOffice
// turns into the PDF Google would attach. Text without a font of its own is Google's default, Arial 11.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { CellNode, DocModel, ParaNode, SectionNode, TableNode } from "./documents.js";

const tw = (pt: number) => Math.round(pt * 20);

const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

function color(v: unknown): string | undefined {
  return typeof v === "string" && /^#?[0-9a-f]{6}$/i.test(v) ? v.replace("#", "").toUpperCase() : undefined;
}

function runOf(text: string, m: Record<string, unknown>, extra: { children?: (typeof PageNumber.CURRENT)[] } = {}): TextRun {
  const fill = color(m.BACKGROUND_COLOR);
  return new TextRun({
    ...(extra.children ? { children: extra.children } : { text }),
    bold: m.BOLD === true,
    italics: m.ITALIC === true,
    underline: m.UNDERLINE === true ? {} : undefined,
    strike: m.STRIKETHROUGH === true,
    font: typeof m.FONT_FAMILY === "string" ? m.FONT_FAMILY : undefined,
    size: typeof m.FONT_SIZE === "number" ? Math.round(m.FONT_SIZE * 2) : undefined,
    color: color(m.FOREGROUND_COLOR),
    shading: fill ? { type: ShadingType.CLEAR, fill, color: "auto" } : undefined,
  });
}

function paragraphOf(p: ParaNode): Paragraph {
  const a = p.attrs;
  const children: (TextRun | PageBreak)[] = p.runs.map((r) => runOf(r.text, r.marks));
  if (p.pageNumber) children.push(runOf("", a, { children: [PageNumber.CURRENT] }));
  if (p.pageBreak) children.push(new PageBreak());
  const start = Number(a.INDENT_START ?? 0);
  return new Paragraph({
    alignment: ALIGN[String(a.HORIZONTAL_ALIGNMENT)] ?? undefined,
    keepNext: p.keepWithNext === true ? true : undefined,
    spacing: {
      before: a.SPACING_BEFORE === undefined ? undefined : tw(Number(a.SPACING_BEFORE)),
      after: a.SPACING_AFTER === undefined ? undefined : tw(Number(a.SPACING_AFTER)),
      line: a.LINE_SPACING === undefined ? undefined : Math.round(Number(a.LINE_SPACING) * 240),
    },
    // Google's first-line indent is where the first line starts; Word's is counted from the left indent
    indent: {
      left: start ? tw(start) : undefined,
      firstLine: a.INDENT_FIRST_LINE ? tw(Number(a.INDENT_FIRST_LINE) - start) : undefined,
    },
    children,
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000" };

function cellOf(c: CellNode, width: number): TableCell {
  const pad = (k: string, d: number) => tw(Number(c.attrs[k] ?? d));
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: pad("PADDING_TOP", 2), bottom: pad("PADDING_BOTTOM", 2), left: pad("PADDING_LEFT", 5), right: pad("PADDING_RIGHT", 5) },
    children: c.children.map(paragraphOf),
  });
}

function tableOf(t: TableNode, textWidth: number): Table {
  const n = t.widths.length;
  const given = t.widths.reduce<number>((s, w) => s + (w ?? 0), 0);
  const open = t.widths.filter((w) => w === null).length;
  // columns Google would share out get what the set ones leave
  const widths = t.widths.map((w) => tw(w ?? Math.max(36, (textWidth - given) / Math.max(1, open))));
  const b = t.attrs.BORDER_WIDTH === 0 ? NONE : LINE;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
    rows: t.rows.map((r) => new TableRow({ children: r.cells.slice(0, n).map((c, i) => cellOf(c, widths[i])) })),
  });
}

function childrenOf(s: SectionNode, textWidth: number): (Paragraph | Table)[] {
  return s.children.map((c) => (c.type === "PARAGRAPH" ? paragraphOf(c) : tableOf(c, textWidth)));
}

export async function docxOf(d: DocModel): Promise<Buffer> {
  const a = d.body.attrs as Record<string, number>;
  const textWidth = a.PAGE_WIDTH - a.MARGIN_LEFT - a.MARGIN_RIGHT;
  const header = d.header ? new Header({ children: childrenOf(d.header, textWidth) as Paragraph[] }) : undefined;
  const doc = new Document({
    title: d.name,
    styles: { default: { document: { run: { font: "Arial", size: 22 }, paragraph: { spacing: { line: 276, before: 0, after: 0 } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(a.PAGE_WIDTH), height: tw(a.PAGE_HEIGHT) },
            margin: {
              top: tw(a.MARGIN_TOP),
              bottom: tw(a.MARGIN_BOTTOM),
              left: tw(a.MARGIN_LEFT),
              right: tw(a.MARGIN_RIGHT),
              header: tw(28.35),
            },
          },
          titlePage: d.firstPageDifferent,
        },
        headers: header ? { default: header, first: new Header({ children: [new Paragraph({})] }) } : undefined,
        children: childrenOf(d.body, textWidth),
      },
    ],
  });
  // the document's properties carry the instant it was packed: written as the fixed one below, so the bytes repeat
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escXml(d.name)}</dc:title><dc:creator>Un-named</dc:creator><cp:lastModifiedBy>Un-named</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00.000Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00.000Z</dcterms:modified></cp:coreProperties>`;
  return fixedZipTimes(await Packer.toBuffer(doc, false, [{ path: "docProps/core.xml", data: core }]));
}

/**
 * The zip's entries carry the time they were packed: set to one fixed instant (1 January 1980, the format's first), so
 * the same document gives the same bytes and a demo's output can be compared byte for byte with an earlier run.
 */
const escXml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function fixedZipTimes(zip: Buffer): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return zip;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries && zip.readUInt32LE(at) === 0x02014b50; i++) {
    zip.writeUInt32LE(0x00210000, at + 12); // central directory: time 00:00:00, date 1980-01-01
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) zip.writeUInt32LE(0x00210000, local + 10);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
