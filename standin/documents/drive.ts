// The stand-in's Drive advanced service (Drive API v3): the slice of Files and Permissions the product calls, on files
// in memory. Every file has an owner and permissions, and Drive answers each account for itself: under the drive.file
// scope an account's code reaches only the files the app made for that account, or that were shared with that account
// through the app (https://developers.google.com/workspace/drive/api/guides/api-specific-auth: drive.file is "files
// that you have opened or created with this app"); anything else is "File not found", as Drive answers for a file
// the caller cannot see (https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found_fileid).

import type { World } from "../world.js";
import { cloneDocument, DOC_MIME, documentsOf, newDocument } from "./documents.js";
import { type DriveFile, type DrivePermission, driveOf, ROLES, reaches, roleOf } from "./drive-access.js";

export { canOpen, type DriveFile, type DrivePermission, driveOf, reaches, roleOf } from "./drive-access.js";

type Files = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type PermissionsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;
type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

export const FOLDER_MIME = "application/vnd.google-apps.folder";

/** Drive's ids are long opaque strings; these are shorter, and as opaque */
function newId(w: World, kind: string): string {
  const s = driveOf(w);
  return `${kind}${String(s.next++).padStart(6, "0")}x${w.uuid().slice(-6)}`;
}

const notFound = (method: string, id: string, collection = "files") =>
  new Error(`GoogleJsonResponseException: API call to drive.${collection}.${method} failed with error: File not found: ${id}.`);

/** ids generateIds handed out and not yet used, per world */
const generated = new WeakMap<World, Set<string>>();

/**
 * The id a new file takes: one the caller got from generateIds ("can be provided in create or copy requests":
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files/generateIds), used once; else a new one
 */
function idFor(w: World, resource: File, kind: string, method: string): string {
  const id = resource.id;
  if (!id) return newId(w, kind);
  const ids = generated.get(w);
  if (!ids?.has(id) || driveOf(w).files.has(id))
    throw new Error(
      `GoogleJsonResponseException: API call to drive.files.${method} failed with error: The provided file ID is not usable.`,
    );
  ids.delete(id);
  return id;
}

