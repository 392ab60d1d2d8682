// Why something could not be done, as data: a code and what the words need. The Vietnamese staff read is written here
// once per code (`say`); code decides by the code, never by the words. A new code is one line in `Problem` and its
// text in `TEXT` (tsc names a code without a text, or a text without a code).
import { FIELD, mark } from "./report/template";

/** a settings cell that cannot be read, or a row missing from the tab */
export type SettingProblem =
  | { code: "setting-missing"; tab: string; key: string; label: string }
  /** `reason`: the setting's own check, in Vietnamese (./settings.ts) */
  | { code: "setting-invalid"; tab: string; cell: string | undefined; label: string | undefined; reason: string };

/** what the report's template lacks, found as the document is filled */
export type TemplateProblem =
  | { code: "template-no-content" }
  | { code: "template-unnumbered" }
  /** the headings could not be kept with their text (the Docs API failed or found them not) */
  | { code: "template-headings-loose" };

export type Problem =
  | SettingProblem
  | TemplateProblem
  /** another run holds the script lock */
  | { code: "busy" }
  | { code: "not-set-up" }
  /** no settings stored, or stored settings that no longer pass their checks */
  | { code: "no-settings" }
  /** a copy of a Sheet that ran a season, not yet confirmed by staff */
  | { code: "paused" }
  /** run from the script editor or a trigger with no spreadsheet open; `action`: the menu item to choose */
  | { code: "no-sheet"; action: string }
  | { code: "settings"; errors: SettingProblem[] }
  /** a key column of a report tab moved or renamed (the column's letter, the header wanted and the one found) */
  | { code: "column-moved"; tab: string; column: string; want: string; found: string }
  /** the sidebar asked for nothing: no response, no unit, no form, no month, no channel, no section it knows */
  | { code: "no-response-chosen" }
  | { code: "no-units-chosen" }
  | { code: "no-unit-chosen" }
  | { code: "no-month-chosen" }
  | { code: "no-form-chosen" }
  | { code: "no-channel-chosen" }
  | { code: "unknown-section" }
  /** the received date and time typed in another form than dd/mm/yyyy hh:mm */
  | { code: "bad-received-at" }
  | { code: "period-not-due"; period: string }
  /** an account not listed among the staff asked to run the product */
  | { code: "not-staff"; account: string }
  /** a report typed in the sidebar that the recording refused: `said` is its result cell (or the recording's words) */
  | { code: "record-refused"; unit: string; said: string; tab: string; id: string }
  /** a sidebar action a follow-up run did again, that did not go: its own words (no one waits for them) */
  | { code: "action"; said: string };

type Code = Problem["code"];

