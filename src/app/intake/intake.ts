// One response (form, reconcile, paper): parsed, attributed, verified, turned into a stored version.

import { localMonth } from "../../domain/dates";
import { type FormAnswers, type FormId, SPECS } from "../../domain/forms";
import { type FieldError, type FormSpec, type Parsed, parseAnswers } from "../../domain/forms/spec";
import { REGISTRATION } from "../../domain/periods";
import type { NewVersion } from "../../domain/rows";
import type { Settings } from "../../domain/settings";
import type { Verdict } from "../../domain/status";
import { clean } from "../../domain/text";
import type { Unit } from "../../domain/units";
import type { RawResponse } from "../../ports";

interface Judged {
  version: NewVersion;
  parse: Parsed<FormAnswers>;
  unit: Unit | undefined;
  errors: string[];
}

/** the unit's error quotes what was typed (a unit not found); a blank answer's error (“chưa trả lời”) does not */
function unitQuoted(spec: FormSpec, refused: FieldError[], typed: string): boolean {
  const keys = spec.fields.filter((f) => f.kind === "unit").map((f) => f.key);
  return clean(typed) !== "" && refused.some((e) => keys.includes(e.key));
}

export function versionKey(responseId: string, at: number): string {
  return `${responseId}@${at}`;
}

export function judge(form: FormId, r: RawResponse, channel: string, units: Unit[], s: Settings): Judged {
  const spec = SPECS[form];
  const map = new Map(units.map((u) => [u.code, u]));
  const parse = parseAnswers(spec, r.raw, {
    units: map,
    firstPeriod: s.firstPeriod,
    receivedMonth: localMonth(r.at, s.timeZone),
  });
  const got = parse.ok ? parse.value : parse.problem.partial;
  const unitCode = got.unit ?? "";
  const unit = map.get(unitCode);
  const period = form === "registration" ? REGISTRATION : (got.month ?? "");
  const refused = parse.ok ? [] : parse.problem.errors;
  const errors = refused.map((e) => e.message);
  const notes = [...errors, ...parse.notes];
  let verdict: Verdict = parse.ok ? "accepted" : "invalid";
  if (verdict === "accepted" && s.verifySender && channel === "form" && unit) {
    if (!r.email || !unit.emails.includes(r.email)) {
      verdict = "unverified";
      notes.push(
        r.email
          ? `Email người gửi ${r.email} không thuộc đơn vị ${unit.code}: chờ cán bộ xác nhận`
          : "Không có email người gửi đã xác minh: chờ cán bộ xác nhận",
      );
    }
  }
  // what was typed for a unit not taken, when no error quotes it
  if (!unit && typeof r.raw?.unit === "string" && !unitQuoted(spec, refused, r.raw.unit)) {
    notes.push(`Đơn vị ghi: “${String(r.raw.unit).slice(0, 80)}”`);
  }
  return {
    parse,
    unit,
    errors,
    version: {
      key: versionKey(r.responseId, r.at),
      responseId: r.responseId,
      at: new Date(r.at),
      unit: unit?.code ?? "",
      unitName: unit?.name,
      period,
      verdict,
      confirmed: "",
      channel,
      email: r.email,
      notes,
      editUrl: r.editUrl,
      answers: got,
    },
  };
}
