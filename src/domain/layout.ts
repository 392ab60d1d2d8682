// The product's tabs as staff see them: names, headers, fixed positions. Every adapter reads positions from here.
import { answerFields, type FormSpec } from "./forms/spec";

export const TAB = {
  settings: "Cài đặt",
  units: "Đơn vị",
  status: "Trạng thái",
  dashboard: "Tổng quan",
  templates: "Mẫu thư",
  mailLog: "Nhật ký thư",
  runLog: "Nhật ký chạy",
  preview: "Xem trước thư",
  manualMonthly: "Nhập tay – Báo cáo tháng",
  manualRegistration: "Nhập tay – Đăng ký",
  /** every mail sent, as the product's own record: hidden, the log staff read is rebuilt from it */
  ledger: "Sổ thư (hệ thống)",
  /** mails a run cut short left for the next run */
  queue: "Hàng đợi thư (hệ thống)",
  trends: "Số liệu theo tháng (hệ thống)",
  themes: "Chủ đề",
  selfCheck: "Kiểm tra",
  /** the archive spreadsheets of closed years, and the figures of the periods they hold */
  archive: "Lưu trữ",
  /** what needs staff today, then the first steps and their state: the tab the Sheet opens on */
  start: "Hôm nay",
  /** what staff paste into the chairs' Zalo group: units still owing, each with its own link */
  zalo: "Nhắc qua Zalo",
  /** the dropdowns' lists of the manual tabs ("mã – tên" of each unit, months): hidden, written by the product */
  lists: "Danh mục (hệ thống)",
} as const;

/** a tab as setup makes and keeps it */
export interface TabDef {
  name: string;
  header: string[];
  /** the header is written when the tab is made, never again (report tabs: setup lays their columns out itself) */
  headerOnce?: boolean;
  headerRow?: number;
  /** column widths in pixels, chosen for what each column holds */
  widths?: number[];
  /** columns whose text wraps (free text, links, names); the rest stay on one line */
  wrapCols?: number[];
  /** the first row that wraps (a title above it runs across the columns instead) */
  wrapFrom?: number;
  /** blocks in bold besides the frozen rows of a tab the product writes whole (A1 ranges) */
  bold?: string[];
  /** columns only the product reads (internal keys): hidden from staff */
  hiddenCols?: number[];
  /** number formats of blocks of the tab (A1 ranges), as Sheets shows them in the Sheet's locale */
  formats?: { a1: string; format: string }[];
  /** blocks (A1 ranges) set to one horizontal alignment: a table's headers and its numbers aligned the same way */
  align?: { a1: string; h: "left" | "center" | "right" }[];
  frozenRows: number;
  frozenCols?: number;
  textCols?: number[];
  dateCols?: number[];
  percentRows?: { from: number; to: number; fromCol: number; toCol: number };
  protect: boolean;
  hidden?: boolean;
  /** dropdowns; `allowInvalid`: a value not in the list is taken with a warning (a bare code where the list has “mã – tên”) */
  lists?: { col: number; values?: string[]; rangeA1?: string; fromRow: number; toRow?: number; allowInvalid?: boolean }[];
  /** notes on header cells: how to fill a column */
  notes?: { col: number; note: string }[];
  colors?: { prefix: string; background: string }[];
  capacity?: { rows: number; cols: number };
  tabColor?: string;
}

export const SETTINGS_HEADER = ["Thiết lập", "Giá trị", "Giải thích", "Mã"];
/** the settings block read on every run (fixed: a row per setting, with room to spare) */
export const SETTINGS_RANGE = "A2:D60";

export const UNITS_HEADER = [
  "Mã đơn vị",
  "Tên CĐCS",
  "Chủ tịch",
  "Email (cách nhau dấu phẩy)",
  "Điện thoại",
  "Khối",
  "Từ tháng (mm/yyyy)",
  "Đến tháng (mm/yyyy)",
  "Liên kết đăng ký",
  "Liên kết báo cáo tháng",
  "Ghi chú của hệ thống",
];
/** the roster's column the product writes what cannot work in a row */
export const UNITS_NOTES_COL = 11;
/** columns of the roster the jobs read (links are written, never read) */
export const UNITS_READ_COLS = 8;

/** leading columns of both report tabs: the keys the jobs read; answers follow */
export const KEY_HEADER = [
  "Khóa",
  "Mã phản hồi",
  "Thời điểm nhận",
  "Đơn vị",
  "Kỳ",
  "Kết quả",
  "Xác nhận",
  "Kênh",
  "Email người gửi",
  "Lý do / ghi chú",
  "Liên kết sửa",
];
export const KEY_COLS = KEY_HEADER.length;

/** a report tab's header as a new tab gets it (an existing tab keeps its own order: see src/app/daily/records.ts) */
export function reportHeader(spec: FormSpec): string[] {
  return [...KEY_HEADER, ...answerFields(spec).map(columnTitle)];
}

