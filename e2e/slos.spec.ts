import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { formatBudget, formatBurn, formatSli } from "../lib/slo/format";
import { bucketOf } from "../lib/vitals/histogram";
import { E2E_API_TOKEN, E2E_CRON_SECRET } from "./support/config";
import { queryDb, signInAsAdmin } from "./support/fixtures";
import { upsertRequestRollups, type RollupRow } from "./support/request-rollups";
import { test } from "./support/test";

// The shipped "api-availability" SLO (99.9 % of /api/ requests without a 5xx over 30 d) is driven by seeded traffic on
// a route of this run: ten days of 1 000 good requests a minute, an old incident, then a 5xx burst right now.
const tag = randomUUID().slice(0, 8);
const ROUTE = `/api/e2e-slo/${tag}/items`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SLO = "api-availability";

type Item = {
  id: string;
  status: string;
  sli: number | null;
  budget: { remainingRatio: number | null };
  burnRates: Array<{ rule: string; longBurn: number | null; holds: boolean }>;
  openAlerts: Array<{ rule: string; state: string }>;
};

const row = (grain: "minute" | "hour", bucket: number, statusClass: number, count: number): RollupRow => ({
  grain,
  bucket: new Date(bucket),
  route: ROUTE,
  method: "GET",
  statusClass,
  count,
  durationSumMs: 20 * count,
  hist: { [bucketOf(20)]: count },
});
const floorTo = (t: number, size: number) => Math.floor(t / size) * size;

/** `perMinute` requests of a status class in each of the minutes [from, to), in both grains. */
function traffic(from: number, to: number, statusClass: number, perMinute: number): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (let t = floorTo(from, MINUTE); t < to; t += MINUTE) {
    rows.set(`m${t}`, row("minute", t, statusClass, perMinute));
    const h = floorTo(t, HOUR);
    const hour = rows.get(`h${h}`) ?? row("hour", h, statusClass, 0);
    rows.set(`h${h}`, {
      ...hour,
      count: hour.count + perMinute,
      durationSumMs: hour.durationSumMs + 20 * perMinute,
      hist: { [bucketOf(20)]: hour.count + perMinute },
    });
  }
  return [...rows.values()];
}

