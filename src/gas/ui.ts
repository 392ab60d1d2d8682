// Menus and messages for staff: only ever called from a UI context (menu click, onOpen).
const MENU = "Báo cáo CĐCS";

export const MENU_ITEMS: [string, string][] = [
  ["Thiết lập", "setup"],
  ["Kiểm tra hệ thống", "selfCheck"],
  ["Làm mới trạng thái", "refreshStatus"],
  ["Xem trước thư hôm nay (không gửi)", "previewMails"],
  ["Xác nhận hoặc từ chối người gửi…", "showConfirm"],
  ["Gửi thư nhắc…", "showReminders"],
  ["Gửi tổng hợp…", "showRollup"],
  ["Ghi nhận báo cáo giấy, email, tin nhắn…", "showRecord"],
  ["Danh sách nhắc qua Zalo…", "showZalo"],
  ["Ghi nhận các dòng đã gõ ở trang Nhập tay", "recordManualReports"],
  ["Lưu trữ dữ liệu cũ", "archiveOldData"],
  ["Nhận vận hành (thay tài khoản đang chạy hệ thống)", "takeOver"],
];

/** the menu's groups: set-up, the Sheet, the choices made in the sidebar, the manual tabs, the archive, the owner */
const SEPARATE_BEFORE = [2, 4, 9, 10, 11];

export function addMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU);
  MENU_ITEMS.forEach(([label, fn], i) => {
    if (SEPARATE_BEFORE.includes(i)) menu.addSeparator();
    menu.addItem(label, fn);
  });
  menu.addToUi();
}

export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}
