// The registration report: each unit's account and anonymous group (name and link), and what is still missing.
import { viDate } from "../dates";
import type { RegistrationAnswers } from "../forms";
import type { FormSpec } from "../forms/spec";
import { deadlineOf, REGISTRATION } from "../periods";
import type { Settings } from "../settings";
import { viNumber, viPercent } from "../text";
import type { Unit } from "../units";
import { type Block, oneLine } from "./blocks";
import { byGroup, type Snapshot } from "./figures";
import {
  atText,
  deskSections,
  directiveText,
  type Entry,
  fieldsOf,
  figuresTable,
  fileNameOf,
  groupTable,
  REGISTRATION_WORDS,
  type Report,
  unitLabel,
} from "./report";

interface RegistrationInput {
  spec: FormSpec;
  settings: Settings;
  units: Unit[];
  snap: Snapshot;
  entries: Entry<RegistrationAnswers>[];
  /** why a unit's latest registration is not valid, as stored with it */
  reasonOf: (unit: string) => string;
  madeAt: number;
}

/** the account's name says whose it is */
const TYPE_LABEL: Record<NonNullable<RegistrationAnswers["accountType"]>, string> = { chair: "tên Chủ tịch", cdcs: "tên CĐCS" };

/** a name and its link as a reader types it: the address without its scheme */
function link(name: string | undefined, url: string | undefined, note = ""): string {
  return oneLine([name ?? "", note && `(${note})`, url ? `– ${url.replace(/^https?:\/\/(www\.)?/i, "")}` : ""].filter(Boolean).join(" "));
}

/** each unit registered: its account and its anonymous group, name and link */
function accountRows(input: RegistrationInput, byCode: Map<string, Unit>): string[][] {
  return input.entries.map((e, i) => [
    `${i + 1}. ${unitLabel(byCode.get(e.unit), e.unit)}`,
    link(e.answers.accountName, e.answers.accountUrl, e.answers.accountType && TYPE_LABEL[e.answers.accountType]),
    link(e.answers.groupName, e.answers.groupUrl),
  ]);
}

/** what each unit still lacks: its registration, a valid one, its sender confirmed, the pages it has not followed */
function stillMissing(input: RegistrationInput): string[][] {
  const followed = input.spec.fields.find((x) => x.key === "followed")?.choices ?? [];
  const missing: string[][] = [];
  for (const u of input.units) {
    const st = input.snap.byUnit.get(u.code);
    if (!st) continue;
    let what = "";
    if (st.kind === "missing") what = "Chưa đăng ký";
    else if (st.kind === "invalid") what = `Nội dung chưa hợp lệ: ${oneLine(input.reasonOf(u.code)) || "cần gửi lại"}`;
    else if (st.kind === "unverified") what = "Chờ xác nhận người gửi (gửi từ email ngoài danh sách của đơn vị)";
    else if (st.kind === "onTime" || st.kind === "late") {
      const e = input.entries.find((x) => x.unit === u.code);
      const have: string[] = e?.answers.followed ?? [];
      const lack = followed.filter((c) => !have.includes(c.key)).map((c) => c.label);
      if (lack.length) what = `Chưa theo dõi trang: ${lack.join("; ")}`;
    }
    if (what) missing.push([`${missing.length + 1}. ${unitLabel(u, u.code)}`, what]);
  }
  return missing;
}

export function registrationReport(input: RegistrationInput): Report {
  const { settings: s, snap } = input;
  const f = snap.figures;
  const rows = accountRows(input, new Map(input.units.map((u) => [u.code, u])));
  const missing = stillMissing(input);
  const due = deadlineOf(REGISTRATION, s).due;
  const body: Block[] = [
    {
      kind: "paragraph",
      parts: [
        `Thực hiện ${directiveText(s)}, mỗi Công đoàn cơ sở đăng ký 01 tài khoản Facebook mang tên CĐCS hoặc Chủ tịch CĐCS và 01 nhóm ẩn danh, hạn trước ngày ${viDate(due)}. ${s.orgShort} báo cáo kết quả như sau:`,
      ],
    },
    { kind: "heading", level: 1, text: `I. KẾT QUẢ ĐĂNG KÝ (số liệu tính đến ${atText(snap.at, s.timeZone)})` },
    {
      kind: "paragraph",
      parts: [
        `Đã đăng ký ${viNumber(f.received)}/${viNumber(f.expected)} đơn vị (${viPercent(f.reportingRate)}), trong đó đúng hạn ${viNumber(f.onTime)} (${viPercent(f.onTimeRate)}).`,
      ],
    },
    figuresTable(f, "Số đơn vị", null, "", REGISTRATION_WORDS),
    { kind: "heading", level: 2, text: "Theo khối" },
    groupTable(byGroup(input.units, snap), REGISTRATION_WORDS),
    { kind: "heading", level: 1, text: "II. TÀI KHOẢN, NHÓM ẨN DANH ĐÃ ĐĂNG KÝ" },
    rows.length
      ? { kind: "table", head: ["Đơn vị", "Tài khoản Facebook", "Nhóm ẩn danh"], rows, widths: [30, 35, 35] }
      : { kind: "paragraph", parts: ["Chưa có đơn vị nào đăng ký hợp lệ."] },
    { kind: "heading", level: 1, text: "III. CÒN THIẾU" },
    missing.length
      ? { kind: "table", head: ["Đơn vị", "Còn thiếu"], rows: missing, widths: [40, 60] }
      : { kind: "paragraph", parts: ["Không có: các đơn vị đã đăng ký đủ."] },
  ];
  const hints: string[] = [];
  if (f.missing.length) hints.push(`đề nghị ${viNumber(f.missing.length)} đơn vị chưa đăng ký hoàn thành ngay;`);
  if (f.invalid.length) hints.push(`hướng dẫn ${viNumber(f.invalid.length)} đơn vị sửa thông tin chưa hợp lệ.`);
  // registration is about accounts and groups made, not workers' thinking: the assessment asks for that
  body.push(
    ...deskSections(4, hints, "kết quả lập, đăng ký tài khoản và nhóm Facebook, đơn vị còn chậm, nguyên nhân và việc cần làm tiếp"),
  );
  return {
    period: REGISTRATION,
    name: fileNameOf(REGISTRATION, s),
    fields: fieldsOf(REGISTRATION, s, input.madeAt),
    recipients: s.recipients,
    body,
    appendix: [],
    texts: [],
    figures: f,
    asOf: snap.at,
  };
}
