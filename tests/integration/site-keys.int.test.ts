import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postClientErrors } from "@/app/api/v1/client-errors/route";
import { POST as postSloEvents } from "@/app/api/v1/slo-events/route";
import { POST as postVitals } from "@/app/api/v1/vitals/route";
import { db } from "@/lib/db";
import { newPublicKey, newSecretKey } from "@/lib/sites/keys";
import { siteBySecret } from "@/lib/sites/site-directory";
import { SiteInput, VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { createSite, rotateSiteSecret, type Site } from "@/lib/sites/sites";
import { createSlo } from "@/lib/slo/slo-store";
import { telemetry } from "@/lib/telemetry/registry";

// Clients are told apart as behind one reverse proxy (whose public URL is AUTH_URL); the API token acts for any
// site named with ?site=.
vi.hoisted(() => {
  process.env.VIGIL_TRUSTED_PROXIES = "1";
  process.env.AUTH_URL = "https://vigil.example";
  process.env.VIGIL_API_TOKEN = "integration-api-token-0123456789";
});

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const tag = randomUUID().slice(0, 8);
const SHOP_ORIGIN = "https://shop.example";
const BLOG_ORIGIN = "https://blog.example";
const ip = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

let shop: Site;
let shopSecret: string;
let blog: Site;
beforeAll(async () => {
  ({ site: shop, secretKey: shopSecret } = await createSite(
    SiteInput.parse({ name: "Shop", slug: `shop-${tag}`, allowedOrigins: SHOP_ORIGIN }),
  ));
  ({ site: blog } = await createSite(
    SiteInput.parse({ name: "Blog", slug: `blog-${tag}`, allowedOrigins: BLOG_ORIGIN }),
  ));
  // Custom SLO events need a custom SLO on the site, as a team adds in Settings.
  for (const siteId of [VIGIL_SITE_ID, shop.id, blog.id])
    await createSlo(siteId, { id: "it-orders", name: "Orders", kind: "custom", objective: 0.99, owner: "shop" });
});

const beaconFor = (route: string, site?: string) =>
  JSON.stringify({
    v: 1,
    ...(site ? { site } : {}),
    pageViewId: `pv_${randomUUID().replaceAll("-", "")}`,
    route,
    metrics: [
      { name: "LCP", value: 1800, id: "lcp" },
      { name: "TTFB", value: 90, id: "ttfb" },
    ],
  });
/** A browser's beacon: `origin` is the page that sent it (none: a same-origin navigation or a server). */
const send = (
  handler: (r: Request) => Promise<Response>,
  path: string,
  body: string,
  headers: Record<string, string> = {},
) =>
  handler(
    new Request(`http://127.0.0.1:3000${path}`, {
      method: "POST",
      body,
      headers: { "content-type": "text/plain", "user-agent": CHROME, "x-forwarded-for": ip(), ...headers },
    }),
  );
const vitals = (body: string, headers?: Record<string, string>) => send(postVitals, "/api/v1/vitals", body, headers);

/** Raw rows per site for a route: every site, so a row stored under the wrong one shows. */
const storedBySite = async (route: string) =>
  Object.fromEntries(
    (await db.vital.groupBy({ by: ["siteId"], where: { route }, _count: { _all: true } })).map((g) => [
      g.siteId,
      g._count._all,
    ]),
  );
const rollupsOf = (route: string) => db.vitalRollup.count({ where: { route } });
const unknownSiteCount = async () =>
  (await telemetry().ingestRejected.get()).values.find((v) => v.labels.reason === "unknown_site")?.value ?? 0;

/** 403 with the refusal's own code: an unknown or missing key, or an origin the site does not allow. */
async function expectRefused(res: Response, message: RegExp) {
  expect(res.status).toBe(403);
  const code = /origin may not send/.test(message.source) ? "origin_not_allowed" : "unknown_site";
  expect(await res.json()).toEqual({ error: { code, message: expect.stringMatching(message) } });
}

describe("browser beacons name their site by public key, from the site's allowed origins only", () => {
  it("stores a beacon under the site its key names, from one of that site's origins", async () => {
    const route = `/keys/${tag}/ok`;
    const res = await vitals(beaconFor(route, shop.publicKey), { origin: SHOP_ORIGIN });
    expect(res.status).toBe(202);
    expect(await storedBySite(route)).toEqual({ [shop.id]: 2 });
    expect(await db.vitalRollup.count({ where: { route, siteId: shop.id } })).toBeGreaterThan(0);
    expect(await db.vitalRollup.count({ where: { route, siteId: { not: shop.id } } })).toBe(0);
  });

  it("refuses an unknown key with 403 and stores nothing, whatever the origin", async () => {
    const route = `/keys/${tag}/unknown`;
    const before = await unknownSiteCount();
    for (const headers of [{ origin: SHOP_ORIGIN }, {}] as Array<Record<string, string>>) {
      await expectRefused(await vitals(beaconFor(route, newPublicKey()), headers), /Unknown site key/);
    }
    expect(await unknownSiteCount()).toBe(before + 2);
    expect(await storedBySite(route)).toEqual({});
    expect(await rollupsOf(route)).toBe(0);
  });

  it("refuses a known key sent from a foreign origin with 403 and stores nothing", async () => {
    const route = `/keys/${tag}/foreign`;
    for (const origin of ["https://evil.example", "https://shop.example.evil.example", "http://shop.example", "null"])
      await expectRefused(await vitals(beaconFor(route, shop.publicKey), { origin }), /origin may not send/);
    expect(await storedBySite(route)).toEqual({});
    expect(await rollupsOf(route)).toBe(0);
  });

  it("refuses a keyless beacon from another origin: only Vigil's own pages may omit the key", async () => {
    const route = `/keys/${tag}/keyless`;
    await expectRefused(await vitals(beaconFor(route), { origin: SHOP_ORIGIN }), /names no site/);
    expect(await storedBySite(route)).toEqual({});
    // From Vigil's own origin (or with no Origin at all) it is Vigil's.
    expect((await vitals(beaconFor(route), { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).status).toBe(
      202,
    );
    expect((await vitals(beaconFor(route))).status).toBe(202);
    expect(await storedBySite(route)).toEqual({ [VIGIL_SITE_ID]: 4 });
  });

  it("takes AUTH_URL's origin as Vigil's own behind a proxy that sends the upstream's Host", async () => {
    const route = `/keys/${tag}/proxied`;
    const upstream = { host: "127.0.0.1:3000" };
    expect((await vitals(beaconFor(route), { ...upstream, origin: "https://vigil.example" })).status).toBe(202);
    expect((await vitals(beaconFor(route), { ...upstream, origin: "https://VIGIL.example:443" })).status).toBe(202);
    for (const origin of ["https://vigil.example.evil.example", "http://vigil.example", "https://evil.example"])
      await expectRefused(await vitals(beaconFor(route), { ...upstream, origin }), /names no site/);
    expect(await storedBySite(route)).toEqual({ [VIGIL_SITE_ID]: 4 });
  });

  it("does not let one site's pages write with another site's key", async () => {
    const route = `/keys/${tag}/crossed`;
    await expectRefused(await vitals(beaconFor(route, blog.publicKey), { origin: SHOP_ORIGIN }), /origin may not send/);
    await expectRefused(await vitals(beaconFor(route, shop.publicKey), { origin: BLOG_ORIGIN }), /origin may not send/);
    expect(await storedBySite(route)).toEqual({});
    // Each from its own origin lands under its own site only.
    expect((await vitals(beaconFor(route, blog.publicKey), { origin: BLOG_ORIGIN })).status).toBe(202);
    expect((await vitals(beaconFor(route, shop.publicKey), { origin: SHOP_ORIGIN })).status).toBe(202);
    expect((await vitals(beaconFor(route, shop.publicKey), { origin: SHOP_ORIGIN })).status).toBe(202);
    expect(await storedBySite(route)).toEqual({ [blog.id]: 2, [shop.id]: 4 });
  });

  it("applies the same checks to client error reports", async () => {
    const route = `/keys/${tag}/errors`;
    const report = (site?: string) =>
      JSON.stringify({ v: 1, ...(site ? { site } : {}), errors: [{ route, count: 3 }] });
    const errors = (body: string, headers: Record<string, string>) =>
      send(postClientErrors, "/api/v1/client-errors", body, headers);
    await expectRefused(await errors(report(newPublicKey()), { origin: SHOP_ORIGIN }), /Unknown site key/);
    await expectRefused(await errors(report(shop.publicKey), { origin: BLOG_ORIGIN }), /origin may not send/);
    await expectRefused(await errors(report(), { origin: SHOP_ORIGIN }), /names no site/);
    expect(await db.clientErrorRollup.count({ where: { route } })).toBe(0);
    expect((await errors(report(shop.publicKey), { origin: SHOP_ORIGIN })).status).toBe(202);
    const rows = await db.clientErrorRollup.findMany({ where: { route } });
    expect(rows.map((r) => [r.siteId, Number(r.count)])).toEqual([[shop.id, 3]]);
  });
});

describe("server keys", () => {
  const sloEvents = (query: string, headers: Record<string, string>, good = 9) =>
    postSloEvents(
      new Request(`http://127.0.0.1:3000/api/v1/slo-events${query}`, {
        method: "POST",
        body: JSON.stringify({ slo: "it-orders", good, total: 10 }),
        headers: { "content-type": "application/json", ...headers },
      }),
    );
  const eventsBySite = async () =>
    Object.fromEntries(
      (await db.sloEventRollup.groupBy({ by: ["siteId"], where: { slo: "it-orders" }, _sum: { total: true } })).map(
        (g) => [g.siteId, Number(g._sum.total)],
      ),
    );

  it("a rotated key stops working at once; the new one names the same site", async () => {
    expect((await siteBySecret(shopSecret))?.id).toBe(shop.id);
    const { secretKey: rotated } = await rotateSiteSecret(shop.id);
    expect(rotated).not.toBe(shopSecret);
    expect(await siteBySecret(shopSecret)).toBeNull();
    expect((await siteBySecret(rotated))?.id).toBe(shop.id);
    // A well-formed key nobody holds, and a public key used as a secret, name no site either.
    expect(await siteBySecret(newSecretKey())).toBeNull();
    expect(await siteBySecret(shop.publicKey)).toBeNull();

    const before = await eventsBySite();
    const old = await sloEvents("", { "x-vigil-key": shopSecret });
    expect(old.status).toBe(401);
    expect(await old.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(await eventsBySite()).toEqual(before);
    expect((await sloEvents("", { "x-vigil-key": rotated })).status).toBe(202);
    expect((await sloEvents("", { authorization: `Bearer ${rotated}` })).status).toBe(202);
    expect(await eventsBySite()).toEqual({ ...before, [shop.id]: (before[shop.id] ?? 0) + 20 });
    shopSecret = rotated;
  });

  it("a site's key cannot write to another site; the API token writes where ?site= says", async () => {
    const before = await eventsBySite();
    const crossed = await sloEvents(`?site=${blog.slug}`, { "x-vigil-key": shopSecret });
    expect(crossed.status).toBe(403);
    expect(await crossed.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(await eventsBySite()).toEqual(before);
    const token = { authorization: "Bearer integration-api-token-0123456789" };
    expect((await sloEvents(`?site=${blog.slug}`, token)).status).toBe(202);
    expect((await sloEvents("", token)).status).toBe(202);
    expect((await sloEvents(`?site=no-such-${tag}`, token)).status).toBe(404);
    expect(await eventsBySite()).toEqual({
      ...before,
      [blog.id]: (before[blog.id] ?? 0) + 10,
      [VIGIL_SITE_ID]: (before[VIGIL_SITE_ID] ?? 0) + 10,
    });
  });
});
