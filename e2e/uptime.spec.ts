import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { formatUptime } from "../lib/uptime/uptime-math";
import { createUser, queryDb, signIn, signInAsAdmin } from "./support/fixtures";
import { E2E_CRON_SECRET } from "./support/config";
import { test } from "./support/test";
import { closeServers } from "../tests/support/http-receiver";

// A target this test steers, on 127.0.0.1 (so its monitor must allow private addresses).
let mode: "up" | "down" = "up";
let server: Server;
let target = "";
const tag = randomUUID().slice(0, 6);
const SHOP = { name: `E2E shop ${tag}`, slug: `e2e-shop-${tag}` };
const BACKUP = { name: `E2E backup ${tag}`, slug: `e2e-backup-${tag}` };
// Successful checks of the shop monitor after the first test (1, or 2 if the scheduler also checked it).
let shopBaseline = 0;

const sql = queryDb;
const resultCount = async (slug: string) =>
  Number(
    (
      await sql<{ n: string }>(
        "SELECT count(*) AS n FROM probe_results r JOIN monitors m ON m.site_id = r.site_id AND m.id = r.monitor_id WHERE m.site_id = 1 AND m.slug = $1",
        [slug],
      )
    )[0]!.n,
  );

/** One check of `slug`: make it due, then run the job through the cron endpoint until its result is stored. */
async function runCheck(request: APIRequestContext, slug: string) {
  const before = await resultCount(slug);
  await sql("UPDATE monitors SET next_check_at = now() - interval '1 second' WHERE site_id = 1 AND slug = $1", [slug]);
  await expect(async () => {
    const res = await request.post("/api/cron/uptime-probe?force=1", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(res.status()).toBe(200);
    // The in-process scheduler may have taken the run (then this call is "skipped"): either way, one check.
    expect(await resultCount(slug)).toBe(before + 1);
  }).toPass({ timeout: 30_000, intervals: [250, 500, 1000] });
}

const card = (page: Page, slug: string) => page.locator(`[data-testid="monitor-card"][data-monitor="${slug}"]`);
async function expectCard(page: Page, slug: string, status: string, uptime24h: string) {
  await page.goto("/admin/uptime");
  await expect(card(page, slug).getByTestId("monitor-status")).toHaveAttribute("data-status", status);
  await expect(card(page, slug).getByTestId("uptime-24h")).toHaveText(uptime24h);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/health")
      return void (mode === "up" ? res.end("all systems ok") : res.writeHead(503).end("maintenance"));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => closeServers([server]));

test("an admin adds an HTTP monitor in Settings; bad input shows inline errors and stores nothing", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/settings");
  const form = page.getByTestId("monitor-add-form");
  await form.getByLabel("Name", { exact: true }).fill(SHOP.name);
  await form.getByLabel("URL").fill("ftp://files.example/health");
  await form.getByLabel("Timeout (s)").fill("99");
  await form.getByLabel("Interval (s)").fill("5");
  await form.getByRole("button", { name: "Add monitor" }).click();
  await expect(form.getByText("URL must be an http:// or https:// address")).toBeVisible();
  await expect(form.getByText("Interval must be at least 30")).toBeVisible();
  await expect(form.getByText("Timeout must be at most 30")).toBeVisible();
  await expect(form.getByRole("alert")).toHaveText("Nothing was saved: fix the fields marked in red.");
  // What was typed stays, and nothing was stored.
  await expect(form.getByLabel("URL")).toHaveValue("ftp://files.example/health");
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  expect(await sql("SELECT id FROM monitors WHERE name = $1", [SHOP.name])).toEqual([]);

  await form.getByLabel("Slug (optional)").fill(SHOP.slug);
  await form.getByLabel("URL").fill(`${target}/health`);
  await form.getByLabel("Body contains (optional)").fill("systems ok");
  await form.getByLabel("Timeout (s)").fill("2");
  // One hour: checks happen only when this test asks, so every figure below is exact.
  await form.getByLabel("Interval (s)").fill("3600");
  await form.getByLabel("Allow private addresses").check();
  await form.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.getByTestId("monitor-add-form").getByRole("status")).toHaveText("Saved.");
  const row = page.locator(`[data-testid="monitor-row"][data-monitor="${SHOP.slug}"]`);
  await expect(row).toContainText(`GET ${target}/health`);
  await expect(row).toContainText("private allowed");
  await expect(page.locator('[data-testid="monitor-row"][data-monitor="vigil"]')).toContainText("built-in");
  expect(
    await sql(
      "SELECT allow_private, interval_seconds, timeout_ms, body_contains FROM monitors WHERE site_id = 1 AND slug = $1",
      [SHOP.slug],
    ),
  ).toEqual([{ allow_private: true, interval_seconds: 3600, timeout_ms: 2000, body_contains: "systems ok" }]);

  // "Check now" runs the probe job at once (a new monitor is also due for the next scheduled run, which may come first).
  await row.getByRole("button", { name: "Check now" }).click();
  await expect(row.getByTestId("monitor-action-message")).toHaveText(/^Up: HTTP 200 in \d+ ms\.$/);
  shopBaseline = await resultCount(SHOP.slug);
  expect(shopBaseline).toBeGreaterThanOrEqual(1);
});

