// Revision 3's crash, swept: the setup run cut at each of its calls (a seeded 200 of them when it is longer), then the
// season played on; each time the outcome equals the uncut season's (see tests/support/crash.ts). Slow: the fast files cut a few.
import { describe, expect, it } from "vitest";
import { prepare, sweep } from "../../support/crash";
import { setupAgain } from "../../support/crash-scenarios";

describe("setup cut at every call", () => {
  it("ends the season as the uncut one: the same records, the same mails, none twice, none a day late", {
    tags: ["slow"],
    timeout: 1_800_000,
  }, () => {
    const s = prepare(setupAgain, "2018-10-20T13:30:00+07:00");
    const r = sweep(s, "setup");
    expect(r.cut).toBe(Math.min(r.calls, 200));
  });
});
