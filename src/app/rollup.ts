// The rollup run: figures and compiled texts of a period, to its own tab and by mail to the leaders.
import { addMonths } from "../domain/dates";
import { type FormId, SPECS } from "../domain/forms";
import { reportLastCol, rollupTabName } from "../domain/layout";
import { REGISTRATION } from "../domain/periods";
import { buildRollup, officialReportHtml, rollupMailHtml, rollupRows, rollupText } from "../domain/rollup";
import { checkSettings, type Settings } from "../domain/settings";
import { computeStatuses } from "../domain/status";
import { safeCell, utf8Length, viPercent } from "../domain/text";
import type { Unit } from "../domain/units";
import { baseValues, compose } from "./mails";
import type { MailRecord, OutgoingMail, Ports, State, Store } from "./ports";
import { answersOfRow, parseVersionRows } from "./rows";
import { withStore } from "./run";
import { periodLabel } from "./status-tab";

/** the rollups the daily job found due (or the one staff asked for); returns what happened, in Vietnamese */
export function runRollups(p: Ports, only?: { period: string }): string[] {
  return withStore(p, ({ state, journal, store }) => {
    const s = state.settings;
    if (!s || checkSettings(s).length) return "Chưa có cài đặt hợp lệ: chạy Thiết lập.";
    const sent = new Set(journal.map((e) => (e.data as MailRecord).key));
    const keys = only ? [`rollup|${only.period}||${p.clock.now()}`] : state.pendingRollups.filter((k) => !sent.has(k));
    const { units } = store.readUnits();
    const heights = { ...state.heights };
    const out: string[] = [];
    const keep: string[] = [];
    let left = keys.length ? p.mailer.remaining() : 0;
    for (const key of keys) {
      const period = key.split("|")[1];
      const r = rollupOne(p, store, state, s, units, period, heights);
      if (typeof r === "string") {
        out.push(r);
        continue;
      }
      try {
        if (left < s.rollupTo.length) throw new Error("hết hạn mức gửi thư hôm nay");
        p.mailer.send(r, s);
      } catch (e) {
        // kept for the next run, and said
        keep.push(key);
        out.push(`Chưa gửi được tổng hợp kỳ ${periodLabel(period)} (${(e as Error).message}): gửi lại ở lần chạy sau.`);
        continue;
      }
      left -= s.rollupTo.length;
      p.state.record("mail", {
        key,
        kind: "rollup",
        unit: "",
        period,
        to: s.rollupTo,
        cc: [],
        subject: r.subject,
        result: "Đã gửi",
        sent: true,
      });
      out.push(`Đã gửi tổng hợp kỳ ${periodLabel(period)} tới ${s.rollupTo.join(", ")}.`);
    }
    if (keys.length) p.state.record("run", { job: "Tổng hợp", result: "xong", detail: out.join("\n") });
    p.state.save({ heights, pendingRollups: only ? state.pendingRollups : keep });
    p.triggers.clearFollowUps();
    return out.join("\n");
  })
    .split("\n")
    .filter(Boolean);
}

/** the rollup of one period, written to its tab; the mail to send, or why there is none */
function rollupOne(
  p: Ports,
  store: Store,
  state: State,
  s: Settings,
  units: Unit[],
  period: string,
  heights: Record<string, number>,
): OutgoingMail | string {
  const form: FormId = period === REGISTRATION ? "registration" : "monthly";
  const spec = SPECS[form];
  const now = p.clock.now();
  const prevPeriod = addMonths(period, -1);
  // a period's reports cannot arrive before its month begins; the checkpoint of a month is taken at its first daily
  // run, so reading from two months back covers the previous period whole
  const from = form === "monthly" ? Math.max(2, state.checkpoints[addMonths(period, -2)] ?? 2) : 2;
  const rows = store.readBlock(spec.tab, `A${from}:${reportLastCol(spec)}`);
  const periods = form === "monthly" ? [prevPeriod, period].filter((m) => m >= s.firstPeriod) : [];
  const st = computeStatuses(units, { registration: [], monthly: [], [form]: parseVersionRows(rows, from) }, periods, s, now);
  const f = st.figures.find((x) => x.period === period);
  if (!f) return `Kỳ ${period} trước kỳ báo cáo đầu tiên.`;
  const entries = [...(st.byPeriod.get(period) ?? [])]
    .filter(([, x]) => x.contentRow && (x.kind === "onTime" || x.kind === "late"))
    .map(([unit, x]) => ({ unit, answers: answersOfRow(spec, rows[(x.contentRow as number) - from] ?? []) }));
  const data = buildRollup(spec, f, st.figures.find((x) => x.period === prevPeriod) ?? null, units, entries, now);
  const tab = rollupTabName(period);
  const block: unknown[][] = rollupRows(data, s).map((r) => r.map(safeCell));
  while (block.length < (heights[tab] ?? 0)) block.push(["", ""]);
  heights[`${tab}#cap`] = store.writeTab(tab, block, heights[`${tab}#cap`] ?? 0);
  heights[tab] = block.length;
  const values = {
    ...baseValues(s, period, undefined),
    ty_le_bao_cao: viPercent(f.reportingRate),
    ty_le_dung_han: viPercent(f.onTimeRate),
  };
  const c = compose("rollup", state.templates, values, s.rollupTo);
  if ("errors" in c) return c.errors.join("; ");
  // MailApp takes 200 KB of body, counted in bytes: past that, the texts stay in the tab and the attachment only
  const body = (d: typeof data, note = "") => ({
    html: rollupMailHtml(d, s, c.mail.html + note),
    text: `${c.mail.text}\n\n${rollupText(d, s)}`,
  });
  // past that: first without the texts, then with the figures only; the rest stays in the tab and the attachment
  let mail = body(data);
  const note = `<p><i>Nội dung quá dài cho thư: xem tab “${tab}” và tệp đính kèm.</i></p>`;
  const size = (m: typeof mail) => utf8Length(m.html) + utf8Length(m.text);
  if (size(mail) > 190000) mail = body({ ...data, texts: [] }, note);
  if (size(mail) > 190000) mail = body({ ...data, texts: [], tables: data.tables.slice(0, 1) }, note);
  return {
    ...c.mail,
    ...mail,
    attachment: { name: `Bao-cao-${period === REGISTRATION ? "dang-ky" : period}`, html: officialReportHtml(data, s) },
  };
}
