// Prints, after a run, the files that took longest (collecting them, with what they set up at the top, and their tests
// and hooks), so that a test grown slow is seen where it is, and the sum over all files: with two workers the run takes
// about half of it. Used by both vitest configs beside the default reporter; TIMING_ALL=1 lists every file.
import type { Reporter, TestModule } from "vitest/node";

export default class TimingReporter implements Reporter {
  private files: { name: string; ms: number }[] = [];

  onTestModuleEnd(m: TestModule): void {
    const d = m.diagnostic();
    const ms = d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
    if (ms > 0) this.files.push({ name: m.relativeModuleId, ms });
  }

  onTestRunEnd(): void {
    const all = this.files.sort((a, b) => b.ms - a.ms);
    if (!all.length) return;
    const top = process.env.TIMING_ALL ? all : all.slice(0, 10);
    const lines = top.map((f) => `  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.name}`);
    const sum = all.reduce((s, f) => s + f.ms, 0) / 1000;
    process.stdout.write(
      `\nSlowest files (collect + hooks + tests, in their worker):\n${lines.join("\n")}\n` +
        `  ${sum.toFixed(1).padStart(6)} s  sum over ${all.length} files\n`,
    );
  }
}
