/**
 * Pruning on both databases: what has expired goes, what is still alive stays, and the outbox
 * forgets e-mails once no link in them can work.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createSignInChallenge, CHALLENGE_MAX_ATTEMPTS } from "~/auth/two-factor.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { OUTBOX_RETENTION_MS, pruneExpired } from "~/auth/prune-expired.server.ts";
import { createMailer, readOutbox } from "~/utils/mailer.server.ts";
import { hitRateLimit } from "~/db/rate-limit.server.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const MINUTE = 60_000;
const outboxDir = mkdtempSync(path.join(tmpdir(), "aafa-prune-outbox-"));
afterAll(() => rmSync(outboxDir, { recursive: true, force: true }));

const user = (db: Db) => createLearner(db, { name: "Camille Ménage", profile: "OTHER", emailPrefix: "menage" });

describeEachDatabase("pruning expired data", (get) => {
  test("expired counters, sessions, links and pending sign-ins are deleted; live ones and everything else are kept", async () => {
    const { db } = get();
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const later = (ms: number) => new Date(now.getTime() + ms);
    const tag = `${Date.now()}`;
    // Counters: a 15-minute window opened 16 minutes ago is over; one opened 14 minutes ago is not.
    await hitRateLimit(db, `verifier:ip:fini-${tag}`, { limit: 30, windowMs: 15 * MINUTE }, ago(16 * MINUTE));
    await hitRateLimit(db, `verifier:ip:ouvert-${tag}`, { limit: 30, windowMs: 15 * MINUTE }, ago(14 * MINUTE));
    await hitRateLimit(db, `connexion:echecs:ouvert-${tag}`, { limit: 50, windowMs: 60 * MINUTE }, ago(59 * MINUTE));
    const userId = await user(db);
    await db.session.createMany({
      data: [
        { id: `expiree-${tag}`, userId, expiresAt: ago(1000) },
        { id: `valide-${tag}`, userId, expiresAt: later(MINUTE) },
      ],
    });
    const token = (name: string, expiresAt: Date, usedAt: Date | null = null) => ({
      userId,
      tokenHash: `${name}-${tag}`,
      expiresAt,
      usedAt,
    });
    await db.passwordResetToken.createMany({
      data: [token("reset-expire", ago(1000)), token("reset-utilise", later(MINUTE), ago(1000)), token("reset-valide", later(MINUTE))],
    });
    await db.emailChangeToken.createMany({
      data: [
        { ...token("email-expire", ago(1000)), newEmail: "a@exemple.fr" },
        { ...token("email-utilise", later(MINUTE), ago(1000)), newEmail: "b@exemple.fr" },
        { ...token("email-valide", later(MINUTE)), newEmail: "c@exemple.fr" },
      ],
    });
    await createSignInChallenge(db, userId, "/", ago(6 * MINUTE)); // 5 minutes: expired
    const other = await user(db);
    await createSignInChallenge(db, other, "/");
    const third = await user(db);
    await createSignInChallenge(db, third, "/");
    await db.signInChallenge.updateMany({ where: { userId: third }, data: { attempts: CHALLENGE_MAX_ATTEMPTS } });

    // LTI logins: one abandoned 11 minutes ago (expired), one under way.
    await db.ltiLoginState.createMany({
      data: [
        { state: `lti-expire-${tag}`, nonce: `n1-${tag}`, platformId: "p", browserHash: "h", expiresAt: ago(MINUTE) },
        { state: `lti-en-cours-${tag}`, nonce: `n2-${tag}`, platformId: "p", browserHash: "h", expiresAt: later(9 * MINUTE) },
      ],
    });

    const report = await pruneExpired(db, now);
    expect(report).toMatchObject({ sessions: 1, passwordResetTokens: 2, emailChangeTokens: 2, signInChallenges: 2, ltiLoginStates: 1 });
    expect((await db.ltiLoginState.findMany({ where: { state: { contains: tag } } })).map((row) => row.state)).toEqual([
      `lti-en-cours-${tag}`,
    ]);
    expect(report.rateLimits).toBeGreaterThanOrEqual(1);

    expect((await db.rateLimit.findMany({ where: { key: { contains: tag } }, select: { key: true } })).map((r) => r.key).sort()).toEqual([
      `connexion:echecs:ouvert-${tag}`,
      `verifier:ip:ouvert-${tag}`,
    ]);
    expect((await db.session.findMany({ where: { userId } })).map((s) => s.id)).toEqual([`valide-${tag}`]);
    expect((await db.passwordResetToken.findMany({ where: { userId } })).map((t) => t.tokenHash)).toEqual([`reset-valide-${tag}`]);
    expect((await db.emailChangeToken.findMany({ where: { userId } })).map((t) => t.tokenHash)).toEqual([`email-valide-${tag}`]);
    expect((await db.signInChallenge.findMany({ where: { userId: { in: [userId, other, third] } } })).map((c) => c.userId)).toEqual([
      other,
    ]);
    expect(await db.user.count({ where: { id: { in: [userId, other, third] } } })).toBe(3);
    // The outbox is asked to forget what is older than the longest link's life (24 hours).
    const asked: Date[] = [];
    await pruneExpired(db, now, { mailer: { pruneSentBefore: async (date) => (asked.push(date), 0) } });
    expect(asked).toEqual([new Date(now.getTime() - 24 * 60 * MINUTE)]);
    expect(OUTBOX_RETENTION_MS).toBe(24 * 60 * MINUTE);
    // Run again (another instance, or the next pass): nothing left to delete, nothing breaks.
    expect(await pruneExpired(db, now)).toEqual({
      rateLimits: 0,
      sessions: 0,
      passwordResetTokens: 0,
      emailChangeTokens: 0,
      signInChallenges: 0,
      outboxMessages: 0,
      anonymisedCertificates: 0,
      retainedEvidence: 0,
      ltiLoginStates: 0,
    });
  });

  test("a counter's window reopens after pruning as if new", async () => {
    const { db } = get();
    const rule = { limit: 1, windowMs: 15 * MINUTE };
    const key = `rejoindre:ip:elague-${Date.now()}`;
    const start = new Date(Date.now() - 20 * MINUTE);
    expect((await hitRateLimit(db, key, rule, start)).allowed).toBe(true);
    expect((await hitRateLimit(db, key, rule, start)).allowed).toBe(false);
    await pruneExpired(db);
    expect(await db.rateLimit.count({ where: { key } })).toBe(0);
    expect((await hitRateLimit(db, key, rule)).allowed).toBe(true);
  });
});

test("the outbox forgets the e-mails sent before a date, and only those", async () => {
  const mailer = createMailer({
    SMTP_HOST: undefined,
    SMTP_PORT: 0,
    SMTP_SECURE: false,
    SMTP_USER: undefined,
    SMTP_PASSWORD: undefined,
    MAIL_FROM: "x <x@exemple.fr>",
    OUTBOX_DIR: outboxDir,
  });
  await mailer.send({ to: "ancien@exemple.fr", subject: "Ancien", text: "lien" });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const cut = new Date();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await mailer.send({ to: "recent@exemple.fr", subject: "Récent", text: "lien" });
  expect(await mailer.pruneSentBefore(cut)).toBe(1);
  expect(readOutbox(outboxDir).map((m) => m.to)).toEqual(["recent@exemple.fr"]);
});
