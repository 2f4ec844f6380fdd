import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { formatCount, formatMs, formatRate } from "../lib/requests/format";
import { histogramOf, percentile } from "../lib/vitals/histogram";
import { signInAsAdmin } from "./support/fixtures";
import { upsertRequestRollups } from "./support/request-rollups";
import { test } from "./support/test";
import { lcg } from "../tests/support/seeded-random";

type Raw = { ts: Date; route: string; method: string; statusClass: number; ms: number };

// The app also records its own traffic into request_rollups: assertions stay on routes only this run writes.
const tag = randomUUID().slice(0, 8);
const ROUTE = `/e2e-requests/${tag}/[probe]`;
const OLD_ROUTE = `/e2e-requests/${tag}/old`;

/** Both grains, as every app instance writes them; merged like the telemetry flush does on conflict. */
async function seed(raw: Raw[]) {
  const cells = new Map<
    string,
    { grain: "minute" | "hour"; bucket: Date; route: string; method: string; statusClass: number; values: number[] }
  >();
  for (const r of raw) {
    for (const [grain, size] of [
      ["minute", 60_000],
      ["hour", 3_600_000],
    ] as const) {
      const bucket = new Date(Math.floor(r.ts.getTime() / size) * size);
      const key = `${grain}|${bucket.getTime()}|${r.route}|${r.method}|${r.statusClass}`;
      const c = cells.get(key) ?? {
        grain,
        bucket,
        route: r.route,
        method: r.method,
        statusClass: r.statusClass,
        values: [],
      };
      c.values.push(r.ms);
      cells.set(key, c);
    }
  }
  await upsertRequestRollups(
    [...cells.values()].map(({ values, ...c }) => ({
      ...c,
      count: values.length,
      durationSumMs: values.reduce((a, b) => a + b, 0),
      hist: histogramOf(values),
    })),
  );
}

function expected(raw: Raw[]) {
  const errors = raw.filter((r) => r.statusClass === 5).length;
  return {
    requests: formatCount(raw.length),
    errorRate: formatRate(errors / raw.length),
    p95: formatMs(percentile(histogramOf(raw.map((r) => r.ms)), 0.95)),
  };
}

// Known durations a few minutes ago (inside the 1 h window for its whole run), plus one route only seen 3 h ago.
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const probe: Raw[] = [
  ...Array.from({ length: 180 }, (_, i) => ({
    ts: minutesAgo(2 + (i % 4)),
    route: ROUTE,
    method: "GET",
    statusClass: 2,
    ms: 20 + i * 1.5,
  })),
  ...Array.from({ length: 12 }, (_, i) => ({
    ts: minutesAgo(3),
    route: ROUTE,
    method: "POST",
    statusClass: 5,
    ms: 900 + i * 40,
  })),
  ...Array.from({ length: 9 }, (_, i) => ({
    ts: minutesAgo(4),
    route: ROUTE,
    method: "GET",
    statusClass: 4,
    ms: 8 + i,
  })),
];
const old: Raw[] = Array.from({ length: 5 }, (_, i) => ({
  ts: minutesAgo(180),
  route: OLD_ROUTE,
  method: "GET",
  statusClass: 2,
  ms: 30 + i,
}));

/** A day of plausible traffic on a few more routes of this run, so the screenshot shows a populated page. */
function backdrop(): Raw[] {
  const rand = lcg(11);
  const routes = [
    ["api/items", "GET", 35],
    ["api/items", "POST", 120],
    ["blog/[slug]", "GET", 80],
    ["login", "GET", 15],
  ] as const;
  const raw: Raw[] = [];
  for (let slot = 1; slot < 96; slot++) {
    for (const [path, method, median] of routes) {
      const n = Math.round(4 + 6 * (1 + Math.sin(slot / 8)) * rand());
      for (let i = 0; i < n; i++) {
        const z = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
        raw.push({
          ts: minutesAgo(slot * 15 + rand() * 14),
          route: `/e2e-requests/${tag}/${path}`,
          method,
          statusClass: rand() < 0.02 ? 5 : 2,
          ms: median * Math.exp(0.6 * z),
        });
      }
    }
  }
  return raw;
}

async function expectRow(page: Page, route: string, figures: ReturnType<typeof expected>) {
  const row = page.locator(`[data-testid="request-route-row"][data-route="${route}"]`);
  await expect(row.getByTestId("route-requests")).toHaveText(figures.requests);
  await expect(row.getByTestId("route-error-rate")).toHaveText(figures.errorRate);
  await expect(row.getByTestId("route-p95")).toHaveText(figures.p95);
}

