import { expect, test } from "vitest";
import { frenchHours, serviceFaitCsv } from "./service-fait.ts";

const path = { title: "Découvrir l'ODD 17", nominalMinutes: 60 };
const rows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(";"));

test("hours with a decimal comma, rounded down to the hundredth", () => {
  expect(frenchHours(3600)).toBe("1,00");
  expect(frenchHours(2700)).toBe("0,75");
  expect(frenchHours(35)).toBe("0,00");
  expect(frenchHours(3635)).toBe("1,00");
});

test("realised, not done and completion rate per learner; a revoked certificate gives no completion", () => {
  const csv = serviceFaitCsv(path, [
    {
      name: "Awa Diallo",
      email: "awa@example.fr",
      activeSeconds: 2700,
      completedLessons: 9,
      totalLessons: 9,
      certificate: { code: "ABC", completedAt: new Date("2027-03-03T10:00:00Z"), revoked: false },
    },
    { name: "Jean Martin", email: "jean@example.fr", activeSeconds: 4000, completedLessons: 3, totalLessons: 9, certificate: null },
    {
      name: "Lou Petit",
      email: "lou@example.fr",
      activeSeconds: 0,
      completedLessons: 0,
      totalLessons: 9,
      certificate: { code: "XYZ", completedAt: new Date(), revoked: true },
    },
  ]);
  const [header, awa, jean, lou] = rows(csv);
  expect(header).toContain("Heures non réalisées (h)");
  expect(awa).toEqual(["Awa Diallo", "awa@example.fr", "Découvrir l'ODD 17", "1,00", "0,75", "0,25", "100", "9", "9", "03/03/2027", "ABC"]);
  // More time than planned: nothing is left to do, and the rate counts lessons, not minutes.
  expect(jean?.slice(3, 7)).toEqual(["1,00", "1,11", "0,00", "33"]);
  expect(lou?.slice(9)).toEqual(["", ""]);
});
