/** The « type your cohort's code » form, on /rejoindre and the learner's dashboard. A GET form. */
import { Form } from "@remix-run/react";

export const MALFORMED_JOIN_CODE = "Ce code n'a pas le bon format\u00A0: il compte 8 lettres et chiffres, par exemple K7QM-3XRT.";

export function JoinCodeForm({ typed = "", error = null }: { typed?: string; error?: string | null }) {
  return (
    <Form method="get" action="/rejoindre" className="form form--inline">
      <div className="field">
        <label htmlFor="code-cohorte">Code de la cohorte</label>
        <p id="code-cohorte-aide" className="field__hint">
          8 lettres et chiffres, donnés par votre formateur·rice (par exemple K7QM-3XRT).
        </p>
        <input
          id="code-cohorte"
          name="code"
          defaultValue={typed}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={error ? "code-cohorte-aide code-cohorte-erreur" : "code-cohorte-aide"}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <ul id="code-cohorte-erreur" className="error-list">
            <li>{error}</li>
          </ul>
        ) : null}
      </div>
      <div>
        <button type="submit" className="button">
          Continuer
        </button>
      </div>
    </Form>
  );
}
