// Normalisers for what respondents type, each failing with a message in Vietnamese.
import { isValidMonth } from "./dates";
import type { AnswerValue, Field, FieldKind, ParseContext } from "./forms/field";

export type { ParseContext } from "./forms/field";

import type { Result } from "./result";
import { clean, fitCell, fold, nfc, quote } from "./text";
import type { Unit } from "./units";

/** the answer as stored (with a note for staff), or why it is refused, in Vietnamese (shown after the question) */
type Normalised<V extends AnswerValue | undefined = AnswerValue | undefined> = Result<V, string> & { note?: string };

const EMPTY = "chưa trả lời (câu bắt buộc)";
const ok = <V extends AnswerValue | undefined>(value: V, note?: string): Normalised<V> => ({ ok: true, value, note });
const bad = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

function asText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(asText).join(", ");
  return clean(String(v));
}

function text(v: unknown, f: Field, max: number): Normalised {
  const s = asText(v);
  if (!s) return f.required ? bad(EMPTY) : ok(undefined);
  if (s.length > max) return bad(`dài ${s.length} ký tự, tối đa ${max}; đã nhập: ${quote(s, 40)}`);
  return ok(s);
}

function paragraph(v: unknown, f: Field): Normalised {
  // keep line breaks in reports; tidy each line
  const s = nfc(v === null || v === undefined ? "" : Array.isArray(v) ? v.join("\n") : String(v))
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => clean(l))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (!s) return f.required ? bad(EMPTY) : ok(undefined);
  const fit = fitCell(s);
  return ok(fit.text, fit.cut ? `“${f.column ?? f.title}” dài ${s.length} ký tự: đã cắt bớt trong bảng tính` : undefined);
}

const DIGITS_ONLY = "đề nghị chỉ ghi chữ số, không dấu chấm, dấu phẩy hay chữ";

/** a count within range, or why not */
function countValue(n: number, typed: string): Normalised {
  if (!Number.isFinite(n)) return bad(`${quote(typed, 40)} không phải là số: ${DIGITS_ONLY} (ví dụ 12)`);
  if (n < 0) return bad(`không được là số âm; đã nhập: ${quote(typed, 40)}`);
  if (!Number.isInteger(n)) return bad(`${quote(typed, 40)} không phải là số nguyên: số lượng không có phần lẻ`);
  return n > 1e6 ? bad(`số quá lớn (tối đa 1.000.000); đã nhập: ${quote(typed, 40)}`) : ok(n);
}

/**
 * A count: a whole number ≥ 0, typed as digits ("12", "007").
 * A dot or comma followed by exactly three digits ("1.000", "1,000", "2,500") is refused, quoting what was typed: a
 * Vietnamese reader takes it for a thousands separator, an English keyboard for a decimal point, and a count stored a
 * thousand times off is worse than a question. Two or more of the same separator, each before three digits
 * ("1.234.567", "1,000,000"), can only group thousands (a number has one decimal point), and spaces between groups of
 * three ("1 000") likewise: these are read as the whole number. Any other dot or comma makes a fraction.
 */
function count(v: unknown, f: Field): Normalised {
  if (typeof v === "number") return countValue(v, String(v).replace(".", ","));
  const typed = asText(v);
  if (!typed) return f.required ? bad(EMPTY) : ok(undefined);
  if (/^-\s*\d/.test(typed)) return bad(`không được là số âm; đã nhập: ${quote(typed, 40)}`);
  if (/^\d+$/.test(typed) || /^\d{1,3}(?:( |\.|,)\d{3})(?:\1\d{3})+$/.test(typed) || /^\d{1,3}(?: \d{3})+$/.test(typed))
    return countValue(Number(typed.replace(/\D/g, "")), typed);
  const one = /^(\d{1,3})[.,](\d{3})$/.exec(typed);
  if (one) {
    const fraction = one[2].replace(/0+$/, "");
    const whole = Number(one[1] + one[2]);
    return bad(
      `${quote(typed)} có thể hiểu là ${whole} hoặc ${Number(one[1])}${fraction ? `,${fraction}` : ""} (dấu chấm, dấu phẩy vừa tách hàng nghìn vừa là dấu thập phân): ${DIGITS_ONLY}, ví dụ ${whole}`,
    );
  }
  // a fraction: one separator, or thousands then a decimal mark in either convention ("1.234,5", "1,234.5")
  if (/^\d+[.,]\d+$|^\d{1,3}(?:\.\d{3})+,\d+$|^\d{1,3}(?:,\d{3})+\.\d+$/.test(typed))
    return bad(`${quote(typed, 40)} không phải là số nguyên: số lượng không có phần lẻ`);
  return bad(`${quote(typed, 40)} không phải là số: ${DIGITS_ONLY} (ví dụ 12)`);
}

