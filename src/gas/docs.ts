// The reports as Google Docs: Drive (advanced service, scope drive.file) makes the folder, the template and each copy;
// DocumentApp (scope documents) lays the template out once and fills each copy. Every call here is per block of
// the report, never per unit or per cell: a table of any size is one insertTable.

import type { DocChange, TemplateProblem } from "../domain/problems";
import type { Block, Part } from "../domain/report/blocks";
import { textOf } from "../domain/report/blocks";
import type { Report } from "../domain/report/report";
import { FIELD, fieldPattern, type Line, POINTS_PER_MM, scanFields, type TemplateSpec } from "../domain/report/template";
import { hash } from "../domain/text";
import type { ReportDocs, ReportsRef } from "../ports";
import { docs, drive } from "./drive";

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Attrs = Record<string, unknown>;

const DOC = "application/vnd.google-apps.document";
const FOLDER = "application/vnd.google-apps.folder";

function files(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
  return drive().Files;
}

/**
 * A file the product made, as this account's code finds it: there, trashed, or not found. Under drive.file "not
 * found" is also what Drive answers for a file another account made and never shared through the app: the caller
 * tells the two apart by who made it.
 */
function fileState(id: string | undefined): "alive" | "trashed" | "missing" {
  if (!id) return "missing";
  try {
    return files().get(id, { fields: "id,trashed" }).trashed ? "trashed" : "alive";
  } catch {
    return "missing";
  }
}

/** the folder shared with staff (edit) and leaders (read), through the app: each person missing from it added */
function shareFolder(id: string, share: { writers: string[]; readers: string[] }): string[] {
  const have = new Map<string, string>();
  for (const p of drive().Permissions.list(id).permissions ?? []) if (p.emailAddress) have.set(p.emailAddress.toLowerCase(), p.role ?? "");
  const added: string[] = [];
  const want = [...share.writers.map((e) => [e, "writer"] as const), ...share.readers.map((e) => [e, "reader"] as const)];
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const done = new Set<string>();
  for (const [email, role] of want) {
    const e = email.toLowerCase();
    if (e === me || done.has(e)) continue;
    done.add(e);
    const got = have.get(e);
    if (got === "owner" || got === "writer" || got === role) continue;
    drive().Permissions.create({ type: "user", role, emailAddress: e }, id, { sendNotificationEmail: false });
    added.push(e);
  }
  return added;
}

const A = () => DocumentApp.Attribute;
const ALIGN = () =>
  ({
    left: DocumentApp.HorizontalAlignment.LEFT,
    center: DocumentApp.HorizontalAlignment.CENTER,
    right: DocumentApp.HorizontalAlignment.RIGHT,
    justify: DocumentApp.HorizontalAlignment.JUSTIFY,
  }) as const;

function lineAttrs(l: Line, font: string): Attrs {
  const a: Attrs = {};
  a[A().FONT_FAMILY] = font;
  a[A().FONT_SIZE] = l.size;
  a[A().BOLD] = !!l.bold;
  a[A().ITALIC] = !!l.italic;
  a[A().HORIZONTAL_ALIGNMENT] = ALIGN()[l.align];
  a[A().SPACING_BEFORE] = l.before ?? 0;
  a[A().SPACING_AFTER] = 0;
  a[A().LINE_SPACING] = 1.15;
  a[A().INDENT_FIRST_LINE] = 0;
  return a;
}

/** a table's content: a column of lines per cell, the columns' widths in mm, how many rows (one: every line in it) */
interface Columns {
  cells: Line[][];
  widths: [number, number];
  rows: number;
}

