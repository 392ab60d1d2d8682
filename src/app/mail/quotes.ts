// The answers a receipt quotes. The daily job reads the key columns only; a receipt it owes for a version stored
// earlier (the quota or the lock held it back) reads that version's row, once per tab for all of them.
import { SPECS } from "../../domain/forms";
import { colLetter } from "../../domain/layout";
import { answersOfRow } from "../../domain/rows";
import type { DueMail } from "../../domain/schedule";
import type { Run } from "../run/context";
import { formOf } from "./mails";

/** receipts further apart than this in their tab are not quoted (the read stays small); they still go out */
const MAX_SPAN = 1000;

export function withAnswers(r: Run, due: DueMail[]): void {
  const need = new Map<string, DueMail[]>();
  for (const d of due) {
    if (d.kind !== "receipt" || !d.version || d.answers) continue;
    if (d.version.answers) {
      d.answers = d.version.answers;
      continue;
    }
    const form = formOf(d.version.period || d.period);
    need.set(form, [...(need.get(form) ?? []), d]);
  }
  for (const [form, list] of need) {
    const spec = SPECS[form as keyof typeof SPECS];
    const rows = list.map((d) => d.version?.row ?? 0).filter((x) => x > 1);
    if (!rows.length) continue;
    const last = Math.max(...rows);
    const first = Math.max(Math.min(...rows), last - MAX_SPAN);
    // answers are read by the header's names, never by position
    const header = r.store.readBlock(spec.tab, "1:1")[0] ?? [];
    const block = r.store.readBlock(spec.tab, `A${first}:${colLetter(Math.max(1, header.length))}${last}`);
    for (const d of list) {
      const row = block[(d.version?.row ?? 0) - first];
      if (row) d.answers = answersOfRow(spec, header, row);
    }
  }
}
