// The concerns the report groups texts by: a table staff edit (tab “Chủ đề”), matched on whole words.
//
// The rule, for every theme, staff's own too:
// - A sentence written with diacritics is matched on its words as written, so "lượng" (quantity) is never "lương"
//   (wages); the two tone-mark customs ("hòa"/"hoà") are one spelling.
// - A sentence with no diacritic at all, as chairs type on phones ("tang luong"), is matched on the accent-stripped
//   forms of the phrases and exceptions, with two limits where a bare form could be another word: a phrase of one word
//   written with diacritics does not count (one syllable stripped stands for several words: "luong" is lương, lượng,
//   lường), and where a phrase's stripped words are also an exception's, the exception wins ("so luong" is "số
//   lượng", "chi tieu" is "chỉ tiêu" as well as "chi tiêu").
// - Abbreviations chairs use (BHXH, HĐLĐ or HDLD, TNLĐ, NLĐ, ĐVCĐ…) are read as the words they stand for.
// - A match does not count inside an exception ("việc làm ổn định"), nor where the sentence says it did not happen:
//   anything after "không xảy ra", "không phát sinh", "chưa phát hiện", "không có tình trạng"…; a trouble ("tai nạn",
//   "nợ lương", "tranh chấp"…) after a plain "không", "chưa", "không có", or followed by one ("tai nạn lao động:
//   không"). "Không có việc làm", "không có thưởng Tết" are worries and count. A negation runs on over a list ("không
//   xảy ra tai nạn lao động, tranh chấp hay ngừng việc") and stops at the next clause.
import { clean, fold, maskIdentity } from "../text";
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

/** words whose stripped form is also a wage word: exceptions of the wages theme, so bare "so luong" is not wages */
const LOOK_ALIKE_LUONG =
  "số lượng, chất lượng, sản lượng, khối lượng, trọng lượng, lưu lượng, năng lượng, dung lượng, đo lường, lường trước, lương thực, lương tâm, lương thiện, cao lương, lương y, lương khô";