function choiceKey(f: Field, raw: string): string | undefined {
  const t = fold(raw);
  return f.choices?.find((c) => fold(c.key) === t || fold(c.label) === t)?.key;
}

function choice(v: unknown, f: Field): Normalised {
  const s = asText(v);
  if (!s) return f.required ? bad(EMPTY) : ok(undefined);
  const k = choiceKey(f, s);
  if (!k) return bad(`${quote(s)} không phải là một lựa chọn (${(f.choices ?? []).map((c) => c.label).join("; ")})`);
  return ok(k);
}

function checkboxes(v: unknown, f: Field): Normalised {
  const list = (Array.isArray(v) ? v.map(asText) : asText(v).split(/[;,]/)).map((x) => x.trim()).filter(Boolean);
  if (!list.length) return f.required ? bad(EMPTY) : ok([]);
  const keys: string[] = [];
  for (const item of list) {
    const k = choiceKey(f, item);
    if (!k) return bad(`${quote(item)} không phải là một lựa chọn`);
    if (!keys.includes(k)) keys.push(k);
  }
  const order = (f.choices ?? []).map((c) => c.key);
  keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return ok(keys);
}

/** "2018-10", "10/2018", "Tháng 10/2018", "T10/2018", a date: to YYYY-MM */
export function readMonth(v: unknown): string | null {
  if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") {
    const d = v as Date;
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
  }
  const s = fold(asText(v)).replace(/^thang\s*|^t\s*/, "");
  let m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(s);
  if (m) return isValidMonth(`${m[1]}-${m[2].padStart(2, "0")}`) ? `${m[1]}-${m[2].padStart(2, "0")}` : null;
  m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return isValidMonth(`${m[2]}-${m[1].padStart(2, "0")}`) ? `${m[2]}-${m[1].padStart(2, "0")}` : null;
  return null;
}

function month(v: unknown, f: Field, ctx: ParseContext): Normalised {
  const raw = asText(v);
  if (!raw && !(v instanceof Date)) return f.required ? bad(EMPTY) : ok(undefined);
  const m = readMonth(v);
  if (!m) return bad(`${quote(raw, 20)} không phải là tháng hợp lệ (ví dụ: 10/2018)`);
  if (m < ctx.firstPeriod)
    return bad(
      `tháng ${m.slice(5)}/${m.slice(0, 4)} trước kỳ báo cáo đầu tiên (${ctx.firstPeriod.slice(5)}/${ctx.firstPeriod.slice(0, 4)})`,
    );
  // before the first period, the form offers that period: a report sent early for it is taken (on time)
  if (m > ctx.receivedMonth && !(m === ctx.firstPeriod && ctx.receivedMonth < ctx.firstPeriod))
    return bad(`tháng ${m.slice(5)}/${m.slice(0, 4)} chưa đến: không thể báo cáo trước`);
  return ok(m);
}

/** "CD001 – CĐCS …", "cd001", the unit's name: to the unit's code */
export function resolveUnit(raw: string, units: Map<string, Unit>): Unit | undefined {
  const s = clean(raw);
  if (!s) return undefined;
  const direct = units.get(s) ?? units.get(s.toUpperCase());
  if (direct) return direct;
  const head = fold(s.split(/\s+[–—-]\s+/)[0]);
  const whole = fold(s);
  for (const u of units.values()) {
    if (fold(u.code) === head || fold(u.code) === whole || fold(u.name) === whole) return u;
  }
  // a code of digits typed into a Sheets cell arrives as a number: 1 is the roster's "001" when no other code is 1
  if (/^\d+$/.test(head)) {
    const same = [...units.values()].filter((u) => /^\d+$/.test(u.code) && Number(u.code) === Number(head));
    if (same.length === 1) return same[0];
  }
  return undefined;
}

function unit(v: unknown, f: Field, ctx: ParseContext): Normalised {
  const s = asText(v);
  if (!s) return f.required ? bad(EMPTY) : ok(undefined);
  const u = resolveUnit(s, ctx.units);
  if (!u) return bad(`không tìm thấy đơn vị ${quote(s)} trong danh sách CĐCS`);
  return ok(u.code);
}

