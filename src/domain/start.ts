// The start tab, "Hôm nay": first what needs staff today (kept current by the daily run's views, the sidebar and setup),
// then the first steps a federation takes with its own copy of the Sheet and where each stands, then open problems.
import { addDays, addMonths, viDate } from "./dates";
import { REGISTRATION, rollupDay } from "./periods";
import type { Rules } from "./rules";
import type { Settings } from "./settings";

export const TODAY_HEADER = ["", "Việc hôm nay", "Tình trạng", "Chi tiết, cách làm"];
export const START_HEADER = ["Bước", "Các bước ban đầu", "Tình trạng", "Chi tiết, cách làm"];

/** the today block: a title, its header and these rows, always as many (the steps below keep their rows) */
export const TODAY_ITEMS = 7;
/** the row of the steps' header: after the title, the today header, its rows and a blank row */
export const START_STEPS_ROW = 2 + TODAY_ITEMS + 2;
/** the row the block of problems starts at: under the ten steps, after a blank row */
export const START_PROBLEMS_ROW = START_STEPS_ROW + 10 + 2;

/** the words of the today block's state column (the tab colours them) */
export const TODAY_STATE = { todo: "Cần làm", none: "Không có việc", look: "Cần xem", fine: "Bình thường", next: "Sắp tới" } as const;

/** a unit today's block names: code, name, and the chair and phone when the roster has them */
export interface TodayUnit {
  code: string;
  name: string;
  chair?: string;
  phone?: string;
  /** the period it is about, in words (tháng 11/2018, đăng ký) */
  period: string;
  daysLate?: number;
}

/** what the run that writes the block already knows: nothing here costs a read per unit */
export interface TodayFacts {
  /** setup has run: before it, the block says only that */
  setUp: boolean;
  waiting: TodayUnit[];
  invalid: TodayUnit[];
  overdue: TodayUnit[];
  /** urgent mails still owed (the quota held them) */
  urgentOwed: number;
  next: { day: string; what: string }[];
  rollup: { day: string; period: string } | null;
  /** the owner's daily run: when it last ran (0: never) and whether one is missing */
  daily: { last: number; lastText: string; by: string; stale: boolean; hour: number };
  /** mails the quota held back today, by unit */
  held: number;
  problems: number;
  /** the Sheet is a paused copy */
  paused: boolean;
}

/** at most this many units named in a cell; the rest counted, with where to see them */
const LISTED = 12;

function unitLine(u: TodayUnit, withPhone: boolean): string {
  const who = withPhone ? [u.chair, u.phone].filter(Boolean).join(", ") : "";
  const late = u.daysLate ? `, trễ ${u.daysLate} ngày` : "";
  return `${u.code} – ${u.name} (${u.period}${late})${who ? `: ${who}` : withPhone ? ": chưa có số điện thoại trong trang “Đơn vị”" : ""}`;
}

function listed(units: TodayUnit[], withPhone: boolean, more: string): string {
  const lines = units.slice(0, LISTED).map((u) => unitLine(u, withPhone));
  if (units.length > LISTED) lines.push(`… và ${units.length - LISTED} đơn vị khác: ${more}`);
  return lines.join("\n");
}

/**
 * The days mails are next due after `today` (reminders before each live deadline and the next month's, notices after),
 * and the next rollup. From the settings alone: which units a mail goes to is the day's plan, not known ahead.
 */
export function upcoming(s: Settings, rules: Rules, periods: string[], today: string): Pick<TodayFacts, "next" | "rollup"> {
  const months = periods.filter((p) => p !== REGISTRATION);
  const latest = months[0] ?? s.firstPeriod;
  const all = [...new Set([...periods, ...(latest >= s.firstPeriod ? [addMonths(latest, 1)] : [s.firstPeriod])])];
  const events: { day: string; what: string }[] = [];
  let rollup: TodayFacts["rollup"] = null;
  for (const period of all) {
    const d = period === REGISTRATION ? rules.registration() : rules.deadline(period);
    const label = period === REGISTRATION ? "đăng ký" : `báo cáo tháng ${period.slice(5)}/${period.slice(0, 4)}`;
    for (const k of s.remindBefore) events.push({ day: addDays(d.due, -k), what: `nhắc hạn ${label} (hạn ${viDate(d.due)})` });
    for (const k of s.overdueAfter) events.push({ day: addDays(d.due, k), what: `báo trễ hạn ${label}` });
    const roll = rollupDay(d, s);
    if (roll > today && (!rollup || roll < rollup.day)) rollup = { day: roll, period: label };
  }
  const after = events.filter((e) => e.day > today).sort((a, b) => a.day.localeCompare(b.day));
  const days = [...new Set(after.map((e) => e.day))].slice(0, 2);
  return {
    next: days.map((day) => ({
      day,
      what: after
        .filter((e) => e.day === day)
        .map((e) => e.what)
        .join("; "),
    })),
    rollup,
  };
}

