// Revision 3's crash, swept: the runDaily run cut at each of its calls (a seeded 200 of them when it is longer), then the
// season played on; each time the outcome equals the uncut season's (see tests/support/crash.ts). Slow: the fast files cut a few.
import { describe, expect, it } from "vitest";
import { prepare, sweep, sweepSlowMails } from "../../support/crash";
import { heldThenSent, october } from "../../support/crash-scenarios";

describe("runDaily cut at every call", () => {
  it("ends the season as the uncut one: the same records, the same mails, none twice, none a day late", {
    tags: ["slow"],
    timeout: 1_800_000,
  }, () => {
    const s = prepare(october, "2018-10-24T07:30:00+07:00");
    const r = sweep(s, "runDaily");
    expect(r.cut).toBe(Math.min(r.calls, 200));
  });
});

describe("runDaily cut on a day its queue and the held list are written together", () => {
  it("the day after the quota held mails, cut anywhere: each unit reminded once, the ledger and the mail log whole", {
    tags: ["slow"],
    timeout: 600_000,
  }, () => {
    // Google lets 3 mails go on the 19th; on the 20th the rest, twelve in the daily run's clock: its queue and the
    // blanks clearing yesterday's held list go in one write; that run is cut
    const sent = sweepSlowMails(
      heldThenSent,
      { job: "runDaily", at: "2018-10-20T07:00:00+07:00" },
      { before: (w) => (w.mailQuota = 3), at: (w) => (w.mailQuota = 1000) },
    );
    expect(sent).toBe(30);
  });
});
