/** What a visitor sees when something goes wrong: a French explanation and a way back. */
import { isRouteErrorResponse, Link } from "@remix-run/react";
import { errorText, errorTitle } from "~/errors/error-messages.ts";

export function GeneralErrorBoundary({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    // A thrown Response may carry a precise French message as its body; prefer it.
    const detail = typeof error.data === "string" && error.data.length < 300 ? error.data : null;
    return (
      <div className="page page--narrow">
        <h1>{errorTitle(error.status)}</h1>
        <p>{detail ?? errorText(error.status)}</p>
        <p>
          <Link to="/">Revenir à l'accueil</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{errorTitle(500)}</h1>
      <p>{errorText(500)}</p>
      <p>
        <Link to="/">Revenir à l'accueil</Link>
      </p>
    </div>
  );
}