export const normalizers: Record<FieldKind, (v: unknown, f: Field, ctx: ParseContext) => Normalised> = {
  unit,
  shortText: (v, f) => text(v, f, 300),
  paragraph: (v, f) => paragraph(v, f),
  number: (v, f) => count(v, f),
  choice: (v, f) => choice(v, f),
  checkboxes: (v, f) => checkboxes(v, f),
  month,
};

// ---- Facebook links

const FB = "https://www.facebook.com/";

type LinkKind = "account" | "group";

/** what to do, said for the question the link answers */
const COPY: Record<LinkKind, string> = {
  account: "mở trang của tài khoản (hoặc trang) rồi chép đường dẫn trên thanh địa chỉ, hoặc chọn Chia sẻ → Sao chép liên kết",
  group:
    "mở nhóm rồi chép đường dẫn trên thanh địa chỉ (facebook.com/groups/…), hoặc chọn Chia sẻ → Sao chép liên kết (facebook.com/share/g/…)",
};
const NOT_FACEBOOK = "phải là đường dẫn Facebook (facebook.com/…)";
const GROUP_NOT_ACCOUNT =
  "đây là đường dẫn tới một nhóm; câu này cần đường dẫn tài khoản hoặc trang, không phải nhóm (đường dẫn nhóm ẩn danh ghi ở câu “Đường dẫn nhóm ẩn danh”)";
const ACCOUNT_NOT_GROUP = `phải là đường dẫn nhóm Facebook, đây là đường dẫn tài khoản hoặc trang: ${COPY.group}`;
const redirect = (want: LinkKind) =>
  `đây là đường dẫn chuyển tiếp của Facebook (l.php), không phải đường dẫn của ${want === "group" ? "nhóm" : "tài khoản"}: ${COPY[want]}`;
const content = (what: string, want: LinkKind) =>
  `đây là đường dẫn tới ${what}, không phải tới ${want === "group" ? "nhóm" : "tài khoản hay trang"}: ${COPY[want]}`;
const nowhere = (want: LinkKind) =>
  `đây là đường dẫn tới trang chủ hay một mục chung của Facebook, chưa chỉ tới ${want === "group" ? "nhóm" : "tài khoản"} nào: ${COPY[want]}`;

/** a post, photo, video, story or reel: by the first segment of the path, or the kind letter of a share link */
const CONTENT: Record<string, string> = {
  "permalink.php": "một bài viết",
  "story.php": "một bài viết",
  posts: "một bài viết",
  permalink: "một bài viết",
  p: "một bài viết",
  "photo.php": "một ảnh",
  photo: "một ảnh",
  photos: "một ảnh",
  "video.php": "một video",
  video: "một video",
  videos: "một video",
  watch: "một video",
  v: "một video",
  reel: "một thước phim (reel)",
  reels: "một thước phim (reel)",
  r: "một thước phim (reel)",
  stories: "một tin (story)",
  story: "một tin (story)",
  events: "một sự kiện",
  e: "một sự kiện",
};
/** paths that name no account: Facebook's own pages */
const NOWHERE = new Set([
  "home.php",
  "login",
  "login.php",
  "sharer",
  "sharer.php",
  "dialog",
  "search",
  "friends",
  "notifications",
  "messages",
  "marketplace",
  "gaming",
  "hashtag",
  "help",
  "settings",
  "bookmarks",
  "saved",
  "pages",
  "profile.php",
  "people",
  "groups",
  "share",
]);
/** an account's tabs: the account is taken ("/congdoan/about" is "/congdoan") */
const TABS = new Set([
  "about",
  "friends",
  "followers",
  "following",
  "photos",
  "videos",
  "reels",
  "mentions",
  "reviews",
  "community",
  "events",
]);
/** a username, a page's or group's slug or number */
const NAME = /^[\p{L}\p{N}._%-]+$/u;
/** the hosts Facebook serves pages from: www, mobile, lite, locale ("vi-vn") */
const FACEBOOK_HOST = /^(?:(?:www|m|web|mbasic|touch|mobile|free|[a-z]{2}-[a-z]{2})\.)?(?:facebook|fb)\.com$/;

/**
 * A Facebook link as chairs copy it, made canonical (https://www.facebook.com/…, no tracking parameters), or a reason
 * in Vietnamese. Taken for an account: a username, profile.php?id=…, people/<name>/<id>, p/<name>, a share link
 * (facebook.com/share/<id>/) or fb.me/<name>. For a group: groups/<id or slug> (a post in it names it too) or a group
 * share link (facebook.com/share/g/<id>/). Refused, each saying what to do: a redirect (l.php, l.facebook.com), a
 * post, photo, video, story or reel, Facebook's own pages, another site, a group given for the account and the reverse.
 * A share link cannot be followed here: it is kept as it is, the kind its path says.
 */
