/** The learner table's filter and sort, read from the address (so they work as plain links). Pure. */
import { SORT_KEYS, type LearnerRow, type SortKey, type SortOrder } from "./dashboard.ts";

const FILTERS = ["tous", "en-retard", "inactifs"] as const;
type Filter = (typeof FILTERS)[number];

export interface TableQuery {
  filter: Filter;
  sort: SortKey;
  order: SortOrder;
}

/** Unknown values fall back to the default view: a hand-edited address never breaks the page. */
export function readTableQuery(params: URLSearchParams): TableQuery {
  const filter = params.get("filtre");
  const sort = params.get("tri");
  const order = params.get("ordre");
  return {
    filter: (FILTERS as readonly string[]).includes(filter ?? "") ? (filter as Filter) : "tous",
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "nom",
    order: order === "desc" ? "desc" : "asc",
  };
}

export function applyFilter(rows: LearnerRow[], filter: Filter): LearnerRow[] {
  if (filter === "en-retard") return rows.filter((row) => row.behind);
  if (filter === "inactifs") return rows.filter((row) => row.inactive);
  return rows;
}

/** The address of a column header: sorting by it, or reversing it when it is already the sort. */
export function sortHref(query: TableQuery, key: SortKey): string {
  const order: SortOrder = query.sort === key ? (query.order === "asc" ? "desc" : "asc") : key === "nom" ? "asc" : "desc";
  const params = new URLSearchParams({ tri: key, ordre: order });
  if (query.filter !== "tous") params.set("filtre", query.filter);
  return `?${params}`;
}
