// The sidebar at city scale: the size of each section's reply (the JSON google.script.run carries to the page) and
// the calls it costs, at 1,000 and 10,000 units, in the widest state (nobody has reported the month yet, on its
// reminder day, so every unit is listed as owing). `npx tsx bench/sidebar.ts` measures these alone and rewrites their
// section of bench/RESULTS.md; `npm run bench` writes it with the rest.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { instantOf } from "../src/domain/dates.js";
import { ROOT, type Simulation } from "../standin/simulation/simulation.js";
import { code, history, NOW, TZ } from "./history.js";
import { measure, withLatency, withoutLatency } from "./measure.js";

/** the budget of a reply (issue: each section's reply under 200 KB at 10,000 units) */
export const REPLY_BUDGET = 200 * 1024;

export interface SidebarRow {
  what: string;
  units: number;
  bytes: number;
  sheets: number;
  other: number;
  cellsRead: number;
  estMs: number;
  mails: number;
}

/** the calls the page makes: each section opened, a search, a next page, one unit's history, and "remind all" */
function calls(n: number): { what: string; fn: string; arg: unknown }[] {
  return [
    ...["confirm", "remind", "rollup", "record", "zalo", "history"].map((section) => ({
      what: `open “${section}”`,
      fn: "sidebarLoad",
      arg: { section },
    })),
    { what: "remind: search “cong ty so 12”", fn: "sidebarLoad", arg: { section: "remind", q: "cong ty so 12" } },
    { what: "remind: page 3", fn: "sidebarLoad", arg: { section: "remind", offset: 100 } },
    { what: "unit search “so 7”", fn: "sidebarUnits", arg: { q: "so 7" } },
    { what: "Zalo: the next parts", fn: "sidebarZalo", arg: { sec: 0, part: 5 } },
    { what: "Zalo: units page 2", fn: "sidebarZalo", arg: { sec: 0, offset: 50 } },
    { what: "one unit's history", fn: "sidebarHistory", arg: { code: code(Math.ceil(n / 2)) } },
    { what: "remind all (sent through the queue)", fn: "sidebarRemind", arg: { all: true } },
  ];
}

/** every call of the page, measured in a world of `n` units and `months` months of history */
export function sidebarReplies(n: number, months = 6): SidebarRow[] {
  const { sim } = history(n, months, 0);
  sim.world.now = instantOf(`${NOW}-19`, TZ, 10);
  return calls(n).map((c) => {
    // the send takes the time it takes on Google: the run's clock stops it at 4 minutes, the follow-ups go on
    const timed = c.fn === "sidebarRemind";
    if (timed) withLatency(sim);
    const row = one(sim, n, c);
    if (timed) withoutLatency(sim);
    return row;
  });
}

function one(sim: Simulation, n: number, c: { what: string; fn: string; arg: unknown }): SidebarRow {
  let bytes = 0;
  const row = measure(sim, c.what, { units: n, months: 6, floor: 1 }, () => {
    const r = sim.sidebar(c.fn, c.arg, c.what);
    if (!r.ok) throw new Error(`${c.what} at ${n} units: ${r.message}`);
    bytes = Buffer.byteLength(JSON.stringify(r));
  });
  return {
    what: c.what,
    units: n,
    bytes,
    sheets: row.sheets,
    other: row.other,
    cellsRead: row.cellsRead,
    estMs: row.estMs,
    mails: row.mails,
  };
}

/** the table and what it says, as RESULTS.md holds it */
export function sidebarSection(rows: SidebarRow[]): string {
  const fmt = (x: number) => x.toLocaleString("en-US");
  const over = rows.filter((r) => r.bytes > REPLY_BUDGET);
  return `## Sidebar replies

What each call of the sidebar carries to the page (the reply's JSON, UTF-8) and costs, in the widest state: the month
not yet reported by any unit, on its reminder day (every unit owing, every unit in the Zalo list). Long lists go a
page at a time (50 units, 5 parts of the group message, 12 lines of a unit's history) with their full counts and a
search; "remind all" goes through the daily job's plan, send stage and queue (MailApp's quota, here 1,500 recipients
a day: the rest is held for the next days). Budget: ${REPLY_BUDGET / 1024} KB a reply.

| call | units | reply | Sheets calls | other calls | cells read | mails | est. on Google |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows
  .map(
    (r) =>
      `| ${r.what} | ${fmt(r.units)} | ${(r.bytes / 1024).toFixed(1)} KB | ${r.sheets} | ${r.other} | ${fmt(r.cellsRead)} | ${fmt(r.mails)} | ${(r.estMs / 1000).toFixed(1)} s |`,
  )
  .join("\n")}

${over.length ? `Over budget: ${over.map((r) => `${r.what} at ${fmt(r.units)} units`).join(", ")}.` : "Every reply is within the budget."}
`;
}

/** the section put into RESULTS.md in place of the one there (or at its end) */
export function writeSidebarSection(text: string): void {
  const file = join(ROOT, "bench", "RESULTS.md");
  const had = readFileSync(file, "utf8");
  const start = had.indexOf("## Sidebar replies");
  const next = start < 0 ? -1 : had.indexOf("\n## ", start + 1);
  const out = start < 0 ? `${had.trimEnd()}\n\n${text}` : `${had.slice(0, start)}${text}${next < 0 ? "" : had.slice(next + 1)}`;
  writeFileSync(file, out);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
  const rows = sizes.flatMap((n) => {
    const t = Date.now();
    const r = sidebarReplies(n);
    console.log(`${n} units: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return r;
  });
  const text = sidebarSection(rows);
  writeSidebarSection(text);
  console.log(text);
}
