process.env.BENCH_NO_MAIN = "1";
const { benchHistory, benchBurst, check } = await import("./bench/bench");
const n = Number(process.argv[2] ?? 300), m = Number(process.argv[3] ?? 6);
const rows = [...benchHistory(n, m), ...(process.argv[4] ? benchBurst(n) : [])];
for (const r of rows) console.log(r.op.padEnd(45), r.sheets, r.other, r.cellsRead, r.floor, (r.cellsRead/r.floor).toFixed(2), r.mails, (r.estMs/1000).toFixed(1), (100*r.ioMs/r.estMs).toFixed(0)+"%");
console.log(check(rows));
