// End-to-end tests drive Debian's Chromium (no browser download on these machines) against the
// production build, served by tests/e2e/serve.ts on fresh SQLite databases:
// - "plateforme": the real course content (courses/);
// - "moteur": the fixture course (tests/fixtures/courses), for engine behaviour that must not
//   depend on how the real lessons are written.
// Each writes its e-mails to a folder of its own (OUTBOX_DIRS), emptied when it starts.
import { defineConfig } from "@playwright/test";
import { ENGINE_PG_PORT, ENGINE_PORT, enginePgUrl, OUTBOX_DIRS, PLATFORM_PORT } from "./tests/e2e/servers.ts";

// With PostgreSQL available (.ci/run sets TEST_POSTGRES_URL), the fuzz test also runs against an
// engine server on PostgreSQL: some inputs (a NUL byte) failed on one database only.
const ENGINE_PG_URL = enginePgUrl();
// Every test signs up from the same address: per-address limits are raised on the test servers
// (per-account limits, which the tests exercise, keep their production values).
const SHARED_ADDRESS_LIMITS = { SIGNIN_LIMIT_PER_ADDRESS: "100000", SIGNUP_LIMIT_PER_ADDRESS: "100000" };

const chromium = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? "line" : "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: { locale: "fr-FR", timezoneId: "Europe/Paris", trace: "retain-on-failure", launchOptions: chromium },
  projects: [
    { name: "plateforme", testIgnore: /e2e\/engine\//, use: { baseURL: `http://localhost:${PLATFORM_PORT}` } },
    { name: "moteur", testMatch: /e2e\/engine\/.*\.spec\.ts/, use: { baseURL: `http://localhost:${ENGINE_PORT}` } },
    ...(ENGINE_PG_URL
      ? [{ name: "moteur-pg", testMatch: /e2e\/engine\/fuzz\.spec\.ts/, use: { baseURL: `http://localhost:${ENGINE_PG_PORT}` } }]
      : []),
  ],
  webServer: [
    {
      command: "npx tsx tests/e2e/serve.ts",
      url: `http://localhost:${PLATFORM_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(PLATFORM_PORT),
        E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
        OUTBOX_DIR: OUTBOX_DIRS.plateforme,
        ...SHARED_ADDRESS_LIMITS,
      },
      stdout: "pipe",
    },
    {
      command: "npx tsx tests/e2e/serve.ts",
      url: `http://localhost:${ENGINE_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      // TRUST_PROXY as behind a reverse proxy: tests give themselves distinct addresses (X-Forwarded-For)
      // so that per-address rate limits are tested without one test exhausting another's allowance.
      env: {
        PORT: String(ENGINE_PORT),
        E2E_DATABASE_URL: "file:./data/e2e-moteur.db",
        COURSES_DIR: "tests/fixtures/courses",
        TRUST_PROXY: "1",
        OUTBOX_DIR: OUTBOX_DIRS.moteur,
        ...SHARED_ADDRESS_LIMITS,
      },
      stdout: "pipe",
    },
    ...(ENGINE_PG_URL
      ? [
          {
            command: "npx tsx tests/e2e/serve.ts",
            url: `http://localhost:${ENGINE_PG_PORT}/healthz`,
            reuseExistingServer: false,
            timeout: 120_000,
            env: {
              PORT: String(ENGINE_PG_PORT),
              E2E_DATABASE_URL: ENGINE_PG_URL,
              COURSES_DIR: "tests/fixtures/courses",
              TRUST_PROXY: "1",
              OUTBOX_DIR: OUTBOX_DIRS["moteur-pg"],
              ...SHARED_ADDRESS_LIMITS,
            },
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
