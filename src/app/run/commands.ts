import { localDay } from "../../domain/dates";
import { TAB, TEMPLATES_HEADER } from "../../domain/layout";
import { say } from "../../domain/problems";
import { parseSettings, type Settings } from "../../domain/settings";
import { DEFAULT_TEMPLATES, type MailKind, templateProblems } from "../../domain/templates";
import { dateWarnings } from "../../domain/wording";
import type { Ports, Store } from "../../ports";
import { indexUnits } from "../daily/daily";
import { takeThemes } from "../report/rollup";
import { followSettings } from "../setup/form-texts";
import { adopt } from "./context";
import { beginJob, endJob } from "./jobs";

/**
 * Settings and templates take effect as soon as staff edit them; a bad setting is named by its cell. The stored state
 * is rewritten whole, so this runs under the lock: another run's changes are never overwritten with an old copy.
 */
export function onEditCommand(p: Ports, sheetName: string): void {
  if (sheetName !== TAB.settings && sheetName !== TAB.templates && sheetName !== TAB.themes && sheetName !== TAB.units) return;
  if (!p.lock.acquire(30000)) {
    // another run holds the lock: the change is kept (the mark of the job "edit", with every tab edited meanwhile)
    // and applied by a follow-up run once the lock is free, never dropped
    const had = p.state.jobs().edit?.arg;
    const tabs = [...new Set([...(Array.isArray(had) ? had.map(String) : []), sheetName])];
    beginJob(p, "edit", { arg: tabs, safety: "runFollowUp", quiet: true });
    p.state.record("run", {
      job: "Sửa cài đặt",
      result: "để lại",
      detail: `${say({ code: "busy" })} Thay đổi ở trang “${sheetName}” được áp dụng sau ít phút.`,
    });
    return;
  }
  try {
    apply(p, sheetName);
  } finally {
    p.lock.release();
  }
}

/** the edits a busy lock held back, applied now under the lock; false when it is still busy */
export function applyEdits(p: Ports, tabs: string[]): boolean {
  if (!p.lock.acquire(30000)) return false;
  try {
    for (const t of tabs) apply(p, t);
    endJob(p, "edit");
  } finally {
    p.lock.release();
  }
  return true;
}

/** one tab's edit taken in (the caller holds the lock) */
function apply(p: Ports, sheetName: string): void {
  const { state, journal } = p.state.load();
  if (!state.spreadsheetId) return;
  const store = p.open(state.spreadsheetId);
  if (sheetName === TAB.units) {
    // a unit staff add is noted the moment it is typed in: what it owes counts from that day (Revision 3)
    const run = { p, job: "Sửa danh sách đơn vị", now: p.clock.now(), state, journal, store };
    indexUnits(run, store.readUnits().units);
    p.state.save({ rosterHash: run.state.rosterHash });
    return;
  }
  if (sheetName === TAB.themes) {
    takeThemes(p, store);
    return;
  }
  if (sheetName === TAB.templates) {
    takeTemplates(p, store);
    return;
  }
  const r = parseSettings(store.readSettingsRows(), TAB.settings);
  const before = state.settings;
  // periods already due keep the rules they had: frozen before the change takes effect
  if (r.ok) {
    adopt({ p, job: "Sửa cài đặt", now: p.clock.now(), state, journal, store }, r.value);
    // the forms say the deadline, the desk and whether a receipt follows as the settings now do
    const problems = [...followSettings(p, state.forms, before, r.value), ...newDateWarnings(before, r.value, p.clock.now())];
    if (problems.length) p.ui.toast(store, problems.join(" "));
  } else p.ui.toast(store, r.problem.map(say).join(" "));
}

/**
 * Dates that cannot work, said as setup says them, when an edit brings them: a warning the settings already gave
 * before this edit is not repeated on every later edit of another cell
 */
function newDateWarnings(before: Settings | null, after: Settings, now: number): string[] {
  const today = localDay(now, after.timeZone);
  const had = new Set(before ? dateWarnings(before, today) : []);
  return dateWarnings(after, today).filter((w) => !had.has(w));
}

/**
 * The templates as staff saved them, checked at once: a placeholder the product does not know, or one not closed, is
 * written as a note on its cell and said in a toast, so staff fix it now rather than find it when a mail fails. The
 * templates are taken as written (a mail of a kind whose template is broken is not sent, and the run log says why).
 */
function takeTemplates(p: Ports, store: Store): void {
  const table = store.readTable(TAB.templates, TEMPLATES_HEADER);
  const rows = table.map((r) => ({
    kind: String(r[4] ?? "").trim() as MailKind,
    label: String(r[0] ?? ""),
    subject: String(r[2] ?? ""),
    body: String(r[3] ?? ""),
  }));
  const said: string[] = [];
  const note = (what: string[]) => (what.length ? `Chưa dùng được: ${what.join("; ")}. Các chỗ trống dùng được ở cuối trang này.` : "");
  const notes = rows.map((r) => {
    if (!r.kind) return ["", ""];
    const pr = templateProblems(r);
    if (pr.subject.length || pr.body.length)
      said.push(
        `“${r.label || r.kind}”: ${[...pr.subject.map((x) => `tiêu đề: ${x}`), ...pr.body.map((x) => `nội dung: ${x}`)].join("; ")}`,
      );
    return [note(pr.subject), note(pr.body)];
  });
  if (notes.length) p.workbook.notes(store, TAB.templates, 2, 3, notes);
  if (said.length) p.ui.toast(store, `Mẫu thư chưa dùng được, thư loại này không gửi cho đến khi sửa (xem ghi chú ở ô): ${said.join(" ")}`);
  const kept = rows.filter((r) => r.kind);
  p.state.save({
    templates: DEFAULT_TEMPLATES.map((d) => ({ ...d, ...pick(kept.find((r) => r.kind === d.kind && r.subject && r.body)) })),
  });
}

const pick = (r: { kind: MailKind; subject: string; body: string } | undefined) =>
  r ? { kind: r.kind, subject: r.subject, body: r.body } : {};
