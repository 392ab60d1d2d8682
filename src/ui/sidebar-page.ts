// The sidebar as one HTML page built into the bundle (the pushed project holds only Code.js and the manifest): its
// style and script inline, the section to open on as a data attribute.
import { SIDEBAR_JS } from "./sidebar-script";
import { SIDEBAR_CSS } from "./sidebar-style";

export const SIDEBAR_TITLE = "Báo cáo CĐCS";

/** the page for one section; `section` is one of the product's own names, checked by the caller */
export function sidebarPage(section: string): string {
  const safe = section.replace(/[^a-z]/g, "");
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<base target="_top">
<meta charset="utf-8">
<style>${SIDEBAR_CSS}</style>
</head>
<body data-section="${safe}">
<nav id="nav" aria-label="Việc cần làm"></nav>
<div id="msg" role="status" aria-live="polite"></div>
<main id="main"></main>
<script>${SIDEBAR_JS}</script>
</body>
</html>`;
}
