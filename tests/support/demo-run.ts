// The demo, simulated once per run and read by every test file that looks at it (its figures, the workbook, the outbox,
// the reports, the tabs in LibreOffice); none changes it. The global setup (tests/support/global-setup.ts) hands every worker
// the same empty folder: the first file to need the demo claims it there, plays the demo and writes it down (its output
// as simulate writes it, and the Sheet and documents as the tests read them); the others wait for it and read it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { inject } from "vitest";
import type { DocModel } from "../../standin/documents/documents.js";
import { documentsOf } from "../../standin/documents/documents.js";
import { parseScenario, type Scenario } from "../../standin/simulation/scenario.js";
import { SheetModel, SpreadsheetModel } from "../../standin/spreadsheet/spreadsheet.js";
import { demoScenario } from "../../tools/demo-scenario.js";
import { simulate } from "../../tools/simulate.js";

type Summary = Awaited<ReturnType<typeof simulate>>["summary"];

export interface DemoRun {
  summary: Summary;
  /** the folder simulate wrote: workbook.xlsx, outbox/, rollups/, summary.json */
  out: string;
  /** the Sheet at the end of the demo, and the scenario it played */
  sim: { ss: SpreadsheetModel; scenario: Scenario; sheet(name: string): SheetModel };
  /** the Google Docs of the demo's Drive */
  documents: DocModel[];
}

/** what the first file writes down for the others */
interface Written {
  summary: Summary;
  ss: SpreadsheetModel;
  documents: DocModel[];
}

let run: Promise<DemoRun> | null = null;

/** the demo's output, its Sheet, its documents and its summary (the same for every caller of the run) */
export function demoRun(): Promise<DemoRun> {
  run ??= load();
  return run;
}

function view(w: Written, out: string, scenario: Scenario): DemoRun {
  const sheet = (name: string) => {
    const s = w.ss.sheet(name);
    if (!s) throw new Error(`no tab ${name}`);
    return s;
  };
  return { summary: w.summary, out, documents: w.documents, sim: { ss: w.ss, scenario, sheet } };
}

async function load(): Promise<DemoRun> {
  const dir = inject("demoDir");
  const out = join(dir, "out");
  const [written, ready, failed] = ["demo.bin", "ready", "failed"].map((f) => join(dir, f));
  const scenario = parseScenario(demoScenario().scenario);
  let mine = true;
  try {
    mkdirSync(join(dir, "claimed"));
  } catch {
    mine = false;
  }
  if (mine) {
    try {
      const { sim, summary } = await simulate(scenario, out);
      const w: Written = { summary, ss: sim.ss, documents: [...documentsOf(sim.world).values()] };
      writeFileSync(written, serialize(w));
      writeFileSync(ready, "");
      return view(w, out, scenario);
    } catch (e) {
      writeFileSync(failed, String((e as Error)?.stack ?? e));
      throw e;
    }
  }
  while (!existsSync(ready) && !existsSync(failed)) await new Promise((r) => setTimeout(r, 100));
  if (existsSync(failed)) throw new Error(`the demo failed in another test file: ${readFileSync(failed, "utf8")}`);
  const w = deserialize(readFileSync(written)) as Written;
  // what the structured copy dropped: the classes of the Sheet and its tabs
  Object.setPrototypeOf(w.ss, SpreadsheetModel.prototype);
  for (const s of w.ss.sheets) SheetModel.revive(s);
  return view(w, out, scenario);
}