class StandinFiles implements Pick<Files, "create" | "copy" | "get" | "update" | "generateIds"> {
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
  /** a file the running account's app reaches, or Drive's "File not found" */
  private mine(fileId: string, method: string): DriveFile {
    const f = driveOf(this.w).files.get(fileId);
    if (!f || !reaches(this.w, this.w.user(), f)) throw notFound(method, fileId);
    return f;
  }
  /** folders the new file goes in: each reached by the app and writable by the account */
  private parents(list: string[] | undefined, method: string): string[] {
    for (const p of list ?? []) {
      if (p === "root") continue;
      const folder = this.mine(p, method);
      if (folder.mimeType !== FOLDER_MIME) throw notFound(method, p);
      const role = roleOf(this.w, this.w.user(), folder);
      if (role !== "owner" && role !== "writer")
        throw new Error(
          `GoogleJsonResponseException: API call to drive.files.${method} failed with error: Insufficient permissions for the specified parent.`,
        );
    }
    return list?.length ? [...list] : ["root"];
  }
  private made(id: string, name: string, mimeType: string, parents: string[]): DriveFile {
    const me = this.w.user();
    return { id, name, mimeType, parents, trashed: false, owner: me, app: [me], permissions: [] };
  }
  create(resource: File, _media?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): File {
    this.hit("create");
    if (_media) throw new Error("stand-in: uploading content is not modelled");
    const mimeType = String(resource.mimeType ?? "");
    if (mimeType !== FOLDER_MIME && mimeType !== DOC_MIME)
      throw new Error(`stand-in: Drive.Files.create of ${mimeType || "a file without mimeType"} is not modelled`);
    const f = this.made(
      idFor(this.w, resource, mimeType === FOLDER_MIME ? "fo" : "do", "create"),
      String(resource.name ?? "Untitled"),
      mimeType,
      this.parents(resource.parents, "create"),
    );
    driveOf(this.w).files.set(f.id, f);
    if (mimeType === DOC_MIME) newDocument(this.w, f.id, f.name);
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
  copy(resource: File, fileId: string, optionalArgs?: Record<string, unknown>): File {
    this.hit("copy");
    const src = this.mine(fileId, "copy");
    if (src.mimeType === FOLDER_MIME)
      throw new Error("GoogleJsonResponseException: API call to drive.files.copy failed with error: Folders cannot be copied.");
    // Drive's own name for an unnamed copy is not documented: the product always names its copies
    if (!resource.name) throw new Error("stand-in: a copy without a name is not modelled");
    // without parents, the copy goes where the original is
    const f = this.made(
      idFor(this.w, resource, "do", "copy"),
      String(resource.name),
      src.mimeType,
      resource.parents ? this.parents(resource.parents, "copy") : [...src.parents],
    );
    driveOf(this.w).files.set(f.id, f);
    const doc = documentsOf(this.w).get(fileId);
    if (doc) documentsOf(this.w).set(f.id, cloneDocument(doc, f.id, f.name));
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
  /** ids for files not made yet, for create or copy (`count`, 10 unless asked) */
  generateIds(optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.GeneratedIds {
    this.hit("generateIds");
    const n = Number(optionalArgs?.count ?? 10);
    let ids = generated.get(this.w);
    if (!ids) generated.set(this.w, (ids = new Set()));
    const out = this.w.makeArray<string>();
    for (let i = 0; i < n; i++) {
      const id = newId(this.w, "gi");
      ids.add(id);
      out.push(id);
    }
    const o = this.w.makeObject() as unknown as GoogleAppsScript.Drive_v3.Drive.V3.Schema.GeneratedIds;
    o.kind = "drive#generatedIds";
    o.space = "drive";
    o.ids = out;
    return o;
  }
  get(fileId: string): File;
  get(fileId: string, optionalArgs: Record<string, unknown> & { alt: "media" }): string;
  get(fileId: string, optionalArgs: Record<string, unknown>): File;
  get(fileId: string, optionalArgs?: Record<string, unknown>): File | string {
    this.hit("get");
    if (optionalArgs?.alt === "media") throw new Error("stand-in: downloading content is not modelled");
    const f = this.mine(fileId, "get");
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
  update(resource: File, fileId: string, _media?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): File {
    this.hit("update");
    const f = this.mine(fileId, "update");
    const role = roleOf(this.w, this.w.user(), f);
    if (role !== "owner" && role !== "writer")
      throw new Error(
        "GoogleJsonResponseException: API call to drive.files.update failed with error: The user does not have sufficient permissions for this file.",
      );
    if (_media) throw new Error("stand-in: uploading content is not modelled");
    if (resource.name !== undefined) f.name = String(resource.name);
    if (resource.trashed !== undefined) f.trashed = !!resource.trashed;
    const doc = documentsOf(this.w).get(fileId);
    if (doc) doc.name = f.name;
    return this.out(f, optionalArgs?.fields as string | undefined);
  }
}

/**
 * Permissions (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create): sharing a file
 * or a folder with a person, or a form with its responders. Only the file's owner or a writer shares it. A form is a
 * Drive file too: `{type: "anyone", role: "reader", view: "published"}` lets anyone with the link respond
 * (https://developers.google.com/workspace/forms/api/guides/publish-form, "Share your form with more responders").
 */
class StandinPermissions implements Pick<PermissionsCollection, "create" | "list"> {
  constructor(private w: World) {}
  private hit(m: string) {
    this.w.meter.hit("Drive", `Drive.Permissions.${m}`);
  }
  private target(fileId: string, method: string): { list: DrivePermission[]; role: DrivePermission["role"] | null; form: boolean } {
    const me = this.w.user();
    const form = this.w.forms.get(fileId);
    if (form) {
      // a form the account's code opened (FormApp) as its owner or an editor
      const role = form.owner === me ? "owner" : form.editors.includes(me) ? "writer" : null;
      if (!role) throw notFound(method, fileId, "permissions");
      form.permissions ??= [];
      return { list: form.permissions, role, form: true };
    }
    const f = driveOf(this.w).files.get(fileId);
    if (!f || !reaches(this.w, me, f)) throw notFound(method, fileId, "permissions");
    return { list: f.permissions, role: roleOf(this.w, me, f), form: false };
  }
  create(resource: Permission, fileId: string, _optionalArgs?: Record<string, unknown>): Permission {
    this.hit("create");
    const t = this.target(fileId, "create");
    if (t.role !== "owner" && t.role !== "writer")
      throw new Error(
        "GoogleJsonResponseException: API call to drive.permissions.create failed with error: The user does not have sufficient permissions for this file.",
      );
    const type = String(resource.type ?? "");
    const role = String(resource.role ?? "");
    if (type !== "user" && type !== "anyone") throw new Error(`stand-in: a permission of type "${type}" is not modelled`);
    if (!(ROLES as readonly string[]).includes(role) || role === "owner")
      throw new Error(`GoogleJsonResponseException: API call to drive.permissions.create failed with error: Invalid role "${role}".`);
    if (type === "user" && !resource.emailAddress)
      throw new Error(
        "GoogleJsonResponseException: API call to drive.permissions.create failed with error: The permission emailAddress field is required.",
      );
    if (resource.view !== undefined && resource.view !== "published")
      throw new Error(
        `GoogleJsonResponseException: API call to drive.permissions.create failed with error: Invalid view "${resource.view}".`,
      );
    if (resource.view === "published" && !t.form)
      throw new Error(
        "GoogleJsonResponseException: API call to drive.permissions.create failed with error: The published view applies to forms only.",
      );
    const email = type === "user" ? String(resource.emailAddress).toLowerCase() : undefined;
    const same = t.list.find((p) => p.type === type && p.emailAddress === email && p.view === resource.view);
    const p: DrivePermission = same ?? {
      id: type === "anyone" ? "anyoneWithLink" : `p${this.w.uuid().slice(-8)}`,
      type,
      role: role as DrivePermission["role"],
    };
    p.role = role as DrivePermission["role"];
    if (email) p.emailAddress = email;
    if (resource.view) p.view = resource.view;
    if (!same) t.list.push(p);
    return this.out(p);
  }
  list(fileId: string, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    this.hit("list");
    const t = this.target(fileId, "list");
    // a form's responders are listed only when asked for the published view
    const withView = optionalArgs?.includePermissionsForView === "published";
    const o = this.w.makeObject() as unknown as GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;
    o.permissions = this.w.makeArrayFrom(t.list.filter((p) => withView || !p.view).map((p) => this.out(p)));
    return o;
  }
  private out(p: DrivePermission): Permission {
    const o = this.w.makeObject() as unknown as Permission;
    o.kind = "drive#permission";
    o.id = p.id;
    o.type = p.type;
    o.role = p.role;
    if (p.emailAddress) o.emailAddress = p.emailAddress;
    if (p.view) o.view = p.view;
    return o;
  }
}

export function makeDrive(w: World): {
  Files: Pick<Files, "create" | "copy" | "get" | "update" | "generateIds">;
  Permissions: Pick<PermissionsCollection, "create" | "list">;
} {
  return { Files: new StandinFiles(w), Permissions: new StandinPermissions(w) };
}

/** a file as staff would trash it in Drive */
export function trash(w: World, id: string): void {
  const f = driveOf(w).files.get(id);
  if (f) f.trashed = true;
}