export function facebookLink(raw: unknown, want: LinkKind): Normalised<string> {
  const typed = clean(String(raw ?? "")).replace(/\s/g, "");
  const m = /^(?:https?:\/\/)?([^/?#:]+)(?::\d+)?(\/[^?#]*)?(?:\?([^#]*))?/i.exec(typed);
  if (!m) return bad(NOT_FACEBOOK);
  const host = m[1].toLowerCase();
  const segs = (m[2] ?? "").split("/").filter(Boolean);
  const query = m[3] ?? "";
  const head = (segs[0] ?? "").toLowerCase();
  const as = (kind: LinkKind, url: string) => (kind === want ? ok(url) : bad(kind === "group" ? GROUP_NOT_ACCOUNT : ACCOUNT_NOT_GROUP));
  if (/^(?:l|lm)\.facebook\.com$/.test(host) || (FACEBOOK_HOST.test(host) && head === "l.php")) return bad(redirect(want));
  if (host === "fb.watch") return bad(content("một video", want));
  if (host === "fb.me" || host === "www.fb.me") {
    // a short link to a page or profile
    if (segs.length === 1 && NAME.test(segs[0])) return as("account", `https://fb.me/${segs[0]}`);
    return bad(segs.length ? content(CONTENT[head] ?? "một nội dung", want) : nowhere(want));
  }
  if (!FACEBOOK_HOST.test(host)) return bad(NOT_FACEBOOK);
  if (head === "share") {
    // Share → Copy link: /share/<id>/ a profile or page, /share/g/<id>/ a group, /share/p|v|r/ a post, video, reel
    const kind = segs.length === 3 ? segs[1].toLowerCase() : "";
    const id = segs[segs.length - 1] ?? "";
    if (segs.length === 2 && NAME.test(id)) return as("account", `${FB}share/${id}/`);
    if (kind === "g" && NAME.test(id)) return as("group", `${FB}share/g/${id}/`);
    if (segs.length === 3 && CONTENT[kind]) return bad(content(CONTENT[kind], want));
    return bad(nowhere(want));
  }
  if (head === "groups") {
    const g = segs[1] ?? "";
    if (!g || !NAME.test(g) || ["feed", "discover", "joins", "create", "search"].includes(g.toLowerCase())) return bad(nowhere(want));
    // a post or member page inside a group names the group
    return as("group", `${FB}groups/${g}`);
  }
  if (head === "profile.php") {
    const id = /(?:^|&)id=(\d+)/.exec(query)?.[1];
    return id ? as("account", `${FB}profile.php?id=${id}`) : bad("thiếu mã tài khoản (profile.php?id=…)");
  }
  if (head === "people" && segs.length >= 3 && /^\d+$/.test(segs[2])) return as("account", `${FB}people/${segs[1]}/${segs[2]}`);
  if (head === "pages" && segs.length >= 3 && /^\d+$/.test(segs[2])) return as("account", `${FB}pages/${segs[1]}/${segs[2]}`);
  if (head === "p" && segs.length === 2 && NAME.test(segs[1])) return as("account", `${FB}p/${segs[1]}`);
  if (head === "pg" && segs[1] && NAME.test(segs[1])) return as("account", FB + segs[1]);
  if (CONTENT[head]) return bad(content(CONTENT[head], want));
  if (!head || NOWHERE.has(head) || !NAME.test(segs[0])) return bad(nowhere(want));
  // /<name>, /<name>/<tab>; /<name>/posts/…, /<name>/videos/… are a post or a video of it
  if (segs.length > 1) {
    const sub = segs[1].toLowerCase();
    if (CONTENT[sub] && (segs.length > 2 || !TABS.has(sub))) return bad(content(CONTENT[sub], want));
    if (segs.length > 2 || !TABS.has(sub)) return bad(nowhere(want));
  }
  return as("account", FB + segs[0]);
}

/** the directive: the anonymous group must not be named after the union */
export function unionNamed(name: string): boolean {
  return / (cong doan|cd|cdcs|ldld|lien doan lao dong|c d)( |$)/.test(` ${fold(name).replace(/[^a-z0-9]+/g, " ")} `);
}