/** a two-column table without borders, each cell a column of lines */
function columns(body: Body, at: number, table: Columns, font: string): void {
  const { cells, widths, rows } = table;
  const grid = Array.from({ length: rows }, (_, r) => cells.map((lines) => (rows === 1 ? lines[0].text : (lines[r]?.text ?? ""))));
  const t = body.insertTable(at, grid);
  t.setBorderWidth(0);
  widths.forEach((w, c) => t.setColumnWidth(c, w * POINTS_PER_MM));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cells.length; c++) {
      const cell = t.getCell(r, c);
      cell.setPaddingLeft(0).setPaddingRight(0);
      const lines = cells[c];
      cell
        .getChild(0)
        .asParagraph()
        .setAttributes(lineAttrs(rows === 1 ? lines[0] : lines[r], font));
      // a single row holds each column's lines as paragraphs of its cell
      if (rows === 1) for (const l of lines.slice(1)) cell.appendParagraph(l.text).setAttributes(lineAttrs(l, font));
    }
  }
}

/** an id for a file not made yet (Drive takes it in a create or copy): recorded first, so a run cut after the file is
 * made knows which file it made */
function newFileId(): string {
  return String(files().generateIds({ count: 1 }).ids?.[0] ?? "");
}

/**
 * The template: setup makes it once in the folder; staff restyle it and add the page numbers (the guide says how). Its
 * id is recorded as a draft before it exists: a run cut while laying it out leaves the draft, trashed and made again.
 */
function makeTemplate(folderId: string, spec: TemplateSpec, recorded: (id: string) => void): string {
  const id = newFileId();
  recorded(id);
  files().create({ id, name: spec.name, mimeType: DOC, parents: [folderId] });
  const doc = DocumentApp.openById(id);
  const body = doc.getBody();
  const mm = (x: number) => x * POINTS_PER_MM;
  body
    .setPageWidth(mm(spec.page.width))
    .setPageHeight(mm(spec.page.height))
    .setMarginTop(mm(spec.margins.top))
    .setMarginBottom(mm(spec.margins.bottom))
    .setMarginLeft(mm(spec.margins.left))
    .setMarginRight(mm(spec.margins.right));
  // a new document holds one empty paragraph; the template goes in before it, and it stays last
  let i = 0;
  const head = spec.head.rows;
  columns(body, i++, { cells: [head.map((r) => r[0]), head.map((r) => r[1])], widths: spec.head.widths, rows: head.length }, spec.font);
  body.insertParagraph(i++, "").setAttributes(lineAttrs({ text: "", size: 12, align: "left" }, spec.font));
  for (const l of spec.title) body.insertParagraph(i++, l.text).setAttributes(lineAttrs(l, spec.font));
  const content = lineAttrs(spec.content, spec.font);
  content[A().INDENT_FIRST_LINE] = spec.content.firstLine * POINTS_PER_MM;
  content[A().SPACING_BEFORE] = 6;
  content[A().SPACING_AFTER] = spec.content.after;
  content[A().LINE_SPACING] = spec.content.lineSpacing;
  body.insertParagraph(i++, spec.content.text).setAttributes(content);
  body.insertParagraph(i++, "").setAttributes(lineAttrs({ text: "", size: spec.sign.before, align: "left" }, spec.font));
  columns(body, i++, { cells: [spec.sign.left, spec.sign.right], widths: spec.sign.widths, rows: 1 }, spec.font);
  doc.saveAndClose();
  return id;
}

