// City scale under real load: a deadline rush (its submit events delivered, or lost), 48 months of the grid, setup in
// each state, the rollup with half the units missing, half the units reported on a reminder day. Every scenario is
// played with the cost model's time passing inside each run and Google's end of a run at six minutes emulated (every
// call after 360 s fails); each reports the runs it needed, the longest run's estimated time, the mails sent and held.
import { instantOf, localDay } from "../src/domain/dates.js";
import { SPECS } from "../src/domain/forms/index.js";
import { KEY_COLS, SETTINGS_RANGE, TAB } from "../src/domain/layout.js";
import type { Simulation } from "../standin/simulation/simulation.js";
import type { TriggerModel } from "../standin/world.js";
import { code, history, NOW, TEXT, TZ } from "./history.js";
import { GOOGLE_LIMIT_MS, measure, type Row, withLatency } from "./measure.js";

/** what a scenario reports */
export interface ScaleRow {
  scenario: string;
  units: number;
  runs: number;
  /** the longest run: its estimated time on Google and what it was */
  longestMs: number;
  longestOp: string;
  mails: number;
  held: number;
  /** the scenario's own figures, in words */
  detail: string;
  /** the same, as numbers (the bench's test reads them) */
  figures: Record<string, number>;
  problems: string[];
}

type Tag = { units: number; months: number; floor: number };

const settingsCells = Number(SETTINGS_RANGE.split(":")[1].replace(/\D/g, "")) * 4;

/** the runs of a scenario, each measured; a run Google would stop (or the product failed) is a problem, not a crash */
class Player {
  rows: Row[] = [];
  problems: string[] = [];
  /** called after each run: a scenario notes what it watches for */
  afterRun: (() => void) | null = null;
  /** the mails the quota held back, by day, as the last run of each day left the count */
  held = new Map<string, number>();
  constructor(
    readonly sim: Simulation,
    readonly tag: Tag,
    readonly name: string,
  ) {}

  run(fn: string, op: string, opts: { ui?: boolean; event?: unknown } = {}): void {
    try {
      this.rows.push(measure(this.sim, op, this.tag, () => this.sim.run(fn, op, opts)));
    } catch (e) {
      this.problems.push(`${this.name}: ${(e as Error).message}`);
    }
    const h = (this.sim.state() as { held?: { day: string; n: number } }).held;
    if (h) this.held.set(h.day, h.n);
    this.afterRun?.();
  }

  /** the one-off trigger due first (a follow-up run), if any */
  private nextFollowUp(): { at: number; t: TriggerModel } | null {
    let best: { at: number; t: TriggerModel } | null = null;
    for (const t of this.sim.world.triggers) {
      if (t.kind !== "CLOCK" || t.afterAt === undefined || t.spent) continue;
      if (!best || t.afterAt < best.at) best = { at: t.afterAt, t };
    }
    return best;
  }

  /**
   * Time moves on to `until`: the daily trigger at 08:00 of each of `days`, each follow-up run when it comes due, and
   * `events` (submissions) at their instants, in time order. A run takes the time it takes: what falls inside it waits.
   */
  play(until: number, days: string[], events: { at: number; apply: () => void }[] = []): void {
    const w = this.sim.world;
    const dailies = days.map((d) => instantOf(d, TZ, 8)).sort((a, b) => a - b);
    let [di, ei] = [0, 0];
    for (;;) {
      const f = this.nextFollowUp();
      const t = Math.min(
        f?.at ?? Number.POSITIVE_INFINITY,
        dailies[di] ?? Number.POSITIVE_INFINITY,
        events[ei]?.at ?? Number.POSITIVE_INFINITY,
      );
      if (t > until) break;
      w.now = Math.max(w.now, t);
      if (events[ei]?.at === t) {
        events[ei++].apply();
      } else if (dailies[di] === t) {
        di++;
        this.run("runDaily", `daily job ${localDay(t, TZ)}`);
      } else if (f) {
        f.t.spent = true;
        const phase = (this.sim.state() as { followUp?: string }).followUp ?? "send";
        this.run(f.t.handler, `${f.t.handler === "runFollowUp" ? `follow-up (${phase})` : f.t.handler} ${localDay(t, TZ)}`);
      }
    }
    if (w.now < until) w.now = until;
  }

  longest(): Row | null {
    return this.rows.reduce<Row | null>((a, r) => (!a || r.estMs > a.estMs ? r : a), null);
  }

