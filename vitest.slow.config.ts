// The slow run (`npm run test:slow`; CI runs it after `npm test`): the tests tagged "slow", in the files
// tests/support/runs.ts lists. A test tagged slow in a file not listed would run in neither run:
// tests/tools/hygiene.test.ts holds the list to the tags.
import { configDefaults, defineConfig } from "vitest/config";
import { SLOW_FILES } from "./tests/support/runs.js";
import fast from "./vitest.config.js";

export default defineConfig({
  test: { ...fast.test, include: SLOW_FILES, exclude: configDefaults.exclude, tagsFilter: ["slow"] } as typeof fast.test,
});
