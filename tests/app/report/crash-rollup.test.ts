// Revision 3's crash, swept: the rollup run cut at each of its calls (a seeded 200 of them when it is longer), then the
// season played on; each time the outcome equals the uncut season's (see tests/support/crash.ts). Slow: the fast files cut a few.
import { describe, expect, it } from "vitest";
import { prepare, sweep } from "../../support/crash";
import { october } from "../../support/crash-scenarios";

describe("rollup cut at every call", () => {
  it("ends the season as the uncut one: the same records, the same mails, none twice, none a day late", {
    tags: ["slow"],
    timeout: 1_800_000,
  }, () => {
    const s = prepare(october, "2018-10-24T07:30:00+07:00");
    const r = sweep(s, "rollup");
    expect(r.cut).toBe(Math.min(r.calls, 200));
  });
});
