// Months already archived keep being judged as they were: an edit or a paper report of an archived month is judged
// with the statuses the archive holds for it (the unit's first report counts, as for any closed month), and what it
// changes is written back there and to the month's figures on the tab "Lưu trữ". Rare: read only when a version of
// such a month arrives.
import { viDate, viMonthShort } from "../../domain/dates";
import { ARCHIVE_HEADER, colLetter, STATUS_HEADER_ROW, STATUS_UNITS_ROW, TAB } from "../../domain/layout";
import { figureValues, type PeriodFigures, statusOfText, statusText, type UnitStatus } from "../../domain/status";
import { readMonth } from "../../domain/validate";
import type { Store } from "../../ports";
import type { Run } from "../run/context";

interface Column {
  store: Store;
  col: number;
  codes: string[];
}

/** where each archived period's column is in its year's archive, as the archive's own header says */
function columnsOf(r: Run, periods: string[]): Map<string, Column> {
  const out = new Map<string, Column>();
  const years = [...new Set(periods.map((p) => Number(p.slice(0, 4))))];
  for (const year of years) {
    const ref = r.state.archives?.[year];
    if (!ref) continue;
    let store: Store;
    try {
      store = r.p.openOther(ref.id);
    } catch {
      // a missing archive is named by the archive job; the month is judged without it
      continue;
    }
    if (!store.hasTab(TAB.status)) continue;
    const head = store.readBlock(TAB.status, `${STATUS_HEADER_ROW}:${STATUS_HEADER_ROW}`)[0] ?? [];
    const codes = store.readBlock(TAB.status, `A${STATUS_UNITS_ROW}:A`).map((row) => String(row[0] ?? "").trim());
    head.forEach((v, j) => {
      const p = readMonth(String(v ?? "").trim());
      if (p && periods.includes(p)) out.set(p, { store, col: j + 1, codes });
    });
  }
  return out;
}

/** the statuses the archives hold for these periods (each read once) */
export function loadArchived(r: Run, periods: string[]): { stored: Map<string, Map<string, UnitStatus>>; columns: Map<string, Column> } {
  const columns = columnsOf(r, periods);
  const stored = new Map<string, Map<string, UnitStatus>>();
  for (const [p, c] of columns) {
    const L = colLetter(c.col);
    const cells = c.store.readBlock(TAB.status, `${L}${STATUS_UNITS_ROW}:${L}${STATUS_UNITS_ROW + c.codes.length - 1}`);
    const m = new Map<string, UnitStatus>();
    c.codes.forEach((code, i) => {
      const st = statusOfText(String(cells[i]?.[0] ?? ""));
      if (code && st) m.set(code, st);
    });
    stored.set(p, m);
  }
  return { stored, columns };
}

/** a period's column written back to its archive, and its figures on the tab "Lưu trữ", when they changed */
export function saveArchived(
  r: Run,
  columns: Map<string, Column>,
  before: Map<string, Map<string, UnitStatus>>,
  byPeriod: Map<string, Map<string, UnitStatus>>,
  figures: PeriodFigures[],
): void {
  for (const [p, c] of columns) {
    const now = byPeriod.get(p);
    const f = figures.find((x) => x.period === p);
    if (!now || !f) continue;
    const was = before.get(p) ?? new Map();
    const texts = c.codes.map((code) => {
      const st = now.get(code);
      return st ? statusText(st) : "";
    });
    if (c.codes.every((code, i) => texts[i] === (was.get(code) ? statusText(was.get(code) as UnitStatus) : ""))) continue;
    const summary = figureValues(f).map((v, i) => (i ? (v ?? "") : viDate(String(v))));
    const cells = [...summary, "", ...texts];
    c.store.writeRows(
      TAB.status,
      STATUS_HEADER_ROW + 1,
      cells.map((x) => [x]),
      c.col,
    );
    // the month's figures as the working Sheet lists them
    const rows = r.store.readBlock(TAB.archive, `A2:${colLetter(ARCHIVE_HEADER.length)}`);
    const label = viMonthShort(p);
    const i = rows.findIndex((row) => Number(row[0]) === Number(p.slice(0, 4)) && String(row[2]) === label);
    if (i >= 0) r.store.writeRows(TAB.archive, 2 + i, [[rows[i][0], rows[i][1], label, ...summary]]);
  }
}