/** what setup writes into the themes tab; staff change it there */
export const DEFAULT_THEMES: Theme[] = [
  t(
    "Tiền lương, thu nhập",
    "tiền lương, lương, tăng lương, nâng lương, lương thấp, lương tháng, tính lương, bảng lương, lương tối thiểu, lương cơ bản, mức lương, nợ lương, chậm lương, trả lương, trừ lương, điều chỉnh lương, thang bảng lương, thu nhập, tiền công, phụ cấp, chuyên cần, tiền tăng ca, tiền làm thêm",
    `thu nhập ổn định, thu nhập bình quân không đổi, nghỉ không lương, nghỉ việc không lương, trả lương đầy đủ, trả lương đúng hạn, lương tháng 13, lương tháng thứ 13, lương hưu, ${LOOK_ALIKE_LUONG}`,
  ),
  t(
    "Việc làm",
    "việc làm, mất việc, thiếu việc, chờ việc, chỗ làm, giảm ca, tái cơ cấu, cắt giảm lao động, cho thôi việc, thôi việc, nghỉ việc không lương, nghỉ luân phiên, thất nghiệp, sa thải, tìm việc, tuyển dụng, tuyển thêm, thiếu đơn hàng, dừng sản xuất, ngừng sản xuất, phá sản, chuyển nhà máy, di dời nhà máy, tự động hóa",
    "có việc làm ổn định, việc làm ổn định, đủ việc làm, việc làm đầy đủ, bố trí việc làm, bảo hiểm thất nghiệp, trợ cấp thất nghiệp",
  ),
  t(
    "Thưởng Tết, chăm lo Tết",
    "thưởng tết, tết, ăn tết, đón tết, nghỉ tết, chăm lo tết, tết nguyên đán, tết âm lịch, tết dương lịch, thưởng cuối năm, quà cuối năm, cuối năm âm lịch, lương tháng 13, lương tháng thứ 13, quà tết",
    "tết trung thu, tết thiếu nhi",
  ),
  t(
    "Nhà ở, nơi ở",
    "nhà ở, nhà ở xã hội, nhà trọ, phòng trọ, phòng ở, khu trọ, xóm trọ, chủ trọ, ở trọ, thuê trọ, tiền trọ, tiền phòng, thuê phòng, tiền thuê nhà, thuê nhà, nhà cho công nhân, mua nhà, chỗ ở, nơi ở, ký túc xá, nhà lưu trú",
  ),
  t(
    "Bảo hiểm xã hội, hưu trí",
    "bảo hiểm, bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp, trợ cấp thất nghiệp, hưu trí, chế độ hưu, nghỉ hưu, lương hưu, thai sản, chế độ ốm đau, sổ bảo hiểm, chốt sổ",
    "đóng bảo hiểm xã hội đầy đủ, đóng đầy đủ bảo hiểm xã hội",
  ),
  t(
    "Bữa ăn ca",
    "bữa ăn ca, ăn ca, bữa ăn, bữa trưa, bữa phụ, suất ăn, khẩu phần, thức ăn, cơm trưa, cơm ca, tiền ăn, bếp ăn, nhà ăn, căng tin, ngộ độc thực phẩm",
  ),
  t(
    "Giá cả, đời sống",
    "giá xăng, giá xăng dầu, giá cả, giá thực phẩm, giá điện, giá gas, giá nước, giá sinh hoạt, vật giá, tăng giá, trượt giá, bình ổn giá, tiền chợ, chi tiêu, chi phí sinh hoạt, học phí, tiền học, đời sống",
    "giá trị, tham gia ca, chỉ tiêu, đời sống tinh thần, đời sống văn hóa, chăm lo đời sống",
  ),
  t(
    "An toàn, sức khỏe",
    "an toàn lao động, tai nạn lao động, tai nạn, vệ sinh lao động, bệnh nghề nghiệp, bảo hộ lao động, bảo hộ, khẩu trang, găng tay, che chắn, thương tích, bị thương, hóa chất, độc hại, khói bụi, bụi, tiếng ồn, nắng nóng, khám sức khỏe, khám bệnh, sức khỏe, phòng cháy chữa cháy, cháy nổ, ngộ độc, ngất, an toàn giao thông",
  ),
  t(
    "Quan hệ lao động, pháp luật",
    "hợp đồng lao động, thỏa ước, đối thoại, thương lượng, hòa giải, tranh chấp, ngừng việc, nghỉ việc tập thể, đình công, lãn công, làm thêm giờ, tăng ca, giờ làm việc, thời giờ làm việc, ca làm việc, nghỉ giữa ca, tư vấn pháp luật, pháp luật, luật lao động, nội quy, quy chế, kỷ luật, phạt, khiếu nại, quy chế dân chủ, hội nghị người lao động, thiếu tôn trọng, xúc phạm, quát, la mắng, quát mắng",
    "làm thêm giờ trong giới hạn, tiền tăng ca, tiền làm thêm giờ, gia đình",
  ),
  t(
    "Thông tin trên mạng xã hội",
    "mạng xã hội, trên mạng, qua mạng, không gian mạng, online, facebook, zalo, tiktok, youtube, clip, nhóm ẩn danh, bài viết, thông tin sai, sai sự thật, tin giả, tin đồn, thông tin xấu, xấu độc, dư luận xấu, xuyên tạc, kích động, luận điệu sai trái",
  ),
];

