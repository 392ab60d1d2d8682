// npm run bench: the built bundle at 100, 1,000 and 10,000 units with 24 months of history.
// Counts calls and cells per operation, estimates time on Google from a cost model, checks the budgets.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { addMonths, monthRange } from "../src/domain/dates.js";
import { SPECS } from "../src/domain/forms/index.js";
import { TAB } from "../src/domain/layout.js";
import { diff, type MeterSnapshot } from "../standin/meter.js";
import { parseScenario } from "../standin/scenario.js";
import { ROOT, Simulation } from "../standin/simulation.js";

/**
 * Cost model (milliseconds). Figures and where they come from:
 * - SHEETS_CALL 40: a spreadsheet call in a loop costs ~40 ms (100 rows read and written cell by cell, 600 calls,
 *   24,123 ms: gas.excelspeedup.com, "GAS spreadsheet speedup"); Google's best practices say each call is a round trip
 *   to the Sheets server (developers.google.com/apps-script/guides/support/best-practices).
 * - WRITE_CELL 0.0125: one setValues of 4,000 cells took under 50 ms (measurements published on Stack Overflow,
 *   "What is faster: ScriptDb or SpreadsheetApp?").
 * - READ_CELL 0.005: 1,000 rows read and written back in one call each took 905 ms including logging
 *   (bugbugnow.net, "GoogleAppsScriptのスプレッドシート処理を高速化する"); reads are taken at under half a write.
 * - OTHER_CALL 40: Forms, Properties, Lock, Script triggers: the same round trip as a spreadsheet call (assumed).
 * - MAIL 500: MailApp.sendEmail is the slowest call a script makes (assumed, no published figure).
 * Limits: 6 minutes per execution; 90 minutes of trigger time a day on consumer accounts, 6 hours on Workspace
 * (developers.google.com/apps-script/guides/services/quotas).
 */
const COST = { SHEETS_CALL: 40, WRITE_CELL: 0.0125, READ_CELL: 0.005, OTHER_CALL: 40, MAIL: 500 };
const RUN_LIMIT_MS = 6 * 60 * 1000;

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
const NOW = "2018-10";
const FIRST = addMonths(NOW, -23);

interface Row {
  op: string;
  units: number;
  sheets: number;
  other: number;
  cellsRead: number;
  cellsWritten: number;
  mails: number;
  cpuMs: number;
  estMs: number;
  byMethod: Record<string, number>;
}

function unitsOf(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    code: `CD${String(i + 1).padStart(5, "0")}`,
    name: `CĐCS Công ty số ${i + 1}`,
    chair: "Nguyễn Văn A",
    emails: [`cd${i + 1}@dv.example.vn`],
    phone: "0903123456",
    group: "Khối doanh nghiệp",
    activeFrom: null,
    activeTo: null,
  }));
}

const TEXT = "Đoàn viên, người lao động có việc làm ổn định, thu nhập không đổi so với tháng trước; quan tâm lương tối thiểu vùng.";

