// Years of history written straight into the stand-in, as the product's earlier runs would have left it: report
// rows, the mail ledger and log, the marks of where each month's and day's rows begin, then one status rebuild.
import { addDays, addMonths, instantOf, localDay, monthRange, viMonthShort } from "../src/domain/dates.js";
import { SPECS } from "../src/domain/forms/index.js";
import { TAB } from "../src/domain/layout.js";
import { parseScenario } from "../standin/simulation/scenario.js";
import { Simulation } from "../standin/simulation/simulation.js";
import { CELL_LIMIT, type CellValue } from "../standin/spreadsheet/spreadsheet.js";

export const TZ = "Asia/Ho_Chi_Minh";
export const NOW = "2018-10";
export const TEXT = "Đoàn viên, người lao động có việc làm ổn định, thu nhập không đổi so với tháng trước; quan tâm lương tối thiểu vùng.";

export const code = (i: number) => `CD${String(i).padStart(5, "0")}`;
const email = (i: number) => `cd${i}@dv.example.vn`;

export function unitsOf(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    code: code(i + 1),
    name: `CĐCS Công ty số ${i + 1}`,
    chair: "Nguyễn Văn A",
    emails: [email(i + 1)],
    phone: "0903123456",
    group: i % 3 ? "Khối doanh nghiệp" : "Khối hành chính sự nghiệp",
    activeFrom: null,
    activeTo: null,
  }));
}

interface Marks {
  months: Record<string, number>;
  days: Record<string, number>;
  cursor: number;
}

