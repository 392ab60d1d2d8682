// The stand-in's DocumentApp: Google Docs in memory, every call metered. Each class declares the slice of Google's
// own interface it stands for (Slice), so it cannot offer a method Google lacks nor take other arguments; where it
// does not know what Google does (a line break inside inserted text, `$` in a replacement) it refuses.

import { StandinBlob } from "../utilities.js";
import type { World } from "../world.js";
import { canOpen, driveOf } from "./drive-access.js";

type D = GoogleAppsScript.Document.DocumentApp;

/**
 * Google's methods K of T, with Google's parameters; where Google returns one of its objects the stand-in returns its
 * own (an overloaded method is checked against its last signature, the one the product calls).
 */
export type Slice<T, K extends keyof T> = {
  [P in K]: T[P] extends (...a: infer A) => infer R ? (...a: A) => R extends object ? unknown : R : never;
};

export const DOC_MIME = "application/vnd.google-apps.document";

/** what Google keeps per character run */
export type Marks = Record<string, unknown>;
export interface Run {
  text: string;
  marks: Marks;
}

export interface ParaNode {
  type: "PARAGRAPH";
  runs: Run[];
  /** paragraph attributes, and the text attributes an empty paragraph carries */
  attrs: Record<string, unknown>;
  /** a paragraph holding a page break */
  pageBreak?: boolean;
  /** a page-number field (only staff put one, in the Docs editor: DocumentApp cannot) */
  pageNumber?: boolean;
  /** laid out on the same page as the next paragraph (the Docs API's ParagraphStyle.keepWithNext: DocumentApp cannot set it) */
  keepWithNext?: boolean;
}
export interface CellNode {
  type: "TABLE_CELL";
  children: ParaNode[];
  attrs: Record<string, unknown>;
}
export interface RowNode {
  type: "TABLE_ROW";
  cells: CellNode[];
}
export interface TableNode {
  type: "TABLE";
  rows: RowNode[];
  attrs: Record<string, unknown>;
  /** column widths in points; undefined: Google shares the width out */
  widths: (number | null)[];
}
export interface SectionNode {
  type: "BODY_SECTION" | "HEADER_SECTION";
  children: (ParaNode | TableNode)[];
  attrs: Record<string, unknown>;
}
export interface DocModel {
  id: string;
  name: string;
  body: SectionNode;
  header: SectionNode | null;
  /** the header is not shown on the first page (Docs: "Different first page") */
  firstPageDifferent: boolean;
}

type Node = ParaNode | CellNode | RowNode | TableNode | SectionNode;

/** kept on the world itself (World.own), so that a snapshot's copy has them */
const DOCUMENTS = Symbol("documents");
const SAVED = Symbol("saved documents");

/** every document of the world, by id */
export function documentsOf(w: World): Map<string, DocModel> {
  return w.own(DOCUMENTS, () => new Map<string, DocModel>());
}

/** each document as its last saveAndClose left it */
export function savedOf(w: World): Map<DocModel, DocModel> {
  return w.own(SAVED, () => new Map<DocModel, DocModel>());
}

/** a new document: one empty paragraph; Letter-size pages (Google's size depends on the account: the product sets A4) */
export function newDocument(w: World, id: string, name: string): DocModel {
  const doc: DocModel = {
    id,
    name,
    body: {
      type: "BODY_SECTION",
      children: [para("")],
      attrs: { PAGE_WIDTH: 612, PAGE_HEIGHT: 792, MARGIN_TOP: 72, MARGIN_BOTTOM: 72, MARGIN_LEFT: 72, MARGIN_RIGHT: 72 },
    },
    header: null,
    firstPageDifferent: false,
  };
  documentsOf(w).set(id, doc);
  return doc;
}

/** a deep copy (Drive's copy, a saved state) */
export function cloneDocument(d: DocModel, id = d.id, name = d.name): DocModel {
  return { ...(JSON.parse(JSON.stringify(d)) as DocModel), id, name };
}

/**
 * What staff do once in the Docs editor (Insert → Page numbers, the option that starts on page 2, centred):
 * a header holding the page number, not shown on the first page.
 */
export function finishTemplate(w: World, id: string, font = "Times New Roman", size = 13): void {
  const d = documentsOf(w).get(id);
  if (!d) throw new Error(`no document ${id}`);
  const p = para("");
  p.pageNumber = true;
  p.attrs = { HORIZONTAL_ALIGNMENT: "CENTER", FONT_FAMILY: font, FONT_SIZE: size };
  d.header = { type: "HEADER_SECTION", children: [p], attrs: {} };
  d.firstPageDifferent = true;
}

