// The settings tab: one row per setting, typed and validated; a bad value is named by its cell, never defaulted.
import * as z from "zod/mini";
import { isValidMonth, isValidTimeZone, isValidYmd } from "./dates";
import type { SettingProblem } from "./problems";
import { fail, ok, type Result } from "./result";
import { clean, fold } from "./text";

z.config({ jitless: true });

export interface Settings {
  timeZone: string;
  registrationDeadline: string;
  registrationDeadlineInclusive: boolean;
  monthlyDueDay: number;
  monthlyDueInclusive: boolean;
  firstPeriod: string;
  registrationGraceDays: number;
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
  /** the desk's contact named in every mail: a person, a phone, a Zalo number (each shown only when filled) */
  contactName: string;
  contactPhone: string;
  contactZalo: string;
  reportNumber: string;
  signerOnBehalf: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
  reportFolder: string;
  directiveNumber: string;
  directiveDate: string;
  directiveIssuer: string;
  directiveSubject: string;
}

type Kind = "text" | "phone" | "timeZone" | "date" | "month" | "int" | "intList" | "bool" | "emails" | "email" | "lines";

interface SettingDef {
  key: keyof Settings;
  label: string;
  kind: Kind;
  help: string;
  min?: number;
  max?: number;
  optional?: boolean;
}

const OPT = "Có thể để trống";
/** optional settings whose help says what an empty cell means instead of OPT */
const ALSO_OPTIONAL: ReadonlySet<string> = new Set(["rollupTo"]);

type Row = [keyof Settings, Kind, string, string, Settings[keyof Settings], number?, number?];

