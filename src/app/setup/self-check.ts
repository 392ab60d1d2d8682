// The self-check (menu “Kiểm tra hệ thống”, also run at the end of setup): probes the live account for what the
// product relies on, and writes each item, pass or fail, and what to do to the tab “Kiểm tra”. It leaves nothing else.
import { addDays, instantOf, localDay, localParts, viDateTime } from "../../domain/dates";
import { FORM_IDS, type FormId, SPECS } from "../../domain/forms";
import type { Field } from "../../domain/forms/spec";
import { SELF_CHECK_HEADER, TAB } from "../../domain/layout";
import { say } from "../../domain/problems";
import { fail, ok, type Result } from "../../domain/result";
import { parseSettings } from "../../domain/settings";
import { safeCell, viNumber } from "../../domain/text";
import type { FormFacts, FormRef, Ports, State, Store } from "../../ports";
import { choicesFor } from "../daily/choices";
import { DAILY_BEAT, ownerStale } from "../run/owner";

interface CheckRow {
  item: string;
  passed: boolean;
  detail: string;
  todo: string;
}

const PASS = "Đạt";
const FAIL = "Không đạt";

/** Google's item type of each kind of question */
const ITEM_TYPE: Record<Field["kind"], string> = {
  unit: "LIST",
  month: "LIST",
  choice: "MULTIPLE_CHOICE",
  checkboxes: "CHECKBOX",
  shortText: "TEXT",
  number: "TEXT",
  paragraph: "PARAGRAPH_TEXT",
};

const RERUN = "Chạy lại Thiết lập bằng tài khoản quản lý trình kích hoạt.";

/** entry.N=value pairs of a prefilled url, values decoded, in order of N */
/** Google's email collection types as staff read them */
const EMAIL_COLLECTION: Record<string, string> = {
  VERIFIED: "đã xác minh (địa chỉ Google của người gửi)",
  RESPONDER_INPUT: "người gửi tự gõ địa chỉ (không xác minh)",
  DO_NOT_COLLECT: "không thu email",
};

function entryPairs(url: string): string[] {
  const q = url.indexOf("?");
  const out: string[] = [];
  for (const part of q < 0 ? [] : url.slice(q + 1).split("&")) {
    const m = /^entry\.(\d+)=(.*)$/.exec(part);
    if (m) out.push(`${m[1]}=${decodeURIComponent(m[2].replace(/\+/g, " "))}`);
  }
  return out.sort();
}

function row(item: string, passed: boolean, detail: string, todo: string): CheckRow {
  return { item, passed, detail, todo: passed ? "" : todo };
}

/** each probe on its own: one that throws fails with Google's words, the others still run */
function probe(rows: CheckRow[], item: string, todo: string, fn: () => CheckRow): void {
  try {
    rows.push(fn());
  } catch (e) {
    rows.push(row(item, false, `Lỗi khi kiểm tra: ${String((e as Error)?.message ?? e)}`, todo));
  }
}

/** how a form is published and who answers it, as Google reports them */
function settingRows(name: string, facts: FormFacts): CheckRow[] {
  return [
    row(
      `${name}: đã xuất bản, đang nhận câu trả lời`,
      facts.published === true && facts.accepting,
      facts.published === null
        ? "Tài khoản chưa có chức năng xuất bản (isPublished)."
        : facts.published
          ? facts.accepting
            ? "Đang nhận."
            : "Đã xuất bản nhưng đang đóng."
          : "Chưa xuất bản.",
      "Mở biểu mẫu, bấm Xuất bản (và bật Nhận câu trả lời), hoặc chạy Thiết lập.",
    ),
    row(
      `${name}: mọi người có đường liên kết đều điền được`,
      facts.anyone !== false,
      facts.anyone === null
        ? "Biểu mẫu kiểu cũ (không có thiết lập người trả lời): ai có đường liên kết cũng mở được."
        : facts.anyone
          ? "Mở cho mọi người có đường liên kết (chủ tịch CĐCS ngoài hệ thống Google của Liên đoàn vẫn điền được)."
          : "Chỉ người được chia sẻ mới điền được: chủ tịch CĐCS dùng tài khoản Google khác sẽ không mở được biểu mẫu.",
      "Mở biểu mẫu → Xuất bản → Người trả lời: chọn “Bất kỳ ai có đường liên kết”; hoặc chạy Thiết lập.",
    ),
    row(
      `${name}: thu email đã xác minh`,
      facts.emailCollection === "VERIFIED",
      facts.emailCollection === null
        ? "Không đọc được cách thu email (getEmailCollectionType)."
        : `Cách thu email: ${EMAIL_COLLECTION[facts.emailCollection] ?? facts.emailCollection}.`,
      "Trong Cài đặt của biểu mẫu, mục Thu thập địa chỉ email: chọn Đã xác minh; hoặc chạy Thiết lập.",
    ),
  ];
}

