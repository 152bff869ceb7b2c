/**
 * `npm run bench:sign-up`: does the answer to POST /inscription tell whether an address has an
 * account? The production server on a fresh database; N sign-ups for new addresses and N for
 * addresses that have an account, interleaved (new, taken, taken, new…), each timed from the
 * client. Prints status, Location and body per case and the time distribution; no assertion.
 * SQLite always; PostgreSQL too when TEST_POSTGRES_URL is set.
 *
 * Options: --requests N (50 per case), --port P (3990; PostgreSQL uses P + 1).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAccount } from "~/auth/accounts.server.ts";
import { buildApp } from "~/cli/build.ts";
import { buildIsStale } from "~/cli/freshness.ts";
import { createDb } from "~/db/create-db.server.ts";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { dropPgDatabase, newPgDatabaseName, postgresTestUrl, withDatabase, withPgAdmin } from "../setup/test-databases.ts";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const REQUESTS = option("requests", 50);
const PORT = option("port", 3990);
const WARM_UP = 5;
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

async function measure(name: string, databaseUrl: string, port: number) {
  await migrateDeploy(databaseUrl);
  const { db } = createDb(databaseUrl);
  const taken: string[] = [];
  for (let i = 0; i < REQUESTS + WARM_UP; i += 1) {
    const email = `titulaire.${i}@exemple.fr`;
    await createAccount(db, { name: `Titulaire ${i}`, email, profile: "ELECTED_OFFICIAL", password: "mot de passe du titulaire" });
    taken.push(email);
  }
  await db.$disconnect();
  const outbox = mkdtempSync(path.join(tmpdir(), "aafa-bench-outbox-"));
  const server = spawn(process.execPath, [path.join(ROOT, "build/server.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      OUTBOX_DIR: outbox,
      SIGNUP_LIMIT_PER_ADDRESS: "100000",
      SMTP_HOST: "",
    },
    stdio: "ignore",
  });
  const base = `http://localhost:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const post = async (email: string) => {
      const started = performance.now();
      const response = await fetch(`${base}/inscription`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
        body: new URLSearchParams({
          name: "Personne Mesurée",
          email,
          profile: "STUDENT",
          password: "une phrase de passe mesurée",
          redirectTo: "",
        }),
      });
      const body = await response.text();
      return { ms: performance.now() - started, answer: `${response.status} ${response.headers.get("location")} ${JSON.stringify(body)}` };
    };
    const times = { nouvelle: [] as number[], existante: [] as number[] };
    const answers = { nouvelle: new Set<string>(), existante: new Set<string>() };
    for (let i = 0; i < REQUESTS + WARM_UP; i += 1) {
      // Alternate which case goes first, so that neither always follows the other.
      const order = i % 2 === 0 ? (["nouvelle", "existante"] as const) : (["existante", "nouvelle"] as const);
      for (const kind of order) {
        const result = await post(kind === "nouvelle" ? `nouvelle.${i}.${Date.now()}@exemple.fr` : taken[i]!);
        if (i >= WARM_UP) times[kind].push(result.ms);
        answers[kind].add(result.answer);
      }
    }
    console.log(`\n${name} — ${REQUESTS} requêtes par cas (après ${WARM_UP} d'échauffement)`);
    for (const kind of ["nouvelle", "existante"] as const) {
      const t = times[kind];
      console.log(
        `  adresse ${kind.padEnd(9)} : médiane ${quantile(t, 0.5).toFixed(1)} ms · p10 ${quantile(t, 0.1).toFixed(1)} · p90 ${quantile(t, 0.9).toFixed(1)} · réponses ${[...answers[kind]].join(" | ")}`,
      );
    }
    console.log(
      `  réponses identiques : ${answers.nouvelle.size === 1 && [...answers.nouvelle][0] === [...answers.existante][0] && answers.existante.size === 1 ? "oui" : "NON"}`,
    );
  } finally {
    server.kill();
    rmSync(outbox, { recursive: true, force: true });
  }
}

if (buildIsStale(ROOT)) await buildApp();
const scratch = mkdtempSync(path.join(tmpdir(), "aafa-bench-signup-"));
try {
  await measure("SQLite", `file:${path.join(scratch, "bench.db")}`, PORT);
  const pgServer = postgresTestUrl();
  if (pgServer) {
    const name = newPgDatabaseName("suite");
    await withPgAdmin(pgServer, (client) => client.query(`CREATE DATABASE "${name}"`));
    try {
      await measure("PostgreSQL", withDatabase(pgServer, name), PORT + 1);
    } finally {
      await dropPgDatabase(pgServer, name);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
