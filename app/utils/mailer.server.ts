/**
 * Sending the platform's e-mails: through SMTP when SMTP_HOST is set (nodemailer), otherwise into an
 * outbox folder (data/outbox/, one JSON file per message) so that a newcomer without a mail server
 * can still sign up and reset a password; an administrator reads it at /admin/boite-d-envoi, and
 * the server's console names each file written. The outbox keeps a message only as long as the
 * links it carries can work (pruneExpired), and forgets the messages to an account when the account
 * is deleted.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { env, type Env } from "./env.server.ts";
import { singleton } from "./singleton.server.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  mode: "smtp" | "boite-d-envoi";
  send(mail: Mail): Promise<void>;
  /** Erases the copies kept of messages sent to these addresses (account deletion); SMTP keeps none. */
  erase(addresses: readonly string[]): Promise<void>;
  /** Erases the copies kept of messages sent before `date`; returns how many. SMTP keeps none. */
  pruneSentBefore(date: Date): Promise<number>;
}

interface OutboxMessage extends Mail {
  id: string;
  from: string;
  sentAt: string;
}

/**
 * Addresses no message can reach: RFC 2606 reserves « .invalid ». Accounts made by an LTI launch
 * have one (app/lti/launch-account.server.ts); their mail is not sent, nor written to the outbox.
 */
export function isUndeliverable(address: string): boolean {
  return /\.invalid$/i.test(address.trim());
}

export function createMailer(
  config: Pick<Env, "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD" | "MAIL_FROM" | "OUTBOX_DIR">,
): Mailer {
  if (config.SMTP_HOST) {
    const transport = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
    });
    return {
      mode: "smtp",
      async send(mail) {
        if (isUndeliverable(mail.to)) return;
        await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      },
      async erase() {},
      async pruneSentBefore() {
        return 0;
      },
    };
  }
  const dir = path.resolve(config.OUTBOX_DIR);
  return {
    mode: "boite-d-envoi",
    async send(mail) {
      if (isUndeliverable(mail.to)) return;
      mkdirSync(dir, { recursive: true });
      const sentAt = new Date().toISOString();
      const id = `${sentAt.replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
      const message: OutboxMessage = { id, from: config.MAIL_FROM, sentAt, ...mail };
      const file = path.join(dir, `${id}.json`);
      writeFileSync(file, JSON.stringify(message, null, 2), { mode: 0o600 });
      // Without SMTP nobody receives the message: the console says where it is (not what it says, so
      // that links do not end up in logs), so that a newcomer can still confirm a sign-up locally.
      console.info(`E-mail pour ${mail.to} écrit dans ${file} (aucun serveur SMTP configuré : SMTP_HOST).`);
    },
    async erase(addresses) {
      const erased = new Set(addresses.map((address) => address.toLowerCase()));
      for (const { file, message } of outboxFiles(dir)) if (erased.has(message.to.toLowerCase())) rmSync(file, { force: true });
    },
    async pruneSentBefore(date) {
      let count = 0;
      for (const { file, message } of outboxFiles(dir)) {
        if (new Date(message.sentAt).getTime() < date.getTime()) {
          rmSync(file, { force: true });
          count += 1;
        }
      }
      return count;
    },
  };
}

export const mailer = singleton("mailer", () => createMailer(env()));

/** The outbox's messages with their files, oldest first (none when the folder does not exist yet). */
function outboxFiles(dir: string): Array<{ file: string; message: OutboxMessage }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const file = path.join(dir, name);
    try {
      return [{ file, message: JSON.parse(readFileSync(file, "utf8")) as OutboxMessage }];
    } catch {
      // Erased by a concurrent prune, or still being written: not a message to show or erase now.
      return [];
    }
  });
}

/** The outbox, newest first (for the admin page and the tests). */
export function readOutbox(dir = path.resolve(env().OUTBOX_DIR)): OutboxMessage[] {
  return outboxFiles(dir)
    .reverse()
    .map(({ message }) => message);
}
