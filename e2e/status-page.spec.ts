import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { closeServers } from "../tests/support/http-receiver";
import { scanPage } from "./support/axe";
import { queryDb as sql, signInAsAdmin, TEST_ADMIN } from "./support/fixtures";
import { E2E_CRON_SECRET } from "./support/config";
import { test } from "./support/test";

// Issue 13: an admin turns a site's status page on in Settings, a monitor fails until an incident opens, the
// admin adds a public update and an internal note; an anonymous reader sees the incident and the public update,
// never the note, the monitor's URL, its heartbeat token, the admin's email or the site's keys.

let mode: "up" | "down" = "up";
let server: Server;
let target = "";
const tag = randomUUID().slice(0, 6);
const SITE = { slug: `e2e-status-${tag}`, name: `E2E Status ${tag}`, publicKey: `pk_e2estatus${tag}xxxxxxxxxxx` };
const SECRET_HASH = createHash("sha256").update(`sk_secret_${tag}`).digest("hex");
const API = { id: `e2eapi${tag}`, slug: `api-${tag}`, name: `Public API ${tag}` };
const BEAT = { id: `e2ebeat${tag}`, token: `hbtoken_${tag}_${randomUUID().replaceAll("-", "")}` };
const PUBLIC_WORDS = `We found the cause and are rolling out a fix (${tag}).`;
const INTERNAL_WORDS = `Internal: the primary db-${tag} ran out of disk, ask Sam.`;
let siteId = 0;

const resultCount = async () =>
  Number((await sql<{ n: string }>("SELECT count(*) AS n FROM probe_results WHERE monitor_id = $1", [API.id]))[0]!.n);

/** One check of the API monitor: make it due, run the job through the cron endpoint until its result is stored. */
async function runCheck(request: APIRequestContext) {
  const before = await resultCount();
  await sql("UPDATE monitors SET next_check_at = now() - interval '1 second' WHERE id = $1", [API.id]);
  await expect(async () => {
    const res = await request.post("/api/cron/uptime-probe?force=1", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(res.status()).toBe(200);
    expect(await resultCount()).toBe(before + 1);
  }).toPass({ timeout: 30_000, intervals: [250, 500, 1000] });
}

async function expectNoViolations(page: Page, what: string) {
  const { results, failures } = await scanPage(page);
  await test.info().attach(`axe ${what}.json`, { body: JSON.stringify(results.violations, null, 2) });
  expect(failures, `serious or critical WCAG 2 A/AA violations on ${what}`).toEqual([]);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith("/health")) return void (mode === "up" ? res.end("ok") : res.writeHead(503).end("down"));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [site] = await sql<{ id: number }>(
    "INSERT INTO sites (slug, name, public_key, secret_hash, secret_hint) VALUES ($1, $2, $3, $4, 'sk_…xxxx') RETURNING id",
    [SITE.slug, SITE.name, SITE.publicKey, SECRET_HASH],
  );
  siteId = site!.id;
  await sql(
    `INSERT INTO monitors (site_id, id, slug, name, kind, url, allow_private, failure_threshold, interval_seconds, timeout_ms, next_check_at, updated_at)
     VALUES ($1, $2, $3, $4, 'http', $5, true, 2, 3600, 2000, now() + interval '1 day', now())`,
    [siteId, API.id, API.slug, API.name, `${target}/health?internal-path=${tag}`],
  );
  await sql(
    `INSERT INTO monitors (site_id, id, slug, name, kind, heartbeat_token, interval_seconds, next_check_at, updated_at)
     VALUES ($1, $2, $3, $4, 'heartbeat', $5, 3600, now() + interval '1 day', now())`,
    [siteId, BEAT.id, `beat-${tag}`, `Nightly job ${tag}`, BEAT.token],
  );
});
test.afterAll(async () => {
  await closeServers([server]);
  if (siteId) await sql("DELETE FROM sites WHERE id = $1", [siteId]);
});

