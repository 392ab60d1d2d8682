// The built-in demo: about 40 District 1 unions (fictional companies), registration in September–October 2018
// and monthly reports September–December 2018, with every case staff meet. Each special case says, by hand,
// what the product must make of it (`expect`), so a test can hold the figures to those answers.

type Json = Record<string, unknown>;

/** the staff member who set the product up, and two colleagues who use it (each with their own Google account) */
const OWNER = "nguyen.hung@ldldq1.example.vn";
const STAFF = ["tran.lan@ldldq1.example.vn", "le.minh@ldldq1.example.vn"];

const COMPANIES: [string, string][] = [
  ["Công ty TNHH Dịch vụ Bến Nghé", "benngheservice"],
  ["Công ty CP Thương mại Đa Kao", "dakaotrade"],
  ["Khách sạn Sông Sài Gòn", "songsaigonhotel"],
  ["Công ty TNHH May mặc Tân Định", "tandinhgarment"],
  ["Công ty CP Du lịch Nguyễn Huệ", "nguyenhuetravel"],
  ["Trường Mầm non Hoa Phượng", "mnhoaphuong"],
  ["Bệnh viện Đa khoa Cầu Kho", "bvcaukho"],
  ["Công ty TNHH In ấn Cô Giang", "coginagprint"],
  ["Công ty CP Vận tải Cầu Ông Lãnh", "cauonglanhtransport"],
  ["Nhà hàng Phố Cổ Đồng Khởi", "phocodongkhoi"],
  ["Công ty TNHH Điện tử Phạm Ngũ Lão", "pnlelectronics"],
  ["Công ty CP Bảo hiểm Lê Lợi", "leloiinsurance"],
  ["Trung tâm Văn hóa Nguyễn Cư Trinh", "ttvhnct"],
  ["Công ty TNHH Thực phẩm Bến Thành", "benthanhfood"],
  ["Công ty CP Xây dựng Tôn Đức Thắng", "tdtconstruction"],
  ["Chi nhánh Ngân hàng Hàm Nghi", "hamnghibank"],
  ["Công ty TNHH Phần mềm Đinh Tiên Hoàng", "dthsoftware"],
  ["Siêu thị Mai Thị Lựu", "maithiluumart"],
  ["Công ty CP Dược phẩm Trần Hưng Đạo", "thdpharma"],
  ["Trường THCS Văn Lang", "thcsvanlang"],
  ["Công ty TNHH Quảng cáo Hai Bà Trưng", "hbtads"],
  ["Công ty CP Cơ khí Nguyễn Thái Bình", "ntbmech"],
  ["Khách sạn Ánh Dương", "anhduonghotel"],
  ["Công ty TNHH Bao bì Calmette", "calmettepack"],
  ["Công ty CP Viễn thông Pasteur", "pasteurtelecom"],
  ["Ủy ban nhân dân phường Bến Nghé", "ubndbennghe"],
  ["Công ty TNHH Giày da Lý Tự Trọng", "lttshoes"],
  ["Công ty CP Cảng Nhà Rồng", "nharongport"],
  ["Công ty TNHH Mỹ phẩm Thái Văn Lung", "tvlcosmetics"],
  ["Nhà văn hóa Thanh niên", "nvhthanhnien"],
  ["Công ty TNHH Logistics Khánh Hội", "khanhhoilogistics"],
  ["Công ty CP Kiến trúc Võ Văn Kiệt", "vvkarch"],
  ["Công ty TNHH Cà phê Hồ Tùng Mậu", "htmcoffee"],
  ["Bệnh viện Răng Hàm Mặt Ký Con", "rhmkycon"],
  ["Công ty CP Chứng khoán Nam Kỳ Khởi Nghĩa", "nkknsecurities"],
  ["Công ty TNHH Điện lạnh Cống Quỳnh", "congquynhcooling"],
  ["Trường Tiểu học Lê Ngọc Hân", "thlengochan"],
  ["Công ty TNHH Nội thất Nguyễn Trãi", "ntraifurniture"],
  ["Công ty CP Dệt may Yersin", "yersintextile"],
  ["Công ty TNHH Sự kiện Bùi Viện", "buivienevents"],
];

const CHAIRS = [
  "Nguyễn Thị Lan",
  "Trần Văn Hùng",
  "Lê Thị Hồng",
  "Phạm Minh Tuấn",
  "Hoàng Thị Mai",
  "Võ Văn Dũng",
  "Đặng Thị Thu",
  "Bùi Quốc Khánh",
  "Đỗ Thị Ngọc",
  "Huỳnh Văn Phúc",
  "Ngô Thị Hạnh",
  "Dương Văn Long",
  "Lý Thị Kim",
  "Trương Văn Tài",
  "Phan Thị Yến",
  "Vũ Đức Thắng",
  "Đinh Thị Loan",
  "Mai Văn Sơn",
  "Lâm Thị Tuyết",
  "Tô Văn Nam",
];

