/**
 * Asked once, after a first LTI launch from a platform that did not send the person's name
 * (Open edX withholds it by default): certificates print it. Then on to where the launch was going.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChangeNameSchema } from "~/auth/auth-schemas.ts";
import { requireUser } from "~/auth/session.server.ts";
import { ErrorList } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction = () => [{ title: "Votre nom — Apprendre à faire alliance" }];

/** Only an address of this site (« /parcours/… »), never « //ailleurs » or an absolute URL. */
function localNext(value: string | null): string {
  return value && /^\/(?![/\\])/.test(value) ? value : "/tableau-de-bord";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const next = localNext(new URL(request.url).searchParams.get("suite"));
  if (user.name) return redirect(next);
  return json({ next });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readFormData(request);
  const next = localNext(String(form.get("suite") ?? ""));
  const parsed = ChangeNameSchema.safeParse({ name: form.get("name") });
  if (!parsed.success) return json({ error: parsed.error.issues[0]!.message, typed: String(form.get("name") ?? "") }, { status: 400 });
  await db.user.update({ where: { id: user.id }, data: { name: parsed.data.name } });
  return redirect(next);
}

export default function LtiNamePage() {
  const { next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ?? null;
  return (
    <div className="page page--narrow">
      <h1>Votre nom</h1>
      <p>
        Votre plateforme de cours ne nous a pas transmis votre nom. Il figurera sur vos certificats et vos attestations, tel que vous
        l'écrivez ici (vous pourrez le corriger dans «&#x202F;Mon compte&#x202F;»).
      </p>
      <Form method="post" className="form">
        <input type="hidden" name="suite" value={next} />
        <div className="field">
          <label htmlFor="name">Prénom et nom</label>
          <input
            id="name"
            name="name"
            type="text"
            autoComplete="name"
            required
            defaultValue={actionData?.typed ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "name-erreur" : undefined}
          />
          <ErrorList id="name-erreur" errors={error ? [error] : null} />
        </div>
        <button type="submit" className="button">
          Continuer
        </button>
      </Form>
    </div>
  );
}
