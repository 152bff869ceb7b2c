/** The cookie that carries a sign-in waiting for its second factor (5 minutes, sign-in pages only). */
import { createCookie } from "@remix-run/node";
import { env } from "~/utils/env.server.ts";
import { CHALLENGE_LIFETIME_MS } from "./two-factor.server.ts";

export const challengeCookie = createCookie("aafa_2fa", {
  httpOnly: true,
  sameSite: "lax",
  path: "/connexion",
  maxAge: CHALLENGE_LIFETIME_MS / 1000,
  get secure() {
    return env().NODE_ENV === "production" && !env().PUBLIC_URL?.startsWith("http://");
  },
});
