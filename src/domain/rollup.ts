// The rollup of a period: figures, late and missing units, totals, the compiled texts; as HTML and as an official report.
import { localDay, officialDateLine, viDate, viDateTime, viMonth } from "./dates";
import type { FormSpec } from "./forms/spec";
import { STATUS_SUMMARY } from "./layout";
import { REGISTRATION } from "./periods";
import type { Settings } from "./settings";
import { figureValues, type PeriodFigures } from "./status";
import { escapeHtml as e, fold, maskIdentity, viNumber, viPercent } from "./text";
import type { Unit } from "./units";

export interface RollupEntry {
  unit: string;
  answers: Record<string, unknown>;
}

type Table = { title: string; head: string[]; rows: string[][] };

export interface RollupData {
  period: string;
  title: string;
  figures: PeriodFigures;
  tables: Table[];
  texts: { label: string; items: { unit: string; text: string }[] }[];
  advice: string[];
  madeAt: number;
}

export function periodTitle(period: string): string {
  return period === REGISTRATION ? "đăng ký tài khoản Facebook" : `báo cáo ${viMonth(period)}`;
}

function delta(cur: number | null, prev: number | null | undefined): string {
  if (cur === null || prev === null || prev === undefined) return "";
  const d = Math.round((cur - prev) * 1000) / 10;
  return d ? ` (${d > 0 ? "tăng" : "giảm"} ${viNumber(Math.abs(d))} điểm % so với kỳ trước)` : " (không đổi so với kỳ trước)";
}

export function buildRollup(
  spec: FormSpec,
  f: PeriodFigures,
  prev: PeriodFigures | null,
  units: Unit[],
  entries: RollupEntry[],
  madeAt: number,
): RollupData {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const name = (c: string) => byCode.get(c)?.name ?? c;
  const sorted = [...entries].sort((a, b) => a.unit.localeCompare(b.unit));
  const n = (x: number) => viNumber(x);
  const tables: Table[] = [
    {
      title: "Kết quả",
      head: ["Chỉ tiêu", "Số liệu"],
      rows: figureValues(f).map((v, i) => [
        STATUS_SUMMARY[i],
        i === 0
          ? `trước ngày ${viDate(String(v))}`
          : i < 9
            ? n(v as number)
            : viPercent(v as number | null) + delta(v as number | null, prev && (figureValues(prev)[i] as number | null)),
      ]),
    },
    { title: "Đơn vị trễ hạn", head: ["Mã", "Đơn vị", "Số ngày trễ"], rows: f.late.map((l) => [l.unit, name(l.unit), n(l.daysLate)]) },
    {
      title: "Đơn vị chưa nộp",
      head: ["Mã", "Đơn vị", "Chủ tịch", "Liên hệ"],
      rows: f.missing.map((c) => {
        const u = byCode.get(c);
        return [c, name(c), u?.chair ?? "", [u?.phone, ...(u?.emails ?? [])].filter(Boolean).join(", ")];
      }),
    },
    {
      title: "Không hợp lệ, chờ xác nhận",
      head: ["Mã", "Đơn vị", "Tình trạng"],
      rows: [...f.invalid.map((c) => [c, name(c), "Không hợp lệ"]), ...f.unverified.map((c) => [c, name(c), "Chờ xác nhận người gửi"])],
    },
  ];
  const counts = spec.fields.filter((x) => x.kind === "number");
  if (counts.length) {
    tables.push({
      title: "Số liệu hoạt động (tổng các đơn vị đã nộp)",
      head: ["Nội dung", "Tổng"],
      rows: counts.map((x) => [x.column ?? x.title, n(sorted.reduce((t, en) => t + (Number(en.answers[x.key]) || 0), 0))]),
    });
  }
  // the main concerns raised: how many units' texts touch each topic (keywords matched without diacritics)
  const topics = TOPICS.split(";")
    .map((t) => {
      const [label, words] = t.split(":");
      const hits = sorted.filter((en) => {
        const text = ` ${fold(spec.fields.map((x) => (x.freeText ? en.answers[x.key] : "")).join(" ")).replace(/[^a-z0-9]+/g, " ")} `;
        return words.split(",").some((w) => text.includes(` ${w} `));
      }).length;
      return [label, hits] as const;
    })
    .filter(([, hits]) => hits)
    .sort((a, b) => b[1] - a[1]);
  if (topics.length)
    tables.push({ title: "Chủ đề nổi bật (số đơn vị nêu)", head: ["Chủ đề", "Số đơn vị"], rows: topics.map(([l, h]) => [l, n(h)]) });
  const advice: string[] = [];
  if (f.missing.length) advice.push(`Đề nghị ${f.missing.length} đơn vị chưa nộp hoàn thành ngay ${periodTitle(f.period)}.`);
  if (f.late.length) advice.push(`Nhắc ${f.late.length} đơn vị nộp trễ bảo đảm thời hạn kỳ sau.`);
  if (f.invalid.length) advice.push(`Hướng dẫn ${f.invalid.length} đơn vị sửa nội dung chưa hợp lệ.`);
  if (!advice.length) advice.push("Các đơn vị đã thực hiện đầy đủ, đúng hạn.");
  return {
    period: f.period,
    title: periodTitle(f.period),
    figures: f,
    tables,
    texts: spec.fields
      .filter((x) => x.freeText)
      .map((x) => ({
        label: x.column ?? x.title,
        items: sorted
          .filter((en) => String(en.answers[x.key] ?? "").trim())
          .map((en) => ({ unit: name(en.unit), text: maskIdentity(String(en.answers[x.key])) })),
      })),
    advice,
    madeAt,
  };
}

