// Which test files each run reads. The fast run (`npm test`) reads every file but those whose tests are all slow, and
// runs the tests not tagged "slow"; the slow run (`npm run test:slow`) reads SLOW_FILES and runs the tagged ones.
// tests/tools/hygiene.test.ts holds both lists to the tags, so that no test is left to neither run.

/** the files holding tests tagged slow */
export const SLOW_FILES = [
  "tests/bench/bench.test.ts",
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
  "tests/app/sheet/today-picture.test.ts",
  "tests/app/sidebar/server.test.ts",
  "tests/app/sidebar/browser.test.ts",
  "tests/app/report/trends-pictures.test.ts",
];

/** those of SLOW_FILES with no test the fast run would keep: the fast run does not even load them */
export const SLOW_ONLY = [
  "tests/bench/bench.test.ts",
  "tests/app/archive/crash-archive.test.ts",
  "tests/app/daily/crash-daily.test.ts",
  "tests/app/daily/crash-followup.test.ts",
  "tests/app/report/crash-rollup.test.ts",
  "tests/app/setup/crash-setup.test.ts",
  "tests/app/intake/crash-submit.test.ts",
  "tests/app/mail/phone.test.ts",
  "tests/app/sidebar/browser.test.ts",
  "tests/app/report/trends-pictures.test.ts",
  "tests/app/sheet/today-picture.test.ts",
];
