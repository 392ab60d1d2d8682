// Local calendar arithmetic in a named time zone, and dates written the way Vietnamese officials write them.
const formatters: Record<string, Intl.DateTimeFormat> = {};

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters[tz];
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters[tz] = f;
  }
  return f;
}

interface LocalParts {
  y: number;
  m: number;
  d: number;
  hh: number;
  mi: number;
  ss: number;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function localParts(ms: number, tz: string): LocalParts {
  const o: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== "literal") o[p.type] = Number(p.value);
  return { y: o.year, m: o.month, d: o.day, hh: o.hour % 24, mi: o.minute, ss: o.second };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "YYYY-MM-DD" of the instant in the zone */
export function localDay(ms: number, tz: string): string {
  const p = localParts(ms, tz);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

export function localMonth(ms: number, tz: string): string {
  return localDay(ms, tz).slice(0, 7);
}

/** offset of the zone at the instant, in minutes east of UTC */
function offsetMinutes(ms: number, tz: string): number {
  const p = localParts(ms, tz);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mi, p.ss);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** the instant of a local wall-clock time in the zone */
export function instantOf(ymd: string, tz: string, hh = 0, mi = 0, ss = 0): number {
  const [y, m, d] = ymd.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mi, ss);
  let guess = wall - offsetMinutes(wall, tz) * 60000;
  guess = wall - offsetMinutes(guess, tz) * 60000;
  return guess;
}

export function isoWithOffset(ms: number, tz: string): string {
  const p = localParts(ms, tz);
  const off = offsetMinutes(ms, tz);
  const a = Math.abs(off);
  const sign = off >= 0 ? "+" : "-";
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.hh)}:${pad(p.mi)}:${pad(p.ss)}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** days since 1970-01-01 of a calendar date, zone-free */
export function dayNumber(ymd: string): number {
  const [y, m, d] = ymd.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

export function addDays(ymd: string, n: number): string {
  const t = new Date((dayNumber(ymd) + n) * 86400000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function isValidYmd(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return t.getUTCFullYear() === +m[1] && t.getUTCMonth() === +m[2] - 1 && t.getUTCDate() === +m[3];
}

export function isValidMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return !!m && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1900 && +m[1] <= 2999;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

// ---- Vietnamese writing

/** 24/10/2018 */
export function viDate(ymd: string): string {
  const [y, m, d] = ymd.split("-");
  return `${d}/${m}/${y}`;
}

/** 22/10/2018 21:00 */
export function viDateTime(ms: number, tz: string): string {
  const p = localParts(ms, tz);
  return `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.hh)}:${pad(p.mi)}`;
}

/** 10/2018 */
export function viMonthShort(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}

/** tháng 10/2018 */
export function viMonth(month: string): string {
  return `tháng ${viMonthShort(month)}`;
}

/** "Quận 1, ngày 05 tháng 3 năm 2019": leading zero for days 1–9 and for months 1 and 2 only (Decree 30/2020/NĐ-CP). */
export function officialDateLine(place: string, ymd: string): string {
  const [y, m, d] = ymd.split("-").map(Number);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** the later of two "YYYY-MM-DD" days */
export function laterDay(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}
