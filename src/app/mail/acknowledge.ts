// Receipts sent at once for what staff just did (a paper report recorded, a sender confirmed), then written down.
import { localDay } from "../../domain/dates";
import type { NewVersion } from "../../domain/rows";
import { rulesOf } from "../../domain/rules";
import { receiptKey } from "../../domain/schedule";
import type { Settings } from "../../domain/settings";
import type { Version } from "../../domain/status";
import type { Unit } from "../../domain/units";
import type { Run } from "../run/context";
import { composeContext } from "./compose";
import { flush } from "./ledger";
import { type Queued, send } from "./send";

function asVersion(v: NewVersion, row = 0): Version {
  return { ...v, at: v.at.getTime(), confirmed: v.confirmed !== "", row, notes: v.notes.join("\n") };
}

/** a receipt for each accepted version, to the unit's own addresses (and `cc`: whoever sent it); returns what happened */
export function acknowledge(r: Run, s: Settings, units: Unit[], versions: NewVersion[], keyOf = receiptKey): string[] {
  if (!s.receipts) return [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const today = localDay(r.now, s.timeZone);
  const due: Queued[] = versions
    .filter((v) => v.verdict === "accepted" && v.unit)
    .map((v) => ({
      d: { kind: "receipt", key: keyOf(v), period: v.period, unit: v.unit, stage: today, version: asVersion(v) },
      unit: byCode.get(v.unit),
    }));
  if (!due.length) return [];
  const ctx = composeContext(r, s, rulesOf(s, r.state.frozen));
  const out = send(r, s, due, ctx, { stopAt: Number.POSITIVE_INFINITY, reserve: 0 });
  flush(r, s.timeZone);
  return [`Đã gửi ${out.sent} thư xác nhận tới đơn vị.`, ...out.notes];
}
