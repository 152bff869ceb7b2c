/**
 * A table written in a lesson (Markdown table). On a phone a wide table would make the whole page
 * wider than the screen (WCAG 1.4.10, reflow): it scrolls inside its own region instead, which a
 * keyboard can focus and scroll, and which screen readers announce with the table's column headings.
 */
import { Children, isValidElement, type ReactNode, type TableHTMLAttributes } from "react";

/** The text of the first row of the table (its column headings), read from the React tree. */
function headingText(node: ReactNode, depth = 0): string[] {
  const texts: string[] = [];
  Children.forEach(node, (child) => {
    if (typeof child === "string" || typeof child === "number") texts.push(String(child));
    else if (isValidElement<{ children?: ReactNode }>(child) && depth < 6) {
      if (child.type === "tbody") return;
      if (child.type === "th") texts.push(headingText(child.props.children, depth + 1).join(""));
      else texts.push(...headingText(child.props.children, depth + 1));
    }
  });
  return texts;
}

function tableLabel(children: ReactNode): string {
  const headings = headingText(children)
    .map((text) => text.trim())
    .filter(Boolean);
  return headings.length > 0 ? `Tableau\u00A0: ${headings.join(", ")}` : "Tableau";
}

export function LessonTable(props: TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="table-scroll" role="region" aria-label={tableLabel(props.children)} tabIndex={0}>
      <table {...props} />
    </div>
  );
}
