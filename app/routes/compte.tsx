import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { formatDate } from "~/utils/format.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { changeName, changePassword, changeProfile, requestEmailChange } from "~/auth/account-settings.server.ts";
import { ChangeEmailSchema, ChangeNameSchema, ChangePasswordSchema, ChangeProfileSchema, PASSWORD_MIN } from "~/auth/auth-schemas.ts";
import { PROFILE_HINTS, PROFILE_LABELS, PROFILES, ROLE_LABELS } from "~/auth/profiles.ts";
import { currentSessionId, requireUser } from "~/auth/session.server.ts";
import { twoFactorState } from "~/auth/two-factor.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";
import { leaveCohort, listMemberships } from "~/cohorts/cohorts.server.ts";
import { FormErrors, RadioGroup, TextField, useZodForm } from "~/components/forms.tsx";
import { findPath } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { mailer } from "~/utils/mailer.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction = () => [{ title: "Mon compte — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [memberships, twoFactor, pendingEmail] = await Promise.all([
    listMemberships(db, user.id),
    twoFactorState(db, user.id),
    db.emailChangeToken.findFirst({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { newEmail: true },
    }),
  ]);
  const url = new URL(request.url);
  return json(
    {
      name: user.name,
      email: user.email,
      profile: PROFILE_LABELS[user.profile],
      profileId: user.profile,
      role: ROLE_LABELS[user.role],
      recommendTwoFactor: user.role !== "LEARNER",
      twoFactorOn: Boolean(twoFactor?.enabledAt),
      pendingEmail: pendingEmail?.newEmail ?? null,
      cohorts: memberships.map(({ cohort, joinedAt }) => ({
        id: cohort.id,
        name: cohort.name,
        trainerName: cohort.trainer.name,
        pathTitle: findPath(getCatalog(), cohort.pathId)?.title ?? "",
        joinedAt: joinedAt.toISOString(),
      })),
      left: url.searchParams.get("quittee"),
      done: url.searchParams.get("fait"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const LeaveSchema = z.object({ cohortId: z.string().min(1).max(100) });
type Intent = "nom" | "profil" | "email" | "mot-de-passe" | "quitter-cohorte";

function reply(intent: Intent, result: SubmissionResult<string[]>, status: number) {
  return json({ intent, result }, { status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  switch (intent) {
    case "nom": {
      const submission = parseWithZod(formData, { schema: ChangeNameSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      await changeName(db, user.id, submission.value.name);
      return redirect("/compte?fait=nom");
    }
    case "profil": {
      const submission = parseWithZod(formData, { schema: ChangeProfileSchema });
      if (submission.status !== "success") return reply(intent, submission.reply(), 400);
      const { role } = await changeProfile(db, user.id, submission.value.profile);
      return redirect(`/compte?fait=${role !== user.role ? "profil-formateur" : "profil"}`);
    }
    case "email": {
      const submission = parseWithZod(formData, { schema: ChangeEmailSchema });
      if (submission.status !== "success") return reply(intent, submission.reply({ hideFields: ["current"] }), 400);
      const result = await requestEmailChange(db, mailer, user.id, submission.value.current, submission.value.email, publicUrl());
      if (!result.ok) {
        const fieldErrors: Record<string, string[]> =
          result.reason === "mot-de-passe"
            ? { current: ["Ce mot de passe n'est pas le bon."] }
            : result.reason === "adresse-prise"
              ? { email: ["Un autre compte utilise déjà cette adresse."] }
              : { email: ["C'est déjà l'adresse de votre compte."] };
        return reply(intent, submission.reply({ fieldErrors, hideFields: ["current"] }), result.reason === "mot-de-passe" ? 401 : 409);
      }
      return redirect("/compte?fait=email");
    }
    case "mot-de-passe": {
      const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
      if (submission.status !== "success")
        return reply(intent, submission.reply({ hideFields: ["current", "password", "confirmation"] }), 400);
      const changed = await changePassword(db, user.id, submission.value.current, submission.value.password, currentSessionId(request));
      if (!changed)
        return reply(
          intent,
          submission.reply({
            fieldErrors: { current: ["Ce mot de passe n'est pas le bon."] },
            hideFields: ["current", "password", "confirmation"],
          }),
          401,
        );
      return redirect("/compte?fait=mot-de-passe");
    }
    case "quitter-cohorte": {
      const parsed = LeaveSchema.safeParse({ cohortId: formData.get("cohortId") ?? undefined });
      invariantResponse(parsed.success, "Cette cohorte n'existe pas.", { status: 400 });
      const membership = (await listMemberships(db, user.id)).find((m) => m.cohort.id === parsed.data.cohortId);
      invariantResponse(
        membership && (await leaveCohort(db, user.id, parsed.data.cohortId)),
        "Vous ne faites pas partie de cette cohorte.",
      );
      return redirect(`/compte?${new URLSearchParams({ quittee: membership.cohort.name })}`);
    }
    default:
      throw new Response("Cette action n'existe pas.", { status: 400 });
  }
}

const DONE: Record<string, string> = {
  nom: "Votre nom a été changé. Il figurera sur vos prochains certificats\u202F; ceux déjà délivrés gardent le nom d'alors.",
  profil: "Votre profil a été changé\u00A0: les leçons vous montrent désormais les exemples qui lui correspondent.",
  "profil-formateur":
    "Votre profil a été changé\u00A0: les leçons vous montrent les passages pour les formateur·rices, et «\u202FMes cohortes\u202F» vous permet de créer une cohorte.",
  email: "Un lien de confirmation vient d'être envoyé à la nouvelle adresse. Votre adresse change quand vous l'ouvrez (valable 24 heures).",
  "mot-de-passe": "Votre mot de passe a été changé. Vos autres sessions ont été fermées.",
  "email-confirme": "Votre nouvelle adresse e-mail est confirmée\u00A0: c'est désormais celle de votre compte.",
  "deux-facteurs-on": "La double authentification est activée.",
  "deux-facteurs-off": "La double authentification est désactivée.",
  "deux-facteurs-codes": "La double authentification est activée. Gardez vos codes de secours à l'abri\u00A0: ils ne seront plus affichés.",
};

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lastResult = (intent: Intent) =>
    actionData && "intent" in actionData && actionData.intent === intent ? actionData.result : undefined;
  const [nameForm, nameFields] = useZodForm(ChangeNameSchema, {
    id: "compte-nom",
    lastResult: lastResult("nom"),
    defaultValue: { name: account.name },
  });
  const [profileForm, profileFields] = useZodForm(ChangeProfileSchema, {
    id: "compte-profil",
    lastResult: lastResult("profil"),
    defaultValue: { profile: account.profileId },
  });
  const [emailForm, emailFields] = useZodForm(ChangeEmailSchema, { id: "compte-email", lastResult: lastResult("email") });
  const [passwordForm, passwordFields] = useZodForm(ChangePasswordSchema, {
    id: "compte-mot-de-passe",
    lastResult: lastResult("mot-de-passe"),
  });
  const busy = navigation.state === "submitting";
  return (
    <div className="page page--narrow">
      <h1>Mon compte</h1>
      {account.done && DONE[account.done] ? (
        <p className="notice notice--success" role="status">
          {DONE[account.done]}
        </p>
      ) : null}
      {account.left ? (
        <p className="notice notice--success" role="status">
          Vous avez quitté la cohorte «&#x202F;{account.left}&#x202F;»&nbsp;: son formateur ou sa formatrice ne voit plus votre progression.
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>Nom</dt>
        <dd>{account.name}</dd>
        <dt>Adresse e-mail</dt>
        <dd>
          {account.email}
          {account.pendingEmail ? (
            <span className="muted"> (changement vers {account.pendingEmail} en attente de confirmation)</span>
          ) : null}
        </dd>
        <dt>Profil</dt>
        <dd>{account.profile}</dd>
        <dt>Rôle</dt>
        <dd>{account.role}</dd>
      </dl>

      <section aria-labelledby="titre-nom">
        <h2 id="titre-nom">Changer de nom</h2>
        <Form method="post" className="form" {...getFormProps(nameForm)}>
          <FormErrors id={nameForm.errorId} errors={nameForm.errors} />
          <input type="hidden" name="intent" value="nom" />
          <TextField meta={nameFields.name} label="Nom et prénom" autoComplete="name" hint="Il figurera sur vos prochains certificats." />
          <div>
            <button type="submit" className="button button--secondary" disabled={busy}>
              Enregistrer le nom
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="titre-profil">
        <h2 id="titre-profil">Changer de profil</h2>
        <p className="field__hint">Le profil choisit les exemples et les passages que les leçons vous montrent.</p>
        <Form method="post" className="form" {...getFormProps(profileForm)}>
          <FormErrors id={profileForm.errorId} errors={profileForm.errors} />
          <input type="hidden" name="intent" value="profil" />
          <RadioGroup
            meta={profileFields.profile}
            legend="Vous êtes…"
            options={PROFILES.map((profile) => ({ value: profile, label: PROFILE_LABELS[profile], hint: PROFILE_HINTS[profile] }))}
          />
          <div>
            <button type="submit" className="button button--secondary" disabled={busy}>
              Enregistrer le profil
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="titre-email">
        <h2 id="titre-email">Changer d'adresse e-mail</h2>
        <Form method="post" className="form" {...getFormProps(emailForm)}>
          <FormErrors id={emailForm.errorId} errors={emailForm.errors} />
          <input type="hidden" name="intent" value="email" />
          <TextField
            meta={emailFields.email}
            label="Nouvelle adresse e-mail"
            type="email"
            autoComplete="email"
            hint="Un lien de confirmation y sera envoyé."
          />
          <TextField meta={emailFields.current} label="Mot de passe actuel" type="password" autoComplete="current-password" />
          <div>
            <button type="submit" className="button button--secondary" disabled={busy}>
              Envoyer le lien de confirmation
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="titre-mot-de-passe">
        <h2 id="titre-mot-de-passe">Changer de mot de passe</h2>
        <Form method="post" className="form" {...getFormProps(passwordForm)}>
          <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
          <input type="hidden" name="intent" value="mot-de-passe" />
          <TextField meta={passwordFields.current} label="Mot de passe actuel" type="password" autoComplete="current-password" />
          <TextField
            meta={passwordFields.password}
            label="Nouveau mot de passe"
            type="password"
            autoComplete="new-password"
            hint={`Au moins ${PASSWORD_MIN} caractères.`}
          />
          <TextField
            meta={passwordFields.confirmation}
            label="Confirmez le nouveau mot de passe"
            type="password"
            autoComplete="new-password"
          />
          <div>
            <button type="submit" className="button button--secondary" disabled={busy}>
              Changer le mot de passe
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="titre-securite">
        <h2 id="titre-securite">Double authentification</h2>
        <p>
          {account.twoFactorOn
            ? "Activée\u00A0: à chaque connexion, un code de votre application d'authentification vous est demandé."
            : account.recommendTwoFactor
              ? "Recommandée pour votre rôle\u00A0: votre compte donne accès aux données d'autres personnes."
              : "Facultative\u00A0: un code de votre application d'authentification s'ajoute au mot de passe."}{" "}
          <Link to="/compte/double-authentification">{account.twoFactorOn ? "Gérer" : "Activer"} la double authentification</Link>
        </p>
      </section>

      <section aria-labelledby="titre-cohortes">
        <h2 id="titre-cohortes">Mes cohortes</h2>
        {account.cohorts.length === 0 ? (
          <p className="muted">Vous ne faites partie d'aucune cohorte.</p>
        ) : (
          <ul className="cohort-list">
            {account.cohorts.map((cohort) => (
              <li key={cohort.id} className="cohort-list__item">
                <p>
                  <strong>{cohort.name}</strong>, animée par {cohort.trainerName} — {cohort.pathTitle}, rejointe le{" "}
                  {formatDate(cohort.joinedAt)}.
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="quitter-cohorte" />
                  <input type="hidden" name="cohortId" value={cohort.id} />
                  <button type="submit" className="button button--secondary">
                    Quitter «&#x202F;{cohort.name}&#x202F;»
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="titre-donnees">
        <h2 id="titre-donnees">Mes données</h2>
        <p>
          <a href="/compte/mes-donnees.json" download>
            Télécharger toutes mes données (JSON)
          </a>
          &nbsp;: compte, progression, temps actif, réponses aux quiz, parties des simulations, réflexions, projet final, certificats,
          cohortes.
        </p>
        <p>
          <Link to="/confidentialite">Ce que la plateforme conserve, pourquoi et combien de temps</Link> ·{" "}
          <Link to="/compte/supprimer">Supprimer mon compte</Link>
        </p>
      </section>

      <Form method="post" action="/deconnexion">
        <button type="submit" className="button button--secondary">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
