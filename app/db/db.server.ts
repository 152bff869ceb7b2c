/** The app's database client, opened once per process from DATABASE_URL. */
import { env } from "~/utils/env.server.ts";
import { singleton } from "~/utils/singleton.server.ts";
import { createDb } from "./create-db.server.ts";

export const db = singleton("database", () => createDb(env().DATABASE_URL, { poolSize: env().DATABASE_POOL_SIZE })).db;