/** 24 months of history, written straight into the stand-in as earlier runs would have left it */
function history(sim: Simulation, n: number) {
  const reg = sim.sheet(SPECS.registration.tab);
  const mon = sim.sheet(SPECS.monthly.tab);
  const log = sim.sheet(TAB.mailLog);
  for (let i = 1; i <= n; i++) {
    const c = `CD${String(i).padStart(5, "0")}`;
    reg.values.push([
      `dk${i}@1537000000000`,
      `dk${i}`,
      new Date(1537000000000),
      c,
      "Đăng ký",
      "Hợp lệ",
      "",
      "Biểu mẫu",
      `cd${i}@dv.example.vn`,
      "",
      "Tên Công đoàn cơ sở",
      `Công đoàn ${c}`,
      `https://www.facebook.com/cd${i}`,
      `Góc chia sẻ ${i}`,
      "https://www.facebook.com/groups/1",
      "Công đoàn Việt Nam; LĐLĐ TP. Hồ Chí Minh; LĐLĐ Quận 1",
    ]);
  }
  const checkpoints: Record<string, number> = {};
  for (const m of monthRange(FIRST, NOW)) {
    checkpoints[m] = mon.values.length + 1;
    const [y, mm] = m.split("-").map(Number);
    const at = Date.UTC(y, mm - 1, 15, 3);
    // this month: a tenth of the units have not reported yet, so the daily job has reminders to send
    const reporting = m === NOW ? Math.floor(n * 0.9) : n;
    for (let i = 1; i <= reporting; i++) {
      const c = `CD${String(i).padStart(5, "0")}`;
      const id = `bc-${m}-${i}`;
      mon.values.push([
        `${id}@${at + i}`,
        id,
        new Date(at + i),
        c,
        `${m.slice(5)}/${m.slice(0, 4)}`,
        "Hợp lệ",
        "",
        "Biểu mẫu",
        `cd${i}@dv.example.vn`,
        "",
        TEXT,
        TEXT,
        TEXT,
        "",
        10,
        5,
        2,
        1,
      ]);
      if (m !== NOW)
        log.values.push([`receipt|${id}@${at + i}`, new Date(at + i), "receipt", c, m, `cd${i}@dv.example.vn`, "", "…", "Đã gửi"]);
    }
    if (m !== NOW) {
      for (let i = 1; i <= Math.ceil(n / 5); i++)
        log.values.push([`reminder|${m}|CD${String(i).padStart(5, "0")}|${m}-19`, new Date(at), "reminder", "", m, "", "", "…", "Đã gửi"]);
      log.values.push([`rollup|${m}||${m}-24`, new Date(at), "rollup", "", m, "", "", "…", "Đã gửi"]);
    }
  }
  for (const s of [reg, mon, log]) s.maxRows = s.values.length + 1000;
  // what the daily job of each past month would have stored
  const state = sim.state();
  state.checkpoints = checkpoints;
  state.lastReconcile = Date.parse(`${NOW}-22T01:00:00Z`);
  const text = JSON.stringify(state);
  for (const k of [...sim.world.properties.keys()]) if (k.startsWith("s.")) sim.world.properties.delete(k);
  for (let i = 0; i * 8000 < text.length; i++) sim.world.properties.set(`s.${i}`, text.slice(i * 8000, (i + 1) * 8000));
}

function measure(sim: Simulation, op: string, units: number, fn: () => void): Row {
  const before: MeterSnapshot = sim.world.meter.snapshot();
  const mails = sim.world.mails.length;
  const cpu = process.cpuUsage();
  fn();
  const c = process.cpuUsage(cpu);
  const d = diff(sim.world.meter.snapshot(), before);
  const sheets = d.byService.SpreadsheetApp ?? 0;
  const sent = sim.world.mails.length - mails;
  const other = d.total - sheets;
  const estMs =
    sheets * COST.SHEETS_CALL +
    d.cellsRead * COST.READ_CELL +
    d.cellsWritten * COST.WRITE_CELL +
    (other - sent) * COST.OTHER_CALL +
    sent * COST.MAIL;
  const failed = sim.log.filter((l) => !l.ok);
  if (failed.length) throw new Error(`${op} at ${units}: ${failed.map((f) => f.error).join("; ")}`);
  return {
    op,
    units,
    sheets,
    other,
    cellsRead: d.cellsRead,
    cellsWritten: d.cellsWritten,
    mails: sent,
    cpuMs: Math.round((c.user + c.system) / 1000),
    estMs,
    byMethod: d.byMethod,
  };
}

