// The daily job: reconcile, rebuild statuses, send what is due today, record every mail as it goes.
import { localMonth, viDateTime } from "../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../domain/forms";
import { MAIL_LOG_HEADER, PREVIEW_HEADER, TAB } from "../domain/layout";
import { monthlyPeriods, REGISTRATION } from "../domain/periods";
import { type DueMail, plan } from "../domain/schedule";
import { parseSettings, type Settings } from "../domain/settings";
import { computeStatuses, type Statuses, type Version } from "../domain/status";
import { safeCell } from "../domain/text";
import { isActive, type Unit, unitChoice } from "../domain/units";
import { judge, versionKey } from "./intake";
import { baseValues, type Composed, compose, monthChoice, receiptValues, unitLink } from "./mails";
import { BUSY, type MailRecord, type Ports, type RunRecord, type State, type Store } from "./ports";
import { writeStatuses } from "./refresh";
import { versionRow } from "./rows";

export interface DailyResult {
  sent: number;
  deferred: number;
  problems: string[];
  preview: unknown[][];
}

/** the months whose reports can be expected by now */
export function periodsUpTo(s: Settings, asOf: number): string[] {
  return monthlyPeriods(s, localMonth(asOf, s.timeZone));
}

export function choicesFor(units: Unit[], s: Settings, asOf: number) {
  const month = localMonth(asOf, s.timeZone);
  const months = periodsUpTo(s, asOf).slice(-6).reverse().map(monthChoice);
  return {
    unit: units.filter((u) => isActive(u, month) || u.activeFrom > month).map(unitChoice),
    month: months.length ? months : [monthChoice(s.firstPeriod)],
  };
}

export function computeAll(units: Unit[], versions: Record<FormId, Version[]>, s: Settings, asOf: number): Statuses {
  return computeStatuses(units, versions, periodsUpTo(s, asOf), s, asOf);
}

/** the settings as the jobs read them: the tab, validated; a bad cell stops the job, named */
export function readSettings(store: Store): { settings: Settings } | { errors: string[] } {
  const r = parseSettings(store.readSettingsRows(), TAB.settings);
  return r.ok ? { settings: r.settings } : { errors: r.errors };
}

export function mailLogRow(at: number, r: MailRecord): unknown[] {
  const period = r.period === REGISTRATION ? "Đăng ký" : r.period;
  const result = r.sent ? r.result : `${r.result} (${r.key})`;
  return [r.sent ? r.key : "", new Date(at), r.kind, r.unit, period, r.to.join(", "), r.cc.join(", "), r.subject, result].map(safeCell);
}

export function runLogRow(at: number, r: RunRecord): unknown[] {
  return [new Date(at), r.job, r.result, r.detail.slice(0, 45000)].map(safeCell);
}

/** reconcile: responses the forms hold that the tabs do not (a submit event that never came) */
function reconcile(
  p: Ports,
  store: Store,
  state: State,
  s: Settings,
  units: Unit[],
  versions: Record<FormId, Version[]>,
  lastRows: Record<FormId, number>,
  dry: boolean,
): string[] {
  const notes: string[] = [];
  for (const form of FORM_IDS) {
    const ref = state.forms[form];
    if (!ref) continue;
    const known = new Set(versions[form].map((v) => v.key));
    const missing = p.forms
      .responsesSince(ref, Math.max(0, state.lastReconcile - 2 * 86400000))
      .filter((r) => !known.has(versionKey(r.responseId, r.at)));
    if (!missing.length) continue;
    const rows = missing.map((r, i) => {
      const v = judge(form, r, "form", units, s).version;
      versions[form].push({ ...v, at: r.at, confirmed: false, row: lastRows[form] + 1 + i, notes: v.notes.join("\n") });
      return versionRow(SPECS[form], v);
    });
    if (!dry) store.writeRows(SPECS[form].tab, lastRows[form] + 1, rows);
    lastRows[form] += rows.length;
    notes.push(`Đối soát: ghi bổ sung ${rows.length} phản hồi vào trang “${SPECS[form].tab}” (sự kiện gửi biểu mẫu bị lỡ).`);
  }
  return notes;
}

