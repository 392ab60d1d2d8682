// The settings tab: one row per setting, typed and validated; a bad value is named by its cell, never defaulted.
import * as z from "zod/mini";
import { isValidMonth, isValidTimeZone, isValidYmd } from "./dates";
import { clean, fold } from "./text";

z.config({ jitless: true });

export interface Settings {
  timeZone: string;
  registrationDeadline: string;
  registrationDeadlineInclusive: boolean;
  monthlyDueDay: number;
  monthlyDueInclusive: boolean;
  firstPeriod: string;
  remindBefore: number[];
  overdueAfter: number[];
  overdueCc: string[];
  rollupAfter: number;
  rollupTo: string[];
  staffEmails: string[];
  dailyRunHour: number;
  verifySender: boolean;
  receipts: boolean;
  catchUpDays: number;
  senderName: string;
  replyTo: string;
  orgShort: string;
  orgName: string;
  orgSuperior: string;
  place: string;
  deskName: string;
  reportNumber: string;
  signerOnBehalf: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
}

type Kind = "text" | "timeZone" | "date" | "month" | "int" | "intList" | "bool" | "emails" | "email" | "lines";

export interface SettingDef {
  key: keyof Settings;
  label: string;
  kind: Kind;
  help: string;
  min?: number;
  max?: number;
  optional?: boolean;
}

const OPT = "Có thể để trống";

type Row = [keyof Settings, Kind, string, string, Settings[keyof Settings], number?, number?];

// key, kind, label, help, default, min, max: a table, so the bundle carries each name once
const TABLE: Row[] = [
  ["timeZone", "timeZone", "Múi giờ", "", "Asia/Ho_Chi_Minh"],
  ["registrationDeadline", "date", "Hạn đăng ký", "“Trước ngày 15/10/2018”: ghi 15/10/2018", "2018-10-15"],
  ["registrationDeadlineInclusive", "bool", "Nộp trong ngày hạn đăng ký là đúng hạn", "Không: nộp trong ngày hạn là trễ", false],
  ["monthlyDueDay", "int", "Ngày hạn báo cáo tháng", "“Trước ngày 24 hàng tháng”: ghi 24", 24, 1, 28],
  ["monthlyDueInclusive", "bool", "Nộp trong ngày hạn báo cáo là đúng hạn", "Không: nộp trong ngày hạn là trễ", false],
  ["firstPeriod", "month", "Kỳ báo cáo đầu tiên", "", "2018-09"],
  ["remindBefore", "intList", "Nhắc trước hạn (ngày)", OPT, [5, 1], 1, 60],
  ["overdueAfter", "intList", "Báo trễ hạn sau (ngày)", OPT, [1, 7], 1, 120],
  ["overdueCc", "emails", "Đồng gửi thư báo trễ hạn", OPT, []],
  ["rollupAfter", "int", "Gửi tổng hợp sau hạn (ngày)", "0: gửi vào ngày hạn", 0, 0, 60],
  ["rollupTo", "emails", "Người nhận tổng hợp", "Để trống: không gửi tổng hợp", ["tuyengiao@ldldq1.example.vn"]],
  [
    "staffEmails",
    "emails",
    "Tài khoản cán bộ dùng hệ thống",
    "Có thể để trống. Email Google của từng cán bộ, cách nhau dấu phẩy: được chạy mọi mục trình đơn và sửa các trang hệ thống ghi",
    [],
  ],
  ["dailyRunHour", "int", "Giờ chạy hằng ngày", "", 8, 0, 23],
  ["verifySender", "bool", "Xác minh email người gửi", "Có: email lạ phải chờ xác nhận", true],
  ["receipts", "bool", "Gửi thư xác nhận đã nhận", "", true],
  ["catchUpDays", "int", "Gửi bù thư nhắc trong (ngày)", "Khi hết hạn mức gửi thư", 7, 0, 31],
  ["senderName", "text", "Tên người gửi thư", "", "LĐLĐ Quận 1 – Bộ phận Tuyên giáo"],
  ["replyTo", "email", "Email nhận thư trả lời", OPT, "tuyengiao@ldldq1.example.vn"],
  ["orgShort", "text", "Tên ngắn của LĐLĐ", "", "LĐLĐ Quận 1"],
  ["orgName", "text", "Cơ quan ban hành", "", "LIÊN ĐOÀN LAO ĐỘNG QUẬN 1"],
  ["orgSuperior", "text", "Cơ quan cấp trên", "", "LĐLĐ THÀNH PHỐ HỒ CHÍ MINH"],
  ["place", "text", "Địa danh", "", "Quận 1"],
  ["deskName", "text", "Bộ phận gửi", "", "Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1"],
  ["reportNumber", "text", "Số văn bản", "", "…/BC-LĐLĐ"],
  ["signerOnBehalf", "text", "Thẩm quyền ký", "", "TM. BAN THƯỜNG VỤ"],
  ["signerTitle", "text", "Chức vụ người ký", "", "PHÓ CHỦ TỊCH"],
  ["signerName", "text", "Họ tên người ký", OPT, ""],
  [
    "recipients",
    "lines",
    "Nơi nhận",
    "Mỗi dòng một nơi nhận",
    ["Ban Tuyên giáo LĐLĐ TP (để b/c);", "Ban Dân vận, Ban Tuyên giáo Quận ủy Q1 (để b/c);", "Lưu: VP, TG."],
  ],
];

