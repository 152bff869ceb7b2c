import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PATH_OVERVIEWS } from "~/courses/path-overview.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const path = PATH_OVERVIEWS.find((candidate) => candidate.slug === params.parcours);
  if (!path) throw new Response("Ce parcours n'existe pas.", { status: 404 });
  return json({ path });
}

export default function PathPage() {
  const { path } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <p>
        <Link to="/parcours">← Tous les parcours</Link>
      </p>
      <h1>
        {path.title} <span className="card__duration">{path.duration}</span>
      </h1>
      <p className="lede">{path.pitch}</p>
      <p className="notice">Les leçons de ce parcours sont en cours de publication.</p>
    </div>
  );
}
