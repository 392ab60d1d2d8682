// The product's tabs, described once: what setup creates and keeps in shape.
import { FORM_IDS, SPECS } from "../domain/forms";
import { answerFields } from "../domain/forms/spec";
import {
  ARCHIVE_HEADER,
  CHANNEL_LABEL,
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
} from "../domain/layout";
import { SETTING_DEFS } from "../domain/settings";

export const MANUAL_TAB = { registration: TAB.manualRegistration, monthly: TAB.manualMonthly } as const;

/** status text -> background, the legend of the status tab */
export const STATUS_COLORS =
  "Đúng hạn:c8e6c9;Trễ hạn:ffe0b2;Chưa nộp:ffcdd2;Không hợp lệ:e1bee7;Chờ xác nhận:fff9c4;Không thuộc diện:eeeeee"
    .split(";")
    .map((x) => ({ prefix: x.split(":")[0], background: `#${x.split(":")[1]}` }));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function tabDefs(unitCount: number): TabDef[] {
  const defs: TabDef[] = [
    {
      name: TAB.settings,
      header: SETTINGS_HEADER,
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
      frozenRows: 1,
      frozenCols: 1,
      textCols: [1, 4, 5, 7, 8],
      protect: false,
      tabColor: "#5b8def",
    },
  ];
  for (const form of FORM_IDS) {
    const spec = SPECS[form];
    const n = answerFields(spec).length;
    defs.push({
      name: spec.tab,
      header: reportHeader(spec),
      headerOnce: true,
      frozenRows: 1,
      textCols: [
        1,
        2,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
        ...range(KEY_COLS + 1, KEY_COLS + n).filter((c) => answerFields(spec)[c - KEY_COLS - 1].kind !== "number"),
      ],
      dateCols: [3],
      protect: true,
    });
  }
  defs.push({
    name: TAB.status,
    header: [],
    widths: [90, 300, 170, ...Array(DASHBOARD_PERIODS).fill(130)],
    frozenRows: 2,
    frozenCols: 2,
    // codes, names and groups as staff typed them: "001" stays 001, "=…" stays text
    textCols: [1, 2, 3],
    protect: true,
    colors: STATUS_COLORS,
    percentRows: {
      from: STATUS_SUMMARY_ROW + STATUS_SUMMARY.length - 2,
      to: STATUS_SUMMARY_ROW + STATUS_SUMMARY.length - 1,
      fromCol: 4,
      toCol: 3 + DASHBOARD_PERIODS,
    },
    capacity: { rows: unitCount + STATUS_UNITS_ROW + 200, cols: 3 + DASHBOARD_PERIODS },
    tabColor: "#43a047",
  });
  defs.push({
    name: TAB.dashboard,
    header: [],
    frozenRows: 2,
    protect: true,
    percentRows: { from: 3, to: 2 + DASHBOARD_PERIODS, fromCol: 11, toCol: 12 },
    tabColor: "#43a047",
  });
  defs.push({ name: TAB.templates, header: TEMPLATES_HEADER, frozenRows: 1, protect: false, tabColor: "#5b8def" });
  defs.push({ name: TAB.themes, header: THEMES_HEADER, widths: [220, 520, 420], frozenRows: 1, protect: false, tabColor: "#5b8def" });
  defs.push({ name: TAB.mailLog, header: MAIL_LOG_HEADER, frozenRows: 1, dateCols: [2], textCols: [1, 4, 5], protect: true });
  defs.push({ name: TAB.ledger, header: MAIL_LOG_HEADER, frozenRows: 1, dateCols: [2], textCols: [1, 4, 5], protect: true, hidden: true });
  // room for a day's quota of mails (1,500 recipients on Workspace) without growing
  defs.push({ name: TAB.queue, header: ["Khóa", "Thư"], frozenRows: 1, protect: true, hidden: true, capacity: { rows: 2000, cols: 2 } });
  defs.push({ name: TAB.archive, header: ARCHIVE_HEADER, frozenRows: 1, protect: true });
  defs.push({ name: TAB.runLog, header: RUN_LOG_HEADER, frozenRows: 1, dateCols: [1], protect: true });
  defs.push({ name: TAB.preview, header: [], frozenRows: 2, protect: true });
  for (const form of FORM_IDS) {
    const spec = SPECS[form];
    const header = manualHeader(spec);
    defs.push({
      name: MANUAL_TAB[form],
      header,
      frozenRows: 1,
      // the date received is text, read as dd/mm/yyyy hh:mm whatever the Sheet's locale
      textCols: [1, 2, 4, ...(form === "monthly" ? [5] : [])],
      protect: false,
      // staff pick the channel, and the unit from the roster
      lists: [
        { col: 3, values: Object.values(CHANNEL_LABEL).slice(1), fromRow: 2 },
        { col: 4, rangeA1: `'${TAB.units}'!A2:A`, fromRow: 2 },
      ],
    });
  }
  return defs;
}
