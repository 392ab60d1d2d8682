// The demo, simulated once per worker and read by every test file that looks at it (the figures, the workbook, the
// outbox, the reports, the tabs in LibreOffice): each file reads it and none changes it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseScenario } from "../standin/scenario.js";
import { demoScenario } from "../tools/demo-scenario.js";
import { simulate } from "../tools/simulate.js";

export type DemoRun = Awaited<ReturnType<typeof simulate>> & { out: string };

let run: Promise<DemoRun> | null = null;

/** the demo's simulation, its summary and the folder its output was written to (the same for every caller) */
export function demoRun(): Promise<DemoRun> {
  run ??= (async () => {
    const out = mkdtempSync(join(tmpdir(), "demo-"));
    return { ...(await simulate(parseScenario(demoScenario().scenario), out)), out };
  })();
  return run;
}