function ensure(
  ref: ReportsRef | undefined,
  folderName: string,
  spec: TemplateSpec,
  share: { writers: string[]; readers: string[] },
  made?: (ref: ReportsRef) => void,
): { ref: ReportsRef; changes: DocChange[] } {
  const changes: DocChange[] = [];
  const docs = ref?.docs ?? {};
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  let folderId = ref?.folderId ?? "";
  let templateId = ref?.templateId ?? "";
  let owner = ref?.owner ?? me;
  const folder = fileState(folderId);
  // a folder recorded before a run cut off could make it: made now under the id recorded, nobody told
  const unmade = folder === "missing" && !!ref?.folderDraft && owner === me;
  if (folder !== "alive") {
    if (folderId && folder === "missing" && owner !== me)
      changes.push({ code: "folder-unreachable", folder: ref?.folderName ?? "", owner, me });
    else if (folderId && !unmade) changes.push({ code: "folder-gone", folder: ref?.folderName ?? "", trashed: folder === "trashed" });
    // the id recorded before the folder is made: a run cut in between makes the same folder, never a second one
    if (!unmade) {
      folderId = newFileId();
      owner = me;
      templateId = "";
      made?.({ folderId, folderDraft: true, folderName, templateId, owner, docs });
    }
    files().create({ id: folderId, name: folderName, mimeType: FOLDER });
    changes.push({ code: "folder-made", folder: folderName });
    made?.({ folderId, folderName, templateId, owner, docs });
  } else if (ref && ref.folderName !== folderName) {
    files().update({ name: folderName }, folderId);
    changes.push({ code: "folder-renamed", folder: folderName });
  }
  const template = fileState(templateId);
  const draft = !!ref?.templateDraft && ref.templateId === templateId;
  if (template !== "alive" || draft) {
    if (draft && template === "alive") files().update({ trashed: true }, templateId);
    else if (templateId && !draft) changes.push({ code: "template-gone", template: spec.name, trashed: template === "trashed" });
    templateId = makeTemplate(folderId, spec, (id) => made?.({ folderId, folderName, templateId: id, templateDraft: true, owner, docs }));
    made?.({ folderId, folderName, templateId, owner, docs });
    changes.push({ code: "template-made", template: spec.name, folder: folderName });
  }
  const who = hash(JSON.stringify([folderId, [...share.writers].sort(), [...share.readers].sort()]));
  let sharedHash = ref?.sharedHash;
  if (sharedHash !== who) {
    const added = shareFolder(folderId, share);
    if (added.length) changes.push({ code: "folder-shared", folder: folderName, with: added });
    sharedHash = who;
  }
  return { ref: { folderId, folderName, templateId, owner, sharedHash, docs }, changes };
}

/** the paragraph holding a {{field}} (or the field written with a brace too few), and its place in its container */
function findField(body: Body, name: string): { p: Paragraph; container: GoogleAppsScript.Document.ContainerElement } | null {
  const found = body.findText(fieldPattern(name));
  if (!found) return null;
  const p = found.getElement().getParent().asParagraph();
  return { p, container: p.getParent() };
}

/**
 * A field's value put in place of its mark. A value without `$`, `\` or a line break goes in by one replaceText (its
 * replacement is read as a pattern, so those characters would be lost); any other by hand: the mark found, deleted,
 * and the value inserted as text, literally, each line after the first a paragraph of its own below, as the mark's
 * paragraph looks.
 */
function putField(body: Body, name: string, value: string): void {
  const pattern = fieldPattern(name);
  if (!/[$\\\r\n]/.test(value)) {
    body.replaceText(pattern, value);
    return;
  }
  const [first, ...more] = value.split(/\r\n|\r|\n/);
  // a value holding the mark itself is put once
  const once = new RegExp(pattern).test(value);
  for (let n = 0; n < 20; n++) {
    const hit = body.findText(pattern);
    if (!hit) return;
    const text = hit.getElement().asText();
    const at = hit.getStartOffset();
    text.deleteText(at, hit.getEndOffsetInclusive());
    if (first) text.insertText(at, first);
    if (more.length) {
      const p = text.getParent().asParagraph();
      const container = p.getParent();
      const i = container.getChildIndex(p);
      const attrs = p.getAttributes();
      const where = container.getType() === DocumentApp.ElementType.TABLE_CELL ? container.asTableCell() : container.asBody();
      more.forEach((line, k) => where.insertParagraph(i + 1 + k, line).setAttributes(attrs));
    }
    if (once) return;
  }
}

/** a paragraph that holds only a field's mark (staff typed nothing else in it) */
const onlyMark = (p: Paragraph, name: string) => new RegExp(`^\\s*(${fieldPattern(name)})\\s*$`).test(p.getText());

/** the attributes of a paragraph that the inserted ones share (its font, size, spacing, indent, alignment) */
function baseOf(p: Paragraph): Attrs {
  const all = p.getAttributes() as Attrs;
  const keep = [
    A().FONT_FAMILY,
    A().FONT_SIZE,
    A().LINE_SPACING,
    A().SPACING_AFTER,
    A().SPACING_BEFORE,
    A().INDENT_FIRST_LINE,
    A().INDENT_START,
    A().HORIZONTAL_ALIGNMENT,
  ].map(String);
  const out: Attrs = {};
  for (const k of keep) if (all[k] !== null && all[k] !== undefined) out[k] = all[k];
  out[A().BOLD] = false;
  out[A().ITALIC] = false;
  return out;
}

