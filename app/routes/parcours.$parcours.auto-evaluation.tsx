import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadPlacementPage, submitPlacementPage } from "~/placement/placement-page.server.ts";
import { PlacementPage } from "~/placement/placement-page.tsx";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";

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
  const data = useLoaderData<typeof loader>();
  return (
    <PlacementPage
      data={data}
      action={useActionData<typeof action>()}
      breadcrumbs={
        <Breadcrumbs
          trail={[
            { to: "/parcours", label: "Parcours" },
            { to: `/parcours/${data.path.slug}`, label: data.path.title },
          ]}
          current="Auto-évaluation de fin de parcours"
        />
      }
    />
  );
}
