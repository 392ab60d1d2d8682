// The demo's reports as staff open them: the October report states October at its cut-off and September in its final
// state with its late units; LibreOffice's PDF of it has the form of an administrative document (the motto on one
// line, page numbers from page 2), no phone number or email, and the figures of summary.json. Its first two pages are
// saved as pictures for the README.
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { viPercent } from "../../../src/domain/text";
import { type DocModel, paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { ROOT } from "../../../standin/simulation/simulation";
import { demoScenario } from "../../../tools/demo-scenario";
import { type DemoRun, demoRun } from "../../support/demo-run";
import { OFFICE_INSTALL, OFFICE_MISSING, pageCount, pdfLines, pdfPages, pdfText, toPdf } from "../../support/office";

const { scenario, expect: want } = demoScenario();
let result: DemoRun;
let out = "";

beforeAll(async () => {
  result = await demoRun();
  out = result.out;
}, 240000);

const docNamed = (name: string): DocModel => {
  const d = result.documents.find((x) => x.name === name);
  if (!d) throw new Error(`no document ${name}`);
  return d;
};
const textOf = (d: DocModel) => paragraphsOf(d.body).map(textOfPara).join("\n");
const flat = (s: string) => s.replace(/\s+/g, " ");

/** when each unit's first report for a month arrived, from the scenario itself */
function arrivals(month: string): Map<string, number> {
  const at = new Map<string, number>();
  for (const e of (scenario as { events: { type: string; at: string; answers?: Record<string, unknown> }[] }).events) {
    const a = e.answers;
    if (!a || !["submit", "lost", "manual"].includes(e.type) || a.month !== `${month.slice(5)}/${month.slice(0, 4)}`) continue;
    const unit = String(a.unit).slice(0, 5);
    if (!at.has(unit)) at.set(unit, Date.parse(e.at));
  }
  return at;
}

describe("the October report of the demo", () => {
  it("shows October at its cut-off and September in its final state, with its late units and days late", () => {
    const text = flat(textOf(docNamed("BC-TG-2018-10")));
    expect(text).toContain("1. Tháng 10/2018 (số liệu tính đến 08:00 ngày 24/10/2018)");
    // by hand: a late October report counts at the cut-off only if it had arrived by 08:00 on the 24th
    const cutoff = Date.parse("2018-10-24T08:00:00+07:00");
    const oct = want.periods["2018-10"];
    const arrived = arrivals("2018-10");
    const lateByCut = oct.late.filter((l) => (arrived.get(l.unit) ?? Infinity) <= cutoff);
    const missingByCut = [...oct.missing, ...oct.late.filter((l) => !lateByCut.includes(l)).map((l) => l.unit)].sort();
    expect(missingByCut.length).toBeGreaterThan(oct.missing.length);
    const atCut = text.slice(text.indexOf("1. Tháng 10/2018"), text.indexOf("2. Theo khối"));
    expect(atCut).toContain(lateByCut.length ? `Đơn vị nộp trễ hạn (${lateByCut.length}):` : "Đơn vị nộp trễ hạn: không có.");
    expect(atCut).toContain(`Đơn vị chưa nộp (${missingByCut.length}): `);
    for (const c of missingByCut) expect(atCut).toMatch(new RegExp(`${c} – [^;.]+[;.]`));
    // September as it finally stands: its late units with their days late, by hand
    const sep = want.periods["2018-09"];
    expect(text).toContain("3. Tháng 09/2018: số liệu cuối cùng");
    const final = text.slice(text.indexOf("3. Tháng 09/2018"), text.indexOf("4. Hoạt động"));
    expect(sep.late.length).toBeGreaterThan(0);
    expect(final).toContain(`Đơn vị nộp trễ hạn (${sep.late.length}):`);
    for (const l of sep.late) expect(final).toMatch(new RegExp(`${l.unit} – [^;]+\\(${l.daysLate} ngày\\)`));
    expect(final).toContain(`Đơn vị chưa nộp (${sep.missing.length}): ${sep.missing[0]} – `);
  });

  it("names missing units by code and name only: no chair, phone or email of any unit", () => {
    const text = textOf(docNamed("BC-TG-2018-10"));
    for (const u of result.sim.scenario.units) {
      expect(text).not.toContain(u.chair);
      expect(text).not.toContain(u.phone);
      for (const e of u.emails) expect(text).not.toContain(e);
    }
    expect(text).toContain("[số điện thoại đã ẩn]");
  });

  it.skipIf(OFFICE_MISSING)(
    `as PDF: the motto on one line under its rule, page numbers from page 2, no phone or email, the figures of summary.json${OFFICE_MISSING ? ` (skipped: ${OFFICE_INSTALL})` : ""}`,
    { tags: ["slow"], timeout: 120000 },
    () => {
      const pdf = toPdf(join(out, "rollups", "BC-TG-2018-10.docx"));
      const lines = pdfLines(pdf);
      const page1 = lines.filter((l) => l.page === 1);
      // the national title and the motto each on one line, a solid rule under the motto
      const title = page1.find((l) => l.text === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      const motto = page1.find((l) => l.text === "Độc lập - Tự do - Hạnh phúc");
      expect(title, "national title on one line").toBeTruthy();
      expect(motto, "motto on one line").toBeTruthy();
      const rule = page1.find((l) => /^─+$/.test(l.text) && l.y > (motto?.y ?? 0) && l.y - (motto?.y ?? 0) < 25 && l.words[0].x > 300);
      expect(rule, "a rule under the motto").toBeTruthy();
      // page numbers: none on page 1; page 2 on, the number centred in the top margin
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
      const top = (page: number) => lines.filter((l) => l.page === page && l.y < 56.7);
      expect(top(1).filter((l) => /^\d+$/.test(l.text))).toEqual([]);
      for (const page of [2, 3]) {
        const n = top(page).find((l) => l.text === String(page));
        expect(n, `page number on page ${page}`).toBeTruthy();
        // centred on the text area (30 mm left, 15 mm right of an A4 page)
        expect(Math.abs((n?.words[0].x ?? 0) + 3.5 - (85 + (595.3 - 42.5)) / 2)).toBeLessThan(15);
      }
      const text = flat(pdfText(pdf));
      expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
      expect(text).not.toMatch(/(?:\+84|\b0)(?:[\s.-]?\d){9}\b/);
      // the figures: October at the cut-off and September at the same point, as summary.json has them
      const [sep, oct] = ["2018-09", "2018-10"].map((m) => result.summary.periods.find((p) => p.period === m));
      const cut = oct?.cutoff;
      const same = sep?.cutoff;
      expect(cut && same).toBeTruthy();
      if (!cut || !same || !sep) return;
      const row = (label: string, a: number | string, b: number | string) =>
        expect(text).toMatch(new RegExp(`${label} ${a} ${b} [+−]?\\d`));
      row("Phải báo cáo", cut.expected, same.expected);
      row("Đã nộp", cut.received, same.received);
      row("Đúng hạn", cut.onTime, same.onTime);
      row("Trễ hạn", cut.late.length, same.late.length);
      row("Chưa nộp", cut.missing.length, same.missing.length);
      row("Không hợp lệ", cut.invalid.length, same.invalid.length);
      expect(text).toContain(`Tỷ lệ báo cáo ${viPercent(cut.reportingRate)} ${viPercent(same.reportingRate)}`);
      // September's final figures and its late units
      expect(text).toContain(
        `Đã nộp ${sep.received}/${sep.expected} đơn vị (${viPercent(sep.reportingRate)}), đúng hạn ${sep.onTime} (${viPercent(sep.onTimeRate)}), trễ hạn ${sep.late.length}, chưa nộp ${sep.missing.length}${sep.invalid.length ? `, chưa hợp lệ ${sep.invalid.length}` : ""}.`,
      );
      for (const l of sep.late) expect(text).toMatch(new RegExp(`${l.unit} – [^;]+\\(${l.daysLate} ngày\\)`));
      // the pictures of its first two pages, for the README
      const pages = pdfPages(pdf, join(mkdtempSync(join(tmpdir(), "png-")), "report"), 1, 2);
      expect(pages).toHaveLength(2);
      pages.forEach((p, i) => copyFileSync(p, join(ROOT, "docs", "images", `report-${i + 1}.png`)));
    },
  );
});

describe("every report of the demo, printed", () => {
  it.skipIf(OFFICE_MISSING)(
    `never leaves a heading alone at a page's foot: the text it heads follows on the same page (LibreOffice's PDF)${OFFICE_MISSING ? ` (skipped: ${OFFICE_INSTALL})` : ""}`,
    { tags: ["slow"], timeout: 240000 },
    () => {
      const reports = readdirSync(join(out, "rollups")).filter((f) => /^BC-.*\.docx$/.test(f));
      expect(reports.length).toBeGreaterThanOrEqual(5);
      let pagesChecked = 0;
      for (const file of reports) {
        const doc = docNamed(file.replace(/\.docx$/, ""));
        const headings = doc.body.children.flatMap((c) => (c.type === "PARAGRAPH" && c.keepWithNext ? [textOfPara(c)] : []));
        expect(headings.length, file).toBeGreaterThanOrEqual(3);
        const pdf = toPdf(join(out, "rollups", file));
        const lines = pdfLines(pdf);
        for (let page = 1; page < pageCount(pdf); page++) {
          // the page's last line of text under the header (the page number sits in the top margin)
          const body = lines.filter((l) => l.page === page && l.y > 56.7).sort((a, b) => a.y - b.y);
          const last = body[body.length - 1];
          if (!last) continue;
          pagesChecked++;
          const alone = headings.find((h) => last.text.length > 3 && (h === last.text || h.endsWith(` ${last.text}`)));
          expect(alone, `${file}, page ${page} ends with the heading “${alone}”`).toBeUndefined();
        }
      }
      expect(pagesChecked).toBeGreaterThanOrEqual(reports.length);
    },
  );
});

describe("the registration report of the demo", () => {
  it("lists each unit's account and group, name and link, and what is still missing", () => {
    const text = flat(textOf(docNamed("BC-TG-2018-DK")));
    expect(text).toContain("I. KẾT QUẢ ĐĂNG KÝ (số liệu tính đến 08:00 ngày 15/10/2018)");
    // CD001 registered on time: its account (named after the union) and its anonymous group, each with its link
    expect(text).toContain(
      "1. CD001 – Công ty TNHH Dịch vụ Bến Nghé Công đoàn Công ty TNHH Dịch vụ Bến Nghé (tên CĐCS) – facebook.com/congdoan.benngheservice Góc chia sẻ benngheservice – facebook.com/groups/100037",
    );
    // what is missing at the cut-off, by hand: late and never registered, and the link that is not a group
    const missing = text.slice(text.indexOf("III. CÒN THIẾU"));
    const reg = want.registration;
    for (const c of [...reg.late.map((l) => l.unit), ...reg.missing]) expect(missing).toMatch(new RegExp(`${c} – [^.]+? Chưa đăng ký`));
    for (const c of reg.invalid) expect(missing).toMatch(new RegExp(`${c} – .+? Nội dung chưa hợp lệ: Đường dẫn nhóm`));
    for (const c of reg.exempt) expect(text).not.toContain(`${c} –`);
  });
});
