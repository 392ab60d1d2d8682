// The product on Google's documented behaviour (the stand-in's only behaviour): links that pick the right unit and
// month, several staff accounts, one set of triggers, copies that start clean, any language, plain-text dates, long
// subjects, overlapping runs.
import { describe, expect, it } from "vitest";
import { SECTIONS } from "../../src/app/sidebar";
import { IS_COPY } from "../../src/domain/copy";
import { SPECS } from "../../src/domain/forms";
import { codeOfLabel, manualHeader, TAB } from "../../src/domain/layout";
import { MENU_ITEMS } from "../../src/gas/ui";
import type { FormModel } from "../../standin/forms/forms";
import { serverCall } from "../../standin/html";
import { Simulation } from "../../standin/simulation/simulation";
import type { World } from "../../standin/world";
import { installed, monthlyAnswers, play, scenario, submitMonthly, unit } from "../support/helpers";

const OWNER = "tuyengiao@ldldq1.example.vn";
const STAFF = "canbo1@ldldq1.example.vn";
const OTHER = "canbo2@ldldq1.example.vn";

/** what a prefilled link pre-selects, read the way Google reads it: each entry.N against the form's question ids */
function selected(w: World, url: string): { form: FormModel; answers: Record<string, string> } {
  const [base, query = ""] = url.split("?");
  const form = [...w.forms.values()].find((f) => w.publishedUrlOf(f.id) === base);
  if (!form) throw new Error(`no form at ${base}`);
  const answers: Record<string, string> = {};
  for (const part of query.split("&")) {
    const m = /^entry\.(\d+)=(.*)$/.exec(part);
    if (!m) continue;
    const item = form.items.find((i) => i.questionId === Number(m[1]));
    if (!item) throw new Error(`entry.${m[1]} is no question of ${form.title}`);
    const value = decodeURIComponent(m[2].replace(/\+/g, " "));
    // Google ignores a prefilled value that is not one of the dropdown's choices
    expect(item.choices, item.title).toContain(value);
    answers[item.title] = value;
  }
  return { form, answers };
}

const UNIT_Q = "Công đoàn cơ sở";
// the month question as the form shows it
const MONTH_Q = SPECS.monthly.fields.find((f) => f.key === "month")?.title as string;

describe("setup on an empty Sheet, as Google documents forms", () => {
  it("creates both forms published, collecting verified emails, openable by the staff", () => {
    const sim = installed({ accounts: { owner: OWNER, staff: [STAFF] } });
    const forms = [...sim.world.forms.values()];
    expect(forms).toHaveLength(2);
    for (const f of forms) {
      expect(f.published && f.acceptingResponses, f.title).toBe(true);
      expect(f.emailCollection, f.title).toBe("VERIFIED");
      expect(f.owner).toBe(OWNER);
      expect(f.editors).toContain(STAFF);
      // open to the chairs, who use their own Google accounts, and saying so before they start
      expect(
        f.permissions?.some((p) => p.type === "anyone" && p.view === "published"),
        f.title,
      ).toBe(true);
      expect(f.description).toMatch(/đăng nhập bằng tài khoản Google.*Không có tài khoản Google: gửi nội dung bằng email hoặc văn bản/s);
    }
    expect(sim.ss.locale).toBe("vi_VN");
    expect(sim.ss.timeZone).toBe("Asia/Ho_Chi_Minh");
  });
});

describe("a setup that fails half-way through a form", () => {
  for (const [method, n] of [
    ["Form.addListItem", 2],
    ["Item.setTitle", 5],
    ["Item.setRequired", 9],
    ["Form.setPublished", 1],
    ["FormResponse.toPrefilledUrl", 2],
  ] as const) {
    it(`rerun after a failure at ${method} #${n}: two forms, each question once, two response tabs`, () => {
      const sim = new Simulation(scenario({}));
      sim.world.meter.faults = [{ method, methodOccurrence: n }];
      expect(sim.run("setup", "failing setup", { ui: true }).ok).toBe(true);
      expect(sim.world.alerts.join("\n")).toMatch(/Không thực hiện được/);
      sim.world.meter.faults = [];
      sim.run("setup", "setup again", { ui: true });
      const forms = [...sim.world.forms.values()];
      expect(forms.map((f) => f.title)).toEqual([SPECS.registration.title, SPECS.monthly.title]);
      for (const [i, spec] of [SPECS.registration, SPECS.monthly].entries()) {
        expect(forms[i].items.map((x) => x.title)).toEqual(spec.fields.map((f) => f.title));
        expect(forms[i].items.map((x) => x.required)).toEqual(spec.fields.map((f) => f.required));
        expect(forms[i].published).toBe(true);
      }
      expect(sim.ss.sheets.filter((t) => t.name.startsWith("Câu trả lời biểu mẫu"))).toHaveLength(2);
    });
  }
});

