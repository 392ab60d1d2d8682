// The demo on a fresh machine: its figures equal the hand-computed answers written beside its cases;
// it writes a workbook, mails a real parser reads, the rollups; a malformed scenario writes nothing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { MAIL_KINDS } from "../../src/domain/mail-kinds";
import { parseScenario } from "../../standin/simulation/scenario";
import { ROOT } from "../../standin/simulation/simulation";
import { demoScenario } from "../../tools/demo-scenario";
import { type DemoRun, demoRun } from "../support/demo-run";

const { scenario, expect: want } = demoScenario();
let summary: DemoRun["summary"];
let out = "";

beforeAll(async () => {
  ({ summary, out } = await demoRun());
}, 240000);

describe("the demo", () => {
  it("runs every trigger and menu action without a failure", () => {
    expect(summary.runs.failed).toEqual([]);
  });

  it("registration figures equal the hand-computed answers", () => {
    const r = summary.registration;
    expect(r.onTime.length).toBe(want.registration.onTime);
    expect(r.late).toEqual(want.registration.late);
    expect(r.missing).toEqual(want.registration.missing);
    expect(r.invalid).toEqual(want.registration.invalid);
    expect(r.unverified).toEqual(want.registration.unverified);
    expect(r.exempt).toEqual(want.registration.exempt);
  });

  for (const month of ["2018-09", "2018-10", "2018-11", "2018-12"]) {
    it(`${month}: figures equal the hand-computed answers`, () => {
      const p = summary.periods.find((x) => x.period === month);
      const e = want.periods[month];
      expect(p).toMatchObject({
        onTime: e.onTime,
        late: e.late,
        missing: e.missing,
        invalid: e.invalid,
        unverified: e.unverified,
        exempt: e.exempt,
      });
      expect(p?.expected).toBe(40 - e.exempt.length);
      expect(p?.received).toBe(e.onTime + e.late.length);
      expect(p?.reportingRate).toBeCloseTo((e.onTime + e.late.length) / (40 - e.exempt.length), 4);
      expect(p?.onTimeRate).toBeCloseTo(e.onTime / (40 - e.exempt.length), 4);
    });
  }

  it("writes a workbook with every tab, values and colours", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "workbook.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    for (const t of [
      "Cài đặt",
      "Đơn vị",
      "Đăng ký",
      "Báo cáo tháng",
      "Trạng thái",
      "Tổng quan",
      "Mẫu thư",
      "Nhật ký thư",
      "Nhật ký chạy",
      "TH 10.2018",
    ]) {
      expect(names).toContain(t);
    }
    const status = wb.getWorksheet("Trạng thái");
    expect(status?.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const fills = new Set<string>();
    status?.eachRow((row) => row.eachCell((c) => c.fill && "fgColor" in c.fill && fills.add(String(c.fill.fgColor?.argb))));
    expect(fills.size).toBeGreaterThanOrEqual(4);
  });

  it("writes one .eml per mail; a real parser reads each, Vietnamese subjects intact", async () => {
    const files = readdirSync(join(out, "outbox"));
    expect(files.length).toBe(summary.mails.length);
    for (const [i, m] of summary.mails.entries()) {
      if (i % 10) continue;
      const parsed = await simpleParser(readFileSync(join(out, m.file)));
      expect(parsed.subject).toBe(m.subject);
    }
    expect(summary.mails.some((m) => m.subject.includes("Nhắc nộp báo cáo tháng"))).toBe(true);
    // every kind of mail the product sends is in the outbox, named by its kind
    for (const kind of MAIL_KINDS)
      expect(
        files.some((f) => f.endsWith(`-${kind}.eml`)),
        kind,
      ).toBe(true);
    // invitations: one per unit (Revision 2), the unit that joins in November on 1 November
    const invites = summary.mails.filter((m) => m.kind === "invite");
    expect(new Set(invites.map((m) => m.unit)).size).toBe(invites.length);
    expect(invites).toHaveLength(40);
    expect(invites.find((m) => m.unit === "CD039")?.at).toBe("2018-11-01T08:00:00+07:00");
    // the garment company's unpaid wages reach the leaders and the staff the moment its November report is stored
    const urgent = summary.mails.filter((m) => m.kind === "urgent");
    expect(urgent.map((m) => `${m.at} ${m.unit} ${m.period}`)).toEqual(["2018-11-12T11:52:00+07:00 CD004 2018-11"]);
    expect(urgent[0].to).toEqual([
      "tuyengiao@ldldq1.example.vn",
      "lanhdao@ldldq1.example.vn",
      "nguyen.hung@ldldq1.example.vn",
      "tran.lan@ldldq1.example.vn",
      "le.minh@ldldq1.example.vn",
    ]);
    // December's report from an address not yet confirmed: its unit is asked to reply, never told it is overdue
    expect(summary.mails.filter((m) => m.unit === "CD034" && m.period === "2018-12").map((m) => `${m.at.slice(0, 10)} ${m.kind}`)).toEqual([
      "2018-12-19 reminder",
      "2018-12-20 receipt",
      "2018-12-23 reminder",
      "2018-12-25 reminder",
      "2018-12-31 reminder",
    ]);
  });

  it("writes each report as the .docx staff open from Drive, and each leaders' mail with the report's PDF", async () => {
    const files = readdirSync(join(out, "rollups"));
    for (const name of ["BC-TG-2018-DK", "BC-TG-2018-09", "BC-TG-2018-10", "BC-TG-2018-11", "BC-TG-2018-12"])
      expect(files).toContain(`${name}.docx`);
    const rollups = summary.mails.filter((m) => m.kind === "rollup");
    expect(rollups).toHaveLength(5);
    const oct = rollups.find((m) => m.subject.includes("tháng 10/2018"));
    const parsed = await simpleParser(readFileSync(join(out, oct?.file as string)));
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["BC-TG-2018-10.pdf-source.docx"]);
    expect(parsed.html).toContain("https://docs.google.com/document/d/");
    // the leaders' mail stays inside the federation
    expect(oct?.to).toEqual(["tuyengiao@ldldq1.example.vn", "lanhdao@ldldq1.example.vn"]);
  });
});

