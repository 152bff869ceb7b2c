import { expect, test } from "vitest";
import { cleanText } from "./clean-text.ts";

test("control characters are removed; tabs, line breaks and every printable character stay", () => {
  expect(cleanText("a\u0000b\u0007c\u001Bd\u007Fe\u0085f")).toBe("abcdef");
  expect(cleanText("ligne 1\r\nligne 2\n\tretrait")).toBe("ligne 1\r\nligne 2\n\tretrait");
  expect(cleanText("Zoë « élu·es » 82 % 😀 中文 العربية")).toBe("Zoë « élu·es » 82 % 😀 中文 العربية");
});
