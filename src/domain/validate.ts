// Normalisers for what respondents type, each failing with a message in Vietnamese.
import { isValidMonth } from "./dates";
import type { Field, FieldKind } from "./forms/spec";
import { clean, fitCell, fold, nfc, quote } from "./text";
import type { Unit } from "./units";

export interface ParseContext {
  /** roster, by code */
  units: Map<string, Unit>;
  /** first month a report is expected */
  firstPeriod: string;
  /** the month (local) in which the response arrived: later months are "in the future" */
  receivedMonth: string;
}

type Normalised = { ok: true; value: unknown; note?: string } | { ok: false; error: string };

const EMPTY = "chưa trả lời (câu bắt buộc)";
const ok = (value: unknown, note?: string): Normalised => ({ ok: true, value, note });
const bad = (error: string): Normalised => ({ ok: false, error });

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

/** canonical https://www.facebook.com/… form (facebook.com, www., m., web., fb.com), or a Vietnamese reason */
export function facebookLink(raw: unknown, want: "account" | "group"): Normalised {
  const m = /^(?:https?:\/\/)?((?:[a-z]+\.)?(?:facebook|fb)\.com)(?=[/?#]|$)(\/[^?#]*)?(?:\?([^#]*))?/i.exec(
    clean(String(raw)).replace(/\s/g, ""),
  );
  if (!m || !/^((www|m|web|mbasic|touch|mobile)\.)?(facebook|fb)\.com$/i.test(m[1]))
    return bad("phải là đường dẫn Facebook (facebook.com/…)");
  const segs = (m[2] ?? "").split("/").filter(Boolean);
  const head = (segs[0] ?? "").toLowerCase();
  if (want === "group") {
    return head === "groups" && segs[1] ? ok(`${FB}groups/${segs[1]}`) : bad("phải là đường dẫn nhóm Facebook (facebook.com/groups/…)");
  }
  if (head === "profile.php") {
    const id = /(?:^|&)id=(\d+)/.exec(m[3] ?? "")?.[1];
    return id ? ok(`${FB}profile.php?id=${id}`) : bad("thiếu mã tài khoản (profile.php?id=…)");
  }
  if (!head || ["groups", "login", "share", "sharer", "home.php", "watch", "events"].includes(head)) {
    return bad("phải là đường dẫn tới tài khoản hoặc trang Facebook, không phải nhóm hay trang chủ");
  }
  return ok(FB + segs.join("/"));
}

/** the directive: the anonymous group must not be named after the union */
export function unionNamed(name: string): boolean {
  return / (cong doan|cd|cdcs|ldld|lien doan lao dong|c d)( |$)/.test(` ${fold(name).replace(/[^a-z0-9]+/g, " ")} `);
}
