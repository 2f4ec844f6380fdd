import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { E2E_BASE_URL, E2E_CRON_SECRET, E2E_SHOP_PORT } from "./support/config";
import { buildExample, type ExampleApp, startExample } from "./support/example-app";
import { queryDb, signInAsAdmin } from "./support/fixtures";
import { test } from "./support/test";

// Issue #12, proof with a real second app: examples/shop, built and started beside Vigil with @vigil/next, gets a
// site made in Settings → Sites; its page views, its server requests (OTLP, exact counts) and a 5xx burst land under
// that site only, and page on its own availability SLO. Steps build on each other: serial, one shop process.

const SHOTS = "/tmp/shop-shots";
const SHOP = `http://127.0.0.1:${E2E_SHOP_PORT}`;
const VIGIL_SITE_ID = 1;
const slug = `shop-${randomUUID().slice(0, 6)}`;
const BURST = 300;

let shop: ExampleApp | undefined;
let site: { id: number; publicKey: string; secretKey: string };
/** The page-view ids the shop's pages reported (the collector's `vigilOnVitals` copy of each beacon). */
const pageViews = new Map<string, string>();

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // A cold `next build --webpack` of the shop takes ~35 s here; an unchanged shop reuses examples/shop/.next.
  test.setTimeout(300_000);
  await buildExample("shop");
});

test.afterAll(async () => {
  // SIGTERM: registerVigil flushes its last export before next start exits. Then the site goes with its rows, so
  // its alerts (resolving once the burst leaves the short window) notify nobody in later specs.
  const code = await shop?.stop();
  if (site) await queryDb("DELETE FROM sites WHERE id = $1", [site.id]);
  // 143: next start's own exit on SIGTERM, once the flush let it run; null would mean it had to be killed.
  if (shop) expect(code, "the shop exits on SIGTERM").toBe(143);
});

/** Requests of a site per "route method Nxx", from the minute rollups the OTLP receiver wrote. */
async function requestCounts(siteId: number): Promise<Record<string, number>> {
  const rows = await queryDb<{ k: string; n: number }>(
    `SELECT route || ' ' || method || ' ' || status_class || 'xx' AS k, sum(count)::int AS n FROM request_rollups
     WHERE site_id = $1 AND grain = 'minute' GROUP BY 1`,
    [siteId],
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/** The counts of `keys` only: the shop also serves assets, a readiness probe and the browser's favicon request. */
const pick = (counts: Record<string, number>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));
const KEYS = [
  "/ GET 2xx",
  "/products/[id] GET 2xx",
  "/products/[id] GET 4xx",
  "/api/checkout POST 2xx",
  "/api/checkout POST 5xx",
];

/** How a tab switch ends a page view: the collector flushes on visibilitychange → hidden (sendBeacon). */
async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

/** Resolves once the page has a buffered performance entry of `type` (an LCP candidate, a first input). */
const entryOf = (page: Page, type: "largest-contentful-paint" | "first-input") =>
  page.evaluate(
    (type) =>
      new Promise<void>((done) =>
        new PerformanceObserver((_, observer) => {
          observer.disconnect();
          done();
        }).observe({ type, buffered: true }),
      ),
    type,
  );

/**
 * Resolves at the page's next idle period. web-vitals takes in interactions from an idle callback (or at a real
 * hide): after this one, which was requested later, INP holds the click.
 */
const idle = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 5_000 })));

/** `count` requests, `concurrency` at a time, each expected to answer `status`. */
async function hammer(send: () => Promise<{ status(): number }>, count: number, status: number, concurrency = 10) {
  let left = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) expect((await send()).status()).toBe(status);
    }),
  );
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("an admin adds the shop in Settings → Sites and starts it with the keys the page shows", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/settings#sites");
  const create = page.getByTestId("site-create-form");
  await create.getByLabel("Name").fill("Shop");
  await create.getByLabel("Slug").fill(slug);
  await create.getByLabel("Allowed origins").fill(SHOP);
  await create.getByRole("button", { name: "Add site" }).click();
  const secretKey = (await page.getByTestId("site-key-once").getByTestId("site-secret").textContent())!.trim();
  expect(secretKey).toMatch(/^sk_[A-Za-z0-9]{32}$/);
  const row = page.locator(`[data-testid="site-row"][data-site="${slug}"]`);
  const publicKey = (await row.getByTestId("site-public-key").textContent())!.trim();
  const [stored] = await queryDb<{ id: number; public_key: string; allowed_origins: string[] }>(
    "SELECT id, public_key, allowed_origins FROM sites WHERE slug = $1",
    [slug],
  );
  expect(stored).toMatchObject({ public_key: publicKey, allowed_origins: [SHOP] });
  site = { id: stored!.id, publicKey, secretKey };

  shop = await startExample("shop", E2E_SHOP_PORT, {
    VIGIL_ENDPOINT: E2E_BASE_URL,
    VIGIL_SITE_KEY: publicKey,
    VIGIL_SECRET_KEY: secretKey,
    VIGIL_EXPORT_INTERVAL_MS: "1000",
  });
});