function composeDue(d: DueMail, p: Ports, state: State, s: Settings, units: Map<string, Unit>): Composed {
  const unit = d.unit ? units.get(d.unit) : undefined;
  const v = d.version;
  if (v) {
    const errors = (v.notes ?? "").split("\n").filter(Boolean);
    return compose(
      d.kind === "invalid" ? "invalid" : "receipt",
      state.templates,
      receiptValues(s, v.period || REGISTRATION, unit, v.at, v.channel, v.verdict, errors, ""),
      [v.email],
    );
  }
  if (!unit?.emails.length) return { errors: [`đơn vị ${d.unit} chưa có email trong trang “${TAB.units}”`] };
  const values = baseValues(s, d.period, unit);
  values.lien_ket = unitLink(state.forms, d.period, unit, p.forms.prefilledLink);
  values.so_ngay_tre = String(d.daysLate ?? 0);
  const overdue = d.kind === "overdue";
  return compose(overdue ? "overdue" : "reminder", state.templates, values, unit.emails, overdue ? s.overdueCc : []);
}

/** `dryRun`: write what would be sent to the preview tab; send and store nothing. `remindNow`: see plan() */
export function runDaily(p: Ports, opts: { dryRun?: boolean; job?: string; remindNow?: boolean } = {}): DailyResult {
  const result: DailyResult = { sent: 0, deferred: 0, problems: [], preview: [] };
  if (!p.lock.acquire(60000)) {
    if (!opts.dryRun) p.state.record("run", { job: opts.job ?? "Chạy hằng ngày", result: "bỏ qua", detail: BUSY });
    result.problems.push(BUSY);
    return result;
  }
  try {
    runLocked(p, !!opts.dryRun, opts.job ?? "Chạy hằng ngày", result, !!opts.remindNow);
    return result;
  } finally {
    p.lock.release();
  }
}

