/**
 * The environment the server reads, validated once at start-up. Nothing here is required: a
 * newcomer runs `npm start` with no .env file at all.
 */
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-url.ts";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  /** Port of the HTTP server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** file:./data/app.db (default, relative to the working directory) or postgresql://… */
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  /** PostgreSQL connections per app instance (node-postgres pool; 10 when unset). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  /**
   * Public address of the site (e.g. https://alliances.example.fr). Used in links printed on
   * certificates and e-mails, and accepted as an Origin for POST requests behind a proxy.
   */
  PUBLIC_URL: z.url().optional(),
  /** Who delivers the certificates, as printed on them. */
  CERTIFICATE_ISSUER: z.string().trim().min(1).default("Apprendre à faire alliance"),
  /**
   * The Ed25519 private key that signs certificates (PEM, PKCS#8). Give the same key to every
   * instance of a multi-server deployment; otherwise leave unset and a key file is created.
   */
  CERTIFICATE_SIGNING_KEY: z.string().includes("PRIVATE KEY", { message: "clé PEM attendue" }).optional(),
  /** Where the generated key is kept when CERTIFICATE_SIGNING_KEY is unset. */
  CERTIFICATE_KEY_FILE: z.string().min(1).default("data/keys/certificats-ed25519.pem"),
  /**
   * The RSA private key (PEM, PKCS#8) the LTI tool signs with (deep linking responses, service
   * tokens); a key of its own, never the certificates'. Unset: a key file is created (LTI_KEY_DIR).
   */
  LTI_SIGNING_KEY: z.string().includes("PRIVATE KEY", { message: "clé PEM attendue" }).optional(),
  /** Where the LTI keys are kept: current.pem, and previous/*.pem still published after a rotation. */
  LTI_KEY_DIR: z.string().min(1).default("data/keys/lti"),
  /**
   * Express's « trust proxy » (e.g. 1 behind one reverse proxy): which X-Forwarded-For hop is the
   * visitor's address, for per-address rate limits. Unset: the connection's address.
   */
  TRUST_PROXY: z.string().optional(),
  /** SMTP server for e-mails (password reset, address change). Unset: e-mails go to OUTBOX_DIR. */
  SMTP_HOST: z.string().trim().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true for implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /** Sender of the platform's e-mails. */
  MAIL_FROM: z.string().trim().min(3).default("Apprendre à faire alliance <ne-pas-repondre@apprendre-a-faire-alliance.fr>"),
  /**
   * Where people write about the platform: published on /accessibilite as the address for a content
   * one cannot reach (RGAA « retour d'information et contact »). MAIL_FROM is a no-reply sender.
   */
  CONTACT_EMAIL: z.email({ message: "adresse e-mail attendue" }).default("contact@apprendre-a-faire-alliance.fr"),
  /**
   * What one address may do: failed sign-ins per 15 minutes (a right password counts nothing), and
   * sign-ups per hour. The defaults let a classroom behind one NAT sign up and sign in; per-account
   * limits keep guessing in check whatever the address.
   */
  SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
  /**
   * Defaults of the organisation settings (issue 20: who delivers the training, as attestations
   * print it). An admin overrides them on /admin/organisation; documents that legally need a field
   * are refused while it is empty.
   */
  ORGANISATION_LEGAL_NAME: z.string().trim().min(1).optional(),
  ORGANISATION_ADDRESS: z.string().trim().min(1).optional(),
  ORGANISATION_SIRET: z.string().trim().min(1).optional(),
  ORGANISATION_ACTIVITY_DECLARATION: z.string().trim().min(1).optional(),
  ORGANISATION_QUALIOPI_REFERENCE: z.string().trim().min(1).optional(),
  ORGANISATION_ELECTED_TRAINING_APPROVAL: z.string().trim().min(1).optional(),
  PEDAGOGICAL_CONTACT_NAME: z.string().trim().min(1).optional(),
  PEDAGOGICAL_CONTACT_EMAIL: z.email({ message: "adresse e-mail attendue" }).optional(),
  DISABILITY_CONTACT_NAME: z.string().trim().min(1).optional(),
  DISABILITY_CONTACT_EMAIL: z.email({ message: "adresse e-mail attendue" }).optional(),
  /** The committed answer delay for learners' questions, as shown to them. */
  ANSWER_DELAY: z.string().trim().min(1).default("2 jours ouvrés"),
  /** Where e-mails are written, one JSON file each, when no SMTP server is configured. */
  OUTBOX_DIR: z.string().min(1).default("data/outbox"),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * Parses an environment. Empty strings count as unset, so `PORT= npm start` behaves like no PORT.
 * @throws Error listing every invalid variable, in French.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join(".")} : ${issue.message}`);
    throw new Error(`Configuration invalide :\n  ${details.join("\n  ")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
