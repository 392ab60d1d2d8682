// What a mail to a unit says, for what is true of the unit when it goes: nothing received yet, received but to be
// fixed, waiting for staff to confirm the sender, received on time or late (and that it counts). The templates staff
// edit hold the frame; these sentences fill {{tinh_trang}} and its companions.
import { dayNumber, localDay, viDateTime, viMonthShort } from "./dates";
import type { KindWordedBy } from "./mail-kinds";
import { type Deadline, REGISTRATION } from "./periods";
import type { Settings } from "./settings";
import type { StatusKind, Verdict } from "./status";
import { deadlineWords, overdueWords, timeLeftWords } from "./wording";

/** what is owed, as mails name it: "báo cáo tháng 10/2018", "thông tin đăng ký tài khoản Facebook" */
export function workOf(period: string): string {
  if (period === REGISTRATION) return "thông tin đăng ký tài khoản Facebook";
  // a response whose month could not be read
  return period ? `báo cáo tháng ${viMonthShort(period)}` : "báo cáo tháng";
}

/** what was sent, as a sentence's subject names it: "báo cáo", "thông tin đăng ký" */
function nounOf(period: string): string {
  return period === REGISTRATION ? "thông tin đăng ký" : "báo cáo";
}

/** the button's words: open the unit's own form, or fix what was sent */
export function buttonOf(period: string, edit: boolean): string {
  if (period === REGISTRATION) return edit ? "Sửa thông tin đăng ký" : "Mở biểu mẫu đăng ký";
  return `${edit ? "Sửa" : "Mở biểu mẫu"} ${workOf(period)}`;
}

/** how a report came: "qua biểu mẫu", "bằng văn bản giấy", "qua email", "qua tin nhắn" */
export function channelWords(channel: string): string {
  return { form: "qua biểu mẫu", paper: "bằng văn bản giấy", email: "qua email", message: "qua tin nhắn" }[channel] ?? `qua ${channel}`;
}

/** the kinds whose sentences are written here (the others are composed by the run that sends them) */
type WordedKind = KindWordedBy<"owed" | "response">;

export interface MailFacts {
  kind: WordedKind;
  period: string;
  /** the local day the mail is written */
  today: string;
  /** the deadline the unit is held to for the period (none for a response whose month could not be read) */
  deadline?: Deadline;
  /** unit mails: the unit's status (missing, invalid, unverified) */
  status?: StatusKind;
  /** the version a receipt is about, or that stands for a unit whose report needs fixing or waits */
  version?: { at: number; channel: string; email: string; verdict: Verdict; confirmed: boolean; rejected?: boolean };
  /** a response staff rejected: why, as staff wrote it (may be empty) */
  reason?: string;
  /** the report the unit is counted by, when known (a receipt for a later version says the first one counts) */
  counted?: { at: number; daysLate: number };
  /** what to fix, each naming the question as the form shows it and quoting what was typed */
  errors: string[];
  /** the answers received, one line each: "question: answer" */
  answers: string[];
  /** the mail's link fixes the report already sent (its edit link), rather than opening a new one */
  editLink: boolean;
}

interface MailWords {
  tinh_trang: string;
  tinh_trang_ngan: string;
  viec_can_lam: string;
  chi_tiet: string;
  con_lai: string;
}

const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

