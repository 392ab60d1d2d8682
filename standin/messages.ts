// Google's error texts come in the language of the account that runs the script
// (https://developers.google.com/apps-script/api/reference/rest/v1/LocalizedMessage): the stand-in speaks English and
// Vietnamese. The English texts are Google's; the Vietnamese ones are the stand-in's rendering of them. The product
// must never read either.
export type Language = "en" | "vi";

type Text = (...a: string[]) => string;

const TEXTS: Record<string, Record<Language, Text>> = {
  outsideDimensions: {
    en: () => "The coordinates of the range are outside the dimensions of the sheet.",
    vi: () => "Tọa độ của dải ô nằm ngoài kích thước của trang tính.",
  },
  rowsMismatch: {
    en: (d, r) =>
      `The number of rows in the data does not match the number of rows in the range. The data has ${d} but the range has ${r}.`,
    vi: (d, r) => `Số hàng trong dữ liệu không khớp với số hàng trong dải ô. Dữ liệu có ${d} nhưng dải ô có ${r}.`,
  },
  columnsMismatch: {
    en: (d, r) =>
      `The number of columns in the data does not match the number of columns in the range. The data has ${d} but the range has ${r}.`,
    vi: (d, r) => `Số cột trong dữ liệu không khớp với số cột trong dải ô. Dữ liệu có ${d} nhưng dải ô có ${r}.`,
  },
  startTooSmall: { en: () => "The starting row/column of the range is too small.", vi: () => "Hàng/cột bắt đầu của dải ô quá nhỏ." },
  tooFewRows: { en: () => "The number of rows in the range must be at least 1.", vi: () => "Số hàng trong dải ô phải ít nhất là 1." },
  tooFewColumns: { en: () => "The number of columns in the range must be at least 1.", vi: () => "Số cột trong dải ô phải ít nhất là 1." },
  rangeNotFound: { en: (a) => `Range not found: ${a}`, vi: (a) => `Không tìm thấy dải ô: ${a}` },
  sheetExists: {
    en: (n) => `A sheet with the name "${n}" already exists. Please enter another name.`,
    vi: (n) => `Đã có trang tính tên "${n}". Vui lòng nhập tên khác.`,
  },
  protectedCell: {
    en: () =>
      "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    vi: () =>
      "Bạn đang cố chỉnh sửa một ô hoặc đối tượng được bảo vệ. Vui lòng liên hệ với chủ sở hữu bảng tính để gỡ bảo vệ nếu cần chỉnh sửa.",
  },
  rowsOutOfBounds: { en: () => "Those rows are out of bounds.", vi: () => "Các hàng đó nằm ngoài phạm vi." },
  cellTooLong: {
    en: () => "Your input contains more than the maximum of 50000 characters in a single cell.",
    vi: () => "Dữ liệu bạn nhập có nhiều hơn tối đa 50000 ký tự trong một ô.",
  },
  tooManyCells: {
    en: () => "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    vi: () => "Thao tác này sẽ làm số ô trong bảng tính vượt quá giới hạn 10000000 ô.",
  },
  noUi: {
    en: () => "Cannot call SpreadsheetApp.getUi() from this context.",
    vi: () => "Không thể gọi SpreadsheetApp.getUi() từ ngữ cảnh này.",
  },
  noSpreadsheet: {
    en: () => "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    vi: () => "Lỗi không mong muốn khi lấy phương thức hoặc thuộc tính openById trên đối tượng SpreadsheetApp.",
  },
  noItem: {
    en: () => "No item with the given ID could be found, or you do not have permission to access it.",
    vi: () => "Không tìm thấy mục nào có mã đã cho hoặc bạn không có quyền truy cập.",
  },
  legacyForm: {
    en: () => "This form does not support publishing. Legacy forms are published when they are created.",
    vi: () => "Biểu mẫu này không hỗ trợ xuất bản. Biểu mẫu cũ được xuất bản ngay khi tạo.",
  },
  noDestination: {
    en: () => "This form does not currently have a response destination.",
    vi: () => "Biểu mẫu này hiện không có nơi lưu câu trả lời.",
  },
  noResponse: {
    en: (id) => `No response with ID ${id} exists for this form.`,
    vi: (id) => `Không có câu trả lời mã ${id} trong biểu mẫu này.`,
  },
  invalidChoice: {
    en: (v) => `Invalid response submitted to the question: ${v}`,
    vi: (v) => `Câu trả lời không hợp lệ cho câu hỏi: ${v}`,
  },
  emptyChoices: { en: () => "Choices cannot be empty.", vi: () => "Lựa chọn không được để trống." },
  wrongItemType: {
    en: (t) => `Item is not of type ${t}.`,
    vi: (t) => `Mục không thuộc loại ${t}.`,
  },
  mailQuota: {
    en: () => "Service invoked too many times for one day: email.",
    vi: () => "Dịch vụ đã bị gọi quá nhiều lần trong một ngày: email.",
  },
  noRecipient: { en: () => "Failed to send email: no recipient", vi: () => "Không gửi được email: không có người nhận" },
  subjectTooLong: {
    en: () => "Argument too large: subject (250 characters maximum).",
    vi: () => "Đối số quá lớn: subject (tối đa 250 ký tự).",
  },
  tooManyRecipients: {
    en: () => "Limit Exceeded: Email Recipients Per Message.",
    vi: () => "Vượt giới hạn: Số người nhận trong một email.",
  },
  bodyTooLarge: { en: () => "Limit Exceeded: Email Body Size.", vi: () => "Vượt giới hạn: Kích thước nội dung email." },
  valueTooLarge: { en: () => "Argument too large: value", vi: () => "Đối số quá lớn: value" },
  propertyQuota: {
    en: () => "You have exceeded the property storage quota. Please remove some properties and try again.",
    vi: () => "Bạn đã vượt quá hạn mức lưu trữ thuộc tính. Vui lòng xóa bớt thuộc tính rồi thử lại.",
  },
  tooManyTriggers: {
    en: () => "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    vi: () => "Tập lệnh này có quá nhiều trình kích hoạt. Phải xóa bớt trình kích hoạt trước khi thêm.",
  },
  notYourTrigger: {
    en: () => "You do not have permission to delete this trigger.",
    vi: () => "Bạn không có quyền xóa trình kích hoạt này.",
  },
  lockTimeout: {
    en: () => "Lock timeout: another process was holding the lock for too long.",
    vi: () => "Hết thời gian chờ khóa: một tiến trình khác giữ khóa quá lâu.",
  },
  badConversion: {
    en: (t) => `Converting from ${t} to application/pdf is not supported.`,
    vi: (t) => `Không hỗ trợ chuyển từ ${t} sang application/pdf.`,
  },
};

export function message(lang: Language, key: keyof typeof TEXTS, ...args: (string | number)[]): string {
  const t = TEXTS[key];
  if (!t) throw new Error(`no stand-in message ${key}`);
  return t[lang](...args.map(String));
}

/** every language's text of a message, for tests that accept Google's error whatever the account's language */
export function anyLanguage(key: keyof typeof TEXTS): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp((["en", "vi"] as Language[]).map((l) => esc(TEXTS[key][l]("\u0000", "\u0000")).split("\u0000").join(".*")).join("|"));
}