test("the server goes down: after 3 failed checks an incident opens on the Uptime page; back up, it resolves", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const ok = shopBaseline;
  await expectCard(page, SHOP.slug, "up", formatUptime({ ok, total: ok }));

  mode = "down";
  await runCheck(page.request, SHOP.slug);
  await expectCard(page, SHOP.slug, "failing", formatUptime({ ok, total: ok + 1 }));
  await expect(card(page, SHOP.slug).getByTestId("last-check")).toContainText("Expected HTTP 200, got 503");
  await runCheck(page.request, SHOP.slug);
  await runCheck(page.request, SHOP.slug);
  await expectCard(page, SHOP.slug, "down", formatUptime({ ok, total: ok + 3 }));
  await expect(card(page, SHOP.slug).getByTestId("open-incident")).toContainText(
    "3 failed checks · Expected HTTP 200, got 503",
  );
  const incident = page.locator(`[data-testid="incident-row"][data-monitor="${SHOP.slug}"]`);
  await expect(incident).toHaveCount(1);
  await expect(incident).toHaveAttribute("data-state", "open");
  await expect(card(page, SHOP.slug).getByTestId("status-bar").first().locator("[data-state]").last()).toHaveAttribute(
    "data-state",
    "degraded",
  );
  await page.screenshot({ path: "test-results/screens/uptime-incident.png", fullPage: true });
  // The Alerts page lists it too, beside the SLO alerts.
  await page.goto("/admin/alerts");
  await expect(
    page.getByTestId("alerts-incidents").locator(`[data-testid="incident-row"][data-monitor="${SHOP.slug}"]`),
  ).toHaveAttribute("data-state", "open");
  await page.goto("/admin/uptime");

  mode = "up";
  await runCheck(page.request, SHOP.slug);
  await expectCard(page, SHOP.slug, "up", formatUptime({ ok: ok + 1, total: ok + 4 }));
  await expect(card(page, SHOP.slug).getByTestId("open-incident")).toHaveCount(0);
  await expect(incident).toHaveAttribute("data-state", "resolved");
  await expect(incident.getByTestId("incident-cause")).toHaveText("Expected HTTP 200, got 503");
  expect(
    await sql(
      "SELECT failures FROM incidents i JOIN monitors m ON m.site_id = i.site_id AND m.id = i.monitor_id WHERE m.site_id = 1 AND m.slug = $1",
      [SHOP.slug],
    ),
  ).toEqual([{ failures: 3 }]);
});

test("a heartbeat monitor: its URL answers pings, a missed deadline opens an incident, the next ping resolves it", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  await page.goto("/admin/settings");
  const form = page.getByTestId("monitor-add-form");
  await form.getByLabel("Type").selectOption("heartbeat");
  await form.getByLabel("Name", { exact: true }).fill(BACKUP.name);
  await form.getByLabel("Slug (optional)").fill(BACKUP.slug);
  await form.getByLabel("Expected every (s)").fill("3600");
  await form.getByLabel("Grace (s)").fill("60");
  await form.getByLabel("Failures before incident").fill("1");
  await form.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.getByTestId("monitor-add-form").getByRole("status")).toHaveText("Saved.");
  const url = await page
    .locator(`[data-testid="monitor-row"][data-monitor="${BACKUP.slug}"]`)
    .getByTestId("settings-heartbeat-url")
    .textContent();
  expect(url).toMatch(/\/api\/v1\/heartbeat\/[A-Za-z0-9_-]{43}$/);

  // The URL works without a session (the request fixture shares no cookies with the signed-in page).
  const ping = await request.get(url!);
  expect(ping.status()).toBe(200);
  expect(await ping.json()).toMatchObject({ ok: true, monitor: BACKUP.slug, name: BACKUP.name, incident: null });
  const unknown = await page.request.get(`/api/v1/heartbeat/${"A".repeat(43)}`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({
    error: { code: "not_found", message: "No heartbeat monitor has this token." },
  });
  await expectCard(page, BACKUP.slug, "up", "100.000%");
  await expect(card(page, BACKUP.slug).getByTestId("heartbeat-url")).toHaveText(url!);

  // The deadline passes without a ping: the job records the miss and (threshold 1) opens an incident.
  await runCheck(page.request, BACKUP.slug);
  await expectCard(page, BACKUP.slug, "down", formatUptime({ ok: 1, total: 2 }));
  await expect(card(page, BACKUP.slug).getByTestId("open-incident")).toContainText("No ping since");

  expect((await request.post(url!)).status()).toBe(200);
  await expectCard(page, BACKUP.slug, "up", formatUptime({ ok: 2, total: 3 }));
  await expect(page.locator(`[data-testid="incident-row"][data-monitor="${BACKUP.slug}"]`)).toHaveAttribute(
    "data-state",
    "resolved",
  );
});