/** Google Docs holds at most 1.02 million characters (support.google.com/drive/answer/37603) */
export const DOC_CHAR_LIMIT = 1_020_000;

export function paragraphsOf(sec: SectionNode | CellNode): ParaNode[] {
  const out: ParaNode[] = [];
  for (const c of sec.children) {
    if (c.type === "PARAGRAPH") out.push(c);
    else for (const r of c.rows) for (const cell of r.cells) out.push(...paragraphsOf(cell));
  }
  return out;
}

export function textOfPara(p: ParaNode): string {
  return p.runs.map((r) => r.text).join("");
}

function para(text: string, marks: Marks = {}): ParaNode {
  return { type: "PARAGRAPH", runs: text ? [{ text, marks }] : [], attrs: {} };
}

// ---- attributes: which belong to the paragraph, which to its characters

const PARA_KEYS = new Set([
  "HORIZONTAL_ALIGNMENT",
  "INDENT_FIRST_LINE",
  "INDENT_START",
  "INDENT_END",
  "SPACING_BEFORE",
  "SPACING_AFTER",
  "LINE_SPACING",
  "HEADING",
  "LEFT_TO_RIGHT",
]);
const TEXT_KEYS = new Set([
  "BOLD",
  "ITALIC",
  "UNDERLINE",
  "STRIKETHROUGH",
  "FONT_FAMILY",
  "FONT_SIZE",
  "FOREGROUND_COLOR",
  "BACKGROUND_COLOR",
  "LINK_URL",
]);

/** per-character marks and back: the edits work on characters, the model keeps runs */
function explode(p: ParaNode): { text: string; marks: Marks[] } {
  const marks: Marks[] = [];
  for (const r of p.runs) for (let i = 0; i < r.text.length; i++) marks.push(r.marks);
  return { text: textOfPara(p), marks };
}
function implode(p: ParaNode, text: string, marks: Marks[]): void {
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && sameMarks(last.marks, marks[i])) last.text += text[i];
    else runs.push({ text: text[i], marks: marks[i] ?? {} });
  }
  p.runs = runs;
}
function sameMarks(a: Marks, b: Marks): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a[k] === b[k]);
}

function refuseBreaks(text: string): string {
  const s = String(text);
  // Google turns a line break inside inserted text into a new paragraph; the stand-in does not guess the rest
  if (/[\r\n]/.test(s))
    throw new Error("stand-in: text with a line break would become several paragraphs on Google; insert one paragraph each");
  return s;
}

/** the world and the document a wrapper belongs to: every call is metered, none on a closed document */
class Ctx {
  closed = false;
  constructor(
    readonly w: World,
    readonly doc: DocModel,
  ) {}
  hit(method: string): void {
    this.w.meter.hit("DocumentApp", method);
    if (this.closed) throw new Error("Document is closed, its contents cannot be updated.");
  }
  /** the parent of a node, found from the document's root */
  parentOf(n: Node): Node | null {
    const find = (at: Node): Node | null => {
      const kids: Node[] =
        at.type === "BODY_SECTION" || at.type === "HEADER_SECTION" || at.type === "TABLE_CELL"
          ? at.children
          : at.type === "TABLE"
            ? at.rows
            : at.type === "TABLE_ROW"
              ? at.cells
              : [];
      for (const k of kids) {
        if (k === n) return at;
        const f = find(k);
        if (f) return f;
      }
      return null;
    };
    return find(this.doc.body) ?? (this.doc.header ? find(this.doc.header) : null);
  }
  wrap(n: Node): unknown {
    switch (n.type) {
      case "PARAGRAPH":
        return new StandinParagraph(this, n);
      case "TABLE":
        return new StandinTable(this, n);
      case "TABLE_ROW":
        return new StandinTableRow(this, n);
      case "TABLE_CELL":
        return new StandinTableCell(this, n);
      default:
        return new StandinSection(this, n);
    }
  }
}

function setParaAttrs(p: ParaNode, a: Record<string, unknown>): void {
  const text: Marks = {};
  for (const [k, v] of Object.entries(a ?? {})) {
    if (v === null || v === undefined) continue;
    if (PARA_KEYS.has(k)) p.attrs[k] = v;
    else if (TEXT_KEYS.has(k)) {
      text[k] = v;
      p.attrs[k] = v;
    }
  }
  if (Object.keys(text).length) p.runs = p.runs.map((r) => ({ text: r.text, marks: { ...r.marks, ...text } }));
}