export function benchSize(n: number): Row[] {
  const scenario = parseScenario({
    settings: { firstPeriod: FIRST, registrationDeadline: "2016-12-15", mailQuota: 1500, receipts: true },
    units: unitsOf(n),
    events: [],
    run: { from: `${NOW}-01`, to: `${NOW}-01` },
  });
  const sim = new Simulation(scenario);
  sim.install();
  sim.world.clockFrom = Number.POSITIVE_INFINITY; // the bench drives every run itself
  history(sim, n);
  const rows: Row[] = [];
  sim.world.now = Date.parse(`${NOW}-20T09:00:00+07:00`);
  rows.push(measure(sim, "setup (again, full roster)", n, () => sim.run("setup", "setup", { ui: true })));
  rows.push(measure(sim, "status refresh", n, () => sim.run("refreshStatus", "refresh", { ui: true })));
  const unit = `CD${String(n).padStart(5, "0")}`;
  sim.world.now = Date.parse(`${NOW}-22T10:00:00+07:00`);
  rows.push(
    measure(sim, "submit", n, () =>
      sim.apply({
        type: "submit",
        id: "bench-new",
        form: "monthly",
        at: sim.world.now,
        email: `cd${n}@dv.example.vn`,
        answers: {
          unit,
          month: NOW,
          situation: TEXT,
          opinion: TEXT,
          concerns: TEXT,
          proposals: "",
          sharedPosts: 3,
          newAccounts: 2,
          coreMembers: 1,
          groupsJoined: 0,
        },
      }),
    ),
  );
  sim.world.now = Date.parse(`${NOW}-23T08:00:00+07:00`);
  // from here on, time passes inside a run as the cost model says, so the daily job's own clock can stop it
  sim.world.latency = (service, method) => (method === "MailApp.sendEmail" ? COST.MAIL : service === "Utilities" ? 0 : COST.SHEETS_CALL);
  rows.push(measure(sim, "daily job (reminder day)", n, () => sim.run("runDaily", "daily")));
  for (let k = 1; sim.state().more && k < 10; k++) {
    sim.world.now += 60_000;
    rows.push(measure(sim, `daily job, follow-up run ${k}`, n, () => sim.run("runFollowUp", "follow-up")));
  }
  const keys = sim.world.mails.map((m) => `${m.to.join()}|${m.subject}`);
  if (new Set(keys).size !== keys.length) throw new Error(`daily job at ${n}: a mail went out twice`);
  sim.world.latency = null;
  sim.world.now = Date.parse(`${NOW}-24T08:00:00+07:00`);
  rows.push(measure(sim, "daily job (rollup day)", n, () => sim.run("runDaily", "daily")));
  sim.world.now += 60_000;
  rows.push(measure(sim, "rollup", n, () => sim.run("runFollowUp", "rollups")));
  return rows;
}

function bundleKb(): { shipped: number } {
  const out = execFileSync("npx", ["tsx", "tools/build.ts"], { cwd: ROOT, encoding: "utf8" });
  const m = /dist\/Code\.js: ([\d.]+) KB/.exec(out);
  return { shipped: Number(m?.[1]) };
}

