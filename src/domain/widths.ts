// Column widths and row heights from what cells hold, as Sheets draws them in its default font (Arial 10 at 96 dpi).
// Widths are in pixels, as Sheet.setColumnWidth takes them; an estimate from the letters' shapes, never a measurement.

/** letters Arial draws narrow or wide; every other letter is about half an em */
const NARROW = new Set([..."iljI.,:;'|!` "]);
const SEMI = new Set([...'tfr()[]{}-/\\"*']);
const WIDE = new Set([..."mwMW@%"]);

/** the width in pixels of one line of text, in Arial 10 (bold about a tenth wider) */
export function textPx(text: string, bold = false): number {
  let px = 0;
  for (const ch of text.normalize("NFD")) {
    // the marks of Vietnamese letters sit on their base letter and take no width of their own
    if (/[\u0300-\u036f]/.test(ch)) continue;
    if (NARROW.has(ch)) px += 3.6;
    else if (SEMI.has(ch)) px += 4.6;
    else if (WIDE.has(ch)) px += 11;
    else if (/[A-ZĐ]/.test(ch)) px += 8.9;
    else if (/[0-9]/.test(ch)) px += 7.4;
    else px += 6.9;
  }
  return Math.ceil(bold ? px * 1.1 : px);
}

/** room a cell keeps around its text */
export const CELL_PADDING = 10;

/** how many lines a wrapped cell takes in a column `widthPx` wide (words kept whole when they fit, long words cut) */
export function linesOf(text: string, widthPx: number, bold = false): number {
  const room = Math.max(20, widthPx - CELL_PADDING);
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of para.split(" ")) {
      const w = textPx(word, bold);
      const space = line ? textPx(" ") : 0;
      if (line + space + w <= room) line += space + w;
      else if (w <= room) {
        count++;
        line = w;
      } else {
        // a word longer than the column (a link) is broken across lines
        const extra = Math.ceil((line + space + w) / room) - 1;
        count += extra;
        line = (line + space + w) % room;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** pixels of one line of Arial 10, as a row grows by it */
export const LINE_PX = 16;

interface WidthRule {
  min: number;
  max: number;
}

/**
 * Each column's width from its cells: the widest line, bounded. A column whose text is wider than `max` is meant to
 * wrap at `max`. `bold` rows (headings) count a little wider.
 */
export function fitWidths(rows: unknown[][], rules: WidthRule[], boldRows = 0): number[] {
  return rules.map((rule, j) => {
    let widest = 0;
    rows.forEach((row, i) => {
      const v = row[j];
      if (v === null || v === undefined || v === "") return;
      const text = typeof v === "number" ? String(Math.round(v * 10) / 10) : String(v);
      for (const line of text.split("\n")) widest = Math.max(widest, textPx(line, i < boldRows));
    });
    return Math.max(rule.min, Math.min(rule.max, widest + CELL_PADDING));
  });
}
