// Each mail kind for each unit state says what is true for that unit, with the right link, in both parts of the mail:
// every mail parsed back from its .eml (mailparser), from a month played through the built bundle.
import { beforeAll, describe, expect, it } from "vitest";
import { MAIL_KIND, type MailKind } from "../../../src/domain/mail-kinds";
import { CASES, caseMails, FROM, GMAIL, type Got, links, one, type Played } from "../../support/mail-cases";

let played: Played;
let all: Got[];
beforeAll(async () => {
  played = await caseMails();
  all = played.mails;
}, 120000);

const OCT = "2018-10";
const REG = "registration";
const own = (c: string) => `${c.toLowerCase()}@dv.example.vn`;

/** the unit's own prefilled monthly link for October: its entries name the unit and the month */
const prefilled = (href: string, c: string) =>
  /viewform\?usp=pp_url&/.test(href) && href.includes(`=${c}+%E2%80%93`) && href.includes("Th%C3%A1ng+10%2F2018");

/** what every mail to a unit shares: the salutation, the closing, a button first, its label, the same link in the text */
function frame(m: Got, c: string, label: string, href: string): void {
  expect(m.text.startsWith(`Kính gửi: Ban Chấp hành Công đoàn cơ sở Công ty ${c}\n`), m.subject).toBe(true);
  expect(m.text.trimEnd().endsWith("Trân trọng.\nBộ phận Tuyên giáo – Liên đoàn Lao động Quận 1"), m.subject).toBe(true);
  const [button, line] = links(m.html);
  expect(button, m.subject).toEqual({ href, text: label });
  // the short link line under the button: the same address, shown in at most 36 characters
  expect(line.href).toBe(href);
  expect(line.text.length).toBeLessThanOrEqual(36);
  expect(m.text).toContain(`${label}:\n${href}\n`);
  expect(m.html).toMatch(/style="display:inline-block[^"]*"/);
}

describe("reminders (due−5, due−1) say what the unit still owes, by when, with the link that does it", () => {
  it("nothing received: the unit's own form, the deadline and the days left", () => {
    const m = one(all, "reminder", CASES.missing, OCT, "2018-10-19");
    expect(m.to).toEqual([own(CASES.missing)]);
    expect(m.subject).toBe("[LĐLĐ Quận 1] Nhắc nộp báo cáo tháng 10/2018 (hạn trước ngày 24/10/2018)");
    expect(m.text).toContain("Đến nay LĐLĐ Quận 1 chưa nhận được báo cáo tháng 10/2018 của đơn vị.");
    expect(m.text).toContain("Đề nghị đồng chí Chủ tịch gửi trước ngày 24/10/2018 (còn 5 ngày)");
    const [button] = links(m.html);
    expect(prefilled(button.href, CASES.missing)).toBe(true);
    frame(m, CASES.missing, "Mở biểu mẫu báo cáo tháng 10/2018", button.href);
    expect(one(all, "reminder", CASES.missing, OCT, "2018-10-23").text).toContain("(hôm nay là ngày cuối)");
  });

  it("received but to be fixed: what to fix, naming the question as the form shows it and quoting what was typed, and the EDIT link", () => {
    const m = one(all, "reminder", CASES.invalid, OCT, "2018-10-19");
    const edit = played.editLink(CASES.invalid);
    expect(edit).toMatch(/^https:\/\/docs\.google\.com\/forms\/.+edit/);
    expect(m.subject).toBe("[LĐLĐ Quận 1] Nhắc sửa báo cáo tháng 10/2018 (hạn trước ngày 24/10/2018)");
    expect(m.text).not.toContain("chưa nhận được");
    expect(m.text).toContain(
      "đã nhận báo cáo tháng 10/2018 của đơn vị gửi lúc 15/10/2018 10:00 nhưng chưa ghi nhận được vì còn 2 nội dung cần sửa",
    );
    expect(m.text).toContain("- Số bài viết của Công đoàn các cấp đơn vị đã chia sẻ trong tháng: không được là số âm; đã nhập: “-2”");
    expect(m.text).toContain(
      "- Số đoàn viên, CNVCLĐ mới kết nối, theo dõi trang Công đoàn trong tháng: “khoảng chục người” không phải là số",
    );
    // never the Sheet's column names
    expect(m.text).not.toMatch(/Bài đã chia sẻ|Người mới kết nối/);
    frame(m, CASES.invalid, "Sửa báo cáo tháng 10/2018", edit);
    expect(links(m.html).some((l) => l.href.includes("usp=pp_url"))).toBe(false);
  });

  it("waiting for staff to confirm the sender: says so, who sent it, and asks only for the reply that confirms it (Revision 3)", () => {
    const m = one(all, "reminder", CASES.waiting, OCT, "2018-10-19");
    expect(m.subject).toBe("[LĐLĐ Quận 1] Nhắc xác nhận người gửi báo cáo tháng 10/2018 (hạn trước ngày 24/10/2018)");
    expect(m.text).toContain(`đã nhận báo cáo tháng 10/2018 gửi lúc 17/10/2018 20:00 từ địa chỉ ${GMAIL}`);
    expect(m.text).toContain("đang chờ Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1 xác nhận người gửi");
    expect(m.text).toContain(
      "đồng chí Chủ tịch chỉ cần trả lời thư này từ email của đơn vị để xác nhận, hoặc chờ Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1 xác nhận; đơn vị không cần gửi lại báo cáo.",
    );
    expect(m.text).toContain("Báo cáo đã đến trong hạn: khi được xác nhận, báo cáo được tính đúng hạn, từ thời điểm gửi.");
    expect(m.to).toEqual([own(CASES.waiting)]);
    // no second submission asked for: no form, no edit link
    expect(links(m.html)).toEqual([]);
    expect(m.text).not.toMatch(/quá hạn|gửi lại từ email|qua biểu mẫu/);
  });

  it("units whose report counts get no reminder", () => {
    for (const c of [CASES.onTime, CASES.edited])
      expect(all.filter((m) => m.kind === "reminder" && m.unit === c && m.period === OCT)).toEqual([]);
    // a unit that reported on the 22nd had its reminder on the 19th, none after
    expect(all.filter((m) => m.kind === "reminder" && m.unit === CASES.paper).map((m) => m.at.slice(0, 10))).toEqual(["2018-10-19"]);
  });
});

