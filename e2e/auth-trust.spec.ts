import { expect } from "@playwright/test";
import { createUser, queryDb, signIn, signInAsAdmin } from "./support/fixtures";
import { recordedBy, waitForRecorded } from "./support/recorder";
import { test } from "./support/test";

// Trust boundaries of sign-in and sessions on the production build (ADR 0009). The server re-reads a session's
// user every second here (VIGIL_SESSION_RECHECK_SECONDS=1 in global-setup), a couple of minutes by default.
const RECHECK_MS = 1_500;

test("a demoted admin loses Settings with the session they already have, and a deleted user is signed out", async ({
  page,
}) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId("current-user")).toHaveText(admin.email);
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  await queryDb("UPDATE users SET role = 'viewer' WHERE email = $1", [admin.email]);
  await page.waitForTimeout(RECHECK_MS);
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/admin\?denied=1$/);
  expect((await page.request.post("/api/observability/slo/check")).status()).toBe(403);

  await queryDb("DELETE FROM users WHERE email = $1", [admin.email]);
  await page.waitForTimeout(RECHECK_MS);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/admin/overview")).status()).toBe(401);
});

test("a pending user waits with no access until an admin approves them in Settings", async ({ page, browser }) => {
  const pending = await createUser("pending", "pending-password-123");
  await signIn(page, pending.email, pending.password);
  await expect(page.getByTestId("awaiting-approval")).toContainText(pending.email);
  await expect(page.getByRole("heading", { name: "Waiting for an admin" })).toBeVisible();
  await page.goto("/admin/uptime");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId("awaiting-approval")).toBeVisible();
  const api = await page.request.get("/api/admin/overview");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({
    error: { code: "forbidden", message: "Your account is waiting for an admin's approval." },
  });
  await page.screenshot({ path: "test-results/screens/login-awaiting-approval.png", fullPage: true });

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInAsAdmin(adminPage);
  await adminPage.goto("/admin/settings");
  const row = adminPage.getByTestId("user-row").filter({ hasText: pending.email });
  await expect(row.getByText("pending", { exact: true })).toBeVisible();
  await adminPage.getByTestId("users-card").scrollIntoViewIfNeeded();
  await adminPage.getByTestId("users-card").screenshot({ path: "test-results/screens/settings-users-pending.png" });
  await row.getByRole("button", { name: `Approve ${pending.email}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${pending.email} can now read every dashboard.`);
  await expect(row.getByText("viewer", { exact: true })).toBeVisible();
  await adminContext.close();

  await page.waitForTimeout(RECHECK_MS);
  await page.reload();
  await expect(page.getByTestId("current-user")).toHaveText(pending.email);
  expect((await page.request.get("/api/admin/overview")).status()).toBe(200);
});

test("a spoofed X-Forwarded-For does not become the visitor address the analytics relay forwards", async ({
  request,
}) => {
  const marker = `xff-${Date.now()}`;
  const body = JSON.stringify({
    api_key: "phc_e2e_local_receiver_only",
    batch: [{ event: marker, properties: { token: "phc_e2e_local_receiver_only", distinct_id: marker } }],
  });
  const res = await request.post("/lantern-r7/batch/", {
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": "203.0.113.9",
      "x-real-ip": "203.0.113.10",
      "x-vigil-client-address": "forged 203.0.113.11",
    },
    data: body,
  });
  expect(res.status()).toBe(200);
  const forwarded = await waitForRecorded("posthog", (all) => all.find((r) => r.body.includes(marker)));
  // The browser's socket is 127.0.0.1 and no proxy is trusted (VIGIL_TRUSTED_PROXIES unset): only that counts.
  expect(forwarded.headers["x-forwarded-for"]).toBe("127.0.0.1");
  expect(forwarded.headers["x-vigil-client-address"]).toBeUndefined();
  expect((await recordedBy("posthog")).some((r) => /203\.0\.113\./.test(JSON.stringify(r.headers)))).toBe(false);
});