function main() {
  const all: Row[] = [];
  for (const n of SIZES) {
    process.stdout.write(`${n} units… `);
    const t = Date.now();
    all.push(...benchSize(n));
    console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const size = bundleKb();
  const problems: string[] = [];
  const ops = [...new Set(all.map((r) => r.op))];
  const at = (op: string, n: number) => all.find((r) => r.op === op && r.units === n) as Row;
  const same = (op: string) => new Set(SIZES.map((n) => at(op, n).sheets)).size === 1;
  for (const n of SIZES) {
    if (at("submit", n).sheets > 8) problems.push(`submit: ${at("submit", n).sheets} Sheets calls at ${n} units (budget 8)`);
    for (const op of ["daily job (reminder day)", "daily job (rollup day)"]) {
      if (at(op, n).sheets > 20) problems.push(`${op}: ${at(op, n).sheets} Sheets calls at ${n} units (budget 20)`);
    }
    if (at("rollup", n).sheets > 10) problems.push(`rollup: ${at("rollup", n).sheets} Sheets calls at ${n} (budget 10)`);
    // the menu's message box (getUi, alert) is the staff member's UI, not the refresh
    const r = at("status refresh", n);
    const ui = (r.byMethod["SpreadsheetApp.getUi"] ?? 0) + (r.byMethod["Ui.alert"] ?? 0);
    if (r.sheets - ui > 10) problems.push(`status refresh: ${r.sheets - ui} Sheets calls at ${n} (budget 10)`);
  }
  for (const op of ["submit", "daily job (reminder day)", "daily job (rollup day)"])
    if (!same(op)) problems.push(`${op}: Sheets calls differ between sizes`);
  // calls per mail: the send and its journal entry; every other call of the run stays the same whatever the size
  const daily = all.filter((r) => r.op.startsWith("daily job") && r.mails);
  const perMail = Math.max(
    ...daily.map((r) => ((r.byMethod["MailApp.sendEmail"] ?? 0) + (r.byMethod["Properties.setProperty"] ?? 0)) / r.mails),
  );
  if (perMail > 2) problems.push(`daily job: ${perMail.toFixed(2)} service calls per mail (budget 2)`);
  const big = at("daily job (reminder day)", SIZES[SIZES.length - 1]);
  const runs = all.filter((r) => r.units === big.units && r.op.startsWith("daily job") && r.op !== "daily job (rollup day)");
  const slowest = Math.max(...runs.map((r) => r.estMs));
  if (slowest > RUN_LIMIT_MS)
    problems.push(`daily job at ${big.units} units: a run estimated at ${(slowest / 1000).toFixed(0)} s, over the 6-minute limit`);

  const fmt = (x: number) => x.toLocaleString("en-US");
  const dayMs =
    runs.reduce((t, r) => t + r.estMs, 0) + at("rollup", big.units).estMs + Math.ceil(big.units / 20) * at("submit", big.units).estMs;
  const lines = [
    "| operation | units | Sheets calls | other calls | cells read | cells read ÷ (units × periods) | cells written | mails | V8 CPU ms | est. on Google |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const op of ops) {
    for (const n of SIZES) {
      const r = at(op, n);
      if (!r) continue;
      const ratio = (r.cellsRead / (n * 24)).toFixed(1);
      lines.push(
        `| ${op} | ${fmt(n)} | ${r.sheets} | ${r.other} | ${fmt(r.cellsRead)} | ${ratio} | ${fmt(r.cellsWritten)} | ${r.mails} | ${fmt(r.cpuMs)} | ${(r.estMs / 1000).toFixed(1)} s |`,
      );
    }
  }
  const report = `# Benchmark results

Run on ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}.
Every figure comes from the built bundle (\`dist/Code.js\`) running in the stand-in; history is 24 months of reports
(${FIRST} to ${NOW}) for every unit, with a mail log to match. Calls and cells are exact and stable; CPU time varies by
machine. "Est. on Google" applies the cost model in \`bench/bench.ts\` (sources cited there): ${COST.SHEETS_CALL} ms per
Sheets call, ${COST.READ_CELL * 1000} µs per cell read, ${COST.WRITE_CELL * 1000} µs per cell written, ${COST.OTHER_CALL} ms per other call,
${COST.MAIL} ms per mail. Limits: 6 minutes per run, 90 minutes of triggers a day (consumer) or 6 hours (Workspace).

The estimate counts service time only. V8 CPU time is measured here and includes the stand-in's own work (copying
every cell into the bundle's realm); Apps Script's V8 is slower than this machine, so count on a few times the CPU
figure on top of the estimate for the largest runs (13 s here: well inside 6 minutes even at 5×).

Bundle: ${size.shipped} KB as shipped (readable, for stack traces).

${lines.join("\n")}

The status refresh row includes the message box that tells staff it is done (\`getUi\` and \`alert\`, two calls
on SpreadsheetApp); the budget of 10 applies to the refresh itself. The rollup is sent by a run of its own a minute after the daily job (a one-off trigger), so
each run keeps its own budget and its own 6-minute limit.

Service calls per mail in the daily job: ${perMail.toFixed(2)} (the send and its journal entry). A run that stops for
the clock makes a few more calls to schedule its follow-up (ScriptApp), once per run, not per mail.

Daily job at ${fmt(big.units)} units: ${runs.length} run(s), the slowest estimated at ${(slowest / 1000).toFixed(0)} s on Google
(limit 360 s). Mails are most of the time: the job watches its own clock and, past 2 minutes (a third of the limit),
leaves the rest to a follow-up run a minute later, which sends no mail twice; the rows "follow-up run" above show it
working. The mail quota (1,500 recipients a day on Workspace, 100 on consumer accounts) is the other stop: what does
not fit waits for the next day in priority order.

A day of triggers at ${fmt(big.units)} units, estimated: the daily job and its follow-ups
(${(runs.reduce((t, r) => t + r.estMs, 0) / 60000).toFixed(1)} min), a rollup (${(at("rollup", big.units).estMs / 60000).toFixed(1)} min) and the
submissions of a busy day (a month's reports over about 20 working days: ${Math.ceil(big.units / 20)} submits,
${((Math.ceil(big.units / 20) * at("submit", big.units).estMs) / 60000).toFixed(1)} min): ${(dayMs / 60000).toFixed(0)} minutes, against 90 minutes a day on a
consumer account and 6 hours on Workspace. ${dayMs > 90 * 60000 ? "At this size the federation needs a Workspace account." : "Within both."}

${problems.length ? `## Budgets broken\n\n${problems.map((p) => `- ${p}`).join("\n")}` : "All budgets hold."}
`;
  writeFileSync(join(ROOT, "bench", "RESULTS.md"), report);
  console.log(`\n${lines.join("\n")}\n`);
  console.log(problems.length ? `Budgets broken:\n${problems.join("\n")}` : "All budgets hold. Written to bench/RESULTS.md");
  if (problems.length) process.exit(1);
}

if (!process.env.BENCH_NO_MAIN) main();
