// A template's stray braces, found in one pass: the same findings as the regular expression they replace, on any text,
// without its retries from every character (which took seconds on a long staff-written body with no spaces).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { templateProblems } from "../../src/domain/templates";

const RETRYING = /\{\{[^{}]*\}?|\{?[^{}\s]*\}\}|\{[a-z_ ]+\}/;
const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const strayOf = (body: string) => templateProblems({ subject: "", body }).body.find((x) => x.includes("không phải là chỗ trống hợp lệ"));

describe("stray braces in a template", () => {
  it("are found as the expression found them: the leftmost, the same text quoted", () => {
    const text = fc.string({ unit: fc.constantFrom("{", "}", "a", "z", "_", " ", "\n", "x", "1", "đ"), maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        const m = RETRYING.exec(t.replace(TOKEN, " "));
        const want = m ? `“${m[0].slice(0, 40)}” không phải là chỗ trống hợp lệ: viết đủ hai dấu mở {{ và hai dấu đóng }}` : undefined;
        expect(strayOf(t)).toBe(want);
      }),
      { numRuns: 5000, seed: 20181024 },
    );
  });

  it("are named in a long body without spaces, its closing braces at the end", () => {
    expect(strayOf(`${"x".repeat(200_000)}}}`)).toMatch(/^“x{40}” không phải/);
    expect(strayOf(`Kính gửi {ten_don_vi}, {{ho_ten`)).toMatch(/^“\{ten_don_vi\}”/);
    expect(strayOf("Kính gửi {{ten_don_vi}} và {{")).toMatch(/^“\{\{”/);
  });
});
