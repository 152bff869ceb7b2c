/**
 * The accessibility checks axe does not make, run in the page (see app/accessibility/checks.ts for
 * what each one holds and where /accessibilite states it). Each returns the problems it finds, in
 * French, naming the element, so that a failure says what to fix; an empty list is a pass.
 */
import type { Page } from "@playwright/test";

/** The end of a keyboard problem that is about a focus that does not show. */
export const FOCUS_INVISIBLE = "focus invisible";

/** A short name for an element in failure messages: tag, classes, and the start of its text. */
const DESCRIBE = `(element) => {
  const text = (element.getAttribute("aria-label") || element.textContent || element.getAttribute("href") || "").replace(/\\s+/g, " ").trim().slice(0, 40);
  const classes = [...element.classList].map((name) => "." + name).join("");
  return element.tagName.toLowerCase() + classes + (text ? " « " + text + " »" : "");
}`;

/** WCAG 1.4.10: the page is no wider than the screen; names what sticks out. */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate((describeSource) => {
    const describe = new Function(`return ${describeSource}`)() as (element: Element) => string;
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const scrolls = (element: Element) => ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
    const insideScroller = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) if (scrolls(parent)) return true;
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => {
        const right = element.getBoundingClientRect().right > width + 1;
        const positioned = ["absolute", "fixed"].includes(getComputedStyle(element).position);
        return (!insideScroller(element) || positioned) && (right || (!scrolls(element) && element.scrollWidth > width + 1));
      })
      .slice(-5)
      .map((element) => `${describe(element)} (${Math.round(element.getBoundingClientRect().right)}/${element.scrollWidth} px)`);
    return [`page large de ${document.documentElement.scrollWidth} px pour un écran de ${width} px : ${culprits.join(", ")}`];
  }, DESCRIBE);
}

/** One h1, and no level skipped going down (h2 then h4 is a skip; h4 then h2 is fine). */
export async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      // Visually hidden headings (for screen readers) count: they are 1 px boxes, not display: none.
      return box.width > 0 || box.height > 0 || getComputedStyle(element).position === "absolute";
    };
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")].filter(
      (element) => visible(element) && !element.closest("[hidden], [aria-hidden=true]"),
    );
    const level = (element: Element) => Number(element.getAttribute("aria-level") ?? element.tagName.slice(1)) || 2;
    const problems: string[] = [];
    const h1 = headings.filter((element) => level(element) === 1);
    if (h1.length !== 1) problems.push(`${h1.length} titres de niveau 1 (un seul attendu)`);
    let previous = 0;
    for (const heading of headings) {
      const current = level(heading);
      const text = (heading.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      if (current > previous + 1) problems.push(`h${current} « ${text} » après ${previous ? `un h${previous}` : "aucun titre"}`);
      previous = current;
    }
    return problems;
  });
}

/**
 * Every image has a text alternative (alt="" for a decorative one is a choice, but a missing alt
 * is not); an svg is either hidden from assistive technologies or an image with a name; a figure
 * (a diagram) has a caption or a name, or an image inside it that has a non-empty alternative.
 */
export async function textAlternativeProblems(page: Page): Promise<string[]> {
  return page.evaluate((describeSource) => {
    const describe = new Function(`return ${describeSource}`)() as (element: Element) => string;
    const named = (element: Element) =>
      Boolean(element.getAttribute("aria-label")?.trim()) ||
      Boolean(
        element
          .getAttribute("aria-labelledby")
          ?.split(/\s+/)
          .some((id) => document.getElementById(id)?.textContent?.trim()),
      ) ||
      Boolean(element.querySelector(":scope > title")?.textContent?.trim());
    const hidden = (element: Element) =>
      Boolean(element.closest("[aria-hidden=true]")) ||
      element.getAttribute("role") === "presentation" ||
      element.getAttribute("role") === "none";
    const problems: string[] = [];
    for (const image of document.querySelectorAll("img, [role=img]:not(svg)")) {
      if (hidden(image)) continue;
      if (image.tagName === "IMG" ? !image.hasAttribute("alt") : !named(image))
        problems.push(`${describe(image)} sans alternative textuelle`);
    }
    for (const svg of document.querySelectorAll("svg")) {
      if (hidden(svg) || svg.parentElement?.closest("svg")) continue;
      if (svg.getAttribute("role") !== "img" || !named(svg)) problems.push(`${describe(svg)} : ni aria-hidden, ni role="img" avec un nom`);
    }
    for (const figure of document.querySelectorAll("figure")) {
      if (hidden(figure)) continue;
      const caption = figure.querySelector("figcaption")?.textContent?.trim();
      const inner = [...figure.querySelectorAll("img[alt], svg[role=img], [role=img]")].some(
        (image) => (image.getAttribute("alt") ?? "").trim() || named(image),
      );
      if (!caption && !named(figure) && !inner) problems.push(`${describe(figure)} : schéma sans légende ni alternative`);
    }
    return problems;
  }, DESCRIBE);
}

/**
 * Tabs through the whole page as a keyboard user would: every link, button, field and scrolling
 * region receives focus, in the order of the page (one stop per group of radio buttons), and looks
 * different when it has it (outline, shadow, border or background of the element, its label or its
 * parent). The page records each focus as it happens, so the walk is one key press per stop.
 */
