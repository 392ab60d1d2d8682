// Setup: every tab, both forms, the links and the triggers; re-runnable, it only adds or updates.
import { FORM_IDS } from "../domain/forms";
import { colLetter, DASHBOARD_PERIODS, STATUS_HEADER_ROW, STATUS_SUMMARY, STATUS_SUMMARY_ROW, TAB } from "../domain/layout";
import { DEFAULT_SETTINGS, parseSettings, SETTING_DEFS, settingCell } from "../domain/settings";
import { DEFAULT_TEMPLATES, type MailKind, PLACEHOLDERS, type Template } from "../domain/templates";
import { unitChoice } from "../domain/units";
import { choicesFor } from "./daily";
import type { FormRef, Ports, State } from "./ports";
import { BUSY } from "./ports";
import { refreshStatuses } from "./refresh";
import { tabDefs } from "./tabs";

export interface SetupResult {
  ok: boolean;
  changes: string[];
  problems: string[];
}

/** the dashboard: each cell a reference into the status tab's summary, so it is never stale */
function dashboardBlock(): unknown[][] {
  const rows: unknown[][] = [
    ["TỔNG QUAN TỶ LỆ BÁO CÁO THEO KỲ", ...STATUS_SUMMARY.map(() => "")],
    ["Kỳ", ...STATUS_SUMMARY],
  ];
  for (let i = 0; i < DASHBOARD_PERIODS; i++) {
    const ref = (r: number) => `='${TAB.status}'!${colLetter(4 + i)}${r}`;
    rows.push([ref(STATUS_HEADER_ROW), ...STATUS_SUMMARY.map((_, k) => ref(STATUS_SUMMARY_ROW + k))]);
  }
  return rows;
}

/** staff's own subject and body are kept; the list of placeholders follows the templates */
function templatesBlock(existing: { kind: MailKind; subject: string; body: string }[]): { rows: unknown[][]; templates: Template[] } {
  const templates = DEFAULT_TEMPLATES.map((d) => ({
    ...d,
    ...existing.find((e) => e.kind === d.kind && e.subject.trim() && e.body.trim()),
  }));
  const rows: unknown[][] = templates.map((t) => [t.label, "", t.subject, t.body, t.kind]);
  rows.push(["", "", "", "", ""], ["Chỗ trống dùng được", "", "", "", ""]);
  for (const [k, v] of Object.entries(PLACEHOLDERS)) rows.push([`{{${k}}}`, v, "", "", ""]);
  return { rows, templates };
}

