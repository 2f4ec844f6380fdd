import { randomUUID } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { ANALYTICS_RELAY_PATH } from "../lib/analytics/posthog-options";
import { E2E_BASE_URL, E2E_PORT } from "./support/config";
import { TEST_ADMIN, signInAsAdmin } from "./support/fixtures";
import { RECEIVER_PORTS, recordedBy, waitForRecorded, type Recorded } from "./support/recorder";
import { test } from "./support/test";

// PostHog through the app's relay to the local receiver (e2e/support/recorder.ts), in real Chromium.

type PhEvent = {
  event: string;
  distinct_id?: string;
  properties?: Record<string, unknown>;
  $set?: Record<string, unknown>;
};
const RELAY = `${E2E_BASE_URL}${ANALYTICS_RELAY_PATH}/`;

function eventsIn(r: Recorded): PhEvent[] {
  try {
    const body = JSON.parse(r.body) as unknown;
    const list = Array.isArray(body)
      ? body
      : Array.isArray((body as { batch?: unknown }).batch)
        ? (body as { batch: unknown[] }).batch
        : [body];
    return (list as PhEvent[]).filter((e) => e && typeof e.event === "string");
  } catch {
    return [];
  }
}
const distinctIdOf = (e: PhEvent) => e.distinct_id ?? (e.properties?.distinct_id as string | undefined);
const recordedSince = async (since: number) => (await recordedBy("posthog")).filter((r) => r.at >= since);
const eventsSince = async (since: number) => (await recordedSince(since)).flatMap(eventsIn);
async function waitForEvent(since: number, match: (e: PhEvent) => boolean): Promise<PhEvent> {
  try {
    return await waitForRecorded("posthog", (all) =>
      all
        .filter((r) => r.at >= since)
        .flatMap(eventsIn)
        .find(match),
    );
  } catch (err) {
    const seen = (await eventsSince(since)).map(
      (e) => `${e.event} ${distinctIdOf(e)} ${String(e.properties?.$pathname ?? "")}`,
    );
    throw new Error(`${(err as Error).message}\nevents: ${seen.join(" | ")}`);
  }
}

/**
 * A browser that PostHog does not take for a bot: Playwright sets navigator.webdriver, which posthog-js filters
 * (as it should in production). The app's own configuration stays exactly what ships.
 */
async function humanContext(browser: Browser, init?: () => void): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "webdriver", { get: () => false }));
  if (init) await context.addInitScript(init);
  return context;
}

async function adminUserId(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query("SELECT id FROM users WHERE email = $1", [TEST_ADMIN.email])).rows[0].id as string;
  } finally {
    await client.end();
  }
}

const browserDistinctId = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("ph_") && k.endsWith("_posthog"));
    return key ? (JSON.parse(localStorage.getItem(key)!) as { distinct_id?: string }).distinct_id : undefined;
  });

async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

test("page views, including App Router navigations, reach PostHog only through the first-party relay", async ({
  browser,
}) => {
  const context = await humanContext(browser);
  const page = await context.newPage();
  const since = Date.now();
  const relayed = page.waitForRequest((r) => r.url().startsWith(RELAY) && r.method() === "POST");
  await page.goto("/login?callbackUrl=%2Fadmin%2Fslos");
  const request = await relayed;
  expect(new URL(request.url()).host).toBe(`127.0.0.1:${E2E_PORT}`);

  const login = await waitForEvent(since, (e) => e.event === "$pageview" && e.properties?.$pathname === "/login");
  expect(login.properties?.$current_url).toBe(`${E2E_BASE_URL}/login?callbackUrl=%2Fadmin%2Fslos`);

  await page.getByLabel("Email").fill(TEST_ADMIN.email);
  await page.getByLabel("Password").fill(TEST_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/slos$/);
  // A client-side navigation (history.pushState), not a document load.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Uptime", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Uptime", level: 1 })).toBeVisible();
  const soft = await waitForEvent(since, (e) => e.event === "$pageview" && e.properties?.$pathname === "/admin/uptime");
  expect(soft.properties?.$current_url).toBe(`${E2E_BASE_URL}/admin/uptime`);

  const arrived = await recordedSince(since);
  expect(arrived.length).toBeGreaterThan(0);
  for (const r of arrived) {
    expect(r.path).toMatch(/^\/(e|i\/v0\/e|batch)\/(\?|$)/);
    expect(r.headers.cookie).toBeUndefined();
  }
  await context.close();
});

