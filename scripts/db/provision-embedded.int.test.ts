import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "../../lib/db/client";
import { startEmbeddedPostgres } from "./embedded";
import { getFreePort } from "./free-port";
import { migrateDeploy } from "./migrate";
import { provisionTestDatabase } from "./provision";
import { MIGRATIONS } from "../../tests/support/migrations";

describe("embedded PGlite", { timeout: 90_000 }, () => {
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(() => {
    vi.stubEnv("DATABASE_URL", "");
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    vi.unstubAllEnvs();
  });

  it("provisions a migrated database in a temp folder and removes it on teardown", async () => {
    const database = await provisionTestDatabase({ label: "embedded int" });
    cleanups.push(() => database.teardown());
    expect(database.embedded).toBe(true);
    expect(database.dataDir && existsSync(database.dataDir)).toBe(true);

    const prisma = createPrismaClient(database.url, { embedded: true });
    try {
      await prisma.user.create({ data: { email: "grace@example.test", role: "admin" } });
      const read = await prisma.user.findUniqueOrThrow({ where: { email: "grace@example.test" } });
      expect(read.role).toBe("admin");
      const migrations = await prisma.$queryRaw<Array<{ name: string }>>`
        SELECT migration_name::text AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      expect(migrations.map((row) => row.name).sort()).toEqual(MIGRATIONS);
    } finally {
      await prisma.$disconnect();
    }

    await database.teardown();
    expect(existsSync(database.dataDir!)).toBe(false);
  });

  it("keeps data across stop and restart on the same data folder", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-pglite-restart-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const first = await startEmbeddedPostgres({ dataDir, port: await getFreePort() });
    cleanups.push(() => first.stop());
    await migrateDeploy(first.url);
    const writer = createPrismaClient(first.url, { embedded: true });
    await writer.user.create({ data: { email: "persist@example.test", name: "Persist" } });
    await writer.$disconnect();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port: await getFreePort() });
    cleanups.push(() => second.stop());
    const reader = createPrismaClient(second.url, { embedded: true });
    try {
      const user = await reader.user.findUnique({ where: { email: "persist@example.test" } });
      expect(user?.name).toBe("Persist");
      expect(await reader.user.count()).toBe(1);
    } finally {
      await reader.$disconnect();
    }
    await second.stop();
  });

  it("keeps concurrent connections' queries apart (pglite-socket batching mend)", async () => {
    const database = await provisionTestDatabase({ label: "embedded concurrency" });
    cleanups.push(() => database.teardown());
    const clients = Array.from({ length: 4 }, () => createPrismaClient(database.url, { embedded: true }));
    try {
      const results = await Promise.allSettled(
        clients.flatMap((client, c) =>
          Array.from({ length: 25 }, (_, i) =>
            i % 5 === 0
              ? client.$transaction(async (tx) => {
                  await tx.user.create({ data: { email: `tx-${c}-${i}@example.test` } });
                  return tx.user.count();
                })
              : client.user.create({ data: { email: `u-${c}-${i}@example.test`, name: `n${i}` } }),
          ),
        ),
      );
      expect(results.filter((result) => result.status === "rejected")).toEqual([]);
      expect(await clients[0]!.user.count()).toBe(100);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  });
});