function getParaAttrs(p: ParaNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of PARA_KEYS) out[k] = p.attrs[k] ?? null;
  for (const k of TEXT_KEYS) {
    const vals = p.runs.length ? p.runs.map((r) => r.marks[k]) : [p.attrs[k]];
    out[k] = vals.every((v) => v === vals[0]) ? (vals[0] ?? null) : null;
  }
  return out;
}

/** regex search and replace inside one paragraph; a replacement keeps the marks of the text it replaces */
function replaceIn(p: ParaNode, re: RegExp, replacement: string): void {
  const { text, marks } = explode(p);
  let out = "";
  const outMarks: Marks[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (!m[0].length) continue;
    out += text.slice(last, at);
    outMarks.push(...marks.slice(last, at));
    out += replacement;
    for (let i = 0; i < replacement.length; i++) outMarks.push(marks[at] ?? p.attrs);
    last = at + m[0].length;
  }
  if (!last) return;
  out += text.slice(last);
  outMarks.push(...marks.slice(last));
  implode(p, out, outMarks);
}

function searchPattern(pattern: string, flags = ""): RegExp {
  return new RegExp(String(pattern), flags);
}

function refuseReplacement(r: string): string {
  // Google does not document how `$` and `\` in a replacement are read: the product never sends them
  if (/[$\\]/.test(r))
    throw new Error("stand-in: a replacement holding `$` or `\\` is read by Google's own rules, which are not documented");
  return refuseBreaks(r);
}

// ---- the classes the bundle sees

type ContainerSlice = Slice<GoogleAppsScript.Document.ContainerElement, "asTableCell" | "asBody" | "getType" | "getChildIndex">;

