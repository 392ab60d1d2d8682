import { installed } from "./tests/helpers";
import { TAB } from "./src/domain/layout";
const sim = installed({});
console.log(sim.sheet(TAB.runLog).values.map(r => String(r[3]).split("\n")[0]).join("\n"));
console.log((sim.state() as any).fullPass);
