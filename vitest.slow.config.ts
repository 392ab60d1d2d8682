// The slow run (`npm run test:slow`; CI runs it after `npm test`): the tests tagged "slow", in the files listed here.
// A test tagged slow in a file not listed would run in neither run: tests/tools/hygiene.test.ts holds the list to the tags.
import { defineConfig } from "vitest/config";
import fast from "./vitest.config.js";

export const SLOW_FILES = [
  "tests/app/archive/archive.test.ts",
  "tests/app/archive/crash-archive.test.ts",
  "tests/app/daily/crash-daily.test.ts",
  "tests/app/daily/crash-followup.test.ts",
  "tests/app/report/crash-rollup.test.ts",
  "tests/app/setup/crash-setup.test.ts",
  "tests/app/intake/crash-submit.test.ts",
  "tests/app/intake/intake.test.ts",
  "tests/app/mail/phone.test.ts",
  "tests/app/mail/mail.test.ts",
  "tests/app/daily/reliability.test.ts",
  "tests/app/report/demo.test.ts",
  "tests/app/sheet/office.test.ts",
  "tests/app/sidebar/server.test.ts",
  "tests/app/sidebar/browser.test.ts",
  "tests/app/report/trends-pictures.test.ts",
];

export default defineConfig({ test: { ...fast.test, include: SLOW_FILES, tagsFilter: ["slow"] } as typeof fast.test });
