import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/vitals/route";
import { db, pgPool } from "@/lib/db";
import { isDataError } from "@/lib/db/pg-errors";
import { browserRouteStore } from "@/lib/ingest/browser-route-repository";
import { GroupCommitter } from "@/lib/ingest/group-commit";
import { ingestVitals } from "@/lib/ingest/ingest-vitals";
import { OTHER_ROUTE, RouteAdmission } from "@/lib/ingest/route-admission";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { VitalsBeacon } from "@/lib/vitals/beacon-schema";
import { histogramOf } from "@/lib/vitals/histogram";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";
import { telemetry } from "@/lib/telemetry/registry";

// Clients are told apart as behind one reverse proxy: the X-Forwarded-For entry it appended is the client.
vi.hoisted(() => (process.env.VIGIL_TRUSTED_PROXIES = "1"));

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
// Beacons without a site key, from no foreign origin: Vigil's own site.
const siteId = VIGIL_SITE_ID;
// A letter first: a segment of digits only would normalise to [id].
const tag = () => `t${randomUUID().slice(0, 8)}`;
const pageView = () => `pv_${randomUUID().replaceAll("-", "")}`;

function beacon(route: string, overrides: Record<string, unknown> = {}, pageViewId = pageView()) {
  return {
    v: 1,
    pageViewId,
    route,
    metrics: [
      { name: "LCP", value: 2100, id: "v6-lcp", attribution: { target: "main > img", type: "image" } },
      { name: "CLS", value: 0.05, id: "v6-cls" },
      { name: "TTFB", value: 120, id: "v6-ttfb" },
    ],
    ...overrides,
  };
}

const post = (body: string, from = `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`) =>
  POST(
    new Request("http://127.0.0.1/api/v1/vitals", {
      method: "POST",
      body,
      headers: { "content-type": "text/plain", "user-agent": CHROME, "x-forwarded-for": from },
    }),
  );

const rollupSum = async (route: string, metric: "LCP" | "CLS" | "TTFB", grain: "hour" | "day" = "day") => {
  const rows = await db.vitalRollup.findMany({ where: { siteId, route, metric, grain, device: "all" } });
  return rows.reduce(
    (a, r) => ({
      count: a.count + r.count,
      good: a.good + r.good,
      poor: a.poor + r.poor,
      hist: { ...a.hist, ...(r.hist as Record<string, number>) },
    }),
    { count: 0, good: 0, poor: 0, hist: {} as Record<string, number> },
  );
};

// Every way a string can carry what Postgres text or jsonb cannot hold, in every string field of the beacon.
const UNSTORABLE: Array<[string, (route: string) => string]> = [
  ["NUL in the route", (r) => JSON.stringify(beacon(`${r}/\u0000x`))],
  [
    "escaped NUL in a per-metric route",
    (r) => JSON.stringify(beacon(r, { metrics: [{ name: "LCP", value: 1, id: "a", route: `${r}/\u0000` }] })),
  ],
  ["NUL in a metric id", (r) => JSON.stringify(beacon(r, { metrics: [{ name: "LCP", value: 1, id: "a\u0000" }] }))],
  [
    "NUL in the attribution target",
    (r) =>
      JSON.stringify(
        beacon(r, { metrics: [{ name: "INP", value: 9, id: "a", attribution: { target: "div\u0000" } }] }),
      ),
  ],
  [
    "lone surrogate in the attribution type",
    (r) =>
      `{"v":1,"pageViewId":"${pageView()}","route":"${r}","metrics":[{"name":"INP","value":9,"id":"a","attribution":{"type":"\\ud800"}}]}`,
  ],
  [
    "lone surrogate in the route",
    (r) => `{"v":1,"pageViewId":"${pageView()}","route":"${r}/\\udfff","metrics":[{"name":"LCP","value":1,"id":"a"}]}`,
  ],
  ["NUL in an ignored extra field", (r) => JSON.stringify(beacon(r, { extra: "\u0000" }))],
  [
    "NUL in an object key",
    (r) =>
      `{"v":1,"pageViewId":"${pageView()}","route":"${r}","metrics":[{"name":"LCP","value":1,"id":"a"}],"k\\u0000":1}`,
  ],
];

