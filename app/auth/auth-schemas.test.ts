import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { LoginSchema, SignupSchema } from "./auth-schemas.ts";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const valid = { name: "Camille Martin", email: " Camille.Martin@Exemple.FR ", profile: "ELU", password: "une phrase assez longue" };

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
      email: ["Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)."],
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
