// What a cell holds once a value is written to it, as Sheets decides: by the cell's number format and the
// spreadsheet's locale. Script writes (Range.setValue/setValues) are read like typed input
// (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption, USER_ENTERED: "parsed as if the
// user typed them into the UI"; Apps Script does the same: https://github.com/brucemcpherson/gas-fakes/issues/40).
import { localInstantOf } from "./format-date.js";

export type CellValue = string | number | boolean | Date;

export interface Written {
  value: CellValue;
  formula: string | null;
}

/** locales whose short dates put the month first; the rest read day/month/year */
const MONTH_FIRST = new Set(["en_US", "en_PH", "fil_PH", "es_US"]);

const DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** a typed date as the spreadsheet's locale reads it (05/11/2018 is 11 May on en_US, 5 November on vi_VN), or null */
export function parseTypedDate(text: string, locale: string, timeZone: string): Date | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  let y: number;
  let mo: number;
  let d: number;
  if (m[1].length === 4) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[3].length === 4) {
    y = Number(m[3]);
    [mo, d] = MONTH_FIRST.has(locale) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return null;
  const [hh, mm, ss] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return new Date(localInstantOf(y, mo, d, hh, mm, ss, timeZone));
}

/**
 * A string in a plain-text ("@") cell is kept exactly as written: a leading apostrophe stays a character and "=…" stays
 * text (https://github.com/vlucas/sheetquery/issues/20: with "@" the string goes in unchanged, and an apostrophe "will be
 * stored in the cell"). Elsewhere a leading apostrophe marks text and is dropped, "=…" is a formula, and numbers and
 * dates are parsed in the spreadsheet's locale.
 */
export function written(v: unknown, plainText: boolean, locale: string, timeZone: string): Written {
  if (v === null || v === undefined) return { value: "", formula: null };
  if (typeof v === "number" || typeof v === "boolean") return { value: v, formula: null };
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]")
    return { value: new Date((v as Date).getTime()), formula: null };
  if (typeof v !== "string") return { value: String(v), formula: null };
  if (plainText) return { value: v, formula: null };
  if (v.startsWith("'")) return { value: v.slice(1), formula: null };
  if (v.startsWith("=") && v.length > 1) return { value: "", formula: v };
  const t = v.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(t) && t.length < 16) return { value: Number(t), formula: null };
  const date = parseTypedDate(t, locale, timeZone);
  if (date) return { value: date, formula: null };
  return { value: v, formula: null };
}
