/**
 * The mailer at its outside edge: a real SMTP conversation with a local server (smtp-server), and
 * the outbox files written when no SMTP server is configured.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, test, vi } from "vitest";
import { createMailer, readOutbox } from "./mailer.server.ts";

const base = {
  SMTP_PORT: 0,
  SMTP_SECURE: false,
  SMTP_USER: undefined,
  SMTP_PASSWORD: undefined,
  MAIL_FROM: "Apprendre à faire alliance <ne-pas-repondre@exemple.fr>",
};
const dir = mkdtempSync(path.join(tmpdir(), "aafa-outbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mailer", () => {
  test("with SMTP_HOST, the message goes through SMTP, UTF-8 intact", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const mailer = createMailer({ ...base, SMTP_HOST: "127.0.0.1", SMTP_PORT: port, OUTBOX_DIR: dir });
      expect(mailer.mode).toBe("smtp");
      await mailer.send({ to: "lea@exemple.fr", subject: "Réinitialiser votre mot de passe", text: "Bonjour Léa,\nVoici le lien." });
      // An account made by an LTI launch has an address no mail reaches: nothing is sent to it.
      await mailer.send({ to: "lti-0123456789abcdef@lti.invalid", subject: "Réponse", text: "Non envoyé." });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/^To: lea@exemple\.fr/m);
      expect(received[0]).toMatch(/^Subject: =\?UTF-8\?/m);
      expect(readOutbox(dir)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test("without SMTP_HOST, each message is a file of the outbox, newest first", async () => {
    const mailer = createMailer({ ...base, SMTP_HOST: undefined, OUTBOX_DIR: dir });
    expect(mailer.mode).toBe("boite-d-envoi");
    await mailer.send({ to: "a@exemple.fr", subject: "Premier", text: "Un." });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await mailer.send({ to: "b@exemple.fr", subject: "Second", text: "Deux." });
    await mailer.send({ to: "lti-0123456789abcdef@LTI.INVALID", subject: "Jamais", text: "Non écrit." });
    expect(readOutbox(dir).map((m) => [m.to, m.subject])).toEqual([
      ["b@exemple.fr", "Second"],
      ["a@exemple.fr", "Premier"],
    ]);
  });

  test("without SMTP_HOST, the server's console names the recipient and the file, not the message", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const mailer = createMailer({ ...base, SMTP_HOST: undefined, OUTBOX_DIR: dir });
      await mailer.send({ to: "c@exemple.fr", subject: "Confirmez", text: "Le lien secret : https://exemple.fr/?jeton=abc" });
      const lines = [...info.mock.calls, ...log.mock.calls].map((args) => args.join(" "));
      expect(lines).toHaveLength(1);
      const file = path.join(dir, `${readOutbox(dir).find((m) => m.to === "c@exemple.fr")!.id}.json`);
      expect(lines[0]).toContain("c@exemple.fr");
      expect(lines[0]).toContain(file);
      expect(lines[0]).not.toContain("jeton");
    } finally {
      info.mockRestore();
      log.mockRestore();
    }
  });
});
