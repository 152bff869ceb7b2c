// Unit tests sit beside the code they test (app/**/*.test.ts); integration tests that need real
// databases are in tests/integration. End-to-end tests run under Playwright, not here.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "prisma/tools/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    hookTimeout: 60_000,
    testTimeout: 20_000,
    pool: "forks",
    // In CI every test is listed with its database ([sqlite] / [postgresql]) as proof both ran.
    reporters: process.env.CI ? ["verbose"] : ["default"],
  },
});
