// Staff decide on a response whose sender could not be verified. Confirmed, it counts at its original time for the unit
// it was given for, and the unit's own addresses and the sender are told. Rejected, it counts for nothing (the unit
// stands as if it had not arrived), the sender is told why, and the row stays: nothing is ever deleted.
import { localDay, viDateTime } from "../../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../../domain/forms";
import { colLetter, DECIDED_LABEL, KEY_COLS, REJECTED_MARK, unitLabel, VERDICT_LABEL } from "../../domain/layout";
import { fail, ok, type Result } from "../../domain/result";
import { parseVersionRows } from "../../domain/rows";
import type { DueMail } from "../../domain/schedule";
import type { Statuses, Version } from "../../domain/status";
import type { Ports } from "../../ports";
import { readWindows } from "../daily/daily";
import type { Window } from "../daily/records";
import { type Reading, updateStatuses } from "../daily/statuses";
import { composeContext } from "../mail/compose";
import { flush } from "../mail/ledger";
import { withAnswers } from "../mail/quotes";
import { type Queued, send } from "../mail/send";
import { openRun, type Run, readSettings } from "../run/context";
import { writeViews } from "../sheet/views";

export type Verdict = "confirm" | "reject";

interface Decided {
  form: FormId;
  version: Version;
}

/** the version as decided replaces the one the window read (the first of a key is the one that counts) */
function adopt(w: Window, v: Version): void {
  const i = w.versions.findIndex((x) => x.key === v.key);
  if (i >= 0) w.versions[i] = v;
  else w.versions.push(v);
}

/** what staff chose: responses by id, and the version each showed (`id@time`) when the page says it */
interface Chosen {
  ids: string[];
  keys: string[];
}

/** what staff decided of the responses they chose */
interface Decision {
  verdict: Verdict;
  /** what column G keeps: who decided, when, and for a rejection why */
  note: string;
  /** staff's reason for a rejection, as its mail quotes it */
  reason: string;
  /** a run cut off after marking is taken up again: the versions it already marked count as decided */
  resume: boolean;
}

/**
 * Marks the versions staff chose (columns F and G, one write each) and takes them into the windows. A confirmation
 * confirms the version shown and the unit it is for, nothing else: the other versions of the same response for the
 * same unit with it, never a version an edit gave to another unit. The version shown is the one the page names, else
 * the latest still waiting.
 */
function mark(r: Run, chosen: Chosen, decision: Decision, windows: Record<FormId, Window>): Decided[] {
  const { verdict, note, resume } = decision;
  const out: Decided[] = [];
  const shownOf = new Map<string, string>();
  for (const k of chosen.keys) shownOf.set(k.replace(/@\d+$/, ""), k);
  const ids = [...new Set([...chosen.ids, ...shownOf.keys()])];
  const done = (v: Version) => (verdict === "confirm" ? v.confirmed : v.rejected);
  for (const form of FORM_IDS) {
    const tab = SPECS[form].tab;
    for (const id of ids) {
      const found: Version[] = [];
      for (const row of r.store.findRows(tab, 2, id)) {
        const [v] = parseVersionRows(r.store.readBlock(tab, `A${row}:${colLetter(KEY_COLS)}${row}`), row, form);
        if (v && v.responseId === id) found.push(v);
      }
      const waiting = (v: Version) => !v.confirmed && !v.rejected && v.verdict === "unverified";
      const open = found.filter((v) => waiting(v) || (resume && done(v)));
      if (!open.length) continue;
      const named = shownOf.get(id);
      const shown = (named && open.find((v) => v.key === named)) || open.reduce((a, b) => (b.at >= a.at ? b : a));
      for (const v of open) {
        if (v.unit !== shown.unit) continue;
        if (waiting(v))
          r.store.writeRows(tab, v.row, [[verdict === "confirm" ? DECIDED_LABEL.confirmed : DECIDED_LABEL.rejected, note]], 6);
        const decided = verdict === "confirm" ? { ...v, confirmed: true } : { ...v, rejected: true };
        adopt(windows[form], decided);
        if (!out.some((x) => x.version.responseId === id && x.version.unit === v.unit)) out.push({ form, version: decided });
      }
    }
  }
  return out;
}

