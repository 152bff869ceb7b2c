import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CERTIFICATE_RETENTION_YEARS, EVIDENCE_RETENTION_YEARS } from "~/auth/retained-evidence.ts";
import { KeptAfterDeletion } from "~/components/kept-after-deletion.tsx";

export const meta: MetaFunction = () => [{ title: "Confidentialité et données personnelles — Apprendre à faire alliance" }];

/**
 * What is stored, why, for how long, and the rights of each person (RGPD). Kept in step with the
 * schema: every promise here has a test (tests/integration/privacy-promises.test.ts, and
 * confidentialite.test.tsx for the durations the page states).
 */
export default function PrivacyPage() {
  return (
    <div className="page page--reading">
      <h1>Confidentialité et données personnelles</h1>
      <p className="lede">
        La lecture des parcours est libre et sans compte. Un compte sert à garder votre progression, vos résultats et vos certificats. Voici
        ce que la plateforme conserve, pourquoi, et combien de temps.
      </p>

      <h2>Ce qui est conservé, et pourquoi</h2>
      <div className="table-wrap" role="region" aria-label="Tableau&nbsp;: données conservées, finalité et durée" tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">Données conservées, finalité et durée</caption>
          <thead>
            <tr>
              <th scope="col">Données</th>
              <th scope="col">Pourquoi</th>
              <th scope="col">Combien de temps</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Compte&nbsp;: nom, adresse e-mail, profil, rôle, mot de passe (haché avec argon2id, jamais en clair)</th>
              <td>Vous connecter&#x202F;; adapter les exemples des leçons à votre profil&#x202F;; écrire votre nom sur vos certificats</td>
              <td>Jusqu'à la suppression du compte</td>
            </tr>
            <tr>
              <th scope="row">
                Progression&nbsp;: parcours suivis et dernière leçon ouverte, leçons commencées et terminées, temps actif (un relevé
                horodaté par tranche de 15 secondes au plus)
              </th>
              <td>Reprendre où vous en étiez&#x202F;; les heures inscrites sur vos documents de formation (voir plus bas)</td>
              <td>
                Jusqu'à la suppression du compte&#x202F;; ensuite, pour une formation terminée, un résumé sans votre nom (voir
                «&#x202F;Preuves de formation&#x202F;»)
              </td>
            </tr>
            <tr>
              <th scope="row">Réponses aux quiz, parties des simulations</th>
              <td>Vos scores, calculés par le serveur&#x202F;; les conditions du certificat</td>
              <td>
                Jusqu'à la suppression du compte&#x202F;; ensuite, pour une formation terminée, les résultats seulement, sans votre nom
                (voir «&#x202F;Preuves de formation&#x202F;»)
              </td>
            </tr>
            <tr>
              <th scope="row">Réflexions (réponses aux questions ouvertes)</th>
              <td>
                Les retrouver plus loin dans le parcours et dans le projet final&#x202F;; elles ne sont visibles que de vous, sauf celles
                que le projet final reprend&nbsp;: elles y sont recopiées quand vous l'enregistrez la première fois, et le projet est lu par
                le formateur ou la formatrice de votre cohorte
              </td>
              <td>Jusqu'à la suppression du compte</td>
            </tr>
            <tr>
              <th scope="row">
                Positionnement au début d'un parcours et auto-évaluation à la fin&nbsp;: niveau choisi pour chaque objectif, réponses aux
                questions sur votre situation, dates
              </th>
              <td>
                Vous montrer votre progression&#x202F;; permettre au formateur ou à la formatrice d'une cohorte que vous avez rejointe
                d'adapter son accompagnement&#x202F;; prouver que le positionnement a été proposé (Qualiopi, indicateur 8)
              </td>
              <td>Jusqu'à la suppression du compte</td>
            </tr>
            <tr>
              <th scope="row">
                Si vous venez de la plateforme de cours de votre établissement (Moodle, Canvas, Open edX par LTI)&nbsp;: le nom de cette
                plateforme et l'identifiant qu'elle vous donne, jamais votre mot de passe
              </th>
              <td>
                Vous reconnaître à chaque lancement depuis votre cours, sans second compte, et vous placer dans la cohorte de ce cours
              </td>
              <td>Jusqu'à la suppression du compte</td>
            </tr>
            <tr>
              <th scope="row">Projet final et auto-évaluation (parcours 12 h), commentaires des formateur·rices</th>
              <td>
                Rédiger et remettre votre projet&#x202F;; le faire lire par le formateur ou la formatrice d'une cohorte que vous avez
                rejointe
              </td>
              <td>Jusqu'à la suppression du compte</td>
            </tr>
            <tr>
              <th scope="row">Questionnaire de satisfaction de fin de parcours&nbsp;: vos réponses, leur date, votre profil</th>
              <td>
                Améliorer les parcours et rendre compte de la satisfaction des apprenant·es&#x202F;; le formateur ou la formatrice de votre
                cohorte n'en voit que des résultats regroupés, sans nom, à partir de 5 réponses
              </td>
              <td>Jusqu'à la suppression du compte</td>
            </tr>
            <tr>
              <th scope="row">Questions posées depuis une leçon, leurs réponses et leurs dates</th>
              <td>
                Vous faire répondre par le formateur ou la formatrice de votre cohorte, ou par le référent pédagogique, et montrer les
                délais de réponse, qui figurent aussi sur votre relevé d'activité
              </td>
              <td>Jusqu'à la suppression du compte (une réponse écrite par un·e formateur·rice reste à l'apprenant·e, sans son auteur)</td>
            </tr>
            <tr>
              <th scope="row">
                Certificats et documents de formation (attestation de fin de formation, certificat de réalisation, relevé d'activité)&nbsp;:
                nom, parcours, objectifs, durées, dates, résultats, codes de vérification&#x202F;; pour le relevé d'activité, le détail de
                chaque journée et les dates de vos questions et de leurs réponses
              </th>
              <td>
                Prouver votre formation à qui vous la présentez (financeur, employeur, établissement), y compris hors ligne (signature
                électronique)
              </td>
              <td>
                Tant que votre compte existe, pour rester vérifiables&#x202F;; après sa suppression, sans votre nom, jusqu'à{" "}
                {CERTIFICATE_RETENTION_YEARS}&nbsp;ans après la fin de la formation
              </td>
            </tr>
            <tr>
              <th scope="row">Cohortes rejointes</th>
              <td>Permettre au formateur ou à la formatrice de suivre la cohorte, dans les limites affichées avant de la rejoindre</td>
              <td>
                Jusqu'à ce que vous quittiez la cohorte, qu'on vous en retire, que votre compte soit supprimé ou celui de la personne qui
                l'anime
              </td>
            </tr>
            <tr>
              <th scope="row">Sessions de connexion (cookie «&#x202F;aafa_session&#x202F;», identifiant aléatoire, HttpOnly)</th>
              <td>Rester connecté·e</td>
              <td>
                30 jours sans usage au plus, puis effacées&#x202F;; fin immédiate à la déconnexion, à la réinitialisation du mot de passe
                (toutes les sessions) et à son changement (les autres sessions)
              </td>
            </tr>
            <tr>
              <th scope="row">Liens envoyés par e-mail (réinitialisation, changement d'adresse, inscription), empreintes seulement</th>
              <td>Vérifier le lien quand vous l'ouvrez</td>
              <td>1 heure (réinitialisation) ou 24 heures (adresse), puis effacés&#x202F;; inutilisables après usage</td>
            </tr>
            <tr>
              <th scope="row">E-mails de la plateforme (réinitialisation, changement d'adresse)</th>
              <td>
                Vous envoyer ces liens. Sans serveur d'envoi configuré, les e-mails restent dans une boîte d'envoi que seuls les
                administrateurs lisent, pour vous transmettre le lien
              </td>
              <td>Rien n'est gardé après l'envoi&#x202F;; dans la boîte d'envoi, 24 heures au plus, et effacés avec votre compte</td>
            </tr>
            <tr>
              <th scope="row">
                Inscription en attente de confirmation&nbsp;: nom, adresse e-mail, profil, empreinte (argon2) du mot de passe choisi,
                empreinte du lien
              </th>
              <td>Créer le compte quand vous ouvrez le lien envoyé à votre adresse</td>
              <td>24 heures au plus&#x202F;; effacée dès la confirmation</td>
            </tr>
            <tr>
              <th scope="row">Compteurs de tentatives (adresse IP ou adresse e-mail et nombre de tentatives)</th>
              <td>Freiner les tentatives de deviner un mot de passe ou un code</td>
              <td>
                La durée de la fenêtre (15 minutes à 1 heure), puis effacés&#x202F;; ceux qui portent votre adresse e-mail, aussi avec votre
                compte
              </td>
            </tr>
            <tr>
              <th scope="row">Double authentification&nbsp;: la clé de votre application, et les empreintes de vos codes de secours</th>
              <td>Vérifier les codes à 6 chiffres et les codes de secours</td>
              <td>Jusqu'à sa désactivation ou la suppression du compte</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        Ce qui a expiré (compteurs, sessions, liens, connexions en attente du code, copies d'e-mails) est effacé dans les 10 minutes qui
        suivent, tant que le site reçoit des visites, et sinon à la visite suivante.
      </p>
      <p>
        Aucune publicité, aucun traceur&nbsp;: la plateforme ne charge rien depuis un autre site, et aucune donnée n'est vendue ni cédée. Le
        seul service extérieur possible est le serveur d'envoi d'e-mails choisi par l'exploitant de la plateforme, qui reçoit votre adresse
        et le message. Le seul cookie est celui de la session (et, pendant une connexion à double authentification, un cookie de 5 minutes).
      </p>

      <h2 id="preuves-de-formation">Preuves de formation&nbsp;: combien de temps, et pourquoi</h2>
      <p>
        Une formation financée (CPF, droit individuel à la formation des élus, plan de formation d'un employeur) peut être contrôlée&nbsp;:
        l'organisme de formation doit alors prouver qu'elle a eu lieu. Ces pièces sont conservées même après la suppression de votre compte,
        pour les durées que demandent les financeurs (les OPCO), puis effacées.
      </p>
      <div className="table-wrap" role="region" aria-label="Tableau&nbsp;: preuves de formation, durée et base légale" tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">Preuves de formation, durée de conservation et base légale</caption>
          <thead>
            <tr>
              <th scope="col">Pièce</th>
              <th scope="col">Combien de temps</th>
              <th scope="col">Base légale</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                Certificats et documents de formation&nbsp;: attestation de fin de formation, certificat de réalisation, relevé d'activité
              </th>
              <td>
                Tant que votre compte existe&#x202F;; après sa suppression, sans votre nom, {CERTIFICATE_RETENTION_YEARS}&nbsp;ans après la
                fin de la formation (chaque document suit le certificat avec lequel il a été délivré)
              </td>
              <td>
                Obligation légale&nbsp;: l'organisme remet une attestation à l'issue de la formation (Code du travail, art.
                L6353-1)&#x202F;; intérêt légitime&nbsp;: que ceux à qui vous les présentez puissent les vérifier, aussi longtemps que les
                financeurs conservent les certificats de réalisation
              </td>
            </tr>
            <tr>
              <th scope="row">
                Preuves de la formation&nbsp;: relevé du temps actif, leçons terminées, résultats des évaluations, dates des questions au
                tuteur et de leurs réponses
              </th>
              <td>
                Tant que votre compte existe&#x202F;; après sa suppression, pour une formation terminée, un résumé sans votre nom ni votre
                adresse (temps par jour, leçons terminées, résultats, dates des questions et des réponses, sans leur texte),{" "}
                {EVIDENCE_RETENTION_YEARS}&nbsp;ans après la fin de la formation
              </td>
              <td>
                Intérêt légitime&nbsp;: justifier la réalisation de la formation lors du contrôle d'un financeur ou de l'audit Qualiopi
                (pour une formation à distance, le Code du travail, art. D6313-3-1, demande les activités et leur durée estimée)
              </td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2>Ce que voit un formateur ou une formatrice</h2>
      <p>
        Seulement si vous rejoignez sa cohorte, et seulement pour le parcours de la cohorte&nbsp;: la liste exacte s'affiche avant que vous
        acceptiez. Les statistiques de groupe (réponses aux questions, choix dans les simulations) ne s'affichent qu'à partir de 5
        personnes. Vos réflexions ne lui sont jamais montrées, sauf celles que votre projet final reprend (voir plus haut).
      </p>

      <h2>Vos droits</h2>
      <ul>
        <li>
          <strong>Accès et portabilité</strong>&nbsp;: <a href="/compte/mes-donnees.json">téléchargez toutes vos données</a> (fichier JSON)
          depuis <Link to="/compte">Mon compte</Link>.
        </li>
        <li>
          <strong>Rectification</strong>&nbsp;: changez votre nom, votre adresse e-mail et votre mot de passe depuis{" "}
          <Link to="/compte">Mon compte</Link>.
        </li>
        <li>
          <strong>Effacement</strong>&nbsp;: <Link to="/compte/supprimer">supprimez votre compte</Link>. Tout est effacé à l'instant,
          sauf&nbsp;:
          <KeptAfterDeletion />
        </li>
        <li>
          <strong>Retrait d'une cohorte</strong>&nbsp;: quittez une cohorte à tout moment depuis <Link to="/compte">Mon compte</Link>.
        </li>
      </ul>
    </div>
  );
}
