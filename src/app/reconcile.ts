// Reconcile: responses the forms hold that the tabs do not (a submit event Google never delivered, a handler that
// died). Each stored response costs two Forms calls (its id and time); answers are read only for the missing ones.
import { FORM_IDS, type FormId, SPECS } from "../domain/forms";
import type { Settings } from "../domain/settings";
import type { Unit } from "../domain/units";
import type { Run } from "./context";
import { judge, versionKey } from "./intake";
import type { Window } from "./records";
import { columnsOf } from "./records";
import { versionRow } from "./rows";

/** rows written per block, so that a run stopped half-way keeps what it already stored */
const BATCH = 200;

/** how far back each run compares: two days before the last comparison, for events still in flight then */
const RECONCILE_OVERLAP_MS = 2 * 86400000;

export function reconcileSince(r: Run): number {
  return r.state.fullPass ? 0 : Math.max(0, r.state.lastReconcile - RECONCILE_OVERLAP_MS);
}

/** stores what is missing, after the window's last row; the windows grow with what was stored */
export function reconcile(r: Run, s: Settings, units: Unit[], windows: Record<FormId, Window>): string[] {
  const notes: string[] = [];
  const since = reconcileSince(r);
  for (const form of FORM_IDS) {
    const ref = r.state.forms[form];
    if (!ref) continue;
    const w = windows[form];
    const known = new Set(w.versions.map((v) => v.key));
    const missing = r.p.forms
      .responsesSince(ref, since)
      .filter((x) => !known.has(versionKey(x.responseId, x.at)))
      .sort((a, b) => a.at - b.at);
    let stored = 0;
    for (let i = 0; i < missing.length; i += BATCH) {
      const rows: unknown[][] = [];
      for (const stub of missing.slice(i, i + BATCH)) {
        const j = judge(form, stub.read(), "form", units, s);
        w.versions.push({ ...j.version, at: stub.at, confirmed: false, row: w.end + rows.length, notes: j.version.notes.join("\n") });
        rows.push(versionRow(SPECS[form], j.version, columnsOf(r, form)));
      }
      r.store.appendRows(SPECS[form].tab, rows, w.end - 1);
      w.end += rows.length;
      stored += rows.length;
    }
    if (stored) notes.push(`Đối soát: ghi bổ sung ${stored} phản hồi vào trang “${SPECS[form].tab}” (sự kiện gửi biểu mẫu bị lỡ).`);
  }
  return notes;
}