/** bold and italic runs of a paragraph, one call each */
function runs(p: Paragraph, parts: Part[], offset: number): void {
  let at = offset;
  let text: GoogleAppsScript.Document.Text | null = null;
  for (const part of parts) {
    const s = typeof part === "string" ? part : part.text;
    if (typeof part !== "string" && s && (part.bold || part.italic)) {
      text ??= p.editAsText();
      if (part.bold) text.setBold(at, at + s.length - 1, true);
      if (part.italic) text.setItalic(at, at + s.length - 1, true);
    }
    at += s.length;
  }
}

/** the blocks, inserted into the body from `at`; returns the index after them */
function render(body: Body, at: number, blocks: Block[], base: Attrs, textWidth: number): number {
  let i = at;
  const with_ = (more: Attrs) => ({ ...base, ...more });
  for (const b of blocks) {
    switch (b.kind) {
      case "heading": {
        const a = with_({});
        a[A().BOLD] = true;
        a[A().SPACING_BEFORE] = 6;
        body.insertParagraph(i++, b.text).setAttributes(a);
        break;
      }
      case "paragraph":
      case "item": {
        const lead = b.kind === "item" ? "- " : "";
        const a = with_({});
        if (b.kind === "paragraph" && b.align) {
          a[A().HORIZONTAL_ALIGNMENT] = ALIGN()[b.align];
          if (b.align === "center") a[A().INDENT_FIRST_LINE] = 0;
        }
        const p = body.insertParagraph(i++, lead + textOf(b.parts)).setAttributes(a);
        runs(p, b.parts, lead.length);
        break;
      }
      case "todo": {
        const a = with_({});
        a[A().ITALIC] = true;
        a[A().BACKGROUND_COLOR] = "#fff2cc";
        body.insertParagraph(i++, b.text).setAttributes(a);
        break;
      }
      case "table": {
        const t = body.insertTable(i++, [b.head, ...b.rows]);
        const size = Number(base[A().FONT_SIZE] ?? 13);
        const text = t.editAsText();
        if (base[A().FONT_FAMILY]) text.setFontFamily(String(base[A().FONT_FAMILY]));
        text.setFontSize(Math.max(10, size - 1));
        t.getRow(0).editAsText().setBold(true);
        const sum = b.widths.reduce((x, y) => x + y, 0);
        b.widths.forEach((w, c) => t.setColumnWidth(c, (textWidth * w) / sum));
        break;
      }
      case "pageBreak":
        body.insertPageBreak(i++);
        break;
    }
  }
  return i;
}

/** a copy of the template in the folder, named, under an id from newId(); shared with the folder's owner when another
 * account made it */
function copy(ref: ReportsRef, name: string, id: string): { id: string; url: string } {
  files().copy({ id, name, parents: [ref.folderId] }, ref.templateId);
  // a report made from another staff account is shared with the folder's owner through the app, so that the owner's
  // runs (drive.file) reach it as they reach their own
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  if (ref.owner && ref.owner !== me)
    drive().Permissions.create({ type: "user", role: "writer", emailAddress: ref.owner }, id, { sendNotificationEmail: false });
  return { id, url: `https://docs.google.com/document/d/${id}/edit` };
}

/** a copy half-filled by a run that was cut off: to the trash (it is made again) */
function trash(id: string): void {
  try {
    files().update({ trashed: true }, id);
  } catch {
    // already gone
  }
}

/** the fields the template holds, and the marks written wrong (a brace too few, spaces, an unknown name) */
function fields(templateId: string): { found: string[]; broken: string[] } {
  const doc = DocumentApp.openById(templateId);
  return scanFields(doc.getBody().getText());
}