/** the sentences of a mail, from the facts of the unit it goes to */
export function mailWords(f: MailFacts, s: Settings): MailWords {
  const org = s.orgShort;
  const desk = s.deskName;
  const work = workOf(f.period);
  const noun = nounOf(f.period);
  const d = f.deadline ?? { due: f.today, lastOnTime: f.today };
  const han = f.deadline ? deadlineWords(d) : "";
  const left = f.deadline ? timeLeftWords(d, f.today) : "";
  const past = !!f.deadline && f.today > d.lastOnTime;
  const v = f.version;
  const at = v ? viDateTime(v.at, s.timeZone) : "";
  const fix = f.errors.length ? `Nội dung cần sửa:\n${f.errors.map((e) => `- ${e}`).join("\n")}` : "";
  const got = f.answers.length ? `Nội dung đã nhận:\n${f.answers.map((a) => `- ${a}`).join("\n")}` : "";
  // by when: "trước ngày 24/10/2018 (còn 5 ngày)", or past it
  const when = !f.deadline ? "" : past ? `; hạn nộp là ${han}, ${overdueWords(d, f.today)}` : `, ${han} (${left})`;
  const count = f.errors.length ? `${f.errors.length} nội dung cần sửa (kê dưới đây)` : "nội dung cần sửa";
  const words = (tinh_trang: string, ngan: string, can: string, chi_tiet = ""): MailWords => ({
    tinh_trang,
    tinh_trang_ngan: ngan,
    viec_can_lam: `${can} ${work}`,
    chi_tiet,
    con_lai: left,
  });
  if (f.kind === "receipt") return words(receiptText(f, s, work, han, at), "Đã nhận", "nộp", got);
  if (f.kind === "invalid" && v?.rejected) {
    // the one thing that works: send again from the unit's own address, or reply (an edit would come from the same one)
    const why = f.reason?.trim() ? ` Lý do: ${f.reason.trim().replace(/[.\s]+$/, "")}.` : "";
    const what = `${desk} chưa ghi nhận ${work} gửi ${channelWords(v.channel)}${at ? ` lúc ${at}` : ""} từ địa chỉ ${v.email || "không rõ"}: địa chỉ này không có trong danh sách email của đơn vị và ${desk} không xác nhận được đây là ${noun} của đơn vị.${why}`;
    const ask = `Nếu đúng là ${noun} của đơn vị, đề nghị đồng chí gửi lại từ email của đơn vị qua biểu mẫu riêng của đơn vị${when}, hoặc trả lời thư này để ${desk} bổ sung email của đơn vị vào danh sách.`;
    const next = ` Khi nhận được ${noun} gửi lại từ email của đơn vị, ${desk} ${s.receipts ? "sẽ gửi thư xác nhận đã nhận" : "sẽ ghi nhận ngay"}.`;
    return words(`${what} ${ask}${next}`, "Chưa ghi nhận", "gửi lại", "");
  }
  if (f.kind === "invalid") {
    const what = `${org} đã nhận ${work} gửi ${channelWords(v?.channel ?? "form")}${at ? ` lúc ${at}` : ""} nhưng chưa ghi nhận được vì còn ${count}.`;
    const keep = f.counted ? ` ${cap(noun)} đơn vị gửi trước đó vẫn được giữ nguyên cho đến khi có bản sửa hợp lệ.` : "";
    const ask = f.editLink
      ? `Đề nghị đồng chí sửa ngay trên bản đã gửi bằng nút dưới đây${when}.`
      : `Đề nghị đồng chí gửi lại qua biểu mẫu${when}.`;
    const next = ` Khi nhận được bản sửa hợp lệ, ${desk} ${s.receipts ? "sẽ gửi thư xác nhận đã nhận" : "sẽ ghi nhận ngay"}.`;
    return words(`${what}${keep} ${ask}${next}`, "Cần sửa", "sửa", fix);
  }
  // invitations, reminders, overdue notices: what the unit still owes
  if (f.status === "invalid") {
    const what = v
      ? `${org} đã nhận ${work} của đơn vị gửi lúc ${at} nhưng chưa ghi nhận được vì còn ${count}.`
      : `${org} đã nhận ${work} của đơn vị nhưng chưa ghi nhận được vì còn nội dung cần sửa.`;
    const ask = f.editLink
      ? `Đề nghị đồng chí Chủ tịch sửa ngay trên bản đã gửi bằng nút dưới đây${when}.`
      : `Đề nghị đồng chí Chủ tịch sửa theo đường dẫn trong thư “Cần sửa” đã gửi, hoặc gửi lại qua biểu mẫu riêng của đơn vị dưới đây${when}.`;
    return words(`${what} ${ask}`, "Cần sửa", "sửa", fix);
  }
  if (f.status === "unverified") {
    // the report is there; the one thing missing is who sent it: never "overdue", never "send it again"
    const what = v
      ? `${org} đã nhận ${work} gửi lúc ${at} từ địa chỉ ${v.email || "không rõ"}; địa chỉ này chưa có trong danh sách email của đơn vị nên ${noun} đang chờ ${desk} xác nhận người gửi.`
      : `${org} đã nhận ${work} của đơn vị từ một địa chỉ email chưa có trong danh sách email của đơn vị; ${noun} đang chờ ${desk} xác nhận người gửi.`;
    const inTime = v && f.deadline && localDay(v.at, s.timeZone) <= d.lastOnTime;
    const counts = inTime
      ? `${cap(noun)} đã đến trong hạn: khi được xác nhận, ${noun} được tính đúng hạn, từ thời điểm gửi.`
      : `Khi được xác nhận, ${noun} được tính từ thời điểm gửi.`;
    const ask = `Nếu đúng là ${noun} của đơn vị, đồng chí Chủ tịch chỉ cần trả lời thư này từ email của đơn vị để xác nhận, hoặc chờ ${desk} xác nhận; đơn vị không cần gửi lại ${noun}. ${counts} Nếu đơn vị không gửi ${noun} này, đề nghị trả lời thư này để ${desk} biết.`;
    return words(`${what} ${ask}`, "Chờ xác nhận người gửi", "xác nhận người gửi", "");
  }
  return OWED_WORDS[f.kind]({ org, work, noun, han, left, overdue: overdueWords(d, f.today) }, words);
}

