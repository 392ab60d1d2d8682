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

export interface Choice {
  key: string;
  label: string;
}

export interface Field {
  key: string;
  /** question title in the form */
  title: string;
  help?: string;
  kind: FieldKind;
  required: boolean;
  choices?: Choice[];
  /** column header in the product's tab (defaults to the title) */
  column?: string;
  /** free text: flagged for identity-like data, masked in the rollup */
  freeText?: boolean;
  /** the monthly report gives this question a section of its own, under this heading (not grouped by theme) */
  section?: string;
  /** extra rule after normalising: a Vietnamese message, null when fine, or the value made canonical */
  rule?: (value: unknown, all: Record<string, unknown>, ctx: ParseContext) => string | null | { value: unknown };
}