test("the shop's page views arrive as vitals of its site, by route template", async ({ browser, page }) => {
  const context = await browser.newContext();
  // The collector hands a copy of each beacon to `vigilOnVitals`: its page-view id, kept per tab with the path.
  await context.addInitScript(() => {
    (self as { vigilOnVitals?: (json: string) => void }).vigilOnVitals = (json) =>
      sessionStorage.setItem(`pv:${(JSON.parse(json) as { pageViewId: string }).pageViewId}`, location.pathname);
  });
  const tab = await context.newPage();
  const reported = () =>
    tab.evaluate(() =>
      Object.fromEntries(
        Object.keys(sessionStorage)
          .filter((k) => k.startsWith("pv:"))
          .map((k) => [k.slice(3), sessionStorage.getItem(k)!]),
      ),
    );
  // web-vitals finalizes LCP on a trusted input or a real hide only, and the hide here is a synthetic event: each
  // page view gets a click (Buy on /products/1, the heading elsewhere), so each also reports INP.
  for (const path of ["/", "/products/1", "/products/2"]) {
    await tab.goto(`${SHOP}${path}`);
    const heading = tab.getByRole("heading", { level: 1 });
    await expect(heading).toBeVisible();
    await entryOf(tab, "largest-contentful-paint");
    if (path === "/products/1") {
      await tab.getByRole("button", { name: "Buy" }).click();
      await expect(tab.getByRole("status")).toHaveText("Ordered.");
    } else await heading.click();
    await entryOf(tab, "first-input");
    await idle(tab);
    await hide(tab);
    await expect.poll(async () => Object.values(await reported())).toContain(path);
  }
  for (const [id, path] of Object.entries(await reported())) pageViews.set(id, path);
  await context.close();
  expect([...pageViews.values()].sort()).toEqual(["/", "/products/1", "/products/2"]);

  // Server-side: every page view under the shop's site with its template, /products/1 and /2 as /products/[id].
  const stored = async () =>
    (
      await queryDb<{ site_id: number; page_view_id: string; route: string; metrics: string }>(
        `SELECT site_id, page_view_id, route, string_agg(DISTINCT metric::text, ',' ORDER BY metric::text) AS metrics
         FROM vitals WHERE page_view_id = ANY($1) GROUP BY 1, 2, 3`,
        [[...pageViews.keys()]],
      )
    )
      .map((r) => ({ path: pageViews.get(r.page_view_id), site: r.site_id, route: r.route, metrics: r.metrics }))
      .sort((a, b) => a.path!.localeCompare(b.path!));
  const vitals = { site: site.id, metrics: "CLS,FCP,INP,LCP,TTFB" };
  await expect.poll(stored, { timeout: 15_000 }).toEqual([
    { ...vitals, path: "/", route: "/" },
    { ...vitals, path: "/products/1", route: "/products/[id]" },
    { ...vitals, path: "/products/2", route: "/products/[id]" },
  ]);
  const [all] = await queryDb<{ n: number }>("SELECT count(*)::int AS n FROM vitals WHERE site_id = $1", [site.id]);
  expect(all!.n, "the shop's site holds these 3 × 5 values and nothing else").toBe(15);
  const buy = [...pageViews].find(([, path]) => path === "/products/1")![0];
  const [inp] = await queryDb<{ target: string }>(
    "SELECT attribution_target AS target FROM vitals WHERE page_view_id = $1 AND metric = 'INP'",
    [buy],
  );
  expect(inp!.target, "the INP of /products/1 is the Buy click").toMatch(/>button$/);

  await signInAsAdmin(page);
  await page.goto(`/admin/vitals?site=${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Web Vitals · Shop");
  await expect(page.getByTestId("metric-LCP-count")).toHaveText("3");
  await expect(page.getByTestId("metric-INP-count")).toHaveText("3");
  const routes = page.getByTestId("route-row");
  await expect(routes.filter({ hasText: "/products/[id]" })).toHaveCount(1);
  await expect(routes.filter({ hasText: /\/products\/\d/ })).toHaveCount(0);
  await shoot(page, "vitals-of-shop");
});

test("a web-vitals budget of the shop alerts on those real beacons: p95 TTFB over 1 ms", async ({ page, request }) => {
  // Issue #13: a budget made on the shop's Web Vitals page, low enough for any real page load, judged by the
  // slo-evaluate job over the last 5 minutes of the beacons above (3 TTFB samples).
  await signInAsAdmin(page);
  await page.goto(`/admin/vitals?site=${slug}&metric=TTFB&p=95`);
  const form = page.getByTestId("budget-form");
  await form.getByLabel("Metric").selectOption("TTFB");
  await form.getByLabel("Percentile").selectOption("95");
  await form.getByLabel(/^Budget/).fill("1");
  await form.getByLabel("For (minutes)").fill("0");
  await form.getByLabel("Minimum samples").fill("3");
  await form.getByRole("button", { name: "Add budget" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  // The page draws the same object: the TTFB p95 chart's budget line.
  await expect(page.getByRole("img", { name: "TTFB p95 over time with budget 1 ms" })).toBeVisible();
  const [budget] = await queryDb<{ id: number }>(
    "SELECT id FROM vital_budgets WHERE site_id = $1 AND metric = 'TTFB' AND percentile = 95",
    [site.id],
  );

  await expect(async () => {
    const res = await request.post("/api/cron/slo-evaluate?force=1", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "ok" });
  }).toPass({ timeout: 30_000 });
  const alerts = await queryDb<{ state: string; severity: string; rule: string }>(
    "SELECT state::text, severity::text, rule FROM alerts WHERE site_id = $1 AND slo = $2",
    [site.id, `budget:${budget!.id}`],
  );
  expect(alerts).toEqual([{ state: "firing", severity: "budget", rule: "budget" }]);
  expect(
    (
      await queryDb<{ n: number }>("SELECT count(*)::int AS n FROM alerts WHERE site_id = $1 AND severity = 'budget'", [
        VIGIL_SITE_ID,
      ])
    )[0]!.n,
    "Vigil's own site has no budgets",
  ).toBe(0);

  await page.goto(`/admin/alerts?site=${slug}`);
  const row = page.locator(`[data-testid="open-alerts"] [data-testid="alert-row"][data-slo="budget:${budget!.id}"]`);
  await expect(row).toHaveAttribute("data-state", "firing");
  await expect(row).toContainText(/p95 TTFB \d+ ms > budget 1 ms/);
  await expect(row.getByTestId("alert-figures")).toContainText("3 samples in 5 min (needs 3)");
  await shoot(page, "budget-alert-of-shop");
});

test("the shop's server requests arrive over OTLP with exact counts per route template", async ({ request }) => {
  // The browser part: one view of /, two of /products/[id], one Buy. Delta exports every second; nothing else
  // requests these routes, so the counts settle at exactly these.
  await expect
    .poll(async () => pick(await requestCounts(site.id), KEYS), { timeout: 20_000 })
    .toEqual({ ...pick({}, KEYS), "/ GET 2xx": 1, "/products/[id] GET 2xx": 2, "/api/checkout POST 2xx": 1 });

  await hammer(() => request.get(`${SHOP}/products/3`), 5, 200);
  await hammer(() => request.get(`${SHOP}/products/999`), 2, 404);
  await hammer(() => request.post(`${SHOP}/api/checkout`, { data: { id: "3" } }), 7, 201);
  await expect
    .poll(async () => pick(await requestCounts(site.id), KEYS), { timeout: 20_000 })
    .toEqual({
      ...pick({}, KEYS),
      "/ GET 2xx": 1,
      "/products/[id] GET 2xx": 2 + 5,
      "/products/[id] GET 4xx": 2,
      "/api/checkout POST 2xx": 1 + 7,
    });
});

test("a 5xx burst on the shop pages for the shop's API availability, not Vigil's", async ({ page, request }) => {
  const vigilOpen = async () =>
    (
      await queryDb<{ n: number }>(
        "SELECT count(*)::int AS n FROM alerts WHERE site_id = $1 AND slo = 'api-availability' AND state <> 'resolved'",
        [VIGIL_SITE_ID],
      )
    )[0]!.n;
  const vigilBefore = await vigilOpen();

  // 300 of 308 API requests fail: a burn of ~970× over 1 h and 5 min, well over the 100-event guard (config/slos.ts).
  await hammer(() => request.post(`${SHOP}/api/checkout?fail=1`, { data: { id: "1" } }), BURST, 500);
  await expect
    .poll(async () => pick(await requestCounts(site.id), KEYS), { timeout: 20_000 })
    .toEqual({
      "/ GET 2xx": 1,
      "/products/[id] GET 2xx": 7,
      "/products/[id] GET 4xx": 2,
      "/api/checkout POST 2xx": 8,
      "/api/checkout POST 5xx": BURST,
    });

  // The job the scheduler runs every minute, now (it answers "skipped" while the in-process run holds its lock).
  await expect(async () => {
    const res = await request.post("/api/cron/slo-evaluate?force=1", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "ok" });
  }).toPass({ timeout: 30_000 });
  const open = await queryDb<{ rule: string; state: string }>(
    "SELECT rule, state::text FROM alerts WHERE site_id = $1 AND slo = 'api-availability' AND state <> 'resolved' ORDER BY rule",
    [site.id],
  );
  expect(open).toEqual([
    { rule: "page-1h", state: "firing" },
    { rule: "page-6h", state: "firing" },
    { rule: "ticket-1d", state: "pending" },
    { rule: "ticket-3d", state: "pending" },
  ]);
  expect(await vigilOpen()).toBe(vigilBefore);

  await signInAsAdmin(page);
  await page.goto(`/admin/alerts?site=${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alerts · Shop");
  const firing = page.locator(
    '[data-testid="open-alerts"] [data-testid="alert-row"][data-slo="api-availability"][data-rule="page-1h"]',
  );
  await expect(firing).toHaveAttribute("data-state", "firing");
  await expect(firing).toContainText("API availability");
  await expect(firing.getByTestId("alert-figures")).toContainText("over 1h / 5m (> 14.4×)");
  await expect(firing.getByTestId("alert-figures")).toContainText(`${BURST} of ${BURST + 8} bad in 1h`);
  await shoot(page, "alerts-of-shop");

  await page.goto(`/admin/requests?site=${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Requests · Shop");
  const checkout = page.locator('[data-testid="request-route-row"][data-route="/api/checkout"]');
  await expect(checkout.getByTestId("route-requests")).toHaveText(String(BURST + 8));
  await expect(checkout.getByTestId("route-error-rate")).toHaveText("97.4%");
  const product = page.locator('[data-testid="request-route-row"][data-route="/products/[id]"]');
  await expect(product.getByTestId("route-requests")).toHaveText("9");
  // All of it in one chart step: the p95 and 5xx lines have a single point, marked with a dot.
  await expect(page.getByRole("img", { name: "Latency p95 over time" }).locator("circle")).toHaveCount(1);
  await expect(page.getByRole("img", { name: "Request rate and 5xx share over time" }).locator("circle")).toHaveCount(
    1,
  );
  await shoot(page, "requests-of-shop");

  await page.goto("/admin/alerts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alerts · Vigil");
  await expect(
    page.locator('[data-testid="open-alerts"] [data-testid="alert-row"][data-slo="api-availability"]'),
  ).toHaveCount(vigilBefore);
});

test("Vigil's own site saw none of the shop's vitals or requests", async ({ page }) => {
  const [vitals] = await queryDb<{ n: number }>(
    "SELECT count(*)::int AS n FROM vitals WHERE site_id = $1 AND (page_view_id = ANY($2) OR route = '/products/[id]')",
    [VIGIL_SITE_ID, [...pageViews.keys()]],
  );
  expect(vitals!.n).toBe(0);
  const [rollups] = await queryDb<{ n: number }>(
    "SELECT count(*)::int AS n FROM vital_rollups WHERE site_id = $1 AND route = '/products/[id]'",
    [VIGIL_SITE_ID],
  );
  expect(rollups!.n).toBe(0);
  const vigil = await requestCounts(VIGIL_SITE_ID);
  expect(Object.keys(vigil).filter((k) => /^\/(products\/\[id\]|api\/checkout) /.test(k))).toEqual([]);

  await signInAsAdmin(page);
  await page.goto("/admin/vitals");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Web Vitals · Vigil");
  await expect(page.getByTestId("route-row").filter({ hasText: "/products/" })).toHaveCount(0);
  await page.goto("/admin/requests?window=24h");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Requests · Vigil");
  await expect(page.locator('[data-testid="request-route-row"][data-route="/api/checkout"]')).toHaveCount(0);
  await shoot(page, "requests-of-vigil");
});
