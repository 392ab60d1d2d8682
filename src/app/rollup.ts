// The rollup run: a period's report as a Google Doc made from the template, its tab, and the leaders' mail that links
// the document and attaches its PDF. The mail stays inside the federation; the document goes out once signed.
import { addMonths } from "../domain/dates";
import { type FormId, SPECS } from "../domain/forms";
import { colLetter, rollupTabName, TAB, THEMES_HEADER } from "../domain/layout";
import { REGISTRATION } from "../domain/periods";
import { confirmedAt, counted, cutoffOf, type Snapshot, snapshot, snapshots } from "../domain/report/figures";
import { monthlyReport } from "../domain/report/monthly";
import { registrationReport } from "../domain/report/registration";
import type { Entry, Report } from "../domain/report/report";
import { TEMPLATE } from "../domain/report/template";
import { DEFAULT_THEMES, parseThemeRows, type Theme } from "../domain/report/themes";
import { type DocLink, rollupMailHtml, rollupRows, rollupText } from "../domain/rollup";
import { rulesOf } from "../domain/rules";
import { checkSettings, type Settings } from "../domain/settings";
import type { Version } from "../domain/status";
import { safeCell, viPercent } from "../domain/text";
import type { Unit } from "../domain/units";
import { fail, ok, openRun } from "./context";
import { flush } from "./ledger";
import { baseValues, compose } from "./mails";
import { PAUSED_NOTE, shareOf } from "./owner";
import type { MailRecord, OutgoingMail, Ports, ReportsRef, State, Store } from "./ports";
import { rowOfMonth } from "./records";
import { answersOfRow, parseVersionRows } from "./rows";
import { periodLabel } from "./status-store";
import { rollupLook } from "./tabs";
import { urgentOfRows } from "./urgent";

/** the rollups the daily job found due (or the one staff asked for); returns what happened, in Vietnamese */
export function runRollups(p: Ports, only?: { period: string }): string[] {
  const res = openRun(p, "Tổng hợp", (run) => {
    const { state, journal, store } = run;
    const s = state.settings;
    if (!s || checkSettings(s).length) return fail("Chưa có cài đặt hợp lệ: chạy Thiết lập.");
    const sent = new Set(journal.map((e) => (e.data as MailRecord).key));
    if (state.paused) return fail(PAUSED_NOTE);
    const keys = only ? [`rollup|${only.period}||${p.clock.now()}`] : state.pendingRollups.filter((k) => !sent.has(k));
    const { units } = store.readUnits();
    const heights = { ...state.heights };
    const out: string[] = [];
    const keep: string[] = [];
    let left = keys.length ? p.mailer.remaining() : 0;
    for (const key of keys) {
      const period = key.split("|")[1];
      const r = rollupOne(p, store, state, s, units, key, period, heights, !only);
      if ("fail" in r) {
        out.push(r.fail);
        if (r.retry) keep.push(key);
        continue;
      }
      out.push(...r.notes);
      try {
        if (left < s.rollupTo.length) throw new Error("hết hạn mức gửi thư hôm nay");
        p.mailer.send(r.mail, s);
      } catch (e) {
        // kept for the next run, and said
        keep.push(key);
        out.push(`Chưa gửi được tổng hợp kỳ ${periodLabel(period)} (${(e as Error).message}): gửi lại ở lần chạy sau.`);
        continue;
      }
      left -= s.rollupTo.length;
      p.state.record("mail", {
        key,
        kind: "rollup",
        unit: "",
        period,
        to: s.rollupTo,
        cc: [],
        subject: r.mail.subject,
        result: "Đã gửi",
        sent: true,
      });
      out.push(`Đã gửi tổng hợp kỳ ${periodLabel(period)} tới ${s.rollupTo.join(", ")} (văn bản ${r.doc.name}).`);
    }
    if (keys.length) p.state.record("run", { job: "Tổng hợp", result: "xong", detail: out.join("\n") });
    p.state.save({ heights, pendingRollups: only ? state.pendingRollups : keep });
    p.triggers.clearFollowUps();
    // the mail and the run journalled above go to the logs in this same run (no second opening of the Sheet)
    flush(run, s.timeZone);
    return ok(out);
  });
  return res.ok ? res.value : [res.message];
}

/** the themes tab, read when staff edit it (and by setup): what the report groups concerns by */
export function takeThemes(p: Ports, store: Store): void {
  const r = parseThemeRows(store.readTable(TAB.themes, THEMES_HEADER));
  p.state.save({ themes: r.themes });
  if (r.problems.length) p.ui.toast(store, r.problems.join(" "));
}

/** the themes as last read; the defaults until setup has made the tab (an update not yet set up) */
function themesOf(state: State): { themes: Theme[]; problems: string[] } {
  return state.themes
    ? { themes: state.themes, problems: [] }
    : { themes: DEFAULT_THEMES, problems: [`Chưa có trang “${TAB.themes}”: dùng chủ đề mặc định; chạy lại Thiết lập để tạo trang.`] };
}

