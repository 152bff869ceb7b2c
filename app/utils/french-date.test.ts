import { describe, expect, test } from "vitest";
import { formatCertificateDate } from "~/certificates/certificate-format.ts";
import { formatFrenchDate, formatFrenchDateTime, formatFrenchTime } from "./french-date.ts";

describe("French dates", () => {
  test("the first of the month reads « 1er », in Paris time", () => {
    expect(formatFrenchDate(new Date("2026-12-01T10:00:00Z"))).toBe("1er décembre 2026");
    // 23:30 UTC on 30 November is already 1 December in Paris.
    expect(formatFrenchDate("2026-11-30T23:30:00Z")).toBe("1er décembre 2026");
    expect(formatFrenchDate(new Date("2027-01-01T00:30:00+01:00"))).toBe("1er janvier 2027");
  });

  test("other days are plain numbers, never « 11er » or « 21er »", () => {
    expect(formatFrenchDate("2026-11-20T15:30:00Z")).toBe("20 novembre 2026");
    expect(formatFrenchDate("2026-11-11T12:00:00Z")).toBe("11 novembre 2026");
    expect(formatFrenchDate("2026-11-21T12:00:00Z")).toBe("21 novembre 2026");
    expect(formatFrenchDate("2026-12-31T12:00:00Z")).toBe("31 décembre 2026");
  });

  test("certificates use the same rule", () => {
    expect(formatCertificateDate(new Date("2026-12-01T08:00:00Z"))).toBe("1er décembre 2026");
    expect(formatCertificateDate("2026-11-23T08:00:00Z")).toBe("23 novembre 2026");
  });

  test("times read « 9 h 05 » with no-break spaces", () => {
    expect(formatFrenchTime("2026-12-01T08:05:00Z")).toBe("9\u00A0h\u00A005");
    expect(formatFrenchDateTime("2026-12-01T13:30:00Z")).toBe("1er décembre 2026 à 14\u00A0h\u00A030");
  });
});
