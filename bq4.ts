process.env.BENCH_NO_MAIN = "1";
const { StandinRange } = await import("./standin/spreadsheet");
const log: string[] = [];
let on = false;
for (const m of ["getValues", "setValues", "getDisplayValues"]) { const o = (StandinRange.prototype as any)[m]; if (!o) continue; (StandinRange.prototype as any)[m] = function (this: any, ...a: any[]) { if (on) log.push(`${m} ${this.sheetModel.name} r${this.row} c${this.col} ${this.numRows}x${this.numCols}`); return o.apply(this, a); }; }
const { history, NOW, TZ } = await import("./bench/history");
const { instantOf } = await import("./src/domain/dates");
for (const months of [6, 12]) {
const h = history(100, months);
h.sim.world.now = instantOf(`${NOW}-19`, TZ, 8);
on = true;
h.sim.run("runDaily", "d");
on = false;
console.log(months, log.join("\n")); log.length = 0;
}
