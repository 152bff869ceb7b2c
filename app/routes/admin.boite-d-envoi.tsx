import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDateTime } from "~/utils/format.ts";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server.ts";
import { mailer, readOutbox } from "~/utils/mailer.server.ts";

export const meta: MetaFunction = () => [{ title: "Boîte d'envoi — Apprendre à faire alliance" }, { name: "robots", content: "noindex" }];

/**
 * Administrators read here the e-mails the platform would have sent, when no SMTP server is
 * configured (they are kept as files in data/outbox/). With SMTP, there is nothing to show.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["ADMIN"]);
  return json(
    { mode: mailer.mode, messages: mailer.mode === "boite-d-envoi" ? readOutbox().slice(0, 50) : [] },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function OutboxPage() {
  const { mode, messages } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <h1>Boîte d'envoi</h1>
      {mode === "smtp" ? (
        <p>Les e-mails partent par le serveur SMTP configuré (SMTP_HOST)&nbsp;: ils ne sont pas conservés ici.</p>
      ) : (
        <>
          <p className="lede">
            Aucun serveur SMTP n'est configuré&nbsp;: les e-mails sont écrits dans le dossier de la boîte d'envoi (OUTBOX_DIR, data/outbox/
            par défaut). Les 50 plus récents&nbsp;:
          </p>
          {messages.length === 0 ? <p className="muted">Aucun e-mail pour l'instant.</p> : null}
          {messages.map((message) => (
            <article key={message.id} className="outbox-message">
              <h2>{message.subject}</h2>
              <p className="muted">
                À {message.to}, le {formatDateTime(message.sentAt)}
              </p>
              <pre>{message.text}</pre>
            </article>
          ))}
        </>
      )}
    </div>
  );
}
