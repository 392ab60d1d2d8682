// One response (form, reconcile, paper): parsed, attributed, verified, turned into a stored version.

import { localMonth } from "../../domain/dates";
import type { FormId } from "../../domain/forms";
import { SPECS } from "../../domain/forms";
import { type ParseErr, type ParseOk, parseAnswers } from "../../domain/forms/spec";
import { REGISTRATION } from "../../domain/periods";
import type { NewVersion } from "../../domain/rows";
import type { Settings } from "../../domain/settings";
import type { Verdict } from "../../domain/status";
import type { Unit } from "../../domain/units";
import type { RawResponse } from "../../ports";

interface Judged {
  version: NewVersion;
  parse: ParseOk | ParseErr;
  unit: Unit | undefined;
  errors: string[];
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
  const got = parse.ok ? parse.value : parse.partial;
  const unitCode = typeof got.unit === "string" ? got.unit : "";
  const unit = map.get(unitCode);
  const period = form === "registration" ? REGISTRATION : typeof got.month === "string" ? got.month : "";
  const errors = parse.ok ? [] : parse.errors.map((e) => e.message);
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
  if (!unit && typeof r.raw?.unit === "string" && !notes.some((n) => n.includes("đơn vị"))) {
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
