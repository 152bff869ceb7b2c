import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccessibilityStatement } from "~/accessibility/statement.tsx";
import { env } from "~/utils/env.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";

export const meta: MetaFunction = () => [{ title: "Déclaration d'accessibilité — Apprendre à faire alliance" }];

/** The address people write to (CONTACT_EMAIL) and the site the statement is about (PUBLIC_URL). */
export async function loader() {
  return json({ contact: env().CONTACT_EMAIL, site: publicUrl() }, { headers: { "Cache-Control": "public, max-age=300" } });
}

export default function AccessibilityStatementPage() {
  const { contact, site } = useLoaderData<typeof loader>();
  return <AccessibilityStatement contact={contact} site={site} />;
}
