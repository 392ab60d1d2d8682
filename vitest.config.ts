// The fast run (`npm test`): every test but those tagged "slow", on two workers or more. A test file sets a world up
// once and copies it for each of its tests (tests/support/worlds.ts); the demo is played once per run, by the first file that
// needs it (tests/support/demo-run.ts, tests/support/global-setup.ts). The slow run is
// vitest.slow.config.ts (`npm run test:slow`); CI runs both.
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import { SLOW_ONLY } from "./tests/support/runs.js";

/** the tests a run keeps (`--tags-filter` on the command line overrides it): vitest reads it from the config, untyped there */
type TagsFilter = { tagsFilter: string[] };

export const TAGS = [
  {
    name: "slow",
    description: "rendering through a real browser or LibreOffice, a fault at every service call, city-scale data: npm run test:slow",
  },
];

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // files whose tests are all slow: not even loaded
    exclude: [...configDefaults.exclude, ...SLOW_ONLY],
    testTimeout: 60000,
    hookTimeout: 60000,
    pool: "forks",
    // a worker runs file after file in one process, its modules loaded once, the stand-in's compiled bundle kept warm
    // (a fifth less CPU than a process per file); what a file kept is let go before the next (tests/support/per-file.ts:
    // the shared worlds), so a worker stays near 2 GB rather than growing with every file
    isolate: false,
    setupFiles: ["./tests/support/per-file.ts"],
    // a larger young generation: the stand-in's runs make many short-lived values, and a tenth of the time went to
    // collecting them (measured: some 5% less CPU over the intake, records and resume files)
    execArgv: ["--max-semi-space-size=32"],
    // vitest's default (cores − 1) is a single worker on a two-core machine
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["./tests/support/global-setup.ts"],
    reporters: ["default", "./tests/support/timing-reporter.ts"],
    tags: TAGS,
    ...({ tagsFilter: ["!slow"] } satisfies TagsFilter),
  },
});