/** abbreviations chairs write, by their stripped lower-case form, and the words they stand for */
const ABBREVIATIONS: Record<string, string> = {
  bhxh: "bảo hiểm xã hội",
  bhyt: "bảo hiểm y tế",
  bhtn: "bảo hiểm thất nghiệp",
  hdld: "hợp đồng lao động",
  tuldtt: "thỏa ước lao động tập thể",
  tnld: "tai nạn lao động",
  atld: "an toàn lao động",
  vsld: "vệ sinh lao động",
  atvsld: "an toàn vệ sinh lao động",
  bnn: "bệnh nghề nghiệp",
  bhld: "bảo hộ lao động",
  ksk: "khám sức khỏe",
  pccc: "phòng cháy chữa cháy",
  noxh: "nhà ở xã hội",
  mxh: "mạng xã hội",
  nld: "người lao động",
  cnld: "công nhân lao động",
  cnvcld: "công nhân viên chức lao động",
  dvcd: "đoàn viên công đoàn",
  cdcs: "công đoàn cơ sở",
  ldld: "liên đoàn lao động",
  dn: "doanh nghiệp",
  cty: "công ty",
  ko: "không",
  khg: "không",
};

/** after these, nothing the clause names happened */
const NOT_HAPPENED =
  "không xảy ra, chưa xảy ra, không để xảy ra, chưa để xảy ra, không phát sinh, chưa phát sinh, không phát hiện, chưa phát hiện, không ghi nhận, chưa ghi nhận, không có tình trạng, chưa có tình trạng, không còn tình trạng, không có hiện tượng, chưa có hiện tượng, không có trường hợp, chưa có trường hợp, không có vụ, chưa có vụ";
/** after these, a trouble did not happen; a good thing missing is still a worry ("không có việc làm") */
const NOT = "không, chưa, không có, chưa có, không còn, không hề, không bị, chưa bị, chưa từng";
/** words between "không có" and the trouble: "không có vụ việc nào bị nợ lương" */
const FILLER = "vụ, việc, vụ việc, trường hợp, tình trạng, hiện tượng, nào, bị, các, về";
/** troubles: after a plain negation, or followed by one ("tai nạn lao động: không"), they did not happen */
const TROUBLES =
  "tai nạn, bệnh nghề nghiệp, cháy, cháy nổ, ngộ độc, ngất, thương tích, tranh chấp, đình công, ngừng việc, lãn công, khiếu nại, thắc mắc, bức xúc, điểm nóng, vi phạm, nợ, nợ lương, chậm lương, chậm trả, chậm đóng, trốn đóng, trừ lương, mất việc, thiếu việc, sa thải, cắt giảm, tin đồn, tin giả, thông tin sai, thông tin xấu, sai sự thật, dư luận xấu, xuyên tạc, kích động, luận điệu, la mắng, quát mắng";
/** words that open a new clause after a comma: a negation does not reach past them */
const CLAUSE_STARTS =
  "mong, đề nghị, kiến nghị, lo, cần, muốn, người, công nhân, đoàn viên, lao động, doanh nghiệp, công ty, đơn vị, nhiều, một, có, còn, đời sống, tình hình";
const CONTRAST = "nhưng, tuy, tuy nhiên, song, mặc dù, riêng, ngoài ra, bên cạnh đó";
const JOINERS = "và, hay, hoặc, cũng như";
/** a list item after a negation is a few syllables: a longer run is a clause of its own */
const LIST_ITEM_WORDS = 6;
/** words a denial may end with: "không có vụ nào" */
const END_AFTER = "vụ, trường hợp, nào, gì, cả";

/**
 * The tone mark of "oa", "oe", "uy" ending a word sits on either vowel by custom ("hòa" and "hoà", "khỏe" and
 * "khoẻ", "thủy" and "thuỷ"): one spelling for matching, never for showing.
 */
function oneSpelling(word: string): string {
  if (!/[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ]$/.test(word)) return word;
  return word
    .normalize("NFD")
    .replace(/(^|[^q])([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])$/u, "$1$2$4$3")
    .normalize("NFC");
}

/** NFC words, lower case, diacritics kept: "Tăng LƯƠNG!" → ["tăng", "lương"] */
export function words(s: string): string[] {
  return (
    (
      clean(s)
        .toLowerCase()
        // the eth some old fonts put for "đ"
        .replace(/ð/g, "đ")
        .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
    ).map(oneSpelling)
  );
}