const GROUPS = ["Khối doanh nghiệp", "Khối doanh nghiệp", "Khối doanh nghiệp", "Khối hành chính sự nghiệp"];

const SITUATION = [
  "Đoàn viên, người lao động có việc làm ổn định, thu nhập bình quân không đổi so với tháng trước.",
  "Đơn hàng cuối năm tăng, người lao động làm thêm giờ trong giới hạn cho phép; đời sống ổn định.",
  "Một số bộ phận giảm ca do đơn hàng giảm; công đoàn đã đối thoại với ban giám đốc về bố trí việc làm.",
  "Tình hình tư tưởng ổn định, người lao động tin tưởng vào chính sách của doanh nghiệp.",
];
const OPINION = [
  "Người lao động quan tâm chương trình đào tạo, nâng cao tay nghề của doanh nghiệp.",
  "Dư luận quan tâm giá xăng dầu và giá thực phẩm tăng ảnh hưởng chi tiêu gia đình.",
  "Xuất hiện một số thông tin sai sự thật trên mạng xã hội; nhóm nòng cốt đã chia sẻ thông tin chính thống.",
  "Người lao động quan tâm chính sách bảo hiểm xã hội một lần và chế độ hưu trí.",
];
const CONCERNS = [
  "Mong doanh nghiệp sớm công bố mức thưởng Tết Kỷ Hợi 2019.",
  "Mong được hỗ trợ tiếp cận nhà ở xã hội cho công nhân lâu năm.",
  "Đề nghị cải thiện chất lượng bữa ăn ca.",
  "Lo lắng về việc làm khi doanh nghiệp tái cơ cấu.",
];
/**
 * What chairs worry about moves with the season, so the trend has something to show: wages paid late spread among
 * the enterprises in October and November, Tết grows towards December, job worries ease as orders come back, housing
 * stays. By month (9–12), the share of units (out of 10) raising each; the hash spreads them over the units.
 */
const SEASON: { texts: string[]; share: Record<number, number>; enterprisesOnly?: boolean }[] = [
  {
    texts: [
      "Công ty chậm trả lương tháng trước, người lao động lo lắng; công đoàn đã kiến nghị ban giám đốc trả lương đúng hạn.",
      "Một số tổ còn bị nợ lương làm thêm giờ, đề nghị doanh nghiệp thanh toán sớm.",
    ],
    share: { 9: 1, 10: 2, 11: 7, 12: 5 },
    enterprisesOnly: true,
  },
  {
    texts: [
      "Mong doanh nghiệp sớm công bố mức thưởng Tết Kỷ Hợi 2019.",
      "Người lao động hỏi về lịch nghỉ Tết Nguyên đán và xe đưa công nhân về quê ăn Tết.",
    ],
    share: { 9: 0, 10: 1, 11: 4, 12: 8 },
  },
  {
    texts: ["Lo lắng về việc làm khi doanh nghiệp tái cơ cấu.", "Một số lao động lớn tuổi lo mất việc khi dây chuyền tự động hóa."],
    share: { 9: 5, 10: 4, 11: 2, 12: 1 },
  },
  { texts: ["Mong được hỗ trợ tiếp cận nhà ở xã hội cho công nhân lâu năm."], share: { 9: 3, 10: 3, 11: 3, 12: 3 } },
];

function concernsOf(i: number, month: string, enterprise: boolean): string {
  const m = Number(month.slice(5));
  const said = SEASON.flatMap((c, j) => {
    if (c.enterprisesOnly && !enterprise) return [];
    return (i * (7 + 2 * j) + j * 3) % 10 < (c.share[m] ?? 0) ? [c.texts[(i + m) % c.texts.length]] : [];
  });
  return said.length ? said.join(" ") : CONCERNS[(i + m + 2) % 4];
}

/** the optional question on harmful or false content found and how the unit answered it: most months nothing */
const HARMFUL = [
  "Phát hiện bài viết sai sự thật về việc “cắt giảm lương tháng 13” trong nhóm của công nhân; Ban Chấp hành đã đối thoại, nhóm nòng cốt chia sẻ thông tin chính thức của doanh nghiệp.",
  "",
  "Một tài khoản lạ đăng tin kích động ngừng việc; đơn vị đã báo cáo nội dung với Facebook và phản bác bằng thông tin chính thống.",
  "",
  "",
];
/**
 * The optional question on what cannot wait for the 24th (Revision 3): one unit, one month. Mailed to the leaders and
 * the staff the moment the report is stored; listed in November's report.
 */
