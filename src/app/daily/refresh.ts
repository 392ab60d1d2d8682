// Rebuild the status tab from the responses, every period and every row (menu action; setup does the same).
import { REGISTRATION } from "../../domain/periods";
import { ok, type Result } from "../../domain/result";
import type { Ports } from "../../ports";
import { openRun, type Run, readSettings } from "../run/context";
import { readWindow } from "./records";
import { periodLabel } from "./status-store";
import { updateStatuses } from "./statuses";

/** every period computed afresh from every version (the frozen rules and who was expected are kept) */
export function rebuildStatuses(r: Run): Result<string> {
  const set = readSettings(r);
  if (!set.ok) return set;
  const { settings: s, rules } = set.value;
  const { units } = r.store.readUnits();
  const windows = { registration: readWindow(r, "registration", 2), monthly: readWindow(r, "monthly", 2) };
  const c = updateStatuses(r, { s, rules, units, windows }, true);
  const last = c.statuses.figures
    .filter((f) => f.period !== REGISTRATION)
    .sort((a, b) => a.period.localeCompare(b.period))
    .pop();
  return ok(
    last
      ? `Đã cập nhật trạng thái. Kỳ ${periodLabel(last.period)}: ${last.received}/${last.expected} đơn vị đã nộp.`
      : "Đã cập nhật trạng thái.",
  );
}

export function refreshStatus(p: Ports): Result<string> {
  return openRun(p, "Làm mới trạng thái", rebuildStatuses);
}