function formChecks(
  p: Ports,
  rows: CheckRow[],
  form: FormId,
  ref: FormRef | undefined,
  sample: { unit: string; month: string } | null,
): void {
  const spec = SPECS[form];
  const name = form === "registration" ? "Biểu mẫu đăng ký" : "Biểu mẫu báo cáo tháng";
  if (!ref) {
    rows.push(row(name, false, "Chưa có biểu mẫu.", "Chạy Thiết lập."));
    return;
  }
  const facts = p.probes.form(ref);
  if ("error" in facts) {
    rows.push(row(`${name}: mở được`, false, facts.error, `Chia sẻ quyền sửa biểu mẫu cho tài khoản này, hoặc ${RERUN.toLowerCase()}`));
    return;
  }
  const wrong = spec.fields.filter((f) => facts.types[ref.items[f.key]] !== ITEM_TYPE[f.kind]);
  rows.push(
    row(
      `${name}: loại câu hỏi`,
      !wrong.length,
      wrong.length
        ? `Sai hoặc thiếu: ${wrong.map((f) => `“${f.title}” (cần ${ITEM_TYPE[f.kind]})`).join(", ")}`
        : `${spec.fields.length} câu đúng loại.`,
      "Chạy Thiết lập để tạo lại các câu hỏi này.",
    ),
  );
  rows.push(...settingRows(name, facts));
  probe(rows, `${name}: liên kết điền sẵn`, "Chạy Thiết lập để dựng lại liên kết riêng của các đơn vị.", () => {
    if (!sample) return row(`${name}: liên kết điền sẵn`, true, "Chưa có đơn vị trong danh sách để thử.", "");
    const hasMonth = spec.fields.some((f) => f.kind === "month");
    const answers: Record<string, string> = { unit: sample.unit, ...(hasMonth ? { month: sample.month } : {}) };
    const mine = p.forms.prefilledLink(ref, sample.unit, hasMonth ? sample.month : undefined);
    const google = p.probes.prefill(ref, answers);
    const passed = !!mine && entryPairs(mine).join("&") === entryPairs(google).join("&");
    const what = `${sample.unit}${hasMonth ? `, ${sample.month}` : ""}`;
    return row(
      `${name}: liên kết điền sẵn`,
      passed,
      passed ? `Liên kết của đơn vị chọn sẵn đúng ${what}.` : `Liên kết không chọn sẵn ${what} (liên kết: ${mine || "trống"}).`,
      "Chạy Thiết lập để dựng lại liên kết riêng của các đơn vị.",
    );
  });
}

/**
 * Every deadline is counted with Intl's time zones (src/domain/dates.ts); Apps Script's V8 is held to them here, on
 * the live account: the local day and hour of a few instants (now, around midnight of the next deadline) as the
 * product counts them and as Google's own Utilities.formatDate writes them.
 */
function zoneCheck(p: Ports, tz: string, now: number): CheckRow {
  const item = "Giờ địa phương tính đúng";
  const day = localDay(now, tz);
  const probes = [now, instantOf(addDays(day, 1), tz) - 1, instantOf(addDays(day, 1), tz), instantOf(addDays(day, 1), tz, 8)];
  const pad = (n: number) => String(n).padStart(2, "0");
  const bad = probes.filter((ms) => {
    const q = localParts(ms, tz);
    const mine = `${q.y}-${pad(q.m)}-${pad(q.d)} ${pad(q.hh)}:${pad(q.mi)}`;
    return mine !== p.probes.formatDate(ms, tz, "yyyy-MM-dd HH:mm");
  });
  return row(
    item,
    !bad.length,
    bad.length
      ? `Cách tính giờ ${tz} của hệ thống lệch với Google ở ${bad.map((ms) => p.probes.formatDate(ms, tz, "dd/MM/yyyy HH:mm")).join(", ")}.`
      : `Ngày giờ ${tz} hệ thống tính khớp với Google (${probes.length} mốc, kể cả nửa đêm).`,
    "Báo kỹ thuật viên: hạn nộp có thể bị tính lệch; không đổi múi giờ trong Cài đặt cho tới khi sửa xong.",
  );
}

