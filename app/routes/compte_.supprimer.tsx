import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { deleteAccount } from "~/auth/account-settings.server.ts";
import { DeleteAccountSchema } from "~/auth/auth-schemas.ts";
import { endSession, requireUser } from "~/auth/session.server.ts";
import { ErrorList, FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { KeptAfterDeletion } from "~/components/kept-after-deletion.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { mailer } from "~/utils/mailer.server.ts";

export const meta: MetaFunction = () => [{ title: "Supprimer mon compte — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = parseWithZod(await readFormData(request), { schema: DeleteAccountSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["current"] }), { status: 400 });
  // The session cookie is cleared before the account goes (deleting the user deletes its sessions).
  const cookie = await endSession(request);
  if (!(await deleteAccount(db, mailer, user.id, submission.value.current))) {
    return json(
      submission.reply({
        fieldErrors: { current: ["Ce mot de passe n'est pas le bon\u00A0: rien n'a été supprimé."] },
        hideFields: ["current"],
      }),
      { status: 401 },
    );
  }
  return redirect("/?compte-supprime=1", { headers: { "Set-Cookie": cookie } });
}

export default function DeleteAccountPage() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(DeleteAccountSchema, { id: "supprimer-compte", lastResult });
  return (
    <div className="page page--narrow">
      <h1>Supprimer mon compte</h1>
      <p>La suppression est définitive. Elle efface&nbsp;:</p>
      <ul>
        <li>
          votre compte (nom, adresse, mot de passe), vos sessions, les liens en attente et les compteurs de tentatives à votre
          adresse&#x202F;;
        </li>
        <li>
          votre progression, le relevé détaillé de votre temps actif, vos réponses aux quiz, vos parties de simulation, vos réflexions et
          votre projet final&#x202F;;
        </li>
        <li>votre place dans les cohortes, et les cohortes que vous animez si vous êtes formateur·rice.</li>
      </ul>
      <h2>Ce qui est conservé, et pourquoi</h2>
      <p>
        Les financeurs de la formation et l'auditeur Qualiopi peuvent demander à l'organisme de formation la preuve qu'elle a eu lieu. Sont
        donc conservés, détachés de votre identité&nbsp;:
      </p>
      <KeptAfterDeletion />
      <p>
        Avant de supprimer votre compte, vous pouvez <a href="/compte/mes-donnees.json">télécharger toutes vos données</a>. Voir aussi{" "}
        <Link to="/confidentialite">ce que la plateforme conserve</Link>.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.current}
          label="Mot de passe"
          type="password"
          autoComplete="current-password"
          hint="Pour confirmer que c'est bien vous."
        />
        <div className="field">
          <div className="choice">
            <input
              type="checkbox"
              id={fields.confirm.id}
              name={fields.confirm.name}
              aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined}
              aria-invalid={fields.confirm.errors ? true : undefined}
            />
            <label htmlFor={fields.confirm.id}>
              Je comprends que mon compte et mes données seront effacés définitivement, sauf ce qui est conservé ci-dessus.
            </label>
          </div>
          <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
        </div>
        <div>
          <button type="submit" className="button button--danger">
            Supprimer définitivement mon compte
          </button>
        </div>
      </Form>
      <p>
        <Link to="/compte">Annuler</Link>
      </p>
    </div>
  );
}
