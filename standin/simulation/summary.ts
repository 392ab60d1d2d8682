// summary.json: the figures as the product's own rules compute them from what its tabs hold at the end.

import { keepDeparted } from "../../src/app/daily/statuses.js";
import { isoWithOffset, localDay, localMonth } from "../../src/domain/dates.js";
import { SPECS } from "../../src/domain/forms/index.js";
import {
  codeOfLabel,
  KEY_COLS,
  MAIL_LOG_HEADER,
  STATUS_HEADER_ROW,
  STATUS_REG_COL,
  STATUS_UNITS_ROW,
  TAB,
} from "../../src/domain/layout.js";
import { kindOfLabel } from "../../src/domain/mail-kinds.js";
import { monthlyPeriods, REGISTRATION } from "../../src/domain/periods.js";
import { parseUnitRows, parseVersionRows } from "../../src/domain/rows.js";
import { type Frozen, rulesOf } from "../../src/domain/rules.js";
import type { Settings } from "../../src/domain/settings.js";
import { evaluate, figuresOf, type PeriodFigures, statusOfText, type UnitStatus } from "../../src/domain/status.js";
import { readMonth } from "../../src/domain/validate.js";
import type { SheetModel, SpreadsheetModel } from "../spreadsheet/spreadsheet.js";
import type { Simulation } from "./simulation.js";

function rows(sheet: SheetModel, from: number, cols: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = from; r <= sheet.lastRow(); r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= cols; c++) row.push(sheet.cell(r, c));
    out.push(row);
  }
  return out;
}

export interface MailMeta {
  at: string;
  kind: string;
  to: string[];
  cc: string[];
  subject: string;
  unit: string | null;
  period: string | null;
  file: string;
}

/** the archive spreadsheets the product made */
function archives(sim: Simulation): SpreadsheetModel[] {
  const list = (sim.state() as { archives?: Record<string, { id: string }> }).archives ?? {};
  return Object.values(list)
    .map((a) => sim.world.spreadsheets.get(a.id))
    .filter((x): x is SpreadsheetModel => !!x);
}

/**
 * What the product's status tab holds for periods already due (who was expected then, units that left since), read
 * back as the product reads it.
 */
function storedStatuses(tab: SheetModel | undefined): Map<string, Map<string, UnitStatus>> {
  const out = new Map<string, Map<string, UnitStatus>>();
  if (!tab) return out;
  for (let c = STATUS_REG_COL; c <= tab.lastColumn(); c++) {
    const label = String(tab.cell(STATUS_HEADER_ROW, c)).trim();
    const period = label === "Đăng ký" ? REGISTRATION : readMonth(label);
    if (!period) continue;
    const m = new Map<string, UnitStatus>();
    for (let r = STATUS_UNITS_ROW; r <= tab.lastRow(); r++) {
      const code = String(tab.cell(r, 1)).trim();
      const st = statusOfText(String(tab.cell(r, c)));
      if (code && st) m.set(code, st);
    }
    out.set(period, m);
  }
  return out;
}

/**
 * The figures as of the end of the run, by the product's own rules: every version the tabs hold, the settings and the
 * frozen rules the product stored, who was expected in each period already due as its status tab says.
 */
export function figuresAtEnd(sim: Simulation, asOf: number) {
  const state = sim.state() as { settings?: Settings; frozen?: Frozen };
  const s = state.settings ?? sim.scenario.settings;
  const units = parseUnitRows(rows(sim.sheet(TAB.units), 2, 8)).units;
  const versions = [
    ...parseVersionRows(rows(sim.sheet(SPECS.registration.tab), 2, KEY_COLS), 2),
    ...parseVersionRows(rows(sim.sheet(SPECS.monthly.tab), 2, KEY_COLS), 2),
  ];
  const archivedThrough = (sim.state() as { archivedThrough?: string }).archivedThrough ?? "";
  const all = monthlyPeriods(s, localMonth(asOf, s.timeZone));
  const periods = [REGISTRATION, ...all.filter((p) => p > archivedThrough)];
  const rules = rulesOf(s, state.frozen);
  const frame = { rules, units, stored: storedStatuses(sim.ss.sheet(TAB.status)), complete: () => true };
  // units that left keep the registration the product recorded for them (as the product's own statuses do)
  const live = keepDeparted(evaluate(versions, periods, frame, s, asOf), frame.stored, units, rules, localDay(asOf, s.timeZone));
  // archived periods: their statuses as the archive spreadsheets keep them
  const today = localDay(asOf, s.timeZone);
  for (const a of archives(sim)) {
    for (const [p, m] of storedStatuses(a.sheet(TAB.status))) {
      if (p === REGISTRATION || p > archivedThrough || live.byPeriod.has(p)) continue;
      live.byPeriod.set(p, m);
      live.figures.push(figuresOf(p, m, rules, today));
    }
  }
  live.figures.sort((a, b) => (a.period === REGISTRATION ? -1 : b.period === REGISTRATION ? 1 : a.period.localeCompare(b.period)));
  return live;
}

