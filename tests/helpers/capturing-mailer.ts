/**
 * A mailer that keeps what it would send, for integration tests (the SMTP and outbox transports
 * themselves are tested in app/utils/mailer.test.ts; the e2e tests read real outbox files).
 */
import type { Mail, Mailer } from "~/utils/mailer.server.ts";

export function capturingMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    mode: "boite-d-envoi",
    sent,
    async send(mail) {
      sent.push(mail);
    },
    async erase(addresses) {
      for (let i = sent.length - 1; i >= 0; i -= 1) if (addresses.includes(sent[i]!.to)) sent.splice(i, 1);
    },
    async pruneSentBefore() {
      return 0;
    },
  };
}

/** The `jeton` parameter of the first link of a message. */
export const linkToken = (mail: Mail) => new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams.get("jeton")!;
