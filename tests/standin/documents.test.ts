// The stand-in's DocumentApp and Drive hold to what Google's reference says (docs/google-behaviour.md, "Documents and
// Drive"), and refuse what it does not say: code run in the vm as the bundle would call them.
import { describe, expect, it } from "vitest";
import { documentsOf, finishTemplate, paragraphsOf, textOfPara } from "../../standin/documents/documents";
import { World } from "../../standin/world";

/** a world with one script: `body` is the function's body, run as a bundle's global would be */
function run(body: string, w = new World()) {
  w.load(`function t() {\n${body}\n}`);
  const r = w.run("t");
  return { w, ...r };
}

const newDoc = `const f = Drive.Files.create({ name: "Mẫu", mimeType: "application/vnd.google-apps.document" });
  const doc = DocumentApp.openById(f.id); const body = doc.getBody();`;

describe("DocumentApp in the stand-in", () => {
  it("a new document holds one empty paragraph; the last paragraph of the body cannot be removed", () => {
    const r = run(`${newDoc} const n = body.getNumChildren(); const t = body.getChild(0).getText();
      body.getChild(0).asParagraph().removeFromParent(); return [n, t];`);
    expect(r.ok).toBe(false);
    expect(r.error).toBe("Can't remove the last paragraph in a document section.");
    const r2 = run(`${newDoc} return [body.getNumChildren(), body.getText()];`);
    expect(r2.value).toEqual([1, ""]);
  });

  it("refuses text with a line break (Google would make paragraphs of it) and a replacement holding $", () => {
    expect(run(`${newDoc} body.insertParagraph(0, "a\\nb");`).error).toMatch(/line break/);
    expect(run(`${newDoc} body.insertParagraph(0, "{{x}}"); body.replaceText("\\\\{\\\\{x\\\\}\\\\}", "5$");`).error).toMatch(/\$/);
  });

  it("replaceText finds a regular expression and keeps the formatting of what it replaces", () => {
    const r = run(`${newDoc} const p = body.insertParagraph(0, "Số: {{so}}"); p.editAsText().setBold(4, 9, true);
      body.replaceText("\\\\{\\\\{so\\\\}\\\\}", "12/BC"); return body.getChild(0).getText();`);
    expect(r.value).toBe("Số: 12/BC");
    const d = [...documentsOf(r.w).values()][0];
    expect(d.body.children[0]).toMatchObject({ runs: [{ text: "Số: " }, { text: "12/BC", marks: { BOLD: true } }] });
  });

  it("getAs gives the document as last saved, as PDF only; a closed document refuses edits", () => {
    const r = run(`${newDoc} body.insertParagraph(0, "đã lưu"); doc.saveAndClose();
      const again = DocumentApp.openById(f.id); again.getBody().insertParagraph(0, "chưa lưu");
      const pdf = again.getAs("application/pdf"); return [pdf.getName(), pdf.getContentType(), pdf.getDataAsString().includes("chưa lưu"), pdf.getDataAsString().includes("đã lưu")];`);
    expect(r.value).toEqual(["Mẫu.pdf", "application/pdf", false, true]);
    expect(run(`${newDoc} doc.saveAndClose(); body.insertParagraph(0, "x");`).error).toBe(
      "Document is closed, its contents cannot be updated.",
    );
    expect(run(`${newDoc} doc.getAs("text/html");`).error).toMatch(/application\/pdf only/);
    expect(run(`DocumentApp.openById("nope");`).error).toBe(
      "No item with the given ID could be found, or you do not have permission to access it.",
    );
  });

  it("a page number is no text a script can read or write: the header staff made reads as empty", () => {
    const w = new World();
    const r1 = run(`${newDoc} return [f.id, doc.getHeader()];`, w);
    const [id, none] = r1.value as [string, unknown];
    expect(none).toBeNull();
    finishTemplate(w, id);
    w.load(`function h() { const d = DocumentApp.openById("${id}"); return [d.getHeader().getText(), d.getHeader().getNumChildren()]; }`);
    expect(w.run("h").value).toEqual(["", 1]);
    expect(paragraphsOf(documentsOf(w).get(id)?.header ?? { type: "HEADER_SECTION", children: [], attrs: {} })[0].pageNumber).toBe(true);
  });

  it("counts every call under DocumentApp", () => {
    const r = run(`${newDoc} body.insertParagraph(0, "x").setAttributes({ BOLD: true }); doc.saveAndClose();`);
    expect(r.w.meter.byMethod).toMatchObject({
      "DocumentApp.openById": 1,
      "Document.getBody": 1,
      "Body.insertParagraph": 1,
      "Paragraph.setAttributes": 1,
      "Document.saveAndClose": 1,
    });
    expect(r.w.meter.byService.Drive).toBe(1);
    expect(textOfPara(paragraphsOf([...documentsOf(r.w).values()][0].body)[0])).toBe("x");
  });
});

