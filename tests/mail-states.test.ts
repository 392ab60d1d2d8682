// One mail of each kind a unit can get, for each state the unit can be in, composed as the daily job composes it: what
// each must say, and what it must never say (a chair told "overdue" while staff hold the report; an edit button on a
// response staff rejected; a contact line the settings do not fill).
import { describe, expect, it } from "vitest";
import { type ComposeContext, composeDue } from "../src/app/compose";
import { baseValues, compose } from "../src/app/mails";
import { instantOf } from "../src/domain/dates";
import { codeOfLabel, TAB } from "../src/domain/layout";
import { MAIL_KIND, MAIL_KINDS, type MailKind } from "../src/domain/mail-kinds";
import { REGISTRATION } from "../src/domain/periods";
import { currentRules } from "../src/domain/rules";
import type { DueMail } from "../src/domain/schedule";
import { DEFAULT_SETTINGS, type Settings } from "../src/domain/settings";
import type { StatusKind, Version } from "../src/domain/status";
import { DEFAULT_TEMPLATES } from "../src/domain/templates";
import type { Unit } from "../src/domain/units";
import { groupMessages, personalMessage, zaloSections } from "../src/domain/zalo";
import { play, registrationAnswers, unit } from "./helpers";

const TZ = "Asia/Ho_Chi_Minh";
const CONTACT = { contactName: "đồng chí Trần Thị Lan", contactPhone: "028 3829 0000", contactZalo: "0909 123 456" };
const S: Settings = { ...DEFAULT_SETTINGS, ...CONTACT };
const UNIT: Unit = {
  code: "CD001",
  name: "CĐCS Công ty CD001",
  chair: "Nguyễn Văn A",
  emails: ["cd001@dv.example.vn"],
  phone: "0903123456",
  group: "",
  activeFrom: "2018-09",
  activeTo: null,
} as unknown as Unit;
const FORM = "https://docs.google.com/forms/d/e/FORM/viewform?entry.1=CD001";
const EDIT = "https://docs.google.com/forms/d/e/FORM/viewform?edit2=EDITME";

function ctx(s: Settings = S, now?: number): ComposeContext {
  return { s, templates: DEFAULT_TEMPLATES, forms: {}, link: () => FORM, now, rules: currentRules(s) };
}

const at = (ymd: string, h = 10) => instantOf(ymd, TZ, h);

function version(over: Partial<Version>): Version {
  return {
    key: "r1|2",
    responseId: "r1",
    at: at("2018-10-20"),
    unit: "CD001",
    period: "2018-10",
    verdict: "accepted",
    confirmed: false,
    channel: "form",
    email: "cd001@dv.example.vn",
    row: 2,
    editUrl: EDIT,
    ...over,
  };
}

type Mail = { subject: string; text: string; html: string; to: string[]; cc: string[] };

function mail(d: Partial<DueMail> & { kind: MailKind }, s: Settings = S, today?: string): Mail {
  const r = composeDue(
    { key: "k", period: "2018-10", unit: "CD001", stage: today ?? "2018-10-20", ...d } as DueMail,
    UNIT,
    ctx(s, today ? at(today, 8) : undefined),
  );
  if ("errors" in r) throw new Error(r.errors.join("; "));
  return r.mail;
}

const all = (m: Mail) => `${m.subject}\n${m.text}`;
const OCT = currentRules(S).deadline("2018-10");