describe("overdue notices (due+1, due+7) say how late, courteously, and that a late report still counts", () => {
  it("nothing received", () => {
    const m = one(all, "overdue", CASES.missing, OCT, "2018-10-25");
    // the notice on due + 1 ("Báo trễ hạn sau 1 ngày") says 1 day
    expect(m.subject).toBe("[LĐLĐ Quận 1] Chưa nhận báo cáo tháng 10/2018 – đã quá hạn 1 ngày");
    expect(m.cc).toEqual([FROM]);
    expect(m.text).toContain("hạn nộp là trước ngày 24/10/2018, đã quá hạn 1 ngày");
    expect(m.text).toContain("vẫn được ghi nhận là đã nộp (trễ hạn)");
    const [button] = links(m.html);
    expect(prefilled(button.href, CASES.missing)).toBe(true);
    frame(m, CASES.missing, "Mở biểu mẫu báo cáo tháng 10/2018", button.href);
    expect(one(all, "overdue", CASES.missing, OCT, "2018-10-31").subject).toContain("đã quá hạn 7 ngày");
  });

  it("to be fixed: the edit link and what to fix", () => {
    const m = one(all, "overdue", CASES.invalid, OCT, "2018-10-25");
    expect(m.subject).toBe("[LĐLĐ Quận 1] Cần sửa báo cáo tháng 10/2018 – đã quá hạn 1 ngày");
    expect(m.text).toContain("“khoảng chục người”");
    expect(m.text).toContain("đã quá hạn 1 ngày");
    frame(m, CASES.invalid, "Sửa báo cáo tháng 10/2018", played.editLink(CASES.invalid));
  });

  it("waiting for confirmation: never told it is overdue; asked again on those days; the staff reminded instead (Revision 3)", () => {
    const mine = all.filter((m) => m.unit === CASES.waiting && m.period === OCT);
    expect(mine.map((m) => `${m.at.slice(0, 10)} ${m.kind}`)).toEqual([
      "2018-10-17 receipt",
      "2018-10-19 reminder",
      "2018-10-23 reminder",
      "2018-10-25 reminder",
      "2018-10-31 reminder",
    ]);
    for (const m of mine.filter((x) => x.kind === "reminder")) {
      expect(m.text, m.at).not.toMatch(/quá hạn/);
      expect(m.subject, m.at).not.toMatch(/quá hạn/);
      expect(m.text).toContain("đơn vị không cần gửi lại báo cáo");
    }
    // one alert a day to the staff, on those days only, listing what waits and where to confirm it
    const alerts = all.filter((m) => m.kind === "alert");
    expect(alerts.map((m) => m.at.slice(0, 10))).toEqual(["2018-10-19", "2018-10-23", "2018-10-25", "2018-10-31"]);
    const a = alerts[2];
    expect(a.to).toEqual([FROM]);
    expect(a.subject).toBe("[LĐLĐ Quận 1] Cần xử lý: 1 báo cáo chờ xác nhận người gửi");
    expect(a.text).toContain(`- CD005 – CĐCS Công ty CD005: báo cáo tháng 10/2018 gửi lúc 17/10/2018 20:00 từ ${GMAIL}`);
    expect(a.text).toContain("Báo cáo CĐCS → Xác nhận hoặc từ chối người gửi…");
  });

  it("a unit that then reports late gets no notice after its report", () => {
    expect(all.filter((m) => m.kind === "overdue" && m.unit === CASES.late).map((m) => m.at.slice(0, 10))).toEqual(["2018-10-25"]);
  });
});