describe("every unit's link picks that unit (and month), in the roster and in each mail", () => {
  const units = [unit("CD001"), unit("CD002"), unit("CD003")];
  const { sim } = play({ units, settings: { firstPeriod: "2018-10" }, run: { from: "2018-10-01", to: "2018-10-31" } });
  const w = sim.world;

  it("the roster's two links per unit, parsed against the forms' question ids", () => {
    const roster = sim.sheet(TAB.units);
    for (const [i, u] of units.entries()) {
      const choice = `${u.code} – ${u.name}`;
      const reg = selected(w, String(roster.links.get(`${i + 2},9`)));
      const mon = selected(w, String(roster.links.get(`${i + 2},10`)));
      expect(reg.form.title).toBe(SPECS.registration.title);
      expect(reg.answers).toEqual({ [UNIT_Q]: choice });
      expect(mon.form.title).toBe(SPECS.monthly.title);
      expect(mon.answers[UNIT_Q]).toBe(choice);
    }
  });

  it("each reminder and overdue notice, for 3 units, registration and October", () => {
    const withLinks = w.mails.filter((m) => /Nhắc nộp|Chưa nhận/.test(m.subject));
    const seen = new Set<string>();
    for (const m of withLinks) {
      const u = units.find((x) => m.to.includes((x.emails as string[])[0]));
      const link = /https:\/\/docs\.google\.com\/forms\/\S+/.exec(m.body)?.[0];
      expect(u && link, m.subject).toBeTruthy();
      const s = selected(w, link as string);
      expect(s.answers[UNIT_Q], m.subject).toBe(`${u?.code} – ${u?.name}`);
      if (m.subject.includes("tháng 10/2018")) expect(s.answers[MONTH_Q], m.subject).toBe("Tháng 10/2018");
      else expect(s.form.title).toBe(SPECS.registration.title);
      seen.add(`${u?.code} ${s.form.title === SPECS.registration.title ? "reg" : "oct"}`);
    }
    expect([...seen].sort()).toEqual(["CD001 oct", "CD001 reg", "CD002 oct", "CD002 reg", "CD003 oct", "CD003 reg"]);
  });
});

