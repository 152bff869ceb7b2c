import { describe, expect, test } from "vitest";
import { z } from "zod";
import { ActivityError, readActivityRequest, type ActivityProtocol } from "./protocol.server.ts";

const MESSAGES = { "champ-inattendu": "Données inattendues.", "deja-joue": "Déjà joué." } as const;
const PROTOCOL: ActivityProtocol<keyof typeof MESSAGES> = {
  kind: "simulation",
  messages: MESSAGES,
  fieldName: z.enum(["intent", "mode", "retour", "choix"]),
};

const post = (fields: Record<string, string>) =>
  new Request("http://localhost/simulations/cas", { method: "POST", body: new URLSearchParams(fields) });

const read = (fields: Record<string, string>) =>
  readActivityRequest(PROTOCOL, post(fields), { id: "cas", defaultReturnTo: "/simulations/cas" });

describe("the activity request protocol", () => {
  test("a field the activity does not allow is refused before the handler runs: JSON for the player", async () => {
    let ran = false;
    const response = await (await read({ mode: "js", intent: "choisir", fin: "victoire" })).run(async () => ((ran = true), new Response()));
    expect(ran).toBe(false);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "champ-inattendu", message: "Données inattendues." });
  });

  test("a plain form is sent back to its page at the activity, the code as the step", async () => {
    const response = await (await read({ retour: "/parcours/essai/conclusion?x=1", fin: "victoire" })).run(async () => new Response());
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/parcours/essai/conclusion?simulation=cas&etape=champ-inattendu#simulation-cas");
  });

  test("the activity's own refusals become its reply; other errors go on up", async () => {
    const request = await read({ mode: "js", intent: "choisir" });
    const refused = await request.run(async () => {
      throw new ActivityError(409, "deja-joue", "Déjà joué.");
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: "deja-joue", message: "Déjà joué." });
    await expect(request.run(async () => Promise.reject(new Error("panne")))).rejects.toThrow("panne");
  });

  test("a success: JSON for the player, the step for a plain form; an outside `retour` is not followed", async () => {
    const js = await read({ mode: "js", intent: "choisir" });
    expect(await js.reply({ ok: true }, "debriefing").json()).toEqual({ ok: true });
    const plain = await read({ intent: "choisir", retour: "https://ailleurs.example/piege" });
    expect(plain.reply({ ok: true }, "debriefing").headers.get("Location")).toBe(
      "/simulations/cas?simulation=cas&etape=debriefing#simulation-cas",
    );
  });
});
