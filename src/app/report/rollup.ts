// The rollup run: a period's report as a Google Doc made from the template, its tab, and the leaders' mail that links
// the document and attaches its PDF. The mail stays inside the federation; the document goes out once signed.
import { addMonths } from "../../domain/dates";
import { type FormId, SPECS } from "../../domain/forms";
import { colLetter, rollupTabName, TAB, THEMES_HEADER } from "../../domain/layout";
import { deadlineOf, REGISTRATION } from "../../domain/periods";
import { type DocChange, lostFile, say, sayChange, type TemplateProblem } from "../../domain/problems";
import { confirmedAt, counted, cutoffOf, type Snapshot, snapshot, snapshots } from "../../domain/report/figures";
import { monthlyReport } from "../../domain/report/monthly";
import { registrationReport } from "../../domain/report/registration";
import type { Entry, Report } from "../../domain/report/report";
import { FIELD, mark, TEMPLATE } from "../../domain/report/template";
import { DEFAULT_THEMES, parseThemeRows, type Theme } from "../../domain/report/themes";
import { fail, ok, type Result } from "../../domain/result";
import { type DocLink, rollupMailHtml, rollupRows, rollupText } from "../../domain/rollup";
import { answersOfRow, parseVersionRows } from "../../domain/rows";
import { rulesOf } from "../../domain/rules";
import { checkSettings, type Settings } from "../../domain/settings";
import type { Version } from "../../domain/status";
import { rollupLook } from "../../domain/tabs";
import { fitCell, safeCell, viPercent } from "../../domain/text";
import { monthRows, type Trend, trendOf, withMonth } from "../../domain/trends";
import type { Unit } from "../../domain/units";
import type { MailRecord, OutgoingMail, Ports, ReportsRef, State, Store } from "../../ports";
import { rowOfMonth } from "../daily/records";
import { periodLabel } from "../daily/status-store";
import { urgentOfRows } from "../daily/urgent";
import { flush, sentKeys } from "../mail/ledger";
import { baseValues, compose } from "../mail/mails";
import { outboxOf } from "../mail/outbox";
import { messageOf, openRun, type Run } from "../run/context";
import { addProblem, beginJob, endJob, resolveProblem } from "../run/jobs";
import { shareOf } from "../run/owner";
import { keepMonth, showTrend } from "./trends";

const ROLLUP_JOB = "Tổng hợp";

/** what happened, in Vietnamese, and whether every rollup asked for went with its document; or why none could */
type RollupResult = Result<{ lines: string[]; all: boolean }>;

/**
 * The rollups the daily job found due, or the one staff asked for (`only`, under its own key so that a retry reuses
 * its document and never sends it twice). A rollup whose document cannot be made still goes to the leaders with its
 * figures, saying so, and staff are told; one that cannot go stays due and is said.
 */
