import { db } from "~/db/db.server.ts";

/** 200 when the database answers, 503 otherwise. Used by load balancers and by the e2e runner. */
export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("base de données injoignable", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