describe("receipts quote what was received, say the channel and the timeliness, and go to the sender and the unit", () => {
  it("on time, by form: the answers by question, escaped, long texts shortened; the edit link", () => {
    const m = one(all, "receipt", CASES.onTime, OCT);
    expect(m.subject).toBe("[LĐLĐ Quận 1] Đã nhận báo cáo tháng 10/2018 của CĐCS Công ty CD001");
    expect(m.text).toContain("đã nhận báo cáo tháng 10/2018 của đơn vị qua biểu mẫu lúc 18/10/2018 10:00. Báo cáo được ghi nhận đúng hạn");
    expect(m.text).toContain("- Số bài viết của Công đoàn các cấp đơn vị đã chia sẻ trong tháng: 10");
    expect(m.text).toContain("- Kỳ báo cáo (tháng): 10/2018");
    expect(m.text).toContain("- Thông tin xấu, độc, sai sự thật phát hiện trong tháng và cách đơn vị xử lý: “Bài viết sai sự thật");
    const concern = m.text.split("\n").find((l) => l.startsWith("- Tâm tư")) ?? "";
    expect(concern).toMatch(/…”$/);
    expect(concern.length).toBeLessThan(300);
    expect(m.html).toContain("“Mong &lt;b&gt;tăng lương&lt;/b&gt; &amp; thưởng Tết.");
    expect(m.html).not.toContain("<b>tăng");
    frame(m, CASES.onTime, "Sửa báo cáo tháng 10/2018", played.editLink(CASES.onTime));
  });

  it("late: by how much, and that it counts (sent by the daily job, which knows the unit's first report)", () => {
    const m = one(all, "receipt", CASES.late, OCT);
    expect(m.at.slice(0, 10)).toBe("2018-10-28");
    expect(m.text).toContain(
      "lúc 27/10/2018 10:00. Báo cáo gửi sau hạn (trước ngày 24/10/2018) 4 ngày; báo cáo vẫn được ghi nhận và tính là đã nộp, trễ hạn 4 ngày.",
    );
    expect(m.text).toContain("Nội dung đã nhận:");
    frame(m, CASES.late, "Sửa báo cáo tháng 10/2018", played.editLink(CASES.late));
  });

  it("an edit after the deadline of a report on time: still on time, never late", () => {
    const [first, edit] = all.filter((m) => m.kind === "receipt" && m.unit === CASES.edited && m.period === OCT);
    expect(first.text).toContain("Báo cáo được ghi nhận đúng hạn");
    expect(edit.text).toContain(
      "Đây là bản cập nhật: nội dung mới thay cho nội dung trước. Báo cáo của đơn vị vẫn được tính đúng hạn theo lần nộp đầu lúc 16/10/2018 09:00.",
    );
    expect(edit.text).not.toContain("trễ hạn");
    expect(edit.text).toContain("“Bổ sung: mong khám sức khỏe định kỳ.”");
  });

  it("from an address the roster does not know: to that address AND the unit's own, saying it waits for staff", () => {
    const m = one(all, "receipt", CASES.waiting, OCT);
    expect(m.to).toEqual([GMAIL, own(CASES.waiting)]);
    expect(m.text).toContain(`từ địa chỉ ${GMAIL}. Địa chỉ này chưa có trong danh sách email của đơn vị nên báo cáo đang chờ`);
    expect(m.text).toContain("nếu đơn vị không gửi báo cáo này, đề nghị đồng chí trả lời thư này");
    expect(m.text).not.toContain("đúng hạn");
    expect(m.text).toContain("Nội dung đã nhận:");
  });

  it("confirmed by staff: to the unit and the sender, counted from its original time", () => {
    const [waiting, confirmed] = all.filter((m) => m.kind === "receipt" && m.unit === CASES.confirmed && m.period === OCT);
    expect(waiting.text).toContain("đang chờ");
    expect(confirmed.to).toEqual(["chutich.cd006@gmail.example.com", own(CASES.confirmed)]);
    expect(confirmed.text).toContain(
      "Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1 đã xác nhận báo cáo tháng 10/2018 gửi qua biểu mẫu lúc 19/10/2018 20:00 từ địa chỉ chutich.cd006@gmail.example.com là báo cáo của đơn vị. Báo cáo được ghi nhận đúng hạn",
    );
    expect(confirmed.text).toContain("- Dư luận xã hội nổi bật trong tháng: “Quan tâm giá xăng tăng.”");
  });

  it("received on paper and typed in by staff: the channel, to the unit's own address, no edit link", () => {
    const m = one(all, "receipt", CASES.paper, OCT);
    expect(m.to).toEqual([own(CASES.paper)]);
    expect(m.text).toContain(
      "đã nhận báo cáo tháng 10/2018 của đơn vị bằng văn bản giấy lúc 22/10/2018 15:00. Báo cáo được ghi nhận đúng hạn",
    );
    expect(m.text).toContain("Nếu cần điều chỉnh, đề nghị đồng chí liên hệ Bộ phận Tuyên giáo – Liên đoàn Lao động Quận 1.");
    expect(links(m.html)).toEqual([]);
    expect(m.text).toContain("- Tình hình đoàn viên, CNVCLĐ trong tháng: “Ổn định, việc làm đầy đủ.”");
  });
});

