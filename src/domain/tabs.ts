// The product's tabs, described once: what setup creates and keeps in shape, and how each reads (widths chosen for
// what each column holds, free text wrapped, dates as dd/MM/yyyy HH:mm, rates as percentages in the Sheet's locale).
import { DASHBOARD_WIDTH, GROUP_COL, GROUP_HEADER, GROUP_ROW } from "./dashboard";
import { FORM_IDS, type FormId, SPECS } from "./forms";
import { answerFields, type Field } from "./forms/spec";
import type { Look } from "./layout";
import {
  ARCHIVE_HEADER,
  CHANNEL_LABEL,
  colLetter,
  DASHBOARD_PERIODS,
  KEY_COLS,
  MAIL_LOG_HEADER,
  manualHeader,
  RUN_LOG_HEADER,
  reportHeader,
  SETTINGS_HEADER,
  STATUS_SUMMARY,
  STATUS_SUMMARY_ROW,
  STATUS_UNITS_ROW,
  TAB,
  type TabDef,
  TEMPLATES_HEADER,
  THEMES_HEADER,
  UNITS_HEADER,
} from "./layout";
import type { TabRows } from "./report/blocks";
import { SETTING_DEFS } from "./settings";
import { START_STEPS_ROW } from "./start";
import { TREND_HEADER } from "./trends";

/** the version of the tabs' look below: setup applies it again to existing tabs when it changes */
export const LOOK_VERSION = 5;

export const MANUAL_TAB = { registration: TAB.manualRegistration, monthly: TAB.manualMonthly } as const;

/** status text -> background, the legend of the status tab */
const STATUS_COLORS =
  "Đúng hạn:c8e6c9;Trễ hạn:ffe0b2;Chưa nộp:ffcdd2;Không hợp lệ:e1bee7;Chờ xác nhận:fff9c4;Không thuộc diện:eeeeee;Chưa đến hạn:eeeeee"
    .split(";")
    .map((x) => ({ prefix: x.split(":")[0], background: `#${x.split(":")[1]}` }));