/** the today block: its title (with the day and the time it was written), its header, TODAY_ITEMS rows */
export function todayRows(f: TodayFacts, now: { day: string; stamp: string }): string[][] {
  const S = TODAY_STATE;
  const title = [`HÔM NAY ${viDate(now.day)} – việc cần cán bộ làm (cập nhật lúc ${now.stamp})`, "", "", ""];
  if (!f.setUp) {
    const rows = [
      title,
      TODAY_HEADER,
      ["", "Chưa thiết lập", S.todo, "Làm theo các bước ban đầu bên dưới: mục này liệt kê việc mỗi ngày sau khi Thiết lập chạy xong."],
    ];
    while (rows.length < 2 + TODAY_ITEMS) rows.push(["", "", "", ""]);
    return rows;
  }
  const count = (n: number) => (n ? `${S.todo}: ${n}` : S.none);
  const items: string[][] = [
    [
      "1",
      "Xác nhận người gửi đang chờ",
      count(f.waiting.length),
      f.waiting.length
        ? `${listed(f.waiting, false, "trang “Trạng thái”")}\nBáo cáo CĐCS → Xác nhận người gửi: xem ai gửi, rồi Xác nhận hoặc Từ chối.`
        : "Không có báo cáo nào chờ xác nhận.",
    ],
    [
      "2",
      "Báo cáo cần đơn vị sửa",
      count(f.invalid.length),
      f.invalid.length
        ? `${listed(f.invalid, true, "trang “Trạng thái”")}\nHệ thống đã gửi thư đề nghị sửa; gọi Chủ tịch nếu đơn vị chưa sửa.`
        : "Không có báo cáo không hợp lệ.",
    ],
    [
      "3",
      "Đơn vị cần gọi điện (quá hạn, chưa nộp)",
      count(f.overdue.length),
      f.overdue.length
        ? `${listed(f.overdue, true, "trang “Nhắc qua Zalo”")}\nTin nhắn sẵn để dán vào Zalo: trang “Nhắc qua Zalo”.`
        : "Không có đơn vị quá hạn chưa nộp.",
    ],
    [
      "4",
      "Việc khẩn chưa báo được",
      f.urgentOwed ? `${S.todo}: ${f.urgentOwed}` : S.none,
      f.urgentOwed
        ? `${f.urgentOwed} thư báo việc khẩn chưa gửi được (hết hạn mức thư): hệ thống gửi lại ở lần chạy sau; báo ngay cho lãnh đạo qua điện thoại. Nội dung ở trang “Báo cáo tháng”.`
        : "Thư báo việc khẩn đã gửi ngay khi nhận báo cáo (trang “Nhật ký thư”, loại Việc khẩn).",
    ],
    [
      "5",
      "Thư sắp gửi",
      f.next.length ? `${S.next}: ${viDate(f.next[0].day)}` : S.none,
      [
        ...f.next.map((x) => `${viDate(x.day)}: ${x.what}.`),
        f.paused
          ? "Bản sao đang TẠM DỪNG gửi thư: xem trang “Nhật ký chạy”."
          : `Thư đi ở lần chạy tự động lúc ${f.daily.hour} giờ; xem trước: Báo cáo CĐCS → Xem trước thư.`,
      ].join("\n"),
    ],
    [
      "6",
      "Báo cáo tổng hợp tới",
      f.rollup ? `${S.next}: ${viDate(f.rollup.day)}` : S.none,
      f.rollup ? `Tổng hợp ${f.rollup.period} gửi lãnh đạo ngày ${viDate(f.rollup.day)}.` : "Chưa có kỳ nào sắp tổng hợp.",
    ],
  ];
  const health: string[] = [];
  if (f.daily.stale)
    health.push(
      `Lần chạy hằng ngày của tài khoản ${f.daily.by} đã không chạy${f.daily.last ? ` (lần cuối ${f.daily.lastText})` : ""}: Báo cáo CĐCS → Nhận vận hành.`,
    );
  else
    health.push(
      f.daily.last ? `Lần chạy hằng ngày gần nhất: ${f.daily.lastText} (tài khoản ${f.daily.by}).` : "Chưa có lần chạy hằng ngày nào.",
    );
  if (f.held)
    health.push(`${f.held} đơn vị chưa nhận được thư hôm nay (hết hạn mức thư của Google): nhắn qua Zalo, xem đầu trang “Nhắc qua Zalo”.`);
  if (f.problems) health.push(`${f.problems} việc cần xử lý: mục CẦN XỬ LÝ cuối trang này.`);
  const sick = f.daily.stale || f.held > 0 || f.problems > 0;
  items.push(["7", "Tình trạng hệ thống", sick ? S.look : S.fine, health.join("\n")]);
  return [title, TODAY_HEADER, ...items];
}

