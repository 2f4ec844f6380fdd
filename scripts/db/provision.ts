import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded";
import { getFreePort } from "./free-port";
import { migrateDeploy } from "./migrate";
import { createTempDatabase } from "./temp-database";

export type ProvisionedDatabase = {
  url: string;
  /** True when served by embedded PGlite: use one connection (VIGIL_DB_EMBEDDED=1 for lib/db/client). */
  embedded: boolean;
  /** PGlite data folder (embedded only); removed by teardown(). */
  dataDir?: string;
  teardown(): Promise<void>;
};

/**
 * A migrated, isolated database for a test run: a temporary database on the DATABASE_URL server when
 * that is set, else embedded PGlite in a fresh temp folder (PGlite serves one database per folder).
 */
export async function provisionTestDatabase({ label }: { label: string }): Promise<ProvisionedDatabase> {
  const slug =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 24) || "run";
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const database = await createTempDatabase(serverUrl, `vigil_test_${slug}`);
    try {
      await migrateDeploy(database.url);
    } catch (error) {
      await database.drop();
      throw error;
    }
    return { url: database.url, embedded: false, teardown: database.drop };
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), `vigil-pglite-${slug}-`));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  let server: EmbeddedPostgres | undefined;
  try {
    server = await startEmbeddedPostgres({ dataDir, port: await getFreePort() });
    await migrateDeploy(server.url);
  } catch (error) {
    await server?.stop();
    await removeDir();
    throw error;
  }
  const embedded = server;
  let done: Promise<void> | undefined;
  return {
    url: embedded.url,
    embedded: true,
    dataDir,
    teardown: () => (done ??= embedded.stop().finally(removeDir)),
  };
}
