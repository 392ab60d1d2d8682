// "Hôm nay", the tab the Sheet opens on: what needs staff today, from the statuses the daily run's follow-up wrote, and
// kept current by it. Read on the demo's Sheet at its end (31/12/2018) against the demo's own figures and roster.
import { beforeAll, describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import { TODAY_ITEMS, TODAY_STATE } from "../../../src/domain/start";
import { type DemoRun, demoRun } from "../../support/demo-run";

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
