import { devices, expect } from "@playwright/test";
import pg from "pg";
import { E2E_BASE_URL } from "./support/config";
import { queryDb, signInAsAdmin } from "./support/fixtures";
import { test } from "./support/test";

// A desktop Chrome UA, not HeadlessChrome: bots are dropped by the endpoint.
const DESKTOP = devices["Desktop Chrome"];

const query = queryDb;

// Vigil's own pages send no site key: their reports are site 1's, the site the console shows by default.
const stored = async (route: string) =>
  Number(
    (
      await query<{ n: string | null }>(
        "SELECT sum(count) AS n FROM client_error_rollups WHERE site_id = 1 AND route = $1",
        [route],
      )
    )[0]?.n ?? 0,
  );

test("uncaught browser errors are counted per route template and stored when the page is hidden", async ({
  browser,
}) => {
  const before = await stored("/login");
  const context = await browser.newContext({ ...DESKTOP });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").waitFor();
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error("vigil e2e: uncaught");
    });
    void Promise.reject(new Error("vigil e2e: unhandled rejection"));
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect.poll(() => stored("/login"), { timeout: 10_000 }).toBe(before + 2);
  await context.close();
});

test("bad client-error reports get a 4xx JSON error and store nothing", async () => {
  const before = (await query<{ n: string | null }>("SELECT sum(count) AS n FROM client_error_rollups"))[0]?.n ?? null;
  const post = (body: string, type = "text/plain") =>
    fetch(`${E2E_BASE_URL}/api/v1/client-errors`, { method: "POST", body, headers: { "content-type": type } });
  for (const [body, type, status, code] of [
    ['{"v":1,"errors":[{"route":"/x","count":0}]}', "text/plain", 400, "validation_failed"],
    ['{"v":1,"errors":[{"route":"no-slash","count":1}]}', "text/plain", 400, "validation_failed"],
    ['{"v":1,"errors":[]}', "application/json", 400, "validation_failed"],
    ["not json", "text/plain", 400, "bad_request"],
    ['{"v":1,"errors":[{"route":"/x","count":1}]}', "application/x-www-form-urlencoded", 415, "unsupported_media_type"],
    [`{"v":1,"errors":[{"route":"/${"a".repeat(9_000)}","count":1}]}`, "text/plain", 413, "payload_too_large"],
  ] as const) {
    const res = await post(body, type);
    expect(res.status, body.slice(0, 60)).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  }
  const after = (await query<{ n: string | null }>("SELECT sum(count) AS n FROM client_error_rollups"))[0]?.n ?? null;
  expect(after).toBe(before);
  expect((await fetch(`${E2E_BASE_URL}/api/health`)).status).toBe(200);
});

test("the Overview's error-rate card shows the browser errors stored in the last 24 hours", async ({ page }) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    // Server traffic for the card's main figure, and a known browser-error count for this hour.
    await client.query(`INSERT INTO request_rollups (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist)
      VALUES (1, 'minute', date_trunc('minute', now()) - interval '5 minutes', '/e2e-client-errors', 'GET', 2, 10, 100, '{"116": 10}')`);
    await client.query(
      `INSERT INTO client_error_rollups (site_id, bucket_start, route, count) VALUES (1, date_trunc('hour', now()) - interval '2 hours', '/e2e-client-errors', 5)`,
    );
  } finally {
    await client.end();
  }
  const total = Number(
    (
      await query<{ n: string }>(
        "SELECT sum(count) AS n FROM client_error_rollups WHERE site_id = 1 AND bucket_start >= date_trunc('hour', now()) - interval '23 hours'",
      )
    )[0]!.n,
  );
  await signInAsAdmin(page);
  await expect(page.getByTestId("card-browser-errors")).toContainText(
    `Browser: ${total.toLocaleString("en-US")} uncaught errors`,
  );
});
