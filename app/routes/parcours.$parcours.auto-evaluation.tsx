import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadPlacementPage, submitPlacementPage } from "~/placement/placement-page.server.ts";
import { PlacementPage } from "~/placement/placement-page.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Auto-évaluation de fin de parcours — ${data?.path.title ?? "Parcours"} — Apprendre à faire alliance` },
];

export function loader({ request, context, params }: LoaderFunctionArgs) {
  return loadPlacementPage(request, context, params.parcours, "EXIT");
}

export function action({ request, context, params }: ActionFunctionArgs) {
  return submitPlacementPage(request, context, params.parcours, "EXIT");
}

export default function Route() {
  return <PlacementPage data={useLoaderData<typeof loader>()} action={useActionData<typeof action>()} />;
}
