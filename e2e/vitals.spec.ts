import { devices, expect, type Page } from "@playwright/test";
import pg from "pg";
import { histogramOf, percentile } from "../lib/vitals/histogram";
import { METRICS, type MetricName } from "../lib/vitals/metrics";
import { startReceiver } from "../tests/support/http-receiver";
import { queryDb, signInAsAdmin } from "./support/fixtures";
import { test } from "./support/test";

// Beacons from this spec come from an emulated phone: no other spec produces device = mobile rows.
const PHONE = devices["iPhone 13"];

async function mobileRows(): Promise<
  Array<{ metric: MetricName; value: number; route: string; attribution_target: string | null }>
> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (
      await client.query(
        "SELECT metric::text, value, route, attribution_target FROM vitals WHERE site_id = 1 AND device = 'mobile' ORDER BY ts, metric, metric_id",
      )
    ).rows;
  } finally {
    await client.end();
  }
}

/** The way a tab switch ends a page view: web-vitals flushes on visibilitychange → hidden. */
async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

test("real Chromium page views send beacons that are stored and shown on the Web Vitals page", async ({
  browser,
  page,
}) => {
  test.setTimeout(60_000);
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ ...PHONE, defaultBrowserType: undefined } as never);
    const phone = await context.newPage();
    await phone.goto("/login");
    await phone.getByLabel("Email").click();
    await phone.keyboard.type("someone@example.com");
    await phone.getByRole("heading", { name: "Sign in to the console" }).click();
    await phone.waitForTimeout(1_500);
    await hide(phone);
    await phone.waitForTimeout(300);
    await context.close();
  }

  await expect
    .poll(async () => new Set((await mobileRows()).map((r) => r.metric)), { timeout: 15_000 })
    .toEqual(new Set(["LCP", "FCP", "TTFB", "CLS", "INP"]));
  const rows = await mobileRows();
  expect(rows.every((r) => r.route === "/login")).toBe(true);
  expect(rows.filter((r) => r.metric === "LCP")).toHaveLength(3);

  await signInAsAdmin(page);
  await page.goto("/admin/vitals?window=24h&device=mobile");
  for (const metric of ["LCP", "FCP", "TTFB", "INP", "CLS"] as const) {
    const values = rows.filter((r) => r.metric === metric).map((r) => Number(r.value));
    const shown = percentile(histogramOf(values), 0.75)!;
    const exact = [...values].sort((a, b) => a - b);
    const rank = 0.75 * (exact.length - 1);
    const cont =
      exact[Math.floor(rank)]! + (exact[Math.ceil(rank)]! - exact[Math.floor(rank)]!) * (rank - Math.floor(rank));
    expect(Math.abs(shown - cont)).toBeLessThanOrEqual(Math.max(cont * 0.01, 1e-4));
    await expect(page.getByTestId(`metric-${metric}-count`)).toHaveText(String(values.length));
    await expect(page.getByTestId(`metric-${metric}-value`)).toHaveText(METRICS[metric].format(shown));
  }
  await expect(page.getByTestId("route-row").first()).toContainText("/login");
  await page.screenshot({ path: "test-results/screens/vitals.png", fullPage: true });

  await page.getByTestId("metric-INP").click();
  await expect(page).toHaveURL(/metric=INP/);
  await expect(page.getByRole("img", { name: /INP p75 over time/ })).toBeVisible();
});

test("filters that match nothing show the empty state, and junk URL params fall back to defaults", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/vitals?route=/no/such/route&p=12345&window=forever");
  await expect(page.getByTestId("empty-state")).toContainText("No web-vitals data yet");
  await expect(page.getByTestId("empty-state")).toContainText("Filters are active");
  await expect(page.getByRole("group", { name: "Percentile" }).getByRole("link", { name: "p75" })).toHaveAttribute(
    "aria-current",
    "true",
  );
});

