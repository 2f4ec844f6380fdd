import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { OPTIONS, POST } from "@/app/api/v1/vitals/route";
import { db } from "@/lib/db";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";

// Clients are told apart as behind one reverse proxy: the X-Forwarded-For entry it appended is the client.
vi.hoisted(() => (process.env.VIGIL_TRUSTED_PROXIES = "1"));

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
// A letter first: a segment of digits only would normalise to [id].
const uniqueRoute = () => `/t/r${randomUUID().slice(0, 8)}`;
// A documentation IPv6 address per call: a fresh, valid client address each time.
const ip = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

function beacon(route: string, overrides: Record<string, unknown> = {}) {
  return {
    v: 1,
    pageViewId: `pv_${randomUUID().replaceAll("-", "")}`,
    route,
    navigationType: "navigate",
    connection: "4g",
    metrics: [
      { name: "LCP", value: 2100.5, id: "v6-1", attribution: { target: "main > img.hero", type: "image" } },
      { name: "INP", value: 640, id: "v6-2", attribution: { target: "button#buy", type: "pointer" } },
      { name: "CLS", value: 0.02, id: "v6-3" },
      { name: "FCP", value: 900, id: "v6-4" },
      { name: "TTFB", value: 120, id: "v6-5" },
    ],
    ...overrides,
  };
}

function post(
  body: string,
  { type = "text/plain", ua = CHROME, from = ip(), headers = {} as Record<string, string> } = {},
) {
  return POST(
    new Request("http://127.0.0.1/api/v1/vitals", {
      method: "POST",
      body,
      headers: { "content-type": type, "user-agent": ua, "x-forwarded-for": from, ...headers },
    }),
  );
}

const rowsFor = (route: string) => db.vital.count({ where: { route } });

