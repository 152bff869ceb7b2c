import type { MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Vérifiez votre boîte de réception — Apprendre à faire alliance" }];

/**
 * Where every sign-up request lands, whether or not the address already has an account: the page
 * says nothing about the address (see app/auth/sign-up.server.ts).
 */
export default function CheckInboxPage() {
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");
  const again = redirectTo ? `/inscription?${new URLSearchParams({ redirectTo })}` : "/inscription";
  return (
    <div className="page page--narrow">
      <h1>Vérifiez votre boîte de réception</h1>
      <p className="lede">
        Nous venons d'envoyer un e-mail à l'adresse indiquée. Ouvrez le lien qu'il contient pour créer votre compte&nbsp;: il est valable 24
        heures et ne sert qu'une fois. Le mot de passe que vous venez de choisir vous sera demandé.
      </p>
      <p>
        Si cette adresse a déjà un compte, l'e-mail vous le dit, avec un lien pour vous connecter ou pour choisir un nouveau mot de passe.
      </p>
      <h2>Rien reçu&#x202F;?</h2>
      <ul>
        <li>Attendez quelques minutes, puis regardez dans le dossier des courriers indésirables (spam).</li>
        <li>
          Vérifiez l'adresse&nbsp;: <Link to={again}>refaites la demande</Link> avec le même formulaire. Un nouveau lien remplace le
          précédent.
        </li>
      </ul>
    </div>
  );
}
