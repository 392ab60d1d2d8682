// Who runs the product. One account, the owner, holds the triggers that do the work (Google runs a trigger as the
// account that made it, and shows it to no one else). Every other staff account that has authorised the product (run
// setup or a menu action as itself) holds one light watchdog trigger: an hour after the daily run it looks whether the
// owner's run happened. When it did not, the watchdog tells the staff and takes over under the script lock, so that an
// owner who leaves the federation stops nothing for more than an hour. The owner's old triggers, if they ever fire
// again, stand down.
import { addDays, instantOf, localDay, viDate, viDateTime } from "../../domain/dates";
import { FORM_IDS } from "../../domain/forms";
import { say } from "../../domain/problems";
import { fail, ok, type Result } from "../../domain/result";
import type { Settings } from "../../domain/settings";
import type { FormRef, MailRecord, Ports, StaffAccount, State } from "../../ports";
import { compose } from "../mail/mails";
import { outboxOf } from "../mail/outbox";

/** a daily run later than this after its hour counts as not having happened (Google fires clock triggers within ±15 min) */
const GRACE_MS = 30 * 60000;
/** an account whose code has not run for this long is not counted among the staff still there */
const GONE_MS = 2 * 86400000;

export const DAILY_BEAT = "daily";

/** the instant of the daily run the owner should last have made, at or before `now` */
function lastDailyRun(now: number, s: Settings): number {
  const today = localDay(now, s.timeZone);
  const at = instantOf(today, s.timeZone, s.dailyRunHour);
  return at <= now ? at : instantOf(addDays(today, -1), s.timeZone, s.dailyRunHour);
}

/** the owner's daily run that should have happened by now did not (since it became the owner) */
export function ownerStale(state: State, beats: ReturnType<Ports["state"]["beats"]>, now: number): { since: number } | null {
  const s = state.settings;
  if (!s || !state.triggerOwner || !state.spreadsheetId) return null;
  const due = lastDailyRun(now, s);
  if (due < (state.ownerSince ?? 0) || now < due + GRACE_MS) return null;
  const beat = beats[DAILY_BEAT];
  const ran = beat && beat.by === state.triggerOwner ? beat.at : 0;
  return ran >= due - GRACE_MS ? null : { since: Math.max(ran, state.ownerSince ?? 0) };
}

/** what staff read while a copy is paused (setup, the run log, the sidebar) */
export const PAUSED_NOTE = say({ code: "paused" });

/** staff confirm a paused copy's roster and dates: from now on it mails as any Sheet does (what is said of it) */
export function resume(p: Ports): Result<string> {
  if (!p.lock.acquire(30000)) return fail({ code: "busy" });
  try {
    const { state } = p.state.load();
    if (!state.paused) return ok("Hệ thống đang gửi thư bình thường.");
    p.state.save({ paused: undefined });
    p.state.record("run", {
      job: "Bắt đầu gửi thư",
      result: "xong",
      detail: `Tài khoản ${p.effectiveUser()} xác nhận danh sách đơn vị và các mốc ngày của bản sao: từ lần chạy hằng ngày tới, hệ thống gửi thư.`,
    });
    return ok("Đã xác nhận. Từ lần chạy hằng ngày tới (hoặc khi gửi thư nhắc ngay), hệ thống gửi thư cho các đơn vị trong danh sách này.");
  } finally {
    p.lock.release();
  }
}

/** who the reports' folder is shared with: the staff edit, the leaders read */
export function shareOf(s: Settings, owner: string): { writers: string[]; readers: string[] } {
  return { writers: [owner, ...s.staffEmails].map((e) => e.toLowerCase()), readers: s.rollupTo.map((e) => e.toLowerCase()) };
}

const watchKey = (s: Settings) => `${s.dailyRunHour}@${s.timeZone}`;

/**
 * An account that acts (setup, a menu action, the sidebar) is recorded as staff that has authorised, and holds a
 * watchdog trigger unless it is the owner. Cheap when nothing changed: one property written a day at most.
 */
export function authorise(p: Ports): void {
  const me = p.effectiveUser();
  if (!me) return;
  const { state } = p.state.load();
  const s = state.settings;
  const mine = p.state.accounts()[me];
  const now = p.clock.now();
  const next: StaffAccount = { since: mine?.since ?? now, seen: now, watch: mine?.watch };
  if (s && state.triggerOwner && state.triggerOwner !== me && next.watch !== watchKey(s)) {
    p.triggers.ensureWatch(s.dailyRunHour, s.timeZone, watchKey(s), next.watch);
    next.watch = watchKey(s);
  }
  if (!mine || next.watch !== mine.watch || localDay(mine.seen, "UTC") !== localDay(now, "UTC")) p.state.account(me, next);
}

/**
 * The start of a run of the owner's triggers: the owner's records its beat; another account's trigger (an owner that
 * was replaced) stands down: its triggers of the owner's work go, and it keeps a watchdog like any staff account.
 * Returns false when the run must not go on.
 */
