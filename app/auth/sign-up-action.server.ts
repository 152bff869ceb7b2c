/**
 * The answer to a sign-up form (POST /inscription), apart from the route so that tests can call it
 * on each database. A valid request always gets the same redirect to « Vérifiez votre boîte de
 * réception », whether or not the address has an account (see sign-up.server.ts).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { publicUrl } from "~/utils/public-url.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import type { Mailer } from "~/utils/mailer.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";
import { signUpAllowed, tooManyMessage } from "./auth-rate-limits.server.ts";
import { SignupSchema } from "./auth-schemas.ts";
import { CHECK_INBOX_PATH, requestSignUp } from "./sign-up.server.ts";

export async function handleSignUp(request: Request, { db, mailer, clientIp }: { db: Db; mailer: Mailer; clientIp: string }) {
  const submission = parseWithZod(await readFormData(request), { schema: SignupSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const allowed = await signUpAllowed(db, clientIp);
  if (!allowed.allowed) {
    return json(submission.reply({ formErrors: [tooManyMessage(allowed)], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(allowed.retryAfterSeconds) },
    });
  }
  await requestSignUp(db, mailer, submission.value, publicUrl());
  // The page to come back to after confirming is kept for the « send again » link.
  const redirectTo = safeRedirect(submission.value.redirectTo, "");
  return redirect(redirectTo ? `${CHECK_INBOX_PATH}?${new URLSearchParams({ redirectTo })}` : CHECK_INBOX_PATH, 303);
}
