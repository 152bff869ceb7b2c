import { expect, test } from "vitest";
import { FORM_MESSAGES, MAX_FORM_ENTRIES, readFormData } from "./form-data.server.ts";

function post(body: string, type = "application/x-www-form-urlencoded") {
  return new Request("http://localhost/connexion", { method: "POST", body, headers: { "Content-Type": type } });
}

async function refusal(request: Request) {
  try {
    await readFormData(request);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
  throw new Error("the form was accepted");
}

test("plain field names of our forms are read, values cleaned of control characters", async () => {
  const form = await readFormData(post("email=a%40b.fr&password=x%00y&niveau-c1=3&reponse=a&reponse=b&__intent__=v"));
  expect(form.get("email")).toBe("a@b.fr");
  expect(form.get("password")).toBe("xy");
  expect(form.getAll("reponse")).toEqual(["a", "b"]);
  expect(form.get("niveau-c1")).toBe("3");
});

test.each([
  "email%5B99999999%5D=1&password=x",
  "email[0]=1",
  "email.a=1",
  `email${".a".repeat(400_000)}=1`,
  "__proto__=1",
  "constructor=1",
  "=1",
  "1email=1",
  "e%00mail=1",
  `${"a".repeat(200)}=1`,
])("a field name no form of ours has is refused before parsing: %s", async (body) => {
  expect(await refusal(post(body))).toEqual({ status: 400, text: FORM_MESSAGES.fieldName });
});

test("too many fields, a file, or another content type are refused in French", async () => {
  expect(await refusal(post(Array.from({ length: MAX_FORM_ENTRIES + 1 }, (_, i) => `f${i}=1`).join("&")))).toEqual({
    status: 400,
    text: FORM_MESSAGES.tooMany,
  });
  const multipart = new FormData();
  multipart.append("fichier", new Blob(["x"]), "x.txt");
  expect(await refusal(new Request("http://localhost/x", { method: "POST", body: multipart }))).toEqual({
    status: 400,
    text: FORM_MESSAGES.file,
  });
  expect(await refusal(post("{}", "application/json"))).toEqual({ status: 415, text: FORM_MESSAGES.type });
});
