/**
 * The end-to-end servers (see playwright.config.ts): their ports, and the folder each writes its
 * e-mails to (no SMTP server in tests), which the tests read to follow links as a person would. The
 * third, the engine on PostgreSQL, runs only when TEST_POSTGRES_URL is set.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const PLATFORM_PORT = Number(process.env.E2E_PORT ?? 3100);
export const ENGINE_PORT = PLATFORM_PORT + 1;
export const ENGINE_PG_PORT = PLATFORM_PORT + 2;
/** The Origin header of requests a test sends to the engine's server by hand (POSTs need one). */
export const ENGINE_ORIGIN = `http://localhost:${ENGINE_PORT}`;

/** The engine's PostgreSQL database (created by serve.ts on first use), when PostgreSQL is available. */
export function enginePgUrl(): string | null {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) return null;
  const url = new URL(server);
  url.pathname = `/aafa_e2e_moteur_${PLATFORM_PORT}`;
  return url.toString();
}

/**
 * The test clock of the server listening on `port` (app/utils/clock.server.ts): seconds added to
 * the real time for the time rules, so that a test « waits » by writing a number (test-clock.ts).
 */
export function clockFileOf(port: number | string): string {
  return path.resolve(`data/e2e-clock-${port}.txt`);
}

export const OUTBOX_DIRS = {
  plateforme: "data/e2e-outbox-plateforme",
  moteur: "data/e2e-outbox",
  "moteur-pg": "data/e2e-outbox-pg",
} as const;
export type ServerName = keyof typeof OUTBOX_DIRS;

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/** The latest e-mail sent to this address by a server (waits up to 5 s for it to be written). */
export async function mailSentTo(server: ServerName, to: string, { subject }: { subject?: RegExp } = {}): Promise<SentMail> {
  const dir = path.resolve(OUTBOX_DIRS[server]);
  for (let i = 0; i < 50; i++) {
    let names: string[] = [];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith(".json"))
        .sort()
        .reverse();
    } catch {
      // The server has not written its outbox folder yet: try again below.
    }
    for (const name of names) {
      const message = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as SentMail;
      if (message.to === to && (!subject || subject.test(message.subject))) return message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`aucun e-mail pour ${to} dans ${dir}`);
}

/** Every e-mail sent to this address by a server, oldest first. */
export function mailsSentTo(server: ServerName, to: string): SentMail[] {
  const dir = path.resolve(OUTBOX_DIRS[server]);
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch {
    // No outbox folder: nothing was sent.
  }
  return names.map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as SentMail).filter((message) => message.to === to);
}

/** The first link of a message. */
export function linkIn(mail: SentMail): string {
  return /https?:\/\/\S+/.exec(mail.text)![0];
}
