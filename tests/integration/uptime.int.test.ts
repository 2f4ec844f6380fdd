import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServers } from "../support/http-receiver";

// A local target the test steers: healthy, failing, slow, redirecting to a "private" address.
let mode: "up" | "down" = "up";
const servers: Server[] = [];
async function serve(host: string, handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}
const priv = await serve("127.0.0.2", (_req, res) => res.end("private"));
const target = await serve("127.0.0.1", (req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (path === "/ready") return void res.end('{"status":"ready"}');
  if (path === "/health")
    return void (mode === "up" ? res.end("all systems ok") : res.writeHead(503).end("maintenance"));
  if (path === "/teapot") return void res.writeHead(418).end("short and stout");
  if (path === "/hang") return; // never answers
  if (path === "/to-private") return void res.writeHead(302, { location: `${priv}/` }).end();
  res.writeHead(404).end();
});
process.env.VIGIL_SELF_PROBE_URL = `${target}/ready`;

const { db } = await import("@/lib/db");
const { VIGIL_SITE_ID } = await import("@/lib/sites/site-input");
const { probe } = await import("@/lib/uptime/probe");
const { runUptimeProbes } = await import("@/lib/uptime/run-probes");
const { addMonitor, editMonitor, removeMonitor, setMonitorEnabled } = await import("@/lib/uptime/monitors");
const { recordHeartbeatPing } = await import("@/lib/uptime/heartbeat-ping");
const { loadUptimeReport, loadUptimeSummary } = await import("@/lib/uptime/uptime-report");
const { MonitorInput } = await import("@/lib/uptime/monitor-input");
const { telemetry } = await import("@/lib/telemetry/registry");
const { GET, HEAD, POST } = await import("@/app/api/v1/heartbeat/[token]/route");

const onlyFirstLoopback = (a: string) => a === "127.0.0.1";
const base = { expectedStatus: 200, bodyContains: null, timeoutMs: 2_000, allowPrivate: true, method: "GET" } as const;
const at = (t0: Date, seconds: number) => new Date(t0.getTime() + seconds * 1000);
const httpInput = (over: Record<string, string>) =>
  MonitorInput.parse({
    kind: "http",
    name: "Shop",
    method: "GET",
    expectedStatus: "200",
    timeoutSeconds: "2",
    intervalSeconds: "30",
    failureThreshold: "3",
    allowPrivate: "on",
    ...over,
  });
// Other test files may leave channels behind in the shared database: count only this file's channel's rows.
let channelId = "";
const deliveriesFor = (incidentIds: bigint[]) =>
  db.notificationDelivery.findMany({
    where: {
      channelId,
      eventKey: { in: incidentIds.flatMap((id) => [`incident:${id}:opened`, `incident:${id}:resolved`]) },
    },
    orderBy: { id: "asc" },
  });
const counted = async (monitor: string, outcome: string) =>
  (await telemetry().probeResults.get()).values.find(
    (v) => v.labels.monitor === monitor && v.labels.outcome === outcome,
  )?.value ?? 0;

beforeAll(async () => {
  // A channel, so that incident events land in the outbox.
  ({ id: channelId } = await db.notificationChannel.create({
    data: { name: "uptime test hook", kind: "webhook", url: "http://127.0.0.1:9/hook" },
  }));
});
afterAll(() => closeServers(servers));

