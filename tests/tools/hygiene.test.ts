// The code base keeps itself tidy: every export of src/ is imported somewhere (else it is not exported), and no
// stray scripts lie at the project's root.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../standin/simulation/simulation";
import { SLOW_FILES, SLOW_ONLY } from "../support/runs";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === "node_modules" ? [] : files(p);
    return /\.ts$/.test(n) && !n.endsWith(".d.ts") ? [p] : [];
  });
}

/** the file a relative import names (".js" written for ".ts", a folder for its index) */
function target(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec.replace(/\.js$/, ""));
  for (const p of [`${base}.ts`, join(base, "index.ts")]) {
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      // not this one
    }
  }
  return null;
}

describe("hygiene", () => {
  const all = ["src", "tests", "standin", "tools", "bench"].flatMap((d) => files(join(ROOT, d)));

  it("every export of src/ is imported somewhere (the entry's exports are Google's globals)", () => {
    const used = new Set<string>();
    for (const f of all) {
      const sf = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.ES2022, true);
      sf.forEachChild((n) => {
        if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
          const t = target(f, n.moduleSpecifier.text);
          if (!t) return;
          const clause = ts.isImportDeclaration(n) ? n.importClause : undefined;
          if (ts.isExportDeclaration(n) && n.exportClause && ts.isNamedExports(n.exportClause)) {
            for (const e of n.exportClause.elements) used.add(`${t}#${(e.propertyName ?? e.name).text}`);
          } else if (ts.isExportDeclaration(n)) used.add(`${t}#*`);
          if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings))
            for (const e of clause.namedBindings.elements) used.add(`${t}#${(e.propertyName ?? e.name).text}`);
          if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) used.add(`${t}#*`);
        }
      });
      // dynamic imports in tests: await import("../src/…") then a destructuring of the names
      for (const m of readFileSync(f, "utf8").matchAll(/const \{([^}]*)\} = await import\("([^"]+)"\)/g)) {
        const t = target(f, m[2]);
        if (t) for (const name of m[1].split(",")) used.add(`${t}#${name.trim().split(":")[0].trim()}`);
      }
    }
    const unused: string[] = [];
    for (const f of all.filter((x) => x.startsWith(join(ROOT, "src")) && !x.endsWith("main.ts"))) {
      if (used.has(`${f}#*`)) continue;
      const sf = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.ES2022, true);
      sf.forEachChild((n) => {
        const exported = ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        if (!exported) return;
        const names: string[] = [];
        if (ts.isVariableStatement(n)) for (const d of n.declarationList.declarations) names.push(d.name.getText(sf));
        else if (
          (ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) &&
          n.name
        )
          names.push(n.name.text);
        for (const name of names) if (!used.has(`${f}#${name}`)) unused.push(`${relative(ROOT, f)}: ${name}`);
      });
    }
    expect(unused).toEqual([]);
  });

  it("no stray scripts at the project's root", () => {
    const stray = readdirSync(ROOT).filter((n) => /\.(m?js|cjs|ts)$/.test(n) && !["vitest.config.ts", "vitest.slow.config.ts"].includes(n));
    expect(stray).toEqual([]);
  });

  it("every test tagged slow is in a file the slow run reads (else it would run in neither run)", () => {
    const tagged = all
      .filter((f) => f.endsWith(".test.ts") && /\["slow"\]/.test(readFileSync(f, "utf8")))
      .map((f) => relative(ROOT, f))
      .sort();
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged).toEqual([...SLOW_FILES].sort());
  });

  it("a file the fast run leaves unread holds only tests tagged slow, itself or by its describe", () => {
    const untagged: string[] = [];
    for (const rel of SLOW_ONLY) {
      expect(SLOW_FILES).toContain(rel);
      const sf = ts.createSourceFile(rel, readFileSync(join(ROOT, rel), "utf8"), ts.ScriptTarget.ES2022, true);
      const slow = (call: ts.CallExpression) =>
        call.arguments.some((a) => ts.isObjectLiteralExpression(a) && /tags:\s*\[\s*"slow"/.test(a.getText(sf)));
      const visit = (n: ts.Node, inSlow: boolean): void => {
        let under = inSlow;
        if (ts.isCallExpression(n)) {
          const callee = n.expression.getText(sf).split(".")[0];
          if (callee === "describe" && slow(n)) under = true;
          if ((callee === "it" || callee === "test") && !under && !slow(n))
            untagged.push(`${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`);
        }
        n.forEachChild((c) => visit(c, under));
      };
      visit(sf, false);
    }
    expect(untagged).toEqual([]);
  });
});