export function ownerRun(p: Ports, job: string, beat?: string): boolean {
  const { state } = p.state.load();
  const me = p.effectiveUser();
  const owner = state.triggerOwner;
  if (!state.spreadsheetId || !owner || owner === me) {
    if (beat && owner === me) p.state.beat(beat, { at: p.clock.now(), by: me });
    return true;
  }
  const n = p.triggers.drop("owner");
  const s = state.settings;
  const mine = p.state.accounts()[me];
  if (s && mine) {
    p.triggers.ensureWatch(s.dailyRunHour, s.timeZone, watchKey(s), mine.watch);
    p.state.account(me, { ...mine, seen: p.clock.now(), watch: watchKey(s) });
  }
  p.state.record("run", {
    job,
    result: "bỏ qua",
    detail: `Tài khoản ${me} không còn là tài khoản vận hành (nay là ${owner}): gỡ ${n} trình kích hoạt của tài khoản này.`,
  });
  return false;
}

/** staff accounts still there that have authorised (and are not `except`), for an alert */
export function staffToTell(p: Ports, state: State, except: string[]): string[] {
  const now = p.clock.now();
  const accounts = p.state.accounts();
  const listed = new Set((state.settings?.staffEmails ?? []).map((e) => e.toLowerCase()));
  return Object.entries(accounts)
    .filter(([email, a]) => !except.includes(email) && (listed.has(email) || email === state.triggerOwner) && now - a.seen < GONE_MS)
    .map(([email]) => email)
    .sort();
}

interface AlertText {
  /** a short name of what happened, for the subject */
  what: string;
  /** what is so, in a sentence or two */
  state: string;
  /** what staff do, one step a line */
  todo: string[];
  detail?: string[];
}

/**
 * An `alert` mail to staff, once per key (recorded in the journal, which the logs keep). Sent as the account running.
 * Returns whether it went. Every alert the product sends goes through here (the owner's runs missing, the reports
 * waiting for staff to confirm their sender).
 */
export function alertStaff(p: Ports, state: State, key: string, to: string[], text: AlertText): boolean {
  const s = state.settings;
  // a paused copy mails nobody, staff included (they are the original's)
  if (!s || !to.length || state.paused) return false;
  const sent = p.state.load().journal.some((e) => e.type === "mail" && (e.data as MailRecord).key === key && (e.data as MailRecord).sent);
  if (sent || state.alerts?.includes(key)) return false;
  const c = compose(
    "alert",
    state.templates,
    {
      to_chuc: s.orgShort,
      bo_phan: s.deskName,
      viec: text.what,
      tinh_trang: text.state,
      viec_can_lam_cb: text.todo.map((t, i) => `${i + 1}. ${t}`).join("\n"),
      chi_tiet: text.detail ?? [],
      lien_ket: state.sheetUrl ?? "",
    },
    { to },
    { lien_ket: "Mở bảng tính báo cáo" },
  );
  if ("errors" in c) {
    p.state.record("run", { job: "Cảnh báo", result: "lỗi mẫu thư", detail: c.errors.join("; ") });
    return false;
  }
  const rec: MailRecord = { key, kind: "alert", unit: "", period: "", to, cc: [], subject: c.mail.subject, result: "Đã gửi", sent: true };
  if (p.mailer.remaining() < to.length) {
    p.state.record("mail", { ...rec, sent: false, result: "Lỗi: hết hạn mức gửi thư hôm nay" });
    return false;
  }
  const box = outboxOf(p, s);
  if (!box.send(c.mail, rec).ok) return false;
  box.close();
  state.alerts = [...(state.alerts ?? []).slice(-50), key];
  p.state.save({ alerts: state.alerts });
  return true;
}

/**
 * This account becomes the owner: its own triggers for the owner's work (the old owner's stand down if they ever fire),
 * no watchdog of its own. Under the script lock (the caller holds it). `how`: a staff member chose it, or a watchdog
 * found the owner's run missing.
 */
function becomeOwner(p: Ports, state: State, how: "menu" | "watchdog"): { old: string; changes: string[] } {
  const me = p.effectiveUser();
  const s = state.settings as Settings;
  const old = state.triggerOwner ?? "";
  const ids = FORM_IDS.map((f) => state.forms[f])
    .filter((f): f is FormRef => !!f)
    .map((f) => f.id);
  const t = p.triggers.ensure(ids, state.spreadsheetId, s.dailyRunHour, s.timeZone, undefined);
  p.triggers.drop("watch");
  const now = p.clock.now();
  const patch: Partial<State> = { triggerOwner: me, ownerSince: now, hourKey: t.hourKey };
  Object.assign(state, patch);
  p.state.save(patch);
  const mine = p.state.accounts()[me];
  p.state.account(me, { since: mine?.since ?? now, seen: now });
  const why = how === "watchdog" ? "tự nhận vì lần chạy hằng ngày của tài khoản cũ không diễn ra" : "cán bộ chọn Nhận vận hành";
  p.state.record("run", {
    job: "Nhận vận hành",
    result: "xong",
    detail: [`Tài khoản ${me} nhận vận hành thay tài khoản ${old || "(chưa ghi)"} (${why}).`, ...t.changes].join("\n"),
  });
  return { old, changes: t.changes };
}

