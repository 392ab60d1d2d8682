// The report's themes: whole words with their diacritics (so "lượng" is never "lương"), sentences typed without
// diacritics matched on stripped forms where that is unambiguous, abbreviations, exceptions and negations that keep
// neutral statements out, one spelling for the two tone-mark customs, a tab staff edit that changes them without code,
// and precision and recall on a labelled set (tests/fixtures/themes.json), the table held to bench/THEMES.md.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TAB } from "../../../src/domain/layout";
import { DEFAULT_THEMES, excerpt, mentions, parseThemeRows, themeHits, words } from "../../../src/domain/report/themes";
import { fold } from "../../../src/domain/text";
import { documentsOf, paragraphsOf, textOfPara } from "../../../standin/documents/documents";
import { meetsGoal, THEME_GOAL, THEMES_MD, themeCases, themeScores, themesReport } from "../../../tools/themes";
import { installed, submitMonthly, unit } from "../../support/helpers";

const L = {
  wages: "Tiền lương, thu nhập",
  jobs: "Việc làm",
  tet: "Thưởng Tết, chăm lo Tết",
  housing: "Nhà ở, nơi ở",
  insurance: "Bảo hiểm xã hội, hưu trí",
  meals: "Bữa ăn ca",
  prices: "Giá cả, đời sống",
  safety: "An toàn, sức khỏe",
  relations: "Quan hệ lao động, pháp luật",
  online: "Thông tin trên mạng xã hội",
};

/** phrases as units write them, and the themes each carries (by hand) */
const PHRASES: [string, string[]][] = [
  ["Đơn hàng tăng, người lao động được tăng lương từ tháng 10.", [L.wages]],
  ["Tăng lượng đơn hàng cuối năm nên công nhân phấn khởi.", []],
  ["Số lượng đơn hàng giảm mạnh so với quý trước.", []],
  ["Chất lượng bữa ăn ca chưa bảo đảm.", [L.meals]],
  ["Lượng người theo dõi trang của công đoàn tăng nhanh.", []],
  ["Cần lường trước khó khăn khi vào mùa cao điểm.", []],
  ["Họ ăn cao lương mỹ vị trong tiệc tất niên.", []],
  ["Lương y như từ mẫu là phương châm của bệnh viện.", []],
  ["Công ty chậm lương tháng 9, người lao động bức xúc.", [L.wages]],
  ["Người lao động quan tâm việc điều chỉnh lương tối thiểu vùng.", [L.wages]],
  ["Thu nhập bình quân không đổi so với tháng trước.", []],
  ["Đoàn viên có việc làm ổn định.", []],
  ["Người lao động lo mất việc khi doanh nghiệp tái cơ cấu.", [L.jobs]],
  ["Một số bộ phận giảm ca do thiếu nguyên liệu.", [L.jobs]],
  ["Doanh nghiệp cắt giảm lao động ở xưởng may.", [L.jobs]],
  ["Mong doanh nghiệp sớm công bố mức thưởng Tết Kỷ Hợi 2019.", [L.tet]],
  ["Đề nghị hỗ trợ tổ chức Tết sum vầy cho công nhân khó khăn.", [L.tet]],
  ["Mong được hỗ trợ tiếp cận nhà ở xã hội.", [L.housing]],
  ["Phòng trọ chật chội, tiền thuê nhà tăng.", [L.housing]],
  ["Nhà văn hóa phường tổ chức giao lưu văn nghệ.", []],
  ["Người lao động quan tâm chính sách bảo hiểm xã hội một lần.", [L.insurance]],
  ["Cấp thẻ BHYT cho người lao động còn chậm.", [L.insurance]],
  ["Bếp ăn tập thể cần được kiểm tra vệ sinh thực phẩm.", [L.meals]],
  ["Giá xăng dầu và giá thực phẩm tăng ảnh hưởng chi tiêu gia đình.", [L.prices]],
  ["Giá điện tăng vào mùa nóng.", [L.prices]],
  ["Mong được khám sức khoẻ định kỳ sớm hơn.", [L.safety]],
  ["Xảy ra một vụ tai nạn lao động nhẹ tại xưởng cơ khí.", [L.safety]],
  ["Đề nghị tư vấn pháp luật về hợp đồng lao động.", [L.relations]],
  ["Đã ký thoả ước lao động tập thể với nhiều điểm có lợi.", [L.relations]],
  ["Người lao động làm thêm giờ trong giới hạn cho phép.", []],
  ["Tăng ca liên tục khiến công nhân mệt mỏi.", [L.relations]],
  ["Xuất hiện thông tin sai sự thật trên mạng xã hội.", [L.online]],
  ["Có tin đồn công ty sắp giải thể.", [L.online]],
  ["Tình hình tư tưởng ổn định, tin tưởng vào chính sách của doanh nghiệp.", []],
];

