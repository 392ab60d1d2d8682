// Mail templates: Vietnamese defaults staff can edit, {{placeholders}} filled into a plain-text part and an HTML part
// that reads on a phone (a link alone on its line becomes a button, long links are shown short, nothing is wider than
// the screen). Every value is escaped.
import { MAIL_KIND, MAIL_KINDS, type MailKind } from "./mail-kinds";
import { escapeHtml, hash } from "./text";

export type { MailKind };

export interface Template {
  kind: MailKind;
  label: string;
  subject: string;
  body: string;
}

/** every placeholder a template may use, with what it stands for (listed under the templates in the Sheet) */
export const PLACEHOLDERS: Record<string, string> = {
  to_chuc: "LĐLĐ Quận 1",
  bo_phan: "bộ phận gửi (Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1)",
  ten_don_vi: "tên CĐCS",
  ma_don_vi: "mã CĐCS",
  chu_tich: "Chủ tịch CĐCS",
  viec: "báo cáo tháng 10/2018",
  ky: "tháng 10/2018",
  han_nop: "trước ngày 24/10/2018",
  ngay_han: "24/10/2018",
  con_lai: "còn 5 ngày / hôm nay là ngày cuối / đã quá hạn 1 ngày (tính từ ngày hạn)",
  so_ngay_tre:
    "số ngày quá hạn (thư báo trễ hạn: tính từ ngày hạn, thư gửi sau hạn 1 ngày ghi 1; thư xác nhận: số ngày trễ như trang Trạng thái)",
  viec_can_lam: "nộp báo cáo tháng 10/2018 / sửa báo cáo tháng 10/2018 (tùy tình trạng của đơn vị)",
  tinh_trang_ngan: "Chưa nhận / Cần sửa / Chờ xác nhận người gửi (thư khẩn: đơn vị báo / người gửi chưa được xác nhận)",
  tinh_trang: "điều đúng với đơn vị lúc gửi thư: chưa nhận, đã nhận nhưng cần sửa, chờ xác nhận, đúng hạn, trễ hạn",
  chi_tiet: "nội dung cần sửa, hoặc nội dung đã nhận (để trống khi không có)",
  lien_ket: "đường dẫn làm việc cần làm (biểu mẫu riêng của đơn vị, hoặc đường dẫn sửa); đứng riêng một dòng thì thành nút",
  lien_ket_sua: "đường dẫn sửa bản đã gửi; đứng riêng một dòng thì thành nút",
  thoi_diem_nhan: "22/10/2018 21:00",
  kenh: "biểu mẫu, văn bản giấy, email, tin nhắn",
  ket_qua: "kết quả ghi nhận",
  loi: "danh sách nội dung cần sửa",
  noi_dung: "danh sách câu trả lời đã nhận",
  ten_ty_le: "tỷ lệ báo cáo / tỷ lệ đăng ký (theo việc được tổng hợp)",
  ty_le_bao_cao: "tỷ lệ báo cáo",
  ty_le_dung_han: "tỷ lệ đúng hạn",
  noi_dung_khan: "vụ việc cần báo cáo ngay, như đơn vị viết",
  viec_can_lam_cb: "việc cán bộ cần làm (thư cảnh báo hệ thống)",
  lien_he: "người, điện thoại, Zalo liên hệ của bộ phận (trang Cài đặt; để trống thì không in)",
};

/** each kind's default template, from its entry in the mail-kind registry */
export const DEFAULT_TEMPLATE = Object.fromEntries(MAIL_KINDS.map((kind) => [kind, { kind, ...MAIL_KIND[kind].template }])) as Record<
  MailKind,
  Template
>;

/** the defaults in the registry's order (the order of the Sheet's templates tab) */
export const DEFAULT_TEMPLATES: Template[] = MAIL_KINDS.map((k) => DEFAULT_TEMPLATE[k]);

/**
 * The defaults earlier versions of the product wrote (kind and a hash of subject and body): a template still exactly as
 * one of them wrote it was never edited by staff, and setup replaces it with today's default.
 */
const FORMER_DEFAULTS = new Set([
  "reminder:d51mb8",
  "overdue:1gbzdvf",
  "receipt:16g71f9",
  "invalid:cp7e86",
  "rollup:1teqkb0",
  "urgent:8b4e17",
  // before the desk's contact in the footer and the rollup's rate named for what it counts
  "invite:dnorxr",
  "reminder:1o6nmu5",
  "overdue:fo5td9",
  "receipt:12hkmv6",
  "invalid:1fhojtd",
  "rollup:fo1q5k",
  "urgent:1077aa3",
  "alert:rbqshg",
  "invalid:1en1pe3",
  // the rollup's draft link said to be below, where it now opens the mail
  "rollup:12g2v8a",
]);

