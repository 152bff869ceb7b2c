/**
 * The environment the server reads, validated once at start-up. Nothing here is required: a
 * newcomer runs `npm start` with no .env file at all.
 */
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "~/db/database-url.ts";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  /** Port of the HTTP server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** file:./data/app.db (default, relative to the working directory) or postgresql://… */
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  /**
   * Public address of the site (e.g. https://alliances.example.fr). Used in links printed on
   * certificates and e-mails, and accepted as an Origin for POST requests behind a proxy.
   */
  PUBLIC_URL: z.url().optional(),
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
