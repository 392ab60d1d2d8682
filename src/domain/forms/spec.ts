// One spec per form: from it come the Google Form's items, the zod schema, the tab's columns and the answer keys, and
// the type of its answers (`AnswersOf<typeof spec>`).
import * as z from "zod/mini";
import type { Result } from "../result";
import { identityHints, quote } from "../text";
import type { Unit } from "../units";
import { normalizers } from "../validate";
import type { Answers, AnswersOf, AnswerValue, Choice, Field, FieldKind, FigureSection, ParseContext } from "./field";

export type { Answers, AnswersOf, AnswerValue, Field, FieldKind, FigureSection, ReportPlace } from "./field";

z.config({ jitless: true });

/** what a question's line may add to its key, kind, title and column */
type More<T extends FieldKind, C extends string> = Partial<Omit<Field<string, T, C>, "key" | "kind" | "title" | "column">>;

/** one question, one line: required unless said otherwise; paragraphs are free text */
export function q<const K extends string, const T extends FieldKind, const C extends string = never>(
  key: K,
  kind: T,
  title: string,
  column: string,
  more: More<T, C> = {},
): Field<K, T, C> {
  return { key, kind, title, column, required: true, freeText: kind === "paragraph", ...more };
}

/** the keys of "key=label;key=label", as a type */
type ChoiceKeys<S extends string> = S extends `${infer K}=${string};${infer Rest}`
  ? K | ChoiceKeys<Rest>
  : S extends `${infer K}=${string}`
    ? K
    : never;

/** "key=label;key=label": the answer's type is the union of the keys */
export function choices<const S extends string>(list: S): Choice<ChoiceKeys<S>>[] {
  return list.split(";").map((c) => {
    const [key, label] = c.split("=");
    return { key: key as ChoiceKeys<S>, label };
  });
}

export interface FormSpec<F extends readonly Field[] = readonly Field[]> {
  id: "registration" | "monthly";
  title: string;
  /** with {{…}} from the settings (./texts.ts) */
  description: string;
  /** the page after submitting, with {{…}} from the settings (./texts.ts) */
  confirmation: string;
  /** the product's tab holding one row per response version */
  tab: string;
  fields: F;
}

/** a form's spec with each question's key, kind and choices kept in its type (what `AnswersOf` reads) */
export function form<const F extends readonly Field[]>(spec: FormSpec<F>): FormSpec<F> {
  return spec;
}

/**
 * The answers of a form, from values each made by its own question's normaliser or cell reader (both give the type
 * the question's kind answers with): the one place an answer record takes its form's type.
 */
export function typedAnswers<S extends FormSpec>(_spec: S, values: Record<string, AnswerValue>): AnswersOf<S> {
  return values as AnswersOf<S>;
}

/** an answer refused: its question's key, and why (after the question's title) */
export interface FieldError {
  key: string;
  message: string;
}

/** the answers, or the errors with what could be read despite them (unit and period for attribution); notes either way */
export type Parsed<A = Answers> = Result<A, { errors: FieldError[]; partial: A }> & { notes: string[] };

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

export function parseAnswers<S extends FormSpec>(spec: S, raw: Record<string, unknown>, ctx: ParseContext): Parsed<AnswersOf<S>> {
  const notes: string[] = [];
  const errors: FieldError[] = [];
  const value: Record<string, AnswerValue> = {};
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
    const text = value[f.key];
    if (!f.freeText || typeof text !== "string") continue;
    const hints = identityHints(text);
    if (hints.length) notes.push(`“${f.column ?? f.title}” có thể chứa ${hints.join(", ")} của cá nhân: cần kiểm tra`);
  }
  const order = new Map(spec.fields.map((f, i) => [f.key, i]));
  errors.sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99));
  if (errors.length) {
    return {
      ok: false,
      problem: {
        errors: errors.map((e) => ({ key: e.key, message: `${titleOf(spec, e.key)}: ${e.message}` })),
        partial: typedAnswers(spec, value),
      },
      notes,
    };
  }
  return { ok: true, value: typedAnswers(spec, value), notes };
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
function answerText(f: Field, v: AnswerValue | undefined, max = 200): string {
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

/** a question's answer as text, "" when it has none (a text question's answer is its text) */
export function textAnswer(answers: Answers, f: Pick<Field, "key">): string {
  return String(answers[f.key] ?? "");
}

/** a count question's answer, 0 when it has none or it cannot be read as a number */
export function countAnswer(answers: Answers, f: Pick<Field, "key">): number {
  return Number(answers[f.key]) || 0;
}

/** the count questions placed in a table of the report, in the form's order, each with the label it goes by there */
export function countsIn(spec: FormSpec, table: FigureSection): { field: Field; label: string }[] {
  return spec.fields.flatMap((f) =>
    f.kind === "number" && f.report && "figures" in f.report && f.report.figures === table
      ? [{ field: f, label: f.report.label ?? f.column ?? f.title }]
      : [],
  );
}

/** the heading of the section of its own a text question has in the report (undefined: grouped by theme) */
export function sectionOf(f: Field): string | undefined {
  return f.report && "section" in f.report ? f.report.section : undefined;
}

export function answerFields(spec: FormSpec): Field[] {
  return spec.fields.filter((f) => f.kind !== "unit" && f.kind !== "month");
}

/** how an answer is shown in a cell */
export function cellOf(f: Field, v: AnswerValue | undefined): string | number {
  if (v === undefined || v === null) return "";
  if (f.kind === "checkboxes" && Array.isArray(v)) {
    return v.map((k) => f.choices?.find((c) => c.key === k)?.label ?? String(k)).join("; ");
  }
  if (f.kind === "choice") return f.choices?.find((c) => c.key === v)?.label ?? String(v);
  if (typeof v === "number") return v;
  return String(v);
}

/** the reverse of cellOf, for rows read back from a tab */
export function valueOfCell(f: Field, cell: unknown): AnswerValue | undefined {
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