export function isFormerDefault(t: { kind: string; subject: string; body: string }): boolean {
  return FORMER_DEFAULTS.has(`${t.kind}:${hash(`${t.subject}\n${t.body}`)}`);
}

export type Values = Record<string, string | string[]>;

interface Filled {
  subject: string;
  text: string;
  html: string;
}

interface FillOptions {
  /** a link placeholder standing alone on its line becomes a button with this label ("Mở biểu mẫu báo cáo tháng 10/2018") */
  buttons?: Record<string, string>;
}

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-z_]+$/;

/** placeholders a template uses that the product does not know */
export function unknownPlaceholders(t: { subject: string; body: string }): string[] {
  const names = [...(t.subject + t.body).matchAll(TOKEN)].map((m) => m[1]);
  return names.filter((n, i) => !(n in PLACEHOLDERS) && names.indexOf(n) === i);
}

/**
 * The first brace that opens or closes nothing: "{{" left open, "}}" with the word before it, or "{word}". What
 * `/\{\{[^{}]*\}?|\{?[^{}\s]*\}\}|\{[a-z_ ]+\}/` finds, in one pass: that expression retries its middle part
 * from every character, which on a long text without spaces (a staff-written body of 200 KB) takes seconds.
 */
function strayBrace(text: string): string | null {
  const found: { at: number; text: string }[] = [];
  const open = /\{\{[^{}]*\}?/.exec(text);
  if (open) found.push({ at: open.index, text: open[0] });
  const close = text.indexOf("}}");
  if (close >= 0) {
    let at = close;
    while (at > 0 && !/[{}\s]/.test(text[at - 1])) at--;
    if (at > 0 && text[at - 1] === "{") at--;
    found.push({ at, text: text.slice(at, close + 2) });
  }
  const word = /\{[a-z_ ]+\}/.exec(text);
  if (word) found.push({ at: word.index, text: word[0] });
  // the leftmost; at the same place, the first kind listed (as the expression's alternatives)
  return found.reduce<{ at: number; text: string } | null>((a, b) => (!a || b.at < a.at ? b : a), null)?.text ?? null;
}

/** what is wrong with one text of a template (a subject or a body), in Vietnamese; none when it can be filled */
function textProblems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const n = m[1];
    if (!n) out.push("có chỗ trống rỗng {{}}");
    else if (!(n in PLACEHOLDERS)) out.push(`chỗ trống ${m[0]} không có${NAME.test(n) ? "" : " (chỉ gồm chữ thường không dấu và dấu _)"}`);
  }
  // what is left once the whole placeholders are taken out: a brace that opens or closes nothing
  const rest = text.replace(TOKEN, " ");
  const stray = strayBrace(rest);
  if (stray) out.push(`“${stray.slice(0, 40)}” không phải là chỗ trống hợp lệ: viết đủ hai dấu mở {{ và hai dấu đóng }}`);
  return [...new Set(out)];
}

/** a template's problems, each naming its part; empty when every placeholder is known and whole */
export function templateProblems(t: { subject: string; body: string }): { subject: string[]; body: string[] } {
  return { subject: textProblems(t.subject), body: textProblems(t.body) };
}

// ---- rendering

/** marks a button line inside the filled text (a control character no value keeps) */
const BUTTON = "\u0001";
const strip = (s: string) => s.replace(/\p{Cc}/gu, (c) => (c === "\n" || c === "\t" ? c : ""));
const URL_RE = /https?:\/\/[^\s<>"“”]+/g;
const isUrl = (v: string) => /^https?:\/\/\S+$/.test(v);

/** a long link as people read it: without https://, cut with an ellipsis */
function shortLink(url: string, max = 36): string {
  const bare = url.replace(/^https?:\/\//, "");
  return bare.length > max ? `${bare.slice(0, max - 1)}…` : bare;
}

const LINK_STYLE = "color:#0b57d0;word-break:break-all";

function inlineHtml(s: string): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(URL_RE)) {
    const i = m.index ?? 0;
    out += escapeHtml(s.slice(last, i));
    out += `<a href="${escapeHtml(m[0])}" style="${LINK_STYLE}">${escapeHtml(shortLink(m[0]))}</a>`;
    last = i + m[0].length;
  }
  return out + escapeHtml(s.slice(last));
}

