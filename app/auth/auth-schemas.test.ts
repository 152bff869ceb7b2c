import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { LoginSchema, SecondFactorSchema, SignupSchema } from "./auth-schemas.ts";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const valid = {
  name: "Camille Martin",
  email: " Camille.Martin@Exemple.FR ",
  profile: "ELECTED_OFFICIAL",
  password: "une phrase assez longue",
};

describe("SignupSchema", () => {
  test("accepts a complete form and normalises the e-mail", () => {
    const submission = parseWithZod(form(valid), { schema: SignupSchema });
    expect(submission.status).toBe("success");
    if (submission.status === "success") {
      expect(submission.value.email).toBe("camille.martin@exemple.fr");
      expect(submission.value.name).toBe("Camille Martin");
    }
  });

  test("gives one French message per invalid field", () => {
    const submission = parseWithZod(form({ name: "C", email: "pas-une-adresse", profile: "PIRATE", password: "court" }), {
      schema: SignupSchema,
    });
    const reply = submission.reply();
    expect(reply.error).toEqual({
      name: ["Votre nom doit compter au moins 2 caractères."],
      email: ["Cette adresse e-mail n'est pas valide (exemple\u00A0: prenom.nom@exemple.fr)."],
      profile: ["Choisissez le profil qui vous correspond."],
      password: ["Le mot de passe doit compter au moins 10 caractères."],
    });
  });

  test("says what is missing when the form is empty", () => {
    const reply = parseWithZod(form({}), { schema: SignupSchema }).reply();
    expect(reply.error).toMatchObject({
      name: ["Indiquez votre nom."],
      email: ["Indiquez votre adresse e-mail."],
      profile: ["Choisissez le profil qui vous correspond."],
      password: ["Choisissez un mot de passe."],
    });
  });

  test("refuses oversized values instead of hashing them", () => {
    const reply = parseWithZod(form({ ...valid, password: "x".repeat(201), name: "n".repeat(101) }), { schema: SignupSchema }).reply();
    expect(reply.error?.password).toEqual(["Le mot de passe ne peut pas dépasser 200 caractères."]);
    expect(reply.error?.name).toEqual(["Votre nom ne peut pas dépasser 100 caractères."]);
  });

  test("never echoes the password back", () => {
    const reply = parseWithZod(form({ ...valid, name: "" }), { schema: SignupSchema }).reply({ hideFields: ["password"] });
    expect(JSON.stringify(reply)).not.toContain(valid.password);
  });
});

describe("LoginSchema", () => {
  test("asks for both fields", () => {
    const reply = parseWithZod(form({}), { schema: LoginSchema }).reply();
    expect(reply.error).toMatchObject({ email: ["Indiquez votre adresse e-mail."], password: ["Indiquez votre mot de passe."] });
  });
});

describe("SecondFactorSchema", () => {
  const code = (value: string) => parseWithZod(form({ code: value }), { schema: SecondFactorSchema });

  test("reads an app code or a recovery code as people type them", () => {
    expect(code(" 123 456 ")).toMatchObject({ status: "success", value: { code: { kind: "totp", value: "123456" } } });
    expect(code(" k7qm 3xrt ")).toMatchObject({ status: "success", value: { code: { kind: "secours", value: "K7QM3XRT" } } });
    // O for 0 and I or L for 1, as on paper.
    expect(code("K7QM-OXRI")).toMatchObject({ status: "success", value: { code: { kind: "secours", value: "K7QM0XR1" } } });
  });

  test("says in French what a code looks like", () => {
    expect(code("").reply().error).toEqual({ code: ["Saisissez le code à 6 chiffres de votre application, ou un code de secours."] });
    expect(code("12345").reply().error).toEqual({
      code: ["Le code de l'application compte 6 chiffres\u202F; un code de secours, 8 caractères (par exemple K7QM-3XRT)."],
    });
    expect(code("K7QM-3XRU").status).toBe("error");
  });
});
