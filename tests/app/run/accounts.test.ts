// Several people, one system (contract Revision 3): whoever acts, the season comes out the same; leaders and staff
// open every report; an owner who leaves stops nothing for long, and nothing is lost or sent twice.
import { describe, expect, it } from "vitest";
import { canOpen, driveOf } from "../../../standin/documents/drive";
import { monthlyAnswers, play, type RawScenario, registrationAnswers, unit } from "../../support/helpers";

const OWNER = "tuyengiao@ldldq1.example.vn";
const LAN = "canbo1@ldldq1.example.vn";
const MINH = "canbo2@ldldq1.example.vn";
const LEADER = "lanhdao@ldldq1.example.vn";

const at = (d: string, h = 9, m = 0) => `${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00+07:00`;
const mail = (code: string) => `${code.toLowerCase()}@dv.example.vn`;

/** a season with staff actions; `who(i)` is the account making the i-th staff action (undefined: the owner) */
function season(who: (i: number) => string | undefined, extra: Record<string, unknown>[] = []): RawScenario {
  let n = 0;
  const as = () => {
    const a = who(n++);
    return a ? { as: a } : {};
  };
  const submit = (id: string, form: string, code: string, when: string, answers: Record<string, unknown>, email = mail(code)) => ({
    type: "submit",
    id,
    form,
    at: when,
    email,
    answers,
  });
  const events: Record<string, unknown>[] = [
    submit("dk1", "registration", "CD001", at("2018-09-20"), registrationAnswers("CD001")),
    submit("dk2", "registration", "CD002", at("2018-09-25"), registrationAnswers("CD002")),
    submit("dk4", "registration", "CD004", at("2018-10-02", 20), registrationAnswers("CD004"), "chutich.cd004@gmail.example.com"),
    { type: "confirm", id: "dk4", at: at("2018-10-03"), ...as() },
    {
      type: "manual",
      id: "GIAY-DK-3",
      form: "registration",
      at: at("2018-10-12", 14),
      channel: "paper",
      answers: registrationAnswers("CD003"),
      ...as(),
    },
    { type: "settings", at: at("2018-10-05", 16), settings: { remindBefore: [5, 2] }, ...as() },
    { type: "menu", action: "setup", at: at("2018-10-06", 10), ...as() },
    submit("m10-1", "monthly", "CD001", at("2018-10-15"), monthlyAnswers("CD001", "2018-10")),
    submit("m10-2", "monthly", "CD002", at("2018-10-21", 22), monthlyAnswers("CD002", "2018-10"), "ketoan.cd002@gmail.example.com"),
    { type: "confirm", id: "m10-2", at: at("2018-10-22", 8, 30), ...as() },
    {
      type: "manual",
      id: "GIAY-10-3",
      form: "monthly",
      at: at("2018-10-23", 16),
      channel: "message",
      answers: monthlyAnswers("CD003", "2018-10"),
      ...as(),
    },
    submit("m10-4", "monthly", "CD004", at("2018-10-26", 10), monthlyAnswers("CD004", "2018-10")),
    { type: "menu", action: "sendRollupNow", at: at("2018-10-27", 10), ...as() },
    submit("m11-1", "monthly", "CD001", at("2018-11-10"), monthlyAnswers("CD001", "2018-11")),
    submit("m11-3", "monthly", "CD003", at("2018-11-23", 23, 50), monthlyAnswers("CD003", "2018-11")),
    ...extra,
  ];
  return {
    accounts: { owner: OWNER, staff: [LAN, MINH] },
    settings: { rollupTo: [LEADER], firstPeriod: "2018-10" },
    units: ["CD001", "CD002", "CD003", "CD004"].map((c) => unit(c)),
    events,
    run: { from: "2018-09-15", to: "2018-11-30" },
  };
}

type Summary = ReturnType<typeof play>["summary"];

const figures = (s: Summary) => JSON.stringify({ registration: s.registration, periods: s.periods });
/** the mails as the contract compares them: (kind, unit, period), staff alerts apart */
const mailSet = (s: Summary) =>
  [...new Set(s.mails.filter((m) => m.kind !== "alert").map((m) => `${m.kind}|${m.unit ?? ""}|${m.period ?? ""}`))].sort();

describe("several staff accounts, one season", () => {
  const alone = play(season(() => undefined));
  const turns = play(season((i) => [LAN, MINH, undefined][i % 3]));

  it("three accounts acting in turn give the figures and the mails of one played by the owner alone", () => {
    expect(turns.summary.runs.failed).toEqual([]);
    expect(figures(turns.summary)).toBe(figures(alone.summary));
    expect(mailSet(turns.summary)).toEqual(mailSet(alone.summary));
    // the same mails, to the same people, once each (nothing twice because two accounts acted)
    const sent = (s: Summary) => s.mails.filter((m) => m.kind !== "alert").map((m) => `${m.at}|${m.kind}|${m.to.join(",")}`);
    expect(new Set(sent(turns.summary)).size).toBe(sent(turns.summary).length);
    // staff's own alerts (confirmations waiting) are the same too, whoever acted
    const alerts = (x: Summary) => x.mails.filter((m) => m.kind === "alert").map((m) => `${m.at}|${m.subject}`);
    expect(alerts(turns.summary)).toEqual(alerts(alone.summary));
  });

  it("the reports are the same Docs, each opened by every staff account and every leader, and so is their folder", () => {
    const docs = (p: typeof alone) =>
      [...driveOf(p.sim.world).files.values()].filter((f) => f.mimeType.endsWith("document")).map((f) => f.name);
    expect(docs(turns).sort()).toEqual(docs(alone).sort());
    const files = [...driveOf(turns.sim.world).files.values()];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files)
      for (const who of [OWNER, LAN, MINH, LEADER]) expect(canOpen(turns.sim.world, who, f.id), `${who} opens ${f.name}`).toBe(true);
    // a chair is not among them
    expect(files.some((f) => canOpen(turns.sim.world, mail("CD001"), f.id))).toBe(false);
  });

  it("the owner's triggers stay the owner's; each staff account that acted holds one watchdog", () => {
    const w = turns.sim.world;
    expect(
      w.triggers
        .filter((t) => t.owner === OWNER && !t.afterAt)
        .map((t) => t.handler)
        .sort(),
    ).toEqual(["onFormSubmit", "onFormSubmit", "onSheetEdit", "runDaily"]);
    for (const s of [LAN, MINH]) expect(w.triggers.filter((t) => t.owner === s).map((t) => t.handler)).toEqual(["runWatchdog"]);
  });
});