/** where each month's and each day's rows begin, as the daily run at 08:00 of each day up to `lastRun` marked them */
function marksOf(ats: number[], lastRun: string): Marks {
  const months: Record<string, number> = {};
  const days: Record<string, number> = {};
  const first = (t: number) => {
    let lo = 0;
    let hi = ats.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ats[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo + 2;
  };
  const last = lastRun.slice(0, 7);
  const firstMonth = ats.length ? localDay(ats[0], TZ).slice(0, 7) : last;
  for (const m of monthRange(addMonths(firstMonth, -1), addMonths(last, 1))) months[m] = first(instantOf(`${m}-01`, TZ) - 1);
  for (let d = addDays(lastRun, -60); d <= lastRun; d = addDays(d, 1)) days[d] = first(instantOf(d, TZ, 8));
  return { months, days, cursor: ats.length + 2 };
}

export interface History {
  sim: Simulation;
  months: number;
  units: number;
  /** rows of the monthly tab whose period is the current month (the floor's open period) */
  openRows: number;
}

/**
 * `n` units, `months` months of monthly reports up to NOW (this month: `reportedNow` of them by the 18th), registration at
 * the start, a receipt for every report and reminders for a tenth of the units each month in the ledger and the log.
 * `settings`: the scenario's settings that differ from the bench's.
 */
export function history(n: number, months: number, reportedNow = 0.9, now = NOW, settings: Record<string, unknown> = {}): History {
  const NOW = now;
  const first = addMonths(NOW, -(months - 1));
  const scenario = parseScenario({
    settings: {
      firstPeriod: first,
      registrationDeadline: `${first}-15`,
      mailQuota: 1500,
      receipts: true,
      ...settings,
    },
    units: unitsOf(n),
    events: [],
    run: { from: `${NOW}-01`, to: `${NOW}-01` },
  });
  const sim = new Simulation(scenario);
  sim.world.now = instantOf(`${first}-01`, TZ, 7);
  sim.install();
  sim.world.clockFrom = Number.POSITIVE_INFINITY; // the bench drives every run itself
  const state = sim.state() as { columns: Record<string, string[]> };
  const reg = sim.sheet(SPECS.registration.tab);
  const mon = sim.sheet(SPECS.monthly.tab);
  const ledger = sim.sheet(TAB.ledger);
  const log = sim.sheet(TAB.mailLog);
  const regAts: number[] = [];
  const monAts: number[] = [];
  const ledgerRows: CellValue[][] = [];
  const answersReg: Record<string, CellValue> = {
    accountType: "Tên Công đoàn cơ sở",
    accountName: "Công đoàn",
    accountUrl: "https://www.facebook.com/cd",
    groupName: "Góc chia sẻ",
    groupUrl: "https://www.facebook.com/groups/1",
    followed: "Công đoàn Việt Nam; LĐLĐ TP. Hồ Chí Minh; LĐLĐ Quận 1",
  };
  const answersMon: Record<string, CellValue> = {
    situation: TEXT,
    opinion: TEXT,
    concerns: TEXT,
    proposals: "",
    sharedPosts: 10,
    newAccounts: 5,
    coreMembers: 2,
    groupsJoined: 1,
  };
  const row = (id: string, at: number, i: number, period: string, answers: Record<string, CellValue>, columns: string[]): CellValue[] => [
    `${id}@${at}`,
    id,
    new Date(at),
    code(i),
    period,
    "Hợp lệ",
    "",
    "Biểu mẫu",
    email(i),
    "",
    `https://docs.google.com/forms/d/e/f/viewform?edit2=${id}`,
    ...columns.map((k) => answers[k] ?? ""),
  ];
  for (let i = 1; i <= n; i++) {
    const at = instantOf(`${first}-05`, TZ, 9) + i * 1000;
    reg.values.push(row(`dk${i}`, at, i, "Đăng ký", answersReg, state.columns.registration));
    regAts.push(at);
  }
  for (const m of monthRange(first, NOW)) {
    const reporting = m === NOW ? Math.floor(n * reportedNow) : n;
    const start = instantOf(`${m}-05`, TZ, 8);
    const span = instantOf(`${m}-${m === NOW ? "18" : "20"}`, TZ, 20) - start;
    for (let i = 1; i <= reporting; i++) {
      const at = start + Math.floor((span * i) / reporting);
      const id = `bc-${m}-${i}`;
      mon.values.push(row(id, at, i, viMonthShort(m), answersMon, state.columns.monthly));
      monAts.push(at);
      ledgerRows.push([
        `receipt|${id}@${at}`,
        new Date(at + 60000),
        "Xác nhận đã nhận",
        code(i),
        viMonthShort(m),
        email(i),
        "",
        "[LĐLĐ Quận 1] Đã nhận báo cáo",
        "Đã gửi",
      ]);
    }
    if (m !== NOW) {
      const day = `${m}-19`;
      for (let i = 1; i <= Math.ceil(n / 10); i++)
        ledgerRows.push([
          `reminder|${m}|${code(n - i + 1)}|${day}`,
          new Date(instantOf(day, TZ, 8)),
          "Thư nhắc",
          code(n - i + 1),
          viMonthShort(m),
          email(n - i + 1),
          "",
          "[LĐLĐ Quận 1] Nhắc nộp báo cáo",
          "Đã gửi",
        ]);
    }
  }
  ledgerRows.sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime());
  for (const r of ledgerRows) {
    ledger.values.push(r);
    log.values.push(r);
  }
  for (const s of [reg, mon, ledger, log]) s.maxRows = s.values.length + 100;
  // what the product's daily runs would have stored
  const stored = sim.state();
  stored.marks = {
    registration: marksOf(regAts, `${NOW}-18`),
    monthly: marksOf(monAts, `${NOW}-18`),
    ledger: marksOf(
      ledgerRows.map((r) => (r[1] as Date).getTime()),
      `${NOW}-18`,
    ),
  };
  stored.logCursor = ledgerRows.length + 2;
  stored.lastReconcile = instantOf(`${NOW}-18`, TZ, 8);
  stored.settingsSince = instantOf(`${first}-01`, TZ);
  writeState(sim, stored);
  sim.world.now = instantOf(`${NOW}-18`, TZ, 21);
  // written in one go, years of history exceed what a live Sheet holds (it archives each year as it closes): the limit
  // waits until the product's own archive has moved the closed years out, then holds again
  sim.world.cellLimit = Number.POSITIVE_INFINITY;
  sim.world.meter.quiet(() => {
    const r = sim.run("refreshStatus", "history: status rebuild", { ui: true });
    if (!r.ok) throw new Error(`history rebuild: ${r.error}`);
    // the closed years and old logs the product would have archived by now, year by year (as its follow-up runs do)
    for (let k = 0; k < 10; k++) {
      sim.world.alerts = [];
      const a = sim.run("archiveOldData", "history: archive", { ui: true });
      if (!a.ok) throw new Error(`history archive: ${a.error}`);
      const said = sim.world.alerts.join("\n");
      if (/Không thực hiện được/.test(said)) throw new Error(`history archive: ${said}`);
      if (/Chưa có gì cần lưu trữ/.test(said)) break;
    }
  });
  sim.world.cellLimit = CELL_LIMIT;
  const cells = sim.ss.cellCount();
  if (cells > CELL_LIMIT) throw new Error(`history: ${cells} cells after the archive, over Google's ${CELL_LIMIT}`);
  sim.world.meter.reset();
  return { sim, months, units: n, openRows: Math.floor(n * reportedNow) };
}

export function writeState(sim: Simulation, state: Record<string, unknown>): void {
  const text = JSON.stringify(state);
  for (const k of [...sim.world.properties.keys()]) if (k.startsWith("s.")) sim.world.properties.delete(k);
  for (let i = 0; i * 8000 < text.length; i++) sim.world.properties.set(`s.${i}`, text.slice(i * 8000, (i + 1) * 8000));
}
