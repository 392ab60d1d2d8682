// What a paused copy's first day would send, shown above the button that resumes it: today's preview (the preview tab
// written, nothing sent), counted by kind, and the date warnings setup gave when it paused the copy.
import { localDay } from "../../domain/dates";
import { TAB } from "../../domain/layout";
import { kindLabel, type MailKind } from "../../domain/mail-kinds";
import { say } from "../../domain/problems";
import { viNumber } from "../../domain/text";
import { dateWarnings } from "../../domain/wording";
import type { Ports } from "../../ports";
import { previewMails } from "../mail/preview";

export interface FirstDay {
  /** the mails the first daily run would send, by kind (the same count the preview tab lists) */
  kinds: { kind: MailKind; label: string; count: number }[];
  /** what staff read, each a line of text: the counts, mails that cannot go, the date warnings */
  lines: string[];
}

/** the first day's mails if staff resume today; undefined when the copy is not paused */
export function firstDay(p: Ports): FirstDay | undefined {
  const { state } = p.state.load();
  if (!state.paused) return undefined;
  const s = state.settings;
  // the warnings as setup said them on the day it paused the copy
  const paused = s ? localDay(state.paused.since, s.timeZone) : "";
  const since = state.frozen?.roster?.since;
  const warnings = s ? dateWarnings(s, since && since < paused ? since : paused) : [];
  const pre = previewMails(p);
  if (!pre.ok) return { kinds: [], lines: [say(pre.problem), ...warnings] };
  const kinds = pre.value.kinds.map((k) => ({ ...k, label: kindLabel(k.kind) }));
  const total = kinds.reduce((n, k) => n + k.count, 0);
  const where = `Danh sách đầy đủ: trang “${TAB.preview}”.`;
  const lines = [
    total
      ? `Nếu bắt đầu gửi thư hôm nay, ngày đầu tiên hệ thống sẽ gửi ${viNumber(total)} thư (${kinds.map((k) => `${k.label}: ${viNumber(k.count)}`).join("; ")}). ${where}`
      : `Nếu bắt đầu gửi thư hôm nay, ngày đầu tiên hệ thống không gửi thư nào. ${where}`,
  ];
  const stuck = pre.value.notes.length;
  if (stuck) lines.push(`${viNumber(stuck)} thư không gửi được: lý do ở cột cuối trang “${TAB.preview}”.`);
  return { kinds, lines: [...lines, ...warnings] };
}
