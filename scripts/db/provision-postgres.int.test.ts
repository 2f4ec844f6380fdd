import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "../../lib/db/client";
import { provisionTestDatabase, type ProvisionedDatabase } from "./provision";
import { MIGRATIONS } from "../../tests/support/migrations";

const adminUrl = process.env.VIGIL_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname::text = $1", [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe("provisionTestDatabase on PostgreSQL", { timeout: 60_000 }, () => {
  let database: ProvisionedDatabase | undefined;

  beforeAll(() => {
    vi.stubEnv("DATABASE_URL", adminUrl);
  });
  afterAll(async () => {
    await database?.teardown();
    vi.unstubAllEnvs();
  });

  it("creates a migrated temporary database that the Prisma client can use, then drops it", async () => {
    database = await provisionTestDatabase({ label: "pg int" });
    expect(database.embedded).toBe(false);
    const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
    expect(name).toMatch(/^vigil_test_pg_int_/);
    expect(await databaseExists(name)).toBe(true);

    const prisma = createPrismaClient(database.url);
    try {
      const created = await prisma.user.create({
        data: {
          email: "ada@example.test",
          name: "Ada",
          accounts: { create: { type: "oidc", provider: "p", providerAccountId: "1" } },
        },
      });
      const read = await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
      expect(read).toMatchObject({ id: created.id, name: "Ada", role: "viewer", passwordHash: null });

      const migrations = await prisma.$queryRaw<Array<{ name: string; applied: boolean }>>`
        SELECT migration_name::text AS name, (finished_at IS NOT NULL) AS applied FROM _prisma_migrations`;
      expect(migrations.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
        MIGRATIONS.map((name) => ({ name, applied: true })),
      );
      const current = await prisma.$queryRaw<Array<{ db: string }>>`SELECT current_database()::text AS db`;
      expect(current[0]?.db).toBe(name);

      await prisma.user.delete({ where: { id: created.id } });
      expect(await prisma.account.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
    }

    await database.teardown();
    expect(await databaseExists(name)).toBe(false);
  });
});
