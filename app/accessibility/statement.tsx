/**
 * The RGAA 4.1 accessibility statement (/accessibilite). Its « résultats des tests » are the checks
 * the end-to-end suite runs (./checks.ts), its « contenus non accessibles » the issues those checks
 * still find: both lists come from the module the tests import, so the page says what was checked.
 */
import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/format.ts";
import { ACCESSIBILITY_CHECKS, KNOWN_ISSUES, PAGE_TYPES, STATEMENT, WIDTHS } from "./checks.ts";

export function AccessibilityStatement({ contact, site }: { contact: string; site: string }) {
  const widths = [WIDTHS.reflow, WIDTHS.phone, WIDTHS.desktop].map((width) => `${width}\u00a0px`);
  return (
    <div className="page page--reading accessibility-statement">
      <h1>Déclaration d'accessibilité</h1>
      <p className="lede">
        La plateforme «&#x202F;Apprendre à faire alliance&#x202F;» veut pouvoir être suivie par tout le monde, au clavier, avec un lecteur
        d'écran, sur un petit téléphone ou sans JavaScript. Cette page dit où elle en est, comment cela a été vérifié, et à qui écrire quand
        quelque chose vous bloque.
      </p>
      <p>
        Cette déclaration s'applique au site <a href={site}>{site}</a>, au titre de l'article 47 de la loi n<sup>o</sup>&nbsp;2005-102 du
        11&nbsp;février 2005, selon le référentiel général d'amélioration de l'accessibilité (RGAA), version&nbsp;4.1.
      </p>

      <h2>État de conformité</h2>
      <p>
        Le site est <strong>{STATEMENT.conformity}</strong> au RGAA&nbsp;4.1.
      </p>
      <p>
        Aucun audit complet du RGAA n'a été réalisé&nbsp;: il n'y a donc pas de taux de conformité à publier. Ce qui suit est un contrôle
        interne, fait par l'équipe qui développe la plateforme&nbsp;: des vérifications automatiques rejouées à chaque version, décrites
        ci-dessous. Elles couvrent une partie des critères du RGAA seulement&#x202F;; elles ne remplacent ni un audit, ni des tests avec des
        personnes qui utilisent des technologies d'assistance.
      </p>

      <h2>Résultats des tests</h2>
      <p>
        Chaque version de la plateforme passe les contrôles suivants, dans un navigateur piloté automatiquement, sur chaque type de page
        (connecté·e ou non, comme apprenant·e et comme formateur·rice). Les défauts que ces contrôles trouvent encore sont listés plus bas,
        dans les contenus non accessibles.
      </p>
      <ul className="statement-checks">
        {ACCESSIBILITY_CHECKS.map((check) => (
          <li key={check.id} id={`controle-${check.id}`}>
            <h3>{check.title}</h3>
            <p>{check.description}</p>
            <dl className="statement-facts">
              <div>
                <dt>Critères concernés (en partie)</dt>
                <dd>{check.criteria}</dd>
              </div>
              <div>
                <dt>Largeurs d'écran</dt>
                <dd>{check.widths.map((width) => `${width}\u00a0px`).join(", ")}</dd>
              </div>
              <div>
                <dt>Pages contrôlées</dt>
                <dd>
                  {check.pageTypes.length === Object.keys(PAGE_TYPES).length
                    ? "tous les types de pages"
                    : check.pageTypes.map((type) => PAGE_TYPES[type]).join("\u202F; ")}
                  {check.content ? `\u202F; dans le contenu réel des parcours\u00A0: ${check.content}` : ""}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <p>
        Ce que ces contrôles ne vérifient pas, entre autres&nbsp;: la pertinence des alternatives textuelles et des intitulés, la
        restitution par les lecteurs d'écran, la compréhension des contenus, les documents PDF.
      </p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités</h3>
      <ul>
        {KNOWN_ISSUES.map((issue) => (
          <li key={issue.description}>{issue.description}</li>
        ))}
        <li>
          Les certificats et les exports du projet final en PDF ne sont pas des PDF balisés&nbsp;: un lecteur d'écran les lit mal. Les mêmes
          informations sont sur la page du certificat, sur la page de vérification et dans le projet en ligne, en HTML.
        </li>
      </ul>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>Aucun.</p>

      <h2>Établissement de cette déclaration</h2>
      <p>
        Cette déclaration a été établie le <time dateTime={STATEMENT.date}>{formatDate(STATEMENT.date)}</time>.
      </p>
      <h3>Technologies utilisées pour la réalisation du site</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>WAI-ARIA</li>
        <li>SVG</li>
        <li>
          JavaScript (React)&nbsp;: les pages, les quiz, les simulations et les formulaires fonctionnent aussi sans, par de simples
          formulaires
        </li>
      </ul>
      <h3>Environnement de test</h3>
      <ul>
        <li>
          {STATEMENT.browser.name} {STATEMENT.browser.major} (ou une version ultérieure, selon les mises à jour du système) sous{" "}
          {STATEMENT.browser.system}, piloté par Playwright {STATEMENT.tools.Playwright}
        </li>
        <li>Largeurs d'écran&nbsp;: {widths.join(", ")}</li>
        <li>Navigation au clavier seul (touche Tabulation)</li>
        <li>JavaScript activé, puis désactivé</li>
      </ul>
      <h3>Outils pour évaluer l'accessibilité</h3>
      <ul>
        <li>axe-core {STATEMENT.tools["axe-core"]}</li>
        <li>
          Contrôles propres à la plateforme (largeur des pages, parcours au clavier, focus visible, alternatives textuelles, titres),
          décrits plus haut
        </li>
      </ul>
      <h3>Pages du site ayant fait l'objet de la vérification</h3>
      <ul>
        {Object.entries(PAGE_TYPES).map(([type, label]) => (
          <li key={type}>{label}</li>
        ))}
      </ul>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service de la plateforme, écrivez-nous&nbsp;: nous vous indiquerons une autre
        façon d'y accéder, ou vous enverrons le contenu sous une autre forme.
      </p>
      <p>
        Adresse&nbsp;: <a href={`mailto:${contact}`}>{contact}</a>
      </p>
      <p>
        Dites-nous, si vous le pouvez, la page concernée, ce que vous cherchiez à faire, et le navigateur ou l'aide technique que vous
        utilisez.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service, et que notre réponse ne
        vous satisfait pas, vous pouvez vous adresser au Défenseur des droits&nbsp;:
      </p>
      <ul>
        <li>
          par le <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> du Défenseur des droits&#x202F;;
        </li>
        <li>
          auprès du <a href="https://www.defenseurdesdroits.fr/saisir/delegues">délégué ou de la déléguée du Défenseur des droits</a> de
          votre région&#x202F;;
        </li>
        <li>
          par courrier, gratuit et sans timbre&nbsp;:
          <address>
            Défenseur des droits
            <br />
            Libre réponse 71120
            <br />
            75342 Paris CEDEX 07
          </address>
        </li>
      </ul>
      <p>
        Voir aussi&nbsp;: <Link to="/confidentialite">confidentialité et données personnelles</Link>.
      </p>
    </div>
  );
}
