import { expect, type APIResponse } from "@playwright/test";
import { test } from "./support/test";

const noStackTrace = async (res: APIResponse) => {
  const text = await res.text();
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+|node_modules|Error: /);
};

test("liveness and readiness answer JSON", async ({ request }) => {
  const live = await request.get("/api/health");
  expect(live.status()).toBe(200);
  expect(await live.json()).toMatchObject({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", checks: { database: { ok: true } } });
  expect(ready.headers()["x-request-id"]).toMatch(/^[\w-]{8,64}$/);
});

test("a valid traceparent becomes the request id; a hostile one is replaced", async ({ request }) => {
  const traced = await request.get("/api/health", {
    headers: { traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
  });
  expect(traced.headers()["x-request-id"]).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  const hostile = await request.get("/api/health", { headers: { traceparent: `00-${"g".repeat(4000)}` } });
  expect(hostile.status()).toBe(200);
  expect(hostile.headers()["x-request-id"]).toMatch(/^[\da-f]{32}$/);
});

test("unknown API routes answer 404 JSON for every method", async ({ request }) => {
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
    const res = await request.fetch("/api/does-not-exist", { method, data: method === "GET" ? undefined : "{}" });
    expect(res.status(), method).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: expect.stringContaining("/api/does-not-exist") },
    });
  }
});

test("unknown pages render the 404 page", async ({ page }) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test.describe("malformed sign-in payloads get a clean refusal, never a 5xx or a stack trace", () => {
  const payloads: Array<[string, { headers?: Record<string, string>; data?: string | Buffer }]> = [
    ["garbage JSON", { headers: { "content-type": "application/json" }, data: "{not json" }],
    ["empty body", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "" }],
    [
      "no CSRF token",
      { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "email=a%40b.co&password=x" },
    ],
    [
      "huge form",
      {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        data: `email=${"a".repeat(200_000)}&password=x`,
      },
    ],
    ["binary body", { headers: { "content-type": "application/octet-stream" }, data: Buffer.from([0, 255, 1, 254]) }],
  ];
  for (const [name, options] of payloads) {
    test(name, async ({ request }) => {
      const res = await request.post("/api/auth/callback/credentials", { ...options, maxRedirects: 0 });
      expect(res.status(), name).toBeLessThan(500);
      await noStackTrace(res);
      expect((await request.get("/api/health")).status()).toBe(200);
    });
  }
});