/** the body (or a header section) */
export class StandinSection
  implements
    Slice<
      GoogleAppsScript.Document.Body,
      | "insertParagraph"
      | "insertTable"
      | "insertPageBreak"
      | "appendParagraph"
      | "getNumChildren"
      | "getChild"
      | "getChildIndex"
      | "findText"
      | "replaceText"
      | "getText"
      | "getType"
      | "setMarginTop"
      | "setMarginBottom"
      | "setMarginLeft"
      | "setMarginRight"
      | "setPageWidth"
      | "setPageHeight"
      | "getMarginTop"
      | "getMarginBottom"
      | "getMarginLeft"
      | "getMarginRight"
      | "getPageWidth"
      | "getPageHeight"
    >,
    ContainerSlice
{
  constructor(
    private c: Ctx,
    readonly node: SectionNode,
  ) {}
  private h(m: string) {
    this.c.hit(`${this.node.type === "BODY_SECTION" ? "Body" : "HeaderSection"}.${m}`);
  }
  private index(i: number, max: number): number {
    if (!Number.isInteger(i) || i < 0 || i > max)
      throw new Error(`Child index (${i}) must be between 0 and the number of child elements (${max}).`);
    return i;
  }
  insertParagraph(childIndex: number, text: string | GoogleAppsScript.Document.Paragraph) {
    this.h("insertParagraph");
    if (typeof text !== "string") throw new Error("stand-in: inserting a copied Paragraph is not modelled");
    const p = para(refuseBreaks(text));
    this.node.children.splice(this.index(childIndex, this.node.children.length), 0, p);
    return new StandinParagraph(this.c, p);
  }
  appendParagraph(text: string) {
    this.h("appendParagraph");
    const p = para(refuseBreaks(text));
    this.node.children.push(p);
    return new StandinParagraph(this.c, p);
  }
  insertTable(childIndex: number, cells?: string[][] | GoogleAppsScript.Document.Table | null) {
    this.h("insertTable");
    if (!Array.isArray(cells) || !cells.length) throw new Error("stand-in: only a table made from cells (string[][]) is modelled");
    const width = cells[0].length;
    if (!width || cells.some((r) => !Array.isArray(r) || r.length !== width))
      throw new Error("Invalid argument: cells (rows of equal length)");
    const t: TableNode = {
      type: "TABLE",
      rows: cells.map((r) => ({
        type: "TABLE_ROW",
        cells: r.map((x) => ({ type: "TABLE_CELL", children: [para(refuseBreaks(String(x ?? "")))], attrs: {} })),
      })),
      attrs: {},
      widths: Array(width).fill(null),
    };
    this.node.children.splice(this.index(childIndex, this.node.children.length), 0, t);
    return new StandinTable(this.c, t);
  }
  insertPageBreak(childIndex: number, pageBreak?: GoogleAppsScript.Document.PageBreak | null) {
    this.h("insertPageBreak");
    if (pageBreak) throw new Error("stand-in: inserting a copied PageBreak is not modelled");
    const p = para("");
    p.pageBreak = true;
    this.node.children.splice(this.index(childIndex, this.node.children.length), 0, p);
    return new StandinPageBreak(this.c, p);
  }
  getNumChildren() {
    this.h("getNumChildren");
    return this.node.children.length;
  }
  getChild(childIndex: number) {
    this.h("getChild");
    const n = this.node.children[this.index(childIndex, this.node.children.length - 1)];
    return this.c.wrap(n);
  }
  getChildIndex(child: GoogleAppsScript.Document.Element) {
    this.h("getChildIndex");
    const i = this.node.children.indexOf((child as unknown as { node: ParaNode }).node);
    if (i < 0) throw new Error("Element does not contain the specified child element.");
    return i;
  }
  findText(searchPattern_: string, from?: GoogleAppsScript.Document.RangeElement | null) {
    this.h("findText");
    if (from) throw new Error("stand-in: findText from a previous result is not modelled");
    const re = searchPattern(searchPattern_);
    for (const p of paragraphsOf(this.node)) {
      const m = re.exec(textOfPara(p));
      if (m?.[0]) return new StandinRangeElement(this.c, p, m.index, m.index + m[0].length - 1);
    }
    return null;
  }
  replaceText(pattern: string, replacement: string) {
    this.h("replaceText");
    const r = refuseReplacement(replacement);
    for (const p of paragraphsOf(this.node)) replaceIn(p, searchPattern(pattern, "g"), r);
    return this;
  }
  getText() {
    this.h("getText");
    return paragraphsOf(this.node).map(textOfPara).join("\n");
  }
  getType() {
    this.h("getType");
    return this.node.type as unknown as GoogleAppsScript.Document.ElementType;
  }
  asBody() {
    this.h("asBody");
    if (this.node.type !== "BODY_SECTION") throw new Error("Cannot convert a header section to a body.");
    return this;
  }
  asTableCell(): never {
    this.h("asTableCell");
    throw new Error("The element is not a table cell.");
  }
  private attr(key: string, v?: number): number | this {
    this.h(`${v === undefined ? "get" : "set"}${key}`);
    if (v === undefined) return Number(this.node.attrs[key.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()]);
    this.node.attrs[key.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()] = Number(v);
    return this;
  }
  setMarginTop(v: number) {
    return this.attr("MarginTop", v);
  }
  setMarginBottom(v: number) {
    return this.attr("MarginBottom", v);
  }
  setMarginLeft(v: number) {
    return this.attr("MarginLeft", v);
  }
  setMarginRight(v: number) {
    return this.attr("MarginRight", v);
  }
  setPageWidth(v: number) {
    return this.attr("PageWidth", v);
  }
  setPageHeight(v: number) {
    return this.attr("PageHeight", v);
  }
  getMarginTop() {
    return this.attr("MarginTop") as number;
  }
  getMarginBottom() {
    return this.attr("MarginBottom") as number;
  }
  getMarginLeft() {
    return this.attr("MarginLeft") as number;
  }
  getMarginRight() {
    return this.attr("MarginRight") as number;
  }
  getPageWidth() {
    return this.attr("PageWidth") as number;
  }
  getPageHeight() {
    return this.attr("PageHeight") as number;
  }
}

