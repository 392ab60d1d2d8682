// The concerns the report groups texts by: a table staff edit (tab “Chủ đề”), matched on whole words with
// their diacritics, so that “lượng” (quantity) is never “lương” (wages).
import { clean, maskIdentity } from "../text";
import { oneLine } from "./blocks";

export interface Theme {
  label: string;
  /** words or phrases that mark the theme */
  phrases: string[];
  /** phrases in which a match does not count ("việc làm ổn định" is not a worry about jobs) */
  except: string[];
}

const t = (label: string, phrases: string, except = ""): Theme => ({
  label,
  phrases: list(phrases),
  except: list(except),
});

function list(s: string): string[] {
  return s
    .split(/[,;\n]/)
    .map((x) => clean(x))
    .filter(Boolean);
}

/** what setup writes into the themes tab; staff change it there */
export const DEFAULT_THEMES: Theme[] = [
  t(
    "Tiền lương, thu nhập",
    "tiền lương, tăng lương, lương tối thiểu, lương cơ bản, mức lương, nợ lương, chậm lương, trả lương, điều chỉnh lương, thu nhập, tiền công",
    "thu nhập ổn định, thu nhập bình quân không đổi",
  ),
  t(
    "Việc làm",
    "việc làm, mất việc, thiếu việc, giảm ca, tái cơ cấu, cắt giảm lao động, cho thôi việc, nghỉ việc không lương",
    "có việc làm ổn định, việc làm ổn định, đủ việc làm, việc làm đầy đủ, bố trí việc làm",
  ),
  t("Thưởng Tết, chăm lo Tết", "thưởng tết, tết, thưởng cuối năm, lương tháng 13"),
  t("Nhà ở, nơi ở", "nhà ở, nhà ở xã hội, nhà trọ, phòng trọ, tiền thuê nhà"),
  t("Bảo hiểm xã hội, hưu trí", "bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp, bhxh, bhyt, hưu trí, chế độ hưu"),
  t("Bữa ăn ca", "bữa ăn ca, ăn ca, suất ăn, bếp ăn"),
  t("Giá cả, đời sống", "giá xăng, giá xăng dầu, giá cả, giá thực phẩm, giá điện, vật giá, chi tiêu gia đình"),
  t("An toàn, sức khỏe", "an toàn lao động, tai nạn lao động, tai nạn, vệ sinh lao động, bệnh nghề nghiệp, khám sức khỏe, sức khỏe"),
  t(
    "Quan hệ lao động, pháp luật",
    "hợp đồng lao động, thỏa ước, đối thoại, tranh chấp, ngừng việc, đình công, làm thêm giờ, tăng ca, tư vấn pháp luật",
    "làm thêm giờ trong giới hạn",
  ),
  t("Thông tin trên mạng xã hội", "mạng xã hội, thông tin sai, sai sự thật, tin giả, tin đồn, thông tin xấu, luận điệu sai trái"),
];

/**
 * The tone mark of "oa", "oe", "uy" ending a word sits on either vowel by custom ("hòa" and "hoà", "khỏe" and
 * "khoẻ", "thủy" and "thuỷ"): one spelling for matching, never for showing.
 */
function oneSpelling(word: string): string {
  return word
    .normalize("NFD")
    .replace(/(^|[^q])([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])$/u, "$1$2$4$3")
    .normalize("NFC");
}

/** NFC words, lower case, diacritics kept: "Tăng LƯƠNG!" → ["tăng", "lương"] */
export function words(s: string): string[] {
  return (
    clean(s)
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  ).map(oneSpelling);
}

function spans(tokens: string[], phrase: string[]): [number, number][] {
  const out: [number, number][] = [];
  if (!phrase.length) return out;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let k = 0;
    while (k < phrase.length && tokens[i + k] === phrase[k]) k++;
    if (k === phrase.length) out.push([i, i + k]);
  }
  return out;
}

/** does the text carry the theme: a phrase on whole words, outside every exception */
export function mentions(theme: Theme, text: string): boolean {
  const tokens = words(text);
  const blocked = new Set<number>();
  for (const ex of theme.except) for (const [a, b] of spans(tokens, words(ex))) for (let i = a; i < b; i++) blocked.add(i);
  return theme.phrases.some((p) =>
    spans(tokens, words(p)).some(([a, b]) => {
      for (let i = a; i < b; i++) if (blocked.has(i)) return false;
      return true;
    }),
  );
}

/** sentences of a text, cut where a reader would cut */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;…])\s+|\s*[\r\n]+\s*/)
    .map((x) => clean(x))
    .filter((x) => words(x).length);
}

const EXCERPT_CHARS = 200;

/** a short quotation: identity-like data masked, one line, cut at a word; "…" where it starts or ends mid-sentence */
export function excerpt(sentence: string, max = EXCERPT_CHARS): string {
  let s = oneLine(maskIdentity(sentence)).replace(/[\s,;:–-]+$/, "");
  if (s.length > max) s = `${s.slice(0, Math.max(s.slice(0, max).lastIndexOf(" "), max / 2)).replace(/[\s,;:–-]+$/, "")} …`;
  else if (/[\p{L}\p{N}]$/u.test(s) && /[;,]\s*$/.test(sentence)) s += " …";
  return /^\p{Ll}/u.test(s) ? `… ${s}` : s;
}

interface ThemeHits {
  theme: Theme;
  /** units whose texts carry the theme */
  units: string[];
  /** quotations, the same words grouped, most units first */
  quotes: { text: string; units: string[] }[];
}

/** per theme, the units and their sentences that carry it; themes no unit raised are left out, most units first */
export function themeHits(themes: Theme[], texts: { unit: string; text: string }[]): ThemeHits[] {
  const split = texts.map((x) => ({ unit: x.unit, sentences: sentences(x.text) }));
  const out: ThemeHits[] = [];
  for (const theme of themes) {
    const units: string[] = [];
    const byText = new Map<string, { text: string; units: string[] }>();
    for (const x of split) {
      const hits = x.sentences.filter((s) => mentions(theme, s));
      if (!hits.length) continue;
      if (!units.includes(x.unit)) units.push(x.unit);
      for (const s of hits) {
        const q = excerpt(s);
        const key = words(q).join(" ");
        const g = byText.get(key) ?? { text: q, units: [] };
        if (!g.units.includes(x.unit)) g.units.push(x.unit);
        byText.set(key, g);
      }
    }
    if (units.length) out.push({ theme, units, quotes: [...byText.values()].sort((a, b) => b.units.length - a.units.length) });
  }
  return out.sort((a, b) => b.units.length - a.units.length);
}

/** the themes tab's rows: theme, phrases, exceptions */
export function themeRows(themes: Theme[]): string[][] {
  return themes.map((x) => [x.label, x.phrases.join(", "), x.except.join(", ")]);
}

/** the tab as staff left it; a row with a theme but no phrase is named, not guessed */
export function parseThemeRows(rows: unknown[][]): { themes: Theme[]; problems: string[] } {
  const themes: Theme[] = [];
  const problems: string[] = [];
  rows.forEach((r, i) => {
    const [label, phrases, except] = [0, 1, 2].map((c) => clean(String(r[c] ?? "")));
    if (!label && !phrases) return;
    if (!label || !phrases) {
      problems.push(`Trang “Chủ đề” dòng ${i + 2}: cần cả tên chủ đề và từ, cụm từ; dòng này bị bỏ qua.`);
      return;
    }
    themes.push(t(label, phrases, except));
  });
  return { themes, problems };
}