describe("probe", () => {
  it("passes a healthy target and measures latency", async () => {
    expect(await probe({ ...base, url: `${target}/health`, bodyContains: "systems ok" })).toMatchObject({
      ok: true,
      statusCode: 200,
      latencyMs: expect.any(Number),
      error: null,
    });
  });

  it("fails a wrong status, a missing body substring, a timeout, and a redirect to a private address", async () => {
    expect(await probe({ ...base, url: `${target}/teapot` })).toMatchObject({
      ok: false,
      statusCode: 418,
      error: "Expected HTTP 200, got 418",
    });
    expect(await probe({ ...base, url: `${target}/health`, bodyContains: "ALL SYSTEMS" })).toMatchObject({
      ok: false,
      statusCode: 200,
      error: 'HTTP 200, but the body does not contain "ALL SYSTEMS"',
    });
    const t0 = performance.now();
    expect(await probe({ ...base, url: `${target}/hang`, timeoutMs: 300 })).toMatchObject({
      ok: false,
      statusCode: null,
      latencyMs: null,
      error: "Timeout: no complete answer within 300 ms",
    });
    expect(performance.now() - t0).toBeLessThan(2_000);
    const refused = await probe(
      { ...base, url: `${target}/to-private`, allowPrivate: false },
      { isPublic: onlyFirstLoopback },
    );
    expect(refused).toMatchObject({ ok: false, statusCode: null });
    expect(refused.error).toMatch(/^Blocked by the SSRF guard: 127\.0\.0\.2 /);
    // The same target without the hook is private itself: refused before any request.
    expect((await probe({ ...base, url: `${target}/health`, allowPrivate: false })).error).toMatch(
      /^Blocked by the SSRF guard/,
    );
  });

  it("bounds the timeout at 30 s whatever the row says, and reports a refused port", async () => {
    const gone = await serve("127.0.0.1", () => {});
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    expect((await probe({ ...base, url: `${gone}/`, timeoutMs: 10 * 60_000 })).error).toMatch(
      /^Network error: ECONNREFUSED/,
    );
  });
});