export class StandinParagraph
  implements
    Slice<
      GoogleAppsScript.Document.Paragraph,
      | "setAttributes"
      | "getAttributes"
      | "editAsText"
      | "getText"
      | "setText"
      | "getParent"
      | "removeFromParent"
      | "getType"
      | "setAlignment"
    >,
    Slice<GoogleAppsScript.Document.Element, "asParagraph">
{
  constructor(
    private c: Ctx,
    readonly node: ParaNode,
  ) {}
  setAttributes(attributes: unknown) {
    this.c.hit("Paragraph.setAttributes");
    setParaAttrs(this.node, attributes as Record<string, unknown>);
    return this;
  }
  getAttributes() {
    this.c.hit("Paragraph.getAttributes");
    const o = this.c.w.makeObject() as Record<string, unknown>;
    Object.assign(o, getParaAttrs(this.node));
    return o;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment) {
    this.c.hit("Paragraph.setAlignment");
    this.node.attrs.HORIZONTAL_ALIGNMENT = alignment;
    return this;
  }
  editAsText() {
    this.c.hit("Paragraph.editAsText");
    return new StandinText(this.c, [this.node]);
  }
  getText() {
    this.c.hit("Paragraph.getText");
    return textOfPara(this.node);
  }
  setText(text: string) {
    this.c.hit("Paragraph.setText");
    const marks = this.node.runs[0]?.marks ?? {};
    this.node.runs = [];
    const t = refuseBreaks(text);
    if (t) this.node.runs.push({ text: t, marks });
    return this;
  }
  getParent() {
    this.c.hit("Paragraph.getParent");
    const p = this.c.parentOf(this.node);
    return p ? this.c.wrap(p) : null;
  }
  removeFromParent() {
    this.c.hit("Paragraph.removeFromParent");
    const parent = this.c.parentOf(this.node) as SectionNode | CellNode | null;
    if (!parent) return this;
    const kids = parent.children as Node[];
    const i = kids.indexOf(this.node);
    if (parent.type === "BODY_SECTION" && i === kids.length - 1) throw new Error("Can't remove the last paragraph in a document section.");
    if (parent.type === "TABLE_CELL" && kids.length === 1) throw new Error("stand-in: a table cell keeps at least one paragraph");
    kids.splice(i, 1);
    return this;
  }
  getType() {
    this.c.hit("Paragraph.getType");
    return "PARAGRAPH" as unknown as GoogleAppsScript.Document.ElementType;
  }
  asParagraph() {
    this.c.hit("Element.asParagraph");
    return this;
  }
}

export class StandinPageBreak implements Slice<GoogleAppsScript.Document.PageBreak, "getType" | "getParent"> {
  constructor(
    private c: Ctx,
    readonly node: ParaNode,
  ) {}
  getType() {
    this.c.hit("PageBreak.getType");
    return "PAGE_BREAK" as unknown as GoogleAppsScript.Document.ElementType;
  }
  getParent() {
    this.c.hit("PageBreak.getParent");
    return new StandinParagraph(this.c, this.node);
  }
}

/** a paragraph's text, or the text of every paragraph in a container (editAsText on a table, a row) */
export class StandinText
  implements
    Slice<
      GoogleAppsScript.Document.Text,
      | "getText"
      | "setBold"
      | "setItalic"
      | "setFontFamily"
      | "setFontSize"
      | "setBackgroundColor"
      | "setUnderline"
      | "getParent"
      | "getType"
      | "asText"
      | "deleteText"
      | "insertText"
    >
{
  constructor(
    private c: Ctx,
    private paras: ParaNode[],
  ) {}
  asText() {
    this.c.hit("Text.asText");
    return this;
  }
  /** https://developers.google.com/apps-script/reference/document/text#deleteText(Integer,Integer) */
  deleteText(start: number, endInclusive: number) {
    this.c.hit("Text.deleteText");
    const p = this.one();
    const { text, marks } = explode(p);
    if (!Number.isInteger(start) || !Number.isInteger(endInclusive) || start < 0 || endInclusive >= text.length || endInclusive < start)
      throw new Error(`Invalid offsets: ${start}, ${endInclusive} (text of ${text.length} characters)`);
    implode(p, text.slice(0, start) + text.slice(endInclusive + 1), [...marks.slice(0, start), ...marks.slice(endInclusive + 1)]);
    return this;
  }
  /**
   * https://developers.google.com/apps-script/reference/document/text#insertText(Integer,String): the text goes in
   * literally (no pattern, no `$` or `\\` read); it takes the look of the character before it (the first, at 0)
   */
  insertText(offset: number, text: string) {
    this.c.hit("Text.insertText");
    const add = refuseBreaks(text);
    const p = this.one();
    const { text: t, marks } = explode(p);
    if (!Number.isInteger(offset) || offset < 0 || offset > t.length)
      throw new Error(`Invalid offset: ${offset} (text of ${t.length} characters)`);
    const look = marks[offset > 0 ? offset - 1 : 0] ?? {};
    implode(p, t.slice(0, offset) + add + t.slice(offset), [
      ...marks.slice(0, offset),
      ...Array.from(add, () => look),
      ...marks.slice(offset),
    ]);
    return this;
  }
  private one(): ParaNode {
    if (this.paras.length !== 1) throw new Error("stand-in: ranges over several paragraphs are not modelled");
    return this.paras[0];
  }
  private mark(method: string, key: string, args: unknown[]): this {
    this.c.hit(`Text.${method}`);
    if (args.length === 1) {
      for (const p of this.paras) setParaAttrs(p, { [key]: args[0] });
      return this;
    }
    if (this.paras.length !== 1) throw new Error("stand-in: ranges over several paragraphs are not modelled");
    const [start, end, v] = args as [number, number, unknown];
    const p = this.paras[0];
    const { text, marks } = explode(p);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end >= text.length || end < start) {
      throw new Error(`Invalid offsets: ${start}, ${end} (text of ${text.length} characters)`);
    }
    for (let i = start; i <= end; i++) marks[i] = { ...marks[i], [key]: v };
    implode(p, text, marks);
    return this;
  }
  getText() {
    this.c.hit("Text.getText");
    return this.paras.map(textOfPara).join("\n");
  }
  setBold(...a: [number, number, boolean] | [boolean]) {
    return this.mark("setBold", "BOLD", a);
  }
  setItalic(...a: [number, number, boolean] | [boolean]) {
    return this.mark("setItalic", "ITALIC", a);
  }
  setUnderline(...a: [number, number, boolean] | [boolean]) {
    return this.mark("setUnderline", "UNDERLINE", a);
  }
  setFontFamily(...a: [number, number, string] | [string]) {
    return this.mark("setFontFamily", "FONT_FAMILY", a);
  }
  setFontSize(...a: [number, number, number] | [number]) {
    return this.mark("setFontSize", "FONT_SIZE", a);
  }
  setBackgroundColor(...a: [number, number, string] | [string]) {
    return this.mark("setBackgroundColor", "BACKGROUND_COLOR", a);
  }
  getParent() {
    this.c.hit("Text.getParent");
    if (this.paras.length !== 1) throw new Error("stand-in: the parent of a container's text is not modelled");
    return new StandinParagraph(this.c, this.paras[0]);
  }
  getType() {
    this.c.hit("Text.getType");
    return "TEXT" as unknown as GoogleAppsScript.Document.ElementType;
  }
}