export const SETTING_DEFS: SettingDef[] = TABLE.map(([key, kind, label, help, , min, max]) => ({
  key,
  kind,
  label,
  help,
  min,
  max,
  optional: help.startsWith("Để trống") || help.startsWith(OPT),
}));

export const DEFAULT_SETTINGS = Object.fromEntries(TABLE.map((r) => [r[0], r[4]])) as unknown as Settings;

const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/;
const YES = ["co", "x", "true", "dung", "yes", "1"];
const NO = ["khong", "false", "sai", "no", "0"];
const p2 = (n: number | string) => String(n).padStart(2, "0");

/** how a setting is written in its cell */
export function settingCell(def: SettingDef, v: Settings[keyof Settings]): string | number {
  const k = def.kind;
  if (k === "bool") return v ? "Có" : "Không";
  if (k === "date" || k === "month") return String(v).split("-").reverse().join("/");
  if (Array.isArray(v)) return v.join(k === "lines" ? "\n" : ", ");
  return v as string | number;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

type Read = { v: unknown } | { e: string };

function readInt(t: string, def: SettingDef): Read {
  if (!/^\d+$/.test(t)) return { e: `“${t}” không phải là số nguyên` };
  const n = Number(t);
  return n < (def.min ?? 0) || n > (def.max ?? 1e9) ? { e: `${n} nằm ngoài khoảng ${def.min}–${def.max}` } : { v: n };
}

/** from what a cell holds to the typed value, or a Vietnamese reason */
function readSetting(def: SettingDef, cell: unknown): Read {
  if (isDate(cell) && (def.kind === "date" || def.kind === "month")) {
    const ymd = `${cell.getFullYear()}-${p2(cell.getMonth() + 1)}-${p2(cell.getDate())}`;
    return { v: def.kind === "date" ? ymd : ymd.slice(0, 7) };
  }
  const s = clean(String(cell ?? ""));
  if (!s) return def.optional ? { v: ["emails", "lines", "intList"].includes(def.kind) ? [] : "" } : { e: "đang để trống" };
  switch (def.kind) {
    case "timeZone":
      return isValidTimeZone(s) ? { v: s } : { e: `“${s}” không phải là múi giờ (ví dụ Asia/Ho_Chi_Minh)` };
    case "date": {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      const ymd = m ? `${m[3]}-${p2(m[2])}-${p2(m[1])}` : s;
      return isValidYmd(ymd) ? { v: ymd } : { e: `“${s}” không phải là ngày có thật (dd/mm/yyyy)` };
    }
    case "month": {
      const m = /^(\d{1,2})\/(\d{4})$/.exec(s);
      const ym = m ? `${m[2]}-${p2(m[1])}` : s;
      return isValidMonth(ym) ? { v: ym } : { e: `“${s}” không phải là tháng (mm/yyyy)` };
    }
    case "int":
      return readInt(s, def);
    case "intList": {
      const out: number[] = [];
      for (const part of s.split(/[,;\s]+/).filter(Boolean)) {
        const r = readInt(part, def);
        if ("e" in r) return r;
        if (!out.includes(r.v as number)) out.push(r.v as number);
      }
      return { v: out };
    }
    case "bool": {
      const f = fold(s);
      return YES.includes(f) ? { v: true } : NO.includes(f) ? { v: false } : { e: `“${s}” phải là Có hoặc Không` };
    }
    case "email":
    case "emails": {
      const list = s
        .toLowerCase()
        .split(/[,;\s]+/)
        .filter(Boolean);
      const bad = list.find((e) => !EMAIL.test(e));
      if (bad) return { e: `“${bad}” không phải là email` };
      return { v: def.kind === "email" ? list[0] : list };
    }
    case "lines":
      return {
        v: String(cell)
          .split(/\r?\n/)
          .map((l) => clean(l).replace(/^[-–]\s*/, ""))
          .filter(Boolean),
      };
    default:
      return { v: s };
  }
}

/** the zod schema of one setting */
export function settingSchema(def: SettingDef) {
  return z.transform((cell: unknown, payload) => {
    const r = readSetting(def, cell);
    if ("e" in r) payload.issues.push({ code: "custom", message: r.e, input: cell, path: [] });
    return "v" in r ? r.v : undefined;
  });
}

export interface SettingsRow {
  /** the cell holding the value, e.g. "B5" */
  cell: string;
  key: string;
  value: unknown;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** rows as read from the tab → settings; every bad or missing value reported with its cell */
export function parseSettings(rows: SettingsRow[], tabName: string): SettingsResult {
  const errors: string[] = [];
  const out: Record<string, unknown> = {};
  for (const def of SETTING_DEFS) {
    const row = rows.find((r) => r.key === def.key);
    if (!row) {
      errors.push(`Trang “${tabName}”: thiếu dòng “${def.label}” (${def.key}). Chạy lại Thiết lập để thêm.`);
      continue;
    }
    const r = settingSchema(def).safeParse(row.value);
    if (r.success) out[def.key] = r.data;
    else errors.push(`Ô ${row.cell} trang “${tabName}” (${def.label}): ${r.error.issues[0]?.message ?? "không hợp lệ"}.`);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, settings: out as unknown as Settings };
}

/** the same check for settings held as JSON (the stored copy, a scenario) */
export function checkSettings(s: Settings): string[] {
  const errors: string[] = [];
  for (const def of SETTING_DEFS) {
    const r = settingSchema(def).safeParse(settingCell(def, s[def.key]));
    if (!r.success) errors.push(`${def.key}: ${r.error.issues[0]?.message}`);
  }
  return errors;
}
