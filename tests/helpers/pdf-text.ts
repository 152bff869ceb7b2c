/**
 * The text of a PDF as readers extract it: with pdf.js (always available, a devDependency) and
 * with poppler's `pdftotext` when it is installed. Both read the fonts' ToUnicode maps, so a glyph
 * that maps to the wrong characters (or to none) shows here as it would in a copy-paste.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const run = promisify(execFile);

export interface PdfLine {
  page: number;
  text: string;
  /** Left and right ends of the line, in points. */
  left: number;
  right: number;
}

/**
 * Lines of text, page by page, top to bottom: pdf.js items on one baseline joined by a space (a
 * label and its value in two columns make one line), runs of spaces collapsed.
 */
export async function pdfLines(bytes: Uint8Array): Promise<PdfLine[]> {
  const document = await getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false }).promise;
  const lines: PdfLine[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    const rows = new Map<number, Array<{ x: number; width: number; str: string }>>();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const y = Math.round(item.transform[5] * 10) / 10;
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4], width: item.width, str: item.str }]);
    }
    for (const [, items] of [...rows].sort(([a], [b]) => b - a)) {
      items.sort((a, b) => a.x - b.x);
      lines.push({
        page: number,
        text: items
          .map((item) => item.str)
          .join(" ")
          .replace(/ +/g, " ")
          .trim(),
        left: items[0]!.x,
        right: Math.max(...items.map((item) => item.x + item.width)),
      });
    }
  }
  await document.destroy();
  return lines;
}

export const hasPdftotext = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Non-empty lines of `pdftotext -layout` (columns kept on one line), runs of spaces collapsed. */
export async function pdftotextLines(bytes: Uint8Array): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-pdftotext-"));
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, bytes);
    const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]);
    return stdout
      .split(/\n|\f/)
      .map((line) => line.replace(/ +/g, " ").trim())
      .filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
