import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatCode, normalizeCode } from "~/utils/verification-code.ts";
import { MALFORMED_MESSAGE, OfflineVerificationHelp, VerificationForm } from "~/certificates/verification-view.tsx";

export const meta: MetaFunction = () => [{ title: "Vérifier un certificat — Apprendre à faire alliance" }];

/** The form sends `?code=` (a GET form: it works without JavaScript); a readable code goes to its page. */
export function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return json({ typed: "", error: null });
  const code = normalizeCode(typed.slice(0, 200));
  if (code) return redirect(`/verifier/${formatCode(code)}`);
  return json({ typed: typed.slice(0, 200), error: MALFORMED_MESSAGE }, { status: 400 });
}

export default function VerifyPage() {
  const { typed, error } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <h1>Vérifier un certificat</h1>
      <p className="lede">
        Un employeur, un établissement ou un service de formation peut vérifier ici, sans compte, qu'un certificat de la plateforme est
        authentique et n'a pas été révoqué.
      </p>
      <VerificationForm typed={typed} error={error} />
      <OfflineVerificationHelp />
    </div>
  );
}
