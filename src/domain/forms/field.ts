// A question's shape, and what its answer is read against: shared by the form specs and the normalisers that read
// answers (so neither imports the other).
import type { Unit } from "../units";

export interface ParseContext {
  /** roster, by code */
  units: Map<string, Unit>;
  /** first month a report is expected */
  firstPeriod: string;
  /** the month (local) in which the response arrived: later months are "in the future" */
  receivedMonth: string;
}

export type FieldKind = "unit" | "shortText" | "paragraph" | "number" | "choice" | "checkboxes" | "month";

export interface Choice<C extends string = string> {
  key: C;
  label: string;
}

/** an answer as the product holds it once read: a count, a choice's key, the keys ticked, or text */
export type AnswerValue = string | number | string[];

/** the answers of any form, walked question by question (by the spec's keys); a form's own are `AnswersOf<…>` */
export type Answers = Record<string, AnswerValue | undefined>;

/**
 * What a question of this kind answers with: a count, the key of the choice made, the keys ticked, or text (a unit's
 * code, a month as YYYY-MM, what was typed).
 */
type ValueOfKind<T extends FieldKind, C extends string> = T extends "number"
  ? number
  : T extends "choice"
    ? C
    : T extends "checkboxes"
      ? C[]
      : string;

/** the tables of counts in part I of the monthly report (their headings: `FIGURE_SECTIONS`, src/domain/report/monthly.ts) */
export type FigureSection = "activity";

/**
 * Where a question's answers go in the monthly report and in the figures its rollup keeps month by month:
 * - a count, `{ figures, label? }`: summed over the units counted, a row of that table (beside the month before at the
 *   same point) and, in `activity`, a line of the trend (Diễn biến, the dashboard); named `label` there, its column
 *   when none is said. A count without a place stays in the tab;
 * - a text, `{ section }`: a section of its own in part II under this heading, not grouped by theme. A text without a
 *   place is grouped with the others by theme (and every text is in the appendix).
 */
export type ReportPlace<T extends FieldKind = FieldKind> = T extends "number"
  ? { figures: FigureSection; label?: string }
  : T extends "paragraph"
    ? { section: string }
    : never;

export interface Field<K extends string = string, T extends FieldKind = FieldKind, C extends string = string> {
  key: K;
  /** question title in the form */
  title: string;
  help?: string;
  kind: T;
  required: boolean;
  choices?: Choice<C>[];
  /** column header in the product's tab (defaults to the title) */
  column?: string;
  /** free text: flagged for identity-like data, masked in the rollup */
  freeText?: boolean;
  /** where its answers go in the monthly report (`ReportPlace`) */
  report?: ReportPlace<T>;
  /** extra rule after normalising: a Vietnamese message, null when fine, or the value made canonical */
  rule?: (value: AnswerValue, all: Answers, ctx: ParseContext) => string | null | { value: AnswerValue };
}

/**
 * A form's answers, typed from its spec's questions: each key one question's, its type from the question's kind
 * (`ValueOfKind`). Every key is optional: a question left empty, a response that failed, a row of a tab whose column
 * has gone all lack it.
 */
export type AnswersOf<S extends { fields: readonly Field[] }> = {
  [F in S["fields"][number] as F["key"]]?: F extends Field<string, infer T, infer C> ? ValueOfKind<T, C> : never;
};
