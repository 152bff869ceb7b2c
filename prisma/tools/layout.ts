/** Where each provider's schema, migrations and generated client live. */
import type { Provider } from "../../app/utils/database-url.ts";

export { DEFAULT_DATABASE_URL } from "../../app/utils/database-url.ts";

export interface ProviderLayout {
  provider: Provider;
  schema: string;
  migrations: string;
  client: string;
}

const layouts: Record<Provider, ProviderLayout> = {
  sqlite: {
    provider: "sqlite",
    schema: "prisma/schema.prisma",
    migrations: "prisma/migrations",
    client: "app/generated/prisma",
  },
  postgresql: {
    provider: "postgresql",
    schema: "prisma/postgresql/schema.prisma",
    migrations: "prisma/postgresql/migrations",
    client: "app/generated/prisma-pg",
  },
};

export function layoutOf(provider: Provider): ProviderLayout {
  return layouts[provider];
}

export const PROVIDERS: Provider[] = ["sqlite", "postgresql"];
