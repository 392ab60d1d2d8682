// The rollup of a period as the leaders' mail and as its own tab; the report itself is a Google Doc (./report).
import { viMonth } from "./dates";
import { REGISTRATION } from "./periods";
import { type Block, blocksHtml, blocksRows, blocksText, type Part, type TabRows } from "./report/blocks";
import { atText, type Report } from "./report/report";
import type { Settings } from "./settings";
import { buttonHtml } from "./templates";
import { cutText, escapeHtml as e, utf8Length, viNumber, viPercent } from "./text";
import { trendMailHtml } from "./trends";

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

/** a list of units in the mail stops past this many characters: the first units, then how many more and where */
const LIST_CHARS = 1500;
/** a table in the mail stops past this many rows */
const TABLE_ROWS = 40;

const REST = "danh sách đủ trong văn bản đính kèm và trang tổng hợp của bảng tính";

/** a long “A; B; C.” list cut after the units that fit, saying how many are left out and where they are */
function shortList(text: string): string {
  if (text.length <= LIST_CHARS) return text;
  const items = text.replace(/\.$/, "").split("; ");
  const kept: string[] = [];
  let size = 0;
  for (const x of items) {
    if (kept.length && size + x.length + 2 > LIST_CHARS) break;
    kept.push(x);
    size += x.length + 2;
  }
  // one long item, not a list: cut on a character boundary
  if (items.length === 1) return `${cutText(text, LIST_CHARS)}… (${REST}).`;
  return `${kept.join("; ")}; … và ${viNumber(items.length - kept.length)} đơn vị khác (${REST}).`;
}

/**
 * The report's blocks as a mail carries them: the lists of units (late, missing, …) and the long tables cut to their
 * first lines; the document attached and the rollup tab keep them whole
 */
function mailBlocks(blocks: Block[]): Block[] {
  return blocks.map((b): Block => {
    // a list of units: its label in bold, then the units
    const first = b.kind === "item" ? b.parts[0] : undefined;
    if (b.kind === "item" && typeof first === "object" && first.bold) {
      const parts = b.parts.map((p): Part => (typeof p === "string" ? shortList(p) : p));
      return { ...b, parts };
    }
    if (b.kind === "table" && b.rows.length > TABLE_ROWS) {
      const more = [`… và ${viNumber(b.rows.length - TABLE_ROWS)} dòng khác (${REST})`, ...b.head.slice(1).map(() => "")];
      return { ...b, rows: [...b.rows.slice(0, TABLE_ROWS), more] };
    }
    return b;
  });
}

/**
 * The leaders' mail (internal): where the draft is, the figures and concerns; every value escaped. It always fits in
 * MailApp's 200 KB, counted in bytes as Google counts them: the whole body when it fits, else its long lists cut, else
 * the figures alone, else only where the document is.
 */
export function rollupMailHtml(r: Report, s: Settings, intro: string, doc: DocLink | null, notes: string[]): string {
  const open = `<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5;overflow-wrap:break-word;word-wrap:break-word">`;
  // the draft as a button a phone can tap, then what the desk does with it
  const where = doc
    ? `${buttonHtml(doc.url, `Mở dự thảo ${doc.name}`)}<p><b>Dự thảo văn bản (Google Docs):</b> ${e(doc.name)}. ${e(deskNote(s))}</p>`
    : "";
  const note = notes.map((n) => `<p><i>${e(n)}</i></p>`).join("");
  // the month's figures and the units to watch first (a phone's first screen), the chart, then the link; the greeting
  // and the signature after, with the detail
  const title = `<h2 style="margin:0 0 4px;font-size:18px">Tổng hợp ${e(periodTitle(r.period))}</h2><p style="margin:0 0 4px">Số liệu tính đến ${e(atText(r.asOf, s.timeZone))}.</p>${headline(r)}`;
  const chart = r.trend ? trendMailHtml(r.trend) : "";
  const head = `${open}${title}${chart}`;
  const tail = intro ? `<hr style="border:0;border-top:1px solid #ccc;margin:12px 0">${intro}` : "";
  const long = "<p><i>Nội dung quá dài cho thư: xem văn bản và trang tổng hợp của bảng tính.</i></p>";
  const tries = [
    () => blocksHtml(r.body),
    () => blocksHtml(mailBlocks(r.body)),
    () => `${blocksHtml(mailBlocks(figuresPart(r.body)))}${long}`,
    () => long,
  ];
  for (const body of tries) {
    const html = `${head}${where}${note}${body()}${tail}</div>`;
    if (utf8Length(html) <= MAIL_BODY_BYTES) return html;
  }
  // the template's own text is what does not fit (staff's template, edited): the mail goes without it
  return `${open}${title}${where}${long}</div>`;
}

/** units named in the mail's first lines: a few, then how many more */
const WATCH_SHOWN = 6;

