// The fast run (`npm test`): every test but those tagged "slow", on two workers or more, each reusing its process from
// file to file. A world is set up once per worker and copied for each test (tests/worlds.ts); the demo is played once
// per run, by the first file that needs it (tests/demo-run.ts, tests/global-setup.ts). The slow run is
// vitest.slow.config.ts (`npm run test:slow`); CI runs both.
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

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
    testTimeout: 60000,
    hookTimeout: 60000,
    pool: "forks",
    // a worker goes on to the next file in the same process: the modules (the stand-in, tsx's transforms, exceljs, the
    // demo read back) are loaded once per worker, and the worlds set up for one file serve the next (tests/worlds.ts).
    // No test file mocks modules or leaves globals behind (README, "How it is tested").
    isolate: false,
    // vitest's default (cores − 1) is a single worker on a two-core machine
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["./tests/global-setup.ts"],
    setupFiles: ["./tests/each-file.ts"],
    reporters: ["default", "./tests/timing-reporter.ts"],
    tags: TAGS,
    ...({ tagsFilter: ["!slow"] } satisfies TagsFilter),
  },
});
