// Set-up without a developer: a technical person prepares the template Sheet once; a federation copies it (File → Make
// a copy), opens the menu and runs setup; the start tab lists the first steps and where each stands.
import { describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import { START_HEADER, START_STEPS_ROW, TODAY_HEADER, TODAY_ITEMS } from "../../../src/domain/start";
import { bundleSource } from "../../../standin/simulation/simulation";
import { World } from "../../../standin/world";

const TEMPLATE_OWNER = "kythuat@ldldtp.example.vn";
const FEDERATION = "tuyengiao@ldldq3.example.vn";

/** the start tab's steps: name → state */
function steps(w: World): Map<string, string> {
  const tab = w.sheetOf(w.boundSpreadsheetId ?? "", TAB.start)?.model;
  if (!tab) throw new Error("no start tab");
  // the today block first (title, header, its rows), then the steps under their own header
  expect(tab.values[1]).toEqual(TODAY_HEADER);
  expect(tab.values[START_STEPS_ROW - 1].slice(0, 3)).toEqual(START_HEADER.slice(0, 3));
  return new Map(tab.values.slice(START_STEPS_ROW, START_STEPS_ROW + 10).map((r) => [String(r[1]), String(r[2])]));
}

function template(): World {
  const w = new World({ now: Date.parse("2018-09-01T08:00:00+07:00"), owner: TEMPLATE_OWNER, staff: [] });
  const ss = w.createSpreadsheet("Báo cáo CĐCS – mẫu", "ss-template", TEMPLATE_OWNER);
  w.boundSpreadsheetId = ss.id;
  w.load(bundleSource());
  return w;
}

describe("the template route", () => {
  it("the template holds only the start tab, every step to do: no form, trigger or file made", () => {
    const w = template();
    expect(w.run("onOpen", { ui: true }).ok).toBe(true);
    const r = w.run("prepareTemplate", { ui: true });
    expect(r.ok, r.error).toBe(true);
    const ss = w.spreadsheets.get("ss-template");
    expect(ss?.sheets.map((s) => s.name)).toEqual([TAB.start]);
    expect(ss?.active?.name).toBe(TAB.start);
    const s = steps(w);
    expect(s.get("Chạy Thiết lập lần đầu")).toBe("Chưa xong");
    expect(s.get("Điền danh sách đơn vị")).toBe("Chưa xong");
    expect(s.get("Lịch chạy tự động")).toBe("Chưa xong");
    // before setup, the today block says only that setup comes first
    const today = w.sheetOf("ss-template", TAB.start)?.model.values ?? [];
    expect(String(today[0][0])).toMatch(/^HÔM NAY \d{2}\/\d{2}\/\d{4}/);
    expect(today[2].slice(1, 3)).toEqual(["Chưa thiết lập", "Cần làm"]);
    expect(w.forms.size).toBe(0);
    expect(w.triggers).toEqual([]);
    expect(w.alerts.join("\n")).toContain("Tệp → Tạo bản sao");
  });

  it("a federation's copy: setup, then the roster and setup again; each step's state follows", () => {
    const t = template();
    t.run("prepareTemplate", { ui: true });
    const w = t.copySpreadsheet(FEDERATION);
    const copy = w.spreadsheets.get(w.boundSpreadsheetId ?? "");
    expect(copy?.sheets[0].name).toBe(TAB.start);
    // the copy opens with the menu; its owner runs setup
    expect(w.run("onOpen", { ui: true, as: FEDERATION }).ok).toBe(true);
    expect([...w.menus.keys()]).toEqual(["Báo cáo CĐCS"]);
    let r = w.run("setup", { ui: true, as: FEDERATION });
    expect(r.ok, r.error).toBe(true);
    // setup answers in a few lines with the next step (what it made is in the run log)
    const answer = w.alerts[w.alerts.length - 1];
    expect(answer.split("\n").length).toBeLessThanOrEqual(8);
    expect(answer).toContain("Thiết lập xong.");
    expect(answer).toMatch(/Bước tiếp: điền trang “Đơn vị”/);
    let s = steps(w);
    expect(s.get("Chạy Thiết lập lần đầu")).toBe("Đã xong");
    expect(s.get("Kiểm tra trang “Cài đặt”")).toBe("Đã xong");
    expect(s.get("Điền danh sách đơn vị")).toBe("Chưa xong");
    expect(s.get("Chạy lại Thiết lập sau khi điền")).toBe("Chưa xong");
    expect(s.get("Hai biểu mẫu đã tạo và xuất bản")).toBe("Đã xong");
    expect(s.get("Lịch chạy tự động")).toBe("Đã xong");
    expect(copy?.sheets[0].name).toBe(TAB.start);
    expect(copy?.active?.name).toBe(TAB.start);
    expect(w.triggers.every((x) => x.owner === FEDERATION)).toBe(true);
    // staff type the roster, then run setup again
    const roster = w.sheetOf(copy?.id ?? "", TAB.units)?.model;
    const units = [
      ["Q3-01", "CĐCS Công ty TNHH Võ Thị Sáu", "Nguyễn Văn An", "an@vts.example.vn", "0903000001", "Khối doanh nghiệp", "09/2018", ""],
      [
        "Q3-02",
        "CĐCS Trường THCS Lê Quý Đôn",
        "Trần Thị Bình",
        "binh@lqd.example.vn",
        "0903000002",
        "Khối hành chính sự nghiệp",
        "09/2018",
        "",
      ],
    ];
    units.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v) roster?.put(i + 2, j + 1, v);
      });
    });
    s = steps(w);
    expect(s.get("Điền danh sách đơn vị")).toBe("Chưa xong");
    r = w.run("setup", { ui: true, as: FEDERATION });
    expect(r.ok, r.error).toBe(true);
    s = steps(w);
    expect(s.get("Điền danh sách đơn vị")).toBe("Đã xong");
    expect(s.get("Chạy lại Thiết lập sau khi điền")).toBe("Đã xong");
    expect(s.get("Kiểm tra hệ thống đạt")).toBe("Đã xong");
    expect(w.alerts[w.alerts.length - 1]).toMatch(/Bước tiếp: Báo cáo CĐCS → Xem trước thư/);
    // the today block, written by setup's views: nothing waiting yet, the next mails with their dates, the health
    const block = (w.sheetOf(copy?.id ?? "", TAB.start)?.model.values ?? []).slice(2, 2 + TODAY_ITEMS);
    const item = (name: string) => block.find((x) => String(x[1]).startsWith(name)) ?? [];
    expect(item("Xác nhận người gửi đang chờ")[2]).toBe("Không có việc");
    expect(String(item("Thư sắp gửi")[2])).toMatch(/^Sắp tới: \d{2}\/\d{2}\/2018$/);
    expect(String(item("Báo cáo tổng hợp tới")[3])).toMatch(/gửi lãnh đạo ngày \d{2}\/\d{2}\/2018/);
    expect(String(item("Tình trạng hệ thống")[3])).toContain("Chưa có lần chạy hằng ngày nào.");
    const rows = w.sheetOf(copy?.id ?? "", TAB.start)?.model.values ?? [];
    expect(String(rows.find((x) => x[1] === "Điền danh sách đơn vị")?.[3])).toBe("2 đơn vị.");
    // the Sheet opens with no word of trouble while the daily run is not due
    let before = w.meter.total;
    w.run("onOpen", { ui: true, as: FEDERATION });
    const quiet = w.meter.total - before;
    expect(copy?.toasts ?? []).toEqual([]);
    // two days on, an hour after the run's time, with no daily run (the triggers did not fire): opening the Sheet says so, from the properties alone
    w.now += 2 * 86400000 + 3600000;
    before = w.meter.total;
    expect(w.run("onOpen", { ui: true, as: FEDERATION }).ok).toBe(true);
    // what a quiet opening costs, and the toast: no tab read
    expect(w.meter.total - before).toBeLessThanOrEqual(quiet + 1);
    expect(copy?.toasts.join("\n")).toMatch(/Lần chạy tự động hằng ngày của tài khoản tuyengiao@ldldq3\.example\.vn không chạy/);
    expect(copy?.toasts.join("\n")).toContain("Nhận vận hành");
    // the template itself is untouched: still only its start tab, no forms of its own
    expect(t.spreadsheets.get("ss-template")?.sheets.map((x) => x.name)).toEqual([TAB.start]);
  });
});
