// Rows of the tabs <-> the domain's records.

import { viMonthShort } from "./dates";
import type { FormAnswers, FormId } from "./forms";
import { type Answers, type AnswersOf, type AnswerValue, cellOf, type FormSpec, typedAnswers, valueOfCell } from "./forms/spec";
import { CHANNEL_LABEL, codeOfLabel, columnTitle, DECIDED_LABEL, KEY_COLS, REJECTED_MARK, unitLabel, VERDICT_LABEL } from "./layout";
import { REGISTRATION } from "./periods";
import type { Verdict, Version } from "./status";
import { clean, safeCell } from "./text";
import { rosterProblems, type Unit, unitCodeOf } from "./units";
import { readMonth } from "./validate";

const REG_LABEL = "Đăng ký";
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/;

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

function toMs(v: unknown): number {
  if (isDate(v)) return v.getTime();
  if (typeof v === "number") return v;
  const t = Date.parse(String(v));
  return Number.isNaN(t) ? 0 : t;
}

export function periodCell(period: string): string {
  return period === REGISTRATION ? REG_LABEL : period ? viMonthShort(period) : "";
}

function periodOfCell(v: unknown): string {
  const s = String(v ?? "").trim();
  if (!s) return "";
  if (s === REG_LABEL) return REGISTRATION;
  return readMonth(v) ?? "";
}

const verdictOf: Record<string, Verdict> = {
  [VERDICT_LABEL.accepted]: "accepted",
  [VERDICT_LABEL.invalid]: "invalid",
  [VERDICT_LABEL.unverified]: "unverified",
  // a response that waited for staff keeps its verdict; column G says what they decided, and when
  [DECIDED_LABEL.confirmed]: "unverified",
  [DECIDED_LABEL.rejected]: "unverified",
};

const channelOf: Record<string, string> = Object.fromEntries(Object.entries(CHANNEL_LABEL).map(([k, v]) => [v, k]));

export function parseVersionRows(rows: unknown[][], firstRow: number, form?: FormId): Version[] {
  const out: Version[] = [];
  rows.forEach((r, i) => {
    const key = String(r[0] ?? "");
    if (!key) return;
    const mark = String(r[6] ?? "").trim();
    const rejected = mark.startsWith(REJECTED_MARK);
    out.push({
      key,
      responseId: String(r[1] ?? ""),
      at: toMs(r[2]),
      unit: codeOfLabel(r[3]),
      period: periodOfCell(r[4]),
      verdict: verdictOf[String(r[5] ?? "").trim()] ?? "invalid",
      confirmed: mark !== "" && !rejected,
      ...(rejected ? { rejected } : {}),
      channel: channelOf[String(r[7] ?? "")] ?? "form",
      email: String(r[8] ?? ""),
      row: firstRow + i,
      notes: String(r[9] ?? ""),
      editUrl: String(r[10] ?? ""),
      form,
    });
  });
  return out;
}

export interface NewVersion {
  key: string;
  responseId: string;
  at: Date;
  unit: string;
  /** the unit's name, written beside its code */
  unitName?: string;
  period: string;
  verdict: Verdict;
  confirmed: string;
  channel: string;
  email: string;
  notes: string[];
  editUrl: string;
  answers: FormAnswers;
}

/** one row of a report tab, answers in the tab's own column order (field keys); free text goes in as text, never as a formula */
export function versionRow(spec: FormSpec, v: NewVersion, columns: string[]): unknown[] {
  const lead = [
    v.key,
    v.responseId,
    v.at,
    unitLabel(v.unit, v.unitName),
    periodCell(v.period),
    VERDICT_LABEL[v.verdict],
    v.confirmed,
    CHANNEL_LABEL[v.channel] ?? v.channel,
    v.email,
    v.notes.join("\n").slice(0, 45000),
    v.editUrl,
  ];
  const byKey = new Map(spec.fields.map((f) => [f.key, f]));
  const answers: Answers = v.answers;
  const rest = columns.map((k) => {
    const f = byKey.get(k);
    return f ? cellOf(f, answers[f.key]) : "";
  });
  return [...lead, ...rest].map(safeCell);
}

/** the answers of a stored row, each read from the column whose header names its question (never by position) */
export function answersOfRow<S extends FormSpec>(spec: S, header: unknown[], row: unknown[]): AnswersOf<S> {
  const out: Record<string, AnswerValue> = {};
  for (const f of spec.fields) {
    const j = header.indexOf(columnTitle(f), KEY_COLS);
    if (j < 0) continue;
    const v = valueOfCell(f, row[j]);
    if (v !== undefined) out[f.key] = v;
  }
  return typedAnswers(spec, out);
}

/** the roster's chair and phone of each unit, from its code column and the columns from the chair's to the phone's
 * read side by side (`phoneAt`: the phone's place among them; a code seen twice keeps its first row, as parseUnitRows) */
export function contactRows(codes: unknown[][], people: unknown[][], phoneAt: number): Map<string, { chair: string; phone: string }> {
  const out = new Map<string, { chair: string; phone: string }>();
  codes.forEach((r, i) => {
    const code = unitCodeOf(r[0]);
    if (!code || out.has(code)) return;
    const cell = (j: number) => clean(String(people[i]?.[j] ?? ""));
    out.set(code, { chair: cell(0), phone: cell(phoneAt) });
  });
  return out;
}

/**
 * Roster rows -> units; a bad cell is reported by name, not guessed. `notes`: what cannot work in each row, for the
 * roster's own notes column (staff see it beside the row).
 */
export function parseUnitRows(rows: unknown[][], firstRow = 2): { units: Unit[]; problems: string[]; notes: Map<number, string[]> } {
  const units: Unit[] = [];
  const problems: string[] = [];
  const notes = new Map<number, string[]>();
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const row = i + firstRow;
    const [name, chair, mails, phone, group] = r.slice(1, 6).map((c) => clean(String(c ?? "")));
    // "001" keeps its zeros; an apostrophe typed to keep it text is Sheets' mark, not part of the code
    const code = unitCodeOf(r[0]);
    const note = (what: string) => notes.set(row, [...(notes.get(row) ?? []), what]);
    const cell = (col: string, what: string) => {
      problems.push(`Trang “Đơn vị” ô ${col}${row}: ${what}.`);
      note(what);
    };
    if (!code) return;
    if (seen.has(code)) return void cell("A", `mã ${code} bị trùng, dòng này bị bỏ qua`);
    seen.add(code);
    const emails = mails
      .toLowerCase()
      .split(/[,;\s]+/)
      .filter(Boolean);
    for (const e of emails) if (!EMAIL.test(e)) cell("D", `“${e}” không phải là email`);
    // months left empty mean no limit; a month that cannot be read is reported and the unit counted throughout
    const [activeFrom, activeTo] = [6, 7].map((c) => {
      const m = r[c] === "" ? "" : (readMonth(r[c]) ?? "?");
      if (m === "?") cell("GH"[c - 6], "tháng không hợp lệ (mm/yyyy)");
      return m === "?" ? "" : m;
    });
    const u: Unit = { code, name, chair, emails: emails.filter((e) => EMAIL.test(e)), phone, group, activeFrom, activeTo, row };
    for (const p of rosterProblems(u)) {
      problems.push(`Trang “Đơn vị” dòng ${row} (${code}): ${p}.`);
      note(p);
    }
    units.push(u);
  });
  return { units, problems, notes };
}
