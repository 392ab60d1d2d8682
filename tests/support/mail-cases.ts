// One month with a unit in every state a mail can meet, played through the built bundle; each mail sent, parsed back
// from its .eml by mailparser. The mail tests read it; the phone test renders it.
import { simpleParser } from "mailparser";
import { SPECS } from "../../src/domain/forms";
import { codeOfLabel } from "../../src/domain/layout";
import { emlOf } from "../../standin/simulation/export";
import { colOf, play, registrationAnswers, submitMonthly, unit } from "./helpers";

export const FROM = "tuyengiao@ldldq1.example.vn";

/** the units, by what happens to them in October 2018 (due: before 24/10/2018) */
export const CASES = {
  onTime: "CD001", // reports on 18/10
  late: "CD002", // reports on 27/10, 4 days late
  missing: "CD003", // never reports
  invalid: "CD004", // a count written in words on 15/10, never fixed
  waiting: "CD005", // reports from an address the roster does not know, never confirmed
  confirmed: "CD006", // the same, confirmed by staff the next day
  paper: "CD007", // a paper report staff type in on 22/10
  edited: "CD008", // on time, then edited after the deadline
  joins: "CD009", // active from November: its own registration deadline
} as const;

export const GMAIL = "ketoan.cd005@gmail.example.com";

export function scenarioRaw() {
  const units = Object.values(CASES).map((c) => unit(c, c === CASES.joins ? { activeFrom: "2018-11" } : {}));
  const edited = submitMonthly(CASES.edited, "2018-10", "2018-10-16T09:00:00+07:00");
  const waiting = submitMonthly(CASES.waiting, "2018-10", "2018-10-17T20:00:00+07:00", {}, GMAIL);
  const confirmed = submitMonthly(CASES.confirmed, "2018-10", "2018-10-19T20:00:00+07:00", {}, "chutich.cd006@gmail.example.com");
  // every unit but one registers early; the one that joins later owes its own registration
  const registered = Object.values(CASES).filter((c) => c !== CASES.joins && c !== CASES.missing);
  return {
    units,
    settings: { firstPeriod: "2018-10", registrationDeadline: "2018-10-31", overdueCc: [FROM] },
    run: { from: "2018-10-01", to: "2018-11-02" },
    events: [
      ...registered.map((c, i) => ({
        type: "submit",
        id: `dk-${c}`,
        form: "registration",
        at: `2018-10-0${2 + (i % 5)}T09:00:00+07:00`,
        email: `${c.toLowerCase()}@dv.example.vn`,
        answers: registrationAnswers(c),
      })),
      submitMonthly(CASES.invalid, "2018-10", "2018-10-15T10:00:00+07:00", { newAccounts: "khoảng chục người", sharedPosts: "-2" }),
      edited,
      waiting,
      submitMonthly(CASES.onTime, "2018-10", "2018-10-18T10:00:00+07:00", {
        concerns: `Mong <b>tăng lương</b> & thưởng Tết. ${"Rất dài. ".repeat(60)}`,
        // a long word and a long address: a phone screen must wrap them, never scroll sideways
        situation: `Ổn định; xem ${"Khôngcódấucách".repeat(6)} tại https://www.facebook.com/groups/congnhan.benthanh/permalink/1234567890123456789/`,
        harmful: "Bài viết sai sự thật về bảo hiểm xã hội trong nhóm công nhân; nhóm nòng cốt đã phản bác.",
      }),
      confirmed,
      { type: "confirm", id: confirmed.id, at: "2018-10-20T09:00:00+07:00" },
      {
        type: "manual",
        id: "GIAY-CD007",
        form: "monthly",
        at: "2018-10-22T15:00:00+07:00",
        channel: "paper",
        answers: { ...submitMonthly(CASES.paper, "2018-10", "").answers },
      },
      {
        type: "edit",
        id: edited.id,
        at: "2018-10-26T08:30:00+07:00",
        answers: { ...edited.answers, concerns: "Bổ sung: mong khám sức khỏe định kỳ." },
      },
      submitMonthly(CASES.late, "2018-10", "2018-10-27T10:00:00+07:00"),
    ],
  };
}

export interface Got {
  kind: string;
  unit: string | null;
  period: string | null;
  at: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Played {
  mails: Got[];
  /** the edit link the product stored for each unit's monthly report (column “Liên kết sửa” of its tab) */
  editLink: (unitCode: string) => string;
}

let cached: Promise<Played> | null = null;

/** every mail of the month, parsed from its .eml */
export function caseMails(): Promise<Played> {
  cached ??= (async () => {
    const { sim, summary } = play(scenarioRaw());
    if (summary.runs.failed.length) throw new Error(JSON.stringify(summary.runs.failed));
    const out: Got[] = [];
    for (const [i, m] of sim.world.mails.entries()) {
      const meta = summary.mails[i];
      const p = await simpleParser(await emlOf(m, FROM));
      out.push({
        kind: meta.kind,
        unit: meta.unit,
        period: meta.period,
        at: meta.at,
        to: meta.to,
        cc: meta.cc,
        subject: p.subject ?? "",
        text: p.text ?? "",
        html: typeof p.html === "string" ? p.html : "",
      });
    }
    const tab = sim.sheet(SPECS.monthly.tab);
    const k = colOf(tab, "Liên kết sửa");
    const editLink = (c: string) => String(tab.values.filter((r) => codeOfLabel(r[3]) === c).pop()?.[k] ?? "");
    return { mails: out, editLink };
  })();
  return cached;
}

/** the one mail of a kind for a unit and period (on a day, when several) */
export function one(all: Got[], kind: string, unitCode: string, period: string, day?: string): Got {
  const found = all.filter((m) => m.kind === kind && m.unit === unitCode && m.period === period && (!day || m.at.startsWith(day)));
  if (found.length !== 1)
    throw new Error(
      `${kind} ${unitCode} ${period} ${day ?? ""}: ${found.length} mails (${all.map((m) => `${m.at.slice(0, 10)} ${m.kind} ${m.unit}`).join("; ")})`,
    );
  return found[0];
}

/** the links of a mail's HTML part, with the text each shows */
export function links(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1].replace(/&amp;/g, "&"), text: m[2] }));
}