export class StandinRangeElement
  implements Slice<GoogleAppsScript.Document.RangeElement, "getElement" | "getStartOffset" | "getEndOffsetInclusive" | "isPartial">
{
  constructor(
    private c: Ctx,
    private p: ParaNode,
    private start: number,
    private end: number,
  ) {}
  getElement() {
    this.c.w.meter.hit("DocumentApp", "RangeElement.getElement");
    return new StandinText(this.c, [this.p]);
  }
  getStartOffset() {
    this.c.w.meter.hit("DocumentApp", "RangeElement.getStartOffset");
    return this.start;
  }
  getEndOffsetInclusive() {
    this.c.w.meter.hit("DocumentApp", "RangeElement.getEndOffsetInclusive");
    return this.end;
  }
  isPartial() {
    this.c.w.meter.hit("DocumentApp", "RangeElement.isPartial");
    return true;
  }
}

export class StandinTable
  implements
    Slice<
      GoogleAppsScript.Document.Table,
      "getCell" | "getRow" | "getNumRows" | "setBorderWidth" | "setColumnWidth" | "editAsText" | "getType" | "getText"
    >,
    Slice<GoogleAppsScript.Document.Element, "asTable">
{
  constructor(
    private c: Ctx,
    readonly node: TableNode,
  ) {}
  getCell(rowIndex: number, cellIndex: number) {
    this.c.hit("Table.getCell");
    const cell = this.node.rows[rowIndex]?.cells[cellIndex];
    if (!cell) throw new Error(`Cell (${rowIndex}, ${cellIndex}) is out of bounds.`);
    return new StandinTableCell(this.c, cell);
  }
  getRow(rowIndex: number) {
    this.c.hit("Table.getRow");
    const row = this.node.rows[rowIndex];
    if (!row) throw new Error(`Row ${rowIndex} is out of bounds.`);
    return new StandinTableRow(this.c, row);
  }
  getNumRows() {
    this.c.hit("Table.getNumRows");
    return this.node.rows.length;
  }
  setBorderWidth(width: number) {
    this.c.hit("Table.setBorderWidth");
    this.node.attrs.BORDER_WIDTH = Number(width);
    return this;
  }
  setColumnWidth(columnIndex: number, width: number) {
    this.c.hit("Table.setColumnWidth");
    if (columnIndex < 0 || columnIndex >= this.node.widths.length) throw new Error(`Column ${columnIndex} is out of bounds.`);
    this.node.widths[columnIndex] = Number(width);
    return this;
  }
  editAsText() {
    this.c.hit("Table.editAsText");
    return new StandinText(
      this.c,
      this.node.rows.flatMap((r) => r.cells.flatMap((x) => paragraphsOf(x))),
    );
  }
  getType() {
    this.c.hit("Table.getType");
    return "TABLE" as unknown as GoogleAppsScript.Document.ElementType;
  }
  getText() {
    this.c.hit("Table.getText");
    return this.node.rows.map((r) => r.cells.map((x) => paragraphsOf(x).map(textOfPara).join("\n")).join("\n")).join("\n");
  }
  asTable() {
    this.c.hit("Element.asTable");
    return this;
  }
}

