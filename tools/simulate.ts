// npm run simulate -- SCENARIO.json --out DIR: the built bundle, in the stand-in, through a scenario.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isoWithOffset } from "../src/domain/dates.js";
import { SPECS } from "../src/domain/forms/index.js";
import { KEY_COLS, TAB } from "../src/domain/layout.js";
import { REGISTRATION } from "../src/domain/periods.js";
import { confirmedAt, cutoffOf, snapshot } from "../src/domain/report/figures.js";
import { parseUnitRows, parseVersionRows } from "../src/domain/rows.js";
import { viPercent } from "../src/domain/text.js";
import { DOC_MIME, documentOfBlob, documentsOf } from "../standin/documents/documents.js";
import { docxOf } from "../standin/documents/docx.js";
import { driveOf } from "../standin/documents/drive.js";
import { emlOf, outDir, workbookHtml, writeText, writeWorkbook } from "../standin/simulation/export.js";
import { parseScenario, type Scenario, ScenarioError } from "../standin/simulation/scenario.js";
import { Simulation } from "../standin/simulation/simulation.js";
import { buildSummary } from "../standin/simulation/summary.js";
import type { SheetModel } from "../standin/spreadsheet/spreadsheet.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function rowsOf(sheet: SheetModel, cols: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 2; r <= sheet.lastRow(); r++) out.push(Array.from({ length: cols }, (_, c) => sheet.cell(r, c + 1)));
  return out;
}

/**
 * Each period's figures at its cut-off (the rollup's hour on its due day), as the report states them: computed by the
 * domain from what the tabs hold at the end, keeping only what had arrived, and been confirmed, by then.
 */
function cutoffs(sim: Simulation) {
  const s = sim.scenario.settings;
  const units = parseUnitRows(rowsOf(sim.sheet(TAB.units), 8)).units;
  const of = (form: "registration" | "monthly") => {
    const rows = rowsOf(sim.sheet(SPECS[form].tab), KEY_COLS);
    return { versions: parseVersionRows(rows, 2), confirmed: (v: { row: number }) => confirmedAt(rows[v.row - 2]?.[6], s.timeZone) };
  };
  const forms = { registration: of("registration"), monthly: of("monthly") };
  return (period: string) => {
    const at = cutoffOf(period, s);
    if (at > sim.world.clockTo) return null;
    const f = forms[period === REGISTRATION ? "registration" : "monthly"];
    const x = snapshot({ units, versions: f.versions, s, confirmed: f.confirmed }, period, at).figures;
    return {
      at: isoWithOffset(at, s.timeZone),
      expected: x.expected,
      received: x.received,
      onTime: x.onTime,
      late: x.late,
      missing: x.missing,
      invalid: x.invalid,
      unverified: x.unverified,
      reportingRate: x.reportingRate === null ? null : Math.round(x.reportingRate * 10000) / 10000,
      onTimeRate: x.onTimeRate === null ? null : Math.round(x.onTimeRate * 10000) / 10000,
    };
  };
}

/** a file name safe on every system, as close to the Drive name as can be */
const fileName = (name: string) => name.replace(/[\\/:*?"<>|]/g, "-");

export async function simulate(scenario: Scenario, out: string, log: (s: string) => void = () => {}) {
  const sim = new Simulation(scenario, { onProgress: (m) => log(`  ${m}`) });
  sim.play();
  const base = buildSummary(sim, sim.world.clockTo);
  const at = cutoffs(sim);
  const summary = {
    ...base,
    registration: { ...base.registration, cutoff: at(REGISTRATION) },
    periods: base.periods.map((p) => ({ ...p, cutoff: at(p.period) })),
  };
  rmSync(out, { recursive: true, force: true });
  outDir(out);
  await writeWorkbook(sim.world, sim.ss, join(out, "workbook.xlsx"));
  writeText(join(out, "workbook.html"), workbookHtml(sim.world, sim.ss));
  outDir(out, "outbox");
  const rollups = outDir(out, "rollups");
  for (let i = 0; i < sim.world.mails.length; i++) {
    const m = sim.world.mails[i];
    const meta = summary.mails[i];
    // the stand-in's PDF of a Google Doc is the document itself: written as .docx, which LibreOffice turns into that PDF
    const attachments = await Promise.all(
      m.attachments.map(async (a) =>
        a.convertedFrom === DOC_MIME
          ? { ...a, name: a.name.replace(/\.pdf$/, ".pdf-source.docx"), contentType: DOCX, data: await docxOf(documentOfBlob(a.data)) }
          : a,
      ),
    );
    writeText(join(out, meta.file), await emlOf({ ...m, attachments }, sim.world.effectiveUser));
    if (meta.kind === "rollup" && m.htmlBody) writeText(join(rollups, `${String(i + 1).padStart(4, "0")}-mail.html`), m.htmlBody);
  }
  // the documents in the reports' Drive folder, as staff would open them
  const docs = documentsOf(sim.world);
  for (const f of driveOf(sim.world).files.values()) {
    const d = docs.get(f.id);
    if (d && !f.trashed) writeText(join(rollups, `${fileName(f.name)}.docx`), await docxOf(d));
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
    `${summary.mails.length} mails, ${summary.calls.total} service calls. Wrote ${out}/workbook.xlsx, ${out}/outbox/, ${out}/rollups/ (the reports as .docx), ${out}/summary.json`,
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
