// One spec per form: from it come the Google Form's items, the zod schema, the tab's columns and the answer keys.
import * as z from "zod/mini";
import type { Result } from "../result";
import { identityHints, quote } from "../text";
import type { Unit } from "../units";
import { normalizers } from "../validate";
import type { Choice, Field, FieldKind, ParseContext } from "./field";

export type { Field, FieldKind } from "./field";

z.config({ jitless: true });

/** one question, one line: required unless said otherwise; paragraphs are free text */
export function q(key: string, kind: FieldKind, title: string, column: string, more: Partial<Field> = {}): Field {
  return { key, kind, title, column, required: true, freeText: kind === "paragraph", ...more };
}

/** "key=label;key=label" */
export function choices(list: string): Choice[] {
  return list.split(";").map((c) => {
    const [key, label] = c.split("=");
    return { key, label };
  });
}

export interface FormSpec {
  id: "registration" | "monthly";
  title: string;
  /** with {{…}} from the settings (./texts.ts) */
  description: string;
  /** the page after submitting, with {{…}} from the settings (./texts.ts) */
  confirmation: string;
  /** the product's tab holding one row per response version */
  tab: string;
  fields: Field[];
}

export type Answers = Record<string, unknown>;

/** an answer refused: its question's key, and why (after the question's title) */
export interface FieldError {
  key: string;
  message: string;
}

/** the answers, or the errors with what could be read despite them (unit and period for attribution); notes either way */
export type Parsed = Result<Answers, { errors: FieldError[]; partial: Answers }> & { notes: string[] };

/** the zod schema of one question: normalises the raw answer or fails with a Vietnamese message */
function fieldSchema(f: Field, ctx: ParseContext, notes: string[] = []) {
  return z.transform((input: unknown, payload) => {
    const r = normalizers[f.kind](input, f, ctx);
    if (!r.ok) {
      payload.issues.push({ code: "custom", message: r.problem, input, path: [] });
      return undefined;
    }
    if (r.note) notes.push(r.note);
    return r.value;
  });
}

/** the zod schema of a whole form, derived from its spec */
export function schemaOf(spec: FormSpec, ctx: ParseContext, notes: string[] = []) {
  const shape: Record<string, ReturnType<typeof fieldSchema>> = {};
  for (const f of spec.fields) shape[f.key] = fieldSchema(f, ctx, notes);
  return z.object(shape);
}

export function parseAnswers(spec: FormSpec, raw: Answers, ctx: ParseContext): Parsed {
  const notes: string[] = [];
  const errors: FieldError[] = [];
  const value: Answers = {};
  const input = raw && typeof raw === "object" ? raw : {};
  // question by question, so that what did parse is kept for attribution (unit, period) and messages name each question
  for (const f of spec.fields) {
    const res = fieldSchema(f, ctx, notes).safeParse(input[f.key]);
    if (res.success) {
      if (res.data !== undefined) value[f.key] = res.data;
    } else errors.push({ key: f.key, message: res.error.issues[0]?.message ?? "không hợp lệ" });
  }
  for (const f of spec.fields) {
    if (!f.rule || errors.some((e) => e.key === f.key) || value[f.key] === undefined) continue;
    const r = f.rule(value[f.key], value, ctx);
    if (typeof r === "string") errors.push({ key: f.key, message: r });
    else if (r) value[f.key] = r.value;
  }
  for (const f of spec.fields) {
    if (!f.freeText || typeof value[f.key] !== "string") continue;
    const hints = identityHints(value[f.key] as string);
    if (hints.length) notes.push(`“${f.column ?? f.title}” có thể chứa ${hints.join(", ")} của cá nhân: cần kiểm tra`);
  }
  const order = new Map(spec.fields.map((f, i) => [f.key, i]));
  errors.sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99));
  if (errors.length) {
    return {
      ok: false,
      problem: { errors: errors.map((e) => ({ key: e.key, message: `${titleOf(spec, e.key)}: ${e.message}` })), partial: value },
      notes,
    };
  }
  return { ok: true, value, notes };
}

/** a question as the respondent saw it in the form (its title), not as the tab's column names it */
function titleOf(spec: FormSpec, key: string): string {
  return spec.fields.find((x) => x.key === key)?.title ?? key;
}

/**
 * The reasons a stored version was refused, from its notes: each begins with a question's title (or, in rows stored
 * by an earlier version of the product, its column); other notes (for staff) are left out.
 */
export function errorsOfNotes(spec: FormSpec, notes: string): string[] {
  const heads = spec.fields.flatMap((f) => [`${f.title}: `, ...(f.column ? [`${f.column}: `] : [])]);
  return notes
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => heads.some((h) => l.startsWith(h)));
}

/** one answer as a mail quotes it: texts in quotation marks, on one line, long ones shortened */
function answerText(f: Field, v: unknown, max = 200): string {
  if (v === undefined || v === null || v === "") return "";
  if (f.kind === "month" && typeof v === "string") return /^\d{4}-\d{2}$/.test(v) ? `${v.slice(5)}/${v.slice(0, 4)}` : v;
  const cell = cellOf(f, v);
  if (typeof cell === "number" || f.kind === "choice" || f.kind === "checkboxes" || f.kind === "unit") return String(cell);
  const one = String(cell)
    .replace(/\s*\n+\s*/g, " ")
    .trim();
  return one ? quote(one, max) : "";
}

/** the answers received, one line each ("question: answer"), in the form's order; empty answers left out */
export function answerLines(spec: FormSpec, answers: Answers, max = 200): string[] {
  return spec.fields
    .map((f) => [f.title, answerText(f, answers[f.key], max)])
    .filter((x) => x[1])
    .map(([q, a]) => `${q}: ${a}`);
}

export function answerFields(spec: FormSpec): Field[] {
  return spec.fields.filter((f) => f.kind !== "unit" && f.kind !== "month");
}

/** how an answer is shown in a cell */
export function cellOf(f: Field, v: unknown): string | number {
  if (v === undefined || v === null) return "";
  if (f.kind === "checkboxes" && Array.isArray(v)) {
    return v.map((k) => f.choices?.find((c) => c.key === k)?.label ?? String(k)).join("; ");
  }
  if (f.kind === "choice") return f.choices?.find((c) => c.key === v)?.label ?? String(v);
  if (typeof v === "number") return v;
  return String(v);
}

/** the reverse of cellOf, for rows read back from a tab */
export function valueOfCell(f: Field, cell: unknown): unknown {
  if (cell === "" || cell === null || cell === undefined) return undefined;
  if (f.kind === "checkboxes") {
    return String(cell)
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((label) => f.choices?.find((c) => c.label === label)?.key ?? label);
  }
  if (f.kind === "choice") return f.choices?.find((c) => c.label === cell)?.key ?? String(cell);
  if (f.kind === "number") return Number(cell);
  return String(cell);
}

export type { Unit };
