// The report as a Google Doc, through the product: the folder and the template setup makes once, a copy per rollup in
// the folder, the leaders' mail that links it and attaches its PDF, and what happens when things go wrong.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import { DOC_MIME, type DocModel, documentOfBlob, documentsOf, paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { docxOf } from "../../../standin/documents/docx";
import { driveOf, FOLDER_MIME, trash } from "../../../standin/documents/drive";
import { diff } from "../../../standin/meter";
import { installed, submitMonthly, unit } from "../../support/helpers";

const TEMPLATE = "Mẫu báo cáo (không xóa)";
const FOLDER = "Báo cáo CĐCS – LĐLĐ Quận 1";
const base = { settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" }, run: { from: "2018-10-01", to: "2018-10-25" } };

type Sim = ReturnType<typeof installed>;

/** the scenario's events and daily runs on a simulation already set up (staff can act in between) */
function playEvents(sim: Sim, until = sim.world.clockTo): void {
  for (const e of sim.scenario.events) {
    if (e.at > until) break;
    sim.world.advanceTo(e.at);
    sim.world.now = Math.max(sim.world.now, e.at);
    sim.apply(e);
  }
  sim.world.advanceTo(until);
}

const docs = (sim: Sim, name: string) => [...documentsOf(sim.world).values()].filter((d) => d.name === name);
const text = (d: DocModel | undefined) => (d ? paragraphsOf(d.body).map(textOfPara).join("\n") : "");
const templateOf = (sim: Sim) => String((sim.state().reports as { templateId: string }).templateId);
const runLog = (sim: Sim) => sim.sheet(TAB.runLog).values.flat().join("\n");
/** the .docx's main part, as Word reads it */
async function docxXml(d: DocModel): Promise<string> {
  const zip = await JSZip.loadAsync(await docxOf(d));
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}
const rollupMails = (sim: Sim) => sim.world.mails.filter((m) => m.subject.includes("Tổng hợp báo cáo tháng 10/2018"));

describe("setup", () => {
  it("makes the reports' folder and the template once, in A4 with the decree's margins; a second setup keeps both", () => {
    const sim = installed({ units: [unit("CD001")] });
    const files = [...driveOf(sim.world).files.values()];
    const folder = files.find((f) => f.mimeType === FOLDER_MIME);
    expect(folder?.name).toBe(FOLDER);
    const template = files.find((f) => f.mimeType === DOC_MIME);
    expect(template?.name).toBe(TEMPLATE);
    expect(template?.parents).toEqual([folder?.id]);
    const t = documentsOf(sim.world).get(templateOf(sim)) as DocModel;
    const a = t.body.attrs as Record<string, number>;
    const mm = (x: number) => Math.round((x * 25.4) / 72);
    expect([mm(a.PAGE_WIDTH), mm(a.PAGE_HEIGHT)]).toEqual([210, 297]);
    expect([mm(a.MARGIN_TOP), mm(a.MARGIN_BOTTOM), mm(a.MARGIN_LEFT), mm(a.MARGIN_RIGHT)]).toEqual([20, 20, 30, 15]);
    for (const f of ["{{co_quan}}", "{{so_van_ban}}", "{{dia_danh_ngay}}", "{{trich_yeu}}", "{{noi_dung}}", "{{noi_nhan}}", "{{nguoi_ky}}"])
      expect(text(t)).toContain(f);
    expect(text(t)).toContain("Độc lập - Tự do - Hạnh phúc");
    const before = sim.world.meter.snapshot();
    sim.run("setup", "again", { ui: true });
    expect(diff(sim.world.meter.snapshot(), before).byMethod["Drive.Files.create"]).toBeUndefined();
    expect(driveOf(sim.world).files.size).toBe(2);
  });

  it("makes the template again when staff trashed it, and says so", () => {
    const sim = installed({ units: [unit("CD001")] });
    const old = templateOf(sim);
    trash(sim.world, old);
    sim.world.alerts = [];
    sim.run("setup", "again", { ui: true });
    expect(templateOf(sim)).not.toBe(old);
    expect(sim.world.alerts.join("\n")).toContain(`tạo “${TEMPLATE}” trong thư mục “${FOLDER}”`);
  });
});

describe("the rollup's document", () => {
  const events = [
    submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00", { concerns: "Mong tăng lương." }),
    submitMonthly("CD002", "2018-10", "2018-10-12T10:00:00+07:00"),
  ];

  it("is a copy of the template in the folder, its fields filled, staff's restyling kept; the leaders' mail links it and attaches its PDF", () => {
    const sim = installed({ ...base, units: [unit("CD001"), unit("CD002"), unit("CD003")], events });
    // staff restyle the template: the content in 13 pt
    const t = documentsOf(sim.world).get(templateOf(sim)) as DocModel;
    const content = paragraphsOf(t.body).find((p) => textOfPara(p) === "{{noi_dung}}");
    if (content) content.runs[0].marks = { ...content.runs[0].marks, FONT_SIZE: 13 };
    playEvents(sim);
    const [doc] = docs(sim, "BC-TG-2018-10");
    expect(doc).toBeTruthy();
    const file = driveOf(sim.world).files.get(doc.id);
    expect(file?.parents).toEqual(driveOf(sim.world).files.get(templateOf(sim))?.parents);
    const body = text(doc);
    expect(body).not.toContain("{{");
    expect(body).toContain("Số: …/BC-LĐLĐ");
    expect(body).toContain("Quận 1, ngày 24 tháng 10 năm 2018");
    expect(body).toContain("- Ban Tuyên giáo LĐLĐ TP (để b/c);\n- Ban Dân vận, Ban Tuyên giáo Quận ủy Q1 (để b/c);\n- Lưu: VP, TG.");
    expect(body).toContain("Đơn vị chưa nộp (1): CD003 – Công ty CD003.");
    const opening = paragraphsOf(doc.body).find((p) => textOfPara(p).startsWith("Thực hiện Công văn"));
    expect(opening?.runs[0].marks.FONT_SIZE).toBe(13);
    // the mail: to the leaders only, the document's link, its PDF as it was saved
    const [mail] = rollupMails(sim);
    expect(mail.to).toEqual(["tuyengiao@ldldq1.example.vn"]);
    expect(mail.htmlBody).toContain(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(mail.htmlBody).toContain("văn bản chỉ gửi các nơi nhận sau khi đã ký");
    expect(mail.attachments.map((a) => [a.name, a.contentType])).toEqual([["BC-TG-2018-10.pdf", "application/pdf"]]);
    expect(text(documentOfBlob(mail.attachments[0].data))).toBe(body);
  });

  it("keeps each heading on the page of the text it heads (Docs API keepWithNext), in the document and its .docx", async () => {
    const sim = installed({ ...base, units: [unit("CD001"), unit("CD002"), unit("CD003")], events });
    playEvents(sim);
    const [doc] = docs(sim, "BC-TG-2018-10");
    const top = doc.body.children.filter((c) => c.type === "PARAGRAPH");
    const kept = top.filter((p) => p.keepWithNext).map(textOfPara);
    // the report's section headings and only them: "I. …", "1. …", the appendix's title
    expect(kept).toContain("I. KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO");
    expect(kept.length).toBeGreaterThanOrEqual(4);
    for (const t of kept) expect(t, t).toMatch(/^([IVX]+|\d+)\. |^PHỤ LỤC/);
    for (const p of top.filter((x) => !x.keepWithNext)) expect(textOfPara(p)).not.toMatch(/^[IVX]+\. [A-ZĐ ]+$/);
    // one Docs API read and one write per document, whatever its length
    const calls = sim.world.meter.byMethod;
    expect([calls["Docs.Documents.get"], calls["Docs.Documents.batchUpdate"]]).toEqual([1, 1]);
    // the .docx staff download carries it as Word's keep-with-next
    const xml = (await docxXml(doc)).match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs) ?? [];
    const keepNext = xml
      .filter((x) => x.includes("<w:keepNext/>"))
      .map((x) => [...x.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    expect(keepNext).toEqual(kept);
  });

  it("when the Docs API fails, the report is made all the same and the run log and the mail say to check the headings", () => {
    const sim = installed({ ...base, units: [unit("CD001")], events: events.slice(0, 1) });
    sim.world.meter.faults = [{ method: "Docs.Documents.batchUpdate", message: "Docs API unavailable" }];
    playEvents(sim);
    const [doc] = docs(sim, "BC-TG-2018-10");
    expect(text(doc)).toContain("I. KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO");
    expect(doc.body.children.some((c) => c.type === "PARAGRAPH" && c.keepWithNext)).toBe(false);
    expect(rollupMails(sim)[0].htmlBody).toContain("chưa giữ được đề mục liền với nội dung");
    expect(runLog(sim)).toContain("chưa giữ được đề mục liền với nội dung");
  });

  it("from a template not yet finished (no page numbers): the mail and the run log say what to do", () => {
    const sim = installed({ ...base, units: [unit("CD001")], events: events.slice(0, 1) });
    (documentsOf(sim.world).get(templateOf(sim)) as DocModel).header = null;
    playEvents(sim);
    expect(rollupMails(sim)[0].htmlBody).toContain("Mẫu báo cáo chưa có số trang (từ trang 2)");
    expect(runLog(sim)).toContain("Mẫu báo cáo chưa có số trang");
  });

  it("from a template whose content field staff deleted: the whole report, at its end, and a note", () => {
    const sim = installed({ ...base, units: [unit("CD001")], events: events.slice(0, 1) });
    const t = documentsOf(sim.world).get(templateOf(sim)) as DocModel;
    const content = paragraphsOf(t.body).find((p) => textOfPara(p) === "{{noi_dung}}");
    if (content) content.runs = [];
    playEvents(sim);
    const body = text(docs(sim, "BC-TG-2018-10")[0]);
    expect(body.indexOf("I. KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO")).toBeGreaterThan(body.indexOf("TM. BAN THƯỜNG VỤ"));
    expect(rollupMails(sim)[0].htmlBody).toContain("không còn chỗ {{noi_dung}}");
  });

  it("is made once per rollup: a mail the quota held back goes out the next day with the same document", () => {
    const sim = installed({ ...base, units: [unit("CD001")], events: events.slice(0, 1) });
    sim.world.mailQuota = 0;
    playEvents(sim, Date.parse("2018-10-24T23:00:00+07:00"));
    expect(rollupMails(sim)).toHaveLength(0);
    expect(docs(sim, "BC-TG-2018-10")).toHaveLength(1);
    sim.world.mailQuota = 100;
    playEvents(sim);
    expect(rollupMails(sim)).toHaveLength(1);
    expect(docs(sim, "BC-TG-2018-10")).toHaveLength(1);
    expect(rollupMails(sim)[0].htmlBody).toContain(docs(sim, "BC-TG-2018-10")[0].id);
  });

  it("when Drive fails, the leaders still get the figures on time, saying the document is missing; staff are alerted", () => {
    const sim = installed({ ...base, units: [unit("CD001")], events: events.slice(0, 1) });
    sim.world.meter.faults = [{ method: "Drive.Files.copy", methodOccurrence: 1, message: "Drive is unavailable" }];
    playEvents(sim, Date.parse("2018-10-24T23:00:00+07:00"));
    const [mail] = rollupMails(sim);
    expect(mail, "the rollup went on its day").toBeTruthy();
    expect(mail.attachments).toHaveLength(0);
    expect(mail.body).toContain("Chưa tạo được văn bản Google Docs của kỳ 10/2018");
    expect(mail.body).toMatch(/Tỷ lệ|tỷ lệ/);
    // the run is not "xong": it says what is missing, and staff get an alert naming it
    expect(runLog(sim)).toMatch(/Tổng hợp\ncó lỗi/);
    const alert = sim.world.mails.find(
      (m) => m.subject.includes("Cần xử lý") && m.body.includes("Chưa tạo được văn bản báo cáo kỳ 10/2018"),
    );
    expect(alert?.body).toContain("Drive is unavailable");
    expect(docs(sim, "BC-TG-2018-10")).toHaveLength(0);
    playEvents(sim);
    expect(rollupMails(sim)).toHaveLength(1);
  });

  it("staff's own ask makes a new document beside the first, and leaves the one they edited as it is", () => {
    const sim = installed({ ...base, units: [unit("CD001")], events: events.slice(0, 1) });
    playEvents(sim);
    const [first] = docs(sim, "BC-TG-2018-10");
    first.body.children.unshift({ type: "PARAGRAPH", runs: [{ text: "Số 25/BC-LĐLĐ đã ký", marks: {} }], attrs: {} });
    const edited = text(first);
    expect(sim.rollupLatest().ok).toBe(true);
    expect(docs(sim, "BC-TG-2018-10 (bản 2)")).toHaveLength(1);
    expect(text(first)).toBe(edited);
    expect(rollupMails(sim)).toHaveLength(2);
  });

  it("takes the same number of Docs and Drive calls for 10 units as for 200: a table is one call, whatever its rows", () => {
    const count = (n: number) => {
      const units = Array.from({ length: n }, (_, i) => unit(`CD${String(i + 1).padStart(3, "0")}`));
      const sim = installed({
        ...base,
        units,
        events: units.map((x, i) =>
          submitMonthly(String(x.code), "2018-10", `2018-10-${String(10 + (i % 10)).padStart(2, "0")}T10:00:00+07:00`),
        ),
      });
      playEvents(sim, Date.parse("2018-10-24T07:00:00+07:00"));
      const before = sim.world.meter.snapshot();
      playEvents(sim, Date.parse("2018-10-24T09:00:00+07:00"));
      const d = diff(sim.world.meter.snapshot(), before);
      return [d.byService.DocumentApp, d.byService.Drive];
    };
    const small = count(10);
    expect(small[0]).toBeGreaterThan(50);
    expect(count(200)).toEqual(small);
  }, 180000);
});