/** a problem as the start tab shows it: when it began (already in words), what it is, what staff do */
interface StartProblem {
  since: string;
  text: string;
  todo: string;
}

/** the block of problems under the steps: a heading and one row each; nothing when all is well */
export function problemRows(problems: StartProblem[]): string[][] {
  if (!problems.length) return [];
  return [
    ["!", "CẦN XỬ LÝ (dòng tự mất khi việc đã xong)", "Từ lúc", "Việc cần làm"],
    ...problems.map((x) => ["!", x.text, x.since, x.todo]),
  ];
}

const DONE = "Đã xong";
const TODO = "Chưa xong";
const FIX = "Cần sửa";
const SHOULD = "Nên làm";
const ONCE = "Làm một lần";

/** what the product knows of the Sheet it runs in */
export interface StartFacts {
  /** setup has run on this very Sheet (not only on the one it was copied from) */
  setUp: boolean;
  /** the Sheet is a copy whose setup has not run yet */
  copy: boolean;
  settings: { ok: boolean; detail: string } | null;
  staff: string[];
  units: number;
  unitProblems: string[];
  /** the units the forms' dropdowns and links were made for at the last setup */
  linked: number;
  forms: { title: string; url: string }[];
  triggers: { owner: string; hour: number; zone: string } | null;
  templateUrl: string;
  check: { passed: number; total: number; failed: string[] } | null;
}

type Step = [what: string, state: string, how: string];

/** the first steps: setup, the settings, the staff's accounts */
function setupSteps(f: StartFacts): Step[] {
  const setupHow = "Chọn trình đơn Báo cáo CĐCS → Thiết lập. Lần đầu Google hỏi quyền: xem “Hướng dẫn sử dụng”, mục 1.";
  return [
    [
      "Chạy Thiết lập lần đầu",
      f.setUp ? DONE : TODO,
      f.setUp
        ? "Đã tạo các trang, hai biểu mẫu, lịch chạy và thư mục báo cáo trong Drive."
        : f.copy
          ? `Bảng tính này là bản sao, chưa thiết lập: mọi việc khác chờ bước này. ${setupHow}`
          : setupHow,
    ],
    [
      "Kiểm tra trang “Cài đặt”",
      !f.settings ? TODO : f.settings.ok ? DONE : FIX,
      !f.settings
        ? "Trang “Cài đặt” có sau khi chạy Thiết lập. Mặc định theo văn bản của Ban Thường vụ; sửa cột “Giá trị” nếu cần (tên đơn vị, người nhận tổng hợp, người ký…)."
        : f.settings.ok
          ? "Mọi ô đọc được. Có thể sửa bất cứ lúc nào: thay đổi có hiệu lực ngay."
          : f.settings.detail,
    ],
    [
      "Ghi tài khoản Google của cán bộ",
      f.staff.length ? DONE : SHOULD,
      f.staff.length
        ? `${f.staff.length} tài khoản: ${f.staff.join(", ")}.`
        : "Ô “Tài khoản cán bộ dùng hệ thống” trong trang “Cài đặt”: email Google của từng cán bộ, cách nhau dấu phẩy; rồi chạy lại Thiết lập.",
    ],
  ];
}

/** the roster, and setup run again for it */
function rosterSteps(f: StartFacts): Step[] {
  const linkedAll = f.setUp && f.units > 0 && f.linked >= f.units;
  return [
    [
      "Điền danh sách đơn vị",
      f.units ? (f.unitProblems.length ? FIX : DONE) : TODO,
      f.units
        ? f.unitProblems.length
          ? `${f.units} đơn vị; cần sửa: ${f.unitProblems.slice(0, 5).join(" ")}${f.unitProblems.length > 5 ? ` (và ${f.unitProblems.length - 5} ô khác)` : ""}`
          : `${f.units} đơn vị.`
        : "Trang “Đơn vị”: mỗi dòng một CĐCS (mã, tên, Chủ tịch, email, điện thoại, khối, từ tháng, đến tháng).",
    ],
    [
      "Chạy lại Thiết lập sau khi điền",
      linkedAll ? DONE : TODO,
      linkedAll
        ? `Biểu mẫu có danh sách ${f.linked} đơn vị; mỗi đơn vị có đường dẫn riêng ở trang “Đơn vị” (cột Liên kết).`
        : "Sau khi điền hoặc sửa danh sách đơn vị, chọn Báo cáo CĐCS → Thiết lập: danh sách vào biểu mẫu, mỗi đơn vị có đường dẫn riêng.",
    ],
  ];
}

