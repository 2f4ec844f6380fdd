import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, type APIResponse } from "@playwright/test";
import { NAV_ITEMS } from "../components/admin/nav-items";
import { CSP_REPORT_PATH, MACHINE_CONTENT_SECURITY_POLICY } from "../lib/security/headers.js";
import { signInAsAdmin } from "./support/fixtures";
import { appRoutes, isAdminRoute } from "./support/routes";
import { test } from "./support/test";

// Header builder details (HSTS over https, dev, GitHub) are unit-tested in lib/security/headers.test.ts; this
// checks what the production build actually sends, and that the app works under it (support/test.ts watches).

const SERVER_LOG = resolve(import.meta.dirname, "../test-results/e2e-server.log"); // written by support/global-setup.ts
const loggedViolations = () =>
  readFileSync(SERVER_LOG, "utf8")
    .split("\n")
    .filter((l) => l.includes('"content security policy violation"'))
    .map((l) => (JSON.parse(l) as { csp: Record<string, unknown> }).csp);

const policiesOf = (res: APIResponse) =>
  res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "content-security-policy")
    .map((h) => h.value);

/** The one nonce of a page response; every script tag in its HTML must carry it. */
async function checkNonced(res: APIResponse): Promise<string> {
  const policies = policiesOf(res);
  expect(policies, `${res.url()}: exactly one policy`).toHaveLength(1);
  const nonce = /script-src 'self' 'nonce-([\w+/=]+)' 'strict-dynamic'/.exec(policies[0]!)?.[1];
  expect(nonce, `${res.url()}: ${policies[0]}`).toBeTruthy();
  const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${res.url()}: scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, res.url()).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("public pages, the 404 and the error page carry a fresh nonce on every response and on each of their scripts", async ({
  request,
}) => {
  for (const [path, status] of [
    ["/", 200],
    ["/login", 200],
    ["/no-such-page", 404],
    ["/bench/crash?marker=csp", 500],
  ] as const) {
    const first = await request.get(path);
    const second = await request.get(path);
    expect(first.status(), path).toBe(status);
    expect(await checkNonced(first), path).not.toBe(await checkNonced(second));
  }
});

test("every console page is rendered with its nonce", async ({ page }) => {
  await signInAsAdmin(page);
  const pages = appRoutes().filter((r) => r.kind === "page" && isAdminRoute(r));
  expect(pages.length).toBeGreaterThanOrEqual(7);
  for (const { route } of pages) {
    const res = await page.request.get(route);
    expect(res.status(), route).toBe(200);
    await checkNonced(res);
  }
});

test("APIs, metrics and the relay answer with the no-document policy", async ({ request }) => {
  for (const path of [
    "/api/health",
    "/api/admin/overview",
    "/api/no-such-api",
    "/api/v1/vitals",
    "/metrics",
    "/lantern-r7/e",
  ]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(policiesOf(res), path).toEqual([MACHINE_CONTENT_SECURITY_POLICY]);
  }
});

test("every response denies device features; no HSTS while AUTH_URL is http", async ({ request }) => {
  for (const path of ["/", "/login", "/admin", "/api/health", "/api/v1/vitals"]) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers["permissions-policy"], path).toMatch(/(^|, )camera=\(\)(, |$)/);
    expect(headers["permissions-policy"], path).toMatch(/(^|, )microphone=\(\)(, |$)/);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});

test("an injected inline script does not run; the watcher sees the violation and the browser reports it", async ({
  page,
  policyViolations,
}) => {
  const before = loggedViolations().length;
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.evaluate(() =>
    document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = true">`),
  );
  await expect.poll(() => policyViolations.join("\n")).toContain("script-src-attr");
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  policyViolations.length = 0; // seen on purpose; the watcher would fail the test otherwise
  // The browser posted a report to the policy's report-uri; the server logged its summary (nothing is stored).
  await expect
    .poll(() => loggedViolations().slice(before))
    .toContainEqual(
      expect.objectContaining({
        directive: "script-src-attr",
        blocked: "inline",
        document: "/login",
        disposition: "enforce",
      }),
    );
});

test("the CSP report endpoint refuses anything but a small report, with a JSON error", async ({ request }) => {
  const valid = JSON.stringify({
    "csp-report": {
      "document-uri": "http://127.0.0.1/login",
      "violated-directive": "img-src",
      "blocked-uri": "https://x.example/a.png",
    },
  });
  const send = (data: string, type = "application/csp-report") =>
    request.post(CSP_REPORT_PATH, { data, headers: { "content-type": type } });
  for (const [res, status, code] of [
    [await send(valid, "text/plain"), 415, "unsupported_media_type"],
    [await send("{nope"), 400, "bad_request"],
    [await send(JSON.stringify({ "csp-report": { hello: 1 } })), 400, "validation_failed"],
    [await send(valid.replace("img-src", "x".repeat(20_000))), 413, "payload_too_large"],
  ] as const) {
    expect(res.status()).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
  }
  expect((await send(valid)).status()).toBe(204);
  expect((await request.get(CSP_REPORT_PATH)).status()).toBe(405);
});

test("the console works under the policy: sign-in, client navigation, charts and the theme", async ({ page }) => {
  await signInAsAdmin(page);
  for (const item of NAV_ITEMS) {
    // Client-side navigation (RSC payloads, chunks loaded by Next's runtime under 'strict-dynamic').
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: item.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${item.href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/admin/requests");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const before = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await page.getByTestId("theme-toggle").click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(!before);
  // After a reload the stored choice comes back (next-themes' inline script carries the nonce; the watcher would see it refused).
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(!before);
  await page.screenshot({ path: "test-results/screens/requests-under-csp.png", fullPage: true });
});
