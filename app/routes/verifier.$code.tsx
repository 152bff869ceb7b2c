import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { VERIFY_RATE_LIMIT, verifyCode } from "~/certificates/verification.server.ts";
import { formatCode, normalizeCode } from "~/utils/verification-code.ts";
import {
  MALFORMED_MESSAGE,
  OfflineVerificationHelp,
  VerificationForm,
  VerificationOutcome,
  type VerificationResult,
} from "~/certificates/verification-view.tsx";
import { db } from "~/db/db.server.ts";
import { hitRateLimit } from "~/db/rate-limit.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { verifyDocumentCode } from "~/attestations/document-verification.server.ts";
import { DocumentVerificationOutcome, type DocumentVerificationResult } from "~/attestations/document-verification-view.tsx";

export const meta: MetaFunction = () => [
  { title: "Vérification d'un certificat — Apprendre à faire alliance" },
  // A verification page names a person: search engines have no business indexing it.
  { name: "robots", content: "noindex" },
];

// The page's HTTP headers are the loader's (no-store, and Retry-After when limited).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const typed = (params.code ?? "").slice(0, 200);
  const limited = await hitRateLimit(db, `verifier:ip:${context.clientIp}`, VERIFY_RATE_LIMIT);
  if (!limited.allowed) {
    const result: VerificationResult = { status: "limite", minutes: Math.ceil(limited.retryAfterSeconds / 60) };
    return json({ result }, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds), "Cache-Control": "no-store" } });
  }

  const code = normalizeCode(typed);
  // One address per certificate: a code typed in another way lands on the printed form.
  if (code && typed !== formatCode(code)) return redirect(`/verifier/${formatCode(code)}`, { status: 301 });
  const verification = await verifyCode(db, typed);
  const headers = { "Cache-Control": "no-store" };
  let result: VerificationResult;
  switch (verification.status) {
    case "malforme":
      return json({ result: { status: "malforme", typed } as VerificationResult }, { status: 400, headers });
    case "inconnu": {
      // Not a certificate: perhaps one of the documents of a completed training.
      const found = await verifyDocumentCode(db, typed);
      if (!found) return json({ result: verification as VerificationResult }, { status: 404, headers });
      const document: DocumentVerificationResult = {
        ...found,
        periodStart: found.periodStart.toISOString(),
        periodEnd: found.periodEnd.toISOString(),
        issuedAt: found.issuedAt.toISOString(),
        revokedAt: found.revokedAt?.toISOString() ?? null,
      };
      return json({ result: verification as VerificationResult, document }, { headers });
    }
    default:
      result = {
        ...verification,
        firstActivityAt: verification.firstActivityAt.toISOString(),
        completedAt: verification.completedAt.toISOString(),
        issuedAt: verification.issuedAt.toISOString(),
        revokedAt: verification.revokedAt?.toISOString() ?? null,
      };
      return json({ result }, { headers });
  }
}

export default function VerificationPage() {
  const data = useLoaderData<typeof loader>();
  const { result } = data;
  // Only a document's code comes with `document` (the loader's other replies have no such key).
  const document = ("document" in data ? data.document : null) as DocumentVerificationResult | null;
  return (
    <div className="page page--reading">
      <Breadcrumbs trail={[{ to: "/verifier", label: "Vérifier un certificat" }]} current="Résultat" />
      <h1>{document ? "Vérification d'un document de formation" : "Vérification d'un certificat"}</h1>
      {document ? <DocumentVerificationOutcome result={document} /> : <VerificationOutcome result={result} />}
      <h2>Vérifier un autre code</h2>
      <VerificationForm
        typed={result.status === "malforme" ? result.typed : ""}
        error={result.status === "malforme" ? MALFORMED_MESSAGE : null}
      />
      <OfflineVerificationHelp />
    </div>
  );
}
