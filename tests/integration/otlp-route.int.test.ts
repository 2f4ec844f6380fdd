import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { POST } from "@/app/v1/metrics/route";
import { pgPool } from "@/lib/db";
import { contentTypeOf, type SdkRecorder, sdkRecorder } from "@/lib/otlp/testing/sdk-payloads";
import { createSite, rotateSiteSecret } from "@/lib/sites/sites";

// The real route handler: site key, decoding, cumulative state and the rollups it writes, through the official SDK.
const tag = Math.random().toString(36).slice(2, 8);
const shop = await createSite({ name: "Shop", slug: `otlp-shop-${tag}`, allowedOrigins: [] });
const blog = await createSite({ name: "Blog", slug: `otlp-blog-${tag}`, allowedOrigins: [] });
const recorders: SdkRecorder[] = [];
afterAll(async () => {
  await Promise.all(recorders.map((r) => r.shutdown()));
});

function recorder(temporality: "delta" | "cumulative") {
  const r = sdkRecorder({
    temporality,
    aggregation: "explicit",
    resource: { "service.name": `shop-${tag}`, "service.instance.id": "i-1" },
  });
  recorders.push(r);
  return r;
}

const post = (key: string | null, body: Uint8Array, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://127.0.0.1/v1/metrics", {
      method: "POST",
      headers: { "content-type": contentTypeOf("protobuf"), ...(key ? { "x-vigil-key": key } : {}), ...headers },
      body: Buffer.from(body),
    }),
  );

async function counts(siteId: number, grain: "minute" | "hour") {
  const { rows } = await pgPool().query<{ route: string; method: string; status_class: number; n: number }>(
    `SELECT route, method, status_class, sum(count)::int AS n FROM request_rollups
     WHERE site_id = $1 AND grain = $2::"RequestGrain" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [siteId, grain],
  );
  return rows.map((r) => `${r.method} ${r.route} ${r.status_class}xx ×${r.n}`).sort();
}

const GET_PRODUCT = { "http.route": "/products/[id]", "http.request.method": "GET", "http.response.status_code": 200 };
const CHECKOUT_500 = { "http.route": "/api/checkout", "http.request.method": "POST", "http.response.status_code": 500 };

describe("POST /v1/metrics", () => {
  it("stores delta exports under the key's site with exact counts, minute and hour rows alike", async () => {
    const r = recorder("delta");
    for (let i = 0; i < 7; i++) r.record(0.05 + i / 100, GET_PRODUCT);
    for (let i = 0; i < 3; i++) r.record(0.2, CHECKOUT_500);
    const res = await post(shop.secretKey, await r.export("protobuf"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-protobuf");
    const expected = ["GET /products/[id] 2xx ×7", "POST /api/checkout 5xx ×3"];
    expect(await counts(shop.site.id, "minute")).toEqual(expected);
    expect(await counts(shop.site.id, "hour")).toEqual(expected);
    expect(await counts(blog.site.id, "minute")).toEqual([]);
  });

  it("turns cumulative exports into deltas: three exports count each request once; gzip is read", async () => {
    const r = recorder("cumulative");
    const t = Date.now();
    r.record(0.1, GET_PRODUCT);
    // Streams that began before the site existed only set a baseline: this one began after, so it counts.
    expect((await post(blog.secretKey, await r.export("protobuf", t))).status).toBe(200);
    r.record(0.1, GET_PRODUCT);
    r.record(0.1, GET_PRODUCT);
    expect((await post(blog.secretKey, await r.export("protobuf", t + 1000))).status).toBe(200);
    const again = await r.export("protobuf", t + 2000);
    expect((await post(blog.secretKey, gzipSync(again), { "content-encoding": "gzip" })).status).toBe(200);
    expect(await counts(blog.site.id, "minute")).toEqual(["GET /products/[id] 2xx ×3"]);
  });

  it("refuses a missing, wrong or rotated key with 401, bad bytes with 400, other types with 415: nothing stored", async () => {
    const r = recorder("delta");
    r.record(0.1, GET_PRODUCT);
    const body = await r.export("protobuf");
    const before = await counts(shop.site.id, "minute");
    expect((await post(null, body)).status).toBe(401);
    expect((await post(`sk_${"x".repeat(32)}`, body)).status).toBe(401);
    const rotated = await rotateSiteSecret(shop.site.id);
    const old = await post(shop.secretKey, body);
    expect(old.status).toBe(401);
    expect((await old.json()).error.code).toBe("unauthorized");
    const garbage = await post(rotated.secretKey, new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]));
    expect(garbage.status).toBe(400);
    expect((await post(rotated.secretKey, body, { "content-type": "text/plain" })).status).toBe(415);
    expect(await counts(shop.site.id, "minute")).toEqual(before);
    // The new key works.
    expect((await post(rotated.secretKey, body)).status).toBe(200);
    expect(await counts(shop.site.id, "minute")).not.toEqual(before);
  });
});
