// A form response arrives: stored once (keyed by response id and version), judged, acknowledged. The roster row of
// the unit is found from the index beside the state: a handful of Sheets calls, whatever the roster's size.
import { type FormId, SPECS } from "../../domain/forms";
import { answerFields } from "../../domain/forms/spec";
import { TAB } from "../../domain/layout";
import { versionRow } from "../../domain/rows";
import { rulesOf } from "../../domain/rules";
import { receiptKey, receiptKind } from "../../domain/schedule";
import { checkSettings } from "../../domain/settings";
import type { Unit } from "../../domain/units";
import { urgentText } from "../../domain/urgent";
import type { MailRecord, Ports, Store } from "../../ports";
import { urgentAtSubmit } from "../daily/urgent";
import { immediateReceipt } from "../mail/compose";
import { mailLogRow } from "../mail/ledger";
import { outboxOf } from "../mail/outbox";
import { ensureRunSoon } from "../run/jobs";
import { judge, versionKey } from "./intake";

/** the unit a response names, read from its one roster row */
function unitOf(p: Ports, store: Store, raw: unknown): Unit[] {
  const text = String(raw ?? "").trim();
  const code = text
    .split(/\s+[–—-]\s+/)[0]
    .trim()
    .toUpperCase();
  if (!code) return [];
  const row = p.state.unitRow(code);
  let u = row ? store.readUnitRow(row) : null;
  // the roster moved since the index was made: Sheets finds the row
  if (!u || u.code !== code) {
    const found = store.findRow(TAB.units, 1, code);
    u = found ? store.readUnitRow(found) : null;
  }
  return u ? [u] : [];
}

type Judged = ReturnType<typeof judge>;

/** returns what happened, in a word: stored, duplicate, left (for the reconcile), skipped */
export function handleSubmit(p: Ports, event: unknown): string {
  const started = p.clock.now();
  const { state, journal } = p.state.load();
  const got = p.forms.read(event, state.forms);
  const note = (result: string, detail: string) => {
    p.state.record("run", { job: "Nhận biểu mẫu", result, detail });
    return result;
  };
  // never dropped: whatever is left here, the daily reconcile stores from the form's own record
  const later = (why: string) => note("để lại", `${why}; phản hồi ${got?.response.responseId} được xử lý ở lần chạy hằng ngày.`);
  if (!got) return note("bỏ qua", "Sự kiện gửi biểu mẫu không có câu trả lời.");
  const { form, response: r } = got;
  const s = state.settings;
  if (!s || checkSettings(s).length || !state.spreadsheetId) return later("Chưa có cài đặt hợp lệ");
  const key = versionKey(r.responseId, r.at);
  // the same version again (a redelivered event): the reconcile has compared everything up to its last run, and
  // what this handler stored lately is remembered for hours
  if (r.at <= state.lastReconcile || p.recent.has(key)) return "trùng";
  if (!p.lock.acquire(20000)) return later("Khóa đang bận");
  let j: ReturnType<typeof judge>;
  let urgentNote = "";
  const store = p.open(state.spreadsheetId);
  try {
    if (p.recent.has(key)) return "trùng";
    j = judge(form, r, "form", unitOf(p, store, r.raw.unit), s);
    // a matter that cannot wait: to the leaders and the staff now, whatever the deadline or the sender (Revision 3);
    // sent before the version is stored, so that a run cut off in between leaves the response to the reconcile
    const text = form === "monthly" ? urgentText(j.version.answers) : "";
    if (text) {
      const v = { ...j.version, at: r.at, confirmed: false };
      urgentNote = urgentAtSubmit({ p, store, state, journal }, s, { v, text, unit: j.unit });
    }
    store.appendRows(SPECS[form].tab, [versionRow(SPECS[form], j.version, state.columns?.[form] ?? defaultColumns(form))]);
    p.recent.add([key]);
  } finally {
    p.lock.release();
  }
  if (urgentNote) note("hoãn thư báo cáo khẩn", urgentNote);
  const v = j.version;
  const stored = { ...v, at: r.at, confirmed: false, row: 0, notes: v.notes.join("\n") };
  const kind = receiptKind(stored, s);
  // a paused copy (File → Make a copy of a Sheet that ran a season) mails nobody until staff confirm it
  if (!kind || !r.email || state.paused) return "đã lưu";
  const ctx = {
    s,
    templates: state.templates,
    forms: state.forms,
    link: p.forms.prefilledLink,
    now: r.at,
    rules: rulesOf(s, state.frozen),
  };
  // to the sender and the unit's own addresses; a late receipt is the daily job's (it knows which report counts)
  const c = immediateReceipt(ctx, kind, stored, j.unit, v.answers);
  if (!c) return "đã lưu";
  if ("errors" in c) return note("lỗi mẫu thư", c.errors.join("; "));
  if (p.mailer.remaining() < c.mail.to.length)
    return note("hoãn thư xác nhận", `hết hạn mức gửi thư hôm nay; thư cho ${c.mail.to.join(", ")} gửi ở lần chạy sau.`);
  const rec = receiptRecord(v, kind, j.unit, c.mail);
  // journalled before it goes (a run cut as it goes is settled by the quota the next run finds), then recorded in the
  // ledger itself and the journal entry removed; while the lock is busy the journal keeps the record
  // a run a few minutes on, if none is due: it settles this mail should the handler be cut as it goes
  ensureRunSoon(p);
  const box = outboxOf(p, s, started);
  const out = box.send(c.mail, rec);
  if (!out.ok) return note("hoãn thư xác nhận", `${out.problem}; thư cho ${c.mail.to.join(", ")} gửi ở lần chạy sau.`);
  settle(p, store, box.take());
  return "đã lưu";
}

/** the receipt as the ledger records it */
function receiptRecord(
  v: Judged["version"],
  kind: MailRecord["kind"],
  unit: Judged["unit"],
  mail: { to: string[]; subject: string },
): MailRecord {
  return {
    key: receiptKey(v),
    kind,
    unit: v.unit,
    name: unit?.name,
    period: v.period,
    to: mail.to,
    cc: [],
    subject: mail.subject,
    result: "Đã gửi",
    sent: true,
  };
}

/** a mail sent: into the ledger and out of the journal when the lock is free; otherwise the journal keeps it */
function settle(p: Ports, store: Store, sent: ReturnType<ReturnType<typeof outboxOf>["take"]>): void {
  if (sent && p.lock.acquire(10000)) {
    try {
      store.appendRows(TAB.ledger, [mailLogRow(sent.at, sent.rec)]);
      p.state.write([{ id: sent.id, type: "mail", data: null }]);
      return;
    } catch {
      // the journal keeps it
    } finally {
      p.lock.release();
    }
  }
  if (sent) p.state.write([{ id: sent.id, type: "mail", data: sent.rec, at: sent.at }]);
}

function defaultColumns(form: FormId): string[] {
  return answerFields(SPECS[form]).map((f) => f.key);
}