  /** a run Google would have stopped: over six minutes by the cost model */
  overLimit(): string[] {
    return this.rows
      .filter((r) => r.estMs > GOOGLE_LIMIT_MS)
      .map((r) => `${this.name}: ${r.op} estimated ${(r.estMs / 1000).toFixed(0)} s`);
  }
}

/** a unit's monthly report for NOW, as a respondent sends it */
function report(i: number, at: number, id = `rush-${i}-${at}`) {
  return {
    id,
    form: "monthly" as const,
    at,
    email: `cd${i}@dv.example.vn`,
    answers: {
      unit: code(i),
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
  };
}

/** the rows of the monthly tab whose key is one of `ids` */
function storedOf(sim: Simulation, ids: Set<string>): number {
  let n = 0;
  for (const row of sim.sheet(SPECS.monthly.tab).values) if (ids.has(String(row[1] ?? ""))) n++;
  return n;
}

/** mails sent between two instants whose subject says what they are */
function mailsBetween(sim: Simulation, from: number, to: number): number {
  return sim.world.mails.filter((m) => m.at >= from && m.at < to).length;
}

/**
 * A deadline rush: `n` units, a tenth of them reported by the 18th; over the two days before the last on-time day
 * (21st and 22nd) `n` responses come in: every other unit's first report but a twentieth of the units, and updates
 * from units that had reported. The 23rd is the reminder day (due − 1); the 24th the rollup day. `lost`: no submit
 * event fires (the forms hold them, the reconcile finds them). Receipts are off here: ten thousand receipts alone take
 * Workspace's 1,500 mails a day for a week (the quota's own scenario is "half reported on a reminder day").
 */
export function rush(n: number, lost: boolean, log?: (r: Row) => void): ScaleRow {
  const name = `deadline rush, ${n.toLocaleString("en-US")} responses ${lost ? "lost" : "delivered"}`;
  const h = history(n, 6, 0.1, NOW, { remindBefore: [1], receipts: false });
  const { sim } = h;
  const floor = settingsCells + n * 8 + h.openRows * KEY_COLS;
  const p = new Player(sim, { units: n, months: 6, floor }, name);
  // from the 18th's run (the history's last): the daily runs of the 19th and 20th, quiet
  withLatency(sim);
  p.play(instantOf(`${NOW}-21`, TZ, 8) - 1, [`${NOW}-19`, `${NOW}-20`]);
  const reported = h.openRows;
  const owingAfter = Math.floor(n / 20);
  const first = Array.from({ length: n - reported - owingAfter }, (_, k) => reported + k + 1);
  const updates = Array.from({ length: n - first.length }, (_, k) => (k % reported) + 1);
  const who = [...first, ...updates];
  const start = instantOf(`${NOW}-21`, TZ, 8);
  const span = 2 * 86400000;
  const ids = new Set<string>();
  const events = who.map((i, k) => {
    const at = start + Math.floor(((k + 0.5) * span) / who.length);
    const r = report(i, at, `rush-${k}`);
    ids.add(r.id);
    return { at, apply: () => sim.apply({ ...r, type: lost ? "lost" : "submit" }) };
  });
  const end = start + span;
  const reminderDay = instantOf(`${NOW}-23`, TZ, 8);
  const mailsBefore = sim.world.mails.length;
  const runsBefore = p.rows.length;
  let doneAt: number | null = null;
  p.afterRun = () => {
    const last = p.rows.at(-1);
    if (last && log) log(last);
    if (doneAt === null && ((sim.state() as { lastReconcile?: number }).lastReconcile ?? 0) >= end) doneAt = sim.world.now;
  };
  // the rush, the reminder day, the rollup day, and the day after
  p.play(instantOf(`${NOW}-25`, TZ, 7), [`${NOW}-21`, `${NOW}-22`, `${NOW}-23`, `${NOW}-24`], events);
  const stored = storedOf(sim, ids);
  const problems = [...p.problems, ...p.overLimit()];
  if (stored !== ids.size) problems.push(`${name}: ${ids.size - stored} responses of the rush not stored`);
  // every response of the rush compared and stored within a day of the rush's end
  if (doneAt === null || doneAt > end + 86400000) problems.push(`${name}: the rush was not absorbed within a day of its end`);
  const reminders = mailsBetween(sim, reminderDay, reminderDay + 86400000);
  const runs = p.rows.length - runsBefore;
  const long = p.longest();
  return {
    scenario: name,
    units: n,
    runs,
    longestMs: long?.estMs ?? 0,
    longestOp: long?.op ?? "",
    mails: sim.world.mails.length - mailsBefore,
    held: p.held.get(`${NOW}-23`) ?? 0,
    figures: { stored, rush: ids.size, reminders, catchUps: p.rows.filter((r) => r.op.includes("(reconcile)")).length },
    detail: `every response stored ${doneAt === null ? "never" : `${((doneAt - end) / 3600000).toFixed(1)} h after the rush's end`}; ${reminders} reminders sent on the reminder day (${owingAfter} units still owing then${lost ? ", and the units whose lost reports were not yet stored" : ""})`,
    problems,
  };
}

/** the units a mail went to, by address: how many mails each got */
function perAddress(sim: Simulation, from: number, to: number, subject: RegExp): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of sim.world.mails)
    if (x.at >= from && x.at < to && subject.test(x.subject)) m.set(x.to.join(), (m.get(x.to.join()) ?? 0) + 1);
  return m;
}

