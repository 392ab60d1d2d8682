// One unit's history: every period's status, every version received (when, how, who confirmed it), every mail sent to
// it, from the working Sheet and each year's archive. Read in bounded calls: Sheets' TextFinder finds the unit's rows
// (one call a tab), and only the rows of the page shown are read; history is never read row by row.
import { periodName } from "../../domain/dashboard";
import { viDateTime } from "../../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../../domain/forms";
import { CHANNEL_LABEL, colLetter, KEY_COLS, MAIL_LOG_HEADER, STATUS_HEADER_ROW, TAB, unitLabel } from "../../domain/layout";
import { REGISTRATION } from "../../domain/periods";
import { parseVersionRows } from "../../domain/rows";
import type { Unit } from "../../domain/units";
import { readMonth } from "../../domain/validate";
import type { Store } from "../../ports";
import type { Run } from "../run/context";

/** the rows of each list one reply reads and shows */
export const HISTORY_PAGE = 12;

export interface HistoryView {
  unit: { code: string; label: string; chair: string; phone: string; emails: string[] };
  /** every period's status, newest first (the working Sheet's, then each archive's) */
  periods: { period: string; title: string; status: string }[];
  versions: { items: VersionLine[]; total: number; offset: number };
  mails: { items: MailLine[]; total: number; offset: number };
}

interface VersionLine {
  form: string;
  period: string;
  at: string;
  channel: string;
  result: string;
  /** who confirmed or rejected it, and when (column G), or "" */
  decided: string;
  email: string;
  /** "" in the working Sheet, else the archive's year */
  archive: string;
}

interface MailLine {
  at: string;
  kind: string;
  period: string;
  to: string;
  subject: string;
  result: string;
  archive: string;
}

/** where the unit's rows are: a store (the working Sheet or a year's archive), a tab, a row */
interface Ref {
  store: Store;
  archive: string;
  tab: string;
  row: number;
  form?: FormId;
}

/** the status tab's cells of the unit's row, by the header's period ("Đăng ký", "10/2018"): three calls */
function statusCells(store: Store, code: string): Map<string, string> {
  const out = new Map<string, string>();
  const row = store.findRow(TAB.status, 1, code);
  if (row === null) return out;
  const head = store.readBlock(TAB.status, `${STATUS_HEADER_ROW}:${STATUS_HEADER_ROW}`)[0] ?? [];
  const cells = store.readBlock(TAB.status, `${row}:${row}`)[0] ?? [];
  head.forEach((h, j) => {
    const label = String(h ?? "").trim();
    if (j > 0 && label) out.set(label, String(cells[j] ?? "").trim());
  });
  return out;
}

/** "Đăng ký" or "10/2018" as the period it names, or null for the other columns */
function periodOfHeader(label: string): string | null {
  if (label === "Đăng ký") return REGISTRATION;
  return readMonth(label);
}

const shown = (v: unknown, tz: string) =>
  Object.prototype.toString.call(v) === "[object Date]" ? viDateTime((v as Date).getTime(), tz) : String(v ?? "");

/** the refs of a page read with one call per run of adjacent rows */
function readRefs(page: Ref[], width: number): Map<Ref, unknown[]> {
  const out = new Map<Ref, unknown[]>();
  const sorted = [...page].sort((a, b) => a.row - b.row);
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1].store === sorted[i].store &&
      sorted[j + 1].tab === sorted[i].tab &&
      sorted[j + 1].row === sorted[j].row + 1
    )
      j++;
    const first = sorted[i];
    const rows = first.store.readBlock(first.tab, `A${first.row}:${colLetter(width)}${sorted[j].row}`);
    for (let k = i; k <= j; k++) out.set(sorted[k], rows[k - i] ?? []);
    i = j + 1;
  }
  return out;
}

/** the rows whose unit cell (column D) names the unit: "CD005 – name" as the product writes it, or the bare code of
 * rows written before labels (two TextFinder calls) */
