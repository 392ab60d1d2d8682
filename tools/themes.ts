// How well the report's themes are found: precision and recall per default theme on a labelled set of sentences
// written as grassroots union chairs write them (tests/fixtures/themes.json), the table written to bench/THEMES.md.
// `npm run themes` writes it; tests/domain/report/themes.test.ts computes the same table and holds the file to it.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_THEMES, mentions, type Theme } from "../src/domain/report/themes.js";
import { ROOT } from "../standin/simulation/simulation.js";

/** one sentence and the themes a desk officer says it raises */
export interface LabelledSentence {
  text: string;
  themes: string[];
  /** how it is written or what it tests: bare (no diacritics), abbr, negation, lookalike, case, tone */
  tags?: string[];
}

export const THEME_CASES = join(ROOT, "tests", "fixtures", "themes.json");
export const THEMES_MD = join(ROOT, "bench", "THEMES.md");
/** what every theme must reach */
export const THEME_GOAL = { precision: 0.9, recall: 0.8 };

export function themeCases(): LabelledSentence[] {
  return JSON.parse(readFileSync(THEME_CASES, "utf8")) as LabelledSentence[];
}

export interface ThemeScore {
  label: string;
  /** sentences labelled with the theme */
  labelled: number;
  /** sentences the matcher gives it */
  found: number;
  /** both */
  right: number;
  precision: number;
  recall: number;
  /** the sentences it gave the theme wrongly, and those it missed */
  wrong: string[];
  missed: string[];
}

export function themeScores(cases: LabelledSentence[], themes: Theme[] = DEFAULT_THEMES): ThemeScore[] {
  return themes.map((theme) => {
    const wrong: string[] = [];
    const missed: string[] = [];
    let labelled = 0;
    let found = 0;
    let right = 0;
    for (const c of cases) {
      const want = c.themes.includes(theme.label);
      const got = mentions(theme, c.text);
      labelled += want ? 1 : 0;
      found += got ? 1 : 0;
      right += want && got ? 1 : 0;
      if (got && !want) wrong.push(c.text);
      if (want && !got) missed.push(c.text);
    }
    return {
      label: theme.label,
      labelled,
      found,
      right,
      // no sentence given the theme: nothing wrongly given
      precision: found ? right / found : 1,
      recall: labelled ? right / labelled : 1,
      wrong,
      missed,
    };
  });
}

export const meetsGoal = (s: ThemeScore) => s.precision >= THEME_GOAL.precision && s.recall >= THEME_GOAL.recall;

const two = (x: number) => x.toFixed(2);

/** bench/THEMES.md as the set and the code make it */
export function themesReport(cases: LabelledSentence[], scores: ThemeScore[]): string {
  const tagged = (t: string) => cases.filter((c) => c.tags?.includes(t)).length;
  const none = cases.filter((c) => !c.themes.length).length;
  const several = cases.filter((c) => c.themes.length > 1).length;
  const all = scores.reduce((a, s) => ({ found: a.found + s.found, right: a.right + s.right, labelled: a.labelled + s.labelled }), {
    found: 0,
    right: 0,
    labelled: 0,
  });
  const lines = [
    "# Themes found as chairs write",
    "",
    "Written by `npm run themes` (`tools/themes.ts`); `tests/domain/report/themes.test.ts` computes the same table and fails",
    "when this file differs from it or a theme misses the goal (precision ≥ 0.9, recall ≥ 0.8).",
    "",
    "**The rule** (`src/domain/report/themes.ts`, for the default themes and staff's own in the *Chủ đề* tab alike): a",
    "sentence written with diacritics is matched on whole words as written, so “lượng” (quantity) never counts as",
    "“lương” (wages), the two tone-mark customs (“hòa”/“hoà”) counting as one. A sentence with no diacritic at all, as",
    "chairs type on phones, is matched on the accent-stripped forms of the phrases where that is unambiguous: a phrase",
    "of one word written with diacritics does not count there (one syllable stripped stands for several words: “luong”",
    "is lương, lượng, lường), and where a phrase's stripped words are also an exception's, the exception wins (“so",
    "luong” is “số lượng”, “chi tieu” also “chỉ tiêu”). Abbreviations (BHXH, BHYT, HĐLĐ or HDLD, TNLĐ, NLĐ, ĐVCĐ…) are",
    "read as the words they stand for. A match inside an exception (“việc làm ổn định”) does not count, nor one the",
    "sentence denies: anything after “không xảy ra”, “không phát sinh”, “chưa phát hiện”, “không có tình trạng”…, a",
    "trouble (tai nạn, nợ lương, tranh chấp…) after a plain “không”, “chưa”, “không có” or followed by one (“tai nạn",
    "lao động: không”), the denial running on over a list of short items and stopping at the next clause; “không có",
    "việc làm”, “không có thưởng Tết” are worries and count.",
    "",
    `**The set** (\`tests/fixtures/themes.json\`): ${cases.length} sentences written for the tests as grassroots union`,
    "chairs summarise their unit in the monthly report (no worker named), each labelled with the themes a desk officer",
    "would file it under: a worry, a wish, a problem or an event on the theme. A sentence that only says all is normal",
    "on a theme (no accident, wages paid on time, jobs stable) carries none, as the report's exceptions have it. The",
    "default phrases and the negation rule were adjusted while the first two batches were written (the second in other",
    "words than the phrases', to find what they missed); a third batch of 34 was then written and is scored as it came.",
    `${none} sentences carry no theme, ${several} more than one; ${tagged("bare")} are typed without diacritics,`,
    `${tagged("abbr")} use abbreviations, ${tagged("negation")} deny or negate, ${tagged("lookalike")} hold words that`,
    `look like a theme's once stripped, ${tagged("case")} are in capitals or title case, ${tagged("tone")} use the other tone-mark custom.`,
    "",
    "| theme | labelled | found | right | precision | recall | goal |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...scores.map(
      (s) =>
        `| ${s.label} | ${s.labelled} | ${s.found} | ${s.right} | ${two(s.precision)} | ${two(s.recall)} | ${meetsGoal(s) ? "met" : "**missed**"} |`,
    ),
    `| all themes | ${all.labelled} | ${all.found} | ${all.right} | ${two(all.found ? all.right / all.found : 1)} | ${two(all.labelled ? all.right / all.labelled : 1)} | |`,
    "",
    "## Where the rule is wrong",
    "",
  ];
  const errors = scores.flatMap((s) => [
    ...s.wrong.map((x) => `- ${s.label}, given wrongly: “${x}”`),
    ...s.missed.map((x) => `- ${s.label}, missed: “${x}”`),
  ]);
  lines.push(...(errors.length ? errors : ["None on this set."]), "");
  return lines.join("\n");
}

function main(): void {
  const cases = themeCases();
  const scores = themeScores(cases);
  writeFileSync(THEMES_MD, themesReport(cases, scores));
  for (const s of scores)
    console.log(`${s.label.padEnd(32)} P ${two(s.precision)}  R ${two(s.recall)}${meetsGoal(s) ? "" : "  (goal missed)"}`);
  console.log(`written to ${THEMES_MD}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
