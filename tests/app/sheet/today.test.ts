// "Hôm nay", the tab the Sheet opens on: what needs staff today, from the statuses the daily run's follow-up wrote, and
// kept current by it. Read on the demo's Sheet at its end (31/12/2018) against the demo's own figures and roster; then
// in small worlds, rewritten at once by each sidebar action (confirm, undo, reject, a paper report, reminders now).
import { beforeAll, describe, expect, it } from "vitest";
import { TAB, UNITS_HEADER } from "../../../src/domain/layout";
import { TODAY_ITEMS, TODAY_STATE } from "../../../src/domain/start";
import type { Simulation } from "../../../standin/simulation/simulation";
import { type DemoRun, demoRun } from "../../support/demo-run";
import { installed, paperReport, registeredAll, submitMonthly, unit } from "../../support/helpers";

let result: DemoRun;
beforeAll(async () => {
  result = await demoRun();
}, 240000);

const block = () => result.sim.sheet(TAB.start).values.slice(0, 2 + TODAY_ITEMS);
const item = (name: string) => {
  const row = block().find((r) => String(r[1]).startsWith(name));
  if (!row) throw new Error(`no row “${name}” on ${TAB.start}`);
  return { state: String(row[2]), detail: String(row[3]) };
};
/** the status tab's cell of a unit for a month column, as the daily run wrote it */
function statusOf(code: string, header: string): string {
  const tab = result.sim.sheet(TAB.status);
  const col = (tab.values[1] ?? []).findIndex((v, j) => j >= 3 && String(v).includes(header));
  const c = col >= 0 ? col : (tab.values.find((r) => r.some((v) => String(v) === header)) ?? []).indexOf(header);
  const row = tab.values.find((r) => String(r[0]).startsWith(code));
  return String(row?.[c] ?? "");
}

describe(`the tab “${TAB.start}” on the demo's last day`, () => {
  it("is the first tab and says the day it is about and when it was written", () => {
    expect(result.sim.ss.sheets[0].name).toBe(TAB.start);
    expect(String(block()[0][0])).toBe("HÔM NAY 31/12/2018 – việc cần cán bộ làm (cập nhật lúc 31/12/2018 08:02)");
  });

  it("names the reports waiting for staff and those to fix, as the status tab has them", () => {
    const waiting = item("Xác nhận người gửi đang chờ");
    const codes = (text: string) => [...text.matchAll(/\b(CD\d{3}) –/g)].map((m) => m[1]);
    expect(waiting.state).toBe(`${TODAY_STATE.todo}: ${codes(waiting.detail).length}`);
    expect(codes(waiting.detail)).toContain("CD034");
    for (const code of codes(waiting.detail)) expect(statusOf(code, "12/2018"), code).toMatch(/^Chờ xác nhận/);
    const fix = item("Báo cáo cần đơn vị sửa");
    expect(fix.state).toBe(`${TODAY_STATE.todo}: ${codes(fix.detail).length}`);
    expect(codes(fix.detail).length).toBeGreaterThan(0);
  });

  it("lists the units to call, most overdue first, each with its chair and phone from the roster", () => {
    const call = item("Đơn vị cần gọi điện");
    const lines = call.detail.split("\n").filter((l) => /^CD\d{3} –/.test(l));
    expect(call.state).toBe(`${TODAY_STATE.todo}: ${lines.length}`);
    expect(lines.length).toBeGreaterThan(0);
    const days = lines.map((l) => Number(/trễ (\d+) ngày/.exec(l)?.[1]));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    for (const l of lines) {
      const u = result.sim.scenario.units.find((x) => l.startsWith(`${x.code} –`));
      expect(u, l).toBeTruthy();
      expect(l).toContain(`${u?.chair}, ${u?.phone}`);
    }
  });

  it("gives the next mails and the next rollup as dates after today, and the daily run as fresh", () => {
    const next = item("Thư sắp gửi");
    expect(next.state).toBe(`${TODAY_STATE.next}: 19/01/2019`);
    expect(next.detail).toContain("19/01/2019: nhắc hạn báo cáo tháng 01/2019 (hạn 24/01/2019).");
    expect(item("Báo cáo tổng hợp tới").state).toBe(`${TODAY_STATE.next}: 24/01/2019`);
    const health = item("Tình trạng hệ thống");
    expect(health.state).toBe(TODAY_STATE.fine);
    // the takeover of 4 December: the account now running the daily job
    expect(health.detail).toBe("Lần chạy hằng ngày gần nhất: 31/12/2018 08:00 (tài khoản le.minh@ldldq1.example.vn).");
  });
});