function rowsOf(store: Store, tab: string, code: string, label: string, archive: string): number[] {
  // a year's archive holds only the tabs it was given rows of
  if (archive && !store.hasTab(tab)) return [];
  return [...new Set([...store.findRows(tab, 4, label), ...store.findRows(tab, 4, code)])];
}

/** newest first: the working Sheet before the archives, the monthly reports before the registration (made once, at
 * the start), later rows before earlier ones (each tab is appended in time order) */
const newestFirst = (order: Map<Store, number>) => (a: Ref, b: Ref) =>
  (order.get(a.store) ?? 0) - (order.get(b.store) ?? 0) ||
  Number(a.form === "registration") - Number(b.form === "registration") ||
  b.row - a.row;

/** the unit's history, the page of each list starting at `offset` */
export function unitHistory(r: Run, u: Unit, tz: string, offset: number): HistoryView {
  const label = unitLabel(u.code, u.name);
  const stores: { store: Store; archive: string }[] = [{ store: r.store, archive: "" }];
  for (const [year, ref] of Object.entries(r.state.archives ?? {}).sort((a, b) => Number(b[0]) - Number(a[0]))) {
    try {
      stores.push({ store: r.p.openOther(ref.id), archive: year });
    } catch {
      // an archive that cannot be opened is named by the archive job; the history shows what can be read
    }
  }
  const order = new Map(stores.map((x, i) => [x.store, i]));
  const periods: HistoryView["periods"] = [];
  const seen = new Set<string>();
  const versions: Ref[] = [];
  const mails: Ref[] = [];
  for (const { store, archive } of stores) {
    if (archive && !store.hasTab(TAB.status)) continue;
    const cells = [...statusCells(store, u.code)].map(([h, v]) => [periodOfHeader(h), v] as const);
    for (const [period, status] of cells.reverse()) {
      if (!period || seen.has(period) || !status) continue;
      seen.add(period);
      periods.push({ period, title: periodName(period), status });
    }
    for (const form of FORM_IDS) {
      const tab = SPECS[form].tab;
      for (const row of rowsOf(store, tab, u.code, label, archive)) versions.push({ store, archive, tab, row, form });
    }
    for (const row of rowsOf(store, TAB.mailLog, u.code, label, archive)) mails.push({ store, archive, tab: TAB.mailLog, row });
  }
  periods.sort((a, b) => (a.period === REGISTRATION ? 1 : b.period === REGISTRATION ? -1 : b.period.localeCompare(a.period)));
  versions.sort(newestFirst(order));
  mails.sort(newestFirst(order));
  const vPage = versions.slice(offset, offset + HISTORY_PAGE);
  const mPage = mails.slice(offset, offset + HISTORY_PAGE);
  const vRows = readRefs(vPage, KEY_COLS);
  const mRows = readRefs(mPage, MAIL_LOG_HEADER.length);
  return {
    unit: { code: u.code, label, chair: u.chair, phone: u.phone, emails: u.emails },
    periods,
    versions: {
      total: versions.length,
      offset,
      items: vPage.map((ref) => {
        const cells = vRows.get(ref) ?? [];
        const [v] = parseVersionRows([cells], ref.row, ref.form);
        return {
          form: ref.form === "registration" ? "Đăng ký" : "Báo cáo tháng",
          period: v?.period ? periodName(v.period) : "",
          at: v ? viDateTime(v.at, tz) : "",
          channel: CHANNEL_LABEL[v?.channel ?? "form"] ?? "",
          result: String(cells[5] ?? ""),
          decided: String(cells[6] ?? ""),
          email: v?.email ?? "",
          archive: ref.archive,
        };
      }),
    },
    mails: {
      total: mails.length,
      offset,
      items: mPage.map((ref) => {
        const c = mRows.get(ref) ?? [];
        return {
          at: shown(c[1], tz),
          kind: String(c[2] ?? ""),
          period: String(c[4] ?? ""),
          to: String(c[5] ?? ""),
          subject: String(c[7] ?? ""),
          result: String(c[8] ?? ""),
          archive: ref.archive,
        };
      }),
    },
  };
}
