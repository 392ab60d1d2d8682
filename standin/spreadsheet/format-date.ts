// Utilities.formatDate: the SimpleDateFormat letters the product uses, in any IANA zone.
const cache = new Map<string, Intl.DateTimeFormat>();

/** the wall clock in a zone as Intl gives it for this one instant (strings, two digits but the year) */
export function intlParts(d: Date, tz: string): Record<string, string> {
  let f = cache.get(tz);
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
    cache.set(tz, f);
  }
  const o: Record<string, string> = {};
  for (const p of f.formatToParts(d)) o[p.type] = p.value;
  return o;
}

/** the zone's offset from UTC at `t`, in ms, to the second (a zone's early local mean time is not whole minutes) */
function exactOffsetMs(t: number, tz: string): number {
  const p = intlParts(new Date(t), tz);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The offset at `t`, asked of Intl once per zone and quarter hour: Intl's formatToParts is most of what formatting a
 * date costs, and a zone's offset changes at most once in a quarter hour. A quarter hour whose first and last second
 * differ holds a change: each instant in it is asked for itself.
 */
const QUARTER = 15 * 60000;
const offsets = new Map<string, number>();
function offsetMs(t: number, tz: string): number {
  const q = Math.floor(t / QUARTER);
  const key = `${tz}|${q}`;
  let o = offsets.get(key);
  if (o === undefined) {
    const first = exactOffsetMs(q * QUARTER, tz);
    o = first === exactOffsetMs(q * QUARTER + QUARTER - 1000, tz) ? first : Number.NaN;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, o);
  }
  return Number.isNaN(o) ? exactOffsetMs(t, tz) : o;
}

export function offsetMinutes(d: Date, tz: string): number {
  return Math.round(offsetMs(d.getTime(), tz) / 60000);
}

const two = (n: number) => String(n).padStart(2, "0");

export function formatDate(d: Date, tz: string, pattern: string): string {
  const t = d.getTime();
  const offMs = offsetMs(t, tz);
  // the wall clock in the zone, read through UTC's getters
  const w = new Date(Math.floor(t / 1000) * 1000 + offMs);
  const p = {
    year: String(w.getUTCFullYear()),
    month: two(w.getUTCMonth() + 1),
    day: two(w.getUTCDate()),
    hour: two(w.getUTCHours()),
    minute: two(w.getUTCMinutes()),
    second: two(w.getUTCSeconds()),
  };
  const off = Math.round(offMs / 60000);
  const sign = off >= 0 ? "+" : "-";
  const abs = Math.abs(off);
  const xxx = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let j = i;
    while (pattern[j] === ch) j++;
    const n = j - i;
    const tok = ch.repeat(n);
    switch (ch) {
      case "y":
        out += n === 2 ? p.year.slice(2) : p.year;
        break;
      case "M":
        out += n >= 2 ? p.month : String(+p.month);
        break;
      case "d":
        out += n >= 2 ? p.day : String(+p.day);
        break;
      case "H":
        out += n >= 2 ? p.hour : String(+p.hour);
        break;
      case "m":
        out += n >= 2 ? p.minute : String(+p.minute);
        break;
      case "s":
        out += n >= 2 ? p.second : String(+p.second);
        break;
      case "S":
        out += String(d.getUTCMilliseconds()).padStart(3, "0");
        break;
      case "X":
      case "Z":
        out += xxx;
        break;
      default:
        out += tok;
    }
    i = j;
  }
  return out;
}

/** the UTC instant of a local wall-clock time in a zone */
export function localInstantOf(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - offsetMinutes(new Date(guess), tz) * 60000;
  return guess;
}