describe("the owner leaves mid-October", () => {
  // the colleagues make every staff action (the owner cannot once gone); both have used the product (each holds a
  // watchdog) before the owner goes
  const colleagues = (i: number) => [LAN, MINH][i % 2];
  const staffFirst = [
    { type: "menu", action: "previewMails", at: at("2018-09-21", 10), as: LAN },
    { type: "menu", action: "refreshStatus", at: at("2018-09-21", 11), as: MINH },
  ];
  const uncut = play(season(colleagues, staffFirst));
  const left = play(
    season(colleagues, [
      ...staffFirst,
      { type: "leave", account: OWNER, at: at("2018-10-16", 12) },
      // a response and a paper report while nobody runs the product
      {
        type: "submit",
        id: "late-dk3",
        form: "registration",
        at: at("2018-10-16", 15),
        email: mail("CD003"),
        answers: registrationAnswers("CD003"),
      },
    ]),
  );
  const reference = play(
    season(colleagues, [
      ...staffFirst,
      {
        type: "submit",
        id: "late-dk3",
        form: "registration",
        at: at("2018-10-16", 15),
        email: mail("CD003"),
        answers: registrationAnswers("CD003"),
      },
    ]),
  );

  it("every remaining staff account that authorised gets an alert by the next day's run hour + 2 h, saying what stopped and what to do", () => {
    const owner = (x: Summary) => x.mails.filter((m) => m.kind === "alert" && /tài khoản vận hành/.test(m.subject));
    const alerts = owner(left.summary);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].to.sort()).toEqual([LAN, MINH]);
    expect(Date.parse(alerts[0].at)).toBeLessThanOrEqual(Date.parse(at("2018-10-17", 10)));
    expect(alerts[0].subject).toMatch(/tài khoản vận hành/);
    // nobody else noticed anything in the season where the owner stayed
    expect(owner(uncut.summary)).toEqual([]);
  });

  it("the product takes over by itself: no response lost, no mail twice, the figures of a season without the gap", () => {
    expect(figures(left.summary)).toBe(figures(reference.summary));
    expect(mailSet(left.summary)).toEqual(mailSet(reference.summary));
    const keys = left.summary.mails.filter((m) => m.kind !== "alert").map((m) => `${m.kind}|${m.unit}|${m.period}|${m.at.slice(0, 10)}`);
    expect(new Set(keys).size).toBe(keys.length);
    // none later than a day after the uncut season sent it
    for (const m of reference.summary.mails) {
      const same = left.summary.mails.find(
        (x) => x.kind === m.kind && x.unit === m.unit && x.period === m.period && x.at >= m.at.slice(0, 10),
      );
      expect(same, `${m.kind} ${m.unit} ${m.period} ${m.at}`).toBeDefined();
      expect(Date.parse(same?.at ?? "") - Date.parse(m.at)).toBeLessThanOrEqual(86400000);
    }
    // the new owner's triggers run the product; the old owner's never fire again
    const w = left.sim.world;
    const owners = new Set(w.triggers.filter((t) => t.handler === "runDaily").map((t) => t.owner));
    expect([...owners].filter((o) => !w.departed(o))).toHaveLength(1);
  });

  it("with nobody watching, a staff member's takeOver resumes the season: what arrived is stored, what is owed goes, once", () => {
    // the colleagues act only after the owner left: no watchdog was there to notice
    const late = play(
      season(
        (i) => (i < 4 ? undefined : [LAN, MINH][i % 2]),
        [
          { type: "leave", account: OWNER, at: at("2018-10-16", 12) },
          {
            type: "submit",
            id: "late-dk3",
            form: "registration",
            at: at("2018-10-16", 15),
            email: mail("CD003"),
            answers: registrationAnswers("CD003"),
          },
          { type: "menu", action: "takeOver", at: at("2018-10-18", 10), as: MINH },
        ],
      ),
    );
    // before the takeover nobody could be told: no account but the owner had authorised
    expect(
      late.summary.mails.filter((m) => m.kind === "alert" && /tài khoản vận hành/.test(m.subject) && m.at < at("2018-10-18", 10)),
    ).toEqual([]);
    expect(figures(late.summary)).toBe(figures(reference.summary));
    const after = late.summary.mails.filter((m) => m.at >= at("2018-10-18", 10) && m.kind !== "alert");
    const keys = after.map((m) => `${m.kind}|${m.unit}|${m.period}|${m.at.slice(0, 10)}`);
    expect(new Set(keys).size).toBe(keys.length);
    // the receipt for the response that came during the gap went out at the takeover
    expect(
      late.summary.mails.some(
        (m) => m.kind === "receipt" && m.unit === "CD003" && m.period === "registration" && m.at >= at("2018-10-18", 10),
      ),
    ).toBe(true);
    expect(late.sim.world.triggers.filter((t) => t.handler === "runDaily").map((t) => t.owner)).toContain(MINH);
  });
});