/** every mail a unit or its sender gets, for each state it can be in when the mail goes */
const CASES: { name: string; state: string; d: Partial<DueMail> & { kind: MailKind }; today: string; must: RegExp[]; never: RegExp[] }[] = [
  {
    name: "an invitation to a unit that sent nothing",
    state: "missing",
    d: { kind: "invite", period: REGISTRATION, status: "missing" },
    today: "2018-09-03",
    must: [/Đề nghị đăng ký tài khoản Facebook/, /trước ngày 15\/10\/2018/, /Mở biểu mẫu đăng ký/],
    never: [/quá hạn/],
  },
  {
    name: "an invitation to a unit added late (its own deadline)",
    state: "addedLate",
    d: { kind: "invite", period: REGISTRATION, status: "missing", deadline: { due: "2018-11-21", lastOnTime: "2018-11-20" } },
    today: "2018-10-23",
    must: [/trước ngày 21\/11\/2018/, /còn 29 ngày/],
    never: [/quá hạn/, /15\/10\/2018/],
  },
  {
    name: "a reminder to a unit that sent nothing",
    state: "missing",
    d: { kind: "reminder", status: "missing", deadline: OCT },
    today: "2018-10-19",
    must: [/chưa nhận được báo cáo tháng 10\/2018/, /còn 5 ngày/, /Mở biểu mẫu báo cáo tháng 10\/2018/],
    never: [/quá hạn/, /Sửa/],
  },
  {
    name: "a reminder to a unit whose report needs fixing",
    state: "invalid",
    d: {
      kind: "reminder",
      status: "invalid",
      deadline: OCT,
      version: version({ verdict: "invalid", notes: "Số đoàn viên: “abc” không phải là số" }),
    },
    today: "2018-10-23",
    must: [/chưa ghi nhận được/, /Sửa báo cáo tháng 10\/2018/, /EDITME/],
    never: [/quá hạn/],
  },
  {
    name: "a reminder to a unit whose report waits for staff (sent before the deadline, asked after it)",
    state: "unverified",
    d: { kind: "reminder", status: "unverified", deadline: OCT, version: version({ verdict: "unverified", email: "ca.nhan@gmail.com" }) },
    today: "2018-10-31",
    must: [/chờ .* xác nhận người gửi/, /không cần gửi lại/, /tính đúng hạn/, /trả lời thư này/],
    never: [/quá hạn/, /Mở biểu mẫu/, /EDITME/, /Sửa báo cáo/],
  },
  {
    name: "an overdue notice on the day after the deadline ('Báo trễ hạn sau 1 ngày')",
    state: "late",
    d: { kind: "overdue", status: "missing", deadline: OCT, daysLate: 1 },
    today: "2018-10-25",
    must: [/đã quá hạn 1 ngày/, /vẫn được ghi nhận là đã nộp \(trễ hạn\)/],
    never: [/quá hạn 2 ngày/],
  },
  {
    name: "an overdue notice 7 days after the deadline ('Báo trễ hạn sau 7 ngày')",
    state: "late",
    d: { kind: "overdue", status: "missing", deadline: OCT, daysLate: 7 },
    today: "2018-10-31",
    must: [/đã quá hạn 7 ngày/],
    never: [/quá hạn 8 ngày/],
  },
  {
    name: "a receipt on time",
    state: "confirmed",
    d: { kind: "receipt", status: "onTime", deadline: OCT, version: version({}) },
    today: "2018-10-20",
    must: [/Đã nhận báo cáo tháng 10\/2018/, /đúng hạn/, /Sửa báo cáo tháng 10\/2018/],
    never: [/quá hạn/, /trễ hạn/],
  },
  {
    name: "a receipt late",
    state: "late",
    d: { kind: "receipt", status: "late", deadline: OCT, version: version({ at: at("2018-10-26") }) },
    today: "2018-10-26",
    must: [/trễ hạn 3 ngày/, /vẫn được ghi nhận/],
    never: [/đúng hạn/],
  },
  {
    name: "a receipt for a report waiting for staff",
    state: "unverified",
    d: { kind: "receipt", status: "unverified", deadline: OCT, version: version({ verdict: "unverified", email: "ca.nhan@gmail.com" }) },
    today: "2018-10-20",
    must: [/đang chờ .* xác nhận/, /ca\.nhan@gmail\.com/],
    never: [/quá hạn/],
  },
  {
    name: "a receipt for a sender staff confirmed",
    state: "confirmed",
    d: {
      kind: "receipt",
      status: "onTime",
      deadline: OCT,
      version: version({ verdict: "unverified", confirmed: true, email: "ca.nhan@gmail.com" }),
    },
    today: "2018-10-22",
    must: [/đã xác nhận báo cáo tháng 10\/2018/, /lần sau/],
    never: [/quá hạn/, /đang chờ/],
  },
  {
    name: "a receipt for a paper report staff recorded",
    state: "paper",
    d: { kind: "receipt", status: "onTime", deadline: OCT, version: version({ channel: "paper", email: "", editUrl: undefined }) },
    today: "2018-10-20",
    must: [/bằng văn bản giấy/, /liên hệ/],
    never: [/Sửa báo cáo/, /quá hạn/],
  },
  {
    name: "a request to fix an invalid report",
    state: "invalid",
    d: {
      kind: "invalid",
      status: "invalid",
      deadline: OCT,
      version: version({ verdict: "invalid", notes: "Số đoàn viên: “abc” không phải là số" }),
    },
    today: "2018-10-20",
    must: [/Cần sửa báo cáo tháng 10\/2018/, /abc/, /Sửa báo cáo tháng 10\/2018/, /thư xác nhận/],
    never: [/quá hạn/],
  },
  {
    name: "a rejection by staff: the one thing that works",
    state: "rejected",
    d: {
      kind: "invalid",
      status: "missing",
      deadline: OCT,
      version: version({ verdict: "unverified", rejected: true, email: "la@gmail.com", notes: "Không phải người của đơn vị" }),
    },
    today: "2018-10-21",
    must: [/gửi lại từ email của đơn vị/, /la@gmail\.com/, /Không phải người của đơn vị/, /FORM\/viewform/, /thư xác nhận/],
    never: [/EDITME/, /nội dung cần sửa/, /sửa ngay trên bản đã gửi/, /Sửa báo cáo/, /Cần sửa/],
  },
];

