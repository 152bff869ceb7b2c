/** The Lucia instance: session cookies and session validation. Only app/auth/ imports lucia. */
import { Lucia, TimeSpan } from "lucia";
import type { Db } from "~/db/create-db.server.ts";
import { PrismaLuciaAdapter } from "./lucia-adapter.server.ts";

export const SESSION_COOKIE_NAME = "aafa_session";
/** A session unused this long expires (the privacy page says so). */
export const SESSION_LIFETIME_DAYS = 30;

export function createLucia(db: Db, options: { secureCookies: boolean }) {
  return new Lucia(new PrismaLuciaAdapter(db), {
    // Lucia extends a session that is used during the second half of its life.
    sessionExpiresIn: new TimeSpan(SESSION_LIFETIME_DAYS, "d"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      expires: true,
      // Lucia always sets HttpOnly and Path=/. Lax keeps the cookie on links from other sites
      // (a join link in an e-mail) but not on their POSTs.
      attributes: { secure: options.secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      profile: attributes.profile,
      role: attributes.role,
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: { email: string; name: string; profile: string; role: string };
  }
}