function triggerCheck(p: Ports, state: State, me: string, ssId: string): CheckRow {
  const item = "Trình kích hoạt";
  if (!state.triggerOwner) return row(item, false, "Chưa có tài khoản nào tạo trình kích hoạt.", "Chạy Thiết lập.");
  if (state.triggerOwner !== me) {
    // another account's triggers cannot be seen from here: what shows they run is the owner's last daily run
    const stale = ownerStale(state, p.state.beats(), p.clock.now());
    const beat = p.state.beats()[DAILY_BEAT];
    const tz = state.settings?.timeZone ?? "Asia/Ho_Chi_Minh";
    return stale
      ? row(
          item,
          false,
          `Thuộc tài khoản ${state.triggerOwner}, nhưng lần chạy hằng ngày gần nhất ${beat ? `là ${viDateTime(beat.at, tz)}` : "chưa có"}: tài khoản đó có thể đã rời đi hoặc hết quyền.`,
          "Chọn Báo cáo CĐCS → Nhận vận hành để tài khoản này chạy hệ thống từ nay (không mất báo cáo, không gửi thư hai lần).",
        )
      : row(
          item,
          true,
          `Thuộc tài khoản ${state.triggerOwner}${beat ? `, chạy hằng ngày gần nhất ${viDateTime(beat.at, tz)}` : ""}; chỉ tài khoản đó xem và sửa được.`,
          "",
        );
  }
  const want = [...FORM_IDS.map((f) => `onFormSubmit|${state.forms[f]?.id ?? "?"}`), `onSheetEdit|${ssId}`, "runDaily|"].sort();
  const have = p.probes
    .triggers()
    .filter((t) => !["runFollowUp", "runRollup", "runArchive", "runWatchdog"].includes(t.handler))
    .map((t) => `${t.handler}|${t.source}`)
    .sort();
  const passed = want.join(",") === have.join(",");
  return row(
    item,
    passed,
    passed
      ? `${have.length} trình kích hoạt của ${me}: nhận hai biểu mẫu, sửa cài đặt, chạy hằng ngày.`
      : `Có ${have.length} (${have.map((h) => h.split("|")[0]).join(", ") || "không có"}), cần ${want.length}.`,
    RERUN,
  );
}

/** the largest property value the self-check passes, in bytes (Google refuses one over 9 KB) */
const PROPERTY_NEAR_LIMIT = 8600;

/** what the self-check carries from check to check */
interface Checking {
  p: Ports;
  store: Store;
  state: State;
  /** the account running the check */
  me: string;
  now: number;
  rows: CheckRow[];
}

/** the Sheet's locale and zone, the protected tabs this account writes, the cells used */
function sheetChecks(c: Checking, tz: string): void {
  const { p, store, me, rows } = c;
  const facts = p.probes.sheet(store);
  rows.push(
    row(
      "Ngôn ngữ và múi giờ của bảng tính",
      facts.locale === "vi_VN" && facts.timeZone === tz,
      `Ngôn ngữ ${facts.locale}, múi giờ ${facts.timeZone}.`,
      `Tệp → Cài đặt: Ngôn ngữ Việt Nam, múi giờ ${tz}; hoặc chạy Thiết lập.`,
    ),
  );
  const locked = facts.protectedTabs.filter((t) => !t.canEdit).map((t) => t.tab);
  rows.push(
    row(
      "Tài khoản này ghi được các trang hệ thống",
      !locked.length,
      locked.length ? `${me} không ghi được: ${locked.join(", ")}.` : `${me} ghi được ${facts.protectedTabs.length} trang được bảo vệ.`,
      "Thêm email này vào “Tài khoản cán bộ dùng hệ thống” trong trang “Cài đặt”, rồi nhờ người quản lý trình kích hoạt chạy Thiết lập.",
    ),
  );
  rows.push(
    row(
      "Số ô của bảng tính",
      facts.cells < 8e6,
      `${viNumber(facts.cells)} ô trên giới hạn 10.000.000 ô của Google (tính mọi ô của mọi trang).`,
      "Chuyển dữ liệu năm cũ sang bảng tính lưu trữ, xóa các trang không dùng.",
    ),
  );
}

/** the services the runs need: mail quota, PDF, the stored properties' room */
function serviceChecks(c: Checking): void {
  const { p, me, rows } = c;
  probe(rows, "Hạn mức gửi thư còn lại", "Chờ 24 giờ kể từ lần gửi đầu tiên của đợt trước.", () => {
    const left = p.probes.mailQuota();
    return row(
      "Hạn mức gửi thư còn lại",
      left > 0,
      `${me}: còn ${left} người nhận trong 24 giờ này.`,
      "Chờ 24 giờ kể từ lần gửi đầu tiên của đợt trước.",
    );
  });
  probe(rows, "Tạo PDF từ HTML", "Thử lại sau; nếu vẫn lỗi, báo kỹ thuật viên.", () => {
    const pdf = p.probes.pdf("<html><body><h1>Kiểm tra</h1><p>Trang thử chuyển sang PDF.</p></body></html>");
    const passed = pdf.contentType === "application/pdf" && pdf.bytes > 0;
    return row(
      "Tạo PDF từ HTML",
      passed,
      `Tệp tạo ra: ${pdf.contentType}, ${pdf.bytes} byte (không lưu vào Drive).`,
      "Thử lại sau; nếu vẫn lỗi, báo kỹ thuật viên.",
    );
  });
  probe(rows, "Dung lượng dữ liệu lưu kèm", "Chạy Chạy hằng ngày để ghi nhật ký ra bảng tính.", () => {
    const pr = p.probes.properties();
    // a value near Google's 9 KB (bytes) is one edit away from a refused write
    const passed = pr.total < 400 * 1024 && pr.largest <= PROPERTY_NEAR_LIMIT;
    return row(
      "Dung lượng dữ liệu lưu kèm",
      passed,
      `${Math.round(pr.total / 1024)} KB / 500 KB, mục lớn nhất ${pr.largest} byte / 9.216 byte.`,
      "Để lần chạy hằng ngày ghi nhật ký ra bảng tính (giải phóng dung lượng); nếu vẫn đầy, báo kỹ thuật viên.",
    );
  });
}