describe(`the tab “${TAB.start}” after a sidebar action: its today block at once, not at the next run that writes the views`, () => {
  const PERSONAL = "chutich.canhan@gmail.example.com";
  const CODES = ["CD001", "CD002", "CD003"];
  const at = (t: string) => Date.parse(`${t}:00+07:00`);

  /** three units registered on 1 October, `before` played, the daily run of `day` at 08:00 and its follow-ups, then `after` */
  function world(day: string, before: Record<string, unknown>[], after: Record<string, unknown>[] = [], quota?: number): Simulation {
    const registered = registeredAll(CODES);
    const sim = installed({
      units: CODES.map((c) => unit(c)),
      settings: {
        firstPeriod: "2018-10",
        registrationDeadline: "2018-09-01",
        registrationGraceDays: 1,
        ...(quota ? { mailQuota: quota } : {}),
      },
      events: [...registered, ...before, ...after],
      run: { from: "2018-10-01", to: "2018-10-31" },
    });
    const daily = at(`${day}T08:00`);
    for (const e of sim.scenario.events.filter((x) => x.at < daily)) {
      sim.world.now = e.at;
      sim.apply(e);
    }
    sim.world.now = daily;
    sim.daily();
    for (const e of sim.scenario.events.filter((x) => x.at >= daily)) {
      sim.world.now = e.at;
      sim.apply(e);
    }
    return sim;
  }
  const line = (sim: Simulation, name: string) => {
    const row = sim
      .sheet(TAB.start)
      .values.slice(0, 2 + TODAY_ITEMS)
      .find((r) => String(r[1]).startsWith(name));
    if (!row) throw new Error(`no row “${name}” on ${TAB.start}`);
    return { state: String(row[2]), detail: String(row[3]) };
  };
  const stamp = (sim: Simulation) => String(sim.sheet(TAB.start).values[0][0]);
  const act = (sim: Simulation, when: string, fn: string, arg: unknown) => {
    sim.world.now = at(when);
    const r = sim.sidebar(fn, arg);
    expect(r.ok, r.message).toBe(true);
    return r;
  };
  const WAITING = "Xác nhận người gửi đang chờ";
  const CALL = "Đơn vị cần gọi điện";

  it("a sender confirmed, the confirmation undone, then rejected: the waiting line says each at once", () => {
    const sub = submitMonthly("CD001", "2018-10", "2018-10-18T09:00:00+07:00", {}, PERSONAL);
    const sim = world("2018-10-19", [sub]);
    expect(line(sim, WAITING).state).toBe(`${TODAY_STATE.todo}: 1`);
    expect(line(sim, WAITING).detail).toContain("CD001 – CĐCS Công ty CD001 (tháng 10/2018)");
    act(sim, "2018-10-19T10:00", "sidebarConfirm", { ids: [sub.id] });
    expect(stamp(sim)).toBe("HÔM NAY 19/10/2018 – việc cần cán bộ làm (cập nhật lúc 19/10/2018 10:00)");
    expect(line(sim, WAITING)).toEqual({ state: TODAY_STATE.none, detail: "Không có báo cáo nào chờ xác nhận." });
    act(sim, "2018-10-19T10:10", "sidebarUndo", { ids: [sub.id] });
    expect(stamp(sim)).toContain("(cập nhật lúc 19/10/2018 10:10)");
    expect(line(sim, WAITING).state).toBe(`${TODAY_STATE.todo}: 1`);
    act(sim, "2018-10-19T10:20", "sidebarReject", { ids: [sub.id], reason: "Không liên lạc được với Chủ tịch" });
    expect(stamp(sim)).toContain("(cập nhật lúc 19/10/2018 10:20)");
    expect(line(sim, WAITING).state).toBe(TODAY_STATE.none);
  });

  it("a paper report recorded for an overdue unit: off the units to call, the others still named with chair and phone", () => {
    const sim = world("2018-10-26", [submitMonthly("CD001", "2018-10", "2018-10-20T09:00:00+07:00")]);
    const codes = () => [...line(sim, CALL).detail.matchAll(/^(CD\d{3}) –/gm)].map((m) => m[1]);
    expect(codes()).toEqual(["CD002", "CD003"]);
    act(sim, "2018-10-26T10:00", "sidebarRecord", paperReport("CD002", "2018-10", "26/10/2018 09:30"));
    expect(stamp(sim)).toContain("(cập nhật lúc 26/10/2018 10:00)");
    expect(line(sim, CALL).state).toBe(`${TODAY_STATE.todo}: 1`);
    expect(codes()).toEqual(["CD003"]);
    expect(line(sim, CALL).detail).toContain("Chủ tịch CD003, 0903123456");
  });

  it("each chair and phone from the unit's own roster row; a column inserted before them stops the action rather than misread", () => {
    const sim = world("2018-10-26", [submitMonthly("CD001", "2018-10", "2018-10-20T09:00:00+07:00")]);
    const roster = sim.sheet(TAB.units);
    const rowOf = (code: string) => roster.values.findIndex((r) => r[0] === code) + 1;
    const phoneCol = UNITS_HEADER.indexOf("Điện thoại") + 1;
    // staff type each chair's own number
    for (const [code, phone] of [
      ["CD002", "0911000002"],
      ["CD003", "0911000003"],
    ])
      roster.put(rowOf(code), phoneCol, phone);
    act(sim, "2018-10-26T10:00", "sidebarRecord", paperReport("CD002", "2018-10", "26/10/2018 09:30"));
    expect(line(sim, CALL).detail).toContain("CD003 – CĐCS Công ty CD003 (tháng 10/2018, trễ");
    expect(line(sim, CALL).detail).toContain("Chủ tịch CD003, 0911000003");
    // a column inserted before the chair's: the numbers would shift; the action says the column instead
    for (const r of roster.values) r.splice(2, 0, "");
    sim.world.now = at("2018-10-26T11:00");
    const r = sim.sidebar("sidebarRecord", paperReport("CD003", "2018-10", "26/10/2018 10:30"));
    expect(`${r.message}\n${sim.sheet(TAB.runLog).values.flat().join("\n")}`).toContain("Cột đã bị chèn, di chuyển hoặc đổi tên");
    expect(line(sim, CALL).detail).not.toContain("0911000002");
  });

  it("reminders sent now: the response the run's reconcile found is named as waiting, the unit the quota held is said", () => {
    // a submit Google never delivered, after the day's run: only a run's reconcile stores it
    const lost = { ...submitMonthly("CD001", "2018-10", "2018-10-16T09:00:00+07:00", {}, PERSONAL), type: "lost" };
    const sim = world("2018-10-16", [], [lost], 1);
    expect(line(sim, WAITING).state).toBe(TODAY_STATE.none);
    expect(line(sim, "Tình trạng hệ thống").state).toBe(TODAY_STATE.fine);
    const r = act(sim, "2018-10-16T10:05", "sidebarRemind", { units: ["CD002", "CD003"] });
    expect(r.message).toContain("Đã gửi 1 thư nhắc.");
    expect(stamp(sim)).toContain("(cập nhật lúc 16/10/2018 10:05)");
    expect(line(sim, WAITING).state).toBe(`${TODAY_STATE.todo}: 1`);
    expect(line(sim, WAITING).detail).toContain("CD001 – CĐCS Công ty CD001 (tháng 10/2018)");
    const health = line(sim, "Tình trạng hệ thống");
    expect(health.state).toBe(TODAY_STATE.look);
    expect(health.detail).toContain("1 đơn vị chưa nhận được thư hôm nay (hết hạn mức thư của Google)");
  });
});
