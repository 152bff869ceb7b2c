import { expect, test } from "vitest";
import { readTableQuery, sortHref } from "./table-query.ts";

test("the table's view is read from the address, unknown values falling back to the default", () => {
  expect(readTableQuery(new URLSearchParams("filtre=en-retard&tri=progression&ordre=desc"))).toEqual({
    filter: "en-retard",
    sort: "progression",
    order: "desc",
  });
  expect(readTableQuery(new URLSearchParams("filtre=<script>&tri=1;DROP&ordre=x"))).toEqual({ filter: "tous", sort: "nom", order: "asc" });
});

test("a column header sorts by it, then reverses, keeping the filter", () => {
  const query = readTableQuery(new URLSearchParams("filtre=inactifs"));
  expect(sortHref(query, "progression")).toBe("?tri=progression&ordre=desc&filtre=inactifs");
  expect(sortHref({ ...query, sort: "progression", order: "desc" }, "progression")).toBe("?tri=progression&ordre=asc&filtre=inactifs");
  expect(sortHref({ filter: "tous", sort: "temps", order: "desc" }, "nom")).toBe("?tri=nom&ordre=asc");
});