/**
 * Half the units reported on a reminder day (due − 5), the quota Workspace's 1,500 recipients a day: the most important
 * mails go first, the rest are held, named in the Zalo list, and sent on the next days, each once.
 */
export function halfReported(n: number, quota = 1500): ScaleRow {
  const name = "half reported on a reminder day";
  const h = history(n, 6, 0.5, NOW, { mailQuota: quota });
  const { sim } = h;
  const p = new Player(sim, { units: n, months: 6, floor: settingsCells + n * 8 + h.openRows * KEY_COLS }, name);
  const held: number[] = [];
  let zalo = 0;
  p.afterRun = () => {
    const s = sim.state() as { held?: { n: number; day: string }; followUp?: string };
    const day = Number(s.held?.day?.slice(8) ?? 0);
    if (s.held && day >= 19) held[day - 19] = s.held.n;
    if (day === 19 && !zalo) {
      const tab = sim.sheet(TAB.zalo).values.map((r) => String(r[0] ?? ""));
      const line = tab.find((x) => x.startsWith("CHƯA GỬI ĐƯỢC THƯ HÔM NAY"));
      zalo = line ? Number(/(\d+) đơn vị/.exec(line)?.[1] ?? 0) : 0;
    }
  };
  withLatency(sim);
  const day19 = instantOf(`${NOW}-19`, TZ, 8);
  const mails0 = sim.world.mails.length;
  p.play(instantOf(`${NOW}-23`, TZ, 7), [`${NOW}-19`, `${NOW}-20`, `${NOW}-21`, `${NOW}-22`]);
  const sentFirst = mailsBetween(sim, day19, day19 + 86400000);
  const reminders = perAddress(sim, day19, day19 + 4 * 86400000, /nhắc|Nhắc/);
  const twice = [...reminders.values()].filter((k) => k > 1).length;
  const problems = [...p.problems, ...p.overLimit()];
  if (twice) problems.push(`${name}: ${twice} units got the same reminder twice`);
  const owing = n - h.openRows;
  if (reminders.size < owing) problems.push(`${name}: ${owing - reminders.size} units owing never reminded in four days`);
  if ((held[0] ?? 0) > 0 && !zalo) problems.push(`${name}: the Zalo list does not name the units not reached on the first day`);
  const long = p.longest();
  return {
    scenario: name,
    units: n,
    runs: p.rows.length,
    longestMs: long?.estMs ?? 0,
    longestOp: long?.op ?? "",
    mails: sentFirst,
    held: held[0] ?? 0,
    figures: { owing, reminded: reminders.size, twice, zalo, sentFirst },
    detail: `${owing} units owing; sent ${sentFirst} on the reminder day, held ${held[0] ?? 0} (named in the Zalo list: ${zalo}); then ${[1, 2, 3].map((k) => mailsBetween(sim, day19 + k * 86400000, day19 + (k + 1) * 86400000)).join(", ")} on the three days after; ${reminders.size} units reminded, none twice; ${sim.world.mails.length - mails0} mails in all`,
    problems,
  };
}