/** a button that fits a 360-pixel screen, and under it the same link as a short line for clients that drop buttons */
export function buttonHtml(url: string, label: string): string {
  const u = escapeHtml(url);
  return (
    `<p style="margin:18px 0 6px"><a href="${u}" style="display:inline-block;max-width:100%;box-sizing:border-box;padding:12px 18px;` +
    `background:#0b57d0;color:#ffffff;text-decoration:none;font-weight:bold;font-size:16px;line-height:1.3;border-radius:6px">` +
    `${escapeHtml(label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:13px;color:#5f6368">Nếu nút không mở được, dùng đường dẫn:<br><a href="${u}" style="${LINK_STYLE}">${escapeHtml(shortLink(url))}</a></p>`
  );
}

/** the frame every mail's HTML sits in: one column, at most 600 pixels, long words broken rather than widening the page */
function mailHtml(inner: string): string {
  return `<div style="max-width:600px;margin:0 auto;padding:8px 4px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#202124;overflow-wrap:break-word;word-wrap:break-word">${inner}</div>`;
}

/** the filled text as paragraphs (blank lines), lists ("- " lines) and buttons, in plain text and in HTML */
function render(filled: string, buttons: Map<string, { url: string; label: string }>): { text: string; html: string } {
  const paras = filled
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l.trim()),
    )
    .filter((p) => p.length);
  const text: string[] = [];
  const html: string[] = [];
  for (const lines of paras) {
    const t: string[] = [];
    let open: "p" | "ul" | null = null;
    let buf: string[] = [];
    const close = () => {
      if (open === "p") html.push(`<p style="margin:0 0 14px">${buf.join("<br>\n")}</p>`);
      if (open === "ul") html.push(`<ul style="margin:0 0 14px;padding-left:20px">${buf.join("")}</ul>`);
      open = null;
      buf = [];
    };
    for (const line of lines) {
      if (line.startsWith(BUTTON)) {
        const b = buttons.get(line.slice(1));
        if (!b) continue;
        close();
        t.push(`${b.label}:`, b.url);
        html.push(buttonHtml(b.url, b.label));
        continue;
      }
      t.push(line);
      const item = /^\s*- (.*)$/.exec(line);
      const kind = item ? "ul" : "p";
      if (open !== kind) close();
      open = kind;
      // list items quote what people typed (answers, reasons): shown as typed, never turned into (cut) links
      buf.push(item ? `<li style="margin:0 0 6px">${escapeHtml(item[1])}</li>` : inlineHtml(line));
    }
    close();
    text.push(t.join("\n"));
  }
  return { text: text.join("\n\n"), html: mailHtml(html.join("\n")) };
}

/** fills a template; nothing half-filled: an unknown, broken or missing placeholder is an error */
export function fill(t: { subject: string; body: string }, values: Values, opts: FillOptions = {}): Filled | { errors: string[] } {
  const problems = templateProblems(t);
  const errors = [...problems.subject.map((p) => `tiêu đề: ${p}`), ...problems.body.map((p) => `nội dung: ${p}`)];
  const get = (n: string): string | string[] => {
    const v = values[n];
    if (v === undefined && n in PLACEHOLDERS) errors.push(`thiếu giá trị cho {{${n}}}`);
    return Array.isArray(v) ? v.map(strip) : strip(v ?? "");
  };
  const inline = (src: string, sep: string) =>
    src.replace(TOKEN, (_m, n: string) => {
      const v = get(n);
      return Array.isArray(v) ? v.map((x) => (sep === "\n" ? `- ${x}` : x)).join(sep) : v;
    });
  const buttons = new Map<string, { url: string; label: string }>();
  const lines = t.body.split("\n").map((line) => {
    const alone = /^\s*\{\{\s*([a-z_]+)\s*\}\}\s*$/.exec(line);
    const label = alone ? opts.buttons?.[alone[1]] : undefined;
    if (alone && label) {
      const v = get(alone[1]);
      // a link staff can open: a button; no link for this mail (a report typed in from paper): the line goes
      if (typeof v === "string" && isUrl(v)) {
        buttons.set(alone[1], { url: v, label });
        return BUTTON + alone[1];
      }
      return typeof v === "string" && v ? v : "";
    }
    return inline(line, "\n");
  });
  const subject = inline(t.subject, ", ").replace(/\s+/g, " ").trim();
  if (errors.length) return { errors: [...new Set(errors)] };
  const out = render(lines.join("\n"), buttons);
  return { subject, text: out.text, html: out.html };
}
