// The house's measure (tools/metrics.ts) on small made-up sources: each figure counts what it names and nothing else.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { counts, measure } from "../../tools/metrics";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "metrics-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("tools/metrics", () => {
  it("counts long functions but not data tables, long parameter lists, result shapes, cycles and gas → app imports", () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const table = Array.from({ length: 85 }, (_, i) => `    k${i}: ${i},`).join("\n");
    const dir = tree({
      "app/a.ts": `import type { B } from "./b";\nexport function long(): number {\n${body}\n  return 1;\n}\nexport type R = { ok: true } | { ok: false; message: string };\nexport const x: B | null = null;`,
      "app/b.ts": `import { long } from "./a";\nexport type B = number;\nexport function six(a: number, b: number, c: number, d: number, e: number, f: number): number {\n  return long() + a + b + c + d + e + f;\n}\nexport function five(a: number, b: number, c: number, d: number, e: number): number {\n  return a + b + c + d + e;\n}`,
      "app/table.ts": `export function table() {\n  return {\n${table}\n  };\n}`,
      "gas/adapter.ts": `import type { R } from "../app/a";\nexport const r: R = { ok: true };`,
      "domain/clean.ts": `export interface Row { okay: boolean }`,
    });
    const m = measure(dir);
    expect(counts(m)).toEqual({ longFunctions: 1, manyParams: 1, resultTypes: 1, cycles: 1, gasToApp: 1 });
    expect(m.longFunctions[0]).toMatch(/a\.ts:2 long \(88 lines\)/);
    expect(m.manyParams[0]).toMatch(/b\.ts:3 six \(6 parameters\)/);
    expect(m.cycles[0].map((f) => f.replace(/.*\/app\//, "app/"))).toEqual(["app/a.ts", "app/b.ts"]);
  });
});
