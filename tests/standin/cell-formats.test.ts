// A tab's cell formats kept by block read exactly as a cell-by-cell map would: any sequence of blocks and cells set,
// cleared and columns dropped, checked cell by cell against the plain map it stands for.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Block, CellFormats } from "../../standin/spreadsheet/cell-formats";

const ROWS = 40;
const COLS = 12;

type Op =
  | { kind: "fill"; b: Block; value: string | null }
  | { kind: "put"; r: number; c: number; value: string | null }
  | { kind: "drop"; col: number; n: number };

const value = fc.option(fc.constantFrom("top", "bold", "#ff0000"), { nil: null });
const block = fc
  .tuple(
    fc.integer({ min: 1, max: ROWS }),
    fc.integer({ min: 1, max: ROWS }),
    fc.integer({ min: 1, max: COLS }),
    fc.integer({ min: 1, max: COLS }),
  )
  .map(([a, b, c, d]) => ({ r1: Math.min(a, b), r2: Math.max(a, b), c1: Math.min(c, d), c2: Math.max(c, d) }));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("fill" as const), b: block, value }),
  fc.record({ kind: fc.constant("put" as const), r: fc.integer({ min: 1, max: ROWS }), c: fc.integer({ min: 1, max: COLS }), value }),
  fc.record({ kind: fc.constant("drop" as const), col: fc.integer({ min: 1, max: COLS }), n: fc.integer({ min: 1, max: 3 }) }),
);

/** the plain cell-by-cell map the class stands for */
function naive(ops: Op[]): Map<string, string> {
  let m = new Map<string, string>();
  const put = (r: number, c: number, v: string | null) => (v === null ? m.delete(`${r},${c}`) : m.set(`${r},${c}`, v));
  for (const o of ops) {
    if (o.kind === "put") put(o.r, o.c, o.value);
    else if (o.kind === "fill") for (let r = o.b.r1; r <= o.b.r2; r++) for (let c = o.b.c1; c <= o.b.c2; c++) put(r, c, o.value);
    else {
      const next = new Map<string, string>();
      for (const [k, v] of m) {
        const [r, c] = k.split(",").map(Number);
        if (c < o.col) next.set(k, v);
        else if (c >= o.col + o.n) next.set(`${r},${c - o.n}`, v);
      }
      m = next;
    }
  }
  return m;
}

describe("CellFormats", () => {
  it("reads every cell as the cell-by-cell map would, after any blocks, cells and dropped columns", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        // blocks of more than 4 cells kept whole: most blocks of the run take that way
        const f = new CellFormats<string>(4);
        for (const o of ops) {
          if (o.kind === "put") f.put(o.r, o.c, o.value);
          else if (o.kind === "fill") f.fill(o.b, o.value);
          else f.dropColumns(o.col, o.n);
        }
        const want = naive(ops);
        for (let r = 1; r <= ROWS; r++)
          for (let c = 1; c <= COLS; c++) {
            expect(f.at(r, c), `${r},${c}`).toBe(want.get(`${r},${c}`));
            expect(f.has(`${r},${c}`)).toBe(want.has(`${r},${c}`));
          }
      }),
      { numRuns: 100 },
    );
  });

  it("keeps a large block as one block, and survives a structured copy once revived", () => {
    const f = new CellFormats<string>();
    f.fill({ r1: 1, c1: 1, r2: 1000, c2: 26 }, "top");
    f.put(5, 5, null);
    const copy = CellFormats.revive(structuredClone(f));
    expect(copy.at(1000, 26)).toBe("top");
    expect(copy.at(5, 5)).toBeUndefined();
    expect(copy.at(1001, 1)).toBeUndefined();
    // the block is one entry, not 26,000
    expect(JSON.stringify(structuredClone(f)).length).toBeLessThan(300);
  });
});
