// Menus and messages for staff: only ever called from a UI context (menu click, onOpen).
export const MENU = "Báo cáo CĐCS";

export const MENU_ITEMS: [string, string][] = [
  ["Thiết lập", "setup"],
  ["Làm mới trạng thái", "refreshStatus"],
  ["Xem trước thư hôm nay (không gửi)", "previewMails"],
  ["Gửi thư nhắc ngay", "sendRemindersNow"],
  ["Gửi tổng hợp tháng này", "sendRollupNow"],
  ["Ghi nhận báo cáo giấy, email, tin nhắn", "recordManualReports"],
  ["Xác nhận người gửi", "confirmSender"],
  ["Kiểm tra hệ thống", "selfCheck"],
  ["Lưu trữ dữ liệu cũ", "archiveOldData"],
];

export function addMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU);
  MENU_ITEMS.forEach(([label, fn], i) => {
    if (i === 2 || i === 5 || i === 7) menu.addSeparator();
    menu.addItem(label, fn);
  });
  menu.addToUi();
}

export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function prompt(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const r = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return r.getSelectedButton() === ui.Button.OK ? r.getResponseText() : null;
}