/** the period's report from what the tabs hold: at the cut-off for the scheduled rollup, now when staff ask */
function buildReport(p: Ports, store: Store, state: State, s: Settings, units: Unit[], period: string, scheduled: boolean) {
  const form: FormId = period === REGISTRATION ? "registration" : "monthly";
  const spec = SPECS[form];
  const now = p.clock.now();
  // a period's reports cannot arrive before its month begins: the previous month's mark is where both months' start
  const marks = state.marks?.monthly;
  const from = form === "monthly" && marks ? rowOfMonth(marks, addMonths(period, -1)) : 2;
  // answers are read by the header's names, never by position
  const header = store.readBlock(spec.tab, "1:1")[0] ?? [];
  const rows = store.readBlock(spec.tab, `A${from}:${colLetter(Math.max(1, header.length))}`);
  const versions = parseVersionRows(rows, from);
  // a confirmation counts from when staff gave it (column G says when)
  const confirmed = (v: Version) => confirmedAt(rows[v.row - from]?.[6], s.timeZone);
  const asOf = scheduled ? Math.min(now, cutoffOf(period, s)) : now;
  // who is expected as the statuses say it: a unit is not expected for a period due before it came on the roster
  const rules = rulesOf(s, state.frozen);
  const entries = (snap: Snapshot | null): Entry[] =>
    snap ? counted(snap).map((c) => ({ unit: c.unit, answers: answersOfRow(spec, header, rows[c.row - from] ?? []) })) : [];
  if (form === "registration") {
    const snap = snapshot(units, versions, period, s, asOf, confirmed, rules);
    const latest = new Map<string, Version>();
    for (const v of versions) if (v.at <= asOf) latest.set(v.unit, v);
    return {
      report: registrationReport({
        spec,
        settings: s,
        units,
        snap,
        entries: entries(snap),
        reasonOf: (unit) => latest.get(unit)?.notes ?? "",
        madeAt: now,
      }),
      problems: [],
    };
  }
  const snaps = snapshots(units, versions, period, s, asOf, now, confirmed, rules);
  const themes = themesOf(state);
  return {
    report: monthlyReport({
      spec,
      settings: s,
      units,
      period,
      snaps,
      entries: entries(snaps.current),
      previousEntries: entries(snaps.previousSame),
      themes: themes.themes,
      madeAt: now,
      urgent: urgentOfRows(header, rows, from, versions, units, s, period, asOf),
    }),
    problems: themes.problems,
  };
}

/** the document of a rollup: made once per rollup key, so a retried mail reuses it and staff's edits are never lost */
function documentFor(p: Ports, state: State, s: Settings, key: string, report: Report): { doc: DocLink; notes: string[] } {
  // the folder and the template checked each time (a deleted template is made again, staff told; the folder follows
  // who the staff and the leaders are)
  const folder = p.documents.ensure(state.reports, s.reportFolder, TEMPLATE, shareOf(s, state.triggerOwner ?? p.effectiveUser()));
  let ref: ReportsRef = folder.ref;
  const notes: string[] = [...folder.changes];
  if (JSON.stringify(ref) !== JSON.stringify(state.reports)) {
    p.state.save({ reports: ref });
    state.reports = ref;
  }
  const have = ref.docs[key];
  if (have) return { doc: have, notes };
  const same = Object.values(ref.docs).filter((d) => d.name === report.name || d.name.startsWith(`${report.name} (`)).length;
  const name = same ? `${report.name} (bản ${same + 1})` : report.name;
  const made = p.documents.write(ref, name, report);
  ref = { ...ref, docs: { ...ref.docs, [key]: { id: made.id, url: made.url, name } } };
  // recorded at once: a run that dies after this line does not make the document twice
  p.state.save({ reports: ref });
  state.reports = ref;
  return { doc: { name, url: made.url }, notes: [...notes, ...made.notes] };
}

type Outcome = { mail: OutgoingMail; doc: DocLink; notes: string[] } | { fail: string; retry: boolean };

/** one period's rollup: its tab, its document, the mail to send */
function rollupOne(
  p: Ports,
  store: Store,
  state: State,
  s: Settings,
  units: Unit[],
  key: string,
  period: string,
  heights: Record<string, number>,
  scheduled: boolean,
): Outcome {
  if (period !== REGISTRATION && period < s.firstPeriod) return { fail: `Kỳ ${period} trước kỳ báo cáo đầu tiên.`, retry: false };
  const { report, problems } = buildReport(p, store, state, s, units, period, scheduled);
  const tab = rollupTabName(period);
  const block: unknown[][] = rollupRows(report, s).map((r) => r.map(safeCell));
  while (block.length < (heights[tab] ?? 0)) block.push(["", ""]);
  // as narrow as its two columns: a city's rollup tab is 30,000 rows, and every grid cell counts against 10 million
  heights[`${tab}#cap`] = store.writeTab(tab, block, heights[`${tab}#cap`] ?? 0, true);
  heights[tab] = block.length;
  // readable as staff open it: widths, wrapping, headings in bold (a few calls, once per rollup)
  p.workbook.shape(store, tab, rollupLook(block));
  const values = {
    ...baseValues(s, period, undefined),
    ty_le_bao_cao: viPercent(report.figures.reportingRate),
    ty_le_dung_han: viPercent(report.figures.onTimeRate),
  };
  const c = compose("rollup", state.templates, values, s.rollupTo);
  if ("errors" in c) return { fail: c.errors.join("; "), retry: false };
  let made: { doc: DocLink; notes: string[] };
  try {
    made = documentFor(p, state, s, key, report);
  } catch (e) {
    return {
      fail: `Chưa tạo được văn bản báo cáo kỳ ${periodLabel(period)} (${(e as Error).message}): thử lại ở lần chạy sau.`,
      retry: true,
    };
  }
  const notes = [...problems, ...made.notes];
  const id = state.reports?.docs[key]?.id ?? "";
  return {
    mail: {
      ...c.mail,
      html: rollupMailHtml(report, s, c.mail.html, made.doc, notes),
      text: `${c.mail.text}\n\n${rollupText(report, s, made.doc)}`,
      attachment: { documentId: id },
    },
    doc: made.doc,
    notes,
  };
}
