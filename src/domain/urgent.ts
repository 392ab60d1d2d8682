// Matters that cannot wait for the 24th (scenario Revision 3): the monthly answer `urgent`. A stored version that says
// one is mailed at once to the leaders and the staff, whatever the deadline or the sender; an edit that changes what it
// says is mailed again, one that keeps it is not. What the mail and the monthly report say of it.
import { viDateTime, viMonthShort } from "./dates";
import type { MonthlyAnswers } from "./forms";
import { channelWords } from "./mail-text";
import type { Settings } from "./settings";
import type { Version } from "./status";
import { hash, maskIdentity } from "./text";
import type { Unit } from "./units";

export const URGENT_KEY = "urgent" satisfies keyof MonthlyAnswers;

/** what a version's answers say is urgent ("" = nothing) */
export function urgentText(answers: Pick<MonthlyAnswers, typeof URGENT_KEY> | undefined): string {
  return (answers?.[URGENT_KEY] ?? "").trim();
}

/** one mail per response, unit and text: a version that keeps the text finds its mail already sent */
export function urgentKey(responseId: string, unit: string, text: string): string {
  return `urgent|${responseId}|${unit}|${hash(text.replace(/\s+/g, " ").trim())}`;
}

/** a form response from an address the unit's roster row does not hold, that staff have not confirmed */
export function senderUnverified(
  v: Pick<Version, "channel" | "email" | "confirmed" | "verdict">,
  unit: Unit | undefined,
  s: Settings,
): boolean {
  if (v.channel !== "form" || v.confirmed || !s.verifySender) return false;
  if (v.verdict === "unverified") return true;
  return !unit || !v.email || !unit.emails.includes(v.email);
}

export interface UrgentFacts {
  v: Pick<Version, "responseId" | "at" | "unit" | "period" | "channel" | "email" | "verdict" | "confirmed">;
  text: string;
  unit?: Unit;
  /** the unit changed what an earlier version of the same report said */
  edited: boolean;
  unverified: boolean;
}

interface UrgentWords {
  tinh_trang: string;
  tinh_trang_ngan: string;
  noi_dung_khan: string;
  chi_tiet: string;
}

/** the sentences of the urgent mail: who reported what, when, how; the text as written, identity-like data hidden */
export function urgentWords(f: UrgentFacts, s: Settings): UrgentWords {
  const who = f.unit ? `${f.unit.name} (mã ${f.unit.code})` : `Một đơn vị chưa xác định được (ghi “${f.v.unit || "không rõ"}”)`;
  const month = f.v.period ? `báo cáo tháng ${viMonthShort(f.v.period)}` : "báo cáo tháng";
  const from = f.v.channel === "form" && f.v.email ? ` từ địa chỉ ${f.v.email}` : "";
  const head = `${who} báo vụ việc cần báo cáo ngay trong ${month}, gửi ${channelWords(f.v.channel)} lúc ${viDateTime(f.v.at, s.timeZone)}${from}.`;
  const edit = f.edited ? " Đơn vị đã sửa báo cáo và thay đổi nội dung vụ việc; nội dung dưới đây thay cho thư trước." : "";
  const check = f.unverified
    ? ` Lưu ý: người gửi chưa được xác nhận (địa chỉ gửi không có trong danh sách email của đơn vị); ${s.deskName} cần liên hệ đơn vị để xác minh trước khi sử dụng thông tin.`
    : "";
  const masked = maskIdentity(f.text);
  const note = masked !== f.text ? "\n(Đã ẩn số điện thoại, số giấy tờ, email của cá nhân.)" : "";
  const contact = f.unit
    ? [
        `Liên hệ đơn vị: đồng chí ${f.unit.chair || "Chủ tịch CĐCS"}, Chủ tịch CĐCS${f.unit.phone ? `, điện thoại ${f.unit.phone}` : ""}${f.unit.emails.length ? `, email ${f.unit.emails.join(", ")}` : ""}.`,
      ]
    : [];
  return {
    tinh_trang: head + edit + check,
    tinh_trang_ngan: f.unverified ? "người gửi chưa được xác nhận" : f.edited ? "đơn vị báo bổ sung" : "đơn vị báo",
    noi_dung_khan: `Nội dung đơn vị báo:\n“${masked}”${note}`,
    chi_tiet: [...contact, `Báo cáo đầy đủ ở trang “Báo cáo tháng” của bảng tính (mã phản hồi ${f.v.responseId}).`].join("\n"),
  };
}

/** one matter in the monthly report: the unit, what it said, when it first said it */
export interface UrgentMatter {
  unit: string;
  text: string;
  at: number;
  unverified: boolean;
}

/**
 * A month's urgent matters from its stored versions (each with what it said): the first version of each response
 * and unit that said each text, oldest first; versions staff rejected are left out.
 */
export function urgentMatters(items: { v: Version; text: string; unverified: boolean }[], period: string, asOf: number): UrgentMatter[] {
  const seen = new Set<string>();
  const out: UrgentMatter[] = [];
  for (const x of [...items].sort((a, b) => a.v.at - b.v.at || a.v.row - b.v.row)) {
    if (x.v.period !== period || x.v.rejected || x.v.at > asOf || !x.text) continue;
    const k = urgentKey(x.v.responseId, x.v.unit, x.text);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ unit: x.v.unit, text: x.text, at: x.v.at, unverified: x.unverified });
  }
  return out;
}