export async function keyboardProblems(page: Page): Promise<string[]> {
  const expected = await page.evaluate(() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]";
    // Not display: none, not in a closed <details>, not visibility: hidden; visually hidden radios
    // and checkboxes (1 px) are focusable and count.
    const rendered = (element: HTMLElement) => !element.closest("[inert]") && element.checkVisibility({ visibilityProperty: true });
    // Chromium lets the keyboard focus a scrolling box that has nothing focusable inside: it is a
    // stop too (axe then checks that it has a name and a role).
    const scrollers = [...document.querySelectorAll<HTMLElement>("body *")].filter((element) => {
      const style = getComputedStyle(element);
      const scrolls =
        (["auto", "scroll"].includes(style.overflowX) && element.scrollWidth > element.clientWidth) ||
        (["auto", "scroll"].includes(style.overflowY) && element.scrollHeight > element.clientHeight);
      return scrolls && !element.querySelector(selector);
    });
    const candidates = [...document.querySelectorAll<HTMLElement>(selector)];
    for (const scroller of scrollers) if (!candidates.includes(scroller)) candidates.push(scroller);
    candidates.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const groups = new Set<string>();
    const stops = candidates.filter((element) => {
      if (scrollers.includes(element) && element.tabIndex < 0) return rendered(element);
      // :disabled also covers the fields of a disabled fieldset.
      if (element.tabIndex < 0 || element.matches(":disabled") || !rendered(element)) return false;
      if (element.tagName === "SUMMARY" && element.parentElement?.querySelector(":scope > summary") !== element) return false;
      if (element instanceof HTMLInputElement && element.type === "radio" && element.name) {
        const key = `${element.form?.id ?? ""}/${element.name}`;
        if (groups.has(key)) return false;
        groups.add(key);
      }
      return true;
    });
    const look = (element: Element | null) => {
      if (!element) return "";
      const style = getComputedStyle(element);
      const outline = style.outlineStyle === "none" ? "none" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      return [outline, style.boxShadow, style.borderColor, style.backgroundColor].join("|");
    };
    const related = (element: HTMLElement) => [element, ...((element as HTMLInputElement).labels ?? []), element.parentElement];
    const name = (element: HTMLElement) =>
      `${element.tagName.toLowerCase()} « ${(element.getAttribute("aria-label") || element.textContent || (element as HTMLInputElement).name || "").replace(/\s+/g, " ").trim().slice(0, 40)} »`;
    (document.activeElement as HTMLElement | null)?.blur();
    // How each stop looks without the focus, to compare with how it looks with it.
    const rest = stops.map((element) => related(element).map(look));
    // Start from the top of the page whatever had the focus: the next Tab goes to the first stop.
    document.body.tabIndex = -1;
    document.body.focus({ preventScroll: true });
    document.body.removeAttribute("tabindex");
    const steps: Array<{ index: number; visible: boolean; name: string }> = [];
    document.addEventListener("focusin", (event) => {
      const active = event.target as HTMLElement;
      let index = stops.indexOf(active);
      // A radio button other than the group's first: the stop of its group.
      if (index < 0 && active instanceof HTMLInputElement && active.type === "radio") {
        index = stops.findIndex(
          (stop) => stop instanceof HTMLInputElement && stop.type === "radio" && stop.name === active.name && stop.form === active.form,
        );
      }
      const visible =
        index < 0 ||
        related(active)
          .map(look)
          .some((now, i) => now !== rest[index]![i]);
      steps.push({ index, visible, name: name(active) });
    });
    // A positive tabindex puts an element before all others whatever its place in the page.
    const jumps = stops.filter((stop) => stop.tabIndex > 0).map(name);
    (window as unknown as { __keyboardWalk: unknown }).__keyboardWalk = { steps, names: stops.map(name), jumps };
    // A date field takes one press per part (day, month, year).
    return stops.length + 2 * stops.filter((stop) => stop instanceof HTMLInputElement && ["date", "time"].includes(stop.type)).length;
  });
  // Two more presses than stops, for the walk to come back round to the first one.
  for (let press = 0; press < expected + 2; press++) await page.keyboard.press("Tab");
  const { steps, names, jumps } = await page.evaluate(
    () =>
      (
        window as unknown as {
          __keyboardWalk: { steps: Array<{ index: number; visible: boolean; name: string }>; names: string[]; jumps: string[] };
        }
      ).__keyboardWalk,
  );
  const problems: string[] = jumps.map((name) => `${name} : ordre de tabulation différent de celui de la page (tabindex positif)`);
  const reached: number[] = [];
  for (const step of steps) {
    // Back at the first stop: the walk went round the page.
    if (reached.length > 0 && step.index === reached[0]) break;
    // A date field takes the focus in each of its parts (day, month, year): one stop.
    if (step.index >= 0 && step.index === reached[reached.length - 1]) continue;
    if (step.index < 0) {
      problems.push(`${step.name} reçoit le focus mais n'est pas un élément interactif visible attendu`);
      continue;
    }
    if (!step.visible) problems.push(`${step.name} : ${FOCUS_INVISIBLE}`);
    if (reached.length > 0 && step.index < reached[reached.length - 1]!)
      problems.push(`${step.name} : ordre de tabulation différent de celui de la page`);
    reached.push(step.index);
  }
  return [...problems, ...names.filter((_, index) => !reached.includes(index)).map((name) => `${name} jamais atteint au clavier`)];
}
