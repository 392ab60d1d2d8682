// The sidebar on Google: the page served by HtmlService beside the Sheet (only from a menu click: a UI context).
import { SIDEBAR_TITLE, sidebarPage } from "../ui/sidebar-page";

export function showSidebar(section: string): void {
  const page = HtmlService.createHtmlOutput(sidebarPage(section)).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}
