// The status tab: per-period figures on top, then one row per unit and period, rebuilt from the responses.
import { viDate, viDateTime, viMonthShort } from "../domain/dates";
import { STATUS_SUMMARY, STATUS_UNITS_ROW } from "../domain/layout";
import { REGISTRATION } from "../domain/periods";
import type { Settings } from "../domain/settings";
import { figureValues, type Statuses, statusText } from "../domain/status";
import type { Unit } from "../domain/units";

export function periodLabel(period: string): string {
  return period === REGISTRATION ? "Đăng ký" : viMonthShort(period);
}

/** the whole tab as one block, padded with blanks over what the last write left below or to the right */
export function statusBlock(units: Unit[], st: Statuses, s: Settings, asOf: number, prev: { rows: number; cols: number }): unknown[][] {
  const periods = st.figures.map((f) => f.period);
  const width = Math.max(3 + periods.length, prev.cols);
  const pad = (r: unknown[]) => {
    while (r.length < width) r.push("");
    return r;
  };
  const rows: unknown[][] = [];
  rows.push(pad(["TRẠNG THÁI BÁO CÁO CÁC CĐCS", `Cập nhật lúc ${viDateTime(asOf, s.timeZone)}`, ""]));
  rows.push(pad(["Mã đơn vị", "Tên CĐCS", "Khối", ...periods.map(periodLabel)]));
  const sums = st.figures.map((f) => figureValues(f).map((v, i) => (i ? (v ?? "") : viDate(String(v)))));
  STATUS_SUMMARY.forEach((label, i) => rows.push(pad(["", label, "", ...sums.map((c) => c[i])])));
  rows.push(pad(["Đơn vị", "", ""]));
  if (rows.length !== STATUS_UNITS_ROW - 1) throw new Error("status layout");
  for (const u of units) {
    rows.push(
      pad([
        u.code,
        u.name,
        u.group,
        ...periods.map((p) => {
          const x = st.byPeriod.get(p)?.get(u.code);
          return x ? statusText(x) : "";
        }),
      ]),
    );
  }
  while (rows.length < prev.rows) rows.push(pad([]));
  return rows;
}