/** what setup makes (the forms, the triggers), its check, and what staff do once */
function madeSteps(f: StartFacts): Step[] {
  return [
    [
      "Hai biểu mẫu đã tạo và xuất bản",
      f.forms.length >= 2 ? DONE : TODO,
      f.forms.length ? f.forms.map((x) => `${x.title}: ${x.url}`).join("\n") : "Thiết lập tạo biểu mẫu đăng ký và biểu mẫu báo cáo tháng.",
    ],
    [
      "Lịch chạy tự động",
      f.triggers ? DONE : TODO,
      f.triggers
        ? `Chạy mỗi ngày lúc ${f.triggers.hour} giờ (${f.triggers.zone}), nhận biểu mẫu ngay khi có, thuộc tài khoản ${f.triggers.owner}.`
        : "Thiết lập tạo lịch chạy cho tài khoản chạy Thiết lập lần đầu (nên dùng tài khoản của Liên đoàn).",
    ],
    [
      "Kiểm tra hệ thống đạt",
      !f.check ? TODO : f.check.failed.length ? FIX : DONE,
      !f.check
        ? "Chạy cuối mỗi lần Thiết lập, hoặc chọn Báo cáo CĐCS → Kiểm tra hệ thống."
        : f.check.failed.length
          ? `${f.check.passed}/${f.check.total} mục đạt. Không đạt: ${f.check.failed.join("; ")}. Xem trang “Kiểm tra”, cột “Việc cần làm”.`
          : `${f.check.passed}/${f.check.total} mục đạt.`,
    ],
    [
      "Hoàn thiện mẫu báo cáo (số trang)",
      ONCE,
      f.templateUrl
        ? `Mở ${f.templateUrl} → Chèn → Số trang, kiểu bắt đầu từ trang 2, căn giữa (hướng dẫn mục 9.1).`
        : "Thiết lập tạo “Mẫu báo cáo (không xóa)” trong thư mục báo cáo; thêm số trang một lần (hướng dẫn mục 9.1).",
    ],
    [
      "Gửi đường dẫn cho các Chủ tịch CĐCS",
      ONCE,
      "Trang “Đơn vị” có đường dẫn riêng của từng đơn vị; trang “Nhắc qua Zalo” có sẵn tin nhắn để dán vào nhóm Zalo các Chủ tịch.",
    ],
  ];
}

/** the steps' rows from START_STEPS_ROW - 1: a blank row, the header, one row per step */
export function startRows(f: StartFacts, stamp: string): string[][] {
  const steps = [...setupSteps(f), ...rosterSteps(f), ...madeSteps(f)];
  return [
    ["", "", "", ""],
    [...START_HEADER.slice(0, 3), `Chi tiết, cách làm (cập nhật lúc ${stamp})`],
    ...steps.map(([what, state, how], i) => [String(i + 1), what, state, how]),
  ];
}

/**
 * What setup answers staff in its dialog: the result in a line, what needs fixing (a few lines), and the one next step.
 * The full list of what it made stays in the run log.
 */
export function setupAnswer(ok: boolean, problems: string[], f: StartFacts, notices: string[] = []): string {
  // what staff must know before anything else (a copy starting clean, paused, triggers another account holds), whole
  const lines = [ok ? "Thiết lập xong." : "Thiết lập chưa xong.", ...notices];
  if (problems.length) {
    lines.push(`Cần xem (${problems.length}):`, ...problems.slice(0, 3).map((x) => `• ${x.split("\n")[0].slice(0, 200)}`));
    if (problems.length > 3) lines.push(`… và ${problems.length - 3} ghi chú khác.`);
  }
  if (f.check)
    lines.push(`Kiểm tra hệ thống: ${f.check.passed}/${f.check.total} mục đạt${f.check.failed.length ? ` (xem trang “Kiểm tra”)` : ""}.`);
  let next: string;
  if (!ok) next = "sửa điều ghi ở trên rồi chạy lại Báo cáo CĐCS → Thiết lập.";
  else if (f.settings && !f.settings.ok) next = "sửa các ô trang “Cài đặt” được nêu ở trang “Hôm nay”, rồi chạy lại Thiết lập.";
  else if (!f.units) next = "điền trang “Đơn vị” (mỗi dòng một CĐCS), kiểm tra các ngày ở trang “Cài đặt”, rồi chạy lại Thiết lập.";
  else if (f.unitProblems.length) next = "sửa các dòng trang “Đơn vị” được nêu ở trang “Hôm nay”, rồi chạy lại Thiết lập.";
  else if (f.linked < f.units) next = "chạy lại Thiết lập để đưa danh sách đơn vị vào biểu mẫu.";
  else next = `Báo cáo CĐCS → Xem trước thư để thấy các thư sẽ gửi; thư tự gửi ở lần chạy lúc ${f.triggers?.hour ?? 8} giờ sáng hằng ngày.`;
  lines.push(`Bước tiếp: ${next}`, "Chi tiết: trang “Hôm nay” và trang “Nhật ký chạy”.");
  return lines.join("\n");
}