describe("uptime-probe job", () => {
  it("creates the built-in self-check once, probes due monitors, and opens exactly one incident after 3 failures; one success resolves it", async () => {
    // A scheduler run of another file (runDueJobs) may have made the built-in check already, due a minute later:
    // start from none, as a fresh install does.
    await db.monitor.deleteMany({ where: { siteId: VIGIL_SITE_ID, builtIn: true } });
    const t0 = new Date();
    const added = await addMonitor(
      VIGIL_SITE_ID,
      httpInput({ name: "Shop", url: `${target}/health`, bodyContains: "ok" }),
      t0,
    );
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    const shop = added.monitor;
    expect(shop.slug).toBe("shop");

    mode = "up";
    expect(await runUptimeProbes(t0)).toMatchObject({ due: 2, probed: 2, up: 2, down: 0 });
    const builtIn = await db.monitor.findUniqueOrThrow({
      where: { siteId_slug: { siteId: VIGIL_SITE_ID, slug: "vigil" } },
    });
    expect(builtIn).toMatchObject({
      name: "Vigil",
      builtIn: true,
      allowPrivate: true,
      intervalSeconds: 60,
      url: `${target}/ready`,
    });
    // Not due again until its interval has passed.
    expect(await runUptimeProbes(at(t0, 10))).toMatchObject({ due: 0, probed: 0 });

    mode = "down";
    const downBefore = await counted("shop", "down");
    for (const [k, expected] of [
      [1, 0],
      [2, 0],
      [3, 1],
    ] as const) {
      expect(await runUptimeProbes(at(t0, 60 * k))).toMatchObject({ probed: 2, down: 1, opened: expected });
    }
    const incidents = await db.incident.findMany({ where: { monitorId: shop.id } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ resolvedAt: null, failures: 3, cause: "Expected HTTP 200, got 503" });
    expect(incidents[0]!.openedAt.getTime()).toBeGreaterThanOrEqual(at(t0, 180).getTime());
    let deliveries = await deliveriesFor([incidents[0]!.id]);
    expect(deliveries.map((d) => [d.eventKey, d.eventType, d.status])).toEqual([
      [`incident:${incidents[0]!.id}:opened`, "incident.opened", "pending"],
    ]);
    expect(deliveries[0]!.payload).toMatchObject({
      title: "Shop is down",
      severity: "page",
      path: "/admin/uptime",
      data: { site: "vigil", monitor: "shop", failures: 3, cause: "Expected HTTP 200, got 503" },
    });
    expect(await counted("shop", "down")).toBe(downBefore + 3);

    // Still failing: the same incident counts the failure, nothing new is queued.
    expect(await runUptimeProbes(at(t0, 240))).toMatchObject({ down: 1, opened: 0 });
    expect(await db.incident.findMany({ where: { monitorId: shop.id } })).toEqual([
      expect.objectContaining({ failures: 4, resolvedAt: null }),
    ]);
    expect(await deliveriesFor([incidents[0]!.id])).toHaveLength(1);

    mode = "up";
    expect(await runUptimeProbes(at(t0, 300))).toMatchObject({ up: 2, resolved: 1 });
    const [resolved] = await db.incident.findMany({ where: { monitorId: shop.id } });
    expect(resolved!.resolvedAt!.getTime()).toBeGreaterThanOrEqual(at(t0, 300).getTime());
    deliveries = await deliveriesFor([resolved!.id]);
    expect(deliveries.map((d) => d.eventType)).toEqual(["incident.opened", "incident.resolved"]);
    expect(deliveries[1]!.payload).toMatchObject({ title: "Shop is up again" });

    // One row per check, in order; the built-in monitor only ever succeeded.
    const rows = await db.probeResult.findMany({ where: { monitorId: shop.id }, orderBy: { ts: "asc" } });
    expect(rows.map((r) => r.ok)).toEqual([true, false, false, false, false, true]);
    expect(rows.map((r) => r.statusCode)).toEqual([200, 503, 503, 503, 503, 200]);
    expect(await db.probeResult.count({ where: { monitorId: builtIn.id, ok: false } })).toBe(0);
    expect(
      (
        await db.monitor.findUniqueOrThrow({ where: { siteId_id: { siteId: VIGIL_SITE_ID, id: shop.id } } })
      ).nextCheckAt.getTime(),
    ).toBeGreaterThan(at(t0, 300).getTime());

    // Paused monitors are not probed; the built-in one cannot be deleted or edited.
    await setMonitorEnabled(shop.id, false);
    await setMonitorEnabled(builtIn.id, false);
    expect(await runUptimeProbes(at(t0, 3600))).toMatchObject({ due: 0 });
    expect(await removeMonitor(builtIn.id)).toBe(false);
    expect(await editMonitor(builtIn.id, httpInput({ name: "Mine now", url: "https://example.com/" }))).toEqual({
      ok: false,
      errors: { form: "The built-in self-check can only be paused or resumed." },
    });
    expect(
      await addMonitor(VIGIL_SITE_ID, httpInput({ name: "Other", slug: "shop", url: "https://example.com/" })),
    ).toEqual({
      ok: false,
      errors: { slug: 'Slug "shop" is already used by another monitor' },
    });
    expect(await addMonitor(VIGIL_SITE_ID, httpInput({ name: "Shop", url: "https://example.com/" }))).toMatchObject({
      ok: true,
      monitor: { slug: "shop-2" },
    });
    await db.monitor.deleteMany({ where: { siteId: VIGIL_SITE_ID, slug: "shop-2" } });
    expect(await removeMonitor(shop.id)).toBe(true);
    expect(await db.incident.count({ where: { monitorId: shop.id } })).toBe(0);
  });

  it("a silent heartbeat opens an incident once per missed interval; a ping resolves it", async () => {
    const t0 = new Date();
    const added = await addMonitor(
      VIGIL_SITE_ID,
      MonitorInput.parse({
        kind: "heartbeat",
        name: "Nightly backup",
        intervalSeconds: "60",
        graceSeconds: "30",
        failureThreshold: "1",
      }),
      t0,
    );
    if (!added.ok) throw new Error("not added");
    const hb = added.monitor;
    expect(hb.heartbeatToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hb.nextCheckAt).toEqual(at(t0, 90));

    expect(await runUptimeProbes(at(t0, 89))).toMatchObject({ heartbeatsMissed: 0 });
    expect(await runUptimeProbes(at(t0, 91))).toMatchObject({ heartbeatsMissed: 1, opened: 1 });
    // Several scheduler ticks within the next interval: no further failure.
    expect(await runUptimeProbes(at(t0, 106))).toMatchObject({ heartbeatsMissed: 0 });
    expect(await runUptimeProbes(at(t0, 149))).toMatchObject({ heartbeatsMissed: 0 });
    expect(await runUptimeProbes(at(t0, 151))).toMatchObject({ heartbeatsMissed: 1, opened: 0 });
    const [incident] = await db.incident.findMany({ where: { monitorId: hb.id } });
    expect(incident).toMatchObject({
      failures: 2,
      resolvedAt: null,
      cause: "No ping yet: expected every 60 s + 30 s grace",
    });

    const ping = await recordHeartbeatPing(hb.heartbeatToken!, at(t0, 160));
    expect(ping).toEqual({
      monitor: "nightly-backup",
      name: "Nightly backup",
      nextDeadline: at(t0, 250).toISOString(),
      incident: "resolved",
    });
    expect(
      (await db.incident.findUniqueOrThrow({ where: { siteId_id: { siteId: VIGIL_SITE_ID, id: incident!.id } } }))
        .resolvedAt,
    ).toEqual(at(t0, 160));
    expect((await deliveriesFor([incident!.id])).map((d) => d.eventType)).toEqual([
      "incident.opened",
      "incident.resolved",
    ]);
    expect(
      await db.probeResult.findMany({ where: { monitorId: hb.id }, orderBy: { ts: "asc" }, select: { ok: true } }),
    ).toEqual([{ ok: false }, { ok: false }, { ok: true }]);
    const after = await db.monitor.findUniqueOrThrow({ where: { siteId_id: { siteId: VIGIL_SITE_ID, id: hb.id } } });
    expect(after).toMatchObject({ lastPingAt: at(t0, 160), nextCheckAt: at(t0, 250) });
    await db.monitor.delete({ where: { siteId_id: { siteId: VIGIL_SITE_ID, id: hb.id } } });
  });

  it("the heartbeat route answers 200 with the monitor's name for GET, POST and HEAD, 404 JSON for unknown tokens", async () => {
    const added = await addMonitor(
      VIGIL_SITE_ID,
      MonitorInput.parse({
        kind: "heartbeat",
        name: "Cron job",
        intervalSeconds: "300",
        graceSeconds: "60",
        failureThreshold: "1",
      }),
    );
    if (!added.ok) throw new Error("not added");
    const token = added.monitor.heartbeatToken!;
    const call = (handler: typeof GET, t: string, method = "GET") =>
      handler(new Request(`http://127.0.0.1:3000/api/v1/heartbeat/${t}`, { method }), {
        params: Promise.resolve({ token: t }),
      });
    const ok = await call(GET, token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, monitor: "cron-job", name: "Cron job", incident: null });
    expect((await call(POST, token, "POST")).status).toBe(200);
    const head = await call(HEAD, token, "HEAD");
    expect([head.status, await head.text()]).toEqual([200, ""]);
    expect(await db.probeResult.count({ where: { monitorId: added.monitor.id, ok: true } })).toBe(3);
    for (const bad of ["x".repeat(43), "short", "../../etc/passwd"]) {
      const res = await call(GET, bad);
      expect(res.status, bad).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: "not_found", message: "No heartbeat monitor has this token." },
      });
    }
    await db.monitor.delete({ where: { siteId_id: { siteId: VIGIL_SITE_ID, id: added.monitor.id } } });
  });
});

