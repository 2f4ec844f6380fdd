import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, type Browser, type Page } from "@playwright/test";
import { bucketOf } from "../lib/vitals/histogram";
import { scanPage } from "./support/axe";
import { E2E_BASE_URL } from "./support/config";
import { createUser, queryDb, signIn, signInAsAdmin } from "./support/fixtures";
import { test } from "./support/test";

// Issue #12, console per site: an admin creates a site in Settings (its server key shown once), the shell's switcher
// lists it and keeps the section, /admin/sites compares it with Vigil's own, a rotation shows a new key once, a
// viewer never receives key material, and a delete needs the slug typed. Steps build on each other: one test.

const SHOTS = "/tmp/console-shots";
const MINUTE = 60_000;
const SECRET = /sk_[A-Za-z0-9]{32}/;
// Any server key material in a page: a whole key or a hint (sk_…abcd) of one.
const KEY_MATERIAL = /sk_(?:[A-Za-z0-9]{4,}|…|&#8230;|\\u2026)/;

test.describe.configure({ timeout: 120_000 });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const siteRow = (page: Page, slug: string) => page.locator(`[data-testid="site-row"][data-site="${slug}"]`);

/** A little of what the all-sites page shows, stored for the new site the way its beacons and OTLP pushes would. */
async function seedSite(siteId: number, publicKey: string, origin: string) {
  const rows: Array<[string, Date, number, number, number]> = [];
  for (let k = 1; k <= 20; k++) {
    const at = Date.now() - k * MINUTE;
    for (const [cls, count] of [
      [2, 50],
      [5, k % 5 === 0 ? 3 : 0],
    ] as const) {
      if (!count) continue;
      rows.push(["minute", new Date(Math.floor(at / MINUTE) * MINUTE), cls, count, 120 + k]);
      rows.push(["hour", new Date(Math.floor(at / (60 * MINUTE)) * 60 * MINUTE), cls, count, 120 + k]);
    }
  }
  for (const [grain, bucket, cls, count, ms] of rows)
    await queryDb(
      `INSERT INTO request_rollups (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist)
       VALUES ($1, $2::"RequestGrain", $3, '/api/checkout', 'POST', $4, $5, $6, $7::jsonb)
       ON CONFLICT (site_id, grain, bucket_start, route, method, status_class) DO UPDATE SET count = request_rollups.count + excluded.count,
         duration_sum_ms = request_rollups.duration_sum_ms + excluded.duration_sum_ms, hist = vigil_hist_merge(request_rollups.hist, excluded.hist)`,
      [siteId, grain, bucket.toISOString(), cls, count, count * ms, JSON.stringify({ [bucketOf(ms)]: count })],
    );
  const [monitor] = await queryDb<{ id: string }>(
    "INSERT INTO monitors (site_id, id, slug, name, kind, url, interval_seconds, next_check_at, updated_at) VALUES ($1, $2, 'home', 'Shop home', 'http', 'https://shop.example/', 300, '2100-01-01', now()) RETURNING id",
    [siteId, `e2e${randomBytes(6).toString("hex")}`],
  );
  await queryDb(
    "INSERT INTO probe_results (site_id, monitor_id, ts, ok, status_code, latency_ms) SELECT $1, $2, now() - k * interval '5 minutes', k % 40 <> 7, 200, 90 FROM generate_series(1, 100) k",
    [siteId, monitor!.id],
  );
  // Vitals through the real ingest path: the site's public key, from one of its allowed origins.
  for (const lcp of [1800, 2300, 4600]) {
    const res = await fetch(`${E2E_BASE_URL}/api/v1/vitals`, {
      method: "POST",
      headers: {
        "content-type": "text/plain",
        origin,
        "user-agent":
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
      },
      body: JSON.stringify({
        v: 1,
        site: publicKey,
        pageViewId: `pv_${randomBytes(8).toString("hex")}`,
        route: "/products/[id]",
        device: "desktop",
        metrics: [{ name: "LCP", value: lcp, id: `lcp${lcp}` }],
      }),
    });
    expect(res.status, "a beacon of the new site from its allowed origin").toBe(202);
  }
}

/** Screenshots in both themes, each after an axe scan of the page as it is (menus and disclosures open). */
async function shoot(page: Page, name: string, target?: ReturnType<Page["locator"]>) {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(new RegExp(`(^|\\s)${scheme}(\\s|$)`));
    const { failures } = await scanPage(page);
    expect(failures, `serious or critical WCAG findings on ${name} (${scheme})`).toEqual([]);
    const path = `${SHOTS}/${name}-${scheme}.png`;
    if (target) await target.screenshot({ path });
    else await page.screenshot({ path, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** The HTML of `path` as the signed-in user of `page` receives it (RSC payload included), never showing key material. */
async function expectNoKeyMaterial(page: Page, path: string, secrets: string[]) {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  const html = await res.text();
  expect(html, `${path} sends no server key material`).not.toMatch(KEY_MATERIAL);
  for (const s of secrets) expect(html).not.toContain(s);
}

async function viewerPage(browser: Browser) {
  const viewer = await createUser("viewer");
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByTestId("current-user")).toHaveText(viewer.email);
  return { page, close: () => context.close() };
}

test("an admin adds a site, switches to it, compares sites, rotates its key and deletes it; a viewer sees no key", async ({
  page,
  browser,
}) => {
  const tag = randomUUID().slice(0, 6);
  const slug = `shop-${tag}`;
  const name = `Shop ${tag}`;
  const origin = "https://shop.example";
  await signInAsAdmin(page);
  await page.goto("/admin/settings#sites");
  const create = page.getByTestId("site-create-form");

  // A bad slug: an inline error under the field, what was typed kept, nothing stored.
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Slug").fill("Bad Slug!");
  await create.getByLabel("Allowed origins").fill(`${origin}\nhttp://127.0.0.1:3999`);
  await create.getByRole("button", { name: "Add site" }).click();
  await expect(create.getByTestId("field-error")).toContainText("lowercase letters, digits and dashes");
  await expect(create.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
  await expect(create.getByLabel("Name")).toHaveValue(name);
  expect(await queryDb("SELECT 1 FROM sites WHERE name = $1", [name])).toHaveLength(0);
  // A bad origin, likewise.
  await create.getByLabel("Slug").fill(slug);
  await create.getByLabel("Allowed origins").fill("shop.example/path");
  await create.getByRole("button", { name: "Add site" }).click();
  await expect(create.getByTestId("field-error")).toContainText("is not an origin");
  expect(await queryDb("SELECT 1 FROM sites WHERE slug = $1", [slug])).toHaveLength(0);

  // Created: the server key once, with the note and a copy button; only its hash is stored.
  await create.getByLabel("Allowed origins").fill(`${origin}\nhttp://127.0.0.1:3999`);
  await create.getByRole("button", { name: "Add site" }).click();
  const once = page.getByTestId("site-key-once");
  await expect(once).toContainText("This is the only time it is shown");
  const secret = (await once.getByTestId("site-secret").textContent())!.trim();
  expect(secret).toMatch(new RegExp(`^${SECRET.source}$`));
  await once.getByRole("button", { name: "Copy server key" }).click();
  await expect(once.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const [stored] = await queryDb<{ id: number; public_key: string; secret_hash: string; secret_hint: string }>(
    "SELECT id, public_key, secret_hash, secret_hint FROM sites WHERE slug = $1",
    [slug],
  );
  expect(stored).toMatchObject({ secret_hash: sha256(secret), secret_hint: secret.slice(-4) });
  const row = siteRow(page, slug);
  await expect(row).toContainText(name);
  await expect(row.getByTestId("site-secret-hint")).toHaveText(`sk_…${secret.slice(-4)}`);
  await expect(row).toContainText(origin);
  await row.getByText("Install", { exact: true }).click();
  await expect(row.getByTestId("site-snippets")).toContainText(
    `<script defer src="${E2E_BASE_URL}/v1/vitals.js" data-site="${stored!.public_key}"></script>`,
  );
  await expect(row.getByTestId("site-snippets")).toContainText(
    `registerVigil({ endpoint: "${E2E_BASE_URL}", secretKey: process.env.VIGIL_SECRET_KEY })`,
  );
  await seedSite(stored!.id, stored!.public_key, origin);
  await row.getByText("Edit", { exact: true }).click();
  await shoot(page, "settings-sites", page.getByTestId("sites-card"));
  // The key is gone from the page once it is left.
  await page.reload();
  expect(await page.content()).not.toContain(secret);

  // The switcher lists the new site; switching keeps the section and drops its filters.
  await page.goto("/admin/vitals?window=30d&metric=INP");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Web Vitals · Vigil");
  const switcher = page.getByTestId("site-switcher");
  await switcher.getByRole("button").click();
  const sites = switcher.getByRole("list", { name: "Sites" });
  await expect(sites.getByRole("link")).toHaveCount(
    Number((await queryDb<{ n: string }>("SELECT count(*) AS n FROM sites"))[0]!.n),
  );
  await expect(sites.getByRole("link", { name: "Vigil vigil" })).toHaveAttribute("aria-current", "true");
  await shoot(page, "switcher", page.locator("aside"));
  await sites.getByRole("link", { name: `${name} ${slug}` }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/admin/vitals?site=${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Web Vitals · ${name}`);
  await expect(page.getByTestId("site-switcher-current")).toHaveText(name);
  await expect(page.getByTestId("metric-LCP-count")).toHaveText("3");
  // Filters and the nav keep the site.
  await page.getByRole("group", { name: "Window" }).getByRole("link", { name: "24h" }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/admin/vitals?site=${slug}&window=24h`);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Requests", exact: true }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/admin/requests?site=${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Requests · ${name}`);
  // 20 minutes of 50 requests, 3 server errors in 4 of them: the same figures the all-sites page shows below.
  await expect(page.getByTestId("total-requests")).toHaveText("1,012");
  await expect(page.getByTestId("total-error-rate")).toHaveText("1.2%");
  await shoot(page, "requests-of-site");
  await page.getByLabel("Route").selectOption("/api/checkout");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/requests\\?site=${slug}&route=%2Fapi%2Fcheckout(&method=)?$`));
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/admin?site=${slug}`);
  await expect(page.getByTestId("card-error-rate-value")).toHaveText("1.2%");
  await shoot(page, "overview-of-site");

  // All sites: both, each linking to its Overview, from the Overview's header.
  await page.getByRole("link", { name: /^All \d+ sites/ }).click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/admin/sites`);
  const table = page.getByTestId("all-sites");
  await expect(table.getByRole("link", { name: "Vigil", exact: true })).toHaveAttribute("href", "/admin");
  await expect(table.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/admin?site=${slug}`);
  const shop = table.locator(`[data-testid="all-sites-row"][data-site="${slug}"]`);
  await expect(shop).toContainText("1.2%");
  await expect(shop).toContainText("12 of 1,012 requests");
  await expect(shop).toContainText("Shop home");
  await expect(page.getByTestId("site-switcher-current")).toHaveText("All sites");
  await shoot(page, "all-sites");
  await table.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Overview · ${name}`);

  // Rotation: asked once more, then the new key once; the old one is no longer the stored one.
  await page.goto(`/admin/settings?site=${slug}`);
  await expect(page.getByTestId("monitors-card")).toContainText(`Monitors · ${name}`);
  await siteRow(page, slug).getByRole("button", { name: "Rotate server key…" }).click();
  await siteRow(page, slug).getByRole("button", { name: "Rotate now" }).click();
  const rotated = siteRow(page, slug).getByTestId("site-key-once");
  await expect(rotated).toContainText("New server key");
  const secret2 = (await rotated.getByTestId("site-secret").textContent())!.trim();
  expect(secret2).toMatch(SECRET);
  expect(secret2).not.toBe(secret);
  expect((await queryDb<{ h: string }>("SELECT secret_hash AS h FROM sites WHERE slug = $1", [slug]))[0]!.h).toBe(
    sha256(secret2),
  );

  // A viewer reads sites and public keys, never a server key or its hint, on any page it may open.
  const viewer = await viewerPage(browser);
  try {
    for (const path of ["/admin/sites", "/admin", `/admin?site=${slug}`, `/admin/vitals?site=${slug}`])
      await expectNoKeyMaterial(viewer.page, path, [secret, secret2]);
    await viewer.page.goto("/admin/sites");
    await expect(viewer.page.getByTestId("all-sites")).toContainText(name);
    await viewer.page.goto(`/admin/settings?site=${slug}`);
    await expect(viewer.page).toHaveURL(/denied=1/);
  } finally {
    await viewer.close();
  }

  // Delete: only after typing the slug, then every page of the site is gone (its slug is a 404). A new page load:
  // the rotated key shown above is gone with it.
  await page.goto(`/admin/settings?site=${slug}`);
  await expect(siteRow(page, slug).getByTestId("site-key-once")).toHaveCount(0);
  await siteRow(page, slug).getByText("Delete…").click();
  const del = siteRow(page, slug).getByTestId("site-delete-form");
  await expect(del).toContainText("all of its data");
  await shoot(page, "settings-delete", siteRow(page, slug));
  const confirm = del.getByRole("button", { name: "Delete this site and its data" });
  await expect(confirm).toBeDisabled();
  await del.getByLabel(`Type ${slug} to confirm`).fill(`${slug}x`);
  await expect(confirm).toBeDisabled();
  await del.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await confirm.click();
  await expect(page).toHaveURL(`${E2E_BASE_URL}/admin/settings?deleted=${slug}#sites`);
  await expect(page.getByTestId("sites-card").getByRole("status").first()).toContainText(`Deleted the site “${slug}”`);
  await expect(siteRow(page, slug)).toHaveCount(0);
  expect(await queryDb("SELECT 1 FROM sites WHERE slug = $1", [slug])).toHaveLength(0);
  expect(await queryDb("SELECT 1 FROM monitors WHERE site_id = $1", [stored!.id])).toHaveLength(0);
  // The section streams behind its loading state, so the status is already sent: the 404 page is what shows.
  await page.goto(`/admin/vitals?site=${slug}`);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("Vigil's own site keeps its slug and cannot be deleted", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/settings#sites");
  const own = siteRow(page, "vigil");
  await expect(own.getByText("Delete…")).toHaveCount(0);
  await own.getByText("Edit", { exact: true }).click();
  await expect(own.getByLabel("Slug")).toHaveAttribute("readonly", "");
});

test("renaming the slug of the site a page shows moves the page to the new slug; a taken slug is refused inline", async ({
  page,
}) => {
  const tag = randomUUID().slice(0, 6);
  const [site] = await queryDb<{ id: number }>(
    "INSERT INTO sites (slug, name, public_key, updated_at) VALUES ($1, $2, $3, now()) RETURNING id",
    [`blog-${tag}`, `Blog ${tag}`, `pk_${randomBytes(12).toString("hex")}`],
  );
  try {
    await signInAsAdmin(page);
    await page.goto(`/admin/settings?site=blog-${tag}`);
    await expect(page.getByTestId("monitors-card")).toContainText(`Monitors · Blog ${tag}`);
    const row = siteRow(page, `blog-${tag}`);
    await row.getByText("Edit", { exact: true }).click();
    const edit = row.getByTestId("site-edit-form");
    await edit.getByLabel("Slug").fill("vigil");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByTestId("field-error")).toHaveText('"vigil" is taken by another site.');
    expect(await queryDb("SELECT 1 FROM sites WHERE id = $1 AND slug = $2", [site!.id, `blog-${tag}`])).toHaveLength(1);
    await edit.getByLabel("Slug").fill(`journal-${tag}`);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(`${E2E_BASE_URL}/admin/settings?site=journal-${tag}#sites`);
    await expect(page.getByTestId("monitors-card")).toContainText(`Monitors · Blog ${tag}`);
    await expect(page.getByTestId("site-switcher-current")).toHaveText(`Blog ${tag}`);
  } finally {
    await queryDb("DELETE FROM sites WHERE id = $1", [site!.id]);
  }
});