describe("ingest integrity: one bad beacon never costs another", () => {
  it.each(UNSTORABLE)("refuses %s with 400 and stores nothing", async (_what, body) => {
    const route = `/bad/${tag()}`;
    const res = await post(body(route));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: "validation_failed", message: expect.stringMatching(/NUL|surrogate/) },
    });
    expect(await db.vital.count({ where: { route: { startsWith: route } } })).toBe(0);
  });

  it("stores every valid beacon exactly once while refused ones arrive in the same batches", async () => {
    const route = `/mixed/${tag()}`;
    const bodies = Array.from({ length: 200 }, (_, i) =>
      i % 40 === 7 ? UNSTORABLE[Math.floor(i / 40)]![1](route) : JSON.stringify(beacon(route)),
    );
    const responses = await Promise.all(bodies.map((b) => post(b)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(195);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(await db.vital.count({ where: { siteId, route } })).toBe(195 * 3);
    expect((await rollupSum(route, "LCP")).count).toBe(195);
  });

  it("isolates a row the database refuses: the committer splits the batch and only its submitter fails", async () => {
    const route = `/isolate/${tag()}`;
    const row = (i: number, bad = false): VitalRow => ({
      siteId,
      ts: new Date(),
      metric: "LCP",
      value: 1000 + i,
      rating: "good",
      route: bad ? `${route}\u0000` : route,
      device: "desktop",
      browser: null,
      country: null,
      navigationType: null,
      connection: null,
      pageViewId: pageView(),
      metricId: `m${i}`,
      attributionTarget: null,
      attributionType: null,
    });
    const committer = new GroupCommitter<VitalRow, ReadonlySet<VitalRow>>((rows) => insertVitalsBatch(rows), {
      maxRows: 1_000,
      lingerMs: 20,
      maxQueuedRows: 10_000,
      isolate: isDataError,
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => committer.submit([row(i, i % 20 === 3)])),
    );
    const failed = outcomes.flatMap((o, i) => (o.status === "rejected" ? [i] : []));
    expect(failed).toEqual([3, 23, 43]);
    expect(
      outcomes.filter((o) => o.status === "rejected").every((o) => isDataError((o as PromiseRejectedResult).reason)),
    ).toBe(true);
    expect(await db.vital.count({ where: { siteId, route } })).toBe(57);
    expect((await rollupSum(route, "LCP")).count).toBe(57);
  });
});

describe("rollup counters at the int maximum", () => {
  it("saturate instead of failing every later beacon of that hour with 22003", async () => {
    const at = new Date("2020-04-04T10:30:00Z");
    const route = `/saturate/${tag()}`;
    const INT_MAX = 2_147_483_647;
    await pgPool().query(
      `INSERT INTO vital_rollups (site_id, grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
      VALUES ($3, 'hour', '2020-04-04T10:00:00Z', 'TTFB', $1, 'desktop', $2, $2, 0, 0, 0, '{}')`,
      [route, INT_MAX - 1, siteId],
    );
    const client = { device: "desktop" as const, browser: "Chrome", country: null, bot: false };
    for (let i = 0; i < 3; i++) {
      await ingestVitals(
        siteId,
        VitalsBeacon.parse(beacon(route, { metrics: [{ name: "TTFB", value: 100, id: "t" }] })),
        client,
        at,
      );
    }
    const { rows } = await pgPool().query(
      `SELECT count, good FROM vital_rollups WHERE site_id = $2 AND grain = 'hour' AND route = $1 AND device = 'desktop'`,
      [route, siteId],
    );
    expect(rows).toEqual([{ count: INT_MAX, good: INT_MAX }]);
    expect(await db.vital.count({ where: { siteId, route } })).toBe(3);
  });
});

