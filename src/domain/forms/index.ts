import { monthlySpec } from "./monthly";
import { registrationSpec } from "./registration";
import type { FormSpec } from "./spec";

export type FormId = FormSpec["id"];
export const SPECS: Record<FormId, FormSpec> = { registration: registrationSpec, monthly: monthlySpec };
export const FORM_IDS: FormId[] = ["registration", "monthly"];
