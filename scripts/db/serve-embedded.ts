// Usage: npx tsx scripts/db/serve-embedded.ts [port]   (or VIGIL_EMBEDDED_DB_PORT; default 54329)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./embedded";
import { migrateDeploy } from "./migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const port = Number(process.argv[2] ?? process.env.VIGIL_EMBEDDED_DB_PORT ?? 54329);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`invalid port: ${process.argv[2] ?? process.env.VIGIL_EMBEDDED_DB_PORT}`);
  process.exit(2);
}

const dataDir = path.join(repoRoot, ".vigil", "pgdata");
const started = Date.now();
const db = await startEmbeddedPostgres({ dataDir, port }).catch((error: unknown) => {
  console.error(`cannot start embedded Postgres: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping embedded Postgres`);
  await db.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  await migrateDeploy(db.url);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await db.stop();
  process.exit(1);
}
console.log(`embedded Postgres (PGlite) ready in ${Date.now() - started} ms, data in ${dataDir}`);
console.log(`DATABASE_URL=${db.url}`);
console.log("Set VIGIL_DB_EMBEDDED=1 for the app (one pooled connection). Ctrl-C to stop.");
