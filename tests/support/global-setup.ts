// Once per run, before the workers start: the folder the demo is written to by the first test file that needs it
// (tests/support/demo-run.ts), removed when the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    demoDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "demo-run-"));
  project.provide("demoDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
