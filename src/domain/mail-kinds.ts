// Every kind of mail the product sends, described once: how a short quota ranks it, who it goes to, its default
// template, the unit states it speaks to, which sentences it is worded with, and how the daily schedule plans it.
// Adding a kind is one entry here; `tsc` then names each place that must handle it (the `satisfies Record<MailKind, …>`
// tables and the `never` switches in src/domain/schedule.ts, src/domain/mail-text.ts and src/app/mail/compose.ts).

/** what is true of a unit for a period, as mails speak to it */
type UnitState = "missing" | "invalid" | "unverified" | "onTime" | "late" | "rejected" | "paper" | "exempt" | "addedLate";

/**
 * How a kind is planned:
 * - invite: once per unit, on its invitation day (the first run, its first month, or the day it came on the roster);
 * - before: on each "remind before" day while the deadline is open (and on staff's "remind now");
 * - after: on each "overdue after" day, once the last on-time day has passed;
 * - response: for each response received (a receipt, or a request to fix);
 * - rollup: to leaders once a period's last on-time day has ended;
 * - event: never planned; sent where it arises (a stored report, a stopped job).
 */
type Planning = "invite" | "before" | "after" | "response" | "rollup" | "event";

/**
 * Which sentences fill {{tinh_trang}} and its companions (src/domain/mail-text.ts):
 * - owed: what a unit still owes, for its state (nothing, to fix, waiting, rejected), and the kind's own ask;
 * - response: what arrived, whether it counts, or what to fix;
 * - own: composed by the run that sends it (rollups, urgent reports, alerts).
 */
type Wording = "owed" | "response" | "own";

interface DefaultTemplate {
  /** the template's name in the Sheet's templates tab */
  label: string;
  subject: string;
  body: string;
}

interface MailKindDef {
  /** how a short quota is spent: lower goes first (documented in the README) */
  priority: number;
  /** what staff read in the logs and the preview */
  label: string;
  /** who it goes to */
  audience: "sender" | "unit" | "leaders" | "staff";
  /** the unit states this kind speaks to (what src/domain/mail-text.ts words it for) */
  states: readonly UnitState[];
  wording: Wording;
  plan: Planning;
  template: DefaultTemplate;
}

const UNIT = "Kính gửi: Ban Chấp hành Công đoàn cơ sở {{ten_don_vi}}\n\n";
// the desk's contact (empty, and so left out, while the settings do not name one), then the signature
const END = "\n\n{{lien_he}}\n\nTrân trọng.\n{{bo_phan}}";
const tpl = (label: string, subject: string, body: string, to = UNIT): DefaultTemplate => ({
  label,
  subject: `[{{to_chuc}}] ${subject}`,
  body: to + body + END,
});

const NO_NAMES = "Biểu mẫu chỉ hỏi thông tin chung của đơn vị, không hỏi họ tên hay thông tin cá nhân của người lao động.";
const OTHER_CHANNEL = "Nếu đơn vị đã gửi bằng văn bản, email hoặc tin nhắn, đề nghị đồng chí trả lời thư này để {{bo_phan}} ghi nhận.";
const OWING = ["missing", "invalid", "unverified", "rejected", "addedLate"] as const;

