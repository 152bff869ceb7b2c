/**
 * The French typography check of a rendered page (issue 17), run in the page with
 * `page.evaluate(typographySlips)`: lessons and public pages in content.spec.ts, every page type
 * signed in and out in engine/accessibility.spec.ts. Self-contained (no closure): Playwright sends
 * its source to the browser.
 */
/**
 * The typography slips of the page as a reader sees it (issue 17): a plain space (U+0020) before
 * « : ; ! ? % », after « « » or before « » », in any text node of the body, including where one
 * text node ends and the next begins (« Source » + « : … »). Exceptions, on purpose: code, keyboard
 * and sample text (`code`, `pre`, `kbd`, `samp`) keep their characters; scripts and styles are not
 * text; « ?… » and « !… » glued to a word (a query string, « !important ») are not punctuation.
 */
export function typographySlips(): string[] {
  const SKIP = new Set(["CODE", "PRE", "KBD", "SAMP", "SCRIPT", "STYLE", "TEXTAREA"]);
  const BAD = / [:;!?%](?![\p{L}\p{N}])|« | »/gu;
  const slips: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let element = node.parentElement; element; element = element.parentElement) {
        if (SKIP.has(element.tagName)) return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let previous = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    if (text === "") continue;
    // The last character of the previous text node joins this one: « Source » then « : ».
    const joined = previous.slice(-1) + text;
    for (const match of joined.matchAll(BAD)) {
      const at = match.index;
      slips.push(`« ${joined.slice(Math.max(0, at - 25), at + 25).replace(/\s+/g, " ")} »`);
    }
    previous = text;
  }
  return slips;
}