/** the Vietnamese of each code */
const TEXT = {
  busy: () => "Một lần chạy khác đang giữ khóa; thử lại sau ít phút.",
  "not-set-up": () => "Chưa chạy Thiết lập.",
  "no-settings": () => "Chưa có cài đặt hợp lệ: chạy Thiết lập.",
  paused: () =>
    "Bản sao của một bảng tính đã chạy một mùa báo cáo: TẠM DỪNG gửi mọi thư cho tới khi cán bộ kiểm tra danh sách đơn vị (trang Đơn vị) và các mốc ngày (trang Cài đặt), rồi chọn “Bắt đầu gửi thư” trong thanh bên (Báo cáo CĐCS → Gửi thư nhắc…). Xem trước thư hôm nay để thấy các thư sẽ gửi.",
  "no-sheet": (p) => `Hãy mở bảng tính rồi chạy ${p.action} từ trình đơn.`,
  settings: (p) => p.errors.map(say).join("\n"),
  "setting-missing": (p) => `Trang “${p.tab}”: thiếu dòng “${p.label}” (${p.key}). Chạy lại Thiết lập để thêm.`,
  "setting-invalid": (p) => `Ô ${p.cell} trang “${p.tab}” (${p.label}): ${p.reason}.`,
  "column-moved": (p) =>
    `Trang “${p.tab}”, cột ${p.column}: cần “${p.want}” nhưng đang là “${p.found}”: đưa về như cũ rồi chạy lại Thiết lập.`,
  "no-response-chosen": () => "Chưa chọn phản hồi nào.",
  "no-units-chosen": () => "Chưa chọn đơn vị nào.",
  "no-unit-chosen": () => "Chưa chọn đơn vị.",
  "no-month-chosen": () => "Chưa chọn tháng báo cáo.",
  "no-form-chosen": () => "Chưa chọn loại báo cáo.",
  "no-channel-chosen": () => "Chưa chọn kênh nhận (văn bản giấy, email, tin nhắn).",
  "unknown-section": () => "Không rõ mục cần mở.",
  "bad-received-at": () => "Ngày giờ nhận chưa đúng: ghi theo dạng ngày/tháng/năm giờ:phút, ví dụ 15/10/2018 09:30.",
  "period-not-due": (p) => `Kỳ “${p.period}” chưa đến hạn hoặc không có: chọn một kỳ trong danh sách.`,
  "not-staff": (p) =>
    `Tài khoản ${p.account} không có trong ô “Tài khoản cán bộ dùng hệ thống” (trang Cài đặt): chỉ cán bộ được liệt kê mới nhận vận hành.`,
  "record-refused": (p) => `Chưa ghi nhận ${p.unit}: ${p.said} Dòng vẫn ở trang “${p.tab}” (mã ${p.id}); sửa ở đây rồi gửi lại.`,
  action: (p) => p.said,
  "template-no-content": () => `Mẫu báo cáo không còn chỗ ${mark(FIELD.content)} trong thân văn bản: nội dung được thêm vào cuối văn bản.`,
  "template-unnumbered": () => "Mẫu báo cáo chưa có số trang (từ trang 2): hoàn thiện mẫu một lần theo Hướng dẫn mục 9.",
  "template-headings-loose": () =>
    "Văn bản chưa giữ được đề mục liền với nội dung: trước khi in, xem các trang có đề mục nằm cuối trang (chọn đề mục, trình đơn Định dạng – Format, khoảng cách dòng và đoạn – Line & paragraph spacing, bật giữ với đoạn tiếp theo – Keep with next).",
} satisfies { [C in Code]: (p: Extract<Problem, { code: C }>) => string };

/** a problem as staff read it, in Vietnamese */
export function say(p: Problem): string {
  return (TEXT[p.code] as (p: Problem) => string)(p);
}

/** what making sure of the reports' folder and template did, as data; worded once below (`sayChange`) */
export type DocChange =
  /** the folder another account made cannot be opened from this one: a new folder is made */
  | { code: "folder-unreachable"; folder: string; owner: string; me: string }
  | { code: "folder-gone"; folder: string; trashed: boolean }
  | { code: "folder-made"; folder: string }
  | { code: "folder-renamed"; folder: string }
  | { code: "template-gone"; template: string; trashed: boolean }
  | { code: "template-made"; template: string; folder: string }
  | { code: "folder-shared"; folder: string; with: string[] };

const gone = (trashed: boolean) => (trashed ? "chuyển vào thùng rác" : "xóa");

const CHANGE_TEXT = {
  "folder-unreachable": (c) => `thư mục “${c.folder}” của tài khoản ${c.owner} không mở được từ tài khoản ${c.me}: tạo thư mục mới`,
  "folder-gone": (c) => `thư mục Drive “${c.folder}” đã bị ${gone(c.trashed)}: tạo lại`,
  "folder-made": (c) => `tạo thư mục Drive “${c.folder}”`,
  "folder-renamed": (c) => `đổi tên thư mục Drive thành “${c.folder}”`,
  "template-gone": (c) => `mẫu báo cáo “${c.template}” đã bị ${gone(c.trashed)}: tạo lại từ mẫu mặc định`,
  "template-made": (c) =>
    `tạo “${c.template}” trong thư mục “${c.folder}”: hoàn thiện mẫu một lần (số trang từ trang 2) theo Hướng dẫn mục 9`,
  "folder-shared": (c) => `chia sẻ thư mục “${c.folder}” với ${c.with.join(", ")}`,
} satisfies { [C in DocChange["code"]]: (c: Extract<DocChange, { code: C }>) => string };

/** a change to the reports' folder or template as the run log and staff read it */
export function sayChange(c: DocChange): string {
  return (CHANGE_TEXT[c.code] as (c: DocChange) => string)(c);
}

/** a file staff had was lost and made again from the default: staff must restyle it */
export function lostFile(c: DocChange): boolean {
  return c.code === "folder-unreachable" || c.code === "folder-gone" || c.code === "template-gone";
}