test("an admin turns the status page on; an incident's public update shows, its internal note does not", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  // Off by default: the page is a 404, as for a site that does not exist.
  expect((await reader.goto(`/status/${SITE.slug}`))?.status()).toBe(404);
  expect((await reader.goto(`/status/no-such-site-${tag}`))?.status()).toBe(404);

  await signInAsAdmin(page);
  await page.goto(`/admin/settings?site=${SITE.slug}`);
  const row = page.locator(`[data-testid="site-row"][data-site="${SITE.slug}"]`);
  await row.locator("summary", { hasText: "Status page" }).click();
  const form = row.getByTestId("status-page-form");
  await form.getByLabel("Public status page").check();
  // The input's maxlength stops typing at 120; without it, the server still refuses (and stores nothing).
  await form.getByLabel("Title (optional)").evaluate((el) => el.removeAttribute("maxlength"));
  await form.getByLabel("Title (optional)").fill("t".repeat(121));
  await form.getByRole("button", { name: "Save status page" }).click();
  await expect(form.getByTestId("field-error")).toHaveText("Title: at most 120 characters");
  expect(await sql("SELECT status_page FROM sites WHERE id = $1", [siteId])).toEqual([{ status_page: false }]);
  await form.getByLabel("Title (optional)").fill(`Acme ${tag}`);
  await form.getByLabel("Description (optional)").fill("Live status of our public API.");
  await form.getByRole("button", { name: "Save status page" }).click();
  await expect(form.getByRole("status")).toHaveText(`On: /status/${SITE.slug}`);
  expect((await reader.goto(`/status/${SITE.slug}`))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Acme ${tag}`);

  // The target goes down: two failed checks (the monitor's threshold) open an incident.
  await runCheck(page.request);
  mode = "down";
  await runCheck(page.request);
  await runCheck(page.request);
  const [incident] = await sql<{ id: string }>("SELECT id::text FROM incidents WHERE monitor_id = $1", [API.id]);
  expect(incident).toBeDefined();

  await page.goto(`/admin/uptime?site=${SITE.slug}`);
  await page.getByRole("link", { name: `Timeline of incident #${incident!.id} (${API.name})` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/uptime/incidents\\?site=${SITE.slug}&id=${incident!.id}$`));
  const update = page.getByTestId("incident-update-form");
  // Bad input is refused inline and stores nothing.
  await update.getByLabel("Update", { exact: true }).fill("   ");
  await update.getByRole("button", { name: "Add update" }).click();
  await expect(update.getByTestId("field-error")).toHaveText("Say what happened");
  expect(await sql("SELECT id FROM incident_updates WHERE site_id = $1", [siteId])).toEqual([]);

  await update.getByLabel("Status", { exact: true }).fill("identified");
  await update.getByLabel("Update", { exact: true }).fill(PUBLIC_WORDS);
  await update.getByLabel("Public: show on the site's status page").check();
  await update.getByRole("button", { name: "Add update" }).click();
  await expect(update.getByRole("status")).toHaveText("Public update added.");
  await update.getByLabel("Status", { exact: true }).fill("notes");
  await update.getByLabel("Update", { exact: true }).fill(INTERNAL_WORDS);
  await update.getByRole("button", { name: "Add update" }).click();
  await expect(update.getByRole("status")).toHaveText("Internal note added.");
  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toHaveAttribute("data-kind", "opened");
  await expect(entries.nth(1)).toContainText(PUBLIC_WORDS);
  await expect(entries.nth(1)).toContainText("public");
  await expect(entries.nth(2)).toContainText(INTERNAL_WORDS);
  await expect(entries.nth(2)).toContainText("internal note");
  await expect(entries.nth(2)).toContainText(`by ${TEST_ADMIN.email}`);
  await expectNoViolations(page, "incident timeline (light)");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/(^|\s)dark(\s|$)/);
  await expectNoViolations(page, "incident timeline (dark)");
  await page.emulateMedia({ colorScheme: "light" });

  // The anonymous reader: the incident and its public update, nothing internal, in the served HTML itself.
  const res = await reader.goto(`/status/${SITE.slug}`);
  expect(res?.status()).toBe(200);
  await expect(reader.getByTestId("status-overall")).toHaveAttribute("data-state", "outage");
  await expect(reader.getByTestId("status-monitor")).toHaveCount(2);
  const open = reader.locator('[data-testid="status-incident"][data-state="open"]');
  await expect(open).toHaveCount(1);
  await expect(open).toContainText(API.name);
  await expect(open).toContainText(PUBLIC_WORDS);
  await expect(open).toContainText("identified");
  const html = await res!.text();
  for (const secret of [
    target,
    `internal-path=${tag}`,
    BEAT.token,
    INTERNAL_WORDS,
    TEST_ADMIN.email,
    SITE.publicKey,
    SECRET_HASH,
    "Expected HTTP 200, got 503",
    API.slug,
  ])
    expect(html, secret).not.toContain(secret);
  await expect(reader.getByText(INTERNAL_WORDS)).toHaveCount(0);
  await anonymous.close();

  // Back up: the incident resolves and the page says so.
  mode = "up";
  await runCheck(page.request);
  const after = await browser.newContext();
  const again = await after.newPage();
  await expect(async () => {
    await again.goto(`/status/${SITE.slug}`);
    await expect(again.locator('[data-testid="status-incident"][data-state="resolved"]')).toHaveCount(1, {
      timeout: 500,
    });
  }).toPass({ timeout: 30_000 });
  await expect(again.getByTestId("status-overall")).toHaveAttribute("data-state", "operational");
  await after.close();
});

