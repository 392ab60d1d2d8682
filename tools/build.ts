// Builds dist/Code.js (one file, what `clasp push` uploads) and dist/appsscript.json.
// The global functions Google calls are generated from the entry module's exports: no hand-kept list.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "src/main.ts");
const client = join(root, "src/ui/client/main.ts");
const dist = join(root, "dist");

/**
 * The sidebar's page script (src/ui/client, TypeScript for the browser), bundled on its own and put into the server
 * bundle as a string: the page inlines it. Nothing of the server comes with it (its imports of server modules are
 * types only, and the section list). "</script" never appears in it, so it cannot end its own tag.
 */
export async function clientScript(): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [client],
    bundle: true,
    format: "iife",
    target: "es2019",
    platform: "browser",
    charset: "utf8",
    legalComments: "none",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return (r.outputFiles?.[0]?.text ?? "").replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

const common: esbuild.BuildOptions = {
  entryPoints: [entry],
  bundle: true,
  target: "es2020",
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["import", "default"],
  charset: "utf8",
  legalComments: "none",
  write: false,
  logLevel: "silent",
};

/** the names the entry exports, read from esbuild's own analysis */
export async function entryExports(): Promise<string[]> {
  const r = await esbuild.build({ ...common, format: "esm", metafile: true, outdir: "out" });
  const out = Object.values(r.metafile?.outputs ?? {}).find((o) => o.entryPoint);
  return [...(out?.exports ?? [])].sort();
}

/** the module's closing `export { a as b, c }` becomes `return { b: a, c: c }` inside the wrapper */
function moduleBody(esm: string): string {
  const m = /export\s*\{([^}]*)\};?\s*$/.exec(esm);
  if (!m) throw new Error("the entry module exports nothing");
  const pairs = m[1]
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const [local, name = local] = x.split(/\s+as\s+/);
      return `${name}:${local}`;
    });
  return `${esm.slice(0, m.index)}return{${pairs.join(",")}};`;
}

/** wraps the module so that loading the file defines functions and runs nothing; each stub passes every argument on */
function wrap(esm: string, names: string[]): string {
  const body = moduleBody(esm);
  const stubs = names
    .map(
      (n) =>
        `/** Apps Script entry point (generated from src/main.ts). */\nfunction ${n}() {\n  return __app().${n}.apply(this, arguments);\n}`,
    )
    .join("\n\n");
  return `// Union reporting: built bundle. Edit src/, not this file.
${stubs}

var __appCache;
function __app() {
  if (!__appCache) {
    __appCache = (function () {
${body}
    })();
  }
  return __appCache;
}
`;
}

export async function build(): Promise<{ code: string; names: string[] }> {
  const names = await entryExports();
  const page = await clientScript();
  const r = await esbuild.build({
    ...common,
    format: "esm",
    outdir: "out",
    define: { __SIDEBAR_CLIENT__: JSON.stringify(page) },
  });
  const body = r.outputFiles?.[0]?.text ?? "";
  return { code: wrap(body, names), names };
}

async function main() {
  const shipped = await build();
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "Code.js"), shipped.code);
  writeFileSync(join(dist, "appsscript.json"), readFileSync(join(root, "appsscript.json")));
  // shipped readable for stack traces: its size only costs cold start, which the benchmark measures
  console.log(`dist/Code.js: ${(Buffer.byteLength(shipped.code) / 1024).toFixed(1)} KB`);
  console.log(`globals: ${shipped.names.join(", ")}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
