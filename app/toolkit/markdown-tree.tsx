/**
 * Renders the Markdown tree of a toolkit document (toolkit-tree.server.ts) as the site's HTML:
 * headings, paragraphs, lists, emphasis, links and tables. A table scrolls inside its own focusable
 * region, as in lessons, so that the page never gets wider than a 320 px screen. Client-safe.
 */
import type { ReactNode } from "react";

export interface MarkdownNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean;
  url?: string;
  align?: Array<"left" | "right" | "center" | null>;
  children?: MarkdownNode[];
}

function textOf(node: MarkdownNode): string {
  return node.value ?? (node.children ?? []).map(textOf).join("");
}

function renderChildren(node: MarkdownNode): ReactNode[] {
  return (node.children ?? []).map((child, index) => renderNode(child, index));
}

function renderTable(node: MarkdownNode, key: number): ReactNode {
  const [head, ...rows] = node.children ?? [];
  const headings = (head?.children ?? []).map(textOf);
  return (
    <div key={key} className="table-scroll" role="region" aria-label={`Tableau\u00A0: ${headings.join(", ")}`} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            {(head?.children ?? []).map((cell, index) => (
              <th key={index} scope="col">
                {renderChildren(cell)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {(row.children ?? []).map((cell, index) => (
                <td key={index}>{renderChildren(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function renderNode(node: MarkdownNode, key = 0): ReactNode {
  switch (node.type) {
    case "root":
      return <>{renderChildren(node)}</>;
    case "heading": {
      // The page's <h1> is the document's title: the document's own headings start at <h2>.
      const level = Math.min(6, Math.max(2, node.depth ?? 2));
      const Tag = `h${level}` as "h2";
      return <Tag key={key}>{renderChildren(node)}</Tag>;
    }
    case "paragraph":
      return <p key={key}>{renderChildren(node)}</p>;
    case "list":
      return node.ordered ? <ol key={key}>{renderChildren(node)}</ol> : <ul key={key}>{renderChildren(node)}</ul>;
    case "listItem": {
      // A tight list item holds one paragraph: render its content inline.
      const children = node.children ?? [];
      if (children.length === 1 && children[0]!.type === "paragraph") return <li key={key}>{renderChildren(children[0]!)}</li>;
      return <li key={key}>{renderChildren(node)}</li>;
    }
    case "strong":
      return <strong key={key}>{renderChildren(node)}</strong>;
    case "emphasis":
      return <em key={key}>{renderChildren(node)}</em>;
    case "delete":
      return <del key={key}>{renderChildren(node)}</del>;
    case "inlineCode":
      return <code key={key}>{node.value}</code>;
    case "break":
      return <br key={key} />;
    case "thematicBreak":
      return <hr key={key} />;
    case "blockquote":
      return <blockquote key={key}>{renderChildren(node)}</blockquote>;
    case "link": {
      const url = node.url ?? "";
      const safe = /^(https?:|mailto:|\/|#)/.test(url) ? url : undefined;
      return (
        <a key={key} href={safe}>
          {renderChildren(node)}
        </a>
      );
    }
    case "table":
      return renderTable(node, key);
    case "code":
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case "text":
    case "html":
      return node.value ?? "";
    default:
      return <span key={key}>{renderChildren(node)}</span>;
  }
}

export function MarkdownTree({ tree }: { tree: MarkdownNode }) {
  return <>{renderNode(tree)}</>;
}