/** receipts for what was confirmed (the unit and the sender); the request to send again for what was rejected (the sender) */
function tell(r: Run, read: Reading, statuses: Statuses, decided: Decided[], decision: Decision): string[] {
  const { s, rules, units } = read;
  const { verdict, reason } = decision;
  if (!decided.length) return [];
  if (verdict === "confirm" && !s.receipts) return [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const today = localDay(r.now, s.timeZone);
  const due: Queued[] = decided
    .filter((x) => verdict === "confirm" || x.version.email)
    .map(({ version: v }) => {
      // a confirmed report counts from its original time: the receipt says on time or late by how much, as it now stands
      const st = statuses.byPeriod.get(v.period)?.get(v.unit);
      const counted =
        st && (st.kind === "onTime" || st.kind === "late") && st.at !== undefined ? { at: st.at, daysLate: st.daysLate } : undefined;
      const d: DueMail =
        verdict === "confirm"
          ? {
              kind: "receipt",
              key: `confirmed|${v.responseId}|${v.unit}`,
              period: v.period,
              unit: v.unit,
              stage: today,
              version: { ...v, verdict: "accepted" },
              counted,
            }
          : {
              kind: "invalid",
              key: `rejected|${v.responseId}|${v.unit}`,
              period: v.period,
              unit: v.unit,
              stage: today,
              // what the mail says of it is the rejection and staff's reason, never what to fix in it
              version: { ...v, verdict: "invalid", rejected: true, notes: reason, editUrl: "" },
            };
      return { d, unit: byCode.get(v.unit) };
    });
  if (verdict === "confirm")
    withAnswers(
      r,
      due.map((x) => x.d),
    );
  const out = send(r, s, due, composeContext(r, s, rules), { stopAt: Number.POSITIVE_INFINITY, reserve: 0 });
  flush(r, s.timeZone);
  const what = verdict === "confirm" ? "thư xác nhận tới đơn vị và người gửi" : "thư báo không ghi nhận tới người gửi";
  return [`Đã gửi ${out.sent} ${what}.`, ...out.notes];
}

/**
 * Confirms or rejects the responses named (every waiting version of each). The statuses, the dashboard and the
 * mails follow at once; returns what was done, in Vietnamese.
 */
/** what a decision did: its words, how many responses it decided, and which */
interface DecisionDone {
  text: string;
  done: number;
  ids: string[];
}

export function decideResponses(p: Ports, chosen: Chosen, verdict: Verdict, reason = "", resume = false): Result<DecisionDone> {
  const clean = (xs: string[]) => [...new Set(xs.map((x) => String(x ?? "").trim()).filter(Boolean))];
  const sel = { ids: clean(chosen.ids), keys: clean(chosen.keys) };
  const wanted = [...new Set([...sel.ids, ...sel.keys.map((k) => k.replace(/@\d+$/, ""))])];
  const job = verdict === "confirm" ? "Xác nhận người gửi" : "Từ chối người gửi";
  if (!wanted.length) return fail({ code: "no-response-chosen" });
  return openRun(p, job, (r) => {
    const set = readSettings(r);
    if (!set.ok) return set;
    const { settings: s, rules } = set.value;
    const who = `${p.user() || "cán bộ"}, ${viDateTime(r.now, s.timeZone)}`;
    const why = reason.trim().replace(/\s+/g, " ").slice(0, 300);
    const note = verdict === "confirm" ? `Đã xác nhận: ${who}` : `${REJECTED_MARK}: ${who}${why ? `. Lý do: ${why}` : ""}`;
    const decision: Decision = { verdict, note, reason: why, resume };
    const { units } = r.store.readUnits();
    const read: Reading = { s, rules, units, windows: readWindows(r, s, rules) };
    const decided = mark(r, sel, decision, read.windows);
    const notes: string[] = [];
    if (decided.length) {
      const { statuses } = updateStatuses(r, read);
      // the dashboard and the Zalo list follow at once
      notes.push(...writeViews(r, s));
      notes.push(...tell(r, read, statuses, decided, decision));
    }
    const byCode = new Map(units.map((u) => [u.code, u]));
    const done = [...new Set(decided.map((x) => x.version.responseId))];
    const named = decided.map((x) => `${x.version.responseId} (${unitLabel(x.version.unit, byCode.get(x.version.unit)?.name)})`);
    const rest = wanted.filter((id) => !done.includes(id));
    const msg = [
      named.length ? `${verdict === "confirm" ? "Đã xác nhận" : "Đã từ chối"}: ${named.join(", ")}.` : "",
      rest.length ? `Không có phản hồi chờ xác nhận với mã: ${rest.join(", ")} (sai mã hoặc đã được xử lý trước đó).` : "",
      ...notes,
    ]
      .filter(Boolean)
      .join("\n");
    p.state.record("run", { job, result: done.length ? "xong" : "không có gì", detail: msg });
    return ok({ text: msg, done: done.length, ids: done });
  });
}

/** the day a decision was taken, as column G ends with it ("…, dd/mm/yyyy hh:mm") */
const decidedOn = (mark: string) => /(\d{2}\/\d{2}\/\d{4}) \d{2}:\d{2}$/.exec(mark.split(". Lý do:")[0])?.[1] ?? "";

/**
 * A confirmation or rejection taken back the same day it was made: the responses wait for staff again (column F back
 * to "Chờ xác nhận", G emptied), the statuses and views follow, and the run log says who did it. A mail the decision
 * sent stays sent: the words say so.
 */
export function undoDecision(p: Ports, ids: string[]): Result<DecisionDone> {
  const job = "Hoàn tác xác nhận / từ chối";
  return openRun(p, job, (r) => {
    const set = readSettings(r);
    if (!set.ok) return set;
    const { settings: s, rules } = set.value;
    const today = viDateTime(r.now, s.timeZone).slice(0, 10);
    const undone = new Set<string>();
    const old: string[] = [];
    for (const form of FORM_IDS) {
      const tab = SPECS[form].tab;
      for (const id of ids) {
        for (const row of r.store.findRows(tab, 2, id)) {
          const cells = r.store.readBlock(tab, `A${row}:${colLetter(KEY_COLS)}${row}`)[0] ?? [];
          const f = String(cells[5] ?? "");
          if (f !== DECIDED_LABEL.confirmed && f !== DECIDED_LABEL.rejected) continue;
          if (decidedOn(String(cells[6] ?? "")) !== today) {
            old.push(id);
            continue;
          }
          r.store.writeRows(tab, row, [[VERDICT_LABEL.unverified, ""]], 6);
          undone.add(id);
        }
      }
    }
    const notes: string[] = [];
    if (undone.size) {
      const { units } = r.store.readUnits();
      updateStatuses(r, { s, rules, units, windows: readWindows(r, s, rules) });
      notes.push(...writeViews(r, s));
    }
    const who = `${p.user() || "cán bộ"}, ${viDateTime(r.now, s.timeZone)}`;
    const msg = [
      undone.size
        ? `Đã hoàn tác (${who}): ${[...undone].join(", ")} trở lại chờ xác nhận. Thư đã gửi khi xác nhận hoặc từ chối không thu hồi được.`
        : "",
      old.length ? `Không hoàn tác được ${[...new Set(old)].join(", ")}: chỉ hoàn tác được trong ngày đã xác nhận hoặc từ chối.` : "",
      !undone.size && !old.length ? `Không có quyết định nào để hoàn tác với mã: ${ids.join(", ")} (có thể cán bộ khác đã hoàn tác).` : "",
      ...notes,
    ]
      .filter(Boolean)
      .join("\n");
    p.state.record("run", { job, result: undone.size ? "xong" : "không có gì", detail: msg });
    return ok({ text: msg, done: undone.size, ids: [...undone] });
  });
}