describe("the request to fix, sent at once", () => {
  it("names each question as the form shows it, quotes what was typed, and gives the edit link", () => {
    const m = one(all, "invalid", CASES.invalid, OCT);
    expect(m.at).toBe("2018-10-15T10:00:00+07:00");
    expect(m.subject).toBe("[LĐLĐ Quận 1] Cần sửa báo cáo tháng 10/2018 của CĐCS Công ty CD004");
    expect(m.text).toContain("Đề nghị đồng chí sửa ngay trên bản đã gửi bằng nút dưới đây, trước ngày 24/10/2018 (còn 9 ngày).");
    expect(m.text).toMatch(/Nội dung cần sửa:\n- Số bài viết[^\n]+đã nhập: “-2”\n- Số đoàn viên[^\n]+“khoảng chục người”/);
    frame(m, CASES.invalid, "Sửa báo cáo tháng 10/2018", played.editLink(CASES.invalid));
  });
});

describe("invitations (Revision 2)", () => {
  it("once per unit at the first daily run, with its personal registration link and the deadline; none to a unit that joins later until its month", () => {
    const invites = all.filter((m) => m.kind === "invite");
    const first = invites.filter((m) => m.at.startsWith("2018-10-01")).map((m) => m.unit);
    expect(first).toEqual(["CD001", "CD002", "CD003", "CD004", "CD005", "CD006", "CD007", "CD008"]);
    expect(new Set(invites.map((m) => m.unit)).size).toBe(invites.length);
    const m = one(all, "invite", CASES.missing, REG);
    expect(m.subject).toBe("[LĐLĐ Quận 1] Đề nghị đăng ký tài khoản Facebook của CĐCS Công ty CD003 (hạn trước ngày 31/10/2018)");
    expect(m.text).toContain(
      "đề nghị đồng chí Chủ tịch đăng ký tài khoản Facebook và nhóm ẩn danh của đơn vị trước ngày 31/10/2018 (còn 30 ngày)",
    );
    const [button] = links(m.html);
    expect(button.href).toMatch(/viewform\?usp=pp_url&entry\.\d+=CD003\+%E2%80%93/);
    expect(button.href).not.toContain("Th%C3%A1ng");
    frame(m, CASES.missing, "Mở biểu mẫu đăng ký", button.href);
  });

  it("a unit active from November is invited on 1 November, with its own deadline (1 November + 30 days)", () => {
    const m = one(all, "invite", CASES.joins, REG);
    expect(m.at).toBe("2018-11-01T08:00:00+07:00");
    expect(m.subject).toContain("(hạn trước ngày 01/12/2018)");
    expect(m.text).toContain("(còn 30 ngày)");
  });

  it("registration reminders and overdue notices follow the unit's own deadline, before it too", () => {
    expect(all.filter((m) => m.period === REG && m.unit === CASES.missing).map((m) => `${m.at.slice(0, 10)} ${m.kind}`)).toEqual([
      "2018-10-01 invite",
      "2018-10-26 reminder",
      "2018-10-30 reminder",
      "2018-11-01 overdue",
    ]);
  });
});

describe("wording", () => {
  it("official register, one form of the desk's name, no doubled words, no raw placeholder", () => {
    for (const m of all) {
      expect(m.text, m.subject).not.toMatch(/\{\{|\}\}|báo cáo báo cáo|undefined|null|NaN/i);
      expect(m.text.normalize("NFC")).toBe(m.text);
      expect(m.text, m.subject).not.toMatch(/bộ phận Tuyên giáo(?! –)/);
      if (MAIL_KIND[m.kind as MailKind].audience === "unit" || MAIL_KIND[m.kind as MailKind].audience === "sender")
        expect(m.text, m.subject).toMatch(/^Kính gửi: Ban Chấp hành Công đoàn cơ sở /);
    }
  });
});
