// A form response arrives: stored once (keyed by response id and version), judged, acknowledged.
import { SPECS } from "../domain/forms";
import { REGISTRATION } from "../domain/periods";
import { checkSettings } from "../domain/settings";
import { judge } from "./intake";
import { compose, receiptValues } from "./mails";
import type { MailRecord, Ports } from "./ports";
import { versionRow } from "./rows";

/** returns what happened, in a word: stored, duplicate, left (for the reconcile), skipped */
export function handleSubmit(p: Ports, event: unknown): string {
  const { state } = p.state.load();
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
  if (!p.lock.acquire(20000)) return later("Khóa đang bận");
  let j: ReturnType<typeof judge>;
  try {
    const store = p.open(state.spreadsheetId);
    if (store.hasKey(form, `${r.responseId}@${r.at}`)) return "trùng"; // the same version again: a redelivered event
    j = judge(form, r, "form", store.readUnits().units, s);
    store.appendVersion(form, versionRow(SPECS[form], j.version));
  } finally {
    p.lock.release();
  }
  if (!s.receipts || !r.email) return "đã lưu";
  const v = j.version;
  const kind = v.verdict === "invalid" ? "invalid" : "receipt";
  const c = compose(
    kind,
    state.templates,
    receiptValues(s, v.period || REGISTRATION, j.unit, r.at, "form", v.verdict, j.errors, r.editUrl),
    [r.email],
  );
  if ("errors" in c) return note("lỗi mẫu thư", c.errors.join("; "));
  try {
    if (p.mailer.remaining() < 1) throw new Error("hết hạn mức gửi thư hôm nay");
    p.mailer.send(c.mail, s);
  } catch (e) {
    return note("hoãn thư xác nhận", `${String((e as Error).message)}; thư cho ${r.email} gửi ở lần chạy sau.`);
  }
  // recorded right after the send: a crash between the two can repeat this one receipt, never lose it
  const rec: MailRecord = {
    key: `receipt|${v.key}`,
    kind,
    unit: v.unit,
    period: v.period,
    to: [r.email],
    cc: [],
    subject: c.mail.subject,
    result: "Đã gửi",
    sent: true,
  };
  p.state.record("mail", rec);
  return "đã lưu";
}