function runLocked(p: Ports, dry: boolean, job: string, result: DailyResult, remindNow: boolean): void {
  const now = p.clock.now();
  const { state, journal } = p.state.load();
  if (!state.spreadsheetId) {
    result.problems.push("Chưa chạy Thiết lập.");
    return;
  }
  const store = p.open(state.spreadsheetId);
  const read = readSettings(store);
  if ("errors" in read) {
    // never run on a guessed setting: stop, say which cells
    result.problems.push(...read.errors);
    if (!dry) store.appendLog(TAB.runLog, [runLogRow(now, { job, result: "dừng: cài đặt sai", detail: read.errors.join("\n") })]);
    return;
  }
  const s = read.settings;
  const { units, problems: notes } = store.readUnits();
  const reg = store.readVersions("registration");
  const mon = store.readVersions("monthly");
  const versions: Record<FormId, Version[]> = { registration: reg.versions, monthly: mon.versions };
  const lastRows: Record<FormId, number> = { registration: Math.max(1, reg.lastRow), monthly: Math.max(1, mon.lastRow) };
  notes.push(...reconcile(p, store, state, s, units, versions, lastRows, dry));
  const statuses = dry ? computeAll(units, versions, s, now) : writeStatuses(p, store, state, s, units, versions);
  const patch: Partial<State> = { settings: s, lastReconcile: now };
  if (!dry) {
    const choices = choicesFor(units, s, now);
    patch.choicesHash = { ...state.choicesHash };
    for (const form of FORM_IDS) {
      const ref = state.forms[form];
      if (ref) patch.choicesHash[form] = p.forms.syncChoices(form, ref, choices, state.choicesHash[form]);
    }
    const month = localMonth(now, s.timeZone);
    if (state.checkpoints[month] === undefined) patch.checkpoints = { ...state.checkpoints, [month]: lastRows.monthly + 1 };
  }
  // the send log: the tab, plus what the journal recorded since its last flush
  const log = store.readTable(TAB.mailLog, MAIL_LOG_HEADER, 2);
  const sent = new Set(log.map((r) => String(r[0] ?? "")).filter(Boolean));
  const logged = new Set(sent);
  for (const e of journal) if (e.type === "mail" && (e.data as MailRecord).sent) sent.add((e.data as MailRecord).key);
  const unitMap = new Map(units.map((u) => [u.code, u]));
  const { due, expired } = plan(
    now,
    s,
    statuses,
    units.map((u) => u.code),
    [...versions.registration, ...versions.monthly],
    sent,
    remindNow,
  );
  for (const x of expired) notes.push(`Thư ${x.kind} kỳ ${x.period} cho ${x.unit} quá thời gian gửi bù (từ ${x.stage}): không gửi nữa.`);
  const rollups = due.filter((d) => d.kind === "rollup");
  let left = dry ? 1e9 : p.mailer.remaining();
  // quota is kept for the rollups: leaders' mail goes before reminders
  const reserve = rollups.length * s.rollupTo.length;
  const failed: unknown[][] = [];
  // Google stops a run at 6 minutes: past 2 (a third, for Google's slow days), the rest goes to a follow-up run
  const stopAt = now + 120000;
  let cut = false;
  let short = 0;
  for (const d of due) {
    if (d.kind === "rollup") {
      result.preview.push([d.kind, "", d.period, s.rollupTo.join(", "), "", "", "gửi bằng lần chạy tổng hợp ngay sau"]);
      continue;
    }
    const c = composeDue(d, p, state, s, unitMap);
    if ("errors" in c) {
      notes.push(`${d.kind} ${d.unit} ${d.period}: ${c.errors.join("; ")}`);
      continue;
    }
    const m = c.mail;
    const n = m.to.length + m.cc.length;
    result.preview.push([d.kind, d.unit, d.period, m.to.join(", "), m.cc.join(", "), m.subject, ""]);
    if (dry) continue;
    if ((cut ||= p.clock.now() > stopAt) || left - n < (d.version ? 0 : reserve)) {
      result.deferred++;
      short += cut ? 0 : 1;
      continue;
    }
    const rec: MailRecord = {
      key: d.key,
      kind: d.kind,
      unit: d.unit ?? "",
      period: d.period,
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      result: "Đã gửi",
      sent: true,
    };
    try {
      p.mailer.send(m, s);
    } catch (e) {
      failed.push(mailLogRow(p.clock.now(), { ...rec, sent: false, result: `Lỗi: ${String((e as Error).message).slice(0, 200)}` }));
      result.deferred++;
      continue;
    }
    left -= n;
    result.sent++;
    // durable at once: if the run dies on the next line, this mail is not sent again
    p.state.record("mail", rec);
  }
  // Google stops a spreadsheet at 10 million cells: warn well before, from what this run read anyway
  const cells = (reg.lastRow + mon.lastRow + log.length) * 20 + units.length * (statuses.figures.length + 13);
  if (cells > 8e6)
    notes.push(`Bảng tính có khoảng ${cells} ô, gần giới hạn 10 triệu ô của Google: chuyển dữ liệu năm cũ sang bảng tính lưu trữ.`);
  if (short) notes.push(`Hạn mức gửi thư không đủ: ${short} thư để lại cho lần chạy sau (ưu tiên: xác nhận, tổng hợp, báo trễ, nhắc nhở).`);
  result.problems.push(...notes);
  if (dry) {
    const rows = [
      [`Thư sẽ gửi nếu chạy lúc ${viDateTime(now, s.timeZone)} (xem trước, chưa gửi)`, "", "", "", "", "", ""],
      PREVIEW_HEADER,
      ...result.preview,
    ];
    while (rows.length < (state.heights.preview ?? 0)) rows.push(["", "", "", "", "", "", ""]);
    store.writeRows(TAB.preview, 1, rows);
    p.state.save({ heights: { ...state.heights, preview: rows.length } });
    return;
  }
  if (cut) notes.push("Gần hết 6 phút của một lần chạy: phần thư còn lại gửi ở lần chạy tiếp theo sau một phút.");
  patch.more = cut;
  if (rollups.length || cut) {
    patch.pendingRollups = rollups.map((d) => d.key);
    p.triggers.scheduleFollowUp();
  }
  // flush the journal: one write for the mail log, one for the run log; entries a cut-short flush wrote are skipped
  const fresh = p.state.load().journal;
  const mails = fresh.filter((e) => e.type === "mail" && !logged.has((e.data as MailRecord).key));
  const mailRows = [...mails.map((e) => mailLogRow(e.at, e.data as MailRecord)), ...failed];
  if (mailRows.length) store.writeRows(TAB.mailLog, 2 + log.length, mailRows);
  const runs = fresh.filter((e) => e.type === "run").map((e) => runLogRow(e.at, e.data as RunRecord));
  const last = statuses.figures[statuses.figures.length - 1];
  const summary = `Đã gửi ${result.sent} thư, để lại ${result.deferred}. Kỳ ${last.period}: ${last.received}/${last.expected} đơn vị đã nộp.`;
  runs.push(runLogRow(now, { job, result: notes.length ? "xong, có ghi chú" : "xong", detail: [summary, ...notes].join("\n") }));
  store.appendLog(TAB.runLog, runs);
  p.state.clear(fresh);
  p.state.save(patch);
}