/** the copy filled with the report; what staff should know about the template */
function fill(id: string, _ref: ReportsRef, report: Report): TemplateProblem[] {
  const doc = DocumentApp.openById(id);
  const body = doc.getBody();
  const notes: TemplateProblem[] = [];
  for (const [k, v] of Object.entries(report.fields)) if (k !== FIELD.recipients && k !== FIELD.content) putField(body, k, v);
  const list = findField(body, FIELD.recipients);
  if (list) {
    const a = baseOf(list.p);
    const at = list.container.getChildIndex(list.p);
    const inCell = list.container.getType() === DocumentApp.ElementType.TABLE_CELL;
    const where = inCell ? list.container.asTableCell() : body;
    // what staff typed beside the mark stays: only the mark goes, and the list follows its paragraph
    const alone = onlyMark(list.p, FIELD.recipients);
    const from = alone ? at : at + 1;
    report.recipients.forEach((r, k) => where.insertParagraph(from + k, `- ${r}`).setAttributes(a));
    if (alone && report.recipients.length) list.p.removeFromParent();
    else putField(body, FIELD.recipients, "");
  }
  const textWidth = body.getPageWidth() - body.getMarginLeft() - body.getMarginRight();
  const content = findField(body, FIELD.content);
  if (content && content.container.getType() === DocumentApp.ElementType.BODY_SECTION) {
    const base = baseOf(content.p);
    const alone = onlyMark(content.p, FIELD.content);
    const at = body.getChildIndex(content.p);
    render(body, alone ? at : at + 1, report.body, base, textWidth);
    if (alone) content.p.removeFromParent();
    else putField(body, FIELD.content, "");
    render(body, body.getNumChildren(), report.appendix, base, textWidth);
  } else {
    notes.push({ code: "template-no-content" });
    const base: Attrs = {};
    base[A().FONT_FAMILY] = "Times New Roman";
    base[A().FONT_SIZE] = 14;
    render(body, render(body, body.getNumChildren(), report.body, base, textWidth), report.appendix, base, textWidth);
  }
  // the page numbers live in the template's header, which only the Docs editor can add
  if (!doc.getHeader()) notes.push({ code: "template-unnumbered" });
  doc.saveAndClose();
  const headings = [...report.body, ...report.appendix].flatMap((b) => (b.kind === "heading" ? [b.text] : []));
  if (!keepHeadings(id, headings)) notes.push({ code: "template-headings-loose" });
  return notes;
}

/**
 * Each heading kept on the page of the text it heads. DocumentApp has no such attribute; the Docs API's
 * `ParagraphStyle.keepWithNext` does, set in one batchUpdate on the paragraphs `get` finds, after saveAndClose has
 * flushed what DocumentApp wrote. The headings are found in order by their text (the indexes are Google's own).
 * False when it could not be done: the report stands, staff are told.
 */
function keepHeadings(id: string, headings: string[]): boolean {
  if (!headings.length) return true;
  try {
    const api = docs();
    const content =
      api.Documents.get(id, { fields: "body(content(startIndex,endIndex,paragraph(elements(textRun(content)))))" }).body?.content ?? [];
    const requests: GoogleAppsScript.Docs.Schema.Request[] = [];
    let next = 0;
    for (const el of content) {
      if (next >= headings.length) break;
      const text = (el.paragraph?.elements ?? [])
        .map((e) => e.textRun?.content ?? "")
        .join("")
        .replace(/\n$/, "");
      if (!el.paragraph || text !== headings[next]) continue;
      next++;
      requests.push({
        updateParagraphStyle: {
          range: { startIndex: el.startIndex, endIndex: el.endIndex },
          paragraphStyle: { keepWithNext: true },
          fields: "keepWithNext",
        },
      });
    }
    if (requests.length) api.Documents.batchUpdate({ requests }, id);
    return requests.length === headings.length;
  } catch {
    return false;
  }
}

/** the document as PDF, as it was saved */
export function documentPdf(id: string): GoogleAppsScript.Base.Blob {
  return DocumentApp.openById(id).getAs("application/pdf");
}

export const reportDocs: ReportDocs = { ensure, newId: newFileId, copy, fill, trash, fields };
