// The report's themes: whole words with their diacritics (so "lượng" is never "lương"), exceptions that keep neutral
// statements out, one spelling for the two tone-mark customs, and a tab staff edit that changes them without code.
import { describe, expect, it } from "vitest";
import { TAB } from "../src/domain/layout";
import { DEFAULT_THEMES, excerpt, mentions, themeHits, words } from "../src/domain/report/themes";
import { fold } from "../src/domain/text";
import { documentsOf, paragraphsOf, textOfPara } from "../standin/documents";
import { installed, submitMonthly, unit } from "./helpers";

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
