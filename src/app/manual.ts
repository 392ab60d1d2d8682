// Reports received on paper, by email or by message: staff type them into a tab; they count like any other.
import { instantOf, isValidYmd } from "../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../domain/forms";
import { colLetter, manualHeader, TAB } from "../domain/layout";
import { fold } from "../domain/text";
import { readSettings } from "./daily";
import { judge, versionKey } from "./intake";
import type { Ports } from "./ports";
import { refreshStatuses } from "./refresh";
import { versionRow } from "./rows";
import { withStore } from "./run";

export const MANUAL_TAB: Record<FormId, string> = { registration: TAB.manualRegistration, monthly: TAB.manualMonthly };

function channelOf(v: unknown): string {
  const f = fold(String(v ?? ""));
  return /mail|thu dien tu/.test(f) ? "email" : /tin nhan|message|sms|zalo/.test(f) ? "message" : "paper";
}

/**
 * "dd/mm/yyyy hh:mm" as staff type it, in the settings' zone: the column is plain text, so the Sheet's locale never
 * reads it month first. A Date cell (a tab made before the column was text) is taken as Sheets read it.
 */
export function readAt(v: unknown, tz: string): number | null {
  if (Object.prototype.toString.call(v) === "[object Date]") return (v as Date).getTime();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(String(v ?? "").trim());
  const ymd = m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : "";
  const [hh, mi, ss] = m ? [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)] : [0, 0, 0];
  return m && isValidYmd(ymd) && hh < 24 && mi < 60 && ss < 60 ? instantOf(ymd, tz, hh, mi, ss) : null;
}

export function recordManual(p: Ports): string {
  return withStore(p, ({ state, store }) => {
    const read = readSettings(store);
    if ("errors" in read) return read.errors.join("\n");
    const s = read.settings;
    const { units } = store.readUnits();
    const lines: string[] = [];
    const now = p.clock.now();
    for (const form of FORM_IDS) {
      const spec = SPECS[form];
      const width = manualHeader(spec).length;
      const rows = store.readBlock(MANUAL_TAB[form], `A2:${colLetter(width)}`);
      const { versions, lastRow } = store.readVersions(form);
      const known = new Set(versions.map((v) => v.key));
      const out: unknown[][] = [];
      const added: unknown[][] = [];
      for (const r of rows) {
        let [id, result] = [String(r[0] ?? "").trim(), r[width - 1]];
        // a row is taken once: its result cell says so; rows staff have not filled in are left alone
        if (!String(result ?? "").trim() && r.slice(1, width - 1).some((c) => c !== "")) {
          const at = readAt(r[1], s.timeZone);
          id ||= `GIAY-${p.newId().slice(0, 8)}`;
          if (at === null || at > now) result = "Lỗi: thiếu hoặc sai ngày giờ nhận (dd/mm/yyyy hh:mm); sửa rồi xóa ô này.";
          else if (known.has(versionKey(id, at))) result = "Đã ghi nhận trước đó";
          else {
            const raw = Object.fromEntries(spec.fields.map((f, j) => [f.key, r[3 + j]]));
            const j = judge(form, { responseId: id, at, email: "", raw, editUrl: "" }, channelOf(r[2]), units, s);
            added.push(versionRow(spec, j.version));
            known.add(j.version.key);
            result = j.version.verdict === "accepted" ? `Đã ghi nhận (${id})` : `Không hợp lệ: ${j.errors.join("; ")}`;
          }
        }
        out.push([id, ...r.slice(1, width - 1), result]);
      }
      if (added.length) {
        store.writeRows(spec.tab, lastRow + 1, added);
        lines.push(`${spec.tab}: ghi nhận ${added.length} báo cáo.`);
      }
      if (out.length) {
        store.writeRows(
          MANUAL_TAB[form],
          2,
          out.map((r) => [r[0]]),
          1,
        );
        store.writeRows(
          MANUAL_TAB[form],
          2,
          out.map((r) => [r[width - 1]]),
          width,
        );
      }
    }
    if (lines.length) refreshStatuses(p, store, { ...state, settings: s });
    p.state.save({ settings: s });
    const msg = lines.join("\n") || "Không có dòng mới (dòng mới là dòng có cột “Kết quả xử lý” còn trống).";
    p.state.record("run", { job: "Ghi nhận báo cáo ngoài biểu mẫu", result: "xong", detail: msg });
    return msg;
  });
}
