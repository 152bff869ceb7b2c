/**
 * Reading a learner's answer from form fields, and writing it back. Client-safe: it needs only the
 * ids of the choices, never the answer key. Plain HTML forms and the browser's fetches send the
 * same fields: `reponse` for choices, `paire-<gauche>` for associations, `rang-<élément>` for order.
 */
import type { QuizMessageCode } from "./quiz-messages.ts";
import type { PublicQuestion, QuizResponse } from "./quiz-types.ts";

type ParsedResponse = { ok: true; response: QuizResponse } | { ok: false; code: QuizMessageCode };

type Fields = { getAll(name: string): Array<FormDataEntryValue | string> };

export function parseResponse(question: PublicQuestion, form: Fields): ParsedResponse {
  const values = (name: string) => form.getAll(name).map(String);
  switch (question.type) {
    case "choix-unique": {
      const chosen = values("reponse");
      if (chosen.length !== 1) return { ok: false, code: "choix-requis" };
      if (!question.options.some((option) => option.id === chosen[0])) return { ok: false, code: "reponse-inconnue" };
      return { ok: true, response: { optionId: chosen[0]! } };
    }
    case "choix-multiple": {
      const chosen = [...new Set(values("reponse"))];
      if (chosen.length === 0) return { ok: false, code: "cases-requises" };
      const ids = new Set(question.options.map((option) => option.id));
      if (chosen.some((id) => !ids.has(id))) return { ok: false, code: "reponse-inconnue" };
      return { ok: true, response: { optionIds: chosen.sort() } };
    }
    case "vrai-faux": {
      const chosen = values("reponse");
      if (chosen.length !== 1 || !["vrai", "faux"].includes(chosen[0]!)) return { ok: false, code: "vrai-faux-requis" };
      return { ok: true, response: { value: chosen[0] === "vrai" } };
    }
    case "association": {
      const rights = new Set(question.rights.map((right) => right.id));
      const pairs: Record<string, string> = {};
      for (const left of question.lefts) {
        const value = values(`paire-${left.id}`);
        if (value.length !== 1 || !rights.has(value[0]!)) return { ok: false, code: "association-incomplete" };
        pairs[left.id] = value[0]!;
      }
      return { ok: true, response: { pairs } };
    }
    case "remise-en-ordre": {
      const items = question.items;
      const ranked = items.map((item) => ({ id: item.id, rank: Number(values(`rang-${item.id}`)[0]) }));
      const valid = ranked.every(({ rank }) => Number.isInteger(rank) && rank >= 1 && rank <= items.length);
      if (!valid || new Set(ranked.map(({ rank }) => rank)).size !== items.length) return { ok: false, code: "ordre-invalide" };
      return { ok: true, response: { order: ranked.sort((a, b) => a.rank - b.rank).map(({ id }) => id) } };
    }
  }
}

/** The form fields that carry `response` (the inverse of parseResponse). */
export function responseFields(response: QuizResponse): Array<[string, string]> {
  if ("optionId" in response) return [["reponse", response.optionId]];
  if ("optionIds" in response) return response.optionIds.map((id) => ["reponse", id]);
  if ("value" in response) return [["reponse", response.value ? "vrai" : "faux"]];
  if ("pairs" in response) return Object.entries(response.pairs).map(([left, right]) => [`paire-${left}`, right]);
  return response.order.map((id, index) => [`rang-${id}`, String(index + 1)]);
}