interface Owed {
  org: string;
  work: string;
  noun: string;
  han: string;
  left: string;
  overdue: string;
}

/** what each kind worded "owed" says to a unit that has sent nothing yet: one entry per such kind */
const OWED_WORDS = {
  invite: (o, w) =>
    w(
      `${o.org} đề nghị đồng chí Chủ tịch đăng ký tài khoản Facebook và nhóm ẩn danh của đơn vị ${o.han} (${o.left}) qua biểu mẫu riêng của đơn vị dưới đây.`,
      "Chưa nhận",
      "nộp",
    ),
  reminder: (o, w) =>
    w(
      `Đến nay ${o.org} chưa nhận được ${o.work} của đơn vị. Đề nghị đồng chí Chủ tịch gửi ${o.han} (${o.left}) qua biểu mẫu riêng của đơn vị dưới đây.`,
      "Chưa nhận",
      "nộp",
    ),
  overdue: (o, w) =>
    w(
      `Đến nay ${o.org} chưa nhận được ${o.work} của đơn vị; hạn nộp là ${o.han}, ${o.overdue}. Đề nghị đồng chí Chủ tịch quan tâm gửi sớm qua biểu mẫu riêng của đơn vị dưới đây; ${o.noun} gửi sau hạn vẫn được ghi nhận là đã nộp (trễ hạn).`,
      "Chưa nhận",
      "nộp",
    ),
} satisfies Record<KindWordedBy<"owed">, (o: Owed, w: (tinh_trang: string, ngan: string, can: string) => MailWords) => MailWords>;

/** a receipt: what arrived, how, when, and whether it counts on time, late (by how much), or waits for staff */
function receiptText(f: MailFacts, s: Settings, work: string, han: string, at: string): string {
  const org = s.orgShort;
  const desk = s.deskName;
  const noun = nounOf(f.period);
  const v = f.version;
  if (!v) return `${org} đã nhận ${work} của đơn vị.`;
  const how = channelWords(v.channel);
  if (v.verdict === "unverified" && !v.confirmed) {
    return `${org} đã nhận ${work} gửi ${how} lúc ${at} từ địa chỉ ${v.email || "không rõ"}. Địa chỉ này chưa có trong danh sách email của đơn vị nên ${noun} đang chờ ${desk} xác nhận; khi được xác nhận, ${noun} được tính từ thời điểm gửi. Thư này gửi tới người gửi và tới email của đơn vị: nếu đơn vị không gửi ${noun} này, đề nghị đồng chí trả lời thư này để ${desk} biết.`;
  }
  const confirmed = v.channel === "form" && v.confirmed;
  const head = confirmed
    ? `${desk} đã xác nhận ${work} gửi ${how} lúc ${at} từ địa chỉ ${v.email || "không rõ"} là ${noun} của đơn vị.`
    : `${org} đã nhận ${work} của đơn vị ${how} lúc ${at}.`;
  // an earlier report counts: this one updates its content, never its timeliness
  const c = f.counted;
  const own = f.deadline ? Math.max(0, dayNumber(localDay(v.at, s.timeZone)) - dayNumber(f.deadline.lastOnTime)) : 0;
  const n = c ? c.daysLate : own;
  let when: string;
  if (c && c.at < v.at) {
    when = `Đây là bản cập nhật: nội dung mới thay cho nội dung trước. ${cap(noun)} của đơn vị vẫn được tính ${c.daysLate ? `trễ hạn ${c.daysLate} ngày` : "đúng hạn"} theo lần nộp đầu lúc ${viDateTime(c.at, s.timeZone)}.`;
  } else if (n > 0) {
    when = `${cap(noun)} gửi sau hạn (${han}) ${n} ngày; ${noun} vẫn được ghi nhận và tính là đã nộp, trễ hạn ${n} ngày.`;
  } else when = han ? `${cap(noun)} được ghi nhận đúng hạn (hạn nộp ${han}).` : "";
  const next =
    v.channel === "form"
      ? "Nếu cần bổ sung, điều chỉnh, đồng chí sửa ngay trên bản đã gửi bằng nút dưới đây, không cần gửi bản mới."
      : `Nếu cần điều chỉnh, đề nghị đồng chí liên hệ ${desk}.`;
  const later = confirmed
    ? ` Để lần sau ${noun} được ghi nhận ngay, đề nghị gửi từ email của đơn vị, hoặc đề nghị ${desk} bổ sung địa chỉ trên vào danh sách.`
    : "";
  return [head, when, next].filter(Boolean).join(" ") + later;
}
