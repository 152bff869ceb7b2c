/** The PostgreSQL server used to diff PostgreSQL migrations (Prisma needs a shadow database). */
export function migrationPostgresUrl(): string {
  return process.env.MIGRATION_POSTGRES_URL || process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";
}
