import { monthlySpec } from "./monthly";
import { registrationSpec } from "./registration";
import type { AnswersOf, FormSpec } from "./spec";

export type FormId = FormSpec["id"];
export const SPECS = { registration: registrationSpec, monthly: monthlySpec } satisfies Record<FormId, FormSpec>;
export const FORM_IDS: FormId[] = ["registration", "monthly"];

/** a registration's answers: `accountType` is "cdcs" | "chair", `followed` the keys ticked, the rest text */
export type RegistrationAnswers = AnswersOf<typeof registrationSpec>;
/** a monthly report's answers: the counts are numbers, the rest text (`month` as YYYY-MM) */
export type MonthlyAnswers = AnswersOf<typeof monthlySpec>;
/** the answers of a version of either form: each form's keys with their types (the other form's keys absent) */
export type FormAnswers = AnswersOf<(typeof SPECS)[FormId]>;
