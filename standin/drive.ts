// The stand-in's Drive advanced service (Drive API v3): the slice of Files the product calls, on files in memory.
// With the drive.file scope an app sees only the files it made or was given; the stand-in holds only those.
import { cloneDocument, DOC_MIME, documentsOf, newDocument } from "./documents.js";
import type { World } from "./world.js";

type Files = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

export const FOLDER_MIME = "application/vnd.google-apps.folder";

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
}

/** the world's Drive, kept on the world itself (World.own), so that a snapshot's copy has it */
const DRIVE = Symbol("drive");

export function driveOf(w: World): { files: Map<string, DriveFile>; next: number } {
  return w.own(DRIVE, () => ({ files: new Map<string, DriveFile>(), next: 1 }));
}

/** Drive's ids are long opaque strings; these are shorter, and as opaque */
function newId(w: World, kind: string): string {
  const s = driveOf(w);
  return `${kind}${String(s.next++).padStart(6, "0")}x${w.uuid().slice(-6)}`;
}

const notFound = (method: string, id: string) =>
  new Error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: File not found: ${id}.`);

class StandinFiles implements Pick<Files, "create" | "copy" | "get" | "update"> {
  constructor(private w: World) {}
  private hit(m: string) {
    this.w.meter.hit("Drive", `Drive.Files.${m}`);
  }
  private out(f: DriveFile, fields?: string): File {
    const o = this.w.makeObject() as unknown as File;
    const all: File = { kind: "drive#file", id: f.id, name: f.name, mimeType: f.mimeType, trashed: f.trashed, parents: [...f.parents] };
    // v3 answers id, name, mimeType and kind unless fields asks for more
    const want = fields ? fields.split(",").map((x) => x.trim()) : ["kind", "id", "name", "mimeType"];
    for (const k of want) if (k in all) (o as Record<string, unknown>)[k] = all[k as keyof File];
    return o;
  }
  private parents(list: string[] | undefined, method: string): string[] {
    const files = driveOf(this.w).files;
    for (const p of list ?? []) if (p !== "root" && files.get(p)?.mimeType !== FOLDER_MIME) throw notFound(method, p);
    return list?.length ? [...list] : ["root"];
  }
  create(resource: File, _media?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): File {
    this.hit("create");
    if (_media) throw new Error("stand-in: uploading content is not modelled");
    const mimeType = String(resource.mimeType ?? "");
    if (mimeType !== FOLDER_MIME && mimeType !== DOC_MIME)
      throw new Error(`stand-in: Drive.Files.create of ${mimeType || "a file without mimeType"} is not modelled`);
    const f: DriveFile = {
      id: newId(this.w, mimeType === FOLDER_MIME ? "fo" : "do"),
      name: String(resource.name ?? "Untitled"),
      mimeType,
      parents: this.parents(resource.parents, "create"),
      trashed: false,
    };
    driveOf(this.w).files.set(f.id, f);
    if (mimeType === DOC_MIME) newDocument(this.w, f.id, f.name);
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
  copy(resource: File, fileId: string, optionalArgs?: Record<string, unknown>): File {
    this.hit("copy");
    const src = driveOf(this.w).files.get(fileId);
    if (!src) throw notFound("copy", fileId);
    if (src.mimeType === FOLDER_MIME)
      throw new Error("GoogleJsonResponseException: API call to drive.files.copy failed with error: Folders cannot be copied.");
    // Drive's own name for an unnamed copy is not documented: the product always names its copies
    if (!resource.name) throw new Error("stand-in: a copy without a name is not modelled");
    const f: DriveFile = {
      id: newId(this.w, "do"),
      name: String(resource.name),
      mimeType: src.mimeType,
      // without parents, the copy goes where the original is
      parents: resource.parents ? this.parents(resource.parents, "copy") : [...src.parents],
      trashed: false,
    };
    driveOf(this.w).files.set(f.id, f);
    const doc = documentsOf(this.w).get(fileId);
    if (doc) documentsOf(this.w).set(f.id, cloneDocument(doc, f.id, f.name));
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
  get(fileId: string): File;
  get(fileId: string, optionalArgs: Record<string, unknown> & { alt: "media" }): string;
  get(fileId: string, optionalArgs: Record<string, unknown>): File;
  get(fileId: string, optionalArgs?: Record<string, unknown>): File | string {
    this.hit("get");
    if (optionalArgs?.alt === "media") throw new Error("stand-in: downloading content is not modelled");
    const f = driveOf(this.w).files.get(fileId);
    if (!f) throw notFound("get", fileId);
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
  update(resource: File, fileId: string, _media?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): File {
    this.hit("update");
    const f = driveOf(this.w).files.get(fileId);
    if (!f) throw notFound("update", fileId);
    if (_media) throw new Error("stand-in: uploading content is not modelled");
    if (resource.name !== undefined) f.name = String(resource.name);
    if (resource.trashed !== undefined) f.trashed = !!resource.trashed;
    const doc = documentsOf(this.w).get(fileId);
    if (doc) doc.name = f.name;
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
}

export function makeDrive(w: World): { Files: Pick<Files, "create" | "copy" | "get" | "update"> } {
  return { Files: new StandinFiles(w) };
}

/** a file as staff would trash it in Drive */
export function trash(w: World, id: string): void {
  const f = driveOf(w).files.get(id);
  if (f) f.trashed = true;
}
