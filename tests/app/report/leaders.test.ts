// What leaders read in the demo's reports: last month's final figures that add up to the units expected, registration's
// final state in every later report, the harmful-content quotes grouped, no quotes inside quotes, proper names
// capitalised, the registration report asking for its own assessment, and room to sign and seal; the leaders' mail's
// plain-text part in the HTML part's order.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { type DocModel, paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { demoScenario } from "../../../tools/demo-scenario";
import { type DemoRun, demoRun } from "../../support/demo-run";

const { expect: want } = demoScenario();
let demo: DemoRun;
beforeAll(async () => {
  demo = await demoRun();
}, 120000);

const doc = (name: string): DocModel => {
  const d = demo.documents.find((x) => x.name === name);
  if (!d) throw new Error(`no document ${name}`);
  return d;
};
const lines = (name: string) => paragraphsOf(doc(name).body).map(textOfPara);
const text = (name: string) => lines(name).join("\n").replace(/\s+/g, " ");
const MONTHLY = ["BC-TG-2018-10", "BC-TG-2018-11", "BC-TG-2018-12"];

describe("the demo's reports for leaders", () => {
  it("give last month's final figures so that the parts add up: no unit vanishes, the invalid ones listed", () => {
    for (const [name, prev] of [
      ["BC-TG-2018-10", "2018-09"],
      ["BC-TG-2018-11", "2018-10"],
      ["BC-TG-2018-12", "2018-11"],
    ]) {
      const t = text(name);
      const label = `Tháng ${prev.slice(5)}/${prev.slice(0, 4)}: số liệu cuối cùng`;
      const part = t.slice(t.indexOf(label));
      const m =
        /Đã nộp (\d+)\/(\d+) đơn vị \([^)]*\), đúng hạn (\d+) \([^)]*\), trễ hạn (\d+), chưa nộp (\d+)(?:, chưa hợp lệ (\d+))?(?:, chờ xác nhận người gửi (\d+))?\./.exec(
          part,
        );
      expect(m, `${name}: ${part.slice(0, 300)}`).toBeTruthy();
      if (!m) continue;
      const [received, expected, onTime, late, missing, invalid, waiting] = m.slice(1).map((x) => Number(x ?? 0));
      expect(received + missing + invalid + waiting, name).toBe(expected);
      expect(onTime + late, name).toBe(received);
      const e = want.periods[prev];
      expect([late, missing, invalid], name).toEqual([e.late.length, e.missing.length, e.invalid.length]);
      if (e.invalid.length) expect(part, name).toContain(`Đơn vị gửi nội dung chưa hợp lệ (${e.invalid.length}): `);
      for (const u of e.invalid) expect(part.slice(0, part.indexOf("Hoạt động")), name).toContain(u);
    }
  });

  it("give registration's final state after its deadline, its parts adding up as the figures by Khối do", () => {
    for (const name of MONTHLY) {
      const t = text(name);
      const at = t.indexOf("Đăng ký tài khoản, nhóm Facebook: kết quả sau hạn 15/10/2018");
      expect(at, name).toBeGreaterThan(0);
      const m = /Đã đăng ký hợp lệ (\d+)\/(\d+) đơn vị \([^)]*\), trong đó đúng hạn (\d+); chưa đăng ký hoặc chưa hợp lệ (\d+)\./.exec(
        t.slice(at),
      );
      expect(m, name).toBeTruthy();
      if (!m) continue;
      const [received, expected, onTime, rest] = m.slice(1).map(Number);
      expect(received + rest).toBe(expected);
      expect(onTime).toBeLessThanOrEqual(received);
      // by the scenario: at least the units that never registered or stayed invalid
      expect(rest, name).toBeGreaterThanOrEqual(want.registration.missing.length + want.registration.invalid.length);
    }
    // the registration report itself does not give it (it is the registration report)
    expect(text("BC-TG-2018-DK")).not.toContain("kết quả sau hạn");
  });

  it("ask the registration report's writer about registration, not about workers' thinking", () => {
    expect(text("BC-TG-2018-DK")).not.toContain("tình hình tư tưởng");
    expect(text("BC-TG-2018-DK")).toContain("kết quả lập, đăng ký tài khoản và nhóm Facebook");
    expect(text("BC-TG-2018-10")).toContain("tình hình tư tưởng");
  });

  it("group the same harmful-content quote once with all its units, with no quotes inside quotes", () => {
    for (const name of MONTHLY) {
      const t = text(name);
      const from = t.indexOf("Thông tin xấu, độc");
      const section = t.slice(from, t.indexOf("Vụ việc", from));
      const quotes = [...section.matchAll(/“([^”]*)”/g)].map((q) => q[1]);
      expect(quotes.length, name).toBeGreaterThan(0);
      expect(new Set(quotes).size, `${name}: ${quotes.join(" | ")}`).toBe(quotes.length);
      // a quote some units share names them together
      expect(section, name).toMatch(/” \([^)]+, [^)]+\)/);
      // no quotation mark inside a quotation, anywhere in the body
      expect(t, name).not.toMatch(/“[^”]*“/);
      expect(t, name).toContain("‘cắt giảm lương tháng 13’");
    }
  });

  it("write Facebook with its capital outside links", () => {
    for (const name of [...MONTHLY, "BC-TG-2018-DK"]) expect(text(name), name).not.toMatch(/(?<![\w./@-])facebook(?![\w.]*\.\w)(?![\w/])/u);
  });

  it("leave room to sign and seal: six empty lines between the signer's title and name (about 35 mm at 14 pt)", () => {
    const l = lines("BC-TG-2018-10");
    // the authority ("TM. BAN THƯỜNG VỤ"), the title under it, then the empty lines before the name
    const authority = l.findIndex((x) => x.startsWith("TM. "));
    expect(authority).toBeGreaterThan(0);
    let i = authority + 1;
    while (!l[i].trim()) i++;
    let blank = 0;
    for (i++; i < l.length && !l[i].trim(); i++) blank++;
    expect(blank, l.slice(authority, i + 1).join(" | ")).toBeGreaterThanOrEqual(6);
    expect(l[i].trim().length).toBeGreaterThan(0);
  });
});

