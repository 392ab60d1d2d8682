// What today's run would send, written to the preview tab; nothing is sent, nothing is stored but the statuses.
import { periodName } from "../../domain/dashboard";
import { viDateTime } from "../../domain/dates";
import { PREVIEW_HEADER, TAB, unitLabel } from "../../domain/layout";
import { kindLabel, MAIL_KINDS, type MailKind } from "../../domain/mail-kinds";
import { ok, type Result } from "../../domain/result";
import type { Ports } from "../../ports";
import { planToday, readWindows } from "../daily/daily";
import { updateStatuses } from "../daily/statuses";
import { openRun, readSettings } from "../run/context";
import { composeContext, composeDue } from "./compose";

interface Preview {
  count: number;
  notes: string[];
  /** the mails that would go, by kind (those that cannot be composed are left out: they are in `notes`) */
  kinds: { kind: MailKind; count: number }[];
}

export function previewMails(p: Ports): Result<Preview> {
  return openRun(p, "Xem trước thư", (r) => {
    const set = readSettings(r);
    if (!set.ok) return set;
    const { settings: s, rules } = set.value;
    const tz = s.timeZone;
    const { units } = r.store.readUnits();
    const windows = readWindows(r, s, rules);
    const computed = updateStatuses(r, { s, rules, units, windows });
    const pl = planToday(r, { s, rules, units, windows }, computed);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const ctx = composeContext(r, s, rules);
    const notes: string[] = [];
    const kinds = new Map<MailKind, number>();
    const label = (code?: string) => (code ? unitLabel(code, byCode.get(code)?.name) : "");
    const rows: unknown[][] = pl.due.map((d) => {
      const c = d.kind === "rollup" ? null : composeDue(d, d.unit ? byCode.get(d.unit) : undefined, ctx);
      if (!c || !("errors" in c)) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
      if (!c) return [kindLabel(d.kind), "", periodName(d.period), s.rollupTo.join(", "), "", "", "gửi bằng lần chạy tổng hợp ngay sau"];
      if ("errors" in c) {
        notes.push(`${kindLabel(d.kind)} ${label(d.unit)}: ${c.errors.join("; ")}`);
        return [kindLabel(d.kind), label(d.unit), periodName(d.period), "", "", "", c.errors.join("; ")];
      }
      return [kindLabel(d.kind), label(d.unit), periodName(d.period), c.mail.to.join(", "), c.mail.cc.join(", "), c.mail.subject, ""];
    });
    const block = [
      [`Thư sẽ gửi nếu chạy lúc ${viDateTime(r.now, tz)} (xem trước, chưa gửi)`, "", "", "", "", "", ""],
      PREVIEW_HEADER,
      ...rows,
    ];
    while (block.length < (r.state.heights.preview ?? 0)) block.push(["", "", "", "", "", "", ""]);
    r.store.writeRows(TAB.preview, 1, block);
    r.p.state.save({ heights: { ...r.state.heights, preview: block.length } });
    return ok({
      count: rows.length,
      notes,
      kinds: MAIL_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    });
  });
}
