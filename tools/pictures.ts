// Pictures for the README, made from the demo's own output (needs Debian's chromium, LibreOffice and poppler; not part
// of CI: the report test saves the report's pages too).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workbookHtml } from "../standin/export.js";
import { parseScenario } from "../standin/scenario.js";
import { ROOT, Simulation } from "../standin/simulation.js";
import { demoScenario } from "./demo-scenario.js";

function shot(html: string, png: string, width: number, height: number) {
  execFileSync(
    "chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${mkdtempSync(join(tmpdir(), "chr-"))}`,
      `--screenshot=${png}`,
      `--window-size=${width},${height}`,
      `file://${html}`,
    ],
    { stdio: "ignore" },
  );
}

const sim = new Simulation(parseScenario(demoScenario().scenario));
sim.play();
const dir = mkdtempSync(join(tmpdir(), "pic-"));
const out = join(ROOT, "docs", "images");
for (const [tab, rows, w, h] of [
  ["Trạng thái", 34, 1100, 900],
  ["Tổng quan", 9, 1200, 300],
  ["Báo cáo tháng", 12, 1500, 380],
] as const) {
  const file = join(dir, `${tab}.html`);
  writeFileSync(file, workbookHtml(sim.world, sim.ss, [tab], rows));
  shot(file, join(out, `${tab === "Trạng thái" ? "status" : tab === "Tổng quan" ? "dashboard" : "reports"}.png`), w, h);
}
// the October report as staff open it, first two pages, through LibreOffice's PDF
const oct = join(ROOT, "demo-output", "rollups", "BC-TG-2018-10.docx");
if (existsSync(oct)) {
  const pdfDir = mkdtempSync(join(tmpdir(), "pdf-"));
  execFileSync(
    "soffice",
    ["--headless", `-env:UserInstallation=file://${pdfDir}/profile`, "--convert-to", "pdf", "--outdir", pdfDir, oct],
    {
      stdio: "ignore",
    },
  );
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", join(pdfDir, "BC-TG-2018-10.pdf"), join(pdfDir, "report")]);
  for (const p of [1, 2]) {
    const png = [`report-${p}.png`, `report-0${p}.png`].map((f) => join(pdfDir, f)).find(existsSync);
    if (png) copyFileSync(png, join(out, `report-${p}.png`));
  }
}
console.log(`pictures written to ${out}`);