export class StandinTableRow implements Slice<GoogleAppsScript.Document.TableRow, "getCell" | "getNumCells" | "editAsText" | "getType"> {
  constructor(
    private c: Ctx,
    readonly node: RowNode,
  ) {}
  getCell(cellIndex: number) {
    this.c.hit("TableRow.getCell");
    const cell = this.node.cells[cellIndex];
    if (!cell) throw new Error(`Cell ${cellIndex} is out of bounds.`);
    return new StandinTableCell(this.c, cell);
  }
  getNumCells() {
    this.c.hit("TableRow.getNumCells");
    return this.node.cells.length;
  }
  editAsText() {
    this.c.hit("TableRow.editAsText");
    return new StandinText(
      this.c,
      this.node.cells.flatMap((x) => paragraphsOf(x)),
    );
  }
  getType() {
    this.c.hit("TableRow.getType");
    return "TABLE_ROW" as unknown as GoogleAppsScript.Document.ElementType;
  }
}

export class StandinTableCell
  implements
    Slice<
      GoogleAppsScript.Document.TableCell,
      | "getChild"
      | "getNumChildren"
      | "getChildIndex"
      | "insertParagraph"
      | "appendParagraph"
      | "editAsText"
      | "getText"
      | "setPaddingLeft"
      | "setPaddingRight"
      | "setPaddingTop"
      | "setPaddingBottom"
      | "getType"
    >,
    ContainerSlice
{
  constructor(
    private c: Ctx,
    readonly node: CellNode,
  ) {}
  getChild(childIndex: number) {
    this.c.hit("TableCell.getChild");
    const n = this.node.children[childIndex];
    if (!n) throw new Error(`Child index (${childIndex}) must be between 0 and the number of child elements.`);
    return new StandinParagraph(this.c, n);
  }
  getNumChildren() {
    this.c.hit("TableCell.getNumChildren");
    return this.node.children.length;
  }
  getChildIndex(child: GoogleAppsScript.Document.Element) {
    this.c.hit("TableCell.getChildIndex");
    const i = this.node.children.indexOf((child as unknown as { node: ParaNode }).node);
    if (i < 0) throw new Error("Element does not contain the specified child element.");
    return i;
  }
  insertParagraph(childIndex: number, text: string | GoogleAppsScript.Document.Paragraph) {
    this.c.hit("TableCell.insertParagraph");
    if (typeof text !== "string") throw new Error("stand-in: inserting a copied Paragraph is not modelled");
    if (childIndex < 0 || childIndex > this.node.children.length) throw new Error(`Child index (${childIndex}) is out of bounds.`);
    const p = para(refuseBreaks(text));
    this.node.children.splice(childIndex, 0, p);
    return new StandinParagraph(this.c, p);
  }
  appendParagraph(text: string) {
    this.c.hit("TableCell.appendParagraph");
    const p = para(refuseBreaks(text));
    this.node.children.push(p);
    return new StandinParagraph(this.c, p);
  }
  editAsText() {
    this.c.hit("TableCell.editAsText");
    return new StandinText(this.c, paragraphsOf(this.node));
  }
  getText() {
    this.c.hit("TableCell.getText");
    return paragraphsOf(this.node).map(textOfPara).join("\n");
  }
  private pad(key: string, v: number) {
    this.c.hit(`TableCell.set${key}`);
    this.node.attrs[key.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()] = Number(v);
    return this;
  }
  setPaddingLeft(v: number) {
    return this.pad("PaddingLeft", v);
  }
  setPaddingRight(v: number) {
    return this.pad("PaddingRight", v);
  }
  setPaddingTop(v: number) {
    return this.pad("PaddingTop", v);
  }
  setPaddingBottom(v: number) {
    return this.pad("PaddingBottom", v);
  }
  getType() {
    this.c.hit("TableCell.getType");
    return "TABLE_CELL" as unknown as GoogleAppsScript.Document.ElementType;
  }
  asTableCell() {
    this.c.hit("Element.asTableCell");
    return this;
  }
  asBody(): never {
    this.c.hit("Element.asBody");
    throw new Error("The element is not a body.");
  }
}

