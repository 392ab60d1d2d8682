// The cost model and the measure of one run: calls and cells counted by the stand-in, priced as on Google.
import { diff, type MeterSnapshot } from "../standin/meter.js";
import type { Simulation } from "../standin/simulation/simulation.js";

/**
 * Cost model (milliseconds). Figures and where they come from:
 * - SHEETS_CALL 40: a spreadsheet call in a loop costs ~40 ms (100 rows read and written cell by cell, 600 calls,
 *   24,123 ms: gas.excelspeedup.com, "GAS spreadsheet speedup"); each call is a round trip to the Sheets server
 *   (developers.google.com/apps-script/guides/support/best-practices).
 * - READ_CELL 0.031: getValues of 120,000 rows × 2 columns took 7.4 s (qiita.com/shi-suzuki/items/d23c6c7e4a0bbe2831af),
 *   31 µs a cell: the slowest published figure found, taken so that reads are not underestimated.
 * - WRITE_CELL 0.0125: one setValues of 4,000 cells took under 50 ms (measurements published on Stack Overflow,
 *   "What is faster: ScriptDb or SpreadsheetApp?").
 * - OTHER_CALL 40: Forms, Properties, Lock, Script triggers, Cache: the same round trip as a spreadsheet call (assumed).
 * - MAIL 500: MailApp.sendEmail (assumed: no published figure; the slowest call a script makes in practice).
 * Limits: 6 minutes per execution; 90 minutes of triggers a day on consumer accounts, 6 hours on Workspace
 * (developers.google.com/apps-script/guides/services/quotas).
 */
export const COST = { SHEETS_CALL: 40, READ_CELL: 0.031, WRITE_CELL: 0.0125, OTHER_CALL: 40, MAIL: 500 };
export const RUN_BUDGET_MS = 5 * 60 * 1000;
/** Google ends an execution at six minutes */
export const GOOGLE_LIMIT_MS = 6 * 60 * 1000;

export interface Row {
  op: string;
  units: number;
  months: number;
  sheets: number;
  other: number;
  cellsRead: number;
  cellsWritten: number;
  mails: number;
  /** the cells a daily run cannot avoid: settings, roster, the key columns of the open period's rows */
  floor: number;
  cpuMs: number;
  estMs: number;
  /** reads and writes alone */
  ioMs: number;
  byMethod: Record<string, number>;
}

export function measure(sim: Simulation, op: string, h: { units: number; months: number; floor: number }, fn: () => void): Row {
  const before: MeterSnapshot = sim.world.meter.snapshot();
  const mails = sim.world.mails.length;
  const logged = sim.log.length;
  const cpu = process.cpuUsage();
  fn();
  const c = process.cpuUsage(cpu);
  const d = diff(sim.world.meter.snapshot(), before);
  const sheets = d.byService.SpreadsheetApp ?? 0;
  const sent = sim.world.mails.length - mails;
  const other = d.total - sheets;
  const ioMs = sheets * COST.SHEETS_CALL + d.cellsRead * COST.READ_CELL + d.cellsWritten * COST.WRITE_CELL;
  const estMs = ioMs + (other - sent) * COST.OTHER_CALL + sent * COST.MAIL;
  const failed = sim.log.slice(logged).filter((l) => !l.ok);
  if (failed.length) throw new Error(`${op} at ${h.units} units, ${h.months} months: ${failed.map((f) => f.error).join("; ")}`);
  return {
    op,
    units: h.units,
    months: h.months,
    sheets,
    other,
    cellsRead: d.cellsRead,
    cellsWritten: d.cellsWritten,
    mails: sent,
    floor: h.floor,
    cpuMs: Math.round((c.user + c.system) / 1000),
    estMs,
    ioMs,
    byMethod: d.byMethod,
  };
}

/**
 * Time passes inside a run as the cost model says (calls, mails and cells), so the job's own clock can stop it as it
 * would on Google; and Google's end of a run at six minutes is emulated: every call after it fails
 */
export function withLatency(sim: Simulation): void {
  sim.world.latency = (service, method) => (method === "MailApp.sendEmail" ? COST.MAIL : service === "Utilities" ? 0 : COST.SHEETS_CALL);
  sim.world.cellLatency = { read: COST.READ_CELL, write: COST.WRITE_CELL };
  sim.world.runLimitMs = GOOGLE_LIMIT_MS;
}

/** the world as the history left it: runs take no time, and none is cut */
export function withoutLatency(sim: Simulation): void {
  sim.world.latency = null;
  sim.world.cellLatency = null;
  sim.world.runLimitMs = null;
}
