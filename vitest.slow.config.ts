// The slow run (`npm run test:slow`; CI runs it after `npm test`): the tests tagged "slow", in the files listed here.
// A test tagged slow in a file not listed would run in neither run: tests/hygiene.test.ts holds the list to the tags.
import { defineConfig } from "vitest/config";
import fast from "./vitest.config.js";

export const SLOW_FILES = [
  "tests/archive.test.ts",
  "tests/crash-archive.test.ts",
  "tests/crash-daily.test.ts",
  "tests/crash-followup.test.ts",
  "tests/crash-rollup.test.ts",
  "tests/crash-setup.test.ts",
  "tests/crash-submit.test.ts",
  "tests/intake.test.ts",
  "tests/mail-phone.test.ts",
  "tests/mail.test.ts",
  "tests/reliability.test.ts",
  "tests/report-demo.test.ts",
  "tests/sheet-office.test.ts",
  "tests/sidebar.test.ts",
];

export default defineConfig({ test: { ...fast.test, include: SLOW_FILES, tagsFilter: ["slow"] } as typeof fast.test });
