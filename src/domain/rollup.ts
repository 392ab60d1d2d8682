// The rollup of a period as the leaders' mail and as its own tab; the report itself is a Google Doc (./report).
import { viMonth } from "./dates";
import { REGISTRATION } from "./periods";
import { type Block, blocksHtml, blocksRows } from "./report/blocks";
import { atText, type Report } from "./report/report";
import type { Settings } from "./settings";
import { buttonHtml } from "./templates";
import { cutText, escapeHtml as e, utf8Length } from "./text";

function periodTitle(period: string): string {
  return period === REGISTRATION ? "đăng ký tài khoản Facebook" : `báo cáo ${viMonth(period)}`;
}

/** where the report's document is, for the mail */
export interface DocLink {
  name: string;
  url: string;
}

/**
 * MailApp takes 200 KB of body, counted in bytes (a Vietnamese letter takes two or three): past this many bytes of
 * HTML, the mail keeps the figures and points to the document
 */
export const MAIL_BODY_BYTES = 150000;

/** the figures part: everything before the second section */
function figuresPart(blocks: Block[]): Block[] {
  const second = blocks.findIndex((b, i) => i > 0 && b.kind === "heading" && b.level === 1 && !b.text.startsWith("I."));
  return second > 0 ? blocks.slice(0, second) : blocks;
}

/** the leaders' mail (internal): where the draft is, the figures and concerns; every value escaped */
export function rollupMailHtml(r: Report, s: Settings, intro: string, doc: DocLink | null, notes: string[]): string {
  const head = `<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5;overflow-wrap:break-word;word-wrap:break-word">${intro}`;
  // the draft as a button a phone can tap, then what the desk does with it
  const where = doc
    ? `${buttonHtml(doc.url, `Mở dự thảo ${doc.name}`)}<p><b>Dự thảo văn bản (Google Docs):</b> ${e(doc.name)}. ${e(s.deskName)} sửa, viết phần đánh giá, ghi số và trình ký; văn bản chỉ gửi các nơi nhận sau khi đã ký. Bản PDF đính kèm để đọc.</p>`
    : "";
  const note = notes.map((n) => `<p><i>${e(n)}</i></p>`).join("");
  const title = `<h2>Tổng hợp ${e(periodTitle(r.period))}</h2><p>Số liệu tính đến ${e(atText(r.asOf, s.timeZone))}.</p>`;
  let html = `${head}${where}${note}${title}${blocksHtml(r.body)}</div>`;
  if (utf8Length(html) > MAIL_BODY_BYTES) {
    html = `${head}${where}${note}${title}${blocksHtml(figuresPart(r.body))}<p><i>Nội dung quá dài cho thư: xem văn bản và trang tổng hợp của bảng tính.</i></p></div>`;
  }
  return html;
}

/** the rollup as rows for its own tab: the report's body, then every text whole */
export function rollupRows(r: Report, s: Settings): string[][] {
  const rows: string[][] = [[`TỔNG HỢP ${periodTitle(r.period).toUpperCase()}`, `Số liệu tính đến ${atText(r.asOf, s.timeZone)}`]];
  rows.push(...blocksRows(r.body));
  if (r.texts.length) {
    rows.push(["", ""], ["NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ", "Nguyên văn (đã ẩn số điện thoại, số giấy tờ, email)"]);
    for (const [unit, label, text] of r.texts) rows.push([`${unit} – ${label}`, text]);
  }
  return rows;
}

/** the plain-text part of the mail */
export function rollupText(r: Report, s: Settings, doc: DocLink | null): string {
  const lines = doc ? [`Dự thảo văn bản (Google Docs): ${doc.url}`, ""] : [];
  const rows = rollupRows({ ...r, texts: [] }, s);
  const text = [...lines, ...rows.map((row) => row.filter(Boolean).join(": "))].join("\n");
  // the plain part stays within a quarter of the budget: whole characters, counted in bytes
  let cut = text;
  while (utf8Length(cut) > MAIL_BODY_BYTES / 4) cut = cutText(cut, Math.floor(cut.length * 0.9));
  return cut;
}
