import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOrganisationSettings } from "~/organisation/organisation-settings.server.ts";
import { env } from "~/utils/env.server.ts";

export const meta: MetaFunction = () => [
  { title: "Aide technique — Apprendre à faire alliance" },
  { name: "description", content: "Comment obtenir de l'aide, et ce dont la plateforme a besoin pour fonctionner." },
];

/**
 * The assistance a distance training must describe (Code du travail art. D6313-3-1): who answers
 * questions on the content and within which delay, where to write about a technical problem, and
 * what the platform needs. Contacts come from the settings and CONTACT_EMAIL.
 */
export async function loader() {
  const settings = await getOrganisationSettings();
  return json({
    contactEmail: env().CONTACT_EMAIL,
    answerDelay: settings.answerDelay,
    pedagogical: settings.pedagogicalContact,
    disability: settings.disabilityContact,
  });
}

export default function HelpPage() {
  const { contactEmail, answerDelay, pedagogical, disability } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <h1>Aide technique</h1>
      <p className="lede">Comment obtenir de l'aide, et ce dont la plateforme a besoin pour fonctionner.</p>

      <h2>Une question sur le contenu d'une leçon</h2>
      <p>
        À la fin de chaque leçon, «&#x202F;Poser une question&#x202F;» ouvre un formulaire auquel la leçon est jointe (il faut être
        connecté·e). La question va à la formatrice ou au formateur de votre cohorte, ou, si vous suivez le parcours sans cohorte, au
        référent pédagogique{pedagogical.name ? <> ({pedagogical.name})</> : null}.{" "}
        {answerDelay ? <>La plateforme s'engage à une réponse sous {answerDelay}. </> : null}
        Vous la lisez dans <Link to="/questions">Mes questions</Link> et la recevez par e-mail.
      </p>

      <h2>Un problème technique</h2>
      <p>
        Une page qui ne s'affiche pas, un accès perdu, une progression qui ne s'enregistre pas&nbsp;: écrivez à{" "}
        <a href={`mailto:${contactEmail}`}>{contactEmail}</a>, en disant la page concernée (son adresse), ce que vous faisiez, et votre
        navigateur. Pour un mot de passe oublié, la page <Link to="/mot-de-passe-oublie">Mot de passe oublié</Link> suffit.
      </p>

      <h2>Ce dont la plateforme a besoin</h2>
      <ul>
        <li>
          <strong>Un navigateur récent.</strong> Les tests automatiques de la plateforme tournent dans Chromium (le moteur de Chrome et
          d'Edge)&nbsp;; les autres navigateurs récents, Firefox et Safari, ne sont pas testés à chaque version.
        </li>
        <li>
          <strong>JavaScript n'est pas nécessaire.</strong> Les leçons, les quiz, les simulations et tous les formulaires fonctionnent sans
          lui&nbsp;; il rend seulement certaines pages plus fluides.
        </li>
        <li>
          <strong>Une connexion à Internet</strong> pendant que vous suivez le parcours&nbsp;: votre progression s'enregistre sur le
          serveur.
        </li>
        <li>
          <strong>Un téléphone convient</strong>&nbsp;: les pages s'adaptent aux écrans étroits, jusqu'à 320&nbsp;pixels de large, et au
          zoom.
        </li>
      </ul>

      <h2>Handicap et accessibilité</h2>
      {disability.name || disability.email ? (
        <p>
          Pour adapter votre formation à un handicap, contactez le référent handicap
          {disability.name ? <>, {disability.name}</> : null}
          {disability.email ? (
            <>
              , à <a href={`mailto:${disability.email}`}>{disability.email}</a>
            </>
          ) : null}
          .
        </p>
      ) : (
        <p>
          Pour adapter votre formation à un handicap, écrivez à <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>
      )}
      <p>
        La <Link to="/accessibilite">déclaration d'accessibilité</Link> dit ce que la plateforme respecte des critères d'accessibilité, et
        comment le vérifier.
      </p>
    </div>
  );
}
