/**
 * Platforms registered with the tool, and their deployments (manual registration: the values an LMS
 * administrator reads on their platform's tool configuration page).
 */
import { z } from "zod";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";

const url = (label: string) =>
  z
    .string({ error: `${label}\u00A0: adresse requise` })
    .trim()
    .url(`${label}\u00A0: une adresse https://… est attendue`)
    .max(500, `${label}\u00A0: 500\u00A0caractères au plus`)
    .refine((value) => /^https:\/\//.test(value) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(value), {
      message: `${label}\u00A0: https obligatoire (http seulement sur cette machine, pour des essais)`,
    });

export const RegistrationSchema = z.object({
  name: z.string().trim().min(2, "Nom\u00A0: au moins 2 caractères").max(120),
  issuer: z.string().trim().min(1, "Issuer\u00A0: requis").max(500),
  clientId: z.string().trim().min(1, "Client id\u00A0: requis").max(255),
  deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1, "au moins un identifiant de déploiement"),
  authLoginUrl: url("Adresse d'authentification"),
  authTokenUrl: url("Adresse des jetons"),
  jwksUrl: url("Adresse des clés (JWKS)"),
});
export type Registration = z.infer<typeof RegistrationSchema>;

/**
 * Registers a platform, or updates it (same issuer and client id), and adds its deployments. Safe
 * when the same registration arrives twice at once (a double click, two admins): an upsert that
 * loses the race to insert finds the winner's row.
 */
export async function registerPlatform(db: Db, input: Registration): Promise<{ id: string }> {
  const { deploymentIds, ...platform } = input;
  const where = { issuer_clientId: { issuer: platform.issuer, clientId: platform.clientId } };
  let saved: { id: string };
  try {
    saved = await db.ltiPlatform.upsert({ where, create: platform, update: platform, select: { id: true } });
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    saved = await db.ltiPlatform.update({ where, data: platform, select: { id: true } });
  }
  for (const deploymentId of new Set(deploymentIds)) {
    try {
      await db.ltiDeployment.upsert({
        where: { platformId_deploymentId: { platformId: saved.id, deploymentId } },
        create: { platformId: saved.id, deploymentId },
        update: {},
      });
    } catch (error) {
      // The concurrent registration created it: it exists, which is all this asks.
      if (!isUniqueConstraintError(error)) throw error;
    }
  }
  return saved;
}

/** Every registration with its deployments and their last launches, for admins. */
export function listRegistrations(db: Db) {
  return db.ltiPlatform.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      issuer: true,
      clientId: true,
      authLoginUrl: true,
      authTokenUrl: true,
      jwksUrl: true,
      deployments: { select: { deploymentId: true, lastLaunchAt: true, launchCount: true }, orderBy: { deploymentId: "asc" } },
    },
  });
}