describe("the Drive advanced service in the stand-in", () => {
  it("copies a document where the original is unless told where, and never a folder", () => {
    const r = run(`const folder = Drive.Files.create({ name: "Báo cáo", mimeType: "application/vnd.google-apps.folder" });
      const t = Drive.Files.create({ name: "Mẫu", mimeType: "application/vnd.google-apps.document", parents: [folder.id] });
      const a = Drive.Files.copy({ name: "BC-TG-2018-10" }, t.id);
      const b = Drive.Files.copy({ name: "Bản khác", parents: ["root"] }, t.id);
      return [Drive.Files.get(a.id, { fields: "parents" }).parents[0] === folder.id, Drive.Files.get(b.id, { fields: "parents" }).parents[0], DocumentApp.openById(a.id).getName()];`);
    expect(r.value).toEqual([true, "root", "BC-TG-2018-10"]);
    expect(
      run(
        `const folder = Drive.Files.create({ name: "B", mimeType: "application/vnd.google-apps.folder" }); Drive.Files.copy({}, folder.id);`,
      ).error,
    ).toMatch(/Folders cannot be copied/);
  });

  it("answers kind, id, name and mimeType unless asked for more; an unknown file is not found", () => {
    const r = run(`const f = Drive.Files.create({ name: "Mẫu", mimeType: "application/vnd.google-apps.document" });
      const plain = Drive.Files.get(f.id); const more = Drive.Files.get(f.id, { fields: "id,trashed" });
      return [Object.keys(plain).sort().join(","), more.trashed];`);
    expect(r.value).toEqual(["id,kind,mimeType,name", false]);
    expect(run(`Drive.Files.get("nope");`).error).toMatch(/File not found: nope/);
  });
});

describe("the Docs advanced service in the stand-in", () => {
  const twoParas = `${newDoc} body.insertParagraph(0, "I. Đề mục"); body.insertParagraph(1, "Nội dung"); doc.saveAndClose();`;

  it("get gives the body's paragraphs with their indexes: from 1 after the section break, each counting its newline", () => {
    const r = run(`${twoParas} return Docs.Documents.get(f.id).body.content.map(function (e) {
      return [e.startIndex, e.endIndex, e.paragraph ? e.paragraph.elements.map(function (x) { return x.textRun.content; }).join("") : "§"]; });`);
    expect(r.value).toEqual([
      [undefined, 1, "§"],
      [1, 11, "I. Đề mục\n"],
      [11, 20, "Nội dung\n"],
      [20, 21, "\n"],
    ]);
  });

  it("batchUpdate sets keepWithNext on the paragraphs its range overlaps, in the document and its saved state", () => {
    const r = run(`${twoParas} Docs.Documents.batchUpdate({ requests: [{ updateParagraphStyle: { range: { startIndex: 1, endIndex: 11 },
      paragraphStyle: { keepWithNext: true }, fields: "keepWithNext" } }] }, f.id);
      return Docs.Documents.get(f.id).body.content.slice(1).map(function (e) { return e.paragraph.paragraphStyle.keepWithNext; });`);
    expect(r.value).toEqual([true, false, false]);
    const d = [...documentsOf(r.w).values()][0];
    expect(d.body.children.map((c) => c.type === "PARAGRAPH" && !!c.keepWithNext)).toEqual([true, false, false]);
    expect(r.w.meter.byMethod["Docs.Documents.batchUpdate"]).toBe(1);
  });

  it("batchUpdate applies all its requests or none: a range past the end fails the call; what it does not know it refuses by name", () => {
    const keep = (from: number, to: number) =>
      `{ updateParagraphStyle: { range: { startIndex: ${from}, endIndex: ${to} }, paragraphStyle: { keepWithNext: true }, fields: "keepWithNext" } }`;
    const bad = run(`${twoParas} try { Docs.Documents.batchUpdate({ requests: [${keep(1, 11)}, ${keep(11, 99)}] }, f.id); } catch (e) {
      return [String(e.message), Docs.Documents.get(f.id).body.content[1].paragraph.paragraphStyle.keepWithNext]; }`);
    expect(bad.value).toEqual([expect.stringMatching(/Invalid requests\[1\]\.updateParagraphStyle/), false]);
    expect(
      run(`${twoParas} Docs.Documents.batchUpdate({ requests: [{ insertText: { text: "x", location: { index: 1 } } }] }, f.id);`).error,
    ).toMatch(/updateParagraphStyle only/);
    expect(
      run(
        `${twoParas} Docs.Documents.batchUpdate({ requests: [{ updateParagraphStyle: { range: { startIndex: 1, endIndex: 5 }, paragraphStyle: { alignment: "CENTER" }, fields: "alignment" } }] }, f.id);`,
      ).error,
    ).toMatch(/keepWithNext only/);
    expect(run(`Docs.Documents.get("nope");`).error).toMatch(/not found/);
  });
});