// the order of the entries is the order of the templates in the Sheet
export const MAIL_KIND = {
  // the first and only ask a unit gets before its reminders: sent once, so it goes before the overdue notices and
  // reminders a short quota can leave to the next day
  invite: {
    priority: 2,
    label: "Mời đăng ký",
    audience: "unit",
    states: ["missing", "addedLate"],
    wording: "owed",
    plan: "invite",
    template: tpl(
      "Mời đăng ký (khi mở đăng ký và khi đơn vị mới vào danh sách)",
      "Đề nghị đăng ký tài khoản Facebook của CĐCS {{ten_don_vi}} (hạn {{han_nop}})",
      `{{tinh_trang}}

{{lien_ket}}

Nội dung đăng ký gồm: 01 tài khoản Facebook mang tên CĐCS hoặc tên đồng chí Chủ tịch CĐCS; 01 nhóm ẩn danh (tên nhóm không mang tên công đoàn); các trang của Công đoàn Việt Nam, LĐLĐ TP. Hồ Chí Minh, {{to_chuc}} mà tài khoản đã theo dõi. Biểu mẫu đã chọn sẵn tên đơn vị và chỉ hỏi thông tin của đơn vị.

{{chi_tiet}}`,
    ),
  },
  reminder: {
    priority: 4,
    label: "Thư nhắc",
    audience: "unit",
    states: OWING,
    wording: "owed",
    plan: "before",
    template: tpl(
      "Nhắc trước hạn (đơn vị chưa có báo cáo được ghi nhận)",
      "Nhắc {{viec_can_lam}} (hạn {{han_nop}})",
      `{{tinh_trang}}

{{lien_ket}}

{{chi_tiet}}

${NO_NAMES} ${OTHER_CHANNEL}`,
    ),
  },
  overdue: {
    priority: 3,
    label: "Báo trễ hạn",
    audience: "unit",
    states: ["missing", "invalid", "rejected", "addedLate"],
    wording: "owed",
    plan: "after",
    template: tpl(
      "Báo trễ hạn (đơn vị chưa có báo cáo được ghi nhận)",
      "{{tinh_trang_ngan}} {{viec}} – đã quá hạn {{so_ngay_tre}} ngày",
      `{{tinh_trang}}

{{lien_ket}}

{{chi_tiet}}

${OTHER_CHANNEL}`,
    ),
  },
  receipt: {
    priority: 0,
    label: "Xác nhận đã nhận",
    audience: "sender",
    states: ["onTime", "late", "unverified", "paper"],
    wording: "response",
    plan: "response",
    template: tpl(
      "Xác nhận đã nhận (mỗi lần nộp, mọi kênh)",
      "Đã nhận {{viec}} của CĐCS {{ten_don_vi}}",
      `{{tinh_trang}}

{{lien_ket_sua}}

{{chi_tiet}}`,
    ),
  },
  invalid: {
    priority: 0,
    label: "Đề nghị sửa",
    audience: "sender",
    states: ["invalid", "rejected"],
    wording: "response",
    plan: "response",
    template: tpl(
      "Đề nghị sửa (bản gửi chưa hợp lệ)",
      "{{tinh_trang_ngan}} {{viec}} của CĐCS {{ten_don_vi}}",
      `{{tinh_trang}}

{{lien_ket_sua}}

{{chi_tiet}}`,
    ),
  },
  rollup: {
    priority: 1,
    label: "Tổng hợp",
    audience: "leaders",
    states: [],
    wording: "own",
    plan: "rollup",
    template: tpl(
      "Tổng hợp (gửi lãnh đạo sau hạn)",
      "Tổng hợp {{viec}}: {{ten_ty_le}} {{ty_le_bao_cao}}, đúng hạn {{ty_le_dung_han}}",
      "{{bo_phan}} gửi bản tổng hợp {{viec}} (hạn nộp {{han_nop}}). Dự thảo văn bản báo cáo ở đường dẫn đầu thư, bản PDF đính kèm thư.",
      "Kính gửi: Lãnh đạo {{to_chuc}}\n\n",
    ),
  },
  // a matter a unit reports that leaders must know now: to the leaders and the staff, whatever the deadline
  urgent: {
    priority: 0,
    label: "Báo cáo khẩn",
    audience: "leaders",
    states: [],
    wording: "own",
    plan: "event",
    template: tpl(
      "Báo cáo khẩn (đơn vị báo vụ việc cần báo cáo ngay)",
      "KHẨN: vụ việc tại CĐCS {{ten_don_vi}} ({{ky}}) – {{tinh_trang_ngan}}",
      `{{tinh_trang}}

{{noi_dung_khan}}

{{chi_tiet}}

{{lien_ket}}`,
      "Kính gửi: Lãnh đạo {{to_chuc}}; {{bo_phan}}\n\n",
    ),
  },
  // something stopped, or needs staff: to the staff accounts that run the product
  alert: {
    priority: 0,
    label: "Cảnh báo hệ thống",
    audience: "staff",
    states: [],
    wording: "own",
    plan: "event",
    template: tpl(
      "Cảnh báo hệ thống (gửi cán bộ vận hành)",
      "Cần xử lý: {{viec}}",
      `{{tinh_trang}}

Việc cần làm:
{{viec_can_lam_cb}}

{{chi_tiet}}

{{lien_ket}}`,
      "Kính gửi: Cán bộ {{bo_phan}}\n\n",
    ),
  },
} as const satisfies Record<string, MailKindDef>;

export type MailKind = keyof typeof MAIL_KIND;

export const MAIL_KINDS = Object.keys(MAIL_KIND) as MailKind[];

/** the kinds worded a given way */
export type KindWordedBy<W extends Wording> = { [K in MailKind]: (typeof MAIL_KIND)[K]["wording"] extends W ? K : never }[MailKind];

const defOf = (k: MailKind): MailKindDef => MAIL_KIND[k];

/** the order a short quota is spent in, as staff read it: "xác nhận đã nhận, đề nghị sửa, tổng hợp, …" */
export function priorityWords(): string {
  return MAIL_KINDS.map(defOf)
    .sort((a, b) => a.priority - b.priority)
    .map((d) => d.label.toLowerCase())
    .join(", ");
}

/** a mail kind as staff read it; the raw kind when it is not one of ours (an old log row) */
export function kindLabel(kind: string): string {
  return (MAIL_KIND as Record<string, MailKindDef>)[kind]?.label ?? kind;
}

/** the kind a label in the mail log stands for (the log shows labels) */
export function kindOfLabel(label: string): MailKind | null {
  return MAIL_KINDS.find((k) => MAIL_KIND[k].label === label) ?? null;
}
