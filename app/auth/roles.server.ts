import type { Db } from "~/db/create-db.server.ts";
import type { Role } from "./profiles.ts";

/** Sets the role of the account with this e-mail; null when there is none. */
export async function setUserRole(db: Db, email: string, role: Role) {
  const normalized = email.trim().toLowerCase();
  const found = await db.user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (!found) return null;
  return db.user.update({ where: { id: found.id }, data: { role }, select: { email: true, role: true } });
}
