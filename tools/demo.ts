// npm run demo: the product on its built-in scenario, written to ./demo-output/.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseScenario } from "../standin/simulation/scenario.js";
import { ROOT } from "../standin/simulation/simulation.js";
import { demoScenario } from "./demo-scenario.js";
import { simulate, table } from "./simulate.js";

async function main() {
  const out = resolve(process.argv[2] ?? join(ROOT, "demo-output"));
  const { scenario } = demoScenario();
  const parsed = parseScenario(scenario);
  console.log(`Demo: ${parsed.units.length} CĐCS of District 1, ${parsed.events.length} events, ${parsed.run.from} → ${parsed.run.to}`);
  const { summary } = await simulate(parsed, out, (m) => {
    if (/-(01|15): /.test(m)) console.log(m);
  });
  writeFileSync(join(out, "scenario.json"), `${JSON.stringify(scenario, null, 2)}\n`);
  console.log(`\n${table(summary)}\n`);
  console.log(`${summary.mails.length} mails sent, ${summary.calls.total} calls on Google's services.`);
  console.log(`Look at:
  ${join(out, "workbook.xlsx")}   the Sheet as staff see it (open in LibreOffice or Excel)
  ${join(out, "outbox")}/          every mail as an .eml file
  ${join(out, "rollups")}/         the reports as staff open them in Drive (BC-TG-2018-10.docx …) and the leaders' mails
  ${join(out, "summary.json")}     figures per period, mails, service calls
  ${join(out, "scenario.json")}    the scenario itself: edit it and run npm run simulate -- FILE --out DIR`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
