import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root.tsx";

/** The signed-in user as the root loader sees it; null when anonymous or when the root failed. */
export function useOptionalUser() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.user ?? null;
}

/** Certificates issued by the learner's last step, to announce once (certificate-notice.server.ts). */
export function useCertificateNotices() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.certificateNotices ?? [];
}
