// Revision 3's crash, swept: the runFollowUp run cut at each of its calls (a seeded 200 of them when it is longer), then the
// season played on; each time the outcome equals the uncut season's (see tests/support/crash.ts). Slow: the fast files cut a few.
import { describe, expect, it } from "vitest";
import { prepare, sweep, sweepSlowMails } from "../../support/crash";
import { october, reminderDay } from "../../support/crash-scenarios";

describe("runFollowUp cut at every call", () => {
  it("ends the season as the uncut one: the same records, the same mails, none twice, none a day late", {
    tags: ["slow"],
    timeout: 1_800_000,
  }, () => {
    const s = prepare(october, "2018-10-24T07:30:00+07:00");
    const r = sweep(s, "runFollowUp");
    expect(r.cut).toBe(Math.min(r.calls, 200));
  });
});

describe("runFollowUp cut while a day's mails span several runs", () => {
  it("the sending run that leaves the mail log to the next, cut anywhere: each mail once, the ledger and the mail log whole", {
    tags: ["slow"],
    timeout: 600_000,
  }, () => {
    // the daily run sends twelve, the first follow-up twelve and leaves six (and the mail log) to the next: it is cut
    expect(sweepSlowMails(reminderDay, { job: "runFollowUp", at: "2018-10-19T07:00:00+07:00" }, {})).toBe(30);
  });
});
