// The house measured: long functions, long parameter lists, result shapes, import cycles and adapters reaching into
// use cases, over src/. Printed as a table; `--check` fails when a figure grew past tools/metrics-baseline.json (a
// ratchet: figures may fall, never rise; `--write` records lower ones). Read with TypeScript's own parser, so a
// comment or a string never counts.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const SRC = join(ROOT, "src");
const BASELINE = join(ROOT, "tools", "metrics-baseline.json");

/** the limits the house keeps */
export const LIMITS = { lines: 80, params: 5 };

export interface Metrics {
  longFunctions: string[];
  manyParams: string[];
  resultTypes: string[];
  cycles: string[][];
  gasToApp: string[];
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [join(dir, e.name)] : [],
  );
}

function nameOf(n: ts.Node, sf: ts.SourceFile): string {
  const named = n as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const p = n.parent;
  if (p && ts.isVariableDeclaration(p)) return p.name.getText(sf);
  if (p && ts.isPropertyAssignment(p)) return p.name.getText(sf);
  return "(anonymous)";
}

/**
 * A function whose body is one literal (an object or array table, or a template's text) is data, not logic: the
 * house's limit on lines does not apply to it.
 */
function isDataTable(n: ts.FunctionLikeDeclaration): boolean {
  let body: ts.Node | undefined = n.body;
  if (body && ts.isBlock(body) && body.statements.length === 1 && ts.isReturnStatement(body.statements[0]))
    body = body.statements[0].expression;
  while (body && ts.isParenthesizedExpression(body)) body = body.expression;
  return !!body && (ts.isObjectLiteralExpression(body) || ts.isArrayLiteralExpression(body) || ts.isTemplateExpression(body));
}

/** a declared shape with an `ok` member: a result type (src/domain/result.ts holds the one the house keeps) */
function isResultShape(n: ts.Node): boolean {
  const members = (t: ts.Node): boolean => {
    if (ts.isTypeLiteralNode(t) || ts.isInterfaceDeclaration(t))
      return t.members.some((m) => m.name !== undefined && m.name.getText() === "ok");
    if (ts.isUnionTypeNode(t) || ts.isIntersectionTypeNode(t)) return t.types.some(members);
    if (ts.isParenthesizedTypeNode(t)) return members(t.type);
    return false;
  };
  if (ts.isInterfaceDeclaration(n)) return members(n);
  if (ts.isTypeAliasDeclaration(n)) return members(n.type);
  return false;
}

function resolveImport(from: string, spec: string, all: Set<string>): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [`${base}.ts`, join(base, "index.ts")]) if (all.has(c)) return c;
  return null;
}

/** Tarjan's strongly connected components: each of more than one module (or a module importing itself) is a cycle */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || graph.get(v)?.has(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

export function measure(src = SRC): Metrics {
  const list = files(src);
  const all = new Set(list);
  const m: Metrics = { longFunctions: [], manyParams: [], resultTypes: [], cycles: [], gasToApp: [] };
  const graph = new Map<string, Set<string>>();
  for (const file of list) {
    const rel = relative(ROOT, file);
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    const deps = new Set<string>();
    graph.set(file, deps);
    const walk = (n: ts.Node): void => {
      if (ts.isImportDeclaration(n) || (ts.isExportDeclaration(n) && n.moduleSpecifier)) {
        const spec = (n.moduleSpecifier as ts.StringLiteral).text;
        const to = resolveImport(file, spec, all);
        if (to) {
          deps.add(to);
          const r = relative(src, to);
          if (relative(src, file).startsWith("gas/") && r.startsWith("app/")) m.gasToApp.push(`${rel} → src/${r}`);
        }
      }
      if (ts.isFunctionLike(n) && "body" in n && n.body) {
        const f = n as ts.FunctionLikeDeclaration;
        const where = `${rel}:${sf.getLineAndCharacterOfPosition(f.getStart(sf)).line + 1} ${nameOf(f, sf)}`;
        const lines = sf.getLineAndCharacterOfPosition(f.end).line - sf.getLineAndCharacterOfPosition(f.getStart(sf)).line + 1;
        if (lines > LIMITS.lines && !isDataTable(f)) m.longFunctions.push(`${where} (${lines} lines)`);
        if (f.parameters.length > LIMITS.params) m.manyParams.push(`${where} (${f.parameters.length} parameters)`);
      }
      if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && isResultShape(n))
        m.resultTypes.push(`${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} ${n.name.text}`);
      ts.forEachChild(n, walk);
    };
    walk(sf);
  }
  m.cycles = cyclesOf(graph).map((c) => c.map((f) => relative(ROOT, f)));
  return m;
}

type Counts = Record<keyof Metrics, number>;

export function counts(m: Metrics): Counts {
  return {
    longFunctions: m.longFunctions.length,
    manyParams: m.manyParams.length,
    resultTypes: m.resultTypes.length,
    cycles: m.cycles.length,
    gasToApp: m.gasToApp.length,
  };
}

const LABELS: Record<keyof Metrics, string> = {
  longFunctions: `functions over ${LIMITS.lines} lines (data tables excepted)`,
  manyParams: `functions over ${LIMITS.params} parameters`,
  resultTypes: "result types (shapes with an `ok` member)",
  cycles: "import cycles (type-only imports included)",
  gasToApp: "imports from src/gas into src/app",
};

/** the goal the house aims at, per figure */
const GOAL: Counts = { longFunctions: 0, manyParams: 0, resultTypes: 1, cycles: 0, gasToApp: 0 };

function main(): void {
  const args = new Set(process.argv.slice(2));
  const m = measure();
  const c = counts(m);
  const base: Counts = (() => {
    try {
      return JSON.parse(readFileSync(BASELINE, "utf8")) as Counts;
    } catch {
      return c;
    }
  })();
  console.log("| figure | now | recorded | goal |\n|---|---|---|---|");
  for (const k of Object.keys(LABELS) as (keyof Metrics)[]) console.log(`| ${LABELS[k]} | ${c[k]} | ${base[k]} | ${GOAL[k]} |`);
  if (args.has("--list"))
    for (const k of Object.keys(LABELS) as (keyof Metrics)[]) {
      const items = k === "cycles" ? m.cycles.map((x) => x.join(" ↔ ")) : m[k];
      if (items.length) console.log(`\n${LABELS[k]}:\n${(items as string[]).map((x) => `  ${x}`).join("\n")}`);
    }
  const grew = (Object.keys(c) as (keyof Metrics)[]).filter((k) => c[k] > base[k]);
  if (args.has("--write")) {
    const lower = Object.fromEntries((Object.keys(c) as (keyof Metrics)[]).map((k) => [k, Math.min(c[k], base[k])]));
    writeFileSync(BASELINE, `${JSON.stringify(grew.length ? c : lower, null, 2)}\n`);
  }
  if (args.has("--check") && grew.length) {
    console.error(`\nGrew past the recorded figure: ${grew.map((k) => LABELS[k]).join("; ")} (run with --list to see where).`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
