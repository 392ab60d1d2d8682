// One cell property of a tab (number format, background, weight, colour, wrap, alignment, note), cell by cell, as Google
// keeps it: a value per cell or none. A format given to a large block at once (a whole tab's columns, `A1:Z`, set on every
// run) is kept as that block rather than as a thousand entries per column: setting it, reading a cell and copying the
// world then cost what the block costs, not what its cells do. What a reader sees is the same either way.

/** a block of cells, 1-based and inclusive */
export interface Block {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** a value given to a whole block; null: the block's cells cleared */
interface Layer<T> extends Block {
  value: T | null;
}

/** by default, blocks larger than this are kept whole */
const BLOCK_FROM = 256;

const inside = (b: Block, r: number, c: number) => r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2;
const covers = (outer: Block, b: Block) => outer.r1 <= b.r1 && outer.r2 >= b.r2 && outer.c1 <= b.c1 && outer.c2 >= b.c2;

export class CellFormats<T> {
  /** "r,c" -> the cell's own value, newer than any block over it; null: cleared over a block. Also "*,c" keys (whole columns). */
  private cells = new Map<string, T | null>();
  /** oldest first */
  private layers: Layer<T>[] = [];

  /** @param blockFrom blocks of more cells than this are kept whole */
  constructor(private readonly blockFrom = BLOCK_FROM) {}

  /** the value at "r,c" (or a "*,c" key), undefined when none */
  get(key: string): T | undefined {
    const own = this.cells.get(key);
    if (own !== undefined || this.cells.has(key)) return own ?? undefined;
    if (this.layers.length === 0) return undefined;
    const comma = key.indexOf(",");
    return this.layerAt(Number(key.slice(0, comma)), Number(key.slice(comma + 1)));
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** the value of one cell */
  at(r: number, c: number): T | undefined {
    return this.get(`${r},${c}`);
  }

  /** a key's own value, as a Map's set */
  set(key: string, value: T): this {
    this.cells.set(key, value);
    return this;
  }

  delete(key: string): boolean {
    const had = this.has(key);
    if (this.layers.length === 0) this.cells.delete(key);
    else this.cells.set(key, null);
    return had;
  }

  /** one cell's value, or none */
  put(r: number, c: number, value: T | null | undefined): void {
    const key = `${r},${c}`;
    if (value !== null && value !== undefined) this.cells.set(key, value);
    else if (this.layerAt(r, c) === undefined) this.cells.delete(key);
    else this.cells.set(key, null);
  }

  /** one value (or none) for every cell of a block */
  fill(b: Block, value: T | null): void {
    const size = (b.r2 - b.r1 + 1) * (b.c2 - b.c1 + 1);
    if (size <= this.blockFrom) {
      for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) this.put(r, c, value);
      return;
    }
    for (const key of [...this.cells.keys()]) {
      const comma = key.indexOf(",");
      if (inside(b, Number(key.slice(0, comma)), Number(key.slice(comma + 1)))) this.cells.delete(key);
    }
    this.layers = this.layers.filter((l) => !covers(b, l));
    // a clear over nothing left is nothing to keep
    if (value !== null || this.layers.length > 0) this.layers.push({ ...b, value });
  }

  /** columns col..col+n−1 taken out of the tab: those right of them move left */
  dropColumns(col: number, n: number): void {
    const to = (c: number) => (c < col ? c : c - n);
    const cells = new Map<string, T | null>();
    for (const [key, v] of this.cells) {
      const [r, c] = key.split(",");
      if (Number(c) < col) cells.set(key, v);
      else if (Number(c) >= col + n) cells.set(`${r},${to(Number(c))}`, v);
    }
    this.cells = cells;
    const layers: Layer<T>[] = [];
    for (const l of this.layers) {
      const first = l.c1 >= col && l.c1 < col + n ? col + n : l.c1;
      const last = l.c2 >= col && l.c2 < col + n ? col - 1 : l.c2;
      if (first <= last) layers.push({ ...l, c1: to(first), c2: to(last) });
    }
    this.layers = layers;
  }

  private layerAt(r: number, c: number): T | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      if (inside(l, r, c)) return l.value ?? undefined;
    }
    return undefined;
  }

  /** a copy made by structuredClone or v8's serializer is a plain object: its class given back */
  static revive<T>(x: CellFormats<T>): CellFormats<T> {
    return Object.setPrototypeOf(x, CellFormats.prototype) as CellFormats<T>;
  }
}
