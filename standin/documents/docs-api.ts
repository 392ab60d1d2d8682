// The stand-in's Docs advanced service (Docs API v1): the slice the product calls, on the documents DocumentApp keeps.
// `Documents.get` gives the body as structural elements with their indexes, and `Documents.batchUpdate` takes
// `updateParagraphStyle` requests for what DocumentApp cannot set (keep with next). Anything else is refused, by name.
// Indexes are UTF-16 code units from 1, a paragraph counting its newline
// (https://developers.google.com/workspace/docs/api/concepts/structure#start_and_end_index); how a table's own marks
// count is this stand-in's reading: the product never computes an index, it takes them from `get`.

import type { World } from "../world.js";
import { type CellNode, type DocModel, documentsOf, type ParaNode, type SectionNode, savedOf, textOfPara } from "./documents.js";
import { canOpen, driveOf } from "./drive-access.js";

type Documents = GoogleAppsScript.Docs.Collection.DocumentsCollection;
type Element = GoogleAppsScript.Docs.Schema.StructuralElement;
type Request = GoogleAppsScript.Docs.Schema.Request;

/** the paragraph styles the stand-in sets, as the API names them */
const STYLES = ["keepWithNext"] as const;

const apiError = (method: string, message: string) =>
  new Error(`GoogleJsonResponseException: API call to docs.documents.${method} failed with error: ${message}`);

/** each paragraph of a section with its indexes, from `at`; tables as Docs lays them out */
function laidOut(children: SectionNode["children"] | CellNode["children"], at: number, out: { p: ParaNode; start: number; end: number }[]) {
  let i = at;
  for (const c of children) {
    if (c.type === "PARAGRAPH") {
      const end = i + textOfPara(c).length + (c.pageBreak ? 1 : 0) + 1;
      out.push({ p: c, start: i, end });
      i = end;
    } else {
      i += 1;
      for (const r of c.rows) {
        i += 1;
        for (const cell of r.cells) i = laidOut(cell.children, i + 1, out);
      }
      i += 1;
    }
  }
  return i;
}

function elements(d: DocModel): Element[] {
  const out: Element[] = [{ endIndex: 1, sectionBreak: {} }];
  let i = 1;
  for (const c of d.body.children) {
    const start = i;
    const paras: { p: ParaNode; start: number; end: number }[] = [];
    i = laidOut([c], i, paras);
    if (c.type === "PARAGRAPH")
      out.push({
        startIndex: start,
        endIndex: i,
        paragraph: {
          elements: [{ startIndex: start, endIndex: i, textRun: { content: `${textOfPara(c)}\n` } }],
          paragraphStyle: { keepWithNext: !!c.keepWithNext },
        },
      });
    else out.push({ startIndex: start, endIndex: i, table: { rows: c.rows.length, columns: c.rows[0]?.cells.length ?? 0 } });
  }
  return out;
}

class StandinDocuments implements Pick<Documents, "get" | "batchUpdate"> {
  constructor(private w: World) {}
  private open(id: string, method: string): DocModel {
    this.w.meter.hit("Docs", `Docs.Documents.${method}`);
    const d = documentsOf(this.w).get(String(id));
    const file = driveOf(this.w).files.get(String(id));
    if (!d || (file && !canOpen(this.w, this.w.user(), file.id))) throw apiError(method, `Requested entity was not found.`);
    return d;
  }
  get(documentId: string, _optionalArgs?: object): GoogleAppsScript.Docs.Schema.Document {
    const d = this.open(documentId, "get");
    return { documentId: d.id, title: d.name, body: { content: elements(d) } };
  }
  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string) {
    const d = this.open(documentId, "batchUpdate");
    const requests = resource.requests ?? [];
    // every request checked before any is applied: one that is not valid fails the whole call
    const changes = requests.map((r, k) => this.check(d, r, k));
    for (const apply of changes) apply();
    return { documentId: d.id, replies: requests.map(() => ({})) };
  }
  /** what a request does, once every request of the call is known to be valid */
  private check(d: DocModel, r: Request, k: number): () => void {
    const names = Object.keys(r);
    const u = r.updateParagraphStyle;
    if (names.length !== 1 || !u)
      throw new Error(`stand-in: Docs batchUpdate takes updateParagraphStyle only (request ${k}: ${names.join(", ")})`);
    const fields = String(u.fields ?? "")
      .split(",")
      .map((f) => f.trim())
      .filter(Boolean);
    if (!fields.length) throw apiError("batchUpdate", `Invalid requests[${k}].updateParagraphStyle: fields is required`);
    const unknown = fields.filter((f) => !(STYLES as readonly string[]).includes(f));
    if (unknown.length) throw new Error(`stand-in: updateParagraphStyle sets ${STYLES.join(", ")} only (asked: ${unknown.join(", ")})`);
    const { startIndex: from, endIndex: to, segmentId } = u.range ?? {};
    const paras: { p: ParaNode; start: number; end: number }[] = [];
    const last = laidOut(d.body.children, 1, paras);
    if (segmentId || from === undefined || to === undefined || from < 1 || to <= from || to > last)
      throw apiError(
        "batchUpdate",
        `Invalid requests[${k}].updateParagraphStyle: Index ${to ?? from} must be less than the end index of the referenced segment, ${last}.`,
      );
    const value = u.paragraphStyle?.keepWithNext;
    const hit = paras.filter((x) => x.start < to && x.end > from).map((x) => d.body.children.indexOf(x.p));
    return () => {
      // the document and its last saved state are one document on Google: both take the style
      for (const doc of [d, savedOf(this.w).get(d)]) {
        if (!doc) continue;
        for (const i of hit) {
          const p = doc.body.children[i];
          if (p?.type === "PARAGRAPH") p.keepWithNext = value === true;
        }
      }
    };
  }
}

export function makeDocs(w: World): Pick<GoogleAppsScript.Docs, "Documents"> {
  return { Documents: new StandinDocuments(w) as unknown as Documents };
}
