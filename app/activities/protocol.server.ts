/**
 * The request protocol of quizzes and simulations, the same for both: a form posted to the
 * activity's action route, with only the fields the activity allows (anything else, such as a
 * claimed score or ending, is refused); the browser's player adds `mode=js` and gets JSON, a plain
 * HTML form gets a 303 back to its page (`retour`) at the step to show. A refusal is a code whose
 * French message the player shows: in the JSON (`{ error, message }`), or as the step of the
 * redirect, so that nobody can make our page display arbitrary text.
 */
import { json, redirect, type TypedResponse } from "@remix-run/node";
import type { z } from "zod";
import { readFormData } from "~/utils/form-data.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";
import { stepUrl, type ActivityKind } from "./step-url.ts";

export type RefusalStatus = 400 | 401 | 403 | 404 | 409;

/** A refusal of the activity's rules (QuizError, SimulationError): an HTTP status and a message code. */
export class ActivityError<Code extends string = string> extends Error {
  constructor(
    readonly status: RefusalStatus,
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}

export interface ActivityProtocol<Code extends string> {
  kind: ActivityKind;
  /** The activity's French messages by code; a code every activity has: « champ-inattendu ». */
  messages: Record<Code | "champ-inattendu", string>;
  /** The names a request may use. */
  fieldName: z.ZodType<string>;
}

/**
 * Reads one request to an activity's action. `fail` answers a refusal, `reply` a success (JSON
 * for the player, the redirect to `step` for a plain form); `run` turns the activity's own
 * refusals (ActivityError) into `fail`.
 */
export async function readActivityRequest<Code extends string>(
  protocol: ActivityProtocol<Code>,
  request: Request,
  { id, defaultReturnTo }: { id: string; defaultReturnTo: string },
) {
  const form = await readFormData(request);
  const js = form.get("mode") === "js";
  const returnTo = safeRedirect(form.get("retour"), defaultReturnTo);
  const activity = { kind: protocol.kind, id };

  const back = (step: string | null, headers?: HeadersInit) => redirect(stepUrl(returnTo, activity, step), { status: 303, headers });
  const fail = (status: RefusalStatus, code: Code | "champ-inattendu") =>
    js ? json({ error: code, message: protocol.messages[code] }, { status }) : back(code);
  function reply<Data>(data: Data, step: string | null, headers?: HeadersInit): TypedResponse<Data> | Response {
    return js ? json(data, { headers }) : back(step, headers);
  }
  async function run(handle: () => Promise<Response>): Promise<Response> {
    if ([...form.keys()].some((name) => !protocol.fieldName.safeParse(name).success)) return fail(400, "champ-inattendu");
    try {
      return await handle();
    } catch (error) {
      if (error instanceof ActivityError) return fail(error.status, error.code as Code);
      throw error;
    }
  }

  return { form, js, returnTo, back, fail, reply, run, intent: form.get("intent") };
}