function periodOut(f: PeriodFigures) {
  return {
    period: f.period,
    due: f.deadline.due,
    expected: f.expected,
    received: f.received,
    onTime: f.onTime,
    reportingRate: f.reportingRate === null ? null : Math.round(f.reportingRate * 10000) / 10000,
    onTimeRate: f.onTimeRate === null ? null : Math.round(f.onTimeRate * 10000) / 10000,
    late: f.late,
    missing: f.missing,
    invalid: f.invalid,
    unverified: f.unverified,
    exempt: f.exempt,
    open: f.open,
  };
}

/** what the product's mail ledger and its journal say each sent mail was */
export function mailMeta(sim: Simulation, tz: string): MailMeta[] {
  const records: { at: number; kind: string; unit: string; period: string; subject: string; to: string }[] = [];
  // the ledger, and the rows of it the archive moved to the archive spreadsheets
  const ledgers = [sim.sheet(TAB.ledger), ...archives(sim).map((a) => a.sheet(TAB.ledger))].filter((x): x is SheetModel => !!x);
  for (const r of ledgers.flatMap((l) => rows(l, 2, MAIL_LOG_HEADER.length))) {
    if (!r[0]) continue;
    const label = String(r[4]);
    records.push({
      at: r[1] instanceof Date ? r[1].getTime() : 0,
      kind: kindOfLabel(String(r[2])) ?? String(r[2]),
      unit: codeOfLabel(r[3]),
      period: label === "Đăng ký" ? REGISTRATION : (readMonth(label) ?? label),
      subject: String(r[7]),
      to: String(r[5]),
    });
  }
  for (const [k, v] of sim.world.properties) {
    // an entry the product removed leaves an empty value until the journal is cleaned up
    if (!k.startsWith("j.") || !v) continue;
    const e = JSON.parse(v) as {
      type: string;
      at: number;
      data: { sent: boolean; kind: string; unit: string; period: string; subject: string; to: string[] };
    };
    if (e.type !== "mail" || !e.data.sent) continue;
    records.push({
      at: e.at,
      kind: e.data.kind,
      unit: e.data.unit,
      period: e.data.period,
      subject: e.data.subject,
      to: e.data.to.join(", "),
    });
  }
  const used = new Set<number>();
  return sim.world.mails.map((m, i) => {
    const j = records.findIndex((r, idx) => !used.has(idx) && r.at === m.at && r.subject === m.subject && r.to === m.to.join(", "));
    const rec = j >= 0 ? records[j] : undefined;
    if (j >= 0) used.add(j);
    const kind = rec?.kind ?? "unknown";
    const period = rec?.period || null;
    return {
      at: isoWithOffset(m.at, tz),
      kind,
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      unit: rec?.unit || null,
      period,
      file: `outbox/${String(i + 1).padStart(4, "0")}-${kind}.eml`,
    };
  });
}

export function buildSummary(sim: Simulation, asOf: number) {
  const s: Settings = sim.scenario.settings;
  const st = figuresAtEnd(sim, asOf);
  const reg = st.figures.find((f) => f.period === REGISTRATION) as PeriodFigures;
  const meter = sim.world.meter.snapshot();
  return {
    registration: {
      deadline: reg.deadline.due,
      expected: reg.expected,
      received: reg.received,
      onTime: reg.onTimeUnits,
      late: reg.late,
      missing: reg.missing,
      invalid: reg.invalid,
      unverified: reg.unverified,
      exempt: reg.exempt,
      reportingRate: reg.reportingRate,
      onTimeRate: reg.onTimeRate,
    },
    periods: st.figures.filter((f) => f.period !== REGISTRATION).map(periodOut),
    mails: mailMeta(sim, s.timeZone),
    calls: {
      total: meter.total,
      byService: meter.byService,
      byMethod: meter.byMethod,
      cellsRead: meter.cellsRead,
      cellsWritten: meter.cellsWritten,
    },
    runs: {
      total: sim.log.length,
      failed: sim.log.filter((l) => !l.ok).map((l) => ({ at: isoWithOffset(l.at, s.timeZone), what: l.what, error: l.error })),
    },
  };
}
