// The Zalo tab: the units still owing each period open to mails, with their own links and the messages staff paste
// into the chairs' group. Written by the daily job from the statuses it has just computed (one block write).
import { localDay, viDateTime } from "../../domain/dates";
import { TAB, unitLabel } from "../../domain/layout";
import { kindLabel } from "../../domain/mail-kinds";
import { workOf } from "../../domain/mail-text";
import { REGISTRATION } from "../../domain/periods";
import type { Settings } from "../../domain/settings";
import { STATUS_LABEL, type Statuses } from "../../domain/status";
import { hash, safeCell } from "../../domain/text";
import type { Unit } from "../../domain/units";
import { groupMessages, personalMessage, type Unreached, unreachedUnits, type ZaloSection, zaloSections } from "../../domain/zalo";
import type { LinkCell } from "../../ports";
import { formOf, unitLink } from "../mail/mails";
import { heldToday } from "../mail/send";
import type { Run } from "../run/context";

const ZALO_HEADER = ["Đơn vị", "Tin nhắn", "Tình trạng", "Đường dẫn nộp"];
/** what a unit's link cell shows: the 200-character prefilled link is behind it, as in the roster */
const LINK_LABEL = "Mở biểu mẫu";
/** the links' column, and the first row under the header (the units' rows are all below it) */
const LINK_COL = ZALO_HEADER.length;
const FIRST_ROW = 4;
const GROUP_LABEL = "Tin nhắn gửi nhóm";
/** the heading of the block of units the day's quota left without their mail: a later view finds the block by it */
const UNREACHED_HEADING = "CHƯA GỬI ĐƯỢC THƯ HÔM NAY";

const UNIT_KINDS = new Set(["invite", "reminder", "overdue"]);

/**
 * The units the day's mail quota left without their invitation, reminder or overdue notice (from the keys the sending
 * runs kept beside the queue); they go on the next days, and staff can reach them through Zalo today.
 */
export function notReachedToday(r: Run, s: Settings): Unreached[] {
  const out: Unreached[] = [];
  for (const key of heldToday(r, s.timeZone)) {
    const [kind, period, code] = key.split("|");
    if (UNIT_KINDS.has(kind) && code) out.push({ kind, period, code });
  }
  return out;
}

/** the sections of the periods mails can still be about (`live`: registration and the live months, newest first) */
export function zaloOf(r: Run, s: Settings, units: Unit[], statuses: Statuses, live: string[]): ZaloSection[] {
  const order = [...live.filter((p) => p !== REGISTRATION), ...live.filter((p) => p === REGISTRATION)];
  const link = (period: string, u: Unit) => unitLink(r.state.forms, period, u, r.p.forms.prefilledLink);
  // the group's message carries the form's own link once (see ZaloSection.formUrl)
  return zaloSections(statuses, order, units, localDay(r.now, s.timeZone), { work: workOf, link }).map((sec) => ({
    ...sec,
    formUrl: r.state.forms[formOf(sec.period)]?.publishedUrl || undefined,
  }));
}

/** a row of the tab, as wide as its header */
const line = (...cells: string[]): string[] => [...cells, ...Array(ZALO_HEADER.length).fill("")].slice(0, ZALO_HEADER.length);

/**
 * The tab's rows: first the units the quota left without today's mail (when there are), then a heading per period,
 * the group's message (in parts), then each unit with its private message
 */
function zaloRows(sections: ZaloSection[], s: Settings, asOf: number, held: Unreached[]): unknown[][] {
  const rows: unknown[][] = [
    line(`NHẮC QUA ZALO – cập nhật lúc ${viDateTime(asOf, s.timeZone)}`),
    line(
      "Cách dùng",
      "Chép ô “Tin nhắn gửi nhóm” (hoặc bấm Chép ở Báo cáo CĐCS → Danh sách nhắc qua Zalo) rồi dán vào nhóm Zalo các Chủ tịch CĐCS. Tin nhắn riêng của từng đơn vị ở cột “Tin nhắn”. Danh sách tự cập nhật mỗi ngày.",
    ),
    ZALO_HEADER,
  ];
  const unreached = unreachedUnits(sections, held);
  if (unreached.length) {
    rows.push(
      line(),
      line(
        `${UNREACHED_HEADING}: ${unreached.length} đơn vị`,
        "Hạn mức gửi thư của Google trong ngày đã hết trước khi gửi tới các đơn vị dưới đây. Thư của họ tự gửi vào những ngày sau; hôm nay hãy nhắn riêng cho từng đơn vị qua Zalo.",
      ),
    );
    for (const { unit, section, kind } of unreached)
      rows.push([
        unitLabel(unit.code, unit.name),
        personalMessage(unit, section, s.orgShort),
        `Chưa nhận: ${kindLabel(kind).toLowerCase()}`,
        unit.link,
      ]);
  }
  const open = sections.filter((x) => x.units.length);
  if (!open.length) rows.push(line("Không còn đơn vị nào phải nhắc."));
  for (const sec of open) {
    const title = `${sec.work.charAt(0).toUpperCase()}${sec.work.slice(1)} – hạn ${sec.due}: ${sec.units.length} đơn vị chưa nộp`;
    rows.push(line(), line(title));
    const parts = groupMessages(sec, s.orgShort, asOf, s.timeZone);
    parts.forEach((m, i) => {
      rows.push(line(parts.length > 1 ? `${GROUP_LABEL} (phần ${i + 1}/${parts.length})` : GROUP_LABEL, m));
    });
    for (const u of sec.units) {
      rows.push([unitLabel(u.code, u.name), personalMessage(u, sec, s.orgShort), STATUS_LABEL[u.status], u.link]);
    }
  }
  return rows.map((r) => r.map(safeCell));
}

/**
 * The tab written whole, blanking what the last write left below: its text in one write, then the links' column in
 * one more (each unit's link behind the label “Mở biểu mẫu”, a rich-text block; the messages keep their links as
 * text, for Zalo). When nothing but its time changed (a quiet day), only its first line is written.
 */
export function writeZalo(r: Run, s: Settings, sections: ZaloSection[], held = notReachedToday(r, s)): void {
  const rows = zaloRows(sections, s, r.now, held);
  const height = rows.length;
  const h = hash(JSON.stringify(rows.slice(1)));
  if (h === r.state.viewHashes?.[TAB.zalo] && height === r.state.heights[TAB.zalo]) {
    r.store.writeRows(TAB.zalo, 1, [rows[0]]);
    return;
  }
  while (rows.length < (r.state.heights[TAB.zalo] ?? 0)) rows.push(line());
  const links = rows.slice(FIRST_ROW - 1).map((row): LinkCell[] => {
    const url = String(row[LINK_COL - 1] ?? "");
    return [{ text: url ? LINK_LABEL : "", url }];
  });
  r.store.writeRows(
    TAB.zalo,
    1,
    rows.map((row, i) => (i < FIRST_ROW - 1 ? row : [...row.slice(0, LINK_COL - 1), ""])),
  );
  r.store.writeLinks(TAB.zalo, FIRST_ROW, LINK_COL, links);
  r.state.heights = { ...r.state.heights, [TAB.zalo]: height };
  r.state.viewHashes = { ...r.state.viewHashes, [TAB.zalo]: h };
  r.p.state.save({ heights: r.state.heights, viewHashes: r.state.viewHashes });
}
