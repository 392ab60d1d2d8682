// The start tab: written at the end of setup and of each self-check, and once on the template a federation copies
// (before any setup, every step still to do). The Sheet opens on it.
import { viDateTime } from "../domain/dates";
import { colLetter, TAB, UNITS_HEADER } from "../domain/layout";
import { parseSettings } from "../domain/settings";
import { problemRows, START_PROBLEMS_ROW, type StartFacts, startRows } from "../domain/start";
import { BUSY, type Ports, type Problem, type State, type Store } from "./ports";
import { LOOK_VERSION, tabDefs } from "./tabs";

interface CheckSummary {
  passed: number;
  total: number;
  failed: string[];
}

const LINK_COL = UNITS_HEADER.indexOf("Liên kết đăng ký") + 1;

function facts(p: Ports, store: Store, id: string, check: CheckSummary | null): StartFacts {
  const { state } = p.state.load();
  const setUp = state.spreadsheetId === id && Object.keys(state.forms ?? {}).length > 0;
  let settings: StartFacts["settings"] = null;
  let staff: string[] = [];
  let zone = "Asia/Ho_Chi_Minh";
  if (store.hasTab(TAB.settings)) {
    const parsed = parseSettings(store.readSettingsRows(), TAB.settings);
    settings = parsed.ok ? { ok: true, detail: "" } : { ok: false, detail: parsed.errors.join(" ") };
    if (parsed.ok) {
      staff = parsed.settings.staffEmails;
      zone = parsed.settings.timeZone;
    }
  }
  let units = 0;
  let unitProblems: string[] = [];
  let linked = 0;
  if (store.hasTab(TAB.units)) {
    const r = store.readUnits();
    units = r.units.length;
    unitProblems = r.problems;
    const links = store.readBlock(TAB.units, `A2:${colLetter(LINK_COL)}`);
    linked = links.filter((row) => String(row[0] ?? "") && String(row[LINK_COL - 1] ?? "")).length;
  }
  const [hour, hourZone] = (state.hourKey ?? "").split("@");
  return {
    setUp,
    copy: !!state.spreadsheetId && state.spreadsheetId !== id,
    settings,
    staff,
    units,
    unitProblems,
    linked: setUp ? linked : 0,
    forms: setUp
      ? (["registration", "monthly"] as const).flatMap((f) =>
          state.forms[f]
            ? [{ title: f === "registration" ? "Biểu mẫu đăng ký" : "Biểu mẫu báo cáo tháng", url: state.forms[f]?.publishedUrl ?? "" }]
            : [],
        )
      : [],
    triggers: setUp && state.triggerOwner && hour ? { owner: state.triggerOwner, hour: Number(hour), zone: hourZone || zone } : null,
    templateUrl: setUp && state.reports?.templateId ? `https://docs.google.com/document/d/${state.reports.templateId}/edit` : "",
    check: setUp ? check : null,
  };
}

/** the start tab written (made first when missing) and kept first; `focus`: the Sheet shown on it (after setup) */
export function writeStart(p: Ports, check: CheckSummary | null, focus = false): string[] {
  const active = p.active();
  if (!active) return [];
  if (!p.lock.acquire(30000)) return [BUSY];
  try {
    const { store, id } = active;
    const f = facts(p, store, id, check);
    const def = tabDefs(0).find((d) => d.name === TAB.start);
    const { state } = p.state.load();
    const made = def ? p.workbook.prepare(store, [def], state.look !== LOOK_VERSION) : [];
    const tz = state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";
    const rows = startRows(f, viDateTime(p.clock.now(), tz));
    // the open problems under the steps, after a blank row
    const problems = problemRows(shown(state.problems ?? [], tz));
    while (problems.length && rows.length < START_PROBLEMS_ROW - 1) rows.push(["", "", "", ""]);
    rows.push(...problems);
    const height = rows.length;
    while (rows.length < (state.heights?.[TAB.start] ?? 0)) rows.push(["", "", "", ""]);
    store.writeRows(TAB.start, 1, rows);
    p.state.save({ heights: { ...(state.heights ?? {}), [TAB.start]: height }, problemRows: problems.length });
    const notes = p.workbook.arrange(store, TAB.start, focus);
    return [...(made.length ? [`tạo trang: ${made.join(", ")}`] : []), ...notes];
  } finally {
    p.lock.release();
  }
}

/** the template a federation copies: only the start tab, every step to do; no form, trigger or file is made */
export function prepareTemplate(p: Ports): string {
  const notes = writeStart(p, null, true);
  return [
    `Bảng tính mẫu đã sẵn sàng: trang “${TAB.start}” liệt kê các bước. Chia sẻ đường dẫn “…/copy” của bảng tính này cho các Liên đoàn (Tệp → Tạo bản sao).`,
    ...notes,
  ].join("\n");
}

const shown = (problems: Problem[], tz: string) => problems.map((x) => ({ since: viDateTime(x.since, tz), text: x.text, todo: x.todo }));

/**
 * Only the block of problems on the start tab, written when the list changes (a few calls): the steps above it stay
 * as setup or the self-check last wrote them. The caller holds the lock or runs where no other run writes the tab.
 */
export function writeProblems(p: Ports, store: Store, state: State, problems: Problem[]): void {
  if (!store.hasTab(TAB.start)) return;
  const rows = problemRows(shown(problems, state.settings?.timeZone ?? "Asia/Ho_Chi_Minh"));
  const height = rows.length;
  while (rows.length < (state.problemRows ?? 0)) rows.push(["", "", "", ""]);
  if (!rows.length) return;
  store.writeRows(TAB.start, START_PROBLEMS_ROW, rows);
  p.state.save({ problemRows: height });
}