export function columnTitle(f: { column?: string; title: string }): string {
  return f.column ?? f.title;
}

export const VERDICT_LABEL = { accepted: "Hợp lệ", invalid: "Không hợp lệ", unverified: "Chờ xác nhận" } as const;

/** a response that waited for staff, once they decided (column “Kết quả”; column “Xác nhận” says who and when) */
export const DECIDED_LABEL = { confirmed: "Hợp lệ (đã xác nhận)", rejected: "Không ghi nhận (đã từ chối)" } as const;

/** the start of a rejection in column “Xác nhận” (a confirmation starts “Đã xác nhận”) */
export const REJECTED_MARK = "Đã từ chối";

/** the header the unit column had before it held the unit's name beside its code */
export const OLD_UNIT_HEADER = "Mã đơn vị";

export const CHANNEL_LABEL: Record<string, string> = {
  form: "Biểu mẫu",
  paper: "Văn bản giấy",
  email: "Email",
  message: "Tin nhắn",
};

export const MAIL_LOG_HEADER = ["Khóa", "Thời điểm", "Loại thư", "Đơn vị", "Kỳ", "Người nhận", "Đồng gửi", "Tiêu đề", "Kết quả"];

export const RUN_LOG_HEADER = ["Thời điểm", "Công việc", "Kết quả", "Chi tiết"];

export const TEMPLATES_HEADER = ["Loại thư", "Ghi chú", "Tiêu đề", "Nội dung", "Mã"];

/** the report's themes: staff edit them; whole words, with their diacritics */
export const THEMES_HEADER = ["Chủ đề", "Từ, cụm từ (cách nhau dấu phẩy)", "Không tính khi nằm trong cụm từ (cách nhau dấu phẩy)"];
export const SELF_CHECK_HEADER = ["Mục kiểm tra", "Kết quả", "Chi tiết", "Việc cần làm"];

export const PREVIEW_HEADER = ["Loại thư", "Đơn vị", "Kỳ", "Người nhận", "Đồng gửi", "Tiêu đề", "Ghi chú"];

/** a unit as staff read it wherever a code is shown: “CD001 – CĐCS Công ty …” */
export function unitLabel(code: string, name?: string): string {
  return code && name ? `${code} – ${name}` : code;
}

/** the code of a cell written by unitLabel (or a bare code) */
export function codeOfLabel(cell: unknown): string {
  return String(cell ?? "")
    .split(/\s+[–—-]\s+/)[0]
    .trim();
}

/**
 * Status tab: title row, header row, summary rows, a separator, then one row per unit (roster order, then units that
 * left). Columns: code, name, group, registration, then the months newest first (a new month is a column inserted at E).
 */
export const STATUS_REG_COL = 4;
export const STATUS_FIRST_MONTH_COL = 5;
export const STATUS_SUMMARY = [
  "Hạn nộp",
  "Phải báo cáo",
  "Đã nộp",
  "Đúng hạn",
  "Trễ hạn",
  "Chưa nộp",
  "Không hợp lệ",
  "Chờ xác nhận",
  "Không thuộc diện báo cáo",
  "Tỷ lệ báo cáo",
  "Tỷ lệ đúng hạn",
];
/** the tab "Lưu trữ": a row per archived period, its figures as they stood when it moved */
export const ARCHIVE_HEADER = ["Năm", "Bảng tính lưu trữ", "Kỳ", ...STATUS_SUMMARY];
export const STATUS_HEADER_ROW = 2;
export const STATUS_SUMMARY_ROW = 3;
export const STATUS_UNITS_ROW = STATUS_SUMMARY_ROW + STATUS_SUMMARY.length + 1;
/** the dashboard's chart reads this many period rows (registration + 5 years of months); rows not yet used are blank */
export const DASHBOARD_PERIODS = 61;

const MANUAL_LEAD = ["Mã ghi nhận", "Ngày giờ nhận (dd/mm/yyyy hh:mm)", "Kênh"];
const MANUAL_RESULT = "Kết quả xử lý";

export function manualHeader(spec: FormSpec): string[] {
  return [...MANUAL_LEAD, ...spec.fields.map((f) => f.column ?? f.title), MANUAL_RESULT];
}

export function rollupTabName(period: string): string {
  return period === "registration" ? "TH Đăng ký" : `TH ${period.slice(5)}.${period.slice(0, 4)}`;
}

export function colLetter(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** how a tab looks: its columns' widths, the columns that wrap, the rows in bold, the rows frozen */
export interface Look {
  widths: number[];
  wrap?: number[];
  /** rows (from 1) in bold: headings */
  bold?: number[];
  frozenRows?: number;
  /**
   * number formats of blocks (A1 ranges), as Sheets shows them in the Sheet's locale; given (even empty), the tab's
   * formats are cleared first
   */
  formats?: { a1: string; format: string }[];
  /** blocks (A1 ranges) set to one horizontal alignment: a table's values under their headers */
  align?: { a1: string; h: "left" | "center" | "right" }[];
}