describe("POST /api/v1/vitals", () => {
  it("stores a beacon after commit with server-side ratings, device and country, and updates both rollups", async () => {
    const route = uniqueRoute();
    const res = await post(JSON.stringify(beacon(route)), { ua: IPHONE, headers: { "x-vercel-ip-country": "fr" } });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("");
    const rows = await db.vital.findMany({ where: { route }, orderBy: { metricId: "asc" } });
    expect(rows.map((r) => [r.metric, r.rating])).toEqual([
      ["LCP", "good"],
      ["INP", "poor"],
      ["CLS", "good"],
      ["FCP", "good"],
      ["TTFB", "good"],
    ]);
    // No site key and no foreign Origin: Vigil's own site, in the partition of the day it arrived.
    expect(rows[0]).toMatchObject({
      siteId: VIGIL_SITE_ID,
      day: new Date(`${rows[0]!.ts.toISOString().slice(0, 10)}T00:00:00Z`),
      device: "mobile",
      browser: "Safari",
      country: "FR",
      attributionTarget: "main > img.hero",
      connection: "4g",
    });
    const rollups = await db.vitalRollup.findMany({ where: { route, metric: "INP" } });
    expect(rollups.map((r) => [r.grain, r.device, r.count, r.poor]).sort()).toEqual([
      ["day", "all", 1, 1],
      ["day", "mobile", 1, 1],
      ["hour", "all", 1, 1],
      ["hour", "mobile", 1, 1],
    ]);
    const allRoutes = await db.vitalRollup.count({ where: { route: "*", metric: "INP", device: "mobile" } });
    expect(allRoutes).toBeGreaterThanOrEqual(2);
  });

  it("accepts application/json and a per-metric route for soft navigations", async () => {
    const route = uniqueRoute();
    const soft = `${route}/next`;
    const body = beacon(route, {
      metrics: [
        { name: "INP", value: 80, id: "a", route: soft },
        { name: "LCP", value: 1000, id: "b" },
      ],
    });
    expect((await post(JSON.stringify(body), { type: "application/json; charset=utf-8" })).status).toBe(202);
    expect(await rowsFor(soft)).toBe(1);
    expect(await rowsFor(route)).toBe(1);
  });

  const bad: Array<[string, () => Promise<Response>, number, string]> = [
    ["malformed JSON", () => post('{"v":1,'), 400, "bad_request"],
    ["empty body", () => post(""), 400, "bad_request"],
    [
      "wrong content type",
      () => post(JSON.stringify(beacon("/x")), { type: "application/xml" }),
      415,
      "unsupported_media_type",
    ],
    [
      "missing content type",
      () =>
        POST(new Request("http://127.0.0.1/api/v1/vitals", { method: "POST", body: new TextEncoder().encode("{}") })),
      415,
      "unsupported_media_type",
    ],
    ["oversized body", () => post(JSON.stringify(beacon("/x", { pad: "x".repeat(70_000) }))), 413, "payload_too_large"],
    [
      "wrong types",
      () => post(JSON.stringify(beacon("/x", { metrics: [{ name: "LCP", value: "fast", id: "a" }] }))),
      400,
      "validation_failed",
    ],
    [
      "NaN as a string",
      () => post(JSON.stringify(beacon("/x", { metrics: [{ name: "LCP", value: "NaN", id: "a" }] }))),
      400,
      "validation_failed",
    ],
    [
      "Infinity via 1e999",
      () => post('{"v":1,"pageViewId":"abcdefgh","route":"/x","metrics":[{"name":"LCP","value":1e999,"id":"a"}]}'),
      400,
      "validation_failed",
    ],
    [
      "negative value",
      () => post(JSON.stringify(beacon("/x", { metrics: [{ name: "CLS", value: -0.1, id: "a" }] }))),
      400,
      "validation_failed",
    ],
    [
      "LCP over 10 minutes",
      () => post(JSON.stringify(beacon("/x", { metrics: [{ name: "LCP", value: 600_001, id: "a" }] }))),
      400,
      "validation_failed",
    ],
    [
      "CLS over 100",
      () => post(JSON.stringify(beacon("/x", { metrics: [{ name: "CLS", value: 101, id: "a" }] }))),
      400,
      "validation_failed",
    ],
    [
      "unknown metric",
      () => post(JSON.stringify(beacon("/x", { metrics: [{ name: "FID", value: 10, id: "a" }] }))),
      400,
      "validation_failed",
    ],
    [
      "51 metrics",
      () =>
        post(
          JSON.stringify(
            beacon("/x", { metrics: Array.from({ length: 51 }, (_, i) => ({ name: "CLS", value: 0, id: `m${i}` })) }),
          ),
        ),
      400,
      "validation_failed",
    ],
    ["no metrics", () => post(JSON.stringify(beacon("/x", { metrics: [] }))), 400, "validation_failed"],
    ["route that is a URL", () => post(JSON.stringify(beacon("https://evil.example/x"))), 400, "validation_failed"],
    [
      "bad page view id",
      () => post(JSON.stringify(beacon("/x", { pageViewId: "<script>" }))),
      400,
      "validation_failed",
    ],
    ["wrong version", () => post(JSON.stringify(beacon("/x", { v: 2 }))), 400, "validation_failed"],
    ["a JSON array", () => post("[1,2,3]"), 400, "validation_failed"],
  ];
  for (const [name, send, status, code] of bad) {
    it(`refuses ${name} with ${status} ${code} and stores nothing`, async () => {
      const before = await db.vital.count();
      const res = await send();
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
      expect(await db.vital.count()).toBe(before);
    });
  }

  it("drops bots with 204 and stores nothing", async () => {
    const route = uniqueRoute();
    const res = await post(JSON.stringify(beacon(route)), {
      ua: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    });
    expect(res.status).toBe(204);
    expect(await rowsFor(route)).toBe(0);
  });

  it("stores exactly the rows of every 202 under 200 concurrent beacons, in shared batches", async () => {
    const route = uniqueRoute();
    const responses = await Promise.all(Array.from({ length: 200 }, () => post(JSON.stringify(beacon(route)))));
    const accepted = responses.filter((r) => r.status === 202).length;
    expect(accepted).toBe(200);
    expect(await rowsFor(route)).toBe(accepted * 5);
    const daily = await db.vitalRollup.aggregate({
      where: { route, grain: "day", device: "all" },
      _sum: { count: true },
    });
    expect(daily._sum.count).toBe(accepted * 5);
  });

  it("rate-limits one address with 429 and Retry-After", async () => {
    const from = ip();
    let limited: Response | undefined;
    for (let i = 0; i < 700 && !limited; i++) {
      const res = await post("", { from });
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("answers CORS preflight", async () => {
    const res = await OPTIONS(new Request("http://127.0.0.1/api/v1/vitals", { method: "OPTIONS" }));
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-max-age")).toBe("86400");
  });
});
