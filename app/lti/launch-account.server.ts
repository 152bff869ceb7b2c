/**
 * Who a verified launch is, here: the account of (platform, `sub`), created at the first launch
 * without a password; and, for a launch into a path from a course (LTI context), the cohort made for
 * that course and path — its first teacher becomes its trainer, learners join it through the same
 * consent screen as a join code. A launch never opens another platform's or another course's data:
 * accounts are found by (platform, sub) only, cohorts by (platform, context, path) only.
 */
import { createHash } from "node:crypto";
import { findPathBySlug, type Catalog } from "~/courses/catalog.ts";
import { createCohort } from "~/cohorts/cohorts.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { CLAIM, nameFrom, targetPath, teaches } from "./lti-claims.ts";
import type { VerifiedLaunch } from "./launch.server.ts";

/**
 * The address of an account made by a launch: RFC 2606's reserved « .invalid » domain, which no mail
 * reaches (the mailer skips it). Never the e-mail the platform sends: a platform must not be able to
 * take, or block, the address of someone who signed up here (README, « Identité »).
 */
export function launchEmail(platformId: string, subject: string): string {
  return `lti-${createHash("sha256").update(`${platformId}\n${subject}`).digest("hex").slice(0, 32)}@lti.invalid`;
}

async function findOrCreateAccount(db: Db, launch: VerifiedLaunch): Promise<{ id: string; name: string; role: string }> {
  const where = { platformId_subject: { platformId: launch.platform.id, subject: launch.claims.sub } };
  const select = { user: { select: { id: true, name: true, role: true } } } as const;
  const known = await db.ltiIdentity.findUnique({ where, select });
  if (known) return known.user;
  const teacher = teaches(launch.claims[CLAIM.roles]);
  try {
    // One statement: never an identity without its account, nor an account without its identity.
    return await db.user.create({
      data: {
        email: launchEmail(launch.platform.id, launch.claims.sub),
        name: nameFrom(launch.claims) ?? "",
        profile: teacher ? "TRAINER" : "STUDENT",
        role: teacher ? "TRAINER" : "LEARNER",
        ltiIdentity: { create: { platformId: launch.platform.id, subject: launch.claims.sub } },
      },
      select: { id: true, name: true, role: true },
    });
  } catch (error) {
    // Two first launches at once (two tabs): the other one created the account.
    if (!isUniqueConstraintError(error)) throw error;
    return (await db.ltiIdentity.findUniqueOrThrow({ where, select })).user;
  }
}

/** The cohort for (platform, course, path): made by the first teacher who launches it there. */
async function contextCohort(db: Db, launch: VerifiedLaunch, pathId: string, teacherId: string | null) {
  const context = launch.claims[CLAIM.context];
  if (!context) return null;
  const where = { platformId_contextId_pathId: { platformId: launch.platform.id, contextId: context.id, pathId } };
  const select = { cohort: { select: { id: true, joinCode: true, trainerId: true } } } as const;
  const existing = await db.ltiContext.findUnique({ where, select });
  if (existing || !teacherId) return existing?.cohort ?? null;
  const name = (context.title || context.label || "Cours LTI").slice(0, 120);
  const cohort = await createCohort(db, teacherId, { name, pathId });
  try {
    await db.ltiContext.create({
      data: { platformId: launch.platform.id, contextId: context.id, pathId, title: name, cohortId: cohort.id },
    });
    return { ...cohort, trainerId: teacherId };
  } catch (error) {
    // Two teachers launched at once: one cohort for the course; the other one is removed.
    if (!isUniqueConstraintError(error)) throw error;
    await db.cohort.delete({ where: { id: cohort.id } });
    return (await db.ltiContext.findUniqueOrThrow({ where, select })).cohort;
  }
}

export interface LaunchLanding {
  userId: string;
  /** Where the browser goes next (a path of this site, never an outside address). */
  next: string;
  /** The account still needs a name (certificates print it): ask it once, then go on. */
  needsName: boolean;
}

export async function landLaunch(db: Db, launch: VerifiedLaunch, catalog: Catalog, siteUrl: string): Promise<LaunchLanding> {
  const account = await findOrCreateAccount(db, launch);
  const teacher = teaches(launch.claims[CLAIM.roles]);
  // A teacher of the course gets the trainer's tools (an administrator stays one).
  if (teacher && account.role === "LEARNER") await db.user.update({ where: { id: account.id }, data: { role: "TRAINER" } });
  const name = nameFrom(launch.claims);
  if (!account.name && name) await db.user.update({ where: { id: account.id }, data: { name } });

  const target = targetPath(launch.claims[CLAIM.targetLinkUri], siteUrl);
  const path = target ? findPathBySlug(catalog, target.pathSlug) : undefined;
  let next = path ? `/parcours/${path.slug}${target?.lessonSlug ? `/${target.lessonSlug}` : ""}` : "/tableau-de-bord";
  if (path && !path.draft) {
    const cohort = await contextCohort(db, launch, path.id, teacher ? account.id : null);
    if (cohort && teacher && cohort.trainerId === account.id) next = `/formateur/cohortes/${cohort.id}`;
    else if (cohort && !teacher) {
      const member = await db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId: cohort.id, userId: account.id } } });
      // The consent screen of join codes, once: joining shares the learner's progress with the trainer.
      if (!member) next = `/rejoindre/${cohort.joinCode}`;
    }
  }
  return { userId: account.id, next, needsName: !account.name && !name };
}
