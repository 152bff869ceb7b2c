/**
 * Driver adapters for the Prisma CLI (migrate deploy / diff).
 *
 * Prisma 6.19 with `engine: "js"` runs its schema engine over these adapters. Three upstream defects
 * make the stock adapters unusable for migrations; each shim below is the smallest fix we found
 * (see the stack spike). Remove a shim only after checking that upstream has fixed its defect.
 */
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgConfigFromUrl, sqliteFilePath } from "../../app/utils/database-url.ts";

export { providerOf, type Provider } from "../../app/utils/database-url.ts";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
/** The adapter's internals the shims replace (declared private in its typings). */
interface AdapterInternals {
  performIO(query: unknown): Promise<{ fields?: Array<{ dataTypeID: number }> } | undefined>;
  onError(error: Error): never;
}
type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * Shim for SQLite: when Prisma replays migrations into the shadow database (`migrate diff
 * --from-migrations`), it sends each whole migration.sql through `executeRaw`, and better-sqlite3's
 * `prepare()` refuses more than one statement. A query without parameters is sent to `exec` instead.
 */
export function sqliteMigrationAdapter(databaseUrl: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl) });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow: SqliteAdapter = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    return shadow;
  };
  return factory;
}

/**
 * PostgreSQL catalog types that the schema engine reads while introspecting, but that the pg
 * adapter refuses to deserialize ("Column type 'name' could not be deserialized", prisma#27403).
 * Their text form is all the engine needs.
 */
const CATALOG_TYPES_READ_AS_TEXT = new Set([
  18, // "char"
  19, // name
  22, // int2vector
  24, // regproc
  30, // oidvector
  194, // pg_node_tree
  2205, // regclass
  2206, // regtype
]);
const TEXT_OID = 25;

function patchForMigrations(adapter: Adapter): Adapter {
  // Shim 1: let catalog columns through as text.
  const internals = adapter as unknown as AdapterInternals;
  const performIO = internals.performIO.bind(adapter);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result?.fields ?? []) {
      if (CATALOG_TYPES_READ_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  // Shim 2: the stock executeScript splits on every ";", which breaks on a ";" inside a string
  // literal or a comment of a migration. PostgreSQL runs a multi-statement script in one query.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      internals.onError(error as Error);
    }
  };
  return adapter;
}

/**
 * The PostgreSQL adapter factory the Prisma CLI uses, with the shims applied.
 *
 * Shim 3: we open the shadow database ourselves. The stock connectToShadowDb() (a) connects with
 * `{ ...config, database }`, which a `connectionString` silently overrides, so the "shadow" could be
 * the real database (pgConfigFromUrl already prevents it), and (b) drops the shadow database before
 * closing its pool, which PostgreSQL refuses ("is being accessed by other users").
 */
export function postgresMigrationAdapter(databaseUrl: string): PrismaPg {
  const config = pgConfigFromUrl(databaseUrl);
  const factory = new PrismaPg(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patchForMigrations(await connect());
  factory.connectToShadowDb = async () => {
    const main = await factory.connect();
    const shadowName = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${shadowName}"`);
    const shadow = patchForMigrations(await new PrismaPg({ ...config, database: shadowName }).connect());
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow(); // closes the shadow pool first
      await main.executeScript(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  };
  return factory;
}