test.beforeAll(async () => {
  await seed([...probe, ...old, ...backdrop()]);
});

test("the Requests page shows exactly the seeded figures, in the totals and the route table, and filters by URL", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const all = expected(probe);
  await page.goto(`/admin/requests?window=1h&route=${encodeURIComponent(ROUTE)}`);
  await expect(page.getByRole("heading", { name: "Requests", level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-requests")).toHaveText(all.requests);
  await expect(page.getByTestId("total-error-rate")).toHaveText(all.errorRate);
  await expect(page.getByTestId("total-p95")).toHaveText(all.p95);
  await expect(page.getByTestId("request-route-row")).toHaveCount(1);
  await expectRow(page, ROUTE, all);
  await expect(page.getByRole("img", { name: "Latency p95 over time" })).toBeVisible();

  // Unfiltered, the seeded route is one row among the app's own traffic, with the same figures.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/requests\?window=1h$/);
  await expectRow(page, ROUTE, all);

  // The filter form is a plain GET form: the method choice lands in the URL.
  await page.getByLabel("Route").selectOption(ROUTE);
  await page.getByLabel("Method").selectOption("POST");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/method=POST/);
  const post = expected(probe.filter((r) => r.method === "POST"));
  await expect(page.getByTestId("total-requests")).toHaveText(post.requests);
  await expect(page.getByTestId("total-error-rate")).toHaveText("100%");
  await expectRow(page, ROUTE, post);

  await page.goto(`/admin/requests?window=24h&route=${encodeURIComponent(OLD_ROUTE)}`);
  await expectRow(page, OLD_ROUTE, expected(old));

  await page.goto("/admin/requests");
  await expectRow(page, ROUTE, all);
  await page.screenshot({ path: "test-results/screens/requests.png", fullPage: true });
});

test("a window without data for the route shows the empty state", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/admin/requests?window=1h&route=${encodeURIComponent(OLD_ROUTE)}`);
  await expect(page.getByTestId("empty-state")).toContainText("No requests recorded in this window");
  await expect(page.getByTestId("empty-state")).toContainText("Filters are active");
  await expect(page.getByRole("group", { name: "Window" }).getByRole("link", { name: "1h" })).toHaveAttribute(
    "aria-current",
    "true",
  );
});

test("GET /api/admin/requests returns the same report as JSON and refuses bad parameters", async ({ page }) => {
  await signInAsAdmin(page);
  const res = await page.request.get(`/api/admin/requests?window=1h&route=${encodeURIComponent(ROUTE)}`);
  expect(res.status()).toBe(200);
  const report = await res.json();
  expect(report.totals).toMatchObject({ requests: probe.length, errors: 12, errorRate: 12 / probe.length });
  expect(formatMs(report.totals.p95)).toBe(expected(probe).p95);
  expect(report.range.grain).toBe("minute");
  for (const bad of ["window=1y", "method=DROP%20TABLE", `route=${"x".repeat(300)}`]) {
    const refused = await page.request.get(`/api/admin/requests?${bad}`);
    expect(refused.status(), bad).toBe(400);
    expect(await refused.json()).toEqual({
      error: { code: "validation_failed", message: expect.any(String), details: expect.any(Array) },
    });
  }
});

test("the overview cards show the 24 h error rate and p95 from the same read model", async ({ page }) => {
  await signInAsAdmin(page);
  // Global figures include the app's own live traffic, so the card is compared with the API read just after it.
  await expect(async () => {
    await page.goto("/admin");
    const shown = {
      errorRate: await page.getByTestId("card-error-rate-value").textContent(),
      p95: await page.getByTestId("card-latency-value").textContent(),
    };
    const { totals } = await (await page.request.get("/api/admin/requests?window=24h")).json();
    expect(totals.requests).toBeGreaterThanOrEqual(probe.length + old.length);
    expect(shown).toEqual({ errorRate: formatRate(totals.errorRate), p95: formatMs(totals.p95) });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("card-error-rate")).toContainText("Error rate (24 h)");
  await expect(page.getByTestId("card-latency")).toContainText("Latency p95 (24 h)");
  await page.screenshot({ path: "test-results/screens/overview-requests.png", fullPage: true });
});