/** a word with a letter outside a–z: it carries a diacritic (or is no Vietnamese word at all) */
const marked = (w: string) => /[^a-z0-9]/.test(w);

/** what stands before a word: nothing, a comma (or "/", "-"), a colon, a full stop (or ";", "!", "?", a bracket) */
type Break = "" | "soft" | "colon" | "stop";

/** a sentence as the matcher reads it */
interface Reading {
  /** words, abbreviations spelled out; stripped of diacritics when the sentence has none */
  tokens: string[];
  /** the sentence has no diacritic: phrases are matched on their stripped forms */
  bare: boolean;
  /** the break before each word */
  breaks: Break[];
  /** words a negation covers */
  negated: boolean[];
}

const RANK: Record<Break, number> = { "": 0, soft: 1, colon: 2, stop: 3 };

/** the sentence's words and the breaks between them, abbreviations spelled out */
function pieces(s: string): { word: string; abbr: boolean; brk: Break }[] {
  const out: { word: string; abbr: boolean; brk: Break }[] = [];
  let brk: Break = "";
  const at = (b: Break) => {
    if (RANK[b] > RANK[brk]) brk = b;
  };
  // "500.000", "6,8": one number, not a break
  const text = clean(s)
    .toLowerCase()
    .replace(/ð/g, "đ")
    .replace(/(\d)[.,](?=\d)/g, "$1");
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+|[.;:!?()[\]…,/&+–—-]/gu)) {
    const p = m[0];
    if (p === ":") at("colon");
    else if (/^[.;!?()[\]…]$/.test(p)) at("stop");
    else if (/^[,/&+–—-]$/.test(p)) at("soft");
    else {
      const word = oneSpelling(p);
      // abbreviations are letters without tone marks, "đ" and "ư" aside ("hđlđ", "tưlđtt")
      const key = word.length <= 6 ? word.replace(/đ/g, "d").replace(/ư/g, "u") : "";
      const full = /^[a-z]+$/.test(key) ? ABBREVIATIONS[key] : undefined;
      if (full) words(full).forEach((w, i) => out.push({ word: w, abbr: true, brk: i === 0 ? brk : "" }));
      else out.push({ word, abbr: false, brk });
      brk = "";
    }
  }
  return out;
}

/** a phrase's words, abbreviations spelled out, stripped when `bare` */
function phraseWords(p: string, bare: boolean): string[] {
  return pieces(p).map((x) => (bare ? fold(x.word) : x.word));
}

/** phrases by their first word, longest first: what may start at a word is found at once */
type Index = Map<string, string[][]>;

function index(phrases: string[][]): Index {
  const out: Index = new Map();
  for (const w of phrases) {
    if (!w.length) continue;
    const l = out.get(w[0]) ?? [];
    l.push(w);
    out.set(w[0], l);
  }
  for (const l of out.values()) l.sort((x, y) => y.length - x.length);
  return out;
}

/** the longest phrase of the index starting at word i, its length (0: none) */
function at(tokens: string[], i: number, l: Index): number {
  for (const p of l.get(tokens[i]) ?? []) {
    if (i + p.length > tokens.length) continue;
    let k = 1;
    while (k < p.length && tokens[i + k] === p[k]) k++;
    if (k === p.length) return k;
  }
  return 0;
}

/** the fixed word lists, with diacritics and stripped: made on first use (most runs read no text), then kept */
function makeLexicon(bare: boolean) {
  const of = (s: string) => index(list(s).map((p) => phraseWords(p, bare)));
  return {
    strong: of(NOT_HAPPENED),
    weak: of(NOT),
    filler: of(FILLER),
    troubles: of(TROUBLES),
    starts: of(CLAUSE_STARTS),
    contrast: of(CONTRAST),
    joiners: of(JOINERS),
    endAfter: of(END_AFTER),
  };
}
const LEXICON: (ReturnType<typeof makeLexicon> | undefined)[] = [];
const lexicon = (bare: boolean) => {
  const i = bare ? 1 : 0;
  LEXICON[i] ??= makeLexicon(bare);
  return LEXICON[i];
};

