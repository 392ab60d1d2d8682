// Drive's files as the stand-in keeps them, and who reaches each: a person by its sharing (folders' sharing reaching
// what is inside), an app under drive.file by what it made for that account or what was shared with it through the app.
import type { World } from "../world.js";

export interface DrivePermission {
  id: string;
  type: "user" | "anyone";
  role: "owner" | "writer" | "commenter" | "reader";
  emailAddress?: string;
  /** 'published': a form's responders (https://developers.google.com/workspace/forms/api/guides/publish-form) */
  view?: string;
}

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  /** the account whose Drive holds it: the one whose code made it */
  owner: string;
  /** the accounts whose code made or opened it with this app (drive.file) */
  app: string[];
  /** people it is shared with; a folder's permissions reach every file in it */
  permissions: DrivePermission[];
}

/** the world's Drive, kept on the world itself (World.own), so that a snapshot's copy has it */
const DRIVE = Symbol("drive");

export function driveOf(w: World): { files: Map<string, DriveFile>; next: number } {
  return w.own(DRIVE, () => ({ files: new Map<string, DriveFile>(), next: 1 }));
}

export const ROLES = ["reader", "commenter", "writer", "owner"] as const;

/** the file and the folders above it, nearest first */
function lineage(w: World, f: DriveFile): DriveFile[] {
  const files = driveOf(w).files;
  const out: DriveFile[] = [];
  const seen = new Set<string>();
  const walk = (x: DriveFile) => {
    if (seen.has(x.id)) return;
    seen.add(x.id);
    out.push(x);
    for (const p of x.parents) {
      const up = files.get(p);
      if (up) walk(up);
    }
  };
  walk(f);
  return out;
}

/** the role an account has on a file as a person (owner, shared with it, or with anyone), folders' sharing included */
export function roleOf(w: World, account: string, f: DriveFile): DrivePermission["role"] | null {
  let best = -1;
  for (const x of lineage(w, f)) {
    if (x.owner === account) return "owner";
    for (const p of x.permissions)
      if ((p.type === "anyone" && !p.view) || (p.type === "user" && p.emailAddress === account))
        best = Math.max(best, ROLES.indexOf(p.role));
  }
  return best < 0 ? null : ROLES[best];
}

/** a person can open the file (in Drive, Docs, or a link in a mail) */
export function canOpen(w: World, account: string, id: string): boolean {
  const f = driveOf(w).files.get(id);
  return !!f && roleOf(w, account, f) !== null;
}

/** the app, running as `account`, reaches the file: made with it for that account, or shared with that account through it */
export function reaches(w: World, account: string, f: DriveFile): boolean {
  if (f.app.includes(account)) return true;
  return lineage(w, f).some((x) => x.permissions.some((p) => p.type === "user" && p.emailAddress === account));
}
