// The mails of tests/app/mail/states.test.ts: one of each kind a unit or its sender gets, for each state the unit can be
// in, composed as the daily job composes it (shared with the phone rendering in tests/app/mail/phone.test.ts).
import { type ComposeContext, composeDue } from "../../src/app/mail/compose";
import { instantOf } from "../../src/domain/dates";
import type { MailKind } from "../../src/domain/mail-kinds";
import { REGISTRATION } from "../../src/domain/periods";
import { currentRules } from "../../src/domain/rules";
import type { DueMail } from "../../src/domain/schedule";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import type { Version } from "../../src/domain/status";
import { DEFAULT_TEMPLATES } from "../../src/domain/templates";
import type { Unit } from "../../src/domain/units";

export const TZ = "Asia/Ho_Chi_Minh";
export const CONTACT = { contactName: "đồng chí Trần Thị Lan", contactPhone: "028 3829 0000", contactZalo: "0909 123 456" };
export const S: Settings = { ...DEFAULT_SETTINGS, ...CONTACT };
export const UNIT: Unit = {
  code: "CD001",
  name: "CĐCS Công ty CD001",
  chair: "Nguyễn Văn A",
  emails: ["cd001@dv.example.vn"],
  phone: "0903123456",
  group: "",
  activeFrom: "2018-09",
  activeTo: null,
} as unknown as Unit;
const FORM = "https://docs.google.com/forms/d/e/FORM/viewform?entry.1=CD001";
const EDIT = "https://docs.google.com/forms/d/e/FORM/viewform?edit2=EDITME";

export function ctx(s: Settings = S, now?: number): ComposeContext {
  return { s, templates: DEFAULT_TEMPLATES, forms: {}, link: () => FORM, now, rules: currentRules(s) };
}

export const at = (ymd: string, h = 10) => instantOf(ymd, TZ, h);

export function version(over: Partial<Version>): Version {
  return {
    key: "r1|2",
    responseId: "r1",
    at: at("2018-10-20"),
    unit: "CD001",
    period: "2018-10",
    verdict: "accepted",
    confirmed: false,
    channel: "form",
    email: "cd001@dv.example.vn",
    row: 2,
    editUrl: EDIT,
    ...over,
  };
}

export type Mail = { subject: string; text: string; html: string; to: string[]; cc: string[] };

export function mail(d: Partial<DueMail> & { kind: MailKind }, s: Settings = S, today?: string): Mail {
  const r = composeDue(
    { key: "k", period: "2018-10", unit: "CD001", stage: today ?? "2018-10-20", ...d } as DueMail,
    UNIT,
    ctx(s, today ? at(today, 8) : undefined),
  );
  if ("errors" in r) throw new Error(r.errors.join("; "));
  return r.mail;
}

export const all = (m: Mail) => `${m.subject}\n${m.text}`;
export const OCT = currentRules(S).deadline("2018-10");

