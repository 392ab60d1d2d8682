// One mail of each kind a unit can get, for each state the unit can be in, composed as the daily job composes it: what
// each must say, and what it must never say (a chair told "overdue" while staff hold the report; an edit button on a
// response staff rejected; a contact line the settings do not fill).
import { describe, expect, it } from "vitest";
import { baseValues, compose } from "../../../src/app/mail/mails";
import { localDay } from "../../../src/domain/dates";
import { codeOfLabel, TAB } from "../../../src/domain/layout";
import { MAIL_KIND, MAIL_KINDS } from "../../../src/domain/mail-kinds";
import { REGISTRATION } from "../../../src/domain/periods";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import type { StatusKind } from "../../../src/domain/status";
import { DEFAULT_TEMPLATES } from "../../../src/domain/templates";
import type { Unit } from "../../../src/domain/units";
import { groupMessages, personalMessage, zaloSections } from "../../../src/domain/zalo";
import { play, registrationAnswers, unit } from "../../support/helpers";
import { all, at, CASES, CONTACT, mail, OCT, S, TZ, UNIT, version } from "../../support/mail-state-cases";

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
    const r = compose(
      "rollup",
      DEFAULT_TEMPLATES,
      { ...baseValues(S, period, undefined), ty_le_bao_cao: "90%", ty_le_dung_han: "80%" },
      {
        to: ["lanhdao@x.vn"],
      },
    );
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
    const [sec] = zaloSections(st, [REGISTRATION], units, localDay(at("2018-10-10", 9), S.timeZone), {
      work: () => "thông tin đăng ký",
      link: (_p, u) => `https://f/${u.code}`,
    });
    expect(sec.units.map((u) => `${u.code}:${u.status}`)).toEqual(["CD001:missing", "CD002:invalid"]);
    expect(groupMessages(sec, "LĐLĐ Quận 1", at("2018-10-10", 9), TZ).join("\n")).toContain("CD001");
  });

  it("counts days as the mails and the settings do: 1 and 7 days after a “trước ngày” deadline say 1 and 7", () => {
    const d = { due: "2018-10-24", lastOnTime: "2018-10-23" };
    const st = statuses("2018-10", { CD001: { kind: "missing" } }, d);
    const words = (ymd: string) => {
      const [sec] = zaloSections(st, ["2018-10"], units, localDay(at(ymd, 9), S.timeZone), {
        work: () => "báo cáo tháng 10/2018",
        link: () => "https://f/x",
      });
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