const START_COLORS =
  "Đã xong:c8e6c9;Chưa xong:ffcdd2;Cần sửa:ffcdd2;Nên làm:fff9c4;Làm một lần:fff9c4;Cần làm:ffcdd2;Cần xem:ffcdd2;Không có việc:c8e6c9;Bình thường:c8e6c9;Sắp tới:fff9c4"
    .split(";")
    .map((x) => ({ prefix: x.split(":")[0], background: `#${x.split(":")[1]}` }));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** number formats as staff read them (the Sheet's locale, vi_VN, supplies the separators) */
const DATE = "dd/MM/yyyy";
const PERCENT = "0.0%";
const COUNT = "#,##0";
/** a change, with its sign ("+3", "−2", "0") */
const CHANGE = '+#,##0;"−"#,##0;0';

/** a column's width for what an answer of this kind holds; paragraphs and lists wrap */
function answerWidth(f: Field): { width: number; wrap: boolean } {
  switch (f.kind) {
    case "paragraph":
      return { width: 320, wrap: true };
    case "number":
      return { width: 100, wrap: true };
    case "checkboxes":
      return { width: 230, wrap: true };
    case "choice":
      return { width: 160, wrap: true };
    case "unit":
      return { width: 280, wrap: true };
    case "month":
      return { width: 90, wrap: false };
    default:
      // names and links
      return { width: 230, wrap: true };
  }
}

/** the key columns of a report tab: the key itself is the product's (hidden); the unit with its name; long text wraps */
const KEY_WIDTHS = [170, 130, 125, 260, 80, 130, 200, 105, 220, 280, 260];
const KEY_WRAP = [4, 6, 7, 9, 10, 11];

/**
 * The answer columns of a report tab as they stand (setup never moves a stored column: a question added to the spec
 * comes last, one removed keeps its column), each with the question that claims it, if any.
 */
export function standingKeys(form: FormId, columns: string[] | undefined): string[] {
  const keys = answerFields(SPECS[form]).map((f) => f.key);
  return columns?.length ? [...columns, ...keys.filter((k) => !columns.includes(k))] : keys;
}

function standing(form: FormId, columns: string[] | undefined): (Field | undefined)[] {
  const fields = answerFields(SPECS[form]);
  return standingKeys(form, columns).map((k) => fields.find((f) => f.key === k));
}

/** the settings and the roster: staff type in them (setup makes them first, in this order) */
function rosterTabs(): TabDef[] {
  return [
    {
      name: TAB.settings,
      header: SETTINGS_HEADER,
      widths: [300, 210, 440, 170],
      wrapCols: [1, 2, 3],
      hiddenCols: [4],
      frozenRows: 1,
      textCols: [2],
      protect: false,
      // Có/Không as a dropdown on the yes-or-no settings
      lists: SETTING_DEFS.flatMap((d, i) => (d.kind === "bool" ? [{ col: 2, values: ["Có", "Không"], fromRow: i + 2, toRow: i + 2 }] : [])),
      tabColor: "#5b8def",
    },
    {
      name: TAB.units,
      header: UNITS_HEADER,
      // the names' column follows the roster's longest name (setup widens it); links wrap
      widths: [85, 280, 170, 250, 110, 170, 110, 110, 460, 460],
      wrapCols: [2, 3, 4, 6, 9, 10],
      frozenRows: 1,
      frozenCols: 2,
      textCols: [1, 4, 5, 7, 8],
      protect: false,
      tabColor: "#5b8def",
    },
  ];
}

/** a form's report tab: the product's key columns, then the answer columns as they stand */
function reportTab(form: FormId, columns: string[] | undefined): TabDef {
  const spec = SPECS[form];
  const answers = standing(form, columns);
  // a column no question claims any more (its question removed) keeps what it holds, as it holds it
  const width = (f: Field | undefined) => (f ? answerWidth(f) : { width: 200, wrap: true });
  return {
    name: spec.tab,
    header: reportHeader(spec),
    headerOnce: true,
    widths: [...KEY_WIDTHS, ...answers.map((f) => width(f).width)],
    wrapCols: [...KEY_WRAP, ...answers.flatMap((f, j) => (width(f).wrap ? [KEY_COLS + 1 + j] : []))],
    hiddenCols: [1],
    frozenRows: 1,
    frozenCols: 0,
    textCols: [1, 2, 4, 5, 6, 7, 8, 9, 10, ...answers.flatMap((f, j) => (f && f.kind !== "number" ? [KEY_COLS + 1 + j] : []))],
    // counts as counts (and a column that was text before the questions moved, a count again)
    formats: answers.flatMap((f, j) => {
      const c = colLetter(KEY_COLS + 1 + j);
      return f?.kind === "number" ? [{ a1: `${c}2:${c}`, format: COUNT }] : [];
    }),
    dateCols: [3],
    protect: true,
  };
}

/** what staff read each day, written by the product: the statuses, the dashboard, the Zalo list */
function dailyTabs(unitCount: number): TabDef[] {
  const summaryEnd = STATUS_SUMMARY_ROW + STATUS_SUMMARY.length - 1;
  const lastStatusCol = colLetter(3 + DASHBOARD_PERIODS);
  const lastRow = 2 + DASHBOARD_PERIODS;
  const groupEnd = colLetter(DASHBOARD_WIDTH);
  return [
    {
      name: TAB.status,
      header: [],
      widths: [85, 280, 150, ...Array(DASHBOARD_PERIODS).fill(110)],
      // the title in A1 runs across; the time it was written (C1) and the longer statuses wrap in their column
      wrapCols: range(2, 3 + DASHBOARD_PERIODS),
      // each period's header, figures and statuses centred in its column: a number stands under its own header
      align: [{ a1: `D2:${lastStatusCol}${unitCount + STATUS_UNITS_ROW + 200}`, h: "center" }],
      frozenRows: 2,
      frozenCols: 2,
      // codes, names and groups as staff typed them: "001" stays 001, "=…" stays text
      textCols: [1, 2, 3],
      protect: true,
      colors: STATUS_COLORS,
      formats: [
        { a1: `D${STATUS_SUMMARY_ROW}:${lastStatusCol}${STATUS_SUMMARY_ROW}`, format: DATE },
        { a1: `D${STATUS_SUMMARY_ROW + 1}:${lastStatusCol}${summaryEnd - 2}`, format: COUNT },
        { a1: `D${summaryEnd - 1}:${lastStatusCol}${summaryEnd}`, format: PERCENT },
      ],
      capacity: { rows: unitCount + STATUS_UNITS_ROW + 200, cols: 3 + DASHBOARD_PERIODS },
      tabColor: "#43a047",
    },
    {
      name: TAB.dashboard,
      wrapFrom: 2,
      header: [],
      // both tables together fit the width of a landscape A4 page (its headers wrap): every figure on page 1; the table
      // by Khối sits right of the period table, under Google's chart
      widths: [105, 80, 70, 60, 65, 60, 65, 75, 75, 85, 75, 75, 20, 90, 170, 70, 60, 65, 75, 75],
      // headers and figures centred alike, in both tables
      align: [
        { a1: `B2:L${lastRow}`, h: "center" },
        { a1: `${colLetter(GROUP_COL + 2)}${GROUP_ROW + 1}:${groupEnd}${GROUP_ROW + 200}`, h: "center" },
      ],
      bold: [`${colLetter(GROUP_COL)}${GROUP_ROW}:${colLetter(DASHBOARD_WIDTH)}${GROUP_ROW + 1}`],
      wrapCols: [...range(1, 12), ...range(GROUP_COL, DASHBOARD_WIDTH)],
      frozenRows: 2,
      protect: true,
      formats: [
        { a1: `B3:B${lastRow}`, format: DATE },
        { a1: `C3:J${lastRow}`, format: COUNT },
        { a1: `K3:L${lastRow}`, format: PERCENT },
        { a1: `${colLetter(GROUP_COL + 2)}${GROUP_ROW + 2}:${colLetter(GROUP_COL + 4)}${GROUP_ROW + 200}`, format: COUNT },
        { a1: `${colLetter(GROUP_COL + GROUP_HEADER.length - 2)}${GROUP_ROW + 2}:${groupEnd}${GROUP_ROW + 200}`, format: PERCENT },
      ],
      tabColor: "#43a047",
    },
    {
      name: TAB.zalo,
      wrapFrom: 2,
      header: [],
      // the last column shows “Mở biểu mẫu”, the unit's link behind it
      widths: [260, 480, 120, 130],
      wrapCols: [1, 2, 3, 4],
      frozenRows: 3,
      protect: true,
      tabColor: "#0068ff",
    },
  ];
}

/** the mails' templates and the report's themes: staff edit them */
function wordingTabs(): TabDef[] {
  return [
    {
      name: TAB.templates,
      header: TEMPLATES_HEADER,
      widths: [250, 150, 320, 520, 90],
      wrapCols: [1, 2, 3, 4],
      hiddenCols: [5],
      frozenRows: 1,
      protect: false,
      tabColor: "#5b8def",
    },
    {
      name: TAB.themes,
      header: THEMES_HEADER,
      widths: [220, 520, 420],
      wrapCols: [1, 2, 3],
      frozenRows: 1,
      protect: false,
      tabColor: "#5b8def",
    },
  ];
}

/** the logs, and the system's own tabs beside them (hidden) */
function logTabs(unitCount: number): TabDef[] {
  // the times (dd/mm/yyyy hh:mm) whole in their column in Sheets and in print, never running into the next
  const logWidths = [200, 145, 125, 260, 110, 240, 170, 380, 160];
  const logWrap = [3, 4, 6, 7, 8, 9];
  return [
    {
      name: TAB.mailLog,
      header: MAIL_LOG_HEADER,
      widths: logWidths,
      wrapCols: logWrap,
      hiddenCols: [1],
      frozenRows: 1,
      dateCols: [2],
      textCols: [1, 4, 5],
      protect: true,
    },
    {
      name: TAB.ledger,
      header: MAIL_LOG_HEADER,
      widths: logWidths,
      frozenRows: 1,
      dateCols: [2],
      textCols: [1, 4, 5],
      protect: true,
      hidden: true,
    },
    // room for a day's quota of mails (1,500 recipients on Workspace), and in column C for the keys of the day's mails the
    // quota held back (a mail a unit at most: src/app/mail/send.ts keepHeld, for the Zalo list), without growing
    {
      name: TAB.queue,
      header: ["Khóa", "Thư", "Chưa gửi được hôm nay (hết hạn mức)"],
      frozenRows: 1,
      protect: true,
      hidden: true,
      capacity: { rows: Math.max(2000, unitCount + 200), cols: 3 },
    },
    // each month's figures by theme and Khối, kept once at its rollup (src/app/report/trends.ts): months and labels as text
    // (Sheets would read "2018-10" as a date)
    {
      name: TAB.trends,
      header: TREND_HEADER,
      widths: [80, 110, 260, 200, 70],
      frozenRows: 1,
      textCols: [1, 2, 3, 4],
      protect: false,
      hidden: true,
    },
    { name: TAB.archive, header: ARCHIVE_HEADER, wrapCols: [2], frozenRows: 1, protect: true },
    {
      name: TAB.runLog,
      header: RUN_LOG_HEADER,
      widths: [145, 190, 130, 560],
      wrapCols: [2, 3, 4],
      frozenRows: 1,
      dateCols: [1],
      protect: true,
    },
  ];
}

/** the mails' preview, the self-check, and the dropdowns' list (before the manual tabs: their dropdowns read it) */
function checkTabs(): TabDef[] {
  return [
    {
      name: TAB.preview,
      wrapFrom: 2,
      header: [],
      widths: [130, 260, 110, 240, 170, 380, 260],
      wrapCols: [1, 2, 4, 5, 6, 7],
      frozenRows: 2,
      protect: true,
    },
    {
      name: TAB.selfCheck,
      header: [],
      widths: [330, 100, 420, 420],
      wrapCols: [1, 2, 3, 4],
      frozenRows: 2,
      protect: false,
      colors: [
        { prefix: "Đạt", background: "#c8e6c9" },
        { prefix: "Không đạt", background: "#ffcdd2" },
      ],
    },
    {
      name: TAB.lists,
      header: ["Đơn vị (mã – tên)", "Tháng", "Kênh"],
      widths: [320, 90, 120],
      frozenRows: 1,
      textCols: [1, 2, 3],
      protect: true,
      hidden: true,
    },
  ];
}

/** a form's manual entry tab: a report received on paper, by email or by message, typed by staff */
function manualTab(form: FormId): TabDef {
  const spec = SPECS[form];
  const header = manualHeader(spec);
  const fields = spec.fields;
  return {
    name: MANUAL_TAB[form],
    header,
    widths: [130, 160, 120, ...fields.map((f) => answerWidth(f).width), 280],
    wrapCols: [...fields.flatMap((f, j) => (answerWidth(f).wrap ? [4 + j] : [])), header.length],
    frozenRows: 1,
    // the date received is text, read as dd/mm/yyyy hh:mm whatever the Sheet's locale
    textCols: [1, 2, 4, ...(form === "monthly" ? [5] : [])],
    protect: false,
    // staff pick the channel, the unit as “mã – tên” (a bare code is taken too), the month and each choice by its label
    lists: [
      { col: 3, values: Object.values(CHANNEL_LABEL).slice(1), fromRow: 2 },
      { col: 4, rangeA1: `'${TAB.lists}'!A2:A`, fromRow: 2, allowInvalid: true },
      ...(form === "monthly" ? [{ col: 5, rangeA1: `'${TAB.lists}'!B2:B`, fromRow: 2, allowInvalid: true }] : []),
      ...fields.flatMap((f, j) =>
        f.kind === "choice" ? [{ col: 4 + j, values: (f.choices ?? []).map((c) => c.label), fromRow: 2, allowInvalid: true }] : [],
      ),
    ],
    notes: fields.flatMap((f, j) =>
      f.kind === "checkboxes"
        ? [{ col: 4 + j, note: `Chọn một hay nhiều, cách nhau dấu chấm phẩy: ${(f.choices ?? []).map((c) => c.label).join("; ")}` }]
        : [],
    ),
  };
}

/** the start tab: today's block, the steps of setting up, the problems */
function startTab(): TabDef {
  return {
    name: TAB.start,
    wrapFrom: 2,
    header: [],
    // fits A4 portrait (about 720 px of printable width at 96 dpi); the first column takes its bold header “Bước” whole
    widths: [44, 220, 120, 376],
    // the steps' header, like the today header above it
    bold: [`A${START_STEPS_ROW}:D${START_STEPS_ROW}`],
    wrapCols: [1, 2, 3, 4],
    frozenRows: 2,
    protect: false,
    colors: START_COLORS,
    tabColor: "#f9ab00",
  };
}

/**
 * Every tab the product makes. `columns`: the report tabs' answer columns as they stand (state), so that formats,
 * widths and plain-text columns fall on the columns they are for.
 */
export function tabDefs(unitCount: number, columns?: Partial<Record<FormId, string[]>>): TabDef[] {
  return [
    ...rosterTabs(),
    ...FORM_IDS.map((form) => reportTab(form, columns?.[form])),
    ...dailyTabs(unitCount),
    ...wordingTabs(),
    ...logTabs(unitCount),
    ...checkTabs(),
    ...FORM_IDS.map(manualTab),
    startTab(),
  ];
}

/**
 * Where a new Sheet's tabs stand (setup makes the settings first, then the roster, then the rest), by group: what staff read each day (computed), the reports and their
 * manual entry, the roster and the settings, the logs and checks, the system's own (hidden). The rollup tabs, made
 * later, go after them and before Google's response tabs (src/gas/workbook.ts). The dropdowns' list comes before the
 * manual tabs that read it.
 */
export const TAB_ORDER: string[] = [
  TAB.start,
  TAB.status,
  TAB.dashboard,
  TAB.zalo,
  TAB.preview,
  SPECS.registration.tab,
  SPECS.monthly.tab,
  TAB.lists,
  TAB.manualRegistration,
  TAB.manualMonthly,
  TAB.units,
  TAB.settings,
  TAB.templates,
  TAB.themes,
  TAB.mailLog,
  TAB.runLog,
  TAB.selfCheck,
  TAB.archive,
  TAB.ledger,
  TAB.queue,
  TAB.trends,
];

/**
 * A rollup tab (TH 10.2018), written whole by each rollup: the text column wide and wrapped, the texts beside it, a
 * table's other columns narrower; the headings (lines in capitals) and the tables' headers in bold, a table's values
 * centred under their headers (the column of texts is wide), counts, rates and changes in their formats, the title row
 * frozen.
 */
export function rollupLook(rows: unknown[][], t: Pick<TabRows, "tables" | "numbers"> = { tables: [], numbers: [] }): Look {
  const heads = t.tables.map((x) => x.head + 1);
  const bold = rows.flatMap((r, i) => {
    const text = String(r[0] ?? "");
    return heads.includes(i + 1) || (text && text === text.toUpperCase() && /\p{L}/u.test(text)) ? [i + 1] : [];
  });
  const width = Math.max(2, rows[0]?.length ?? 0);
  const formats = t.numbers.map((n) => ({
    a1: `${colLetter(n.left + 1)}${n.top + 1}:${colLetter(n.right + 1)}${n.bottom + 1}`,
    format: n.kind === "rate" ? PERCENT : n.kind === "change" ? CHANGE : COUNT,
  }));
  const align = t.tables
    .filter((x) => x.cols > 1)
    .map((x) => ({ a1: `B${x.head + 1}:${colLetter(x.cols)}${x.last + 1}`, h: "center" as const }));
  return {
    widths: [480, 400, ...Array.from({ length: width - 2 }, () => 130)],
    wrap: range(1, width),
    bold,
    frozenRows: 1,
    formats,
    align,
  };
}
