import { simpleParser } from "mailparser";
import { readFileSync } from "node:fs";
const s = JSON.parse(readFileSync("demo-output/summary.json", "utf8"));
const want = process.argv.slice(2);
for (const w of want) {
  const [kind, unit, period] = w.split(":");
  const m = s.mails.find((x) => x.kind === kind && (!unit || x.unit === unit) && (!period || x.period === period));
  if (!m) { console.log("none", w); continue; }
  const p = await simpleParser(readFileSync("demo-output/" + m.file));
  console.log("=====", m.file, m.at, "TO:", m.to.join(","), "\nSUBJECT:", p.subject, "\n" + p.text);
}
