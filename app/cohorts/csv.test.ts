import { describe, expect, test } from "vitest";
import { csvCell, csvDate, toCsv } from "./csv.ts";

describe("CSV for a French spreadsheet", () => {
  test("starts with a byte-order mark, separates with semicolons, ends lines with CRLF", () => {
    const csv = toCsv(
      ["Nom", "Progression (%)"],
      [
        ["Hélène Lefèvre", 75],
        ["Zoé", 0],
      ],
    );
    expect(csv).toBe("\uFEFFNom;Progression (%)\r\nHélène Lefèvre;75\r\nZoé;0\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  test("quotes a field holding a separator, a quote or a line break", () => {
    expect(csvCell("Dupont; Marie")).toBe('"Dupont; Marie"');
    expect(csvCell('Le « bon » "mot"')).toBe('"Le « bon » ""mot"""');
    expect(csvCell("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
  });

  test("a name a spreadsheet would run as a formula is neutralised", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+33 6 00")).toBe("'+33 6 00");
    expect(csvCell("@SOMME(A1)")).toBe("'@SOMME(A1)");
    expect(csvCell(-5)).toBe("-5");
  });

  test("empty cells for missing values, dates as dd/mm/yyyy in Paris time", () => {
    expect(csvCell(null)).toBe("");
    expect(csvDate("2027-03-04T23:30:00Z")).toBe("05/03/2027");
    expect(csvDate(null)).toBe("");
  });
});
