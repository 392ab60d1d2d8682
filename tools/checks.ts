// The checks `npm test` runs before the tests (the three TypeScript projects, biome, the house's metrics), side by side
// on the machine's cores rather than one after the other: each is a process of its own, most of them single-threaded.
// Every check's output is printed whole once it ends; the run fails if any check fails.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";

const CHECKS: [name: string, cmd: string, args: string[]][] = [
  ["tsc (src, Apps Script's types)", "npx", ["tsc", "-p", "tsconfig.json"]],
  ["tsc (stand-in, tests, tools)", "npx", ["tsc", "-p", "tsconfig.node.json"]],
  ["tsc (sidebar client)", "npx", ["tsc", "-p", "src/ui/client/tsconfig.json"]],
  ["biome", "npx", ["biome", "check", "."]],
  ["metrics", "npx", ["tsx", "tools/metrics.ts", "--check"]],
];

function run([name, cmd, args]: (typeof CHECKS)[number]): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => {
      if (code !== 0) process.stdout.write(`\n✗ ${name} failed:\n${out}\n`);
      else if (out.trim() && name === "metrics") process.stdout.write(out);
      done(code === 0);
    });
  });
}

async function main(): Promise<void> {
  const queue = [...CHECKS];
  const results: boolean[] = [];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) results.push(await run(c));
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  if (results.some((ok) => !ok)) process.exit(1);
}

main();
