import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { NAV_ITEMS } from "../components/admin/nav-items";
import { scanPage } from "./support/axe";
import { signInAsAdmin } from "./support/fixtures";
import { appRoutes } from "./support/routes";
import { seedSampleData } from "./support/sample-data";
import { test } from "./support/test";

// Every page, in both themes, scanned by axe against WCAG 2.0/2.1 A and AA: a serious or critical finding fails.
// The theme follows the system preference (next-themes, defaultTheme "system"), so each run emulates one.

const NOT_FOUND = "/a11y-no-such-page";
const SIGNED_OUT = ["/login", "/", NOT_FOUND];
// Pages reached from a section rather than the navigation.
const SIGNED_IN = [...NAV_ITEMS.map((i) => i.href), "/admin/uptime/incidents"];
// A site's public status page needs a site with the page on: e2e/status-page.spec.ts scans it in both themes.
const SCANNED_ELSEWHERE = ["/status/x"];
// app/global-error.tsx brings its own <html> without the theme; /bench/crash (on in e2e) renders it.
const CRASH = "/bench/crash";
const THEMES = ["light", "dark"] as const;

// A scan of a page full of charts takes seconds on a busy machine.
test.describe.configure({ timeout: 60_000 });

let cleanup: (() => Promise<void>) | undefined;
test.beforeAll(async () => {
  cleanup = await seedSampleData(randomUUID().slice(0, 8));
});
test.afterAll(async () => {
  await cleanup?.();
});

/** Opens `path` and waits until it has settled: theme class applied, no loading skeleton, charts drawn. */
async function open(page: Page, path: string, theme: (typeof THEMES)[number]) {
  const res = await page.goto(path);
  expect(res?.status()).toBe(path === NOT_FOUND ? 404 : 200);
  expect(new URL(page.url()).pathname).toBe(path);
  const html = page.locator("html");
  await expect(html).toHaveClass(new RegExp(`(^|\\s)${theme}(\\s|$)`));
  expect(await html.evaluate((el) => getComputedStyle(el).colorScheme)).toBe(theme);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForLoadState("networkidle");
}

async function expectNoViolations(page: Page, path: string, theme: string) {
  const { results, failures } = await scanPage(page);
  await test.info().attach(`axe ${theme} ${path}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  expect(failures, `serious or critical WCAG 2 A/AA violations on ${path} (${theme} theme)`).toEqual([]);
}

test("every page of the app is scanned (the build's route manifest against the lists here)", () => {
  const pages = appRoutes()
    .filter((r) => r.kind === "page")
    .map((r) => ({ "/_not-found": NOT_FOUND, "/_global-error": CRASH })[r.route] ?? r.route);
  expect(pages.filter((p) => ![...SIGNED_OUT, ...SIGNED_IN, ...SCANNED_ELSEWHERE, CRASH].includes(p))).toEqual([]);
});

test("the global error page", async ({ page }) => {
  expect((await page.goto(`${CRASH}?marker=a11y`))?.status()).toBe(500);
  await expect(page.getByRole("heading", { name: "Vigil hit an unexpected error" })).toBeVisible();
  await expectNoViolations(page, CRASH, "own");
});

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const path of SIGNED_OUT) {
      test(`${path} signed out`, async ({ page }) => {
        await open(page, path, theme);
        await expectNoViolations(page, path, theme);
      });
    }

    for (const path of SIGNED_IN) {
      test(`${path} signed in as admin`, async ({ page }) => {
        await signInAsAdmin(page);
        await open(page, path, theme);
        await expectNoViolations(page, path, theme);
      });
    }
  });
}
