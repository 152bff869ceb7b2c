/**
 * Step 2 of an LTI 1.3 launch: the platform posts an id_token (a JWT it signed) with the `state` the
 * tool gave it. The launch is accepted only if all of this holds (IMS Security Framework §5.1.3,
 * LTI 1.3 Core §5.1):
 * - the state was issued by /lti/login, is unexpired, was never used, and belongs to this browser
 *   (its cookie); it is consumed whatever follows, so a token is never accepted twice;
 * - the token is signed (RS256 only: never `alg: none`) by a key of the platform's JWKS, fetched
 *   and cached, a new `kid` fetching the set again (key rotation);
 * - `iss` and `aud` are the platform's issuer and the tool's client id (`azp` too when present or
 *   when `aud` lists several), `exp` and `iat` hold within 30 s of skew, and `nonce` is the state's;
 * - the deployment is registered, the message is one the tool handles, the version 1.3.0.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { Db } from "~/db/create-db.server.ts";
import { CLAIM, LaunchClaimsSchema, SUPPORTED_MESSAGES, type LaunchClaims } from "./lti-claims.ts";
import { LtiError } from "./lti-error.ts";
import { sha256 } from "./oidc-login.server.ts";

export const CLOCK_SKEW_SECONDS = 30;

const EXPIRED = "Cette connexion a expiré ou a déjà servi\u00A0: relancez l'activité depuis votre plateforme.";

/** Consumes the login state: the platform it was for and the nonce the token must carry. */
export async function consumeState(db: Db, state: string, browser: string | null, now = new Date()) {
  if (!state || state.length > 100) throw new LtiError(EXPIRED);
  const row = await db.ltiLoginState.findUnique({ where: { state } });
  if (!row || row.expiresAt <= now) throw new LtiError(EXPIRED);
  if (!browser || sha256(browser) !== row.browserHash) {
    throw new LtiError(
      "Cette connexion a commencé dans un autre navigateur (ou votre navigateur bloque les cookies de l'outil)\u00A0: relancez l'activité depuis votre plateforme, ou ouvrez-la dans un nouvel onglet.",
      403,
    );
  }
  // Deleting decides between two posts of the same state: only one finds the row.
  const { count } = await db.ltiLoginState.deleteMany({ where: { state } });
  if (count !== 1) throw new LtiError(EXPIRED);
  return { platformId: row.platformId, nonce: row.nonce };
}

const keySets = new Map<string, JWTVerifyGetKey>();

/** The platform's JWKS, fetched on first use and cached; an unknown `kid` fetches it again (at most every 30 s). */
export function platformKeys(jwksUrl: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUrl), {
      cacheMaxAge: 10 * 60 * 1000,
      cooldownDuration: 30 * 1000,
      timeoutDuration: 5000,
      headers: { "User-Agent": "Apprendre-a-faire-alliance-LTI/1.0" },
    });
    keySets.set(jwksUrl, keys);
  }
  return keys;
}

function refusal(error: unknown): LtiError {
  if (error instanceof LtiError) return error;
  if (error instanceof joseErrors.JWTExpired) return new LtiError("Le jeton de lancement a expiré\u00A0: relancez l'activité.", 401);
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return new LtiError(`Le jeton de lancement ne s'adresse pas à cet outil (${error.claim}).`, 401);
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWSSignatureVerificationFailed)
    return new LtiError("La signature du jeton de lancement n'est pas celle de la plateforme.", 401);
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported)
    return new LtiError("Le jeton de lancement n'est pas signé comme LTI 1.3 l'exige (RS256).", 401);
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid)
    return new LtiError("Les clés publiques de la plateforme n'ont pas pu être lues\u00A0: réessayez dans un instant.", 502);
  if (error instanceof joseErrors.JOSEError) return new LtiError("Le jeton de lancement n'est pas valide.", 401);
  throw error;
}

export interface VerifiedLaunch {
  platform: { id: string; name: string; issuer: string; clientId: string };
  deploymentId: string;
  claims: LaunchClaims;
}

/** Checks the id_token of a consumed state; throws an LtiError with the French reason otherwise. */
export async function verifyLaunch(
  db: Db,
  idToken: string,
  consumed: { platformId: string; nonce: string },
  options: { now?: Date; keys?: (jwksUrl: string) => JWTVerifyGetKey } = {},
): Promise<VerifiedLaunch> {
  const platform = await db.ltiPlatform.findUnique({
    where: { id: consumed.platformId },
    select: { id: true, name: true, issuer: true, clientId: true, jwksUrl: true },
  });
  if (!platform) throw new LtiError("Cette plateforme n'est plus enregistrée auprès de l'outil.", 404);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(idToken, (options.keys ?? platformKeys)(platform.jwksUrl), {
      algorithms: ["RS256"],
      issuer: platform.issuer,
      audience: platform.clientId,
      clockTolerance: CLOCK_SKEW_SECONDS,
      maxTokenAge: "1h",
      requiredClaims: ["exp", "iat", "nonce", "sub"],
      currentDate: options.now,
    }));
  } catch (error) {
    throw refusal(error);
  }
  const parsed = LaunchClaimsSchema.safeParse(payload);
  if (!parsed.success)
    throw new LtiError(`Ce lancement est incomplet\u00A0: ${parsed.error.issues[0]?.message ?? "revendication manquante"}.`);
  const claims = parsed.data;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if ((claims.azp !== undefined || audiences.length > 1) && claims.azp !== platform.clientId)
    throw new LtiError("Le jeton de lancement ne s'adresse pas à cet outil (azp).", 401);
  if (claims.nonce !== consumed.nonce) throw new LtiError(EXPIRED, 401);
  const messageType = claims[CLAIM.messageType];
  if (!(SUPPORTED_MESSAGES as readonly string[]).includes(messageType))
    throw new LtiError(`Ce type de lancement n'est pas pris en charge\u00A0: ${messageType.slice(0, 60)}.`);
  const deploymentId = claims[CLAIM.deploymentId];
  const { count } = await db.ltiDeployment.updateMany({
    where: { platformId: platform.id, deploymentId },
    data: { lastLaunchAt: options.now ?? new Date(), launchCount: { increment: 1 } },
  });
  if (count !== 1)
    throw new LtiError("Ce déploiement de l'outil n'est pas enregistré\u00A0: l'administrateur·rice de la plateforme doit l'ajouter.", 403);
  const { jwksUrl: _jwksUrl, ...publicPlatform } = platform;
  return { platform: publicPlatform, deploymentId, claims };
}