export function setup(p: Ports): SetupResult {
  const res: SetupResult = { ok: false, changes: [], problems: [] };
  if (!p.lock.acquire(30000)) {
    res.problems.push(BUSY);
    return res;
  }
  try {
    const active = p.active();
    if (!active) {
      res.problems.push("Hãy mở bảng tính rồi chạy Thiết lập từ trình đơn.");
      return res;
    }
    const { store, id } = active;
    const loaded = p.state.load();
    const patch: Partial<State> = { spreadsheetId: id };
    // a Sheet copied with File → Make a copy brings the original's stored state: it starts clean instead, and never
    // writes into the original's forms or triggers
    const copy = !!loaded.state.spreadsheetId && loaded.state.spreadsheetId !== id;
    if (copy) {
      Object.assign(patch, {
        forms: {},
        choicesHash: {},
        pendingRollups: [],
        more: false,
        lastReconcile: 0,
        hourKey: undefined,
        triggerOwner: undefined,
      });
      p.state.clear(loaded.journal);
      res.changes.push(
        "Bảng tính này là bản sao: bắt đầu lại với biểu mẫu và trình kích hoạt riêng; biểu mẫu, trình kích hoạt của bảng tính gốc không bị đụng tới.",
      );
    }
    const state: State = { ...loaded.state, ...patch };
    const me = p.effectiveUser();
    // installable triggers belong to one account; only it sees and changes them
    const owner = state.triggerOwner || me;
    // 1. settings: keep what staff wrote, add rows for new settings
    const created = p.workbook.prepare(store, tabDefs(0).slice(0, 1));
    const have = store.readSettingsRows();
    const settingsRows = SETTING_DEFS.map((d) => {
      const mine = have.find((r) => r.key === d.key);
      return [d.label, mine ? mine.value : settingCell(d, DEFAULT_SETTINGS[d.key]), d.help, d.key];
    });
    store.writeSettings(settingsRows);
    const parsed = parseSettings(
      settingsRows.map((r, i) => ({ key: String(r[3]), value: r[1], cell: `B${i + 2}` })),
      TAB.settings,
    );
    // 2. every other tab (the status tab sized for the roster)
    created.push(...p.workbook.prepare(store, tabDefs(0).slice(1, 2)));
    const { units, problems } = store.readUnits();
    res.problems.push(...problems);
    created.push(...p.workbook.prepare(store, tabDefs(units.length).slice(2)));
    if (created.length) res.changes.push(`tạo trang: ${created.join(", ")}`);
    const tpl = templatesBlock(store.readTemplates().rows);
    store.writeRows(TAB.templates, 2, tpl.rows);
    patch.templates = tpl.templates;
    store.writeRows(TAB.dashboard, 1, dashboardBlock());
    p.workbook.chart(
      store,
      TAB.dashboard,
      `A2:A${2 + DASHBOARD_PERIODS}`,
      `K2:L${2 + DASHBOARD_PERIODS}`,
      "Tỷ lệ báo cáo và tỷ lệ đúng hạn theo kỳ",
    );
    // the product's tabs: the trigger owner and the staff edit them, nobody else
    const editors = [...new Set([owner, ...(parsed.ok ? parsed.settings.staffEmails : [])].map((e) => e.toLowerCase()))];
    res.changes.push(...p.workbook.protectFor(store, tabDefs(0), editors));
    if (!parsed.ok) {
      res.problems.push(...parsed.errors);
      p.state.save(patch);
      return res;
    }
    const s = parsed.settings;
    patch.settings = s;
    // dates in the Sheet show in the settings' zone, as the deadlines are counted; dates typed in are read day first
    p.workbook.zone(store, s.timeZone);
    p.workbook.locale(store, "vi_VN");
    // 3. forms from the specs, their dropdowns from the roster
    const now = p.clock.now();
    const choices = choicesFor(units, s, now);
    const forms: State["forms"] = { ...state.forms };
    const hashes = { ...state.choicesHash };
    for (const form of FORM_IDS) {
      // a new form is recorded the moment it exists: a setup that fails later is rerun on it, never on another
      const created = (ref: FormRef) => p.state.save({ ...patch, forms: { ...forms, [form]: ref } });
      const r = p.forms.ensure(
        form,
        forms[form],
        id,
        choices,
        editors.filter((e) => e !== owner),
        created,
      );
      forms[form] = r.ref;
      hashes[form] = p.forms.choicesHash(form, choices);
      res.changes.push(...r.changes);
    }
    patch.forms = forms;
    patch.choicesHash = hashes;
    // 4. each unit's own links, one write for the whole roster
    if (units.length) {
      const links: string[][] = Array.from({ length: Math.max(...units.map((u) => u.row ?? 0)) - 1 }, () => ["", ""]);
      for (const u of units) links[(u.row ?? 2) - 2] = FORM_IDS.map((f) => p.forms.prefilledLink(forms[f], unitChoice(u)));
      store.writeRows(TAB.units, 2, links, 9);
    }
    // 5. triggers: one per form, one daily, one on edit, all the owner's: another account neither adds nor removes any
    if (owner === me) {
      const t = p.triggers.ensure(
        FORM_IDS.map((f) => (forms[f] as FormRef).id),
        id,
        s.dailyRunHour,
        s.timeZone,
        state.hourKey,
      );
      patch.hourKey = t.hourKey;
      patch.triggerOwner = me;
      res.changes.push(...t.changes);
    } else {
      const moved = state.hourKey !== `${s.dailyRunHour}@${s.timeZone}`;
      res.changes.push(
        `Trình kích hoạt thuộc tài khoản ${owner}: giữ nguyên, tài khoản ${me} không tạo thêm.${moved ? ` Giờ chạy hằng ngày đã đổi: tài khoản ${owner} chạy Thiết lập để áp dụng.` : ""}`,
      );
    }
    p.state.save(patch);
    refreshStatuses(p, store, { ...state, ...patch } as State);
    p.state.record("run", {
      job: "Thiết lập",
      result: res.problems.length ? "xong, có ghi chú" : "xong",
      detail: [...res.changes, ...res.problems].join("\n") || "Không có thay đổi.",
    });
    res.ok = true;
    return res;
  } finally {
    p.lock.release();
  }
}
