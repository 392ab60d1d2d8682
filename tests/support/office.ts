// LibreOffice and poppler for the tests that render documents: a .docx to PDF, its text with positions, its pages as
// PNG. A test that needs a missing tool is skipped, and says what installs it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

function has(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Liberation Serif and Sans stand for Times New Roman and Arial; only their 2.x release has the Vietnamese letters
 * (Debian's fonts-liberation 1.07 has no "ệ"), and without them LibreOffice draws such letters from another font, so
 * the pages no longer look as on Google and their text comes out of the PDF split inside words ("Ki ệt").
 */
function vietnameseFonts(): boolean {
  try {
    const out = execFileSync("fc-list", [":charset=1ec7 1ee3", "family"], { encoding: "utf8" });
    return /Liberation Serif/.test(out) && /Liberation Sans/.test(out);
  } catch {
    return false;
  }
}

export const OFFICE_MISSING = !has("soffice") || !has("pdftoppm") || !has("pdftotext") || !vietnameseFonts();
/** what a skipped test's name says */
export const OFFICE_INSTALL = "apt-get install -y libreoffice-writer libreoffice-calc poppler-utils fonts-liberation2";

/** LibreOffice's PDF of a .docx or an .xlsx (a fresh profile, so that runs in parallel do not share one) */
export function toPdf(docx: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pdf-"));
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, docx], {
    stdio: "ignore",
    timeout: 120000,
  });
  const pdf = join(dir, basename(docx).replace(/\.(docx|xlsx)$/, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${docx}`);
  return pdf;
}

export interface Word {
  text: string;
  x: number;
  y: number;
  /** the right edge of the word (points) */
  xMax: number;
}
export interface PdfLine {
  page: number;
  words: Word[];
  text: string;
  y: number;
}

/** the PDF's lines as poppler lays them out, each with its page and words with their positions (points) */
export function pdfLines(pdf: string): PdfLine[] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const lines: PdfLine[] = [];
  const entities = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  xml
    .split(/<page /)
    .slice(1)
    .forEach((pageXml, i) => {
      for (const m of pageXml.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)) {
        const words = [...m[2].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
          text: entities(w[4]),
          x: Number(w[1]),
          y: Number(w[2]),
          xMax: Number(w[3]),
        }));
        lines.push({ page: i + 1, words, text: words.map((w) => w.text).join(" "), y: Number(m[1]) });
      }
    });
  return lines;
}

/** the PDF's plain text, in reading order */
export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** pages first..last as PNG files `${prefix}-1.png`, … */
export function pdfPages(pdf: string, prefix: string, first: number, last: number, dpi = 60): string[] {
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last), pdf, prefix]);
  const out: string[] = [];
  for (let p = first; p <= last; p++) {
    // pdftoppm pads the page number to the width of the page count
    const f = [`${prefix}-${p}.png`, `${prefix}-0${p}.png`, `${prefix}-00${p}.png`].find(existsSync);
    if (f) out.push(f);
  }
  return out;
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export function bytes(file: string): Buffer {
  return readFileSync(file);
}

/** the text of one page, laid out as on the page */
export function pdfPageText(pdf: string, page: number): string {
  const n = String(page);
  return execFileSync("pdftotext", ["-layout", "-f", n, "-l", n, pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** a page's size in points, as poppler reads it */
export function pageSize(pdf: string, page: number): { width: number; height: number } {
  const n = String(page);
  const info = execFileSync("pdfinfo", ["-f", n, "-l", n, pdf], { encoding: "utf8" });
  const m = new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+) pts`).exec(info);
  if (!m) throw new Error(`pdfinfo gives no size for page ${page}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** a PNG's size in pixels, from its header (IHDR: width and height, big-endian, after the 8-byte signature) */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (b.toString("latin1", 1, 4) !== "PNG" || b.toString("latin1", 12, 16) !== "IHDR") throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
