/** Password hashing with argon2id (OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane). */
import { hash, verify } from "@node-rs/argon2";

// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

let decoy: Promise<string> | undefined;
/**
 * Spends the time of a real verification when the e-mail is unknown, so that response times do not
 * tell an attacker which addresses have an account.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword("mot de passe leurre jamais attribué");
  await verifyPassword(await decoy, password);
  return false;
}
