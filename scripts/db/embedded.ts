import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { serialiseProtocolBatches } from "./pglite-socket-batches";

export type EmbeddedPostgres = {
  /** Connection string for pg/Prisma; pglite-socket ignores user, password and database name. */
  url: string;
  stop(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  host?: string;
  /** Connections accepted at once; PGlite still runs one protocol batch (up to Sync) at a time. */
  maxConnections?: number;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Two PGlite instances on one folder corrupt it; a pid file next to the folder refuses the second.
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${dataDir.replace(/[/\\]+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: "wx" });
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(await readFile(lockFile, "utf8").catch(() => ""));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`${dataDir} is in use by process ${owner} (lock ${lockFile})`);
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

/** Serves a PGlite database (persisted in dataDir) over the Postgres wire protocol on host:port. */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  host = "127.0.0.1",
  maxConnections = 8,
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer;
  try {
    db = await PGlite.create(dataDir);
    server = new PGLiteSocketServer({ db, host, port, maxConnections });
    serialiseProtocolBatches(server);
    await server.start();
  } catch (error) {
    await db?.close();
    await unlock();
    throw error;
  }
  const pglite = db;
  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`,
    // Close the socket server before the database so no in-flight query hits a closed PGlite.
    stop: () =>
      (stopped ??= (async () => {
        try {
          await server.stop();
          await pglite.close();
        } finally {
          await unlock();
        }
      })()),
  };
}