describe("uptime read model", () => {
  it("reports uptime per window, status bars and latency percentiles exactly as the seeded rows say", async () => {
    const now = new Date("2030-06-15T12:10:00Z");
    const m = await db.monitor.create({
      data: {
        siteId: VIGIL_SITE_ID,
        slug: "seeded",
        name: "Seeded",
        kind: "http",
        url: "https://seeded.example/",
        nextCheckAt: new Date("2100-01-01T00:00:00Z"),
      },
    });
    const rows: Array<{ ago: number; ok: boolean; latencyMs?: number }> = [
      // Last 24 h: 9 of 10 ok, with latencies 10..100 ms within 12:00–12:30.
      ...Array.from({ length: 10 }, (_, i) => ({ ago: 60 + i * 30, ok: i !== 4, latencyMs: (i + 1) * 10 })),
      // 3 days ago: 15 of 20.
      ...Array.from({ length: 20 }, (_, i) => ({ ago: 3 * 86_400 + i, ok: i >= 5 })),
      // 20 days ago: 0 of 5.
      ...Array.from({ length: 5 }, (_, i) => ({ ago: 20 * 86_400 + i, ok: false })),
      // 60 days ago: 7 of 7; 95 days ago: outside every window.
      ...Array.from({ length: 7 }, (_, i) => ({ ago: 60 * 86_400 + i, ok: true })),
      ...Array.from({ length: 4 }, (_, i) => ({ ago: 95 * 86_400 + i, ok: false })),
    ];
    await db.probeResult.createMany({
      data: rows.map((r) => ({
        siteId: VIGIL_SITE_ID,
        monitorId: m.id,
        ts: new Date(now.getTime() - r.ago * 1000),
        ok: r.ok,
        latencyMs: r.latencyMs ?? null,
      })),
    });

    const report = await loadUptimeReport(VIGIL_SITE_ID, { now });
    const seeded = report.monitors.find((x) => x.slug === "seeded")!;
    expect(seeded.uptime.map((u) => [u.key, u.ok, u.total, u.text])).toEqual([
      ["24h", 9, 10, "90.000%"],
      ["7d", 24, 30, "80.000%"],
      ["30d", 24, 35, "68.571%"], // 24/35 = 68.5714…
      ["90d", 31, 42, "73.809%"], // 31/42 = 73.8095… rounded down
    ]);
    expect(seeded.status).toBe("up");
    expect(seeded.last).toMatchObject({ ok: true, latencyMs: 10 });
    // The 10 recent checks ran 60–330 s before 12:10, all in the 12:00 hour.
    const hours = seeded.bars["24h"];
    expect(hours.at(-1)).toMatchObject({
      ok: 9,
      total: 10,
      state: "degraded",
      start: Date.parse("2030-06-15T12:00:00Z"),
    });
    expect(hours.slice(0, -1).every((s) => s.state === "none")).toBe(true);
    const days = seeded.bars["90d"];
    expect(days).toHaveLength(90);
    expect(days.at(-1)).toMatchObject({ ok: 9, total: 10, state: "degraded" });
    expect(days.find((d) => d.start === Date.parse("2030-06-12T00:00:00Z"))).toMatchObject({
      ok: 15,
      total: 20,
      state: "degraded",
    });
    expect(days.find((d) => d.start === Date.parse("2030-05-26T00:00:00Z"))).toMatchObject({
      ok: 0,
      total: 5,
      state: "down",
    });
    expect(days.find((d) => d.start === Date.parse("2030-04-16T00:00:00Z"))).toMatchObject({
      ok: 7,
      total: 7,
      state: "up",
    });
    // Linear interpolation over 10, 20, …, 100: p50 at rank 4.5 → 55; p95 at rank 8.55 → 95.5.
    expect(seeded.latency).toEqual([
      { t: Date.parse("2030-06-15T12:00:00Z"), p50: 55, p95: expect.closeTo(95.5, 9), n: 10 },
    ]);
    expect(seeded.heartbeatUrl).toBeNull();

    const summary = await loadUptimeSummary(VIGIL_SITE_ID, now);
    expect(summary?.worst).toMatchObject({ slug: "seeded", ok: 24, total: 35, text: "68.571%" });
    await db.monitor.delete({ where: { siteId_id: { siteId: VIGIL_SITE_ID, id: m.id } } });
  });
});
