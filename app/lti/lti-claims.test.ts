import { describe, expect, test } from "vitest";
import { nameFrom, targetPath, teaches } from "./lti-claims.ts";

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

describe("who teaches the course", () => {
  test("the context's Instructor, Administrator, content developer or teaching assistant", () => {
    expect(teaches([`${MEMBERSHIP}#Instructor`])).toBe(true);
    expect(teaches([`${MEMBERSHIP}/Instructor#TeachingAssistant`])).toBe(true);
    expect(teaches([`${MEMBERSHIP}#Administrator`])).toBe(true);
    expect(teaches([`${MEMBERSHIP}#ContentDeveloper`])).toBe(true);
  });

  test("not a learner, nor an institution role alone, nor a look-alike", () => {
    expect(teaches([`${MEMBERSHIP}#Learner`])).toBe(false);
    expect(teaches(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"])).toBe(false);
    expect(teaches(["http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"])).toBe(false);
    expect(teaches([`${MEMBERSHIP}#InstructorX`, `https://evil.example/${MEMBERSHIP}#Instructor`])).toBe(false);
    expect(teaches([])).toBe(false);
  });
});

test("the name from name, else given and family names, else none", () => {
  expect(nameFrom({ name: "  Camille Martin " })).toBe("Camille Martin");
  expect(nameFrom({ given_name: "Camille", family_name: "Martin" })).toBe("Camille Martin");
  expect(nameFrom({ name: " ", given_name: "Camille" })).toBe("Camille");
  expect(nameFrom({})).toBeNull();
  expect(nameFrom({ name: "x".repeat(300) })?.length).toBe(100);
});

describe("the path a launch opens", () => {
  const site = "https://alliances.exemple.fr";
  test("a path or a lesson of this site", () => {
    expect(targetPath(`${site}/parcours/decouvrir`, site)).toEqual({ pathSlug: "decouvrir", lessonSlug: null });
    expect(targetPath(`${site}/parcours/decouvrir/faire-alliance?x=1`, site)).toEqual({
      pathSlug: "decouvrir",
      lessonSlug: "faire-alliance",
    });
  });
  test("nothing for another site, another page, or a malformed address", () => {
    expect(targetPath("https://ailleurs.fr/parcours/decouvrir", site)).toBeNull();
    expect(targetPath(`${site}/simulations/premier-pas`, site)).toBeNull();
    expect(targetPath(`${site}/parcours/../admin`, site)).toBeNull();
    expect(targetPath("pas une adresse", site)).toBeNull();
  });
});