/** the scenario's events and daily runs, on a simulation already set up */
function playEvents(sim: ReturnType<typeof installed>): void {
  for (const e of sim.scenario.events) {
    sim.world.advanceTo(e.at);
    sim.world.now = Math.max(sim.world.now, e.at);
    sim.apply(e);
  }
  sim.world.advanceTo(sim.world.clockTo);
}

const carried = (text: string) => DEFAULT_THEMES.filter((t) => mentions(t, text)).map((t) => t.label);

describe("the themes of the default table", () => {
  it(`finds exactly the hand-given themes in ${PHRASES.length} real phrases`, () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(30);
    for (const [text, want] of PHRASES) expect(carried(text), text).toEqual(want);
  });

  it("never matches a word that only looks the same once its accents are stripped", () => {
    // what a match on folded text would take for wages: "lượng", "lường", "cao lương", all lose to whole words with accents
    const wages = DEFAULT_THEMES.find((t) => t.label === L.wages);
    const stripped = PHRASES.filter(([text]) =>
      (wages?.phrases ?? []).some((p) => ` ${fold(text)} `.includes(` ${fold(p).split(" ").pop()} `)),
    );
    expect(stripped.length).toBeGreaterThan(5);
    const falseOnes = stripped.filter(([, want]) => !want.includes(L.wages));
    expect(falseOnes.map(([t]) => t)).toContain("Tăng lượng đơn hàng cuối năm nên công nhân phấn khởi.");
    for (const [text] of falseOnes) expect(carried(text), text).not.toContain(L.wages);
  });

  it("reads both tone-mark customs as one spelling, and shows the text as written", () => {
    expect(words("Hoà giải, thoả ước, khoẻ, thuỷ")).toEqual(words("Hòa giải, thỏa ước, khỏe, thủy"));
    // "quý", "thuế", "của" keep their spelling
    expect(words("quý thuế của")).toEqual(["quý", "thuế", "của"]);
    const hits = themeHits(DEFAULT_THEMES, [{ unit: "A", text: "Mong được khám sức khoẻ định kỳ." }]);
    expect(hits[0].quotes[0].text).toBe("Mong được khám sức khoẻ định kỳ.");
  });

  it("quotes the sentence that carries a theme, masked and grouped by unit, most units first", () => {
    const hits = themeHits(DEFAULT_THEMES, [
      { unit: "A", text: "Ổn định. Mong tăng lương, gọi 0912 345 678 để biết thêm." },
      { unit: "B", text: "Mong tăng lương, gọi 0912 345 678 để biết thêm." },
      { unit: "C", text: "Lo mất việc." },
    ]);
    expect(hits.map((h) => [h.theme.label, h.units])).toEqual([
      [L.wages, ["A", "B"]],
      [L.jobs, ["C"]],
    ]);
    expect(hits[0].quotes).toEqual([{ text: "Mong tăng lương, gọi [số điện thoại đã ẩn] để biết thêm.", units: ["A", "B"] }]);
    expect(excerpt(`${"Rất dài ".repeat(60)}lương`)).toMatch(/ …$/);
    expect(excerpt("công đoàn đã đối thoại;")).toBe("… công đoàn đã đối thoại …");
  });
});

