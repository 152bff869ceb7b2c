/**
 * The claims of an LTI 1.3 launch (IMS LTI 1.3 Core, §5) that the tool reads, checked with zod after
 * the id_token's signature: a token the platform signed may still lack what a launch needs. Pure.
 */
import { z } from "zod";

export const CLAIM = {
  messageType: "https://purl.imsglobal.org/spec/lti/claim/message_type",
  version: "https://purl.imsglobal.org/spec/lti/claim/version",
  deploymentId: "https://purl.imsglobal.org/spec/lti/claim/deployment_id",
  targetLinkUri: "https://purl.imsglobal.org/spec/lti/claim/target_link_uri",
  resourceLink: "https://purl.imsglobal.org/spec/lti/claim/resource_link",
  roles: "https://purl.imsglobal.org/spec/lti/claim/roles",
  context: "https://purl.imsglobal.org/spec/lti/claim/context",
  custom: "https://purl.imsglobal.org/spec/lti/claim/custom",
} as const;

/** The messages this tool accepts; deep linking comes with its own issue item. */
export const SUPPORTED_MESSAGES = ["LtiResourceLinkRequest"] as const;

export const LaunchClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string().min(1, "l'identifiant de la personne (sub) manque").max(255),
  aud: z.union([z.string(), z.array(z.string())]),
  azp: z.string().optional(),
  nonce: z.string(),
  name: z.string().max(200).optional(),
  given_name: z.string().max(100).optional(),
  family_name: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
  [CLAIM.messageType]: z.string(),
  [CLAIM.version]: z.literal("1.3.0", { error: "version LTI attendue\u00A0: 1.3.0" }),
  [CLAIM.deploymentId]: z.string().min(1).max(255),
  [CLAIM.targetLinkUri]: z.string().max(2000),
  [CLAIM.resourceLink]: z.object({ id: z.string().min(1).max(255), title: z.string().optional() }),
  [CLAIM.roles]: z.array(z.string()),
  [CLAIM.context]: z
    .object({ id: z.string().min(1).max(255), title: z.string().max(200).optional(), label: z.string().optional() })
    .optional(),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional(),
});
export type LaunchClaims = z.infer<typeof LaunchClaimsSchema>;

/**
 * Roles that teach: the context's Instructor (and its sub-roles, « …#Instructor#TeachingAssistant »)
 * or Administrator; an institution role alone does not make a teacher of this course.
 */
export function teaches(roles: readonly string[]): boolean {
  return roles.some((role) =>
    /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership(?:\/Instructor)?#(?:Instructor|Administrator|ContentDeveloper|TeachingAssistant)$/.test(
      role,
    ),
  );
}

/** The name to print on certificates, from the claims; null when the platform withheld it. */
export function nameFrom(claims: Pick<LaunchClaims, "name" | "given_name" | "family_name">): string | null {
  const name = claims.name?.trim() || [claims.given_name, claims.family_name].filter(Boolean).join(" ").trim();
  return name ? name.slice(0, 100) : null;
}

/**
 * The path a launch opens, from its target link: « <site>/parcours/<slug>[/<lesson>] ». Null for
 * another address (a scenario, the home page) or one outside this site.
 */
export function targetPath(targetLinkUri: string, siteUrl: string): { pathSlug: string; lessonSlug: string | null } | null {
  let target: URL;
  let site: URL;
  try {
    target = new URL(targetLinkUri);
    site = new URL(siteUrl);
  } catch {
    return null;
  }
  if (target.origin !== site.origin) return null;
  const match = /^\/parcours\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?\/?$/.exec(target.pathname);
  return match ? { pathSlug: match[1]!, lessonSlug: match[2] ?? null } : null;
}
