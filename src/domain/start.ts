// The start tab: the first steps a federation takes with its own copy of the Sheet, and where each stands.

export const START_HEADER = ["Bước", "Việc cần làm", "Tình trạng", "Chi tiết, cách làm"];

/** the row the block of problems starts at: under the title, the header and the ten steps, after a blank row */
export const START_PROBLEMS_ROW = 14;

/** a problem as the start tab shows it: when it began (already in words), what it is, what staff do */
interface StartProblem {
  since: string;
  text: string;
  todo: string;
}

/** the block of problems under the steps: a heading and one row each; nothing when all is well */
export function problemRows(problems: StartProblem[]): string[][] {
  if (!problems.length) return [];
  return [
    ["!", "CẦN XỬ LÝ (dòng tự mất khi việc đã xong)", "Từ lúc", "Việc cần làm"],
    ...problems.map((x) => ["!", x.text, x.since, x.todo]),
  ];
}

const DONE = "Đã xong";
const TODO = "Chưa xong";
const FIX = "Cần sửa";
const SHOULD = "Nên làm";
const ONCE = "Làm một lần";

/** what the product knows of the Sheet it runs in */
export interface StartFacts {
  /** setup has run on this very Sheet (not only on the one it was copied from) */
  setUp: boolean;
  /** the Sheet is a copy whose setup has not run yet */
  copy: boolean;
  settings: { ok: boolean; detail: string } | null;
  staff: string[];
  units: number;
  unitProblems: string[];
  /** the units the forms' dropdowns and links were made for at the last setup */
  linked: number;
  forms: { title: string; url: string }[];
  triggers: { owner: string; hour: number; zone: string } | null;
  templateUrl: string;
  check: { passed: number; total: number; failed: string[] } | null;
}

/** the tab's rows: a title, the header, one row per step */
export function startRows(f: StartFacts, stamp: string): string[][] {
  const steps: [string, string, string][] = [];
  const setupHow = "Chọn trình đơn Báo cáo CĐCS → Thiết lập. Lần đầu Google hỏi quyền: xem “Hướng dẫn sử dụng”, mục 1.";
  steps.push([
    "Chạy Thiết lập lần đầu",
    f.setUp ? DONE : TODO,
    f.setUp
      ? "Đã tạo các trang, hai biểu mẫu, lịch chạy và thư mục báo cáo trong Drive."
      : f.copy
        ? `Bảng tính này là bản sao, chưa thiết lập: mọi việc khác chờ bước này. ${setupHow}`
        : setupHow,
  ]);
  steps.push([
    "Kiểm tra trang “Cài đặt”",
    !f.settings ? TODO : f.settings.ok ? DONE : FIX,
    !f.settings
      ? "Trang “Cài đặt” có sau khi chạy Thiết lập. Mặc định theo văn bản của Ban Thường vụ; sửa cột “Giá trị” nếu cần (tên đơn vị, người nhận tổng hợp, người ký…)."
      : f.settings.ok
        ? "Mọi ô đọc được. Có thể sửa bất cứ lúc nào: thay đổi có hiệu lực ngay."
        : f.settings.detail,
  ]);
  steps.push([
    "Ghi tài khoản Google của cán bộ",
    f.staff.length ? DONE : SHOULD,
    f.staff.length
      ? `${f.staff.length} tài khoản: ${f.staff.join(", ")}.`
      : "Ô “Tài khoản cán bộ dùng hệ thống” trong trang “Cài đặt”: email Google của từng cán bộ, cách nhau dấu phẩy; rồi chạy lại Thiết lập.",
  ]);
  steps.push([
    "Điền danh sách đơn vị",
    f.units ? (f.unitProblems.length ? FIX : DONE) : TODO,
    f.units
      ? f.unitProblems.length
        ? `${f.units} đơn vị; cần sửa: ${f.unitProblems.slice(0, 5).join(" ")}${f.unitProblems.length > 5 ? ` (và ${f.unitProblems.length - 5} ô khác)` : ""}`
        : `${f.units} đơn vị.`
      : "Trang “Đơn vị”: mỗi dòng một CĐCS (mã, tên, Chủ tịch, email, điện thoại, khối, từ tháng, đến tháng).",
  ]);
  const linkedAll = f.setUp && f.units > 0 && f.linked >= f.units;
  steps.push([
    "Chạy lại Thiết lập sau khi điền",
    linkedAll ? DONE : TODO,
    linkedAll
      ? `Biểu mẫu có danh sách ${f.linked} đơn vị; mỗi đơn vị có đường dẫn riêng ở trang “Đơn vị” (cột Liên kết).`
      : "Sau khi điền hoặc sửa danh sách đơn vị, chọn Báo cáo CĐCS → Thiết lập: danh sách vào biểu mẫu, mỗi đơn vị có đường dẫn riêng.",
  ]);
  steps.push([
    "Hai biểu mẫu đã tạo và xuất bản",
    f.forms.length >= 2 ? DONE : TODO,
    f.forms.length ? f.forms.map((x) => `${x.title}: ${x.url}`).join("\n") : "Thiết lập tạo biểu mẫu đăng ký và biểu mẫu báo cáo tháng.",
  ]);
  steps.push([
    "Lịch chạy tự động",
    f.triggers ? DONE : TODO,
    f.triggers
      ? `Chạy mỗi ngày lúc ${f.triggers.hour} giờ (${f.triggers.zone}), nhận biểu mẫu ngay khi có, thuộc tài khoản ${f.triggers.owner}.`
      : "Thiết lập tạo lịch chạy cho tài khoản chạy Thiết lập lần đầu (nên dùng tài khoản của Liên đoàn).",
  ]);
  steps.push([
    "Kiểm tra hệ thống đạt",
    !f.check ? TODO : f.check.failed.length ? FIX : DONE,
    !f.check
      ? "Chạy cuối mỗi lần Thiết lập, hoặc chọn Báo cáo CĐCS → Kiểm tra hệ thống."
      : f.check.failed.length
        ? `${f.check.passed}/${f.check.total} mục đạt. Không đạt: ${f.check.failed.join("; ")}. Xem trang “Kiểm tra”, cột “Việc cần làm”.`
        : `${f.check.passed}/${f.check.total} mục đạt.`,
  ]);
  steps.push([
    "Hoàn thiện mẫu báo cáo (số trang)",
    ONCE,
    f.templateUrl
      ? `Mở ${f.templateUrl} → Chèn → Số trang, kiểu bắt đầu từ trang 2, căn giữa (hướng dẫn mục 9.1).`
      : "Thiết lập tạo “Mẫu báo cáo (không xóa)” trong thư mục báo cáo; thêm số trang một lần (hướng dẫn mục 9.1).",
  ]);
  steps.push([
    "Gửi đường dẫn cho các Chủ tịch CĐCS",
    ONCE,
    "Trang “Đơn vị” có đường dẫn riêng của từng đơn vị; trang “Nhắc qua Zalo” có sẵn tin nhắn để dán vào nhóm Zalo các Chủ tịch.",
  ]);
  return [
    [`BẮT ĐẦU – các bước để hệ thống chạy (cập nhật lúc ${stamp})`, "", "", ""],
    START_HEADER,
    ...steps.map(([what, state, how], i) => [String(i + 1), what, state, how]),
  ];
}
