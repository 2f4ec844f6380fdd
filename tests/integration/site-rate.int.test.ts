import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postClientErrors } from "@/app/api/v1/client-errors/route";
import { POST as postVitals } from "@/app/api/v1/vitals/route";
import { db } from "@/lib/db";
import { SiteInput, VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { createSite, type Site } from "@/lib/sites/sites";

// A tiny per-site budget, so one site's flood shows; every request comes from a fresh address, so the per-address
// budget never is what refuses.
const BUDGET = 5;
vi.hoisted(() => {
  process.env.VIGIL_TRUSTED_PROXIES = "1";
  process.env.VIGIL_SITE_RATE_PER_MINUTE = "5";
});

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const tag = randomUUID().slice(0, 8);
const ORIGIN = "https://busy.example";
const ip = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
const send = (handler: (r: Request) => Promise<Response>, path: string, body: object, origin?: string) =>
  handler(
    new Request(`http://127.0.0.1:3000${path}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: {
        "content-type": "text/plain",
        "user-agent": CHROME,
        "x-forwarded-for": ip(),
        ...(origin ? { origin } : {}),
      },
    }),
  );
const vitals = (route: string, site?: Site) =>
  send(
    postVitals,
    "/api/v1/vitals",
    {
      v: 1,
      ...(site ? { site: site.publicKey } : {}),
      pageViewId: `pv_${randomUUID().replaceAll("-", "")}`,
      route,
      metrics: [{ name: "TTFB", value: 90, id: "ttfb" }],
    },
    site ? ORIGIN : undefined,
  );
const clientErrors = (route: string, site?: Site) =>
  send(
    postClientErrors,
    "/api/v1/client-errors",
    { v: 1, ...(site ? { site: site.publicKey } : {}), errors: [{ route, count: 1 }] },
    site ? ORIGIN : undefined,
  );

let busy: Site;
let quiet: Site;
beforeAll(async () => {
  ({ site: busy } = await createSite(SiteInput.parse({ name: "Busy", slug: `busy-${tag}`, allowedOrigins: ORIGIN })));
  ({ site: quiet } = await createSite(
    SiteInput.parse({ name: "Quiet", slug: `quiet-${tag}`, allowedOrigins: ORIGIN }),
  ));
});

describe("one site's beacons cannot crowd out the others", () => {
  it("refuses a site past its budget with 429 on every browser-fed endpoint, and stores nothing more of it", async () => {
    const route = `/busy/${tag}`;
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET; i++) statuses.push((await vitals(route, busy)).status);
    expect(statuses).toEqual(Array(BUDGET).fill(202));
    const refused = await vitals(route, busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({
      error: { code: "rate_limited", message: expect.stringContaining("This site sends more beacons") },
    });
    // Client error reports take from the same budget: a site cannot go on flooding through the other endpoint.
    const errors = await clientErrors(route, busy);
    expect(errors.status).toBe(429);
    expect(await db.vital.count({ where: { siteId: busy.id, route } })).toBe(BUDGET);
    expect(await db.clientErrorRollup.count({ where: { siteId: busy.id, route } })).toBe(0);
  });

  it("leaves the other sites' budgets alone", async () => {
    const route = `/quiet/${tag}`;
    expect((await vitals(route, quiet)).status).toBe(202);
    expect((await clientErrors(route, quiet)).status).toBe(202);
    expect((await vitals(route)).status).toBe(202);
    expect((await clientErrors(route)).status).toBe(202);
    expect(await db.vital.count({ where: { siteId: quiet.id, route } })).toBe(1);
    expect(await db.vital.count({ where: { siteId: VIGIL_SITE_ID, route } })).toBe(1);
    expect(
      (await db.clientErrorRollup.findMany({ where: { route }, orderBy: { siteId: "asc" } })).map((r) => r.siteId),
    ).toEqual([VIGIL_SITE_ID, quiet.id]);
  });
});