const URGENT: Record<string, string> = {
  "4|2018-11":
    "Công ty chậm trả lương tháng 9 và tháng 10/2018 cho khoảng 420 công nhân; sáng 12/11 công nhân hai tổ may bàn sẽ ngừng việc từ thứ Hai tuần sau nếu chưa được trả. Ban Chấp hành CĐCS đã đề nghị Ban Giám đốc đối thoại ngày 14/11; đề nghị LĐLĐ Quận 1 cử cán bộ cùng tham dự.",
};
const PROPOSALS = [
  "Đề nghị LĐLĐ Quận 1 tổ chức tư vấn pháp luật về hợp đồng lao động.",
  "Đề nghị hỗ trợ công nhân có hoàn cảnh khó khăn.",
  "",
  "Đề nghị tập huấn kỹ năng sử dụng mạng xã hội cho cán bộ công đoàn.",
];

export const DEMO_MONTHS = ["2018-09", "2018-10", "2018-11", "2018-12"];

const code = (i: number) => `CD${String(i).padStart(3, "0")}`;
const email = (i: number) => `chutich@${COMPANIES[i - 1][1]}.example.vn`;
const at = (ymd: string, hh: number, mm = 0) => `${ymd}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00+07:00`;

const isEnterprise = (name: string) =>
  name.startsWith("Công ty") ||
  name.startsWith("Khách sạn") ||
  name.startsWith("Nhà hàng") ||
  name.startsWith("Siêu thị") ||
  name.startsWith("Chi nhánh");

function units(): Json[] {
  return COMPANIES.map(([name], k) => {
    const i = k + 1;
    return {
      code: code(i),
      name: `CĐCS ${name}`,
      chair: CHAIRS[k % CHAIRS.length],
      emails: [email(i)],
      phone: `09${String(10000000 + ((i * 7919) % 89999999)).padStart(8, "0")}`,
      group: isEnterprise(name) ? "Khối doanh nghiệp" : GROUPS[3],
      // CD039 joins in November; CD040 is dissolved after October
      activeFrom: i === 39 ? "2018-11" : "2018-09",
      activeTo: i === 40 ? "2018-10" : null,
    };
  });
}

function registration(i: number, extra: Json = {}): Json {
  const slug = COMPANIES[i - 1][1];
  return {
    unit: `${code(i)} – CĐCS ${COMPANIES[i - 1][0]}`,
    accountType: i % 3 === 0 ? "chair" : "cdcs",
    accountName: i % 3 === 0 ? CHAIRS[(i - 1) % CHAIRS.length] : `Công đoàn ${COMPANIES[i - 1][0]}`,
    accountUrl: `https://www.facebook.com/congdoan.${slug}`,
    groupName: `Góc chia sẻ ${slug}`,
    groupUrl: `https://www.facebook.com/groups/${100000 + i * 37}`,
    followed: ["vgcl", "hcm", "q1"],
    ...extra,
  };
}

function report(i: number, month: string, extra: Json = {}): Json {
  const k = i + Number(month.slice(5));
  return {
    unit: code(i),
    month: `${month.slice(5)}/${month.slice(0, 4)}`,
    situation: SITUATION[k % 4],
    opinion: OPINION[(k + 1) % 4],
    concerns: concernsOf(i, month, isEnterprise(COMPANIES[i - 1][0])),
    proposals: PROPOSALS[k % 4],
    sharedPosts: String(5 + (k % 9)),
    newAccounts: 3 + ((k * 3) % 11),
    coreMembers: 1 + (k % 4),
    groupsJoined: k % 2,
    // optional: one unit in six does not follow its page's statistics and leaves it blank
    ...(i % 6 === 5 ? {} : { interactions: 40 + ((k * 17) % 120) }),
    ...(HARMFUL[k % 5] ? { harmful: HARMFUL[k % 5] } : {}),
    ...(URGENT[`${i}|${month}`] ? { urgent: URGENT[`${i}|${month}`] } : {}),
    ...extra,
  };
}

export interface Expect {
  onTime: number;
  late: { unit: string; daysLate: number }[];
  missing: string[];
  invalid: string[];
  unverified: string[];
  exempt: string[];
}

