// Mail templates: Vietnamese defaults staff can edit, {{placeholders}} filled into plain text and escaped HTML.
import type { MailKind } from "./mail-kinds";
import { escapeHtml } from "./text";

export type { MailKind };

export interface Template {
  kind: MailKind;
  label: string;
  subject: string;
  body: string;
}

export const PLACEHOLDERS: Record<string, string> = {
  to_chuc: "LĐLĐ Quận 1",
  ten_don_vi: "tên CĐCS",
  ma_don_vi: "mã CĐCS",
  chu_tich: "Chủ tịch CĐCS",
  viec: "báo cáo tháng 10/2018",
  ky: "tháng 10/2018",
  han_nop: "trước ngày 24/10/2018",
  ngay_han: "24/10/2018",
  lien_ket: "đường dẫn riêng của đơn vị",
  so_ngay_tre: "số ngày trễ",
  thoi_diem_nhan: "22/10/2018 21:00",
  kenh: "biểu mẫu, giấy, email, tin nhắn",
  ket_qua: "kết quả ghi nhận",
  loi: "nội dung cần sửa",
  lien_ket_sua: "đường dẫn sửa câu trả lời",
  ty_le_bao_cao: "tỷ lệ báo cáo",
  ty_le_dung_han: "tỷ lệ đúng hạn",
  bo_phan: "bộ phận gửi",
};

const UNIT = "Kính gửi: Ban Chấp hành Công đoàn cơ sở {{ten_don_vi}}\n\n";
const END = "\n\nTrân trọng.\n{{bo_phan}}";
const t = (kind: MailKind, label: string, subject: string, body: string, to = UNIT): Template => ({
  kind,
  label,
  subject: `[{{to_chuc}}] ${subject}`,
  body: to + body + END,
});

export const DEFAULT_TEMPLATES: Template[] = [
  t(
    "reminder",
    "Nhắc nộp (trước hạn, đơn vị chưa nộp)",
    "Nhắc nộp {{viec}} (hạn {{han_nop}})",
    `{{to_chuc}} chưa nhận được {{viec}} của đơn vị. Đề nghị đồng chí Chủ tịch gửi {{han_nop}} qua đường dẫn riêng của đơn vị:
{{lien_ket}}

Báo cáo là tổng hợp chung của đơn vị, không ghi họ tên hay thông tin cá nhân của người lao động.`,
  ),
  t(
    "overdue",
    "Báo trễ hạn (đơn vị chưa nộp)",
    "Chưa nhận {{viec}} – đã quá hạn {{so_ngay_tre}} ngày",
    `Đến nay {{to_chuc}} chưa nhận được {{viec}} của đơn vị (hạn {{han_nop}}, đã quá hạn {{so_ngay_tre}} ngày). Đề nghị đồng chí Chủ tịch quan tâm gửi sớm qua đường dẫn riêng của đơn vị:
{{lien_ket}}

Nếu đơn vị đã gửi bằng văn bản, email hoặc tin nhắn, xin vui lòng trả lời thư này để bộ phận Tuyên giáo ghi nhận.`,
  ),
  t(
    "receipt",
    "Xác nhận đã nhận (mỗi lần nộp)",
    "Đã nhận {{viec}} của CĐCS {{ten_don_vi}}",
    `{{to_chuc}} đã nhận {{viec}} của đơn vị lúc {{thoi_diem_nhan}} (kênh: {{kenh}}).
{{ket_qua}}

Nếu cần sửa nội dung, đồng chí dùng đường dẫn: {{lien_ket_sua}}`,
  ),
  t(
    "invalid",
    "Đề nghị sửa (nộp chưa hợp lệ)",
    "Cần sửa {{viec}} của CĐCS {{ten_don_vi}}",
    `{{to_chuc}} đã nhận nội dung gửi lúc {{thoi_diem_nhan}} nhưng chưa thể ghi nhận vì:
{{loi}}

Đề nghị đồng chí sửa lại ({{han_nop}}) tại đường dẫn: {{lien_ket_sua}}`,
  ),
  t(
    "rollup",
    "Tổng hợp (gửi lãnh đạo sau hạn)",
    "Tổng hợp {{viec}}: tỷ lệ báo cáo {{ty_le_bao_cao}}, đúng hạn {{ty_le_dung_han}}",
    "Bộ phận Tuyên giáo gửi bản tổng hợp {{viec}} (hạn {{han_nop}}). Bản báo cáo theo thể thức văn bản được đính kèm.",
    "Kính gửi: Lãnh đạo {{to_chuc}}\n\n",
  ),
];

export type Values = Record<string, string | string[]>;

export interface Filled {
  subject: string;
  text: string;
  html: string;
}

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** placeholders a template uses that the product does not know */
export function unknownPlaceholders(t: { subject: string; body: string }): string[] {
  const names = [...(t.subject + t.body).matchAll(TOKEN)].map((m) => m[1]);
  return names.filter((n, i) => !(n in PLACEHOLDERS) && names.indexOf(n) === i);
}

const esc = (x: string) => escapeHtml(x).replace(/\n/g, "<br>\n");

/** fills a template; nothing half-filled: an unknown or missing placeholder is an error */
export function fill(t: { subject: string; body: string }, values: Values): Filled | { errors: string[] } {
  const errors = unknownPlaceholders(t).map((n) => `không có chỗ trống {{${n}}}`);
  const get = (n: string) => {
    const v = values[n];
    if (v === undefined && n in PLACEHOLDERS) errors.push(`thiếu giá trị cho {{${n}}}`);
    return v ?? "";
  };
  const text = (src: string) =>
    src.replace(TOKEN, (_m, n: string) => {
      const v = get(n);
      return Array.isArray(v) ? v.map((x) => `- ${x}`).join("\n") : v;
    });
  // split keeps the captured names at odd positions: literal text escaped, values escaped, links made links
  const html = t.body
    .split(TOKEN)
    .map((part, i) => {
      if (!(i % 2)) return esc(part);
      const v = get(part);
      if (Array.isArray(v)) return `<ul>${v.map((x) => `<li>${escapeHtml(x)}</li>`).join("")}</ul>`;
      return /^https?:\/\/\S+$/.test(v) ? `<a href="${escapeHtml(v)}">${escapeHtml(v)}</a>` : esc(v);
    })
    .join("");
  const subject = text(t.subject).replace(/\s+/g, " ");
  const body = text(t.body);
  if (errors.length) return { errors: [...new Set(errors)] };
  return { subject, text: body, html: `<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5">${html}</div>` };
}
