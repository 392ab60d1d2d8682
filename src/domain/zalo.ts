// What staff paste into the chairs' Zalo group: for each period still open to mails, the units that have not sent an
// acceptable report, each with its own link; one message for the group (in parts short enough to paste) and one per
// unit for a private message.
import { viDateTime } from "./dates";
import { REGISTRATION } from "./periods";
import type { Statuses, StatusKind, UnitStatus } from "./status";
import type { Unit } from "./units";
import { daysPastDue, deadlineWords } from "./wording";

/** a unit that still owes the period, and the link that does it */
interface ZaloUnit {
  code: string;
  name: string;
  status: StatusKind;
  link: string;
}

export interface ZaloSection {
  period: string;
  /** “báo cáo tháng 10/2018”, “thông tin đăng ký tài khoản Facebook” */
  work: string;
  /** “trước ngày 24/10/2018” */
  due: string;
  /** days past the due date, as the mails and the overdue settings count them ("Báo trễ hạn sau 1 ngày": 1) */
  daysLate: number;
  /** past the last on-time day (on a "trước ngày" due date itself: late, 0 days past it) */
  late?: boolean;
  units: ZaloUnit[];
  /**
   * the form's own published link, one for the whole group message: a prefilled link per unit is 200 characters and
   * Google shortens only one url per call (Form.shortenFormUrl), so the group gets one link and each unit's code to pick
   */
  formUrl?: string;
}

/** a Zalo message stays short enough to paste and read on a phone */
export const ZALO_PART_CHARS = 1800;

/** ", đã quá hạn 1 ngày" / ", đã quá hạn" / "" as the mails say it on the same day */
function lateWords(sec: ZaloSection): string {
  return sec.daysLate ? `, đã quá hạn ${sec.daysLate} ngày` : sec.late ? ", đã quá hạn" : "";
}

/** does a unit owe the period: nothing arrived, nothing acceptable, or a registration it is asked for before its own
 * deadline (the day's mails ask it too); a report waiting for staff is theirs to decide */
function owingNow(period: string, st: UnitStatus | undefined): "missing" | "invalid" | null {
  if (!st) return null;
  if (st.kind === "missing" || st.kind === "invalid") return st.kind;
  return period === REGISTRATION && st.kind === "exempt" && st.notYetDue ? "missing" : null;
}

/** how the sections speak: a period's work in words, a unit's own link for a period */
interface ZaloWording {
  work: (period: string) => string;
  link: (period: string, u: Unit) => string;
}

/**
 * Units owing each period (nothing arrived, or nothing acceptable); a report waiting for staff is theirs to decide.
 * `today`: the day (yyyy-mm-dd, in the settings' zone) the days late are counted to.
 */
export function zaloSections(statuses: Statuses, periods: string[], units: Unit[], today: string, say: ZaloWording): ZaloSection[] {
  const { work: words, link } = say;
  const out: ZaloSection[] = [];
  for (const period of periods) {
    const map = statuses.byPeriod.get(period);
    const f = statuses.figures.find((x) => x.period === period);
    if (!map || !f) continue;
    const owing: ZaloUnit[] = [];
    for (const u of units) {
      const status = owingNow(period, map.get(u.code));
      if (status) owing.push({ code: u.code, name: u.name, status, link: link(period, u) });
    }
    out.push({
      period,
      work: words(period),
      due: deadlineWords(f.deadline),
      daysLate: daysPastDue(f.deadline, today),
      late: today > f.deadline.lastOnTime,
      units: owing,
    });
  }
  return out;
}

/** a unit the day's quota left without its mail: an invitation, a reminder or an overdue notice */
export interface Unreached {
  code: string;
  period: string;
  kind: string;
}

/** those of `held` that still owe their period, each with its section (its link and message): once per unit and period */
export function unreachedUnits(sections: ZaloSection[], held: Unreached[]): { unit: ZaloUnit; section: ZaloSection; kind: string }[] {
  const owing = new Map<string, { unit: ZaloUnit; section: ZaloSection }>();
  for (const section of sections) for (const unit of section.units) owing.set(`${section.period}|${unit.code}`, { unit, section });
  const out: { unit: ZaloUnit; section: ZaloSection; kind: string }[] = [];
  const seen = new Set<string>();
  for (const h of held) {
    const k = `${h.period}|${h.code}`;
    const found = owing.get(k);
    if (!found || seen.has(k)) continue;
    seen.add(k);
    out.push({ ...found, kind: h.kind });
  }
  return out;
}

/** addressed to the unit's chair by office: the roster's chair may change, the unit's name says who */
function addressee(u: ZaloUnit): string {
  return `Kính gửi đồng chí Chủ tịch ${u.name}`;
}

/** the message for one unit, to send privately */
export function personalMessage(u: ZaloUnit, sec: ZaloSection, org: string): string {
  const what =
    u.status === "invalid"
      ? `${sec.work} đơn vị đã gửi chưa hợp lệ (chỗ cần sửa có trong thư “Đề nghị sửa” gửi về email của đơn vị). Đề nghị đồng chí sửa và gửi lại (hạn ${sec.due}${lateWords(sec)})`
      : lateWords(sec)
        ? `${org} chưa nhận được ${sec.work} của đơn vị (hạn ${sec.due}${lateWords(sec)}). Đề nghị đồng chí gửi ngay`
        : `${org} chưa nhận được ${sec.work} của đơn vị (hạn ${sec.due}). Đề nghị đồng chí gửi`;
  return `${addressee(u)}: ${what} qua đường dẫn riêng của đơn vị: ${u.link} . Trân trọng.`;
}

/** the group's message, in parts of at most `max` characters, each complete in itself */
export function groupMessages(sec: ZaloSection, org: string, asOf: number, tz: string, max = ZALO_PART_CHARS): string[] {
  if (!sec.units.length) return [];
  const head = `[${org}] Kính gửi các đồng chí Chủ tịch CĐCS: đến ${viDateTime(asOf, tz)}, ${org} chưa nhận được ${sec.work} (hạn ${sec.due}${lateWords(sec)}) của các đơn vị dưới đây.${sec.formUrl ? "" : " Đề nghị các đồng chí bấm vào đường dẫn riêng của đơn vị mình để gửi:"}`;
  const one = sec.formUrl;
  const tail = one ? `Đường dẫn gửi: ${one} (chọn đúng mã và tên đơn vị mình ở câu “Đơn vị”). Trân trọng.` : "Trân trọng.";
  const lines = sec.units.map(
    (u, i) =>
      `${i + 1}. ${u.code} – ${u.name}${u.status === "invalid" ? " (đã gửi nhưng chưa hợp lệ, đề nghị sửa)" : ""}${one ? "" : `: ${u.link}`}`,
  );
  const parts: string[][] = [[]];
  let size = head.length + tail.length + 20;
  for (const line of lines) {
    const cur = parts[parts.length - 1];
    if (cur.length && size + line.length + 1 > max) {
      parts.push([]);
      size = head.length + tail.length + 20;
    }
    parts[parts.length - 1].push(line);
    size += line.length + 1;
  }
  return parts.map((p, i) => [parts.length > 1 ? `${head} (phần ${i + 1}/${parts.length})` : head, ...p, tail].join("\n"));
}
