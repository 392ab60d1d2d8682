// Utilities.formatDate in the stand-in reads each zone's offset once per quarter hour; every instant still formats as
// Intl formats it on its own, across daylight-saving changes and a zone's early local mean time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, intlParts } from "../../standin/spreadsheet/format-date";

const ZONES = ["Asia/Ho_Chi_Minh", "America/New_York", "Australia/Lord_Howe", "Europe/London", "Asia/Kathmandu", "UTC"];

/** the wall clock and offset as Intl gives them for this very instant */
function reference(t: number, tz: string): string {
  const p = intlParts(new Date(t), tz);
  const off = Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(t / 1000) * 1000) / 60000);
  const a = Math.abs(off);
  const xxx = `${off >= 0 ? "+" : "-"}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${xxx}`;
}

describe("formatDate", () => {
  it("formats any instant of 1900–2100 in any zone as Intl does for that instant alone", () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (t, tz) => {
        expect(formatDate(new Date(t), tz, "yyyy-MM-dd HH:mm:ss XXX")).toBe(reference(t, tz));
      }),
      { numRuns: 2000 },
    );
  });

  it("holds on each side of a change of offset, every few seconds around it, also one inside a quarter hour", () => {
    // New York, 4 November 2018: 02:00 EDT became 01:00 EST at 06:00 UTC
    const change = Date.UTC(2018, 10, 4, 6, 0, 0);
    for (let t = change - 20 * 60000; t <= change + 20 * 60000; t += 7000)
      expect(formatDate(new Date(t), "America/New_York", "yyyy-MM-dd HH:mm:ss XXX")).toBe(reference(t, "America/New_York"));
    // Saigon's local mean time (+7:06:30, not whole minutes) gave way to +07:00 at 16:53:30 UTC: inside a quarter hour
    const lmt = Date.UTC(1911, 3, 30, 16, 53, 30);
    for (let t = lmt - 10 * 60000; t <= lmt + 10 * 60000; t += 5000)
      expect(formatDate(new Date(t), "Asia/Ho_Chi_Minh", "yyyy-MM-dd HH:mm:ss XXX")).toBe(reference(t, "Asia/Ho_Chi_Minh"));
    // Lord Howe moves half an hour
    const lh = Date.UTC(2018, 9, 6, 15, 30, 0);
    for (let t = lh - 20 * 60000; t <= lh + 20 * 60000; t += 7000)
      expect(formatDate(new Date(t), "Australia/Lord_Howe", "yyyy-MM-dd HH:mm:ss XXX")).toBe(reference(t, "Australia/Lord_Howe"));
  });
});
