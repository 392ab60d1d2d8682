// Reports waiting for staff (scenario Revision 3): a response from an address the roster does not hold is neither late
// nor missing; its unit is asked for the one thing missing, and the staff are reminded of what waits for them: one
// `alert` a day at most, on the days such a unit is asked, listing every response waiting and where to confirm it.
import { localDay, viDateTime } from "../../domain/dates";
import { unitLabel } from "../../domain/layout";
import { workOf } from "../../domain/mail-text";
import type { DueMail } from "../../domain/schedule";
import type { Settings } from "../../domain/settings";
import type { Run } from "../run/context";
import { alertStaff } from "../run/owner";
import type { Computed, Reading } from "./statuses";

/** the staff accounts the settings list; the account running when the list is empty */
function staffOf(s: Settings, running: string): string[] {
  const listed = s.staffEmails.map((e) => e.trim().toLowerCase()).filter(Boolean);
  return [...new Set(listed.length ? listed : running ? [running.toLowerCase()] : [])];
}

export function tellWaiting(r: Run, read: Reading, due: DueMail[], computed: Computed): string[] {
  const { s, units, windows } = read;
  const versions = [...windows.registration.versions, ...windows.monthly.versions];
  const asked = due.filter((d) => d.kind === "reminder" && d.status === "unverified");
  if (!asked.length) return [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byRow = new Map(versions.map((v) => [`${v.responseId}|${v.row}`, v]));
  const lines: string[] = [];
  for (const period of computed.live) {
    for (const [code, st] of computed.statuses.byPeriod.get(period) ?? []) {
      if (st.kind !== "unverified") continue;
      const v = st.responseId && st.contentRow ? byRow.get(`${st.responseId}|${st.contentRow}`) : undefined;
      const when = st.at ? ` gửi lúc ${viDateTime(st.at, s.timeZone)}` : "";
      const from = v?.email ? ` từ ${v.email}` : "";
      lines.push(`${unitLabel(code, byCode.get(code)?.name)}: ${workOf(period)}${when}${from} (mã phản hồi ${st.responseId ?? "?"})`);
    }
  }
  if (!lines.length) return [];
  const today = localDay(r.now, s.timeZone);
  const to = staffOf(s, r.state.triggerOwner ?? r.p.effectiveUser());
  const sent = alertStaff(r.p, r.state, `alert|waiting|${today}`, to, {
    what: `${lines.length} báo cáo chờ xác nhận người gửi`,
    state: `Đến ${viDateTime(r.now, s.timeZone)}, ${lines.length} báo cáo đã đến từ địa chỉ email chưa có trong danh sách email của đơn vị và đang chờ cán bộ xác nhận người gửi. Các đơn vị này không bị tính chưa nộp hay trễ hạn trong khi chờ: hôm nay các đơn vị được đề nghị trả lời thư từ email của đơn vị để xác nhận. Khi cán bộ xác nhận, báo cáo được tính từ thời điểm gửi (đến trong hạn thì đúng hạn).`,
    todo: [
      "Mở bảng tính, chọn Báo cáo CĐCS → Xác nhận hoặc từ chối người gửi…",
      "Với từng báo cáo: nếu đúng của đơn vị (đơn vị đã trả lời thư từ email của đơn vị, hoặc cán bộ đã gọi điện xác minh), bấm Xác nhận; nếu không phải, bấm Từ chối và ghi lý do.",
      "Nếu địa chỉ gửi là email mới của đơn vị, bổ sung vào cột Email ở trang Đơn vị để lần sau báo cáo được ghi nhận ngay.",
    ],
    detail: lines,
  });
  return sent ? [`Đã nhắc cán bộ ${lines.length} báo cáo chờ xác nhận người gửi.`] : [];
}