describe("a malformed scenario", () => {
  it("stops with a message naming its place, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-"));
    const file = join(dir, "bad.json");
    const target = join(dir, "out");
    const bad = structuredClone(scenario) as { events: { type: string }[] };
    bad.events[3].type = "explode";
    writeFileSync(file, JSON.stringify(bad));
    let msg = "";
    try {
      execFileSync("npx", ["tsx", "tools/simulate.ts", file, "--out", target], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      msg = String((e as { stderr: string }).stderr);
    }
    expect(msg).toContain('$.events[3].type: unknown event type "explode"');
    expect(existsSync(target)).toBe(false);
  });

  for (const [mutate, where] of [
    [(s: Record<string, unknown>) => ((s.units as Record<string, unknown>[])[2].code = "CD 3/x"), "$.units[2].code"],
    [(s: Record<string, unknown>) => ((s.units as Record<string, unknown>[])[5].code = "CD001"), "$.units[5].code"],
    [(s: Record<string, unknown>) => ((s.events as Record<string, unknown>[])[1].at = "2018-02-30T10:00:00+07:00"), "$.events[1].at"],
    [(s: Record<string, unknown>) => ((s.run as Record<string, unknown>).to = "31/12/2018"), "$.run.to"],
    [(s: Record<string, unknown>) => ((s.settings as Record<string, unknown>).monthlyDueDay = 40), "$.settings.monthlyDueDay"],
  ] as const) {
    it(`names ${where}`, () => {
      const s = structuredClone(scenario);
      mutate(s);
      expect(() => parseScenario(s)).toThrow(where);
    });
  }
});

describe("least privilege", () => {
  it("asks for exactly the scopes of the services the bundle was seen using", () => {
    const used = summary.calls.byService;
    const methods = Object.keys((summary.calls as { byMethod?: Record<string, number> }).byMethod ?? {});
    const need = new Set<string>();
    const scope = (s: string) => need.add(`https://www.googleapis.com/auth/${s}`);
    if (used.SpreadsheetApp) scope("spreadsheets");
    if (methods.includes("SpreadsheetApp.getUi")) scope("script.container.ui");
    if (used.FormApp) scope("forms");
    if (used.MailApp) scope("script.send_mail");
    if (used.ScriptApp) scope("script.scriptapp");
    if (methods.includes("User.getEmail")) scope("userinfo.email");
    // DocumentApp opens any document the user can: `documents`; the Drive advanced service only the files it made
    if (used.DocumentApp) scope("documents");
    if (used.Drive) scope("drive.file");
    // the Docs advanced service (keep-with-next on the report's headings) works on documents: the same `documents`
    // scope (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate#authorization-scopes)
    if (used.Docs) scope("documents");
    const manifest = JSON.parse(readFileSync(join(ROOT, "appsscript.json"), "utf8"));
    expect([...manifest.oauthScopes].sort()).toEqual([...need].sort());
    expect(manifest.oauthScopes).not.toContain("https://mail.google.com/");
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/drive");
    // an advanced service the bundle uses is enabled, and none it does not use
    const advanced = [
      ...(used.Drive ? [{ userSymbol: "Drive", serviceId: "drive", version: "v3" }] : []),
      ...(used.Docs ? [{ userSymbol: "Docs", serviceId: "docs", version: "v1" }] : []),
    ];
    expect(manifest.dependencies.enabledAdvancedServices).toEqual(advanced);
    expect(used.Docs).toBeGreaterThan(0);
  });
});
