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
export const SUBJECT_MAX = 250;
export function fitSubject(s: string): string {
  const chars = Array.from(s);
  return chars.length <= SUBJECT_MAX ? s : `${chars.slice(0, SUBJECT_MAX - 1).join("")}…`;
}

export const CELL_LIMIT = 50000;
export const TRUNCATION_NOTE = " …[đã cắt bớt: quá 50.000 ký tự; bản đủ trong biểu mẫu]";

/** cut text to fit a cell, saying so visibly */
export function fitCell(s: string): { text: string; cut: boolean } {
  if (s.length <= CELL_LIMIT - 1) return { text: s, cut: false };
  return { text: s.slice(0, CELL_LIMIT - 1 - TRUNCATION_NOTE.length) + TRUNCATION_NOTE, cut: true };
}

const PHONE = /(?:\+84|\b0)(?:[\s.-]?\d){9}\b/g;
const ID_NUMBER = /\b(?:\d{12}|\d{9})\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** which kinds of identity-like data a free text seems to hold */
export function identityHints(s: string): string[] {
  const masked = maskIdentity(s);
  return [
    ["[email", "địa chỉ email"],
    ["[số điện", "số điện thoại"],
    ["[số giấy", "số CMND/CCCD"],
  ]
    .filter(([mark]) => masked.includes(mark) && !s.includes(mark))
    .map(([, name]) => name);
}

/** what the rollup shows instead of identity-like data */
export function maskIdentity(s: string): string {
  return s.replace(EMAIL, "[email đã ẩn]").replace(PHONE, "[số điện thoại đã ẩn]").replace(ID_NUMBER, "[số giấy tờ đã ẩn]");
}

/** a short stable hash for change detection (FNV-1a) */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
