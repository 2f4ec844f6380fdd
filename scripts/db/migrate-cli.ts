// `npm run db:migrate`: prisma migrate deploy against DATABASE_URL, or else the embedded database in
// .vigil/pgdata (through its running server on VIGIL_EMBEDDED_DB_PORT, or a short-lived one).
import "dotenv/config";
import { createConnection } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./embedded";
import { migrateDeploy } from "./migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const host = "127.0.0.1";
const port = Number(process.env.VIGIL_EMBEDDED_DB_PORT ?? 54329);

function isListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.once("connect", () => done(true)).once("error", () => done(false));
    socket.setTimeout(1_000, () => done(false));
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  if (process.env.DATABASE_URL) {
    await migrateDeploy(process.env.DATABASE_URL);
  } else if (await isListening()) {
    await migrateDeploy(`postgresql://postgres@${host}:${port}/postgres?sslmode=disable`);
  } else {
    const db = await startEmbeddedPostgres({ dataDir: path.join(repoRoot, ".vigil", "pgdata"), port });
    try {
      await migrateDeploy(db.url);
    } finally {
      await db.stop();
    }
  }
  console.log(`migrations applied in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