/** the rollup day with half the units missing: the leaders' mail within MailApp's 200 KB, counted in bytes */
export function rollupMissing(n: number): ScaleRow {
  const name = `rollup with ${Math.round(n / 2).toLocaleString("en-US")} units missing`;
  const h = history(n, 6, 0.5);
  const { sim } = h;
  const p = new Player(sim, { units: n, months: 6, floor: settingsCells + n * 8 + h.openRows * KEY_COLS }, name);
  withLatency(sim);
  const day = instantOf(`${NOW}-24`, TZ, 8);
  sim.world.now = day - 1;
  const before = sim.world.mails.length;
  p.play(day + 3 * 3600000, [`${NOW}-24`]);
  const rollup = sim.world.mails.slice(before).find((m) => m.attachments.length);
  const bytes = rollup ? Buffer.byteLength(rollup.body) + Buffer.byteLength(rollup.htmlBody ?? "") : 0;
  const problems = [...p.problems, ...p.overLimit()];
  if (!rollup) problems.push(`${name}: no rollup mail went out`);
  else if (bytes > 200 * 1024) problems.push(`${name}: the rollup mail is ${(bytes / 1024).toFixed(0)} KB (MailApp takes 200 KB)`);
  const long = p.longest();
  return {
    scenario: name,
    units: n,
    runs: p.rows.length,
    longestMs: long?.estMs ?? 0,
    longestOp: long?.op ?? "",
    mails: sim.world.mails.length - before,
    held: 0,
    figures: { bytes },
    detail: `the leaders' mail ${(bytes / 1024).toFixed(1)} KB (text and HTML, in bytes), its lists of units cut to their first lines; the document attached`,
    problems,
  };
}

/**
 * Setup at city scale, in each state it meets: after a unit is added to the roster, on the first day of a month before
 * its daily run (the months' dropdown changes), and again after a setup Google stopped half-way.
 */
export function setupStates(n: number): ScaleRow[] {
  const out: ScaleRow[] = [];
  const one = (state: string, prepare: (sim: Simulation, p: Player) => void) => {
    const name = `setup ${state}`;
    const h = history(n, 6);
    const { sim } = h;
    const p = new Player(sim, { units: n, months: 6, floor: 0 }, name);
    sim.world.now = instantOf(`${NOW}-20`, TZ, 10);
    withLatency(sim);
    prepare(sim, p);
    const before = p.rows.length;
    p.run("setup", name, { ui: true });
    const r = p.rows.at(-1);
    const long = p.rows.slice(before).reduce<Row | null>((a, x) => (!a || x.estMs > a.estMs ? x : a), null);
    out.push({
      scenario: name,
      units: n,
      runs: p.rows.length - before,
      longestMs: long?.estMs ?? 0,
      longestOp: long?.op ?? "",
      mails: 0,
      held: 0,
      figures: {
        choiceReads: r?.byMethod["Choice.getValue"] ?? 0,
        choiceWrites: r?.byMethod["Item.setChoiceValues"] ?? 0,
        forms: r ? formsCalls(r) : 0,
      },
      detail: r
        ? `${r.byMethod["Item.setChoiceValues"] ?? 0} dropdowns written whole, ${r.byMethod["Choice.getValue"] ?? 0} choices read back, ${formsCalls(r)} Forms calls`
        : "",
      problems: [...p.problems, ...p.overLimit()],
    });
  };
  one("after a roster change", (sim) => {
    sim.world.meter.quiet(() => sim.typeUnits([{ ...unitRow(n + 1) }], n + 2));
  });
  one("on the first day of a month, before its daily run", (sim) => {
    sim.world.now = instantOf(`${NOW.slice(0, 5)}${String(Number(NOW.slice(5)) + 1).padStart(2, "0")}-01`, TZ, 7);
  });
  one("after a setup stopped half-way", (sim, p) => {
    sim.world.meter.quiet(() => sim.typeUnits([{ ...unitRow(n + 1) }], n + 2));
    sim.world.crashNext(["setup"], 400);
    const r = sim.run("setup", "setup, stopped");
    if (r.ok) p.problems.push("setup after a setup stopped half-way: the stop was not emulated");
  });
  return out;
}

/** a roster row of the history's shape */
function unitRow(i: number) {
  return {
    code: code(i),
    name: `CĐCS Công ty số ${i}`,
    chair: "Nguyễn Văn A",
    emails: [`cd${i}@dv.example.vn`],
    phone: "0903123456",
    group: "Khối doanh nghiệp",
    activeFrom: null,
    activeTo: null,
  };
}

/** the Forms calls of a run */
function formsCalls(r: Row): number {
  return Object.entries(r.byMethod)
    .filter(([k]) => /^(Form|FormApp|Item|Choice|ListItem|FormResponse|ItemResponse|TextValidation)/.test(k))
    .reduce((a, [, v]) => a + v, 0);
}

/** the grid: every cell of every tab, as Google counts it against 10 million */
interface Grid {
  months: number;
  /** cells, the archive as it stands (the rollup tabs stay in the working Sheet) */
  kept: number;
  /** cells, the rollup tabs of archived years moved to their archive as the archive will move them */
  moved: number;
  /** what the two would have been with 26-column rollup tabs and response tabs never released */
  before: number;
  rollupTab: { rows: number; cols: number };
}