describe("replays: one stored value per (page view, metric, id), the latest wins", () => {
  it("stores 200 identical concurrent beacons once and counts them once", async () => {
    const route = `/replay/${tag()}`;
    const body = JSON.stringify(beacon(route));
    const lcpCount = async () =>
      (await telemetry().vitals.LCP.get()).values.find(
        (v) => v.metricName === "web_vitals_lcp_seconds_count" && v.labels.route === route,
      )?.value ?? 0;
    const responses = await Promise.all(Array.from({ length: 200 }, () => post(body)));
    expect(responses.every((r) => r.status === 202)).toBe(true);
    expect(await db.vital.count({ where: { route } })).toBe(3);
    for (const metric of ["LCP", "CLS", "TTFB"] as const) {
      expect(await rollupSum(route, metric, "day")).toMatchObject({ count: 1 });
      expect(await rollupSum(route, metric, "hour")).toMatchObject({ count: 1 });
    }
    expect((await rollupSum("*", "LCP")).count).toBeGreaterThanOrEqual(1);
    // /metrics sees the sample once too (Prometheus SLO rules read these histograms).
    expect(await lcpCount()).toBe(1);
  });

  it("replaces a re-reported CLS value: the row, the rating split and the histogram move, the count does not", async () => {
    const route = `/replay/${tag()}`;
    const pv = pageView();
    const cls = (value: number) =>
      JSON.stringify(beacon(route, { metrics: [{ name: "CLS", value, id: "v6-cls" }] }, pv));
    expect((await post(cls(0.05))).status).toBe(202);
    expect((await post(cls(0.3))).status).toBe(202);
    const stored = await db.vital.findMany({ where: { route } });
    expect(stored.map((r) => [r.value, r.rating])).toEqual([[0.3, "poor"]]);
    for (const grain of ["hour", "day"] as const) {
      const sum = await rollupSum(route, "CLS", grain);
      expect(sum).toEqual({ count: 1, good: 0, poor: 1, hist: histogramOf([0.3]) });
    }
    // The same value again changes nothing; a replay inside one batch keeps the last report.
    await Promise.all([post(cls(0.3)), post(cls(0.3))]);
    expect(await rollupSum(route, "CLS")).toEqual({ count: 1, good: 0, poor: 1, hist: histogramOf([0.3]) });
  });

  it("settles concurrent different replays of one sample on exactly one value, counted once", async () => {
    const route = `/replay/${tag()}`;
    const pv = pageView();
    const values = Array.from({ length: 40 }, (_, i) => 0.01 * (i + 1));
    const responses = await Promise.all(
      values.map((v) => post(JSON.stringify(beacon(route, { metrics: [{ name: "CLS", value: v, id: "same" }] }, pv)))),
    );
    expect(responses.map((r) => r.status)).toEqual(values.map(() => 202));
    const stored = await db.vital.findMany({ where: { route } });
    expect(stored).toHaveLength(1);
    const sum = await rollupSum(route, "CLS");
    expect(sum.count).toBe(1);
    expect(sum.hist).toEqual(histogramOf([stored[0]!.value]));
  });

  it("keeps two page views with the same metric ids apart", async () => {
    const route = `/replay/${tag()}`;
    await post(JSON.stringify(beacon(route)));
    await post(JSON.stringify(beacon(route)));
    expect(await db.vital.count({ where: { route } })).toBe(6);
  });
});

describe("route cardinality: a daily cap, overflow to (other)", () => {
  const client = { device: "desktop" as const, browser: "Chrome", country: null, bot: false };

  it("stores at most the configured number of new routes per UTC day, the rest as (other)", async () => {
    // A day of its own (2020-02-02), so the allowance of today's data in other tests is untouched.
    const day = new Date("2020-02-02T12:00:00Z");
    const prefix = `/cap/${tag()}`;
    const cap = 1_000; // VIGIL_INGEST_MAX_ROUTES_PER_DAY's default
    const beacons = Array.from({ length: cap + 300 }, (_, i) =>
      VitalsBeacon.parse(beacon(`${prefix}/r${i}`, { metrics: [{ name: "TTFB", value: 100, id: "t" }] })),
    );
    for (let i = 0; i < beacons.length; i += 100)
      await Promise.all(beacons.slice(i, i + 100).map((b) => ingestVitals(siteId, b, client, day)));
    const routes = await pgPool().query<{ route: string; n: number }>(
      `SELECT route, count(*)::int AS n FROM vitals WHERE site_id = $2 AND day = '2020-02-02' AND ts = $1 GROUP BY route`,
      [day, siteId],
    );
    const named = routes.rows.filter((r) => r.route.startsWith(prefix));
    expect(named.length).toBeLessThanOrEqual(cap);
    expect(named.length).toBeGreaterThanOrEqual(cap - 5);
    const other = routes.rows.find((r) => r.route === OTHER_ROUTE)?.n ?? 0;
    expect(other + named.reduce((n, r) => n + r.n, 0)).toBe(cap + 300);
    const rollupRoutes = await pgPool().query<{ n: number }>(
      `SELECT count(DISTINCT route)::int AS n FROM vital_rollups WHERE site_id = $2 AND grain = 'day' AND bucket_start = $1 AND route <> '*'`,
      [new Date("2020-02-02T00:00:00Z"), siteId],
    );
    expect(rollupRoutes.rows[0]!.n).toBe(named.length + 1);
  });

  it("shares one allowance between instances through browser_routes", async () => {
    const day = new Date("2020-03-03T00:00:00Z").getTime();
    const a = new RouteAdmission(browserRouteStore(siteId), 10, () => day);
    const b = new RouteAdmission(browserRouteStore(siteId), 10, () => day);
    const first = await a.resolve(Array.from({ length: 6 }, (_, i) => `/a${i}`));
    const second = await b.resolve(Array.from({ length: 6 }, (_, i) => `/b${i}`));
    expect(Array.from({ length: 6 }, (_, i) => first(`/a${i}`))).not.toContain(OTHER_ROUTE);
    expect(Array.from({ length: 6 }, (_, i) => second(`/b${i}`)).filter((r) => r === OTHER_ROUTE)).toHaveLength(2);
  });
});