/** what the watchdog found: nothing set up, this account the owner already, the owner's runs on time, the lock held
 * by another run, or the owner's runs missing and this account now the owner */
type WatchOutcome = "not-set-up" | "owner" | "fine" | "busy" | "took-over";

/** the watchdog: the owner's daily run missing since `since` → staff told, and this account takes over */
export function watch(p: Ports): WatchOutcome {
  const me = p.effectiveUser();
  const { state } = p.state.load();
  const s = state.settings;
  if (!s || !state.spreadsheetId) return "not-set-up";
  if (me === state.triggerOwner) {
    p.triggers.drop("watch");
    return "owner";
  }
  authorise(p);
  if (!ownerStale(state, p.state.beats(), p.clock.now())) return "fine";
  if (!p.lock.acquire(30000)) return "busy";
  let old = "";
  let since = 0;
  try {
    const fresh = p.state.load().state;
    const stale = ownerStale(fresh, p.state.beats(), p.clock.now());
    if (!stale || fresh.triggerOwner === me) return "fine";
    since = stale.since;
    old = becomeOwner(p, fresh, "watchdog").old;
    const day = localDay(p.clock.now(), s.timeZone);
    alertStaff(p, fresh, `alert|owner|${old}|${day}`, staffToTell(p, fresh, [old]), {
      what: `hệ thống báo cáo CĐCS đã đổi tài khoản vận hành`,
      state: `Lần chạy hằng ngày lúc ${s.dailyRunHour} giờ ngày ${viDate(localDay(lastDailyRun(p.clock.now(), s), s.timeZone))} của tài khoản ${old} không diễn ra${since ? ` (lần chạy cuối: ${viDateTime(since, s.timeZone)})` : ""}: có thể tài khoản này đã rời đi, bị khóa hoặc hết quyền. Tài khoản ${me} đã tự nhận vận hành lúc ${viDateTime(p.clock.now(), s.timeZone)} và chạy ngay phần việc hằng ngày (lưu các báo cáo đã đến, gửi các thư đến hạn); không báo cáo nào bị mất, không thư nào gửi hai lần.`,
      todo: [
        `Kiểm tra tài khoản ${old}: nếu đã nghỉ, xóa tài khoản này khỏi ô “Tài khoản cán bộ dùng hệ thống” trong trang Cài đặt.`,
        `Nếu muốn tài khoản khác vận hành, người đó mở bảng tính, chọn Báo cáo CĐCS → Nhận vận hành.`,
        "Mở bảng tính, chọn Báo cáo CĐCS → Kiểm tra hệ thống để xem mọi mục đều Đạt.",
      ],
    });
  } finally {
    p.lock.release();
  }
  return "took-over";
}

/** staff choose "Nhận vận hành": this account becomes the owner now (any staff account listed in the settings) */
export function takeOver(p: Ports): Result<string> {
  const me = p.effectiveUser();
  if (!p.lock.acquire(30000)) return fail({ code: "busy" });
  try {
    const { state } = p.state.load();
    const s = state.settings;
    if (!state.spreadsheetId || !s) return fail({ code: "not-set-up" });
    const listed = s.staffEmails.map((e) => e.toLowerCase());
    if (!listed.includes(me) && me !== state.triggerOwner) return fail({ code: "not-staff", account: me });
    if (me === state.triggerOwner) {
      const t = becomeOwner(p, state, "menu");
      return ok([`Tài khoản ${me} đang là tài khoản vận hành.`, ...t.changes].join("\n"));
    }
    const { old } = becomeOwner(p, state, "menu");
    alertStaff(p, state, `alert|takeover|${me}|${p.clock.now()}`, staffToTell(p, state, [old, me]), {
      what: `tài khoản ${me} nhận vận hành hệ thống báo cáo CĐCS`,
      state: `Từ ${viDateTime(p.clock.now(), s.timeZone)}, các lần chạy tự động (nhận biểu mẫu, chạy hằng ngày, gửi thư) do tài khoản ${me} thực hiện, thay tài khoản ${old}.`,
      todo: ["Không cần làm gì thêm. Nếu không phải do đồng chí hoặc đồng nghiệp chọn, báo ngay người phụ trách kỹ thuật."],
    });
    return ok(
      `Tài khoản ${me} đã nhận vận hành thay ${old}. Hệ thống chạy ngay phần việc hằng ngày: lưu các báo cáo đến trong thời gian gián đoạn và gửi các thư còn nợ (không thư nào gửi hai lần).`,
    );
  } finally {
    p.lock.release();
  }
}