/**
 * 48 months at `n` units: the history the archive leaves (closed years in their archives), Google's response tabs
 * after a month of responses, then the rollup day: the rollup run makes the month's tab (as narrow as its widest table) and
 * releases the response tabs past their share; the month before (every unit reported) is rolled up again from the
 * sidebar. Every other month's rollup tab is given the shape that one has.
 */
export function grid(n: number, months = 48): { row: ScaleRow; grid: Grid } {
  const name = `grid at ${months} months`;
  const h = history(n, months);
  const { sim } = h;
  const ss = sim.ss;
  const p = new Player(sim, { units: n, months, floor: 0 }, name);
  // a month of responses in each response tab Google keeps, a row each
  const forms = [...sim.world.forms.values()].filter((f) => f.destinationSheet);
  // the tabs past the product's share for them (100,000 cells): those the rollup day releases
  const big = new Set<string>();
  for (const f of forms) {
    const tab = ss.sheet(f.destinationSheet ?? "");
    if (tab) tab.maxRows = Math.max(tab.maxRows, n + 1);
    if (tab && tab.maxRows * tab.maxColumns > 100_000) big.add(f.id);
  }
  const grown = ss.cellCount();
  withLatency(sim);
  p.play(instantOf(`${NOW}-24`, TZ, 12), [`${NOW}-24`]);
  const released = forms.filter((f) => !f.destinationSheet).length;
  const missed = forms.filter((f) => big.has(f.id) && f.destinationSheet).length;
  // a month every unit reported in: its rollup made again by staff from the sidebar, for its tab's full shape
  const last = (() => {
    const [y, mo] = NOW.split("-").map(Number);
    const d = new Date(Date.UTC(y, mo - 2, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  })();
  const said = sim.sidebar("sidebarRollup", { period: last }, "rollup again");
  if (!said.ok) p.problems.push(`${name}: the rollup of ${last} from the sidebar: ${said.message}`);
  const made = ss.sheet(`TH ${last.slice(5)}.${last.slice(0, 4)}`);
  const shape = { rows: made?.maxRows ?? 0, cols: made?.maxColumns ?? 0 };
  // the columns its rows use: its widest table's
  const used = Math.max(0, ...(made?.values ?? []).map((r) => r.reduce((w: number, v, j) => (v !== "" && v !== null ? j + 1 : w), 0)));
  const archived = (sim.state() as { archivedThrough?: string }).archivedThrough ?? "";
  // the rollup tab of every month before (and of registration, at the first month) as the rollup run makes them
  const periods: string[] = [];
  for (let m = 0; m < months; m++) {
    const [y, mo] = NOW.split("-").map(Number);
    const d = new Date(Date.UTC(y, mo - 1 - m, 1));
    periods.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  // the two made above are counted as they stand
  const others = periods.slice(2);
  const first = periods.at(-1) ?? NOW;
  const tabCells = shape.rows * shape.cols;
  const now = ss.cellCount();
  const kept = now + (others.length + 1) * tabCells;
  const staying = others.filter((x) => x > archived).length + (first > archived ? 1 : 0);
  const moved = now + staying * tabCells;
  const before = grown + months * n * 26 + (months + 1) * shape.rows * 26;
  const problems = [...p.problems, ...p.overLimit()];
  if (shape.cols > Math.max(2, used)) problems.push(`${name}: the rollup tab is ${shape.cols} columns wide, its rows use ${used}`);
  if (missed) problems.push(`${name}: ${missed} response tabs past their share not released`);
  if (moved > 10_000_000) problems.push(`${name}: ${moved.toLocaleString("en-US")} cells with the archive (Google: 10 million)`);
  const long = p.longest();
  const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
  return {
    row: {
      scenario: name,
      units: n,
      runs: p.rows.length,
      longestMs: long?.estMs ?? 0,
      longestOp: long?.op ?? "",
      mails: 0,
      held: 0,
      figures: { kept, moved, before, cols: shape.cols, rows: shape.rows, released },
      detail: `${m(moved)} cells with the archive moving closed years' rollup tabs, ${m(kept)} were every rollup tab kept (the archive never run); rollup tab ${shape.rows.toLocaleString("en-US")} × ${shape.cols}; ${released} response tabs released (${m(grown)} before the rollup day); ${m(before)} in the old shapes`,
      problems,
    },
    grid: { months, kept, moved, before, rollupTab: shape },
  };
}
