import { expect, test } from "vitest";
import { pagePath, stepUrl } from "./step-url.ts";

test("a quiz step: the page's path, the quiz and the step, and the quiz's anchor", () => {
  expect(stepUrl("/parcours/essai/conclusion?quiz=q&etape=resultat#quiz-q", { kind: "quiz", id: "q" }, "correction-q2")).toBe(
    "/parcours/essai/conclusion?quiz=q&etape=correction-q2#quiz-q",
  );
});

test("no step: back to the activity as it stands, without the previous step", () => {
  expect(stepUrl("/parcours/essai/conclusion?quiz=q&etape=resultat", { kind: "quiz", id: "q" }, null)).toBe(
    "/parcours/essai/conclusion#quiz-q",
  );
});

test("a simulation step", () => {
  expect(stepUrl("/simulations/cas-essai", { kind: "simulation", id: "cas-essai" }, "debriefing")).toBe(
    "/simulations/cas-essai?simulation=cas-essai&etape=debriefing#simulation-cas-essai",
  );
});

test("the page's path drops the query and the fragment", () => {
  expect(pagePath("/parcours/essai/conclusion?simulation=s#simulation-s")).toBe("/parcours/essai/conclusion");
});
