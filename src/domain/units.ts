// A unit (CĐCS) of the roster, and who is expected to report when.
import { clean } from "./text";

export interface Unit {
  code: string;
  name: string;
  chair: string;
  emails: string[];
  phone: string;
  group: string;
  /** first month the unit is expected to report, YYYY-MM ("" = from the start) */
  activeFrom: string;
  /** last month, YYYY-MM ("" = still active) */
  activeTo: string;
  /** row in the roster tab, where its links go */
  row?: number;
}

export function isActive(u: Unit, month: string): boolean {
  if (u.activeFrom && month < u.activeFrom) return false;
  if (u.activeTo && month > u.activeTo) return false;
  return true;
}

/** the choice shown in the forms' unit dropdown */
export function unitChoice(u: Unit): string {
  return `${u.code} – ${u.name}`;
}

/**
 * A roster cell's code as text. Typed into a plain cell, "001" reaches the script as the number 1; the display value
 * (what staff see, e.g. "001" under a "000" format or in a text column) is preferred when it reads as that number,
 * so leading zeros survive. A code stays upper-case, as the roster keys it.
 */
export function unitCodeOf(cell: unknown, display?: unknown): string {
  const shown = typeof display === "string" ? clean(display) : "";
  if (typeof cell === "number") {
    if (/^\d+$/.test(shown) && Number(shown) === cell) return shown;
    return String(cell);
  }
  const s = clean(String(cell ?? ""));
  // an apostrophe typed to keep "001" as text is Sheets' mark, not part of the code
  return s.replace(/^'/, "").toUpperCase();
}

const MONTH = /^(\d{4})-(\d{2})$/;
const mm = (m: string) => m.replace(MONTH, "$2/$1");

/** what in a unit's roster row cannot work, in Vietnamese (the roster flags it beside the row) */
export function rosterProblems(u: Unit): string[] {
  const out: string[] = [];
  if (u.activeFrom && u.activeTo && u.activeFrom > u.activeTo)
    out.push(
      `“Từ tháng” ${mm(u.activeFrom)} sau “Đến tháng” ${mm(u.activeTo)}: đơn vị sẽ không thuộc diện báo cáo tháng nào; sửa lại một trong hai ô`,
    );
  if (!u.name.trim()) out.push("chưa có tên CĐCS: thư gửi đơn vị sẽ thiếu tên; ghi tên ở cột “Tên CĐCS”");
  if (!u.emails.length) out.push("chưa có email: đơn vị sẽ không nhận được thư nhắc và thư báo; ghi ít nhất một email");
  return out;
}
