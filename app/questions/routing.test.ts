import { expect, test } from "vitest";
import { cohortForQuestion, type Membership } from "./routing.ts";

const day = (n: number) => new Date(Date.UTC(2027, 0, n));
const member = (cohortId: string, pathId: string, joined: number, archived: number | null = null): Membership => ({
  cohortId,
  pathId,
  joinedAt: day(joined),
  archivedAt: archived === null ? null : day(archived),
});

test("without a cohort on the path, the référent pédagogique answers", () => {
  expect(cohortForQuestion([], "parcours-1h")).toBeNull();
  expect(cohortForQuestion([member("c-4h", "parcours-4h", 1)], "parcours-1h")).toBeNull();
});

test("the cohort of the question's path, not another path's", () => {
  expect(cohortForQuestion([member("c-4h", "parcours-4h", 9), member("c-1h", "parcours-1h", 1)], "parcours-1h")).toBe("c-1h");
});

test("an open cohort before an archived one, then the one joined last", () => {
  const memberships = [member("ancienne", "p", 1, 5), member("recente-archivee", "p", 8, 9), member("ouverte", "p", 3)];
  expect(cohortForQuestion(memberships, "p")).toBe("ouverte");
  expect(cohortForQuestion([member("a", "p", 1), member("b", "p", 4)], "p")).toBe("b");
  expect(cohortForQuestion([member("a", "p", 1, 2), member("b", "p", 4, 6)], "p")).toBe("b");
});
