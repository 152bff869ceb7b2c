import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root.tsx";

/** The signed-in user as the root loader sees it; null when anonymous or when the root failed. */
export function useOptionalUser() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.user ?? null;
}
