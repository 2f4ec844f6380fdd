import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { SENTRY_TUNNEL_PATH } from "../lib/telemetry/sentry-paths";
import { E2E_PORT } from "./support/config";
import { receiverUrl, waitForRecorded, type Recorded } from "./support/recorder";
import { test } from "./support/test";

// PII planted in every request below; none of it may reach the receiver in any form.
const EMAIL = "jane.doe.e2e@example.com";
const BEARER = "e2e-bearer-7f3a9c51d2";
const COOKIE = "e2e-cookie-5b1d0e77aa";
const QUERY_TOKEN = "e2e-query-token-93ac0f";
const SECRETS = [EMAIL, "jane.doe.e2e", BEARER, COOKIE, QUERY_TOKEN, encodeURIComponent(EMAIL)];

type SentryEvent = {
  release?: string;
  environment?: string;
  exception?: { values?: { value?: string }[] };
  request?: { url?: string };
};

/** The event item of a recorded envelope (newline-delimited JSON: envelope header, then item header / payload pairs). */
function eventOf(recorded: Recorded): SentryEvent | undefined {
  const lines = recorded.body.split("\n").filter(Boolean);
  for (let i = 1; i < lines.length - 1; i++) {
    if ((JSON.parse(lines[i]!) as { type?: string }).type === "event") return JSON.parse(lines[i + 1]!) as SentryEvent;
  }
  return undefined;
}

const eventWith = (marker: string) => (all: Recorded[]) => all.find((r) => r.body.includes(marker) && eventOf(r));

test("a server error reaches Sentry with its release and environment, and without PII", async ({ request }) => {
  const marker = `server-${randomUUID()}`;
  const res = await request.post(
    `/api/bench/crash?marker=${marker}&token=${QUERY_TOKEN}&contact=${encodeURIComponent(EMAIL)}`,
    {
      headers: {
        authorization: `Bearer ${BEARER}`,
        cookie: `vigil_pref=${COOKIE}`,
        "x-contact": EMAIL,
        "content-type": "text/plain",
      },
      data: `reported by ${EMAIL} with Bearer ${BEARER}`,
    },
  );
  expect(res.status()).toBe(500);
  const recorded = await waitForRecorded("sentry", eventWith(marker));
  for (const secret of SECRETS) expect(recorded.body, secret).not.toContain(secret);
  const event = eventOf(recorded)!;
  expect(event.exception?.values?.[0]?.value).toContain(`Deliberate bench crash ${marker}`);
  expect(event.exception?.values?.[0]?.value).toContain("token=[redacted]");
  expect(event).toMatchObject({ release: "0.1.0", environment: "production" });
});

test("a browser error goes through the first-party tunnel to Sentry, without PII", async ({ page }) => {
  const tunnelPosts: string[] = [];
  const direct: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === SENTRY_TUNNEL_PATH) tunnelPosts.push(r.url());
    if (r.url().startsWith(receiverUrl("sentry"))) direct.push(r.url());
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const marker = `browser-${randomUUID()}`;
  // Thrown from a timer so it reaches the SDK's global handler, as a real uncaught error would.
  await page.evaluate(
    ([m, email, token]) => {
      setTimeout(() => {
        throw new Error(`${m} for ${email} at /x?token=${token}`);
      });
    },
    [marker, EMAIL, QUERY_TOKEN],
  );
  const recorded = await waitForRecorded("sentry", eventWith(marker));
  for (const secret of SECRETS) expect(recorded.body, secret).not.toContain(secret);
  expect(eventOf(recorded)).toMatchObject({
    release: "0.1.0",
    exception: { values: [expect.objectContaining({ value: expect.stringContaining(`${marker} for [email]`) })] },
  });
  expect(recorded.headers.origin, "forwarded by the app's server, not posted by the browser").toBeUndefined();
  expect(tunnelPosts.some((u) => new URL(u).host === `127.0.0.1:${E2E_PORT}`)).toBe(true);
  expect(direct).toEqual([]);
});

test("an error thrown at page load, before the lazily loaded SDK arrives, still reaches Sentry", async ({ page }) => {
  const marker = `early-${randomUUID()}`;
  // Thrown synchronously from the load event: the SDK is only fetched once the page is idle after load (ADR 0012).
  await page.addInitScript((m) => {
    window.addEventListener("load", () => {
      // The SDK's global carrier exists once any Sentry module has run.
      (window as unknown as { sdkBeforeThrow: boolean }).sdkBeforeThrow = "__SENTRY__" in window;
      throw new Error(m);
    });
  }, marker);
  await page.goto("/login");
  const event = eventOf(await waitForRecorded("sentry", eventWith(marker)))!;
  expect(event).toMatchObject({
    release: "0.1.0",
    exception: { values: [expect.objectContaining({ value: marker })] },
  });
  expect(await page.evaluate(() => (window as unknown as { sdkBeforeThrow: boolean }).sdkBeforeThrow)).toBe(false);
});

test("the tunnel refuses envelopes for another Sentry project or host, and oversized ones", async ({ request }) => {
  const envelope = (dsn: string) => `${JSON.stringify({ event_id: "a".repeat(32), dsn })}\n{"type":"event"}\n{}`;
  const port = new URL(receiverUrl("sentry")).port;
  for (const dsn of [`http://public@127.0.0.1:${port}/2`, `http://public@evil.example:${port}/1`, "not a dsn"]) {
    const res = await request.post(SENTRY_TUNNEL_PATH, {
      data: envelope(dsn),
      headers: { "content-type": "text/plain" },
    });
    expect(res.status(), dsn).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
  }
  const big = await request.post(SENTRY_TUNNEL_PATH, {
    data: envelope(`http://public@127.0.0.1:${port}/1`) + "x".repeat(1_100_000),
    headers: { "content-type": "text/plain" },
  });
  expect(big.status()).toBe(413);
});

test("a crashing render shows global-error and reaches Sentry", async ({ page }) => {
  const marker = `render-${randomUUID()}`;
  await page.goto(`/bench/crash?marker=${marker}`);
  await expect(page.getByRole("heading", { name: "Vigil hit an unexpected error" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  const event = eventOf(await waitForRecorded("sentry", eventWith(`Deliberate render crash ${marker}`)))!;
  expect(event).toMatchObject({ release: "0.1.0", environment: "production" });
});
