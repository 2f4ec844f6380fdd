import { expect } from "@playwright/test";
import { appRoutes, isAdminRoute } from "./support/routes";
import { createUser, signIn } from "./support/fixtures";
import { test } from "./support/test";

const adminRoutes = appRoutes().filter(isAdminRoute);

test("the manifest lists the admin area (guards the discovery itself)", () => {
  const routes = adminRoutes.map((r) => r.route);
  expect(routes).toEqual(expect.arrayContaining(["/admin", "/admin/settings", "/api/admin/overview"]));
  expect(adminRoutes.filter((r) => r.kind === "page").length).toBeGreaterThanOrEqual(7);
});

for (const { route, kind } of adminRoutes) {
  test(`unauthenticated ${kind} ${route} is refused`, async ({ request }) => {
    const res = await request.get(route, { maxRedirects: 0 });
    if (kind === "api") {
      expect(res.status()).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    } else {
      expect(res.status()).toBe(307);
      const location = new URL(res.headers().location!, "http://x");
      expect(location.pathname).toBe("/login");
      expect(location.searchParams.get("callbackUrl")).toBe(route);
    }
  });
}

test("a forged session cookie is treated as no session", async ({ request }) => {
  const res = await request.get("/api/admin/overview", {
    headers: { cookie: "authjs.session-token=forged.jwt.value" },
  });
  expect(res.status()).toBe(401);
});

test("a viewer can read dashboards but not Settings", async ({ page }) => {
  const viewer = await createUser("viewer");
  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByTestId("current-user")).toHaveText(viewer.email);
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/admin\?denied=1$/);
  await expect(page.getByRole("alert").filter({ hasText: "needs the admin role" })).toBeVisible();
  const api = await page.request.get("/api/admin/overview");
  expect(api.status()).toBe(200);
});