/** the tab written whole; the short message returned */
function writeChecks(c: Checking, tz: string): string {
  const { p, store, state, me, now, rows } = c;
  const failed = rows.filter((r) => !r.passed);
  const block: unknown[][] = [
    [`KIỂM TRA HỆ THỐNG lúc ${viDateTime(now, tz)}`, `Tài khoản: ${me}`, `${rows.length - failed.length}/${rows.length} mục đạt`, ""],
    SELF_CHECK_HEADER,
    ...rows.map((r) => [r.item, r.passed ? PASS : FAIL, r.detail, r.todo].map(safeCell)),
  ];
  while (block.length < (state.heights[TAB.selfCheck] ?? 0)) block.push(["", "", "", ""]);
  const cap = store.writeTab(TAB.selfCheck, block, state.heights[`${TAB.selfCheck}#cap`] ?? 0);
  p.state.save({ heights: { ...state.heights, [TAB.selfCheck]: block.length, [`${TAB.selfCheck}#cap`]: cap } });
  return [
    `Kiểm tra hệ thống: ${rows.length - failed.length}/${rows.length} mục đạt.`,
    ...failed.map((r) => `Không đạt: ${r.item}. ${r.todo}`),
    `Chi tiết ở trang “${TAB.selfCheck}”.`,
  ].join("\n");
}

/** probes everything, writes the tab, returns the rows and a short message; or why it could not run */
export function runSelfCheck(p: Ports): Result<{ rows: CheckRow[]; message: string }> {
  const active = p.active();
  if (!active) return fail({ code: "no-sheet", action: "Kiểm tra hệ thống" });
  if (!p.lock.acquire(30000)) return fail({ code: "busy" });
  try {
    const { store, id } = active;
    const { state } = p.state.load();
    const me = p.effectiveUser();
    const now = p.clock.now();
    const rows: CheckRow[] = [];
    const c: Checking = { p, store, state, me, now, rows };
    const copy = !!state.spreadsheetId && state.spreadsheetId !== id;
    rows.push(
      row(
        "Bảng tính và dữ liệu hệ thống khớp nhau",
        !!state.spreadsheetId && !copy,
        copy ? "Bảng tính này là bản sao: dữ liệu lưu kèm là của bảng tính gốc." : state.spreadsheetId ? "Khớp." : "Chưa chạy Thiết lập.",
        "Chạy Thiết lập trên bảng tính này.",
      ),
    );
    // read, never adopted: the self-check changes nothing
    const read = parseSettings(store.readSettingsRows(), TAB.settings);
    const s = read.ok ? read.value : null;
    rows.push(
      row(
        "Cài đặt hợp lệ",
        !!s,
        read.ok ? "Mọi ô đọc được." : read.problem.map(say).join(" "),
        "Sửa các ô được nêu trong trang “Cài đặt”.",
      ),
    );
    let sample: { unit: string; month: string } | null = null;
    if (s) {
      const ch = choicesFor(store.readUnits().units, s, now);
      if (ch.unit.length) sample = { unit: ch.unit[0], month: ch.month[0] };
    }
    for (const form of FORM_IDS) {
      try {
        formChecks(p, rows, form, copy ? undefined : state.forms[form], sample);
      } catch (e) {
        rows.push(
          row(`Biểu mẫu ${SPECS[form].title}`, false, `Lỗi khi kiểm tra: ${String((e as Error)?.message ?? e)}`, "Chạy Thiết lập."),
        );
      }
    }
    probe(rows, "Trình kích hoạt", RERUN, () => triggerCheck(p, state, me, id));
    const tz = s?.timeZone ?? "Asia/Ho_Chi_Minh";
    sheetChecks(c, tz);
    probe(rows, "Giờ địa phương tính đúng", "Báo kỹ thuật viên: hạn nộp có thể bị tính lệch.", () => zoneCheck(p, tz, now));
    serviceChecks(c);
    const message = writeChecks(c, tz);
    return ok({ rows, message });
  } finally {
    p.lock.release();
  }
}
