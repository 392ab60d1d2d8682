// Utilities.formatDate: the SimpleDateFormat letters the product uses, in any IANA zone.
const cache = new Map<string, Intl.DateTimeFormat>();

function parts(d: Date, tz: string) {
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

export function offsetMinutes(d: Date, tz: string): number {
  const p = parts(d, tz);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

export function formatDate(d: Date, tz: string, pattern: string): string {
  const p = parts(d, tz);
  const off = offsetMinutes(d, tz);
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