describe("several staff accounts", () => {
  it("a second staff account runs every menu action; an account the settings do not name cannot write the product's tabs", () => {
    const sim = installed({
      accounts: { owner: OWNER, staff: [STAFF] },
      units: [unit("CD001"), unit("CD002")],
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
    });
    const w = sim.world;
    for (const name of [SPECS.monthly.tab, TAB.status, TAB.mailLog, TAB.runLog])
      expect(sim.sheet(name).protections[0].editors, name).toEqual([STAFF]);
    w.now = Date.parse("2018-10-20T10:00:00+07:00");
    sim.apply(scenario({ events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00", {}, "la@gmail.example.com")] }).events[0]);
    const pending = String(sim.sheet(SPECS.monthly.tab).values[1][1]);
    // a paper report typed by the second staff member
    const header = manualHeader(SPECS.monthly);
    const row = [
      "",
      "21/10/2018 09:00",
      "Văn bản giấy",
      ...SPECS.monthly.fields.map((f) => String(monthlyAnswers("CD002", "2018-10")[f.key] ?? "")),
      "",
    ];
    row.forEach((v, j) => v && w.type(sim.ss.id, TAB.manualMonthly, 2, j + 1, v, STAFF));
    expect(row).toHaveLength(header.length);
    // the owner's daily run of the day happened: the staff member's self-check sees it did
    w.now = Date.parse("2018-10-24T08:00:00+07:00");
    sim.daily();
    w.now = Date.parse("2018-10-24T15:00:00+07:00");
    // every menu action but taking the product over (its own test: it changes who runs everything)
    for (const [label, fn] of MENU_ITEMS.filter(([, f]) => f !== "takeOver")) {
      w.alerts = [];
      const r = sim.run(fn, label, { ui: true, as: STAFF });
      expect(r.ok, `${fn}: ${r.error}`).toBe(true);
      expect(w.alerts.join("\n"), fn).not.toMatch(/Không thực hiện được|Bảng tính này là bản sao/);
      if (fn.startsWith("show")) expect(w.sidebar?.user, fn).toBe(STAFF);
    }
    // the choices made in the sidebar, by the second staff member
    for (const section of SECTIONS) expect(sim.sidebar("sidebarLoad", { section }, section, STAFF).ok, section).toBe(true);
    expect(sim.sidebar("sidebarConfirm", { ids: [pending] }, "confirm", STAFF).ok).toBe(true);
    expect(sim.rollupLatest(STAFF).ok).toBe(true);
    expect(sim.sheet(SPECS.monthly.tab).values.map((r) => codeOfLabel(r[3]))).toContain("CD002");
    expect(String(sim.sheet(SPECS.monthly.tab).values[1][6])).toContain(`Đã xác nhận: ${STAFF}`);
    expect(w.mails.some((m) => m.from === STAFF && m.subject.includes("Tổng hợp"))).toBe(true);
    expect(sim.sheet(TAB.selfCheck).values.flat()).not.toContain("Không đạt");
    // someone the settings do not name: the protected tabs refuse them
    w.alerts = [];
    sim.run("refreshStatus", "refresh", { ui: true, as: OTHER });
    expect(w.alerts.join("\n")).toMatch(/Không thực hiện được/);
  });

  it("setup by a second account leaves exactly one set of triggers, and says whose they are", () => {
    const sim = installed({ accounts: { owner: OWNER, staff: [STAFF] } });
    const w = sim.world;
    const owners = () => JSON.stringify(w.triggers.filter((t) => t.owner === OWNER));
    const before = owners();
    w.alerts = [];
    expect(sim.run("setup", "setup by staff", { ui: true, as: STAFF }).ok).toBe(true);
    expect(owners()).toBe(before);
    // the staff member's own trigger is its watchdog: an hour after the daily run, it looks whether that run happened
    expect(w.triggers.map((t) => `${t.handler}|${t.owner}`).sort()).toEqual([
      ...["onFormSubmit", "onFormSubmit", "onSheetEdit", "runDaily"].map((h) => `${h}|${OWNER}`),
      `runWatchdog|${STAFF}`,
    ]);
    expect(w.alerts.join("\n")).toContain(`Trình kích hoạt thuộc tài khoản ${OWNER}: giữ nguyên, tài khoản ${STAFF} không tạo thêm.`);
    // a new daily hour cannot be applied by the staff member: they are told who can
    const tab = sim.sheet(TAB.settings);
    tab.put(tab.values.findIndex((r) => r[3] === "dailyRunHour") + 1, 2, 9);
    w.alerts = [];
    sim.run("setup", "setup by staff", { ui: true, as: STAFF });
    expect(w.triggers.filter((t) => t.owner === OWNER)).toHaveLength(4);
    expect(w.alerts.join("\n")).toContain(`tài khoản ${OWNER} chạy Thiết lập để áp dụng`);
    sim.run("setup", "setup by the owner", { ui: true, as: OWNER });
    expect(w.triggers.find((t) => t.handler === "runDaily")?.atHour).toBe(9);
    expect(w.triggers.filter((t) => t.owner === OWNER)).toHaveLength(4);
    // the watchdog follows the new hour the next time the staff member's code runs
    sim.run("refreshStatus", "refresh by staff", { ui: true, as: STAFF });
    expect(w.triggers.filter((t) => t.owner === STAFF).map((t) => `${t.handler}@${t.atHour}`)).toEqual(["runWatchdog@10"]);
  });
});

describe("File → Make a copy", () => {
  it("the copy notices, refuses to run on the original's state, and starts clean at setup: the original's forms and triggers untouched", () => {
    const sim = installed({ units: [unit("CD001")], settings: { firstPeriod: "2018-10" } });
    const w = sim.world;
    const original = JSON.stringify({
      forms: [...w.forms.values()].map((f) => [f.id, f.items, f.editors, f.published]),
      triggers: w.triggers,
      tabs: sim.ss.sheets.map((s) => s.values),
    });
    const refs = sim.state().forms as Record<string, { id: string }>;
    const copy = w.copySpreadsheet(STAFF);
    copy.alerts = [];
    copy.run("refreshStatus", { ui: true, as: STAFF });
    expect(copy.alerts.join("\n")).toContain(IS_COPY);
    copy.run("setup", { ui: true, as: STAFF });
    expect(copy.alerts.join("\n")).toContain("Bảng tính này là bản sao: bắt đầu lại");
    // nothing of the original changed
    const originalForms = [...w.forms.values()].filter((f) => Object.values(refs).some((r) => r.id === f.id));
    expect(
      JSON.stringify({
        forms: originalForms.map((f) => [f.id, f.items, f.editors, f.published]),
        triggers: w.triggers,
        tabs: sim.ss.sheets.map((s) => s.values),
      }),
    ).toBe(original);
    // the copy has its own forms, linked to itself, and its own triggers, owned by whoever made the copy
    const copyId = copy.boundSpreadsheetId as string;
    let raw = "";
    for (let i = 0; copy.properties.get(`s.${i}`); i++) raw += copy.properties.get(`s.${i}`);
    const state = JSON.parse(raw) as { spreadsheetId: string; forms: Record<string, { id: string }>; triggerOwner: string };
    expect(state.spreadsheetId).toBe(copyId);
    expect(state.triggerOwner).toBe(STAFF);
    for (const f of ["registration", "monthly"]) {
      expect(state.forms[f].id).not.toBe(refs[f].id);
      expect(w.forms.get(state.forms[f].id)?.destination).toBe(copyId);
    }
    expect(copy.triggers.map((t) => `${t.handler}|${t.sourceId ?? ""}|${t.owner}`).sort()).toEqual(
      [
        `onFormSubmit|${state.forms.monthly.id}|${STAFF}`,
        `onFormSubmit|${state.forms.registration.id}|${STAFF}`,
        `onSheetEdit|${copyId}|${STAFF}`,
        `runDaily||${STAFF}`,
      ].sort(),
    );
    // each Sheet takes its own form's responses
    const copySheet = w.spreadsheets.get(copyId);
    const before = copySheet?.sheet(SPECS.monthly.tab)?.values.length ?? 0;
    const ids = (f: FormModel) => new Map(f.items.map((i) => [i.title, i.id]));
    const copyForm = w.forms.get(state.forms.monthly.id) as FormModel;
    const answers = new Map<number, string>([
      [ids(copyForm).get(UNIT_Q) as number, "CD001 – CĐCS Công ty CD001"],
      [ids(copyForm).get(MONTH_Q) as number, "Tháng 10/2018"],
    ]);
    copy.now = Date.parse("2018-10-20T10:00:00+07:00");
    copy.submitResponse(copyForm.id, { id: "copy-r1", at: copy.now, email: "cd001@dv.example.vn", answers });
    copy.fireFormSubmit(copyForm.id, "copy-r1");
    expect(copySheet?.sheet(SPECS.monthly.tab)?.values.length).toBe(before + 1);
    expect(sim.sheet(SPECS.monthly.tab).values).toHaveLength(1);
  });
});

describe("a copy of a Sheet that ran a season", () => {
  it("starts paused: it mails nobody, says so, shows what it would send, and mails once staff confirm its roster and dates", () => {
    const { sim } = play({
      units: [unit("CD001"), unit("CD002")],
      settings: { firstPeriod: "2018-10" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-12T09:00:00+07:00")],
      run: { from: "2018-10-01", to: "2018-10-31" },
    });
    const w = sim.world;
    const copy = w.copySpreadsheet(STAFF);
    copy.clockTo = Date.parse("2018-11-30T23:59:00+07:00");
    copy.alerts = [];
    copy.run("setup", { ui: true, as: STAFF });
    expect(copy.alerts.join("\n")).toContain("TẠM DỪNG gửi mọi thư");
    const fromCopy = () => w.mails.filter((m) => m.from === STAFF);
    // November goes by: reminders and overdue notices are due for both units, none goes
    copy.advanceTo(Date.parse("2018-11-26T12:00:00+07:00"));
    expect(fromCopy()).toEqual([]);
    const runLog = () =>
      w.spreadsheets
        .get(copy.boundSpreadsheetId as string)
        ?.sheet(TAB.runLog)
        ?.values.flat()
        .join("\n") ?? "";
    expect(runLog()).toMatch(/TẠM DỪNG gửi mọi thư.*Hôm nay lẽ ra gửi [1-9]/s);
    // the preview shows the mails it would send
    copy.run("previewMails", { ui: true, as: STAFF });
    const preview = w.spreadsheets.get(copy.boundSpreadsheetId as string)?.sheet(TAB.preview)?.values ?? [];
    expect(preview.slice(2).filter((r) => String(r[1]).startsWith("CD00")).length).toBeGreaterThan(0);
    // every section of the sidebar says so, with the button that resumes
    const shown = serverCall(copy, "sidebarLoad", [{ section: "remind" }], STAFF);
    expect(shown.ok && (shown.value as { paused?: string }).paused).toMatch(/Bắt đầu gửi thư/);
    expect(serverCall(copy, "sidebarResume", [{}], STAFF).ok).toBe(true);
    copy.advanceTo(Date.parse("2018-11-28T12:00:00+07:00"));
    expect(fromCopy().length).toBeGreaterThan(0);
    expect(fromCopy().some((m) => m.to.some((t) => t.endsWith("@dv.example.vn")) && /quá hạn|Nhắc/.test(m.subject))).toBe(true);
  });
});

describe("Google's words are never read", () => {
  it("an account answered in Vietnamese or in English gets the same product: the tab that must grow, grows", () => {
    const run = (lang: "en" | "vi") => {
      const sim = new Simulation(
        scenario({
          units: Array.from({ length: 6 }, (_, i) => unit(`CD00${i + 1}`)),
          settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
          run: { from: "2018-10-18", to: "2018-10-26" },
        }),
      );
      sim.world.defaultLanguage = lang;
      sim.install();
      // the mail log holds three rows: the first flush runs past its end
      sim.sheet(TAB.mailLog).maxRows = 3;
      sim.world.advanceTo(sim.world.clockTo);
      expect(sim.log.filter((l) => !l.ok)).toEqual([]);
      expect(sim.sheet(TAB.mailLog).values.length).toBeGreaterThan(3);
      // entries two runs write in the same millisecond may come in either order: the logs are compared as sets
      const logs: string[] = [TAB.mailLog, TAB.runLog];
      return JSON.stringify(
        sim.ss.sheets
          .filter((s) => s.name !== TAB.selfCheck)
          .map((s) => [s.name, logs.includes(s.name) ? s.values.map((r) => JSON.stringify(r)).sort() : s.values]),
      );
    };
    const vi = run("vi");
    expect(vi).toContain("Đã gửi");
    expect(run("en")).toBe(vi);
  });
});

describe("dates staff type, subjects Google cuts", () => {
  it("“05/11/2018 10:00” typed in the manual tab is 5 November, whatever locale the Sheet had", () => {
    const sim = installed({ settings: { firstPeriod: "2018-10" } });
    expect(sim.ss.locale).toBe("vi_VN");
    const w = sim.world;
    w.now = Date.parse("2018-11-06T09:00:00+07:00");
    const answers = monthlyAnswers("CD001", "2018-10");
    const cells = ["P1", "05/11/2018 10:00", "Văn bản giấy", ...SPECS.monthly.fields.map((f) => String(answers[f.key] ?? ""))];
    cells.forEach((v, j) => w.type(sim.ss.id, TAB.manualMonthly, 2, j + 1, v));
    // what the staff member typed stays as typed: the column is plain text
    expect(sim.sheet(TAB.manualMonthly).cell(2, 2)).toBe("05/11/2018 10:00");
    sim.run("recordManualReports", "manual", { ui: true });
    const stored = sim.sheet(SPECS.monthly.tab).values[1];
    expect((stored[2] as Date).toISOString()).toBe("2018-11-05T03:00:00.000Z");
  });

  it("a 250-character unit name still gives a receipt Google sends, its subject cut to 250 characters", () => {
    const name = `CĐCS ${"Công ty Trách nhiệm hữu hạn Một thành viên ".repeat(6)}`.slice(0, 250);
    const { sim } = play({
      units: [unit("CD001", { name })],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-10-20", to: "2018-10-20" },
      events: [submitMonthly("CD001", "2018-10", "2018-10-20T10:00:00+07:00")],
    });
    const receipt = sim.world.mails.find((m) => m.subject.includes("Đã nhận báo cáo tháng 10/2018"));
    expect(receipt).toBeTruthy();
    expect(Array.from(receipt?.subject ?? "").length).toBeLessThanOrEqual(250);
    expect(receipt?.subject.endsWith("…")).toBe(true);
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).not.toContain("hoãn thư xác nhận");
  });

  it("a rollup under 200,000 characters but over 200 KB in bytes goes out with the figures (Vietnamese letters take 2–3 bytes)", async () => {
    // the leaders' mail is the report's body; its size is counted in bytes, as MailApp counts it
    const { rollupMailHtml, MAIL_BODY_BYTES } = await import("../../src/domain/rollup");
    const { DEFAULT_SETTINGS } = await import("../../src/domain/settings");
    const { utf8Length } = await import("../../src/domain/text");
    const text = "Người lao động mong muốn được tăng lương, cải thiện bữa ăn ca, nhà ở. ".repeat(1700);
    const report = {
      period: "2018-10",
      name: "BC-TG-2018-10",
      fields: {},
      recipients: [],
      body: [
        { kind: "heading" as const, text: "I. Kết quả", level: 1 as const },
        { kind: "paragraph" as const, parts: ["Tỷ lệ báo cáo 100%."] },
        { kind: "heading" as const, text: "II. Tâm tư", level: 1 as const },
        { kind: "paragraph" as const, parts: [text] },
      ],
      appendix: [],
      texts: [],
      figures: {
        period: "2018-10",
        expected: 1,
        received: 1,
        onTime: 1,
        onTimeUnits: ["CD001"],
        late: [],
        missing: [],
        invalid: [],
        unverified: [],
        exempt: [],
        reportingRate: 1,
        onTimeRate: 1,
        open: false,
      },
      asOf: Date.UTC(2018, 9, 24, 1),
    };
    expect(text.length).toBeLessThan(MAIL_BODY_BYTES);
    expect(utf8Length(text)).toBeGreaterThan(MAIL_BODY_BYTES);
    const html = rollupMailHtml(report as never, DEFAULT_SETTINGS, "", null, []);
    expect(html).toContain("quá dài cho thư");
    expect(html).toContain("Tỷ lệ báo cáo 100%.");
    expect(utf8Length(html)).toBeLessThan(200 * 1024);
  });
});

describe("overlapping runs take the lock where they must", () => {
  it("an edit of the settings holds the lock: a daily job arriving in the middle waits, and nothing either wrote is lost", () => {
    const sim = installed({ settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" } });
    const w = sim.world;
    w.now = Date.parse("2018-10-19T08:00:00+07:00");
    const before = sim.state().lastReconcile;
    const nested: boolean[] = [];
    // the daily trigger fires while the edit trigger is between reading and rewriting the stored state
    w.during("Properties.setProperties", () => nested.push(sim.run("runDaily", "daily, in the middle of an edit").ok));
    const tab = sim.sheet(TAB.settings);
    const row = tab.values.findIndex((r) => r[3] === "receipts") + 1;
    tab.put(row, 2, "Không");
    sim.run("onSheetEdit", "edit", { event: { range: w.sheetOf(sim.ss.id, TAB.settings)?.getRange(row, 2) } });
    expect(nested).toEqual([true]);
    expect(w.mails).toEqual([]);
    expect(sim.state().lastReconcile).toBe(before);
    // the daily job said why it did nothing, and the next one does its work (its follow-up writes the logs)
    sim.daily();
    expect(sim.sheet(TAB.runLog).values.flat().join("\n")).toMatch(/khóa/);
    expect(w.mails.length).toBeGreaterThan(0);
    expect(sim.state().lastReconcile).toBe(Date.parse("2018-10-19T08:00:00+07:00"));
  });

  it("the journal's clean-up rewrites the stored properties only while holding the script lock", () => {
    const sim = installed({ settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" } });
    const w = sim.world;
    w.now = Date.parse("2018-10-19T08:00:00+07:00");
    const held: (number | null)[] = [];
    for (let k = 1; k <= 3; k++) w.during("Properties.setProperties", () => held.push(w.lockHolder), k);
    sim.run("runDaily", "daily");
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(held.every((h) => h !== null)).toBe(true);
  });
});