export function demoScenario(): { scenario: Json; expect: { registration: Expect; periods: Record<string, Expect> } } {
  const events: Json[] = [];
  let n = 0;
  const id = (p: string) => `${p}-${++n}`;

  // ---- registration: before 15/10/2018
  const regSpecial: Record<number, (i: number) => void> = {
    5: (i) =>
      events.push({
        type: "submit",
        id: id("dk"),
        form: "registration",
        at: at("2018-10-17", 9, 30),
        email: email(i),
        answers: registration(i),
      }), // late 3
    11: (i) =>
      events.push({
        type: "submit",
        id: id("dk"),
        form: "registration",
        at: at("2018-10-25", 14),
        email: email(i),
        answers: registration(i),
      }), // late 11
    17: () => {}, // never registers
    21: (i) => {
      // a group named after the union is refused, then corrected through the edit link before the deadline
      const r = id("dk");
      events.push({
        type: "submit",
        id: r,
        form: "registration",
        at: at("2018-10-08", 10),
        email: email(i),
        answers: registration(i, { groupName: "Công đoàn Hai Bà Trưng" }),
      });
      events.push({
        type: "edit",
        id: r,
        at: at("2018-10-13", 16),
        answers: registration(i, { groupName: "Hội những người thích quảng cáo" }),
      });
    },
    23: (i) => {
      // sent from a personal address: counted once staff confirm it, at its original time
      const r = id("dk");
      events.push({
        type: "submit",
        id: r,
        form: "registration",
        at: at("2018-10-02", 20),
        email: "anhduong.chutich@gmail.example.com",
        answers: registration(i),
      });
      events.push({ type: "confirm", id: r, at: at("2018-10-03", 9), as: STAFF[0] });
    },
    29: (i) =>
      events.push({
        type: "manual",
        id: "GIAY-DK-29",
        form: "registration",
        at: at("2018-10-11", 15),
        channel: "paper",
        answers: registration(i),
      }),
    33: (i) =>
      events.push({
        type: "submit",
        id: id("dk"),
        form: "registration",
        at: at("2018-10-05", 11),
        email: email(i),
        answers: registration(i, { groupUrl: "https://www.facebook.com/nharongport" }),
      }),
    // joins in November: owes registration by its own deadline (1 November + the grace days), and meets it
    39: (i) =>
      events.push({
        type: "submit",
        id: id("dk"),
        form: "registration",
        at: at("2018-11-12", 9),
        email: email(i),
        answers: registration(i),
      }),
  };
  for (let i = 1; i <= 40; i++) {
    if (regSpecial[i]) regSpecial[i](i);
    else {
      // September from the 5th, the rest in the first days of October: all before the 15th
      const day = i < 20 ? `2018-09-${String(5 + i).padStart(2, "0")}` : `2018-10-${String(1 + (i % 12)).padStart(2, "0")}`;
      events.push({
        type: "submit",
        id: id("dk"),
        form: "registration",
        at: at(day, 8 + (i % 10), (i * 7) % 60),
        email: email(i),
        answers: registration(i),
      });
    }
  }
  const regExpect: Expect = {
    onTime: 40 - 2 /* late */ - 1 /* missing */ - 1 /* invalid */,
    late: [
      { unit: "CD005", daysLate: 3 },
      { unit: "CD011", daysLate: 11 },
    ],
    missing: ["CD017"],
    invalid: ["CD033"],
    unverified: [],
    exempt: [],
  };

  // ---- monthly reports: before the 24th of each month
  const periods: Record<string, Expect> = {};
  for (const month of DEMO_MONTHS) {
    const m = Number(month.slice(5));
    const d = (day: number) => `${month}-${String(day).padStart(2, "0")}`;
    const next = (day: number) =>
      m === 12 ? `2019-01-${String(day).padStart(2, "0")}` : `2018-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const e: Expect = { onTime: 0, late: [], missing: [], invalid: [], unverified: [], exempt: [] };
    const special: Record<number, () => void> = {};
    // late by 1: on the due date itself
    const one = [2, 4, 5, 6][m - 9];
    special[one] = () => {
      events.push({ type: "submit", id: id("bc"), form: "monthly", at: at(d(24), 10), email: email(one), answers: report(one, month) });
      e.late.push({ unit: code(one), daysLate: 1 });
    };
    // late by many days: the 23rd is the last on-time day; the 3rd of the next month is 10 days later in
    // 30-day months, 11 in 31-day months; December's (the run ends on the 31st) arrives on the 28th, 5 days late
    special[(m % 5) + 12] = () => {
      const i = (m % 5) + 12;
      events.push({
        type: "submit",
        id: id("bc"),
        form: "monthly",
        at: at(m === 12 ? d(28) : next(3), 9),
        email: email(i),
        answers: report(i, month),
      });
      e.late.push({ unit: code(i), daysLate: m === 12 ? 5 : m === 9 || m === 11 ? 10 : 11 });
    };
    // missing
    special[(m % 4) + 25] = () => e.missing.push(code((m % 4) + 25));
    // invalid, never fixed: a count that is not a number
    special[(m % 3) + 30] = () => {
      const i = (m % 3) + 30;
      events.push({
        type: "submit",
        id: id("bc"),
        form: "monthly",
        at: at(d(15), 11),
        email: email(i),
        answers: report(i, month, { newAccounts: "khoảng chục người" }),
      });
      e.invalid.push(code(i));
    };
    // unverified: in October confirmed (counts on time), in December still waiting
    special[34] = () => {
      const r = id("bc");
      events.push({
        type: "submit",
        id: r,
        form: "monthly",
        at: at(d(20), 21),
        email: "ketoan.rhmkycon@gmail.example.com",
        answers: report(34, month),
      });
      if (month === "2018-12") e.unverified.push("CD034");
      else {
        events.push({ type: "confirm", id: r, at: at(d(21), 8, 30), as: STAFF[m % 2] });
        e.onTime++;
      }
    };
    // received on paper and typed in by staff
    special[36] = () => {
      events.push({
        type: "manual",
        id: `GIAY-${month}-36`,
        form: "monthly",
        at: at(d(22), 16),
        channel: m % 2 ? "paper" : "message",
        answers: report(36, month),
        as: STAFF[1],
      });
      e.onTime++;
    };
    // on time, then corrected after the deadline: stays on time, latest content wins
    special[3] = () => {
      const r = id("bc");
      events.push({ type: "submit", id: r, form: "monthly", at: at(d(12), 14), email: email(3), answers: report(3, month) });
      events.push({
        type: "edit",
        id: r,
        at: at(d(26), 9),
        answers: report(3, month, { concerns: "Bổ sung: người lao động mong được khám sức khỏe định kỳ sớm hơn." }),
      });
      e.onTime++;
    };
    // a report with markup and identity-like data: escaped in mails, masked in the rollup
    special[7] = () => {
      events.push({
        type: "submit",
        id: id("bc"),
        form: "monthly",
        at: at(d(18), 8),
        email: email(7),
        answers: report(7, month, {
          concerns: '<b>Khẩn</b> <script>alert("x")</script> Chị A (0912 345 678) đề nghị hỗ trợ hoàn cảnh khó khăn.',
        }),
      });
      e.onTime++;
    };
    // a submit event Google never delivered: the daily reconcile stores it
    special[9] = () => {
      events.push({ type: "lost", id: id("bc"), form: "monthly", at: at(d(16), 15), email: email(9), answers: report(9, month) });
      e.onTime++;
    };
    // the submit trigger fires twice for the same response
    special[10] = () => {
      const r = id("bc");
      events.push({ type: "submit", id: r, form: "monthly", at: at(d(17), 10), email: email(10), answers: report(10, month) });
      events.push({ type: "redeliver", id: r, at: at(d(17), 10, 1) });
      e.onTime++;
    };
    for (let i = 1; i <= 40; i++) {
      const exempt = (i === 39 && month < "2018-11") || (i === 40 && month > "2018-10");
      if (exempt) {
        e.exempt.push(code(i));
        continue;
      }
      if (special[i]) {
        special[i]();
        continue;
      }
      events.push({
        type: "submit",
        id: id("bc"),
        form: "monthly",
        at: at(d(8 + (i % 15)), 7 + (i % 14), (i * 13) % 60),
        email: email(i),
        answers: report(i, month),
      });
      e.onTime++;
    }
    e.late.sort((a, b) => a.unit.localeCompare(b.unit));
    for (const k of ["missing", "invalid", "unverified", "exempt"] as const) e[k].sort();
    periods[month] = e;
  }

  // the account that set the product up is moved to another post on 3 December: its triggers stop that day, the
  // watchdog of a colleague who had used the product notices the next morning, tells the staff and takes over
  events.push({ type: "leave", account: OWNER, at: at("2018-12-03", 17) });

  return {
    scenario: {
      accounts: { owner: OWNER, staff: STAFF },
      settings: {
        rollupTo: ["tuyengiao@ldldq1.example.vn", "lanhdao@ldldq1.example.vn"],
        overdueCc: ["tuyengiao@ldldq1.example.vn"],
        mailQuota: 100,
        signerName: "Hồ Như Cát Tường",
      },
      units: units(),
      events,
      run: { from: "2018-09-01", to: "2018-12-31" },
    },
    expect: { registration: regExpect, periods },
  };
}
