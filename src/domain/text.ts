// Text the users read and type: NFC, folding for matching, numbers, HTML escaping, safe cells, identity masks.

export function nfc(s: string): string {
  return s.normalize("NFC");
}

/** "  Công   đoàn " -> "Công đoàn" (NFC) */
export function clean(s: string): string {
  return nfc(s)
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** for matching only: lower case, no diacritics, đ -> d, single spaces */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** 1234 -> "1.234", 0.714 -> "0,714" */
export function viNumber(n: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(n) : n.toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${neg ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** 0.714 -> "71,4%" */
export function viPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "–";
  const v = Math.round(ratio * 1000) / 10;
  return `${viNumber(v, Number.isInteger(v) ? 0 : 1)}%`;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Sheets would take "=…", "+…", "-…", "@…" (and a leading tab or CR) as a formula: the apostrophe keeps it text. */
export function safeCell(v: unknown): unknown {
  if (typeof v !== "string") return v;
  return /^[=+\-@\t\r\n']/.test(v) ? `'${v}` : v;
}

/**
 * Whether a cut at `i` keeps every character whole: not inside a surrogate pair (an emoji), not before a combining
 * mark, variation selector, skin tone or emoji tag, not on either side of a zero-width joiner, not between the two
 * halves of a flag.
 */
function isBoundary(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  const at = s.charCodeAt(i);
  if (at >= 0xdc00 && at <= 0xdfff && /[\ud800-\udbff]/.test(s[i - 1])) return false;
  const cp = s.codePointAt(i) ?? 0;
  if (/\p{M}/u.test(String.fromCodePoint(cp)) || cp === 0x200d || s.charCodeAt(i - 1) === 0x200d) return false;
  if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) return false;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
    // regional indicators pair up from the start of their run: an odd number before i means i splits a flag
    let n = 0;
    for (let j = i - 2; j >= 0 && (s.codePointAt(j) ?? 0) >= 0x1f1e6 && (s.codePointAt(j) ?? 0) <= 0x1f1ff; j -= 2) n++;
    return n % 2 === 0;
  }
  return true;
}

/** the longest start of `s` at most `max` UTF-16 units long that ends between two whole characters */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let i = Math.max(0, max);
  while (!isBoundary(s, i)) i--;
  return s.slice(0, i);
}

/** what someone typed, quoted in a message: “…”, cut on a character boundary with an ellipsis when long */
export function quote(s: string, max = 60): string {
  const cut = cutText(s, max);
  return `“${cut}${cut.length < s.length ? "…" : ""}”`;
}

/** bytes of a text in UTF-8 (MailApp counts a body's 200 KB in bytes; a Vietnamese letter takes two or three) */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** MailApp refuses a subject over 250 characters: a longer one is cut, with an ellipsis, at a whole character */
const SUBJECT_MAX = 250;
export function fitSubject(s: string): string {
  const chars = Array.from(s);
  return chars.length <= SUBJECT_MAX ? s : `${chars.slice(0, SUBJECT_MAX - 1).join("")}…`;
}

export const CELL_LIMIT = 50000;
export const TRUNCATION_NOTE = " …[đã cắt bớt: quá 50.000 ký tự; bản đủ trong biểu mẫu]";

/** cut text to fit a cell, saying so visibly */
export function fitCell(s: string): { text: string; cut: boolean } {
  if (s.length <= CELL_LIMIT - 1) return { text: s, cut: false };
  return { text: cutText(s, CELL_LIMIT - 1 - TRUNCATION_NOTE.length) + TRUNCATION_NOTE, cut: true };
}

// ---- identity-like data: emails, phone numbers, ID card numbers (CMND 9 digits, CCCD 12 digits)

type IdentityKind = "email" | "phone" | "id";

const IDENTITY: { kind: IdentityKind; mask: string; hint: string }[] = [
  { kind: "email", mask: "[email đã ẩn]", hint: "địa chỉ email" },
  { kind: "phone", mask: "[số điện thoại đã ẩn]", hint: "số điện thoại" },
  { kind: "id", mask: "[số giấy tờ đã ẩn]", hint: "số CMND/CCCD" },
];

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|\s?[[(]at[\])]\s?)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A date (dd.mm.yyyy, dd-mm-yyyy, dd/mm/yyyy) is consumed whole so it never joins a number beside it; otherwise a
// run of digit groups joined by one space, dot or dash, with brackets around a group: "(028) 3829 1234", "+84 (0) 903…".
const NUMBERS = /(\d{1,2}([./-])\d{1,2}\2(?:19|20)\d{2}(?![.-]?\d))|((?:\(\+?|\+)?\d+(?:\)?[ .\u00a0-]?\(?\d+)*)/g;
/** an identity document named just before the number: then any grouping of 9 or 12 digits is one (10 after “số BHXH”) */
const ID_WORD =
  /(cmnd|cccd|cmt|can cuoc( cong dan)?|chung minh( nhan dan| thu)?|dinh danh( ca nhan)?|ho chieu|(ma so|ma|so so|so) bhxh)[^a-z0-9]*(so)?[^a-z0-9]*$/;
/** an amount, not an identity: "100000000 đồng", "4.680.000đ", "15%" */
const MONEY_AFTER = /^\s?(d|dong|vnd|trieu|tr|ty|nghin|ngan|k|usd|%)(?![a-z0-9])/;
/** the most digits one identity holds: "+84 (0) 28 3829 1234" */
const MAX_DIGITS = 14;

function numberKind(digits: string, groups: number[], named: () => boolean): IdentityKind | null {
  const split = groups.length > 1;
  const idLength = digits.length === 9 || digits.length === 12 || (digits.length === 10 && !digits.startsWith("0"));
  if (idLength && named()) return "id";
  // +84 / 0084 / 84 (the plus is often left out), an optional 0 kept in brackets, then 9 digits (mobile) or 10
  // (landline, 2x area code)
  if (/^(?:00)?840?(?:[1-9]\d{8}|2\d{9})$/.test(digits)) return "phone";
  // 0 then 9 digits (mobiles, old landlines), or 0 then 10 digits (landlines 02x since 2017, old mobiles 01x)
  if (/^0(?:[1-9]\d{8}|[12]\d{9})$/.test(digits) && !(split && groups[0] < 2)) return "phone";
  // an unbroken 9- or 12-digit number; grouped, only as ID cards are written (a leading 0, groups of 3 or 4)
  if ((digits.length === 9 || digits.length === 12) && (!split || (digits.startsWith("0") && groups.every((n) => n >= 3)))) return "id";
  return null;
}

/** spans of `s` holding identity-like data, in order */
function findIdentity(s: string): { start: number; end: number; kind: IdentityKind }[] {
  const found: { start: number; end: number; kind: IdentityKind }[] = [];
  for (const m of s.matchAll(EMAIL)) found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: "email" });
  const emails = found.slice();
  for (const m of s.matchAll(NUMBERS)) {
    if (!m[3]) continue;
    const at = m.index ?? 0;
    const groups = [...m[3].matchAll(/\d+/g)].map((g) => ({ start: at + (g.index ?? 0), end: at + (g.index ?? 0) + g[0].length }));
    const spaced = (k: number) => k === 0 || k === groups.length || /\s/.test(s.slice(groups[k - 1].end, groups[k].start));
    // a run may hold more than one number ("năm 2018 0903 123 456"): try windows of groups, split only at spaces
    for (let a = 0; a < groups.length; a++) {
      if (!spaced(a)) continue;
      // the window starts with its brackets and plus sign: "(028) …", "+84 …", "(+84) …"
      let start = groups[a].start;
      while (start > at && /[(+]/.test(s[start - 1])) start--;
      let idWord: boolean | undefined;
      const named = () => (idWord ??= ID_WORD.test(fold(s.slice(Math.max(0, start - 40), start))));
      let best: { b: number; kind: IdentityKind } | null = null;
      let digits = "";
      for (let b = a; b < groups.length; b++) {
        digits += s.slice(groups[b].start, groups[b].end);
        if (digits.length > MAX_DIGITS) break;
        if (!spaced(b + 1)) continue;
        const kind = numberKind(
          digits,
          groups.slice(a, b + 1).map((g) => g.end - g.start),
          named,
        );
        if (kind && !MONEY_AFTER.test(fold(s.slice(groups[b].end, groups[b].end + 8)))) best = { b, kind };
      }
      const end = best ? groups[best.b].end : 0;
      // "(0903 123 456)": that bracket belongs to the sentence, not to the number
      if (best && s[start] === "(" && !s.slice(start, end).includes(")")) start++;
      if (!best || emails.some((e) => start < e.end && end > e.start)) continue;
      found.push({ start, end, kind: best.kind });
      a = best.b;
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

/** which kinds of identity-like data a free text seems to hold (exactly what maskIdentity would hide) */
export function identityHints(s: string): string[] {
  const kinds = new Set(findIdentity(s).map((f) => f.kind));
  return IDENTITY.filter((k) => kinds.has(k.kind)).map((k) => k.hint);
}

/** what the rollup shows instead of identity-like data */
export function maskIdentity(s: string): string {
  let out = "";
  let last = 0;
  for (const f of findIdentity(s)) {
    out += s.slice(last, f.start) + (IDENTITY.find((k) => k.kind === f.kind)?.mask ?? "");
    last = f.end;
  }
  return out + s.slice(last);
}

/** a short stable hash for change detection (FNV-1a) */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** the string in pieces of at most `max` UTF-8 bytes, never splitting a character */
export function chunkBytes(s: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const b = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + b > max) {
      out.push(s.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += b;
    if (pair) i++;
  }
  if (start < s.length) out.push(s.slice(start));
  return out;
}