describe("one wording per unit state, in every mail a unit gets", () => {
  for (const c of CASES)
    it(`${c.d.kind} × ${c.state}: ${c.name}`, () => {
      const m = mail(c.d, S, c.today);
      for (const re of c.must) expect(all(m)).toMatch(re);
      for (const re of c.never) expect(all(m)).not.toMatch(re);
      // the HTML says the same, escaped, and ends with the desk's contact before the signature
      expect(m.html).toContain("Trần Thị Lan");
      expect(m.text).toMatch(/liên hệ: đồng chí Trần Thị Lan, điện thoại 028 3829 0000, Zalo 0909 123 456\.\n\nTrân trọng\./);
    });

  it("every kind a unit or a sender gets is covered above, in each state its registry entry names", () => {
    const covered = new Set(CASES.map((c) => `${c.d.kind}|${c.state}`));
    const owed = MAIL_KINDS.filter((k) => MAIL_KIND[k].audience === "unit" || MAIL_KIND[k].audience === "sender");
    expect(owed.sort()).toEqual(["invalid", "invite", "overdue", "receipt", "reminder"]);
    for (const k of owed) expect(CASES.some((c) => c.d.kind === k)).toBe(true);
    expect(covered.size).toBeGreaterThanOrEqual(12);
  });

  it("the contact is left out while the settings do not fill it, and shows only what is filled", () => {
    const d = { kind: "reminder" as const, status: "missing" as StatusKind, deadline: OCT };
    const none = mail(d, DEFAULT_SETTINGS, "2018-10-19");
    expect(none.text).not.toMatch(/liên hệ:|\{\{|undefined/);
    expect(none.text).toMatch(/\n\nTrân trọng\./);
    const phone = mail(d, { ...DEFAULT_SETTINGS, contactPhone: "0909123456" }, "2018-10-19");
    expect(phone.text).toContain("Cần trao đổi, đồng chí liên hệ: điện thoại 0909123456.");
    expect(phone.text).not.toContain("Zalo");
  });

  it("a waiting report is never 'quá hạn' to its chair, on any day a notice would go", () => {
    for (const today of ["2018-10-19", "2018-10-23", "2018-10-25", "2018-10-31", "2018-11-05"]) {
      const m = mail(
        { kind: "reminder", status: "unverified", deadline: OCT, version: version({ verdict: "unverified", email: "x@gmail.com" }) },
        S,
        today,
      );
      expect(all(m)).not.toMatch(/quá hạn|trễ hạn/);
    }
  });
});

describe("the leaders' rollup mail names the rate for what it counts", () => {
  const subject = (period: string) => {
    const r = compose("rollup", DEFAULT_TEMPLATES, { ...baseValues(S, period, undefined), ty_le_bao_cao: "90%", ty_le_dung_han: "80%" }, [
      "lanhdao@x.vn",
    ]);
    if ("errors" in r) throw new Error(r.errors.join());
    return r.mail.subject;
  };
  it("registration: “tỷ lệ đăng ký”; a month: “tỷ lệ báo cáo”", () => {
    expect(subject(REGISTRATION)).toContain("tỷ lệ đăng ký 90%");
    expect(subject(REGISTRATION)).not.toContain("tỷ lệ báo cáo");
    expect(subject("2018-10")).toContain("tỷ lệ báo cáo 90%");
  });
});

describe("the Zalo list", () => {
  const units = ["CD001", "CD002", "CD003"].map((code) => ({ ...UNIT, code, name: `CĐCS Công ty ${code}` }) as Unit);
  const statuses = (
    period: string,
    kinds: Record<string, { kind: StatusKind; notYetDue?: boolean }>,
    deadline: { due: string; lastOnTime: string },
  ) => ({
    byPeriod: new Map([[period, new Map(Object.entries(kinds).map(([k, v]) => [k, { daysLate: 0, ...v }]))]]),
    figures: [{ period, deadline } as never],
  });

  it("on a registration reminder day lists the units that sent nothing, not only the invalid one", () => {
    const st = statuses(
      REGISTRATION,
      { CD001: { kind: "exempt", notYetDue: true }, CD002: { kind: "invalid" }, CD003: { kind: "onTime" } },
      { due: "2018-10-15", lastOnTime: "2018-10-14" },
    );
    const [sec] = zaloSections(
      st,
      [REGISTRATION],
      units,
      S,
      at("2018-10-10", 9),
      () => "thông tin đăng ký",
      (_p, u) => `https://f/${u.code}`,
    );
    expect(sec.units.map((u) => `${u.code}:${u.status}`)).toEqual(["CD001:missing", "CD002:invalid"]);
    expect(groupMessages(sec, "LĐLĐ Quận 1", at("2018-10-10", 9), TZ).join("\n")).toContain("CD001");
  });

  it("counts days as the mails and the settings do: 1 and 7 days after a “trước ngày” deadline say 1 and 7", () => {
    const d = { due: "2018-10-24", lastOnTime: "2018-10-23" };
    const st = statuses("2018-10", { CD001: { kind: "missing" } }, d);
    const words = (ymd: string) => {
      const [sec] = zaloSections(
        st,
        ["2018-10"],
        units,
        S,
        at(ymd, 9),
        () => "báo cáo tháng 10/2018",
        () => "https://f/x",
      );
      return `${personalMessage(sec.units[0], sec, "LĐLĐ Quận 1")}\n${groupMessages(sec, "LĐLĐ Quận 1", at(ymd, 9), TZ).join("\n")}`;
    };
    expect(words("2018-10-25")).toContain("đã quá hạn 1 ngày");
    expect(words("2018-10-25")).not.toContain("quá hạn 2 ngày");
    expect(words("2018-10-31")).toContain("đã quá hạn 7 ngày");
    // on the due date itself a “trước ngày” deadline is passed: late, with no day count
    expect(words("2018-10-24")).toMatch(/đã quá hạn\)/);
    expect(words("2018-10-20")).not.toContain("quá hạn");
  });
});

// ---- the same, played through the simulator: what chairs, leaders and staff get on the days it happens

const CONTACT_LINE = "Cần trao đổi, đồng chí liên hệ: đồng chí Trần Thị Lan, điện thoại 028 3829 0000, Zalo 0909 123 456.";

function registrationEvent(code: string, at: string, extra: Record<string, unknown> = {}) {
  return {
    type: "submit",
    id: `r-${code}`,
    form: "registration",
    at,
    email: `${code.toLowerCase()}@dv.example.vn`,
    answers: registrationAnswers(code, extra),
  };
}

/** the unit codes listed under the Zalo tab's section whose heading starts with `title` */
function zaloSection(sim: ReturnType<typeof play>["sim"], title: string): string[] {
  const rows = sim.sheet(TAB.zalo).values;
  const start = rows.findIndex((r) => String(r[0]).startsWith(title));
  if (start < 0) return [];
  const out: string[] = [];
  for (const r of rows.slice(start + 1)) {
    if (!r[0] && !r[1]) break;
    const code = codeOfLabel(String(r[0]));
    if (code && /^CD\d+$/.test(code)) out.push(code);
  }
  return out;
}

const THREE = { units: ["CD001", "CD002", "CD003"].map((c) => unit(c)), settings: { firstPeriod: "2018-10", ...CONTACT } };
const REG_EVENTS = [
  registrationEvent("CD003", "2018-10-05T09:00:00+07:00"),
  registrationEvent("CD002", "2018-10-06T09:00:00+07:00", { accountUrl: "abc" }),
];

describe("through the simulator", () => {
  it("on a registration reminder day the Zalo list names the units that sent nothing beside the invalid one", () => {
    const { summary, sim } = play({ ...THREE, events: REG_EVENTS, run: { from: "2018-10-01", to: "2018-10-10" } });
    expect(summary.runs.failed).toEqual([]);
    // 10/10 is the reminder 5 days before the 15/10 deadline: CD001 was mailed that morning
    expect(summary.mails.filter((m) => m.kind === "reminder" && m.at.startsWith("2018-10-10")).map((m) => m.unit)).toContain("CD001");
    expect(zaloSection(sim, "Thông tin đăng ký")).toEqual(["CD001", "CD002"]);
  });

  it("every mail to a unit ends with the desk's contact; the Zalo list counts 1 day on the day after the deadline; the registration rollup says “tỷ lệ đăng ký”", () => {
    const { summary, sim } = play({ ...THREE, events: REG_EVENTS, run: { from: "2018-10-01", to: "2018-10-25" } });
    expect(summary.runs.failed).toEqual([]);
    const toUnits = sim.world.mails.filter((m) => m.to.some((t: string) => t.endsWith("@dv.example.vn")));
    expect(toUnits.length).toBeGreaterThan(5);
    for (const m of toUnits) expect(m.body).toContain(CONTACT_LINE);
    const rollups = summary.mails.filter((m) => m.kind === "rollup");
    const reg = rollups.find((m) => m.period === REGISTRATION);
    expect(reg?.subject).toContain("tỷ lệ đăng ký");
    expect(reg?.subject).not.toContain("tỷ lệ báo cáo");
    const tab = sim
      .sheet(TAB.zalo)
      .values.map((r) => r.join(" | "))
      .join("\n");
    expect(tab).toContain("hạn trước ngày 24/10/2018, đã quá hạn 1 ngày");
    expect(tab).not.toContain("quá hạn 2 ngày");
    // the overdue notice of the same morning says the same count
    expect(summary.mails.find((m) => m.kind === "overdue" && m.period === "2018-10")?.subject).toContain("đã quá hạn 1 ngày");
  });

  it("a unit added on 22/10 “Từ tháng 10/2018” is invited first, never told it is late before it", () => {
    const { summary } = play({
      units: [unit("CD001")],
      settings: { firstPeriod: "2018-10" },
      run: { from: "2018-10-01", to: "2018-11-05" },
      events: [{ type: "addUnit", at: "2018-10-22T10:00:00+07:00", unit: unit("CD002", { activeFrom: "2018-10" }) }],
    });
    expect(summary.runs.failed).toEqual([]);
    const mine = summary.mails.filter((m) => m.unit === "CD002");
    expect(mine[0]).toMatchObject({ kind: "invite" });
    expect(mine[0].subject).not.toMatch(/quá hạn/);
    expect(mine.slice(0, 2).every((m) => m.kind !== "overdue")).toBe(true);
  });
});

describe("dates that cannot work, said at setup", () => {
  it("a copy set up on 1 December with the default 2018 dates: setup warns (result lines and a toast) of the registration deadline and the months already past; every chair is invited first; no 0% rollup", () => {
    const units = ["CD001", "CD002", "CD003"].map((c) => unit(c, { activeFrom: null }));
    const { summary, sim } = play({ units, run: { from: "2018-12-01", to: "2018-12-03" } });
    expect(summary.runs.failed).toEqual([]);
    const toasts = sim.ss.toasts.join("\n");
    expect(toasts).toContain("Lưu ý: hạn đăng ký (trước ngày 15/10/2018) đã qua trước ngày thiết lập 30/11/2018");
    expect(toasts).toContain("với hạn riêng trước ngày 30/12/2018");
    expect(toasts).toContain("hạn của các tháng 09/2018 đến 11/2018 đã qua trước ngày thiết lập 30/11/2018");
    expect(toasts).toContain("ghi 12/2018 ở ô “Kỳ báo cáo đầu tiên”");
    // the same lines in the setup's entry of the run log
    const log = sim
      .sheet(TAB.runLog)
      .values.map((r) => r.join(" | "))
      .join("\n");
    expect(log).toContain("Lưu ý: kỳ báo cáo đầu tiên là tháng 09/2018");
    for (const c of ["CD001", "CD002", "CD003"]) {
      const first = summary.mails.find((m) => m.unit === c);
      expect(first).toMatchObject({ kind: "invite" });
    }
    expect(summary.mails.some((m) => /quá hạn/.test(m.subject))).toBe(false);
    expect(summary.mails.filter((m) => m.kind === "rollup")).toEqual([]);
  });

  it("a copy set up in time says nothing of the kind", () => {
    const { sim } = play({ units: [unit("CD001")], run: { from: "2018-09-01", to: "2018-09-02" } });
    expect(sim.ss.toasts.join("\n")).not.toContain("Lưu ý");
  });
});
