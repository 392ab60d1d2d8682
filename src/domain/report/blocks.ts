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

/** the blocks as two-column rows for the rollup tab */
export function blocksRows(blocks: Block[]): string[][] {
  const rows: string[][] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        rows.push(["", ""], [b.text.toUpperCase(), ""]);
        break;
      case "paragraph":
      case "item":
        rows.push([textOf(b.parts), ""]);
        break;
      case "table":
        rows.push([b.head.join(" | "), ""]);
        for (const r of b.rows) rows.push(r.length === 2 ? [r[0], r[1]] : [r.slice(0, -1).filter(Boolean).join(" – "), r[r.length - 1]]);
        break;
      case "todo":
        rows.push([b.text, ""]);
        break;
      case "pageBreak":
        break;
    }
  }
  return rows;
}