describe("the leaders' mail as plain text (a mail client that shows no HTML)", () => {
  it("opens as the HTML part does: the month's figures and the units to watch, then the draft's link, the report, the greeting last", async () => {
    const rollups = demo.summary.mails.filter((m) => m.kind === "rollup");
    expect(rollups.map((m) => m.period).sort()).toEqual(["2018-09", "2018-10", "2018-11", "2018-12", "registration"]);
    for (const mail of rollups) {
      const m = { ...mail, period: String(mail.period) };
      const parsed = await simpleParser(readFileSync(join(demo.out, m.file)));
      const t = parsed.text ?? "";
      const html = (typeof parsed.html === "string" ? parsed.html : "").replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ");
      const lines = t.split("\n");
      expect(lines[0], m.period).toMatch(/^TỔNG HỢP (BÁO CÁO THÁNG \d{2}\/\d{4}|ĐĂNG KÝ TÀI KHOẢN FACEBOOK)$/);
      expect(lines[1], m.period).toMatch(/^Số liệu tính đến \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\.$/);
      // the figures' line, word for word as the HTML part's first line says it
      const figures = lines.find((l) => /^Đã (nộp|đăng ký) \d+\/\d+ đơn vị \([\d,]+%\), đúng hạn \d+, trễ hạn \d+\.$/.test(l));
      expect(figures, `${m.period}: ${t.slice(0, 400)}`).toBeTruthy();
      expect(html, m.period).toContain(String(figures));
      // the units to watch, each line as the HTML part lists it; or that there is none
      const watch = lines.slice(lines.indexOf(String(figures)) + 1, lines.indexOf("", lines.indexOf(String(figures))));
      if (watch[0] === "Đơn vị cần chú ý:") {
        expect(watch.length, m.period).toBeGreaterThan(1);
        for (const w of watch.slice(1)) {
          expect(w, m.period).toMatch(/^- (Chưa nộp|Chưa đăng ký|Chưa hợp lệ|Chờ xác nhận người gửi|Trễ trên 3 ngày) \(\d+\): CD\d{3}/);
          expect(html, m.period).toContain(w.slice(2));
        }
      } else expect(watch, m.period).toEqual(["Không có đơn vị nào cần chú ý."]);
      // then the draft, then the report's body, then the greeting and the signature
      const link = t.indexOf("Mở dự thảo BC-TG-");
      const body = t.indexOf("I. KẾT QUẢ");
      const greeting = t.indexOf("Kính gửi: Lãnh đạo");
      expect(link, m.period).toBeGreaterThan(t.indexOf(String(figures)));
      expect(t.slice(link).split("\n")[0], m.period).toMatch(/^Mở dự thảo BC-TG-[\w-]+: https:\/\/docs\.google\.com\/document\/d\//);
      expect(body, m.period).toBeGreaterThan(link);
      expect(greeting, m.period).toBeGreaterThan(body);
      // where the mail says the draft is, it is: at its head, in both parts
      for (const part of [t, html]) {
        expect(part, m.period).not.toContain("đường dẫn dưới đây");
        expect(part, m.period).toContain("Dự thảo văn bản báo cáo ở đường dẫn đầu thư");
      }
      expect(t.trimEnd().endsWith("Trân trọng.\nBộ phận Tuyên giáo – Liên đoàn Lao động Quận 1"), m.period).toBe(true);
      // a table of the report: its header and rows a line each, the cells side by side
      expect(t, m.period).toMatch(/\nKhối \| Phải (báo cáo|đăng ký) \| Đã (nộp|đăng ký) \| Đúng hạn \|/);
    }
  });
});