/** every mail a unit or its sender gets, for each state it can be in when the mail goes */
export const CASES: {
  name: string;
  state: string;
  d: Partial<DueMail> & { kind: MailKind };
  today: string;
  must: RegExp[];
  never: RegExp[];
}[] = [
  {
    name: "an invitation to a unit that sent nothing",
    state: "missing",
    d: { kind: "invite", period: REGISTRATION, status: "missing" },
    today: "2018-09-03",
    must: [/Đề nghị đăng ký tài khoản Facebook/, /trước ngày 15\/10\/2018/, /Mở biểu mẫu đăng ký/],
    never: [/quá hạn/],
  },
  {
    name: "an invitation to a unit added late (its own deadline)",
    state: "addedLate",
    d: { kind: "invite", period: REGISTRATION, status: "missing", deadline: { due: "2018-11-21", lastOnTime: "2018-11-20" } },
    today: "2018-10-23",
    must: [/trước ngày 21\/11\/2018/, /còn 29 ngày/],
    never: [/quá hạn/, /15\/10\/2018/],
  },
  {
    name: "a reminder to a unit that sent nothing",
    state: "missing",
    d: { kind: "reminder", status: "missing", deadline: OCT },
    today: "2018-10-19",
    must: [/chưa nhận được báo cáo tháng 10\/2018/, /còn 5 ngày/, /Mở biểu mẫu báo cáo tháng 10\/2018/],
    never: [/quá hạn/, /Sửa/],
  },
  {
    name: "a reminder to a unit whose report needs fixing",
    state: "invalid",
    d: {
      kind: "reminder",
      status: "invalid",
      deadline: OCT,
      version: version({ verdict: "invalid", notes: "Số đoàn viên: “abc” không phải là số" }),
    },
    today: "2018-10-23",
    must: [/chưa ghi nhận được/, /Sửa báo cáo tháng 10\/2018/, /EDITME/],
    never: [/quá hạn/],
  },
  {
    name: "a reminder to a unit whose report waits for staff (sent before the deadline, asked after it)",
    state: "unverified",
    d: { kind: "reminder", status: "unverified", deadline: OCT, version: version({ verdict: "unverified", email: "ca.nhan@gmail.com" }) },
    today: "2018-10-31",
    must: [/chờ .* xác nhận người gửi/, /không cần gửi lại/, /tính đúng hạn/, /trả lời thư này/],
    never: [/quá hạn/, /Mở biểu mẫu/, /EDITME/, /Sửa báo cáo/],
  },
  {
    name: "an overdue notice on the day after the deadline ('Báo trễ hạn sau 1 ngày')",
    state: "late",
    d: { kind: "overdue", status: "missing", deadline: OCT, daysLate: 1 },
    today: "2018-10-25",
    must: [/đã quá hạn 1 ngày/, /vẫn được ghi nhận là đã nộp \(trễ hạn\)/],
    never: [/quá hạn 2 ngày/],
  },
  {
    name: "an overdue notice 7 days after the deadline ('Báo trễ hạn sau 7 ngày')",
    state: "late",
    d: { kind: "overdue", status: "missing", deadline: OCT, daysLate: 7 },
    today: "2018-10-31",
    must: [/đã quá hạn 7 ngày/],
    never: [/quá hạn 8 ngày/],
  },
  {
    name: "a receipt on time",
    state: "confirmed",
    d: { kind: "receipt", status: "onTime", deadline: OCT, version: version({}) },
    today: "2018-10-20",
    must: [/Đã nhận báo cáo tháng 10\/2018/, /đúng hạn/, /Sửa báo cáo tháng 10\/2018/],
    never: [/quá hạn/, /trễ hạn/],
  },
  {
    name: "a receipt late",
    state: "late",
    d: { kind: "receipt", status: "late", deadline: OCT, version: version({ at: at("2018-10-26") }) },
    today: "2018-10-26",
    must: [/trễ hạn 3 ngày/, /vẫn được ghi nhận/],
    never: [/đúng hạn/],
  },
  {
    name: "a receipt for a report waiting for staff",
    state: "unverified",
    d: { kind: "receipt", status: "unverified", deadline: OCT, version: version({ verdict: "unverified", email: "ca.nhan@gmail.com" }) },
    today: "2018-10-20",
    must: [/đang chờ .* xác nhận/, /ca\.nhan@gmail\.com/],
    never: [/quá hạn/],
  },
  {
    name: "a receipt for a sender staff confirmed",
    state: "confirmed",
    d: {
      kind: "receipt",
      status: "onTime",
      deadline: OCT,
      version: version({ verdict: "unverified", confirmed: true, email: "ca.nhan@gmail.com" }),
    },
    today: "2018-10-22",
    must: [/đã xác nhận báo cáo tháng 10\/2018/, /lần sau/],
    never: [/quá hạn/, /đang chờ/],
  },
  {
    name: "a receipt for a paper report staff recorded",
    state: "paper",
    d: { kind: "receipt", status: "onTime", deadline: OCT, version: version({ channel: "paper", email: "", editUrl: undefined }) },
    today: "2018-10-20",
    must: [/bằng văn bản giấy/, /liên hệ/],
    never: [/Sửa báo cáo/, /quá hạn/],
  },
  {
    name: "a request to fix an invalid report",
    state: "invalid",
    d: {
      kind: "invalid",
      status: "invalid",
      deadline: OCT,
      version: version({ verdict: "invalid", notes: "Số đoàn viên: “abc” không phải là số" }),
    },
    today: "2018-10-20",
    must: [/Cần sửa báo cáo tháng 10\/2018/, /abc/, /Sửa báo cáo tháng 10\/2018/, /thư xác nhận/],
    never: [/quá hạn/],
  },
  {
    name: "a rejection by staff: the one thing that works",
    state: "rejected",
    d: {
      kind: "invalid",
      status: "missing",
      deadline: OCT,
      version: version({ verdict: "unverified", rejected: true, email: "la@gmail.com", notes: "Không phải người của đơn vị" }),
    },
    today: "2018-10-21",
    must: [/gửi lại từ email của đơn vị/, /la@gmail\.com/, /Không phải người của đơn vị/, /FORM\/viewform/, /thư xác nhận/],
    never: [/EDITME/, /nội dung cần sửa/, /sửa ngay trên bản đã gửi/, /Sửa báo cáo/, /Cần sửa/],
  },
];
