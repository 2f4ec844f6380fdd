import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTcpProxy } from "../support/tcp-proxy";

const TOKEN = vi.hoisted(() => (process.env.VIGIL_API_TOKEN = "outage-test-api-token-0123456789"));
vi.mock("@/lib/auth", () => ({ auth: async () => null }));

// This file's app modules talk to the test database through a proxy the test can cut. Vitest runs each file in
// its own module graph, so the env module validates the proxied URL set here before anything imports it.
const target = new URL(process.env.DATABASE_URL!);
const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
const proxied = new URL(target);
proxied.port = String(proxy.port);
process.env.DATABASE_URL = proxied.toString();
// Clients are told apart as behind one reverse proxy: the X-Forwarded-For entry it appended is the client.
process.env.VIGIL_TRUSTED_PROXIES = "1";

const { POST: postVitals } = await import("@/app/api/v1/vitals/route");
const { POST: postClientErrors } = await import("@/app/api/v1/client-errors/route");
const { POST: postSloEvents } = await import("@/app/api/v1/slo-events/route");
const { GET: getHeartbeat } = await import("@/app/api/v1/heartbeat/[token]/route");
const { db } = await import("@/lib/db");
const { databaseOutage } = await import("@/lib/db/outage");
const { logger } = await import("@/lib/log/logger");
const { telemetry } = await import("@/lib/telemetry/registry");

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const headers = (extra: Record<string, string> = {}) => ({
  "content-type": "text/plain",
  "user-agent": CHROME,
  "x-forwarded-for": `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`,
  ...extra,
});
const beacon = (route: string) =>
  JSON.stringify({
    v: 1,
    pageViewId: `pv_${randomUUID().replaceAll("-", "")}`,
    route,
    metrics: [
      { name: "LCP", value: 1500, id: "l" },
      { name: "TTFB", value: 90, id: "t" },
    ],
  });
const vitals = (route: string) =>
  postVitals(
    new Request("http://127.0.0.1/api/v1/vitals", { method: "POST", body: beacon(route), headers: headers() }),
  );

const counter = async (name: string) =>
  (await telemetry().registry.getSingleMetric(name)!.get()).values.reduce((n, v) => n + v.value, 0);

describe("database down: 503 with Retry-After, one log line per outage state change", () => {
  const route = `/outage/r${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    // Warm up: the route allowance and the pool are loaded while the database is reachable.
    expect((await vitals(route)).status).toBe(202);
  });
  afterAll(async () => {
    proxy.restore();
    await proxy.close();
  });

  it("refuses beacons, client errors and SLO events with 503 while the database is unreachable, and recovers", async () => {
    const errorLog = vi.spyOn(logger, "error");
    const infoLog = vi.spyOn(logger, "info");
    const refusedBefore = await counter("vigil_database_unavailable_total");
    const outagesBefore = await counter("vigil_database_outages_total");
    proxy.cut();

    const during = await Promise.all(Array.from({ length: 60 }, () => vitals(route)));
    const statuses = during.map((r) => r.status);
    expect(statuses.every((s) => s === 503)).toBe(true);
    expect(Number(during[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await during[0]!.json()).toMatchObject({ error: { code: "unavailable" } });

    const clientErrors = await postClientErrors(
      new Request("http://127.0.0.1/api/v1/client-errors", {
        method: "POST",
        body: JSON.stringify({ v: 1, errors: [{ route, count: 1 }] }),
        headers: headers(),
      }),
    );
    expect(clientErrors.status).toBe(503);
    expect(clientErrors.headers.get("retry-after")).not.toBeNull();

    const outageLines = () =>
      errorLog.mock.calls.filter(([, msg]) => typeof msg === "string" && msg.startsWith("database unreachable"));
    await vi.waitFor(() => expect(outageLines()).toHaveLength(1));
    expect(errorLog.mock.calls.filter(([, msg]) => msg === "unhandled error in route handler")).toHaveLength(0);
    expect(await counter("vigil_database_outages_total")).toBe(outagesBefore + 1);
    expect(await counter("vigil_database_unavailable_total")).toBeGreaterThanOrEqual(refusedBefore + 61);
    expect(databaseOutage()).not.toBeNull();

    proxy.restore();
    await vi.waitFor(() => expect(databaseOutage()).toBeNull(), { timeout: 15_000, interval: 100 });
    await vi.waitFor(() =>
      expect(infoLog.mock.calls.filter(([, msg]) => msg === "database reachable again")).toHaveLength(1),
    );
    expect(outageLines()).toHaveLength(1);

    const after = await Promise.all(Array.from({ length: 10 }, () => vitals(route)));
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(202));
    // Exactly the acknowledged beacons are stored: the warm-up one and the ten after recovery.
    expect(await db.vital.count({ where: { route } })).toBe(11 * 2);
  }, 30_000);

  it("answers 503 on the other public routes that need the database: SLO events and heartbeat pings", async () => {
    proxy.cut();
    try {
      const slo = await postSloEvents(
        new Request("http://127.0.0.1/api/v1/slo-events", {
          method: "POST",
          body: JSON.stringify({ slo: "it-outage", good: 9, total: 10 }),
          headers: headers({ "content-type": "application/json", authorization: `Bearer ${TOKEN}` }),
        }),
      );
      expect(slo.status).toBe(503);
      expect(slo.headers.get("retry-after")).not.toBeNull();
      const token = "a".repeat(43);
      const ping = await getHeartbeat(
        new Request(`http://127.0.0.1/api/v1/heartbeat/${token}`, { headers: headers() }),
        { params: Promise.resolve({ token }) },
      );
      expect(ping.status).toBe(503);
      expect(ping.headers.get("retry-after")).not.toBeNull();
    } finally {
      proxy.restore();
    }
    await vi.waitFor(() => expect(databaseOutage()).toBeNull(), { timeout: 15_000, interval: 100 });
  }, 30_000);
});