test("an admin adds, edits and deletes a budget; bad input is refused field by field, nothing stored", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/vitals?window=90d");
  const lcpBudgets = () =>
    queryDb("SELECT site_id, percentile, threshold, enabled FROM vital_budgets WHERE metric = 'LCP' ORDER BY id");
  const form = page.getByTestId("budget-form");
  await form.getByLabel("Metric").selectOption("LCP");
  await form.getByLabel("Percentile").selectOption("75");
  await form.getByLabel(/^Budget/).fill("-5");
  await form.getByLabel("Minimum samples").fill("0");
  await form.getByRole("button", { name: "Add budget" }).click();
  await expect(form.getByText("Budget must be above 0.")).toBeVisible();
  await expect(form.getByText("Minimum samples must be at least 1.")).toBeVisible();
  expect(await lcpBudgets()).toEqual([]);

  await form.getByLabel(/^Budget/).fill("100");
  await form.getByLabel("Minimum samples").fill("20");
  await form.getByLabel("Alert on it").uncheck();
  await form.getByRole("button", { name: "Add budget" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByText("budget 100 ms")).toBeVisible();
  // Budgets are per site: the page without ?site= is Vigil's own.
  expect(await lcpBudgets()).toEqual([{ site_id: 1, percentile: 75, threshold: 100, enabled: false }]);

  const row = page.getByTestId("budget-row").filter({ hasText: "p75 LCP" });
  await row.getByText("Edit").click();
  const edit = row.getByTestId("budget-edit-form");
  await edit.getByLabel(/^Budget/).fill("250");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("budget-row").filter({ hasText: "p75 LCP ≤ 250 ms" })).toBeVisible();
  expect(await lcpBudgets()).toEqual([{ site_id: 1, percentile: 75, threshold: 250, enabled: false }]);

  const edited = page.getByTestId("budget-row").filter({ hasText: "p75 LCP" });
  // The editor may still be open after the save (React keeps the <details> element).
  if (!(await edited.locator("details").evaluate((d) => (d as HTMLDetailsElement).open)))
    await edited.getByText("Edit").click();
  await edited.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("budget-row").filter({ hasText: "p75 LCP" })).toHaveCount(0);
  expect(await lcpBudgets()).toEqual([]);
});

test("another site embeds the script tag: /v1/vitals.js runs there and beacons back to Vigil", async ({
  page,
  baseURL,
}) => {
  const script = await page.request.get("/v1/vitals.js");
  expect(script.status()).toBe(200);
  const headers = script.headers();
  expect(headers["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers["cross-origin-resource-policy"]).toBe("cross-origin");
  expect(headers["cache-control"]).toMatch(/^public, max-age=\d+/);
  const revalidated = await page.request.get("/v1/vitals.js", { headers: { "if-none-match": headers.etag ?? "" } });
  expect(revalidated.status()).toBe(304);

  // A page of another origin carrying the install snippet, served from loopback like Vigil is here: a page the
  // browser takes for public may not reach loopback addresses (Chromium's local network access).
  const shop = await startReceiver({
    reply: {
      headers: { "content-type": "text/html" },
      body: `<!doctype html><title>Shop</title><h1>Product 42</h1>
<script async src="${baseURL}/v1/vitals.js" data-site="pk_e2eScriptTag0123456789ab" data-route="/products/[id]"></script>`,
    },
  });
  try {
    // Beacons stop in the browser: the site's key and origin checks are the ingest's business, not this test's.
    const beacons: Array<{ method: string; contentType?: string; body: unknown }> = [];
    await page.route(`${baseURL}/api/v1/vitals`, (route) => {
      const request = route.request();
      const body = JSON.parse(request.postData() ?? "null") as unknown;
      beacons.push({ method: request.method(), contentType: request.headers()["content-type"], body });
      return route.fulfill({ status: 202 });
    });
    await page.goto(`${shop.url}/products/42`);
    await page.getByRole("heading", { name: "Product 42" }).click();
    await page.waitForTimeout(1_000);
    await hide(page);
    await expect.poll(() => beacons.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // text/plain: a CORS-safelisted type, so the cross-origin beacon needs no preflight.
    expect(beacons[0]).toMatchObject({ method: "POST", contentType: expect.stringMatching(/^text\/plain/) });
    expect(beacons[0]?.body).toMatchObject({ v: 1, site: "pk_e2eScriptTag0123456789ab", route: "/products/[id]" });
    const names = beacons.flatMap((b) => (b.body as { metrics: Array<{ name: string }> }).metrics.map((m) => m.name));
    expect(new Set(names)).toEqual(new Set(["LCP", "FCP", "TTFB", "CLS", "INP"]));
  } finally {
    await shop.close();
  }
});
