import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getCurrentUser } from "~/auth/session.server.ts";
import { takeCertificateNotice } from "~/certificates/certificate-notice.server.ts";
import { CertificateNoticeBanner } from "~/certificates/certificate-notice.tsx";
import { db } from "~/db/db.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { errorTitle } from "~/errors/error-messages.ts";
import { SiteFooter, SiteHeader } from "~/components/site-chrome.tsx";
import appStyles from "~/styles/app.css";
import { useNonce } from "~/utils/nonce.tsx";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [
  // An error page says what went wrong in its title too (the tab, a screen reader's first words).
  {
    title: error
      ? `${errorTitle(isRouteErrorResponse(error) ? error.status : 500)} — Apprendre à faire alliance`
      : "Apprendre à faire alliance — l'ODD 17 en pratique",
  },
  {
    name: "description",
    content:
      "Parcours de 1 h, 4 h ou 12 h pour apprendre à concevoir une démarche d'alliance entre associations, entreprises et pouvoirs publics.",
  },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  const { notices, clear } = user ? await takeCertificateNotice(db, request, user.id) : { notices: [], clear: null };
  if (clear) context.responseCookies.push(clear);
  return json({ user: user ? { name: user.name, role: user.role, profile: user.profile } : null, certificateNotices: notices });
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // Undefined when the root loader itself failed (the error page still has its header).
  const data = useRouteLoaderData<typeof loader>("root");
  // Lets end-to-end tests wait until React has taken over the page.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader user={data?.user ?? null} />
        <main id="contenu" tabIndex={-1}>
          <CertificateNoticeBanner notices={data?.certificateNotices ?? []} />
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <GeneralErrorBoundary error={error} />;
}
