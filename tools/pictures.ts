// Pictures for the README and the guide, made from the demo's own output: the first page of each tab as LibreOffice
// prints the workbook, and the October report's first two pages (needs LibreOffice and poppler; not part of CI:
// tests/app/sheet/office.test.ts and tests/app/report/demo.test.ts save the same pictures, tests/app/sidebar/browser.test.ts the sidebar's).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fold } from "../src/domain/text.js";
import { parseScenario } from "../standin/simulation/scenario.js";
import { ROOT } from "../standin/simulation/simulation.js";
import { demoScenario } from "./demo-scenario.js";
import { simulate } from "./simulate.js";

/** a tab's name as a file name: “Nhắc qua Zalo” → nhac-qua-zalo */
export function slug(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** each tab's pages in the PDF's text (pages split by form feeds; the page header names the tab) */
export function tabPages(text: string): { tab: string; first: number; text: string }[] {
  const pages: { tab: string; first: number; text: string }[] = [];
  text.split("\f").forEach((page, i) => {
    const tab =
      page
        .split("\n")
        .map((l) => l.trim())
        .find(Boolean) ?? "";
    const last = pages[pages.length - 1];
    if (last?.tab === tab) last.text += `\n${page}`;
    else if (tab) pages.push({ tab, first: i + 1, text: page });
  });
  return pages;
}

/** LibreOffice's PDF of a file, in a fresh profile */
function pdfOf(file: string, dir: string): string {
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file], {
    stdio: "ignore",
    timeout: 180000,
  });
  return join(
    dir,
    file
      .split("/")
      .pop()
      ?.replace(/\.\w+$/, ".pdf") ?? "",
  );
}

/** one page as a PNG */
function page(pdf: string, n: number, out: string, dpi = 70): void {
  const prefix = join(mkdtempSync(join(tmpdir(), "pg-")), "p");
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(n), "-l", String(n), "-singlefile", pdf, prefix]);
  copyFileSync(`${prefix}.png`, out);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "pic-"));
  const images = join(ROOT, "docs", "images");
  await simulate(parseScenario(demoScenario().scenario), dir);
  const pdf = pdfOf(join(dir, "workbook.xlsx"), dir);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  for (const p of tabPages(text)) page(pdf, p.first, join(images, `sheet-${slug(p.tab)}.png`));
  // the October report as staff open it, first two pages
  const oct = join(dir, "rollups", "BC-TG-2018-10.docx");
  if (existsSync(oct)) {
    const report = pdfOf(oct, mkdtempSync(join(tmpdir(), "pdf-")));
    for (const n of [1, 2]) page(report, n, join(images, `report-${n}.png`), 60);
  }
  console.log(`pictures written to ${images}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