export class StandinDocument
  implements Slice<GoogleAppsScript.Document.Document, "getId" | "getName" | "getUrl" | "getBody" | "getHeader" | "saveAndClose" | "getAs">
{
  private c: Ctx;
  constructor(
    w: World,
    readonly model: DocModel,
  ) {
    this.c = new Ctx(w, model);
  }
  getId() {
    this.c.hit("Document.getId");
    return this.model.id;
  }
  getName() {
    this.c.hit("Document.getName");
    return this.model.name;
  }
  getUrl() {
    this.c.hit("Document.getUrl");
    return `https://docs.google.com/document/d/${this.model.id}/edit`;
  }
  getBody() {
    this.c.hit("Document.getBody");
    return new StandinSection(this.c, this.model.body);
  }
  getHeader() {
    this.c.hit("Document.getHeader");
    return this.model.header ? new StandinSection(this.c, this.model.header) : null;
  }
  saveAndClose() {
    this.c.hit("Document.saveAndClose");
    const chars = paragraphsOf(this.model.body).reduce((n, p) => n + textOfPara(p).length, 0);
    if (chars > DOC_CHAR_LIMIT) throw new Error(`stand-in: the document holds ${chars} characters; Google Docs holds ${DOC_CHAR_LIMIT}`);
    savedOf(this.c.w).set(this.model, cloneDocument(this.model));
    this.c.closed = true;
  }
  /** Google converts the document as last saved; only PDF */
  getAs(contentType: string) {
    this.c.hit("Document.getAs");
    if (contentType !== "application/pdf")
      throw new Error(`stand-in: Document.getAs converts to application/pdf only (asked: ${contentType})`);
    const snap = savedOf(this.c.w).get(this.model) ?? cloneDocument(this.model);
    return new StandinBlob(this.c.w, new TextEncoder().encode(JSON.stringify(snap)), "application/pdf", `${this.model.name}.pdf`, DOC_MIME);
  }
}

/** the model a converted blob carries (the stand-in's PDF is its source document, written out by the exporter) */
export function documentOfBlob(data: Uint8Array): DocModel {
  return JSON.parse(new TextDecoder().decode(data)) as DocModel;
}

const ENUM = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, k])) as Record<K, K>;

export function makeDocumentApp(w: World) {
  const app: Slice<D, "create" | "openById"> = {
    create(name: string) {
      w.meter.hit("DocumentApp", "DocumentApp.create");
      return new StandinDocument(w, newDocument(w, w.uuid().replace(/-/g, "").slice(-20), String(name)));
    },
    openById(id: string) {
      w.meter.hit("DocumentApp", "DocumentApp.openById");
      const d = documentsOf(w).get(String(id));
      // the documents scope opens every document the account can open as a person, and nothing else
      const file = driveOf(w).files.get(String(id));
      if (!d || (file && !canOpen(w, w.user(), file.id)))
        throw new Error("No item with the given ID could be found, or you do not have permission to access it.");
      return new StandinDocument(w, d);
    },
  };
  return {
    ...app,
    Attribute: ENUM([...PARA_KEYS, ...TEXT_KEYS, "BORDER_COLOR", "BORDER_WIDTH", "CODE", "HEIGHT", "WIDTH", "MINIMUM_HEIGHT"] as const),
    HorizontalAlignment: ENUM(["LEFT", "CENTER", "RIGHT", "JUSTIFY"] as const),
    ElementType: ENUM([
      "BODY_SECTION",
      "HEADER_SECTION",
      "PARAGRAPH",
      "TABLE",
      "TABLE_ROW",
      "TABLE_CELL",
      "TEXT",
      "PAGE_BREAK",
      "UNSUPPORTED",
    ] as const),
    ParagraphHeading: ENUM([
      "NORMAL",
      "HEADING1",
      "HEADING2",
      "HEADING3",
      "HEADING4",
      "HEADING5",
      "HEADING6",
      "TITLE",
      "SUBTITLE",
    ] as const),
  } satisfies Partial<Record<keyof D, unknown>>;
}
