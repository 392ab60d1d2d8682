// Set-up without a developer: a technical person prepares the template Sheet once; a federation copies it (File → Make
// a copy), opens the menu and runs setup; the start tab lists the first steps and where each stands.
import { describe, expect, it } from "vitest";
import { TAB } from "../src/domain/layout";
import { START_HEADER } from "../src/domain/start";
import { bundleSource } from "../standin/simulation";
import { World } from "../standin/world";

const TEMPLATE_OWNER = "kythuat@ldldtp.example.vn";
const FEDERATION = "tuyengiao@ldldq3.example.vn";

/** the start tab's steps: name → state */
function steps(w: World): Map<string, string> {
  const tab = w.sheetOf(w.boundSpreadsheetId ?? "", TAB.start)?.model;
  if (!tab) throw new Error("no start tab");
  expect(tab.values[1]).toEqual(START_HEADER);
  return new Map(tab.values.slice(2).map((r) => [String(r[1]), String(r[2])]));
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
    const rows = w.sheetOf(copy?.id ?? "", TAB.start)?.model.values ?? [];
    expect(String(rows.find((x) => x[1] === "Điền danh sách đơn vị")?.[3])).toBe("2 đơn vị.");
    // the template itself is untouched: still only its start tab, no forms of its own
    expect(t.spreadsheets.get("ss-template")?.sheets.map((x) => x.name)).toEqual([TAB.start]);
  });
});
