import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { checkDatabase } from "@/lib/health/checks";
import { loadOverview } from "@/lib/overview/overview";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { MIGRATIONS } from "../support/migrations";

describe("database health checks", () => {
  let silent: Server;
  let silentPort = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts TCP connections and never answers: the shape of a hung database.
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it("reports the live database as ok with a latency", async () => {
    const check = await checkDatabase();
    expect(check).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
  });

  it("reports a refused connection as down, without leaking the URL", async () => {
    const client = createPrismaClient("postgres://postgres:secret-pw@127.0.0.1:1/none");
    const check = await checkDatabase(2_000, client);
    expect(check).toMatchObject({ ok: false, error: "connection failed" });
    expect(JSON.stringify(check)).not.toContain("secret-pw");
    await client.$disconnect();
  });

  it("gives up on a database that never answers within the deadline", async () => {
    const client = createPrismaClient(`postgres://postgres@127.0.0.1:${silentPort}/none`);
    const started = Date.now();
    const check = await checkDatabase(300, client);
    expect(check).toMatchObject({ ok: false, error: "no answer within 300 ms" });
    expect(Date.now() - started).toBeLessThan(1_500);
    void client.$disconnect().catch(() => {});
  });

  it("loads the overview read model with the applied migration", async () => {
    const overview = await loadOverview(VIGIL_SITE_ID);
    expect(overview.database.ok).toBe(true);
    // Each card's read succeeded for the site (a failed read shows as null, not as an error).
    expect(overview.vitals24h).not.toBeNull();
    expect(overview.requests24h).not.toBeNull();
    expect(overview.browserErrors24h).not.toBeNull();
    expect(overview.errorBudget).not.toBeNull();
    expect(overview.uptimeError).toBe(false);
    expect(overview.databaseFacts).toMatchObject({
      migrationsApplied: MIGRATIONS.length,
      lastMigration: MIGRATIONS.at(-1),
    });
    expect(overview.users).toEqual(expect.any(Number));
  });
});
