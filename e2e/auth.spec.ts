import { expect } from "@playwright/test";
import { NAV_ITEMS } from "../components/admin/nav-items";
import { TEST_ADMIN, signIn, signInAsAdmin } from "./support/fixtures";
import { MIGRATIONS } from "../tests/support/migrations";
import { test } from "./support/test";

test("the login page renders and rejects a wrong password without leaking details", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to the console" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/login.png", fullPage: true });
  await signIn(page, TEST_ADMIN.email, "wrong-password-here");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("field errors for a malformed email are shown inline", async ({ page }) => {
  await signIn(page, "not-an-email", "whatever");
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
});

test("admin signs in, sees the shell with live health, visits every section, and signs out", async ({ page }) => {
  await page.goto("/admin/uptime");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fuptime/);
  await page.getByLabel("Email").fill(TEST_ADMIN.email);
  await page.getByLabel("Password").fill(TEST_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/uptime$/);

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const database = page.getByTestId("card-database");
  await expect(database.getByText("reachable")).toBeVisible();
  await expect(database.getByText(MIGRATIONS.at(-1)!)).toBeVisible();
  await expect(page.getByTestId("card-app").getByText("up", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/overview-light.png", fullPage: true });

  for (const item of NAV_ITEMS) {
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: item.label, exact: true }).click();
    await expect(page.getByRole("heading", { name: item.label, level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: item.label, exact: true })).toHaveAttribute("aria-current", "page");
  }
  await expect(page.getByTestId("users-card")).toContainText(TEST_ADMIN.email);
  await page.getByRole("link", { name: "Uptime" }).click();
  // Nothing configured yet: the empty state (with or without the built-in self-check above it).
  await expect(page.getByTestId("empty-state")).toContainText("No uptime checks");

  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("card-database").getByText("reachable")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/overview-dark.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await expect(page.getByRole("status")).toHaveText("You have been signed out.");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
});

test("an open-redirect callbackUrl is ignored after sign-in", async ({ page }) => {
  await page.goto("/login?callbackUrl=https://evil.example/steal");
  await page.getByLabel("Email").fill(TEST_ADMIN.email);
  await page.getByLabel("Password").fill(TEST_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/admin$/);
});

test("a callbackUrl a browser would read as //evil.example stays on this origin, signed in or signing in", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/login?callbackUrl=/%09/evil.example");
  await page.getByLabel("Email").fill(TEST_ADMIN.email);
  await page.getByLabel("Password").fill(TEST_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/admin`);
  for (const callbackUrl of [
    "/%09/evil.example",
    "/%5C/evil.example",
    "/.//evil.example",
    "%09//evil.example",
    "https:evil.example",
  ]) {
    const res = await page.request.get(`/login?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(res.status(), callbackUrl).toBe(307);
    expect(new URL(res.headers().location!, origin).origin, callbackUrl).toBe(origin);
  }
  await page.goto("/login?callbackUrl=/%09/evil.example");
  await expect(page).toHaveURL(`${origin}/admin`);
});

test("a signed-in user opening /login goes straight to the console", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/admin$/);
});