test("maintenance scheduled in Settings is announced on the status page, without who scheduled it", async ({
  page,
  browser,
}) => {
  const title = `Database upgrade ${tag}`;
  const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await signInAsAdmin(page);
  await page.goto(`/admin/settings?site=${SITE.slug}`);
  const form = page.getByTestId("maintenance-card").getByTestId("maintenance-add-form");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Starts (UTC)").fill(utc(Date.now() + 24 * 3_600_000));
  await form.getByLabel("Ends (UTC)").fill(utc(Date.now() + 26 * 3_600_000));
  await form.getByRole("button", { name: /Add window/ }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");

  const context = await browser.newContext();
  const reader = await context.newPage();
  // Pages are kept up to 10 s per instance: wait for the rebuilt one.
  await expect(async () => {
    await reader.goto(`/status/${SITE.slug}`);
    await expect(reader.getByTestId("status-maintenance")).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  const announced = reader.getByTestId("status-maintenance");
  await expect(announced).toHaveAttribute("data-state", "upcoming");
  await expect(announced).toContainText(title);
  await expect(announced).toContainText("Whole site");
  expect(await reader.content()).not.toContain(TEST_ADMIN.email);
  await context.close();
});

for (const theme of ["light", "dark"] as const) {
  test(`the status page has no WCAG 2 A/AA violations in the ${theme} theme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    expect((await page.goto(`/status/${SITE.slug}`))?.status()).toBe(200);
    await expect(page.locator("html")).toHaveClass(new RegExp(`(^|\\s)${theme}(\\s|$)`));
    await expect(page.getByTestId("status-incident")).toHaveCount(1);
    await expect(page.getByTestId("status-maintenance")).toHaveCount(1);
    await page.screenshot({ path: `test-results/screens/status-page-${theme}.png`, fullPage: true });
    await expectNoViolations(page, `/status/<slug> (${theme})`);
    await context.close();
  });
}

test("turned off, the status page is a 404 again", async ({ page, request }) => {
  await signInAsAdmin(page);
  await page.goto(`/admin/settings?site=${SITE.slug}`);
  const row = page.locator(`[data-testid="site-row"][data-site="${SITE.slug}"]`);
  await row.locator("summary", { hasText: "Status page" }).click();
  const form = row.getByTestId("status-page-form");
  await form.getByLabel("Public status page").uncheck();
  await form.getByRole("button", { name: "Save status page" }).click();
  await expect(form.getByRole("status")).toHaveText("Off: the page answers 404.");
  expect((await request.get(`/status/${SITE.slug}`)).status()).toBe(404);
});
