// Pictures for the README, made from the demo's own output (needs Debian's chromium; not part of CI).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
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
const rollups = join(ROOT, "demo-output", "rollups");
const oct = readdirSync(rollups).find((f) => f.includes("2018-10.pdf-source"));
if (oct) shot(join(rollups, oct), join(out, "rollup.png"), 900, 1250);
console.log(`pictures written to ${out}`);