export function runRollups(p: Ports, only?: { period: string; key: string }): RollupResult {
  let good = true;
  const res = openRun(p, ROLLUP_JOB, (run) => {
    const { state, store } = run;
    const s = state.settings;
    if (!s || checkSettings(s).length) return fail({ code: "no-settings" });
    if (state.paused) return fail({ code: "paused" });
    // the mark first: a run cut from here on is finished by the follow-up run it schedules
    if (!only && state.pendingRollups.length) beginJob(p, "rollup", { safety: "runRollup" });
    const wanted = only ? [only.key] : state.pendingRollups;
    // sent already (the ledger, the journal, a record left pending by a run cut as it sent): never twice
    const sent = wanted.length ? sentKeys(run, s.catchUpDays + 2, s.timeZone).keys : new Set<string>();
    for (const e of run.journal) if (e.type === "mail" && (e.data as MailRecord).sent) sent.add((e.data as MailRecord).key);
    const keys = wanted.filter((k) => !sent.has(k));
    if (!keys.length) {
      if (!only) endJob(p, "rollup", { pendingRollups: [] });
      return ok([]);
    }
    const { units } = store.readUnits();
    const heights = { ...state.heights };
    const out: string[] = [];
    const keep: string[] = [];
    let left = p.mailer.remaining();
    const box = outboxOf(p, s, run.now);
    for (const key of keys) {
      const period = key.split("|")[1];
      const one = rollupOne(run, s, units, { key, period, scheduled: !only }, heights);
      if (!one.ok) {
        out.push(one.problem);
        good = false;
        continue;
      }
      const r = one.value;
      out.push(...r.log, ...r.notes);
      if (!r.doc) good = false;
      const rec: MailRecord = {
        key,
        kind: "rollup",
        unit: "",
        period,
        to: s.rollupTo,
        cc: [],
        subject: r.mail.subject,
        result: "Đã gửi",
        sent: true,
      };
      const why = left < s.rollupTo.length ? "hết hạn mức gửi thư hôm nay" : "";
      const sentNow = why ? fail(why) : box.send(r.mail, rec);
      if (!sentNow.ok) {
        // kept for the next run, and said
        keep.push(key);
        good = false;
        out.push(`Chưa gửi được tổng hợp kỳ ${periodLabel(period)} (${sentNow.problem}): gửi lại ở lần chạy sau.`);
        continue;
      }
      left -= s.rollupTo.length;
      out.push(
        `Đã gửi tổng hợp kỳ ${periodLabel(period)} tới ${s.rollupTo.join(", ")}${r.doc ? ` (văn bản ${r.doc.name})` : " (chưa có văn bản Google Docs: xem ghi chú)"}.`,
      );
    }
    box.close();
    p.state.record("run", { job: ROLLUP_JOB, result: good ? "xong" : "có lỗi", detail: out.join("\n") || "Không có tổng hợp nào." });
    const patch = { heights, pendingRollups: only ? state.pendingRollups : keep };
    if (only) p.state.save(patch);
    else endJob(p, "rollup", patch);
    // the mail and the run journalled above go to the logs in this same run (no second opening of the Sheet)
    flush(run, s.timeZone);
    return ok(out);
  });
  return res.ok ? ok({ lines: res.value, all: good }) : res;
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

/**
 * A rollup asked for: its key (the ledger's and its document's), its period, and whether it is the one the daily job
 * scheduled (the figures at the period's cut-off) or one staff asked for (the figures now).
 */
interface Asked {
  key: string;
  period: string;
  scheduled: boolean;
}

/** the period's report from what the tabs hold: at the cut-off for the scheduled rollup, now when staff ask */
function buildReport(run: Run, s: Settings, units: Unit[], asked: Asked) {
  const { p, store, state } = run;
  const { period, scheduled } = asked;
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
    const snap = snapshot({ units, versions, s, confirmed, rules }, period, asOf);
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
  const snaps = snapshots({ units, versions, s, confirmed, rules }, period, asOf, now);
  const themes = themesOf(state);
  const current = entries(snaps.current);
  const kept = keepTrend(run, units, asked, monthRows(period, spec, units, themes.themes, current));
  // registration's final state, in every report once its deadline has passed
  const regDue = deadlineOf(REGISTRATION, s).due;
  const regRows = state.byGroup?.[REGISTRATION];
  return {
    report: monthlyReport({
      spec,
      settings: s,
      units,
      period,
      snaps,
      trend: kept.trend,
      ...(regRows?.length && `${period}-31` > regDue ? { registration: { due: regDue, rows: regRows } } : {}),
      entries: current,
      previousEntries: entries(snaps.previousSame),
      themes: themes.themes,
      madeAt: now,
      urgent: urgentOfRows({ header, rows, from }, versions, units, s, { period, asOf }),
    }),
    problems: [...themes.problems, ...kept.problems],
  };
}

/** months a report's trend covers; the dashboard shows a year */
const REPORT_MONTHS = 6;
const DASHBOARD_MONTHS = 12;

/**
 * The month's figures kept (once: the scheduled rollup replaces them, one staff ask for later keeps them), the trend
 * for the report read from what is kept with this month's own figures, and the dashboard's trend redrawn when this is
 * the newest month kept. A failure here is said, and the report goes without its trend.
 */
function keepTrend(run: Run, units: Unit[], asked: Asked, fresh: ReturnType<typeof monthRows>): { trend?: Trend; problems: string[] } {
  const { p, store, state } = run;
  const { period, scheduled } = asked;
  try {
    const kept = keepMonth(p, store, period, fresh, scheduled);
    const trend = trendOf(withMonth(kept, period, fresh), period, REPORT_MONTHS);
    const newest =
      kept
        .map((r) => r[0])
        .sort()
        .pop() ?? "";
    if (period >= newest) {
      const groups = new Set(units.map((u) => u.group)).size;
      showTrend(p, store, state, trendOf(kept, period, DASHBOARD_MONTHS), groups);
    }
    return { trend, problems: [] };
  } catch (e) {
    return { problems: [`Chưa tính được diễn biến so với các tháng trước (${messageOf(e)}).`] };
  }
}

/**
 * The document of a rollup: made once per rollup key, so a retried mail reuses it and staff's edits are never lost. Its
 * id is recorded the moment the copy exists, marked as being filled: a run cut while filling it leaves that mark, and
 * the next run puts the half-filled copy in the trash and makes it again (one document per rollup, never a pile).
 * The template is checked first: a field broken or missing is said before the report is made.
 */
function documentFor(
  p: Ports,
  state: State,
  s: Settings,
  key: string,
  report: Report,
): { doc: DocLink; notes: TemplateProblem[]; changes: DocChange[]; fields: string[]; fresh: boolean } {
  // the folder and the template checked each time (a deleted template is made again, staff told; the folder follows
  // who the staff and the leaders are)
  const folder = p.documents.ensure(state.reports, s.reportFolder, TEMPLATE, shareOf(s, state.triggerOwner ?? p.effectiveUser()), (ref) =>
    p.state.save({ reports: ref }),
  );
  let ref: ReportsRef = folder.ref;
  if (JSON.stringify(ref) !== JSON.stringify(state.reports)) {
    p.state.save({ reports: ref });
    state.reports = ref;
  }
  const have = ref.docs[key];
  if (have && !have.filling) return { doc: have, notes: [], changes: folder.changes, fields: [], fresh: false };
  if (have?.filling) p.documents.trash(have.id);
  const fields = templateProblems(p.documents.fields(ref.templateId));
  const same = Object.entries(ref.docs).filter(
    ([k, d]) => k !== key && (d.name === report.name || d.name.startsWith(`${report.name} (`)),
  ).length;
  const name = same ? `${report.name} (bản ${same + 1})` : report.name;
  const id = p.documents.newId();
  const url = `https://docs.google.com/document/d/${id}/edit`;
  const save = (filling: boolean) => {
    ref = { ...ref, docs: { ...ref.docs, [key]: { id, url, name, ...(filling ? { filling } : {}) } } };
    p.state.save({ reports: ref });
    state.reports = ref;
  };
  // recorded before the copy is made: a run that dies after it trashes that copy and makes the document again, once
  save(true);
  const made = p.documents.copy(ref, name, id);
  const notes = p.documents.fill(made.id, ref, report);
  save(false);
  return { doc: { name, url: made.url }, notes, changes: folder.changes, fields, fresh: true };
}

/** what staff must put right in the template: a field written wrong, or one the report needs and cannot find */
function templateProblems(f: { found: string[]; broken: string[] }): string[] {
  const out: string[] = [];
  for (const b of f.broken) out.push(`chỗ trống viết sai “${b}” (đúng là ${mark(fieldOf(b))})`);
  for (const k of [FIELD.content, FIELD.subject, FIELD.issuer, FIELD.signer])
    if (!f.found.includes(k) && !f.broken.some((b) => fieldOf(b) === k)) out.push(`thiếu chỗ trống ${mark(k)}`);
  return out;
}

const fieldOf = (broken: string) => broken.replace(/[{}\s]/g, "");

/** a period's rollup made: the mail, its document (null when it could not be made), notes for the leaders, the log's lines */
type Made = { mail: OutgoingMail; doc: DocLink | null; notes: string[]; log: string[] };

/**
 * One period's rollup: its tab, its document (or why not), the mail to send; or why it cannot go, in Vietnamese.
 * `heights`: how many rows each rollup tab was last written with, updated as this one is written.
 */
function rollupOne(run: Run, s: Settings, units: Unit[], asked: Asked, heights: Record<string, number>): Result<Made, string> {
  const { p, store, state } = run;
  const { key, period } = asked;
  if (period !== REGISTRATION && period < s.firstPeriod) return fail(`Kỳ ${period} trước kỳ báo cáo đầu tiên.`);
  const { report, problems } = buildReport(run, s, units, asked);
  const tab = rollupTabName(period);
  const rows = rollupRows(report, s);
  // a list of units at city scale can pass a cell's 50,000 characters: cut with a visible note, never refused
  const block: unknown[][] = rows.rows.map((r) => r.map((v) => safeCell(typeof v === "string" ? fitCell(v).text : v)));
  const width = block[0].length;
  while (block.length < (heights[tab] ?? 0)) block.push(Array.from({ length: width }, () => ""));
  // as narrow as its widest table: a city's rollup tab is 30,000 rows, and every grid cell counts against 10 million
  heights[`${tab}#cap`] = store.writeTab(tab, block, heights[`${tab}#cap`] ?? 0, true);
  heights[tab] = block.length;
  // readable as staff open it: widths, wrapping, headings and tables' headers in bold, numbers in their formats (a few
  // calls, once per rollup)
  p.workbook.shape(store, tab, rollupLook(block, rows));
  const values = {
    ...baseValues(s, period, undefined),
    ty_le_bao_cao: viPercent(report.figures.reportingRate),
    ty_le_dung_han: viPercent(report.figures.onTimeRate),
  };
  const c = compose("rollup", state.templates, values, { to: s.rollupTo });
  if ("errors" in c) return fail(c.errors.join("; "));
  let made: ReturnType<typeof documentFor> | null = null;
  let missing = "";
  try {
    made = documentFor(p, state, s, key, report);
  } catch (e) {
    missing = messageOf(e);
  }
  const notes = [...problems, ...(made?.notes ?? []).map(say)];
  tellStaff(p, s, periodLabel(period), made, missing);
  if (missing)
    notes.push(
      `Chưa tạo được văn bản Google Docs của kỳ ${periodLabel(period)}: cán bộ đã được báo để xử lý; số liệu dưới đây vẫn đầy đủ.`,
    );
  const id = made ? (state.reports?.docs[key]?.id ?? "") : "";
  return ok({
    mail: {
      ...c.mail,
      html: rollupMailHtml(report, s, c.mail.html, made?.doc ?? null, notes),
      text: rollupText(report, s, c.mail.text, made?.doc ?? null, notes),
      ...(id ? { attachment: { documentId: id } } : {}),
    },
    doc: made?.doc ?? null,
    notes,
    log: (made?.changes ?? []).map(sayChange),
  });
}

/**
 * What staff must know of the report's document, each a line on the start tab and an alert once a day: a template
 * made again from the default (staff finish it again), fields written wrong or missing in it, a document that could not
 * be made (the leaders got the figures without it). Each line goes once a rollup shows it put right.
 */
function tellStaff(p: Ports, s: Settings, label: string, made: ReturnType<typeof documentFor> | null, missing: string): void {
  const now = p.clock.now();
  const where = `thư mục “${s.reportFolder}” trên Google Drive (tài khoản vận hành)`;
  const remade = (made?.changes ?? []).filter(lostFile).map(sayChange);
  if (remade.length)
    addProblem(
      p,
      {
        key: "template-made",
        since: now,
        text: `Mẫu báo cáo hoặc thư mục báo cáo đã mất và được tạo lại từ mẫu mặc định: ${remade.join("; ")}.`,
        todo: `Mở “${TEMPLATE.name}” trong ${where}, định dạng lại theo ý đơn vị và thêm số trang (Hướng dẫn mục 9).`,
      },
      "alert|template-made",
    );
  else if (made && !made.notes.some((n) => n.code === "template-unnumbered")) resolveProblem(p, "template-made");
  if (made?.fields.length)
    addProblem(
      p,
      {
        key: "template",
        since: now,
        text: `Mẫu báo cáo “${TEMPLATE.name}” cần sửa: ${made.fields.join("; ")}. Văn bản kỳ ${label} đã lập theo mẫu như hiện có.`,
        todo: `Mở mẫu trong ${where}, sửa các chỗ trống theo Hướng dẫn mục 9, rồi kiểm tra văn bản ${made.doc.name} trước khi trình ký.`,
      },
      "alert|template",
    );
  else if (made?.fresh) resolveProblem(p, "template");
  if (missing)
    addProblem(
      p,
      {
        key: "rollup-doc",
        since: now,
        text: `Chưa tạo được văn bản báo cáo kỳ ${label} (${missing.slice(0, 200)}). Thư tổng hợp vẫn gửi lãnh đạo với đủ số liệu, không có văn bản đính kèm.`,
        todo: `Kiểm tra ${where} và “${TEMPLATE.name}”. Sau khi sửa, chọn Báo cáo CĐCS → Gửi tổng hợp… để gửi lại kèm văn bản.`,
      },
      "alert|rollup-doc",
    );
  else if (made) resolveProblem(p, "rollup-doc");
}