async function report(request: APIRequestContext): Promise<Item> {
  const res = await request.get("/api/observability/slo", { headers: { authorization: `Bearer ${E2E_API_TOKEN}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()).slos as Item[]).find((s) => s.id === SLO)!;
}

async function check(page: Page): Promise<Item> {
  const res = await page.request.post("/api/observability/slo/check");
  expect(res.status()).toBe(200);
  return ((await res.json()).slos as Item[]).find((s) => s.id === SLO)!;
}

/** The page's figures against the API read right after it: the app's own /api traffic keeps moving them a little. */
async function expectSummaryMatchesApi(page: Page) {
  await expect(async () => {
    await page.goto("/admin/slos");
    const line = page.locator(`[data-testid="slo-row"][data-slo="${SLO}"]`);
    const shown = {
      sli: await line.getByTestId("slo-sli").textContent(),
      budget: await line.getByTestId("slo-budget").textContent(),
      burn: await line.getByTestId("slo-burn").textContent(),
    };
    const item = await report(page.request);
    expect(shown).toEqual({
      sli: formatSli(item.sli),
      budget: formatBudget(item.budget.remainingRatio),
      burn: formatBurn(item.burnRates[0]!.longBurn),
    });
  }).toPass({ timeout: 30_000 });
}

test.describe
  .serial("SLOs and alerts", () => {
    test.beforeAll(async () => {
      const now = Date.now();
      const hourNow = floorTo(now, HOUR);
      const dayAgo = hourNow - 26 * HOUR;
      // Older history in hourly rows only (minute rows are pruned after 48 h), with a 2 000-error incident 5 days ago.
      const history: RollupRow[] = [];
      for (let h = hourNow - 10 * 24 * HOUR; h < dayAgo; h += HOUR) history.push(row("hour", h, 2, 60_000));
      history.push(row("hour", hourNow - 5 * 24 * HOUR, 5, 2_000));
      await upsertRequestRollups(history);
      // The last 26 hours minute by minute, including the running minute.
      await upsertRequestRollups(traffic(dayAgo, now + MINUTE, 2, 1_000));
      // The burst: 500 5xx in each of the last three minutes (1 500 bad): 1 h burns ≈ 24×, 5 m ≈ 150×, 6 h ≈ 4× (< 6).
      await upsertRequestRollups(traffic(now - 2 * MINUTE, now + MINUTE, 5, 500));
    });

    test("the observability APIs want a session or the API token", async ({ request }) => {
      for (const [method, path] of [
        ["GET", "/api/observability/slo"],
        ["GET", "/api/observability/latency"],
        ["POST", "/api/observability/slo/check"],
      ] as const) {
        const res = await request.fetch(path, { method });
        expect(res.status(), path).toBe(401);
        expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
      }
      const latency = await request.get("/api/observability/latency", {
        headers: { authorization: `Bearer ${E2E_API_TOKEN}` },
      });
      expect(latency.status()).toBe(200);
      expect(await latency.json()).toMatchObject({ window: "24h", unit: "ms", p95: expect.any(Number) });
    });

    test("the uptime SLO is measured from the built-in self-probe's checks", async ({ page, request }) => {
      const probed = await request.post("/api/cron/uptime-probe?force=1", {
        headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
      });
      expect(probed.status()).toBe(200);
      const [checks] = await queryDb<{ total: number; ok: number }>(
        "SELECT count(*)::int AS total, count(*) FILTER (WHERE ok)::int AS ok FROM probe_results r JOIN monitors m ON m.site_id = r.site_id AND m.id = r.monitor_id WHERE m.site_id = 1 AND m.slug = 'vigil'",
      );
      expect(checks!.total).toBeGreaterThan(0);
      await signInAsAdmin(page);
      const res = await page.request.post("/api/observability/slo/check");
      const uptime = ((await res.json()).slos as Item[]).find((s) => s.id === "uptime")!;
      // Checks keep arriving from the in-process scheduler; the SLI is good/total of the rows at evaluation time.
      expect(uptime.status).not.toBe("no-data");
      expect(uptime.sli).toBeGreaterThan(0);
      await page.goto("/admin/slos");
      await expect(page.locator('[data-testid="slo-card"][data-slo="uptime"]').getByTestId("slo-no-data")).toHaveCount(
        0,
      );
    });

    test("a 5xx burst pages: the SLOs page shows the SLO burning with its charts, the Alerts page the firing alert", async ({
      page,
    }) => {
      await signInAsAdmin(page);
      const item = await check(page);
      expect(item.status).toBe("burning");
      expect(item.burnRates.map((b) => [b.rule, b.holds])).toEqual([
        ["page-1h", true],
        ["page-6h", false],
        ["ticket-1d", false],
        ["ticket-3d", false],
      ]);
      expect(item.openAlerts).toEqual([expect.objectContaining({ rule: "page-1h", state: "firing" })]);

      await expectSummaryMatchesApi(page);
      const line = page.locator(`[data-testid="slo-row"][data-slo="${SLO}"]`);
      await expect(line.getByTestId("slo-status")).toHaveAttribute("data-status", "burning");
      await expect(line.getByTestId("slo-open-alerts")).toHaveText("1");
      const card = page.locator(`[data-testid="slo-card"][data-slo="${SLO}"]`);
      await expect(card.getByRole("img", { name: /SLI per 6 h against the 99.9% target/ })).toBeVisible();
      await expect(card.getByRole("img", { name: /error budget left over the window/ })).toBeVisible();
      await expect(card.getByRole("img", { name: /burn rate per 6 h with the alert thresholds/ })).toBeVisible();
      await expect(card.locator(".recharts-reference-line")).toHaveCount(6);
      await expect(card.locator('[data-testid="slo-rule"][data-rule="page-1h"]')).toHaveAttribute("data-holds", "true");
      await page.screenshot({ path: "test-results/screens/slos-burning.png", fullPage: true });
      await card.screenshot({ path: "test-results/screens/slo-card-burning.png" });

      await page.goto("/admin/alerts");
      const firing = page.locator(
        `[data-testid="open-alerts"] [data-testid="alert-row"][data-slo="${SLO}"][data-rule="page-1h"]`,
      );
      await expect(firing).toHaveAttribute("data-state", "firing");
      await expect(firing).toContainText("API availability");
      await expect(firing.getByTestId("alert-figures")).toContainText("over 1h / 5m (> 14.4×)");
      await expect(page.getByTestId("deliveries-card")).toBeVisible();
      await page.screenshot({ path: "test-results/screens/alerts-firing.png", fullPage: true });

      await page.goto("/admin");
      await expect(page.getByTestId("card-error-budget")).toContainText("Error budget left");
      await expect(page.getByTestId("card-error-budget-value")).toHaveText(/^-?\d+\.\d%$/);
      await page
        .getByTestId("card-error-budget")
        .screenshot({ path: "test-results/screens/overview-error-budget.png" });
    });

    test("after recovery the alert resolves: history on the Alerts page, the SLO no longer burning", async ({
      page,
    }) => {
      await signInAsAdmin(page);
      // Errors stop and traffic continues: 200 000 good requests this minute take the 5 m burn under 14.4×.
      const now = Date.now();
      await upsertRequestRollups(traffic(now, now + 1, 2, 200_000));
      const item = await check(page);
      expect(item.burnRates[0]).toMatchObject({ rule: "page-1h", holds: false });
      expect(item.openAlerts).toEqual([]);
      expect(item.status).toBe("ok");

      await page.goto("/admin/alerts");
      await expect(
        page.locator(`[data-testid="open-alerts"] [data-testid="alert-row"][data-slo="${SLO}"]`),
      ).toHaveCount(0);
      const resolved = page.locator(
        `[data-testid="alert-history"] [data-testid="alert-row"][data-slo="${SLO}"][data-rule="page-1h"]`,
      );
      await expect(resolved).toHaveCount(1);
      await expect(resolved).toHaveAttribute("data-state", "resolved");
      await page.screenshot({ path: "test-results/screens/alerts-resolved.png", fullPage: true });

      await expectSummaryMatchesApi(page);
      await expect(
        page.locator(`[data-testid="slo-row"][data-slo="${SLO}"]`).getByTestId("slo-status"),
      ).toHaveAttribute("data-status", "ok");
      await page.screenshot({ path: "test-results/screens/slos-recovered.png", fullPage: true });
    });
  });