test("90 days of seeded checks: uptime figures equal the exact counts, bars and latency render, viewers see no ping URLs", async ({
  page,
  browser,
}) => {
  const slug = `e2e-docs-${tag}`;
  const [monitor] = await sql<{ id: string }>(
    "INSERT INTO monitors (site_id, id, slug, name, kind, url, interval_seconds, allow_private, next_check_at, updated_at) VALUES (1, $1, $2, $3, 'http', 'https://docs.example/health', 1800, false, '2100-01-01', now()) RETURNING id",
    [`e2e${tag}docs`, slug, `E2E docs ${tag}`],
  );
  // One check every 30 min for 90 days, 7 min off the half hours so no check sits on a window's edge while the
  // test runs; outages on a few days, slower answers in the afternoon.
  const now = Date.now();
  const DAY = 86_400_000;
  const checks = Array.from({ length: 90 * 48 }, (_, k) => {
    const ts = new Date(now - (k * 30 + 7) * 60_000);
    const daysAgo = Math.floor(now / DAY) - Math.floor(ts.getTime() / DAY); // UTC days, like the bar
    const hour = ts.getUTCHours();
    const ok = !(
      daysAgo === 41 ||
      (daysAgo === 3 && hour < 3) ||
      (daysAgo === 67 && hour === 10) ||
      k === 2 ||
      k === 3
    );
    return { ts, ok, latency: ok ? 80 + (hour >= 12 && hour < 18 ? 90 : 0) + (k % 7) * 6 : null };
  });
  // Five checks per half hour over the last day, one of them slow, so p50 and p95 differ on the chart.
  for (let k = 0; k < 48; k++) {
    for (const [i, extra] of [10, 14, 18, 22].entries()) {
      checks.push({
        ts: new Date(now - (k * 30 + extra) * 60_000),
        ok: true,
        latency: i === 3 ? 260 + (k % 5) * 40 : 70 + i * 15 + (k % 3) * 10,
      });
    }
  }
  await sql(
    "INSERT INTO probe_results (site_id, monitor_id, ts, ok, status_code, latency_ms, error) SELECT 1, $1, ts, ok, CASE WHEN ok THEN 200 ELSE 503 END, latency, CASE WHEN ok THEN NULL ELSE 'Expected HTTP 200, got 503' END FROM unnest($2::timestamptz[], $3::boolean[], $4::float8[]) AS t(ts, ok, latency)",
    [monitor!.id, checks.map((c) => c.ts.toISOString()), checks.map((c) => c.ok), checks.map((c) => c.latency)],
  );
  await sql(
    "INSERT INTO incidents (site_id, monitor_id, opened_at, resolved_at, failures, cause) VALUES (1, $1, now() - interval '41 days', now() - interval '40 days', 48, 'Expected HTTP 200, got 503')",
    [monitor!.id],
  );
  const within = (days: number) => {
    const inWindow = checks.filter((c) => now - c.ts.getTime() < days * DAY);
    return formatUptime({ ok: inWindow.filter((c) => c.ok).length, total: inWindow.length });
  };

  await signInAsAdmin(page);
  await page.goto("/admin/uptime");
  const docs = card(page, slug);
  for (const [key, days] of [
    ["24h", 1],
    ["7d", 7],
    ["30d", 30],
    ["90d", 90],
  ] as const)
    await expect(docs.getByTestId(`uptime-${key}`)).toHaveText(within(days));
  expect(within(1)).toBe(formatUptime({ ok: 238, total: 240 }));
  await expect(docs.getByTestId("status-bar").nth(1).locator('[data-state="down"]')).toHaveCount(1);
  await expect(
    docs.getByRole("img", { name: `Probe latency of E2E docs ${tag} over the last 24 hours` }),
  ).toBeVisible();
  await expect(docs.locator(".recharts-line")).toHaveCount(2);
  await docs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/uptime.png", fullPage: true });
  await page.goto("/admin/settings#monitors");
  await page.getByTestId("monitors-card").screenshot({ path: "test-results/screens/settings-monitors.png" });

  // The overview card shows the lowest 30-day uptime, from the same read model as the API.
  await page.goto("/admin");
  const api = await (await page.request.get("/api/admin/overview")).json();
  await expect(page.getByTestId("card-uptime-value")).toHaveText(api.uptime30d.worst.text);
  await page.getByTestId("card-uptime").screenshot({ path: "test-results/screens/overview-uptime-card.png" });
  expect(api.uptime30d.worst.text).toBe(formatUptime(api.uptime30d.worst));

  // A viewer reads the Uptime page but never sees a heartbeat's secret URL, and cannot open Settings.
  const viewer = await createUser("viewer");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, viewer.email, viewer.password);
  await expect(other.getByTestId("current-user")).toHaveText(viewer.email);
  await other.goto("/admin/uptime");
  await expect(card(other, BACKUP.slug)).toBeVisible();
  await expect(other.getByTestId("heartbeat-url")).toHaveCount(0);
  expect(await other.content()).not.toContain("/api/v1/heartbeat/");
  await other.goto("/admin/settings");
  await expect(other).toHaveURL(/\/admin\?denied=1/);
  await context.close();
});
