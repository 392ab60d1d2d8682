// A1 notation as Google reads it, including open-ended ranges ("A2:H", "A:A") and sheet prefixes.
export interface A1 {
  sheet?: string;
  row: number;
  col: number;
  /** undefined = open to the sheet's last row / column */
  endRow?: number;
  endCol?: number;
}

export function colToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function numberToCol(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const CELL = /^([A-Za-z]*)(\d*)$/;

export function parseA1(text: string): A1 {
  let sheet: string | undefined;
  let ref = text;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = text.slice(bang + 1);
  }
  const [a, b] = ref.split(":");
  const m1 = CELL.exec(a);
  if (!m1 || (!m1[1] && !m1[2])) throw new Error(`Range not found: ${text}`);
  const start = { col: m1[1] ? colToNumber(m1[1]) : 1, row: m1[2] ? Number(m1[2]) : 1 };
  if (b === undefined) {
    if (!m1[1] || !m1[2]) throw new Error(`Range not found: ${text}`);
    return { sheet, row: start.row, col: start.col, endRow: start.row, endCol: start.col };
  }
  const m2 = CELL.exec(b);
  if (!m2 || (!m2[1] && !m2[2])) throw new Error(`Range not found: ${text}`);
  return {
    sheet,
    row: start.row,
    col: start.col,
    endRow: m2[2] ? Number(m2[2]) : undefined,
    endCol: m2[1] ? colToNumber(m2[1]) : undefined,
  };
}
