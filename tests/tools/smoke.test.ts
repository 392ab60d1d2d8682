import { describe, expect, it } from "vitest";
import { play, submitMonthly, unit } from "../support/helpers";

describe("smoke", () => {
  it("plays a small month", () => {
    const { summary, sim } = play({
      units: [unit("CD001"), unit("CD002")],
      events: [submitMonthly("CD001", "2018-10", "2018-10-22T21:00:00+07:00")],
    });
    expect(summary.runs.failed).toEqual([]);
    const oct = summary.periods.find((p) => p.period === "2018-10");
    expect(oct?.onTime).toBe(1);
    expect(oct?.missing).toEqual(["CD002"]);
    expect(sim.world.mails.length).toBeGreaterThan(0);
  });
});