describe("the themes tab", () => {
  it("changes the themes without code: a theme staff add is in the next report, one they remove is gone", () => {
    const sim = installed({
      units: [unit("CD001"), unit("CD002")],
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" },
      run: { from: "2018-10-01", to: "2018-10-24" },
      events: [
        submitMonthly("CD001", "2018-10", "2018-10-10T10:00:00+07:00", { concerns: "Xưởng nóng bức, tiếng ồn lớn. Mong tăng lương." }),
        submitMonthly("CD002", "2018-10", "2018-10-11T10:00:00+07:00", { concerns: "Mong tăng lương." }),
      ],
    });
    const tab = sim.sheet(TAB.themes);
    expect(tab.values.slice(1).map((r) => r[0])).toEqual(DEFAULT_THEMES.map((t) => t.label));
    // staff type a new theme at the end and clear the wages row
    sim.world.meter.quiet(() => {
      const last = tab.lastRow() + 1;
      tab.put(last, 1, "Môi trường làm việc");
      tab.put(last, 2, "nóng bức, tiếng ồn, khói bụi");
      const wages = tab.values.findIndex((r) => r[0] === L.wages) + 1;
      for (const c of [1, 2, 3]) tab.put(wages, c, "");
    });
    sim.run("onSheetEdit", "edit", { event: { range: sim.world.sheetOf(sim.ss.id, TAB.themes)?.getRange(2, 1) } });
    playEvents(sim);
    const doc = [...documentsOf(sim.world).values()].find((d) => d.name === "BC-TG-2018-10");
    const text = paragraphsOf(doc?.body ?? { type: "BODY_SECTION", children: [], attrs: {} })
      .map(textOfPara)
      .join("\n");
    expect(text).toMatch(/\n\d+\. Môi trường làm việc \(1 đơn vị\)\n/);
    expect(text).toContain("“Xưởng nóng bức, tiếng ồn lớn.” (Công ty CD001)");
    expect(text).not.toContain(L.wages);
  });

  it("a row with a theme but no phrase is named, and the rest still count", () => {
    const sim = installed({ settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01" } });
    const tab = sim.sheet(TAB.themes);
    sim.world.meter.quiet(() => tab.put(tab.lastRow() + 1, 1, "Chủ đề thiếu từ khóa"));
    sim.run("onSheetEdit", "edit", { event: { range: sim.world.sheetOf(sim.ss.id, TAB.themes)?.getRange(2, 1) } });
    expect(sim.ss.toasts.join("\n")).toContain(`Trang “Chủ đề” dòng ${tab.lastRow()}: cần cả tên chủ đề và từ, cụm từ`);
    expect((sim.state().themes as unknown[]).length).toBe(DEFAULT_THEMES.length);
  });
});

describe("themes found as chairs write", () => {
  const gives = (label: string, text: string) => {
    const theme = DEFAULT_THEMES.find((t) => t.label === label);
    if (!theme) throw new Error(label);
    return mentions(theme, text);
  };

  it("a sentence without diacritics is matched on stripped phrases; one with diacritics only as written", () => {
    for (const text of ["Cong nhan mong tang luong", "cty no luong thang 9", "TIEN LUONG CHUA TRA", "thu nhap giam"])
      expect(gives(L.wages, text), text).toBe(true);
    expect(gives(L.tet, "mong cty thuong tet som")).toBe(true);
    expect(gives(L.relations, "de nghi tu van phap luat ve hop dong lao dong")).toBe(true);
    // one diacritic and the sentence is read as written: "tang luong" beside it is not "tăng lương"
    expect(gives(L.wages, "Công nhân mong tang luong")).toBe(false);
    expect(gives(L.wages, "Công nhân mong tăng lương")).toBe(true);
    // "lượng" written with its marks is never "lương", bare or not
    for (const text of ["Tăng lượng đơn hàng", "Số lượng đoàn viên tăng", "Chất lượng bữa ăn kém"])
      expect(gives(L.wages, text), text).toBe(false);
  });

  it("a bare form that could be another word does not count: one syllable, or an exception's words", () => {
    // "luong" alone is lương, lượng or lường; "phat" phát or phạt; "quat" quát or quạt
    expect(gives(L.wages, "luong cao hon nam ngoai")).toBe(false);
    expect(gives(L.wages, "Lương cao hơn năm ngoái")).toBe(true);
    expect(gives(L.relations, "chua phat hien vi pham")).toBe(false);
    expect(gives(L.relations, "nha an thieu quat")).toBe(false);
    expect(gives(L.relations, "Quản lý quát công nhân")).toBe(true);
    // "so luong", "chat luong" are "số lượng", "chất lượng"; "chi tieu" is "chỉ tiêu" as well as "chi tiêu"
    for (const text of ["so luong don hang tang", "chat luong san pham on dinh", "san luong vuot ke hoach"])
      expect(gives(L.wages, text), text).toBe(false);
    expect(gives(L.prices, "hoan thanh chi tieu san xuat")).toBe(false);
    expect(gives(L.prices, "Hoàn thành chỉ tiêu sản xuất")).toBe(false);
    expect(gives(L.prices, "Phải thắt chặt chi tiêu")).toBe(true);
    // a phrase never runs across a comma: "ổn định, công nhân" holds no "đình công"
    expect(gives(L.relations, "viec lam on dinh, cong nhan yen tam")).toBe(false);
    expect(gives(L.relations, "cong nhan doi dinh cong")).toBe(true);
  });

  it("abbreviations are read as their words, written with or without đ, in any case", () => {
    for (const text of ["Chưa ký HĐLĐ", "chua ky HDLD", "chua ky hdld", "Chưa ký hđlđ"]) expect(gives(L.relations, text), text).toBe(true);
    for (const text of ["Cty nợ BHXH", "cty no bhxh", "Thẻ BHYT cấp chậm", "hưởng BHTN"]) expect(gives(L.insurance, text), text).toBe(true);
    expect(gives(L.safety, "Xảy ra 01 vụ TNLĐ")).toBe(true);
    expect(gives(L.housing, "Giới thiệu dự án NOXH")).toBe(true);
    expect(gives(L.online, "Dư luận trên MXH")).toBe(true);
    // NLĐ, CNLĐ, ĐVCĐ are people, no theme; "ko" is "không" for the negations
    for (const text of ["NLĐ phấn khởi", "CNLĐ an tâm", "ĐVCĐ tham gia đầy đủ"])
      expect(
        DEFAULT_THEMES.filter((t) => mentions(t, text)),
        text,
      ).toEqual([]);
    expect(gives(L.safety, "ko xay ra tai nan lao dong")).toBe(false);
  });

  it("negations: what did not happen does not count, a good thing missing does, a list is denied whole, the next clause is not", () => {
    expect(gives(L.safety, "Trong tháng không xảy ra tai nạn lao động.")).toBe(false);
    expect(gives(L.safety, "Khong xay ra tai nan lao dong.")).toBe(false);
    expect(gives(L.wages, "Không có tình trạng nợ lương.")).toBe(false);
    expect(gives(L.wages, "Công ty không nợ lương.")).toBe(false);
    // a worry: the good thing is missing
    expect(gives(L.jobs, "Công nhân không có việc làm trong 2 tuần.")).toBe(true);
    expect(gives(L.tet, "Năm nay không có thưởng Tết.")).toBe(true);
    expect(gives(L.wages, "Công ty không tăng lương năm nay.")).toBe(true);
    // a list after the cue, and after the trouble
    expect(gives(L.relations, "Không xảy ra tai nạn lao động, tranh chấp hay ngừng việc tập thể.")).toBe(false);
    expect(gives(L.relations, "Khong co tranh chap, dinh cong.")).toBe(false);
    expect(gives(L.relations, "Đình công, ngừng việc: không xảy ra.")).toBe(false);
    expect(gives(L.safety, "Tai nạn lao động: không.")).toBe(false);
    expect(gives(L.online, "Trên mạng xã hội: không có thông tin xấu.")).toBe(false);
    // the next clause, a contrast, a long run after a comma: counted
    expect(gives(L.wages, "Không xảy ra tai nạn lao động, người lao động mong được tăng lương.")).toBe(true);
    expect(gives(L.safety, "Không xảy ra tai nạn lao động, tuy nhiên công nhân mong được khám sức khỏe.")).toBe(true);
    expect(gives(L.prices, "Không phát sinh tranh chấp lao động, đời sống công nhân khó khăn do giá cả tăng.")).toBe(true);
    expect(gives(L.relations, "Không có tranh chấp lao động nhưng công nhân bức xúc vì tăng ca kéo dài.")).toBe(true);
    // a denial that does not end its clause denies nothing behind it
    expect(gives(L.wages, "Tăng lương không như mong đợi.")).toBe(true);
    // exceptions, as before, and without diacritics
    expect(gives(L.jobs, "Viec lam on dinh.")).toBe(false);
    expect(gives(L.jobs, "Việc làm ổn định.")).toBe(false);
  });

  it("staff's own themes get the same rules: stripped forms, tone marks, abbreviations, exceptions", () => {
    const { themes, problems } = parseThemeRows([
      ["Môi trường làm việc", "nóng bức, tiếng ồn, khói bụi", "tiếng ồn nhỏ"],
      ["Hòa giải", "hoà giải viên, thỏa thuận", ""],
      ["Sổ BHXH", "trả sổ BHXH", ""],
    ]);
    expect(problems).toEqual([]);
    const [env, mediation, books] = themes;
    expect(mentions(env, "Xuong nong buc, tieng on lon")).toBe(true);
    expect(mentions(env, "Xưởng nóng bức")).toBe(true);
    expect(mentions(env, "tieng on nho, chap nhan duoc")).toBe(false);
    expect(mentions(mediation, "Đã có hòa giải viên tại đơn vị")).toBe(true);
    expect(mentions(mediation, "Đã thoả thuận với công ty")).toBe(true);
    expect(mentions(mediation, "da thoa thuan voi cong ty")).toBe(true);
    expect(mentions(books, "Công ty chậm trả sổ bảo hiểm xã hội")).toBe(true);
    expect(mentions(books, "cty cham tra so bhxh")).toBe(true);
  });

  const cases = themeCases();
  const scores = themeScores(cases);

  it(`the labelled set: ${cases.length} unit-level sentences, every default theme, the ways chairs write`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.text)).size).toBe(cases.length);
    const labels = new Set(DEFAULT_THEMES.map((t) => t.label));
    for (const c of cases) for (const l of c.themes) expect(labels.has(l), `${c.text}: ${l}`).toBe(true);
    for (const s of scores) expect(s.labelled, s.label).toBeGreaterThanOrEqual(15);
    const tagged = (t: string) => cases.filter((c) => c.tags?.includes(t));
    expect(cases.filter((c) => !c.themes.length).length).toBeGreaterThanOrEqual(30);
    expect(tagged("abbr").length).toBeGreaterThanOrEqual(20);
    expect(tagged("negation").length).toBeGreaterThanOrEqual(20);
    expect(tagged("lookalike").length).toBeGreaterThanOrEqual(10);
    expect(tagged("case").length).toBeGreaterThanOrEqual(5);
    // "bare" says what the text is: no letter outside a–z
    const bare = cases.filter((c) => !/[^ -~]/.test(c.text));
    expect(bare.map((c) => c.text)).toEqual(tagged("bare").map((c) => c.text));
    expect(bare.length).toBeGreaterThanOrEqual(50);
    // no identity: no phone, email or ID number, no worker named ("anh", "chị", "ông", "bà" before a capital)
    for (const c of cases) expect(c.text, c.text).not.toMatch(/\d{9,}|@|\b(anh|chị|ông|bà|em) \p{Lu}/u);
  });

  it(`meets the goal on every theme (precision ≥ ${THEME_GOAL.precision}, recall ≥ ${THEME_GOAL.recall}), as bench/THEMES.md says`, () => {
    expect(scores.map((s) => s.label)).toEqual(DEFAULT_THEMES.map((t) => t.label));
    for (const s of scores) {
      expect(s.precision, s.label).toBeGreaterThanOrEqual(THEME_GOAL.precision);
      expect(s.recall, s.label).toBeGreaterThanOrEqual(THEME_GOAL.recall);
      expect(meetsGoal(s)).toBe(true);
    }
    // the committed table is this one: `npm run themes` writes it
    expect(readFileSync(THEMES_MD, "utf8")).toBe(themesReport(cases, scores));
  });
});
