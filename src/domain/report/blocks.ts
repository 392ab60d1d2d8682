// The report as content: blocks that a Google Doc, the leaders' mail and the rollup tab are each made from.
import { escapeHtml as e } from "../text";

/** a run of text; bold or italic where the report wants it */
interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export type Part = string | Inline;
export type Align = "left" | "center" | "right" | "justify";

export type Block =
  /** a section title ("I. KẾT QUẢ …", "1. Tháng 10/2018 …") */
  | { kind: "heading"; text: string; level: 1 | 2 }
  /** body text, first line indented as the template's content paragraph */
  | { kind: "paragraph"; parts: Part[]; align?: Align }
  /** a dash item ("- …"), as Vietnamese administrative documents list */
  | { kind: "item"; parts: Part[] }
  /** a table; widths are relative */
  | { kind: "table"; head: string[]; rows: string[][]; widths: number[] }
  /** space the desk writes in: marked, so it cannot be mistaken for finished text */
  | { kind: "todo"; text: string }
  | { kind: "pageBreak" };

/** what a document accepts in a paragraph: one line, no control characters */
export function oneLine(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/\t/g, " ")
    .replace(/\p{Cc}/gu, "")
    .trim();
}

export function textOf(parts: Part[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
}

const CELL = 'style="border:1px solid #999;padding:3px 8px;vertical-align:top;text-align:left"';

function partsHtml(parts: Part[]): string {
  return parts
    .map((p) => {
      if (typeof p === "string") return e(p);
      const t = e(p.text);
      return p.bold ? `<b>${t}</b>` : p.italic ? `<i>${t}</i>` : t;
    })
    .join("");
}

/** the blocks as HTML for a mail: every value escaped; todo blocks (the desk's own text) left out */
export function blocksHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "heading":
          return b.level === 1 ? `<h3 style="margin:14px 0 4px">${e(b.text)}</h3>` : `<p style="margin:8px 0 2px"><b>${e(b.text)}</b></p>`;
        case "paragraph":
          return `<p style="margin:4px 0">${partsHtml(b.parts)}</p>`;
        case "item":
          return `<p style="margin:2px 0 2px 16px">- ${partsHtml(b.parts)}</p>`;
        case "table":
          return `<table style="border-collapse:collapse;margin:4px 0"><tr>${b.head.map((h) => `<th ${CELL}>${e(h)}</th>`).join("")}</tr>${b.rows
            .map((r) => `<tr>${r.map((c) => `<td ${CELL}>${e(c)}</td>`).join("")}</tr>`)
            .join("")}</table>`;
        case "todo":
        case "pageBreak":
          return "";
      }
    })
    .join("\n");
}

/** the blocks as plain text, a line each (a mail's text part): headings in capitals, a table's cells joined by “|” */
export function blocksText(blocks: Block[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        lines.push("", b.text.toUpperCase());
        break;
      case "paragraph":
        lines.push(textOf(b.parts));
        break;
      case "item":
        lines.push(`- ${textOf(b.parts)}`);
        break;
      case "table":
        for (const r of [b.head, ...b.rows]) lines.push(r.join(" | "));
        break;
      case "todo":
      case "pageBreak":
        break;
    }
  }
  return lines;
}

/** a number in the rollup tab: a count, a rate the tab shows as a percentage, a change shown with its sign */
type NumberKind = "count" | "rate" | "change";

/** a block of cells holding numbers of one kind: its first and last row and column, from 0 */
interface NumberBlock {
  top: number;
  bottom: number;
  left: number;
  right: number;
  kind: NumberKind;
}

/** where a table stands in the tab: its header row, its last row and its width, from 0 */
interface TablePlace {
  head: number;
  last: number;
  cols: number;
}

/** the blocks as the rollup tab's rows, with where its tables and their numbers stand */
export interface TabRows {
  /** text in column A; a table as a table: its header, then a row per row, each value in its own column */
  rows: (string | number)[][];
  tables: TablePlace[];
  numbers: NumberBlock[];
}

const COUNT_TEXT = /^\d{1,3}(?:\.\d{3})*$/;
const count = (t: string) => Number(t.replace(/\./g, ""));

/**
 * A table's cell as a number: a count ("1.234"), a rate ("89,7%"), in a column of changes a change ("+3", "−2", "0");
 * anything else stays text ("−2,6 điểm phần trăm", "24 (+13)", "—")
 */
function tabNumber(cell: string, changes: boolean): { value: number; kind: NumberKind } | null {
  if (changes) {
    const m = /^([+\u2212-]?)(\d{1,3}(?:\.\d{3})*)$/.exec(cell);
    return m ? { value: (m[1] && m[1] !== "+" ? -1 : 1) * count(m[2]), kind: "change" } : null;
  }
  if (COUNT_TEXT.test(cell)) return { value: count(cell), kind: "count" };
  const rate = /^(\d{1,3}(?:\.\d{3})*(?:,\d+)?)%$/.exec(cell);
  if (rate) return { value: Number(rate[1].replace(/\./g, "").replace(",", ".")) / 100, kind: "rate" };
  return null;
}

/** the numbers of a table's rows (kinds by row and column) as blocks: runs down each column, joined across columns */
function numberBlocks(kinds: (NumberKind | null)[][], top: number): NumberBlock[] {
  const out: NumberBlock[] = [];
  const width = Math.max(0, ...kinds.map((r) => r.length));
  for (let j = 0; j < width; j++) {
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i][j];
      if (!kind) continue;
      const first = i;
      while (i + 1 < kinds.length && kinds[i + 1][j] === kind) i++;
      const [t, b] = [top + first, top + i];
      const beside = out.find((x) => x.right === j - 1 && x.top === t && x.bottom === b && x.kind === kind);
      if (beside) beside.right = j;
      else out.push({ top: t, bottom: b, left: j, right: j, kind });
    }
  }
  return out;
}

/**
 * A table as the tab holds it: the header row, then one row per row, each value in its own column; counts, rates and
 * changes as numbers (a column holding a signed value is a column of changes), the first column as written
 */
function tableRows(head: string[], body: string[][], at: number): { rows: (string | number)[][]; numbers: NumberBlock[] } {
  const changes = head.map((_, j) => j > 0 && body.some((r) => /^[+\u2212-]/.test(r[j] ?? "")));
  const kinds: (NumberKind | null)[][] = [];
  const rows = body.map((r) => {
    const k: (NumberKind | null)[] = r.map(() => null);
    kinds.push(k);
    return r.map((c, j) => {
      const n = j > 0 ? tabNumber(c, changes[j]) : null;
      if (!n) return c;
      k[j] = n.kind;
      return n.value;
    });
  });
  return { rows: [[...head], ...rows], numbers: numberBlocks(kinds, at + 1) };
}

/** the blocks as rows for the rollup tab: text in column A, each table as a table */
export function blocksRows(blocks: Block[]): TabRows {
  const rows: (string | number)[][] = [];
  const tables: TablePlace[] = [];
  const numbers: NumberBlock[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        rows.push([""], [b.text.toUpperCase()]);
        break;
      case "paragraph":
      case "item":
        rows.push([textOf(b.parts)]);
        break;
      case "table": {
        const t = tableRows(b.head, b.rows, rows.length);
        tables.push({ head: rows.length, last: rows.length + b.rows.length, cols: b.head.length });
        numbers.push(...t.numbers);
        rows.push(...t.rows);
        break;
      }
      case "todo":
        rows.push([b.text]);
        break;
      case "pageBreak":
        break;
    }
  }
  return { rows, tables, numbers };
}
