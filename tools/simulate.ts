// npm run simulate -- SCENARIO.json --out DIR: the built bundle, in the stand-in, through a scenario.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { viPercent } from "../src/domain/text.js";
import { emlOf, outDir, workbookHtml, writeText, writeWorkbook } from "../standin/export.js";
import { parseScenario, type Scenario, ScenarioError } from "../standin/scenario.js";
import { Simulation } from "../standin/simulation.js";
import { buildSummary } from "../standin/summary.js";

export async function simulate(scenario: Scenario, out: string, log: (s: string) => void = () => {}) {
  const sim = new Simulation(scenario, { onProgress: (m) => log(`  ${m}`) });
  sim.play();
  const summary = buildSummary(sim, sim.world.clockTo);
  rmSync(out, { recursive: true, force: true });
  outDir(out);
  await writeWorkbook(sim.world, sim.ss, join(out, "workbook.xlsx"));
  writeText(join(out, "workbook.html"), workbookHtml(sim.world, sim.ss));
  outDir(out, "outbox");
  const rollups = outDir(out, "rollups");
  for (let i = 0; i < sim.world.mails.length; i++) {
    const m = sim.world.mails[i];
    const meta = summary.mails[i];
    writeText(join(out, meta.file), await emlOf(m, sim.world.effectiveUser));
    for (const a of m.attachments) {
      if (a.convertedFrom) writeText(join(rollups, `${String(i + 1).padStart(4, "0")}-${a.name}`), Buffer.from(a.data));
    }
    if (meta.kind === "rollup" && m.htmlBody) writeText(join(rollups, `${String(i + 1).padStart(4, "0")}-mail.html`), m.htmlBody);
  }
  writeText(join(out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  return { sim, summary };
}

export function table(summary: ReturnType<typeof buildSummary>): string {
  const lines = ["kỳ        | phải nộp | đã nộp | đúng hạn | trễ | chưa nộp | k.hợp lệ | chờ x.nhận | tỷ lệ BC | tỷ lệ đúng hạn"];
  const r = summary.registration;
  const row = (
    name: string,
    f: {
      expected: number;
      received: number;
      onTime: number | string[];
      late: unknown[];
      missing: unknown[];
      invalid: unknown[];
      unverified: unknown[];
      reportingRate: number | null;
      onTimeRate: number | null;
    },
  ) =>
    [
      name.padEnd(9),
      String(f.expected).padStart(8),
      String(f.received).padStart(6),
      String(Array.isArray(f.onTime) ? f.onTime.length : f.onTime).padStart(8),
      String(f.late.length).padStart(3),
      String(f.missing.length).padStart(8),
      String(f.invalid.length).padStart(8),
      String(f.unverified.length).padStart(10),
      viPercent(f.reportingRate).padStart(8),
      viPercent(f.onTimeRate).padStart(14),
    ].join(" | ");
  lines.push(row("đăng ký", r));
  for (const p of summary.periods) lines.push(row(p.period, p));
  return lines.join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf("--out");
  const out = outIdx >= 0 ? args[outIdx + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && i !== outIdx + 1);
  if (!file || !out) {
    console.error("usage: npm run simulate -- SCENARIO.json --out DIR");
    process.exit(2);
  }
  if (!existsSync(file)) {
    console.error(`Scenario file not found: ${file}`);
    process.exit(2);
  }
  let scenario: Scenario;
  try {
    scenario = parseScenario(JSON.parse(readFileSync(file, "utf8")));
  } catch (e) {
    const msg = e instanceof ScenarioError ? e.message : e instanceof SyntaxError ? `$: not valid JSON (${e.message})` : String(e);
    console.error(`Scenario rejected, nothing written. ${msg}`);
    process.exit(1);
  }
  console.log(`Simulating ${scenario.units.length} units, ${scenario.events.length} events, ${scenario.run.from} → ${scenario.run.to}`);
  const { summary } = await simulate(scenario, resolve(out), (m) => console.log(m));
  console.log(`\n${table(summary)}\n`);
  console.log(
    `${summary.mails.length} mails, ${summary.calls.total} service calls. Wrote ${out}/workbook.xlsx, ${out}/outbox/, ${out}/rollups/, ${out}/summary.json`,
  );
  if (summary.runs.failed.length)
    console.log(`${summary.runs.failed.length} runs failed: ${JSON.stringify(summary.runs.failed.slice(0, 3))}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