/** a run of words between breaks: commas, full stops, "và", "nhưng" */
interface Segment {
  start: number;
  end: number;
  /** what joins it to the one before */
  join: "start" | "list" | "stop" | "colon" | "contrast";
}

function segments(r: Omit<Reading, "negated">): Segment[] {
  const { joiners, contrast } = lexicon(r.bare);
  const out: Segment[] = [];
  let cur: Segment = { start: 0, end: 0, join: "start" };
  const open = (start: number, join: Segment["join"]) => {
    if (cur.end > cur.start) out.push(cur);
    // ", và": one list join; a stop then "và": the stop
    cur = { start, end: start, join: cur.end === cur.start && join === "list" && cur.join !== "start" ? cur.join : join };
  };
  for (let i = 0; i < r.tokens.length; ) {
    const b = r.breaks[i];
    if (i > 0 && b) open(i, b === "soft" ? "list" : b);
    const j = at(r.tokens, i, joiners);
    if (j) {
      open(i + j, "list");
      i += j;
      continue;
    }
    if (at(r.tokens, i, contrast)) {
      if (i > cur.start) open(i, "contrast");
      else if (i > 0) cur.join = "contrast";
    }
    cur.end = ++i;
  }
  if (cur.end > cur.start) out.push(cur);
  return out;
}

/**
 * The words a negation covers. After a cue: the rest of its segment and the list items that follow ("không xảy ra
 * tai nạn lao động, tranh chấp hay ngừng việc"). Before a cue that ends its segment ("đình công không xảy ra") or
 * after a colon ("tai nạn lao động: không", "trên mạng xã hội: không có thông tin xấu"): the words it denies and the
 * list items before them. A list item is a segment after a comma or "và" of a few syllables, not opening a clause.
 */
function negations(r: Omit<Reading, "negated">): boolean[] {
  const { tokens, bare } = r;
  const out = tokens.map(() => false);
  const { strong, weak, filler, troubles, starts, endAfter } = lexicon(bare);
  const segs = segments(r);
  const item = (s: Segment) => s.end - s.start <= LIST_ITEM_WORDS && !at(tokens, s.start, starts);
  const mark = (a: number, b: number) => {
    for (let i = a; i < b; i++) out[i] = true;
  };
  const hasTrouble = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (at(tokens, i, troubles)) return true;
    return false;
  };
  /** skip the words of `l` from i */
  const skip = (i: number, end: number, l: Index) => {
    for (let x = at(tokens, i, l); x && i < end; x = at(tokens, i, l)) i += x;
    return i;
  };
  segs.forEach((seg, k) => {
    for (let p = seg.start; p < seg.end; p++) {
      const s = at(tokens, p, strong);
      const cue = s || at(tokens, p, weak);
      if (!cue || p + cue > seg.end) continue;
      const after = skip(p + cue, seg.end, filler);
      const forward = after < seg.end && (s > 0 || at(tokens, after, troubles) > 0);
      if (forward) {
        mark(p + cue, seg.end);
        for (let n = k + 1; n < segs.length && segs[n].join === "list" && item(segs[n]); n++) mark(segs[n].start, segs[n].end);
      }
      // denied from behind: the words before the cue in its segment, or the heading before a colon
      const ends = skip(p + cue, seg.end, endAfter) === seg.end;
      const heading = p === seg.start && seg.join === "colon" && k > 0;
      if (p > seg.start ? ends : heading && (ends || forward)) {
        const [a, b] = p > seg.start ? [seg.start, p] : [segs[k - 1].start, segs[k - 1].end];
        if (s > 0 || forward || hasTrouble(a, b)) {
          mark(a, b);
          // and the list items before it: "đình công, ngừng việc: không xảy ra"
          for (let n = p > seg.start ? k : k - 1; n > 0 && segs[n].join === "list" && item(segs[n - 1]); n--)
            mark(segs[n - 1].start, segs[n - 1].end);
        }
      }
      p += cue - 1;
    }
  });
  return out;
}