/** topic: keywords, as folded text (no diacritics) */
const TOPICS =
  "Tiền lương, thu nhập:tien luong,tang luong,luong toi thieu,thu nhap;Việc làm:viec lam,giam ca,tai co cau,mat viec;Thưởng Tết:thuong tet;Nhà ở:nha o;Bảo hiểm xã hội:bao hiem;Bữa ăn ca:an ca,bua an;Giá cả:gia xang,gia ca,gia thuc pham;An toàn, sức khỏe:an toan,tai nan,suc khoe;Thông tin trên mạng xã hội:mang xa hoi,thong tin sai";

const CELL = 'style="border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left"';

/** the body shared by the mail and the official report: every value escaped */
function body(r: RollupData): string {
  const out = r.tables.map(
    (t, i) =>
      `<h3>${i + 1}. ${e(t.title)}</h3>${
        t.rows.length
          ? `<table style="border-collapse:collapse"><tr>${t.head.map((h) => `<th ${CELL}>${e(h)}</th>`).join("")}</tr>${t.rows
              .map((row) => `<tr>${row.map((c) => `<td ${CELL}>${e(c)}</td>`).join("")}</tr>`)
              .join("")}</table>`
          : "<p><i>Không có.</i></p>"
      }`,
  );
  let k = r.tables.length;
  if (r.texts.length) {
    out.push(
      `<h3>${++k}. Tình hình, dư luận, tâm tư nguyện vọng, đề xuất</h3><p><i>Nguyên văn theo đơn vị; số điện thoại, số giấy tờ, email đã được ẩn.</i></p>`,
    );
    for (const t of r.texts) {
      const items = t.items.map((i) => `<li><b>${e(i.unit)}:</b> ${e(i.text).replace(/\n/g, "<br>")}</li>`).join("");
      out.push(`<p><b>${e(t.label)}</b></p>${items ? `<ul>${items}</ul>` : "<p><i>Không có.</i></p>"}`);
    }
  }
  out.push(`<h3>${++k}. Kiến nghị</h3><ul>${r.advice.map((a) => `<li>${e(a)}</li>`).join("")}</ul>`);
  return out.join("\n");
}

/** the rollup as the body of a mail to leaders */
export function rollupMailHtml(r: RollupData, s: Settings, intro: string): string {
  return `<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5">${intro}<h2>Tổng hợp ${e(r.title)}</h2><p>Số liệu tính đến ${e(viDateTime(r.madeAt, s.timeZone))}.</p>${body(r)}</div>`;
}

/** the rollup as rows for its own tab (and, joined, its plain-text form) */
export function rollupRows(r: RollupData, s: Settings): string[][] {
  const rows: string[][] = [[`TỔNG HỢP ${r.title.toUpperCase()}`, `Số liệu tính đến ${viDateTime(r.madeAt, s.timeZone)}`]];
  for (const t of r.tables) {
    rows.push(["", ""], [t.title.toUpperCase(), ""]);
    for (const row of t.rows) rows.push(row.length === 2 ? [row[0], row[1]] : [`${row[0]} – ${row[1]}`, row.slice(2).join(" – ")]);
  }
  for (const t of r.texts) {
    rows.push(["", ""], [t.label.toUpperCase(), "Đơn vị"]);
    for (const i of t.items) rows.push([i.text, i.unit]);
  }
  rows.push(["", ""], ["KIẾN NGHỊ", ""], ...r.advice.map((a) => [a, ""]));
  return rows;
}

export function rollupText(r: RollupData, s: Settings): string {
  return rollupRows(r, s)
    .map((row) => row.filter(Boolean).join(": "))
    .join("\n");
}

/** the official report (Decree 30/2020/NĐ-CP as QĐ 933/QĐ-TLĐ applies it), as HTML Google converts to PDF */
export function officialReportHtml(r: RollupData, s: Settings): string {
  const subject =
    r.period === REGISTRATION
      ? "Kết quả đăng ký tài khoản Facebook của Công đoàn cơ sở"
      : `Tình hình dư luận xã hội, tâm tư, nguyện vọng của đoàn viên, CNVCLĐ ${viMonth(r.period)}`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo cáo ${e(r.title)}</title><style>
@page{size:A4;margin:20mm 15mm 20mm 30mm}body{font-family:"Times New Roman",serif;font-size:13pt;line-height:1.35}
.t{width:100%;border-collapse:collapse}.t td{vertical-align:top;text-align:center;width:50%}h1{font-size:14pt;text-align:center;margin:18px 0 0}h3{font-size:13pt;margin:12px 0 4px}
</style></head><body>
<table class="t"><tr><td>${e(s.orgSuperior.toUpperCase())}<br><b>${e(s.orgName.toUpperCase())}</b><br>Số: ${e(s.reportNumber)}</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b><u>Độc lập - Tự do - Hạnh phúc</u></b><br><br><i>${e(officialDateLine(s.place, localDay(r.madeAt, s.timeZone)))}</i></td></tr></table>
<h1>BÁO CÁO</h1><p style="text-align:center"><b>${e(subject)}</b></p>
${body(r)}
<table class="t" style="margin-top:18px"><tr><td style="text-align:left;font-size:11pt"><b><i>Nơi nhận:</i></b><br>${s.recipients.map((x) => `- ${e(x)}`).join("<br>")}</td>
<td><b>${e(s.signerOnBehalf)}<br>${e(s.signerTitle)}</b><br><br><br><br><b>${e(s.signerName)}</b></td></tr></table>
</body></html>`;
}
