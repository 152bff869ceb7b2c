import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { JoinCodeForm, MALFORMED_JOIN_CODE } from "~/cohorts/join-code-form.tsx";
import { formatJoinCode, normalizeJoinCode } from "~/cohorts/join-code.ts";

export const meta: MetaFunction = () => [{ title: "Rejoindre une cohorte — Apprendre à faire alliance" }];

/** A GET form (it works without JavaScript): a readable code goes to its consent page. */
export function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return json({ typed: "", error: null });
  const code = normalizeJoinCode(typed.slice(0, 100));
  if (code) return redirect(`/rejoindre/${formatJoinCode(code)}`);
  return json(
    { typed: typed.slice(0, 100), error: typed.trim() ? MALFORMED_JOIN_CODE : "Saisissez le code donné par votre formateur·rice." },
    { status: 400 },
  );
}

export default function JoinPage() {
  const { typed, error } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>Rejoindre une cohorte</h1>
      <p className="lede">
        Votre formateur·rice vous a donné un code&nbsp;: saisissez-le pour voir la cohorte et ce qu'elle implique avant de la rejoindre.
      </p>
      <JoinCodeForm typed={typed} error={error} />
    </div>
  );
}