// key, kind, label, help, default, min, max: a table, so the bundle carries each name once
const TABLE: Row[] = [
  ["timeZone", "timeZone", "Múi giờ", "", "Asia/Ho_Chi_Minh"],
  ["registrationDeadline", "date", "Hạn đăng ký", "“Trước ngày 15/10/2018”: ghi 15/10/2018", "2018-10-15"],
  ["registrationDeadlineInclusive", "bool", "Nộp trong ngày hạn đăng ký là đúng hạn", "Không: nộp trong ngày hạn là trễ", false],
  ["monthlyDueDay", "int", "Ngày hạn báo cáo tháng", "“Trước ngày 24 hằng tháng”: ghi 24", 24, 1, 28],
  ["monthlyDueInclusive", "bool", "Nộp trong ngày hạn báo cáo là đúng hạn", "Không: nộp trong ngày hạn là trễ", false],
  ["firstPeriod", "month", "Kỳ báo cáo đầu tiên", "", "2018-09"],
  [
    "registrationGraceDays",
    "int",
    "Hạn đăng ký của đơn vị mới (số ngày)",
    "Đơn vị bắt đầu hoạt động sau hạn đăng ký: hạn là ngày 1 của tháng bắt đầu cộng số ngày này",
    30,
    1,
    120,
  ],
  ["remindBefore", "intList", "Nhắc trước hạn (ngày)", OPT, [5, 1], 1, 60],
  ["overdueAfter", "intList", "Báo trễ hạn sau (ngày)", OPT, [1, 7], 1, 120],
  ["overdueCc", "emails", "Đồng gửi thư báo trễ hạn", OPT, []],
  ["rollupAfter", "int", "Gửi tổng hợp sau hạn (ngày)", "0: gửi vào ngày hạn", 0, 0, 60],
  ["rollupTo", "emails", "Người nhận tổng hợp", "Để trống: không gửi tổng hợp", ["tuyengiao@ldldq1.example.vn"]],
  [
    "staffEmails",
    "emails",
    "Tài khoản cán bộ dùng hệ thống",
    `${OPT}. Email Google của từng cán bộ, cách nhau dấu phẩy: được chạy mọi mục trình đơn và sửa các trang hệ thống ghi`,
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
  ["contactName", "text", "Người liên hệ (ghi trong thư)", `${OPT}. Ví dụ: đồng chí Trần Thị Lan`, ""],
  ["contactPhone", "phone", "Điện thoại liên hệ (ghi trong thư)", `${OPT}. Ví dụ: 028 3829 0000`, ""],
  ["contactZalo", "phone", "Số Zalo liên hệ (ghi trong thư)", OPT, ""],
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
  ["reportFolder", "text", "Thư mục Drive của báo cáo", "Thiết lập tạo thư mục này và mẫu báo cáo trong đó", "Báo cáo CĐCS – LĐLĐ Quận 1"],
  ["directiveNumber", "text", "Số công văn chỉ đạo", "Dùng ở câu mở đầu báo cáo, ví dụ 123/LĐLĐ", "…/LĐLĐ"],
  ["directiveDate", "date", "Ngày công văn chỉ đạo", OPT, ""],
  ["directiveIssuer", "text", "Nơi ban hành công văn chỉ đạo", "", "Ban Thường vụ Liên đoàn Lao động Quận 1"],
  [
    "directiveSubject",
    "text",
    "Trích yếu công văn chỉ đạo",
    "",
    "về việc tuyên truyền, vận động đoàn viên công đoàn, CNVCLĐ trên mạng xã hội facebook",
  ],
];

export const SETTING_DEFS: SettingDef[] = TABLE.map(([key, kind, label, help, , min, max]) => ({
  key,
  kind,
  label,
  help,
  min,
  max,
  // the help of an optional setting begins with OPT, or says what an empty cell means
  optional: help.startsWith(OPT) || ALSO_OPTIONAL.has(key),
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
  // a phone typed into a cell becomes a number and loses its leading 0 (0909… → 909…): given back
  if (def.kind === "phone" && typeof cell === "number") return { v: `0${cell}` };
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
function settingSchema(def: SettingDef) {
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

/** optional rows added after copies were in use */
const ADDED_LATER = new Set<keyof Settings>(["contactName", "contactPhone", "contactZalo"]);

/** rows as read from the tab → settings; every bad or missing value reported with its cell */
export function parseSettings(rows: SettingsRow[], tabName: string): Result<Settings, SettingProblem[]> {
  const errors: SettingProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const def of SETTING_DEFS) {
    const row = rows.find((r) => r.key === def.key);
    if (!row && ADDED_LATER.has(def.key)) {
      // a copy set up before these rows existed: empty until setup adds them (nothing stops for an optional line)
      out[def.key] = "";
      continue;
    }
    if (!row) {
      errors.push({ code: "setting-missing", tab: tabName, key: def.key, label: def.label });
      continue;
    }
    const r = settingSchema(def).safeParse(row.value);
    if (r.success) out[def.key] = r.data;
    else
      errors.push({
        code: "setting-invalid",
        tab: tabName,
        cell: row.cell,
        label: def.label,
        reason: r.error.issues[0]?.message ?? "không hợp lệ",
      });
  }
  // values that cannot work together are named by the cell to change, naming the other cell involved
  const cellOf = (key: keyof Settings) => {
    const def = SETTING_DEFS.find((d) => d.key === key);
    return `ô ${rows.find((r) => r.key === key)?.cell ?? key} (${def?.label ?? key})`;
  };
  for (const c of settingsConflicts(out as Partial<Settings>, cellOf)) {
    const def = SETTING_DEFS.find((d) => d.key === c.key);
    errors.push({
      code: "setting-invalid",
      tab: tabName,
      cell: rows.find((r) => r.key === c.key)?.cell,
      label: def?.label,
      reason: c.message,
    });
  }
  if (errors.length) return fail(errors);
  return ok(out as unknown as Settings);
}

/** the shortest month: a stage this many days after one due date can reach the next period's due date */
const SHORTEST_MONTH = 28;

/**
 * Settings each valid alone that cannot work together, each named by the setting to change (`ref` names another
 * setting in the message). Checked only when the values involved have been read.
 * Not a conflict: a registration deadline before the first period (registering comes before reporting; units that
 * start later have their own deadline, registrationGraceDays); a catch-up window longer than the gap between two
 * stages (each stage has its own key in the mail log, so nothing is sent twice: the later stage supersedes).
 */
function settingsConflicts(
  s: Partial<Settings>,
  ref: (key: keyof Settings) => string = (k) => k,
): { key: keyof Settings; message: string }[] {
  const out: { key: keyof Settings; message: string }[] = [];
  // settings held as JSON may carry any type: only numbers take part
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  const nums = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === "number") : []);
  const day = num(s.monthlyDueDay);
  if (day === 1 && s.monthlyDueInclusive === false)
    out.push({
      key: "monthlyDueDay",
      message: `“trước ngày 1” thì không báo cáo nào kịp hạn (báo cáo tháng nộp từ ngày 1 của chính tháng đó): ghi một ngày từ 2 đến 28, hoặc ghi Có ở ${ref("monthlyDueInclusive")}`,
    });
  const early = day === undefined ? undefined : nums(s.remindBefore).find((k) => k > day - 1);
  if (day !== undefined && early !== undefined)
    out.push({
      key: "remindBefore",
      message:
        day > 1
          ? `nhắc trước ${early} ngày thì rơi vào trước ngày 1 của tháng báo cáo (hạn ngày ${day}, ${ref("monthlyDueDay")}): mỗi số từ 1 đến ${day - 1}`
          : `hạn ngày 1 (${ref("monthlyDueDay")}) thì không còn ngày nào trong tháng để nhắc trước hạn: để trống ô này`,
    });
  const far = nums(s.overdueAfter).find((k) => k >= SHORTEST_MONTH);
  if (far !== undefined)
    out.push({
      key: "overdueAfter",
      message: `báo trễ hạn sau ${far} ngày thì có tháng đã đến hạn của kỳ sau (tháng ngắn nhất có ${SHORTEST_MONTH} ngày): mỗi số từ 1 đến ${SHORTEST_MONTH - 1}`,
    });
  const rollup = num(s.rollupAfter);
  if (rollup !== undefined && rollup >= SHORTEST_MONTH)
    out.push({
      key: "rollupAfter",
      message: `gửi tổng hợp sau hạn ${rollup} ngày thì có tháng đã đến hạn của kỳ sau (tháng ngắn nhất có ${SHORTEST_MONTH} ngày): tối đa ${SHORTEST_MONTH - 1}`,
    });
  return out;
}

/** the same check for settings held as JSON (the stored copy, a scenario) */
export function checkSettings(s: Settings): string[] {
  const errors: string[] = [];
  for (const def of SETTING_DEFS) {
    const r = settingSchema(def).safeParse(settingCell(def, s[def.key]));
    if (!r.success) errors.push(`${def.key}: ${r.error.issues[0]?.message}`);
  }
  for (const c of settingsConflicts(s)) errors.push(`${c.key}: ${c.message}`);
  return errors;
}
