// Prints, after a run, the files that took longest (collecting them, with what they set up at the top, and their tests
// and hooks), so that a test grown slow is seen where it is. Used by both vitest configs beside the default reporter.
import type { Reporter, TestModule } from "vitest/node";

export default class TimingReporter implements Reporter {
  private files: { name: string; ms: number }[] = [];

  onTestModuleEnd(m: TestModule): void {
    const d = m.diagnostic();
    const ms = d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
    if (ms > 0) this.files.push({ name: m.relativeModuleId, ms });
  }

  onTestRunEnd(): void {
    const top = this.files.sort((a, b) => b.ms - a.ms).slice(0, 10);
    if (!top.length) return;
    const lines = top.map((f) => `  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.name}`);
    process.stdout.write(`\nSlowest files (collect + hooks + tests, in their worker):\n${lines.join("\n")}\n`);
  }
}