/** the month's figures in one line (its first part in bold) and the units to watch: not sent, to fix, waiting, late */
function headlineOf(r: Report): { lead: string; rest: string; watch: { label: string; units: string }[] } {
  const f = r.figures;
  const reg = r.period === REGISTRATION;
  const named = (codes: string[]) =>
    codes.length > WATCH_SHOWN
      ? `${codes.slice(0, WATCH_SHOWN).join(", ")} và ${viNumber(codes.length - WATCH_SHOWN)} đơn vị khác`
      : codes.join(", ");
  const watch: { label: string; units: string }[] = [];
  const add = (label: string, codes: string[]) => {
    if (codes.length) watch.push({ label: `${label} (${viNumber(codes.length)}):`, units: named(codes) });
  };
  add(`Chưa ${reg ? "đăng ký" : "nộp"}`, f.missing);
  add("Chưa hợp lệ", f.invalid);
  add("Chờ xác nhận người gửi", f.unverified);
  add(
    "Trễ trên 3 ngày",
    f.late.filter((l) => l.daysLate > 3).map((l) => l.unit),
  );
  return {
    lead: `${reg ? "Đã đăng ký" : "Đã nộp"} ${viNumber(f.received)}/${viNumber(f.expected)} đơn vị (${viPercent(f.reportingRate)})`,
    rest: `, đúng hạn ${viNumber(f.onTime)}, trễ hạn ${viNumber(f.late.length)}.`,
    watch,
  };
}

const NO_WATCH = "Không có đơn vị nào cần chú ý.";

function headline(r: Report): string {
  const h = headlineOf(r);
  const line = `<p style="margin:0 0 4px;font-size:16px"><b>${e(h.lead)}</b>${e(h.rest)}</p>`;
  const list = h.watch.length
    ? `<p style="margin:0 0 2px"><b>Đơn vị cần chú ý</b></p>${h.watch.map((w) => `<p style="margin:0 0 2px 10px">- <b>${e(w.label)}</b> ${e(w.units)}</p>`).join("")}`
    : `<p style="margin:0 0 4px">${NO_WATCH}</p>`;
  return `${line}${list}`;
}

/** what the desk does with the draft, after its link */
function deskNote(s: Settings): string {
  return `${s.deskName} sửa, viết phần đánh giá, ghi số và trình ký; văn bản chỉ gửi các nơi nhận sau khi đã ký. Bản PDF đính kèm để đọc.`;
}

/**
 * The rollup as rows for its own tab: the report's body (each table as a table), then every text whole. Every row as
 * wide as the widest table (two columns at least); the headers and numbers placed as the tab's rows count them.
 */
export function rollupRows(r: Report, s: Settings): TabRows {
  const body = blocksRows(r.body);
  const rows: (string | number)[][] = [
    [`TỔNG HỢP ${periodTitle(r.period).toUpperCase()}`, `Số liệu tính đến ${atText(r.asOf, s.timeZone)}`],
  ];
  rows.push(...body.rows);
  if (r.texts.length) {
    rows.push([""], ["NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ", "Nguyên văn (đã ẩn số điện thoại, số giấy tờ, email)"]);
    for (const [unit, label, text] of r.texts) rows.push([`${unit} – ${label}`, text]);
  }
  const width = Math.max(2, ...rows.map((x) => x.length));
  return {
    rows: rows.map((x) => [...x, ...Array.from({ length: width - x.length }, () => "")]),
    tables: body.tables.map((t) => ({ ...t, head: t.head + 1, last: t.last + 1 })),
    numbers: body.numbers.map((n) => ({ ...n, top: n.top + 1, bottom: n.bottom + 1 })),
  };
}

/**
 * The plain-text part of the mail, in the HTML part's order: the month's figures and the units to watch, the draft's
 * link, then the report's body (its lists cut as in the HTML part), the greeting and the signature last. Within a
 * quarter of the budget: the body is what gives way.
 */
export function rollupText(r: Report, s: Settings, intro: string, doc: DocLink | null, notes: string[]): string {
  const h = headlineOf(r);
  const head = [
    `TỔNG HỢP ${periodTitle(r.period).toUpperCase()}`,
    `Số liệu tính đến ${atText(r.asOf, s.timeZone)}.`,
    "",
    `${h.lead}${h.rest}`,
    ...(h.watch.length ? ["Đơn vị cần chú ý:", ...h.watch.map((w) => `- ${w.label} ${w.units}`)] : [NO_WATCH]),
    ...(doc ? ["", `Mở dự thảo ${doc.name}: ${doc.url}`, `Dự thảo văn bản (Google Docs): ${doc.name}. ${deskNote(s)}`] : []),
    ...(notes.length ? ["", ...notes] : []),
  ].join("\n");
  const tail = intro.trim() ? `\n\n---\n\n${intro.trim()}` : "";
  const whole = blocksText(mailBlocks(r.body)).join("\n").trim();
  // whole characters, counted in bytes; a body cut says so, one that cannot fit at all is left out
  const budget = MAIL_BODY_BYTES / 4 - utf8Length(head) - utf8Length(tail) - utf8Length(TOO_LONG) - 8;
  let body = whole;
  while (body && utf8Length(body) > budget) body = budget > 0 ? cutText(body, Math.floor(body.length * 0.9)) : "";
  const rest = body === whole ? body : `${body}${body ? "…\n\n" : ""}${TOO_LONG}`;
  return `${head}${rest ? `\n\n${rest}` : ""}${tail}`;
}

const TOO_LONG = "(Nội dung quá dài cho thư: xem văn bản và trang tổng hợp của bảng tính.)";