/** how the matcher reads a sentence */
function read(text: string): Reading {
  const p = pieces(text);
  const bare = !p.some((x) => !x.abbr && marked(x.word));
  const r = {
    tokens: p.map((x) => (bare && x.abbr ? fold(x.word) : x.word)),
    bare,
    breaks: p.map((x) => x.brk),
  };
  return { ...r, negated: negations(r) };
}

/** a theme's phrases and exceptions as words, with diacritics and stripped */
interface Compiled {
  phrases: Index[];
  except: Index[];
}

const compiled = new WeakMap<Theme, Compiled>();

function compile(theme: Theme): Compiled {
  let c = compiled.get(theme);
  if (!c) {
    const exact = theme.phrases.map((p) => phraseWords(p, false));
    // one syllable stripped stands for several words ("luong": lương, lượng, lường; "phat": phát, phạt): in a sentence
    // without diacritics a one-word phrase counts only if it has none itself ("zalo")
    const bare = theme.phrases.map((p, i) => (exact[i].length === 1 && marked(exact[i][0]) ? [] : phraseWords(p, true)));
    c = {
      phrases: [index(exact), index(bare)],
      except: [false, true].map((b) => index(theme.except.map((p) => phraseWords(p, b)))),
    };
    compiled.set(theme, c);
  }
  return c;
}

/** each phrase of the index where it stands in the sentence, on whole words, never across a comma or a stop */
function spans(r: Reading, l: Index): [number, number][] {
  const { tokens, breaks } = r;
  const out: [number, number][] = [];
  tokens.forEach((w, i) => {
    for (const p of l.get(w) ?? []) {
      if (i + p.length > tokens.length) continue;
      let k = 1;
      while (k < p.length && tokens[i + k] === p[k] && !breaks[i + k]) k++;
      if (k === p.length) out.push([i, i + k]);
    }
  });
  return out;
}

function carries(theme: Theme, r: Reading): boolean {
  const c = compile(theme);
  const found = spans(r, c.phrases[r.bare ? 1 : 0]);
  if (!found.length) return false;
  const blocked = r.negated.slice();
  for (const [a, b] of spans(r, c.except[r.bare ? 1 : 0])) for (let i = a; i < b; i++) blocked[i] = true;
  return found.some(([a, b]) => {
    for (let i = a; i < b; i++) if (blocked[i]) return false;
    return true;
  });
}

/** does the text carry the theme: a phrase on whole words, outside every exception and negation (see the top) */
export function mentions(theme: Theme, text: string): boolean {
  return carries(theme, read(text));
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
  const split = texts.map((x) => ({ unit: x.unit, sentences: sentences(x.text).map((s) => ({ s, r: read(s) })) }));
  const out: ThemeHits[] = [];
  for (const theme of themes) {
    // sets: a theme thousands of units raise stays linear
    const units = new Set<string>();
    const byText = new Map<string, { text: string; units: Set<string> }>();
    for (const x of split) {
      const hits = x.sentences.filter((s) => carries(theme, s.r)).map((s) => s.s);
      if (!hits.length) continue;
      units.add(x.unit);
      for (const s of hits) {
        const q = excerpt(s);
        const key = words(q).join(" ");
        const g = byText.get(key) ?? { text: q, units: new Set<string>() };
        g.units.add(x.unit);
        byText.set(key, g);
      }
    }
    if (units.size)
      out.push({
        theme,
        units: [...units],
        quotes: [...byText.values()].map((g) => ({ text: g.text, units: [...g.units] })).sort((a, b) => b.units.length - a.units.length),
      });
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
