// Staff confirm a response whose sender could not be verified: it then counts at its original time, for the unit it
// was given for; the unit's own addresses and the sender get a receipt that says so, quoting what was received.
import { localDay, viDateTime } from "../domain/dates";
import { FORM_IDS, SPECS } from "../domain/forms";
import { colLetter, KEY_COLS } from "../domain/layout";
import type { DueMail } from "../domain/schedule";
import type { Version } from "../domain/status";
import { composeContext } from "./compose";
import { fail, type Outcome, ok, openRun, readSettings } from "./context";
import { readWindows } from "./daily";
import { flush } from "./ledger";
import type { Ports } from "./ports";
import { withAnswers } from "./quotes";
import { parseVersionRows } from "./rows";
import { send } from "./send";
import { updateStatuses } from "./statuses";

export function confirmResponses(p: Ports, ids: string[]): Outcome<string> {
  const wanted = [...new Set(ids.map((x) => x.trim()).filter(Boolean))];
  if (!wanted.length) return fail("Chưa nhập mã phản hồi.");
  return openRun(p, "Xác nhận người gửi", (r) => {
    const set = readSettings(r);
    if (!set.ok) return set;
    const { settings: s, rules } = set.value;
    const mark = `Đã xác nhận: ${p.user() || "cán bộ"}, ${viDateTime(r.now, s.timeZone)}`;
    const { units } = r.store.readUnits();
    const windows = readWindows(r, s, rules);
    const done = new Set<string>();
    const receipts: Version[] = [];
    for (const form of FORM_IDS) {
      const tab = SPECS[form].tab;
      for (const id of wanted) {
        for (const row of r.store.findRows(tab, 2, id)) {
          const [v] = parseVersionRows(r.store.readBlock(tab, `A${row}:${colLetter(KEY_COLS)}${row}`), row, form);
          if (!v || v.responseId !== id || v.confirmed || v.verdict !== "unverified") continue;
          // the mark goes on each version waiting (column G); the statuses take them in below
          r.store.writeRows(tab, row, [[mark]], 7);
          windows[form].versions.push({ ...v, confirmed: true });
          if (!done.has(id)) receipts.push({ ...v, confirmed: true });
          done.add(id);
        }
      }
    }
    const statuses = done.size ? updateStatuses(r, s, rules, units, windows).statuses : null;
    const notes: string[] = [];
    if (done.size && s.receipts) {
      const byCode = new Map(units.map((u) => [u.code, u]));
      const ctx = composeContext(r, s, rules);
      const due = receipts.map((v) => {
        // counted from its original time: the receipt says on time or late by how much, as the status now stands
        const st = statuses?.byPeriod.get(v.period)?.get(v.unit);
        const counted =
          st && (st.kind === "onTime" || st.kind === "late") && st.at !== undefined ? { at: st.at, daysLate: st.daysLate } : undefined;
        const d: DueMail = {
          kind: "receipt",
          key: `confirmed|${v.responseId}|${v.unit}`,
          period: v.period,
          unit: v.unit,
          stage: localDay(r.now, s.timeZone),
          version: { ...v, verdict: "accepted" },
          counted,
        };
        return { d, unit: byCode.get(v.unit) };
      });
      withAnswers(
        r,
        due.map((x) => x.d),
      );
      const out = send(r, s, due, ctx, { stopAt: Number.POSITIVE_INFINITY, reserve: 0 });
      notes.push(...out.notes);
      flush(r, s.timeZone);
    }
    const rest = wanted.filter((id) => !done.has(id));
    const msg = [
      done.size ? `Đã xác nhận: ${[...done].join(", ")}.` : "",
      rest.length ? `Không có phản hồi chờ xác nhận với mã: ${rest.join(", ")} (sai mã hoặc đã xác nhận trước đó).` : "",
      ...notes,
    ]
      .filter(Boolean)
      .join("\n");
    p.state.record("run", { job: "Xác nhận người gửi", result: done.size ? "xong" : "không có gì", detail: msg });
    return ok(msg);
  });
}