test("sign-in identifies the user by id (browser and server), no email is sent, and sign-out resets", async ({
  browser,
}) => {
  const context = await humanContext(browser);
  const page = await context.newPage();
  const since = Date.now();
  await page.goto("/login");
  await expect.poll(() => browserDistinctId(page)).toBeTruthy();
  const anonymousId = await browserDistinctId(page);
  await signInAsAdmin(page);
  const userId = await adminUserId();
  expect(anonymousId).not.toBe(userId);

  const identify = await waitForEvent(since, (e) => e.event === "$identify" && distinctIdOf(e) === userId);
  expect(identify.properties?.$anon_distinct_id).toBe(anonymousId);
  expect(identify.$set).toEqual({ role: "admin" });
  const server = await waitForEvent(since, (e) => e.event === "user logged in" && distinctIdOf(e) === userId);
  expect(server.properties).toMatchObject({ role: "admin", provider: "credentials" });
  await expect.poll(() => browserDistinctId(page)).toBe(userId);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  // reset() gives the browser a fresh anonymous id: neither the user's nor the one from before sign-in.
  const signedOutView = await waitForEvent(
    since,
    (e) =>
      e.event === "$pageview" &&
      e.properties?.$pathname === "/login" &&
      ![userId, anonymousId].includes(distinctIdOf(e)),
  );
  await expect.poll(() => browserDistinctId(page)).toBe(distinctIdOf(signedOutView));

  const bodies = (await recordedSince(since))
    .map((r) => `${r.path}\n${JSON.stringify(r.headers)}\n${r.body}`)
    .join("\n");
  expect(bodies).toContain(userId);
  for (const needle of [TEST_ADMIN.email, encodeURIComponent(TEST_ADMIN.email), `${TEST_ADMIN.email.split("@")[0]}@`])
    expect(bodies).not.toContain(needle);
  await context.close();
});

test("the browser talks to nothing but this instance during sign-in and a tour of the console", async ({ browser }) => {
  const context = await humanContext(browser);
  const urls: string[] = [];
  context.on("request", (r) => urls.push(r.url()));
  const page = await context.newPage();
  await signInAsAdmin(page);
  for (const label of ["Web Vitals", "Requests", "Settings", "Overview"]) {
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: label, exact: true }).click();
    await expect(page.getByRole("heading", { name: label, level: 1 })).toBeVisible();
  }
  await page.goto("/admin/alerts");
  await page.waitForTimeout(4_000);
  await hide(page);
  await page.waitForTimeout(500);
  await context.close();

  const web = urls.filter((u) => /^https?:/.test(u)).map((u) => new URL(u));
  expect(new Set(web.map((u) => u.hostname))).toEqual(new Set(["127.0.0.1"]));
  // PostHog only through the relay (the Sentry SDK's own local receiver is another 127.0.0.1 port).
  expect(web.filter((u) => u.port === String(RECEIVER_PORTS.posthog))).toEqual([]);
  expect(urls.some((u) => u.startsWith(RELAY))).toBe(true);
});

test("opting out on the Settings page stops all events from this browser; opting in resumes them", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const context = await humanContext(browser);
  const page = await context.newPage();
  await signInAsAdmin(page);
  const userId = await adminUserId();
  await page.goto("/admin/settings");
  const toggle = page.getByTestId("analytics-toggle");
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.getByTestId("analytics-state")).toHaveText("Nothing is sent from this browser.");
  // Events captured before the switch may still be in posthog-js's queue (flushed every few seconds).
  await page.waitForTimeout(3_500);
  const since = Date.now();

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Web Vitals", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Web Vitals", level: 1 })).toBeVisible();
  await page.goto("/admin/uptime");
  await page.goto("/admin/settings");
  await expect(page.getByTestId("analytics-toggle")).not.toBeChecked();
  await page.waitForTimeout(5_000);
  expect((await eventsSince(since)).filter((e) => distinctIdOf(e) === userId && e.event !== "user logged in")).toEqual(
    [],
  );

  // The control: the same browser, opted in again, is heard at once.
  await page.getByTestId("analytics-toggle").check();
  await waitForEvent(since, (e) => e.event === "$opt_in" && distinctIdOf(e) === userId);
  await context.close();
});

test("a browser that sends Do Not Track sends nothing; the same visit without it is recorded", async ({ browser }) => {
  const visit = async (dnt: boolean) => {
    const marker = randomUUID();
    const context = await humanContext(
      browser,
      dnt ? () => Object.defineProperty(Navigator.prototype, "doNotTrack", { get: () => "1" }) : undefined,
    );
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=%2Fadmin%3Fm%3D${marker}`);
    await page.getByRole("heading", { name: "Sign in to the console" }).click();
    await page.waitForTimeout(4_500);
    await context.close();
    return marker;
  };
  const since = Date.now();
  const tracked = await visit(false);
  const untracked = await visit(true);
  await waitForRecorded("posthog", (all) => all.find((r) => r.at >= since && r.body.includes(tracked)));
  expect((await recordedSince(since)).filter((r) => r.body.includes(untracked))).toEqual([]);
});

test("web vitals from Vigil's own collector are also sent to PostHog as $web_vitals", async ({ browser }) => {
  const context = await humanContext(browser);
  const page = await context.newPage();
  const since = Date.now();
  await page.goto("/login");
  await page.getByLabel("Email").click();
  await page.keyboard.type("someone");
  await page.getByRole("heading", { name: "Sign in to the console" }).click();
  await page.waitForTimeout(1_500);
  await hide(page);
  const vitals = await waitForEvent(since, (e) => e.event === "$web_vitals" && e.properties?.vigil_route === "/login");
  expect(vitals.properties?.$web_vitals_LCP_value).toEqual(expect.any(Number));
  expect(vitals.properties?.$web_vitals_TTFB_value).toEqual(expect.any(Number));
  expect(vitals.properties?.$pathname).toBe("/login");
  await context.close();
});
