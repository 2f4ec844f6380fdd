import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { verifySignature } from "../lib/notify/signature";
import { E2E_CRON_SECRET } from "./support/config";
import { createUser, signIn, signInAsAdmin } from "./support/fixtures";
import { promtoolCheckMetrics } from "./support/prometheus";
import { recordedBy } from "./support/recorder";
import { test } from "./support/test";
import { type Receiver, startReceiver } from "../tests/support/http-receiver";

/** A webhook receiver in the test process; the app reaches it on 127.0.0.1 (the channel allows private addresses). */
const receivers: Receiver[] = [];
async function receiver(status: number) {
  const r = await startReceiver({
    reply: { status, headers: { "content-type": "text/plain" }, body: status < 300 ? "ok" : "gone" },
  });
  receivers.push(r);
  return {
    port: r.port,
    get hits() {
      return r.received.map((h) => ({ headers: h.headers, body: h.text, at: h.at }));
    },
  };
}
test.afterAll(() => Promise.all(receivers.map((r) => r.close())));

async function channelCount(name: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (
      await client.query<{ n: number }>("SELECT count(*)::int AS n FROM notification_channels WHERE name = $1", [name])
    ).rows[0]!.n;
  } finally {
    await client.end();
  }
}

const runWorker = async (request: APIRequestContext) => {
  const res = await request.post("/api/cron/notify-deliver?force=1", {
    headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
  });
  expect(res.status()).toBe(200);
  return res.json();
};

async function addChannel(page: Page, name: string, url: string, options: { allowPrivate?: boolean } = {}) {
  const form = page.getByTestId("channel-form");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Kind", { exact: true }).selectOption("webhook");
  await form.getByLabel("URL", { exact: true }).fill(url);
  await form.getByLabel("Allow private addresses").setChecked(options.allowPrivate ?? false);
  await form.getByRole("button", { name: "Add channel" }).click();
}

test("an admin adds a signed webhook, sends a test through the outbox worker, and sees it delivered", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const tag = randomUUID().slice(0, 6);
  const name = `E2E hook ${tag}`;
  const token = `tok-${randomUUID()}`;
  const ok = await receiver(200);
  const url = `http://127.0.0.1:${ok.port}/hooks/${token}`;
  await signInAsAdmin(page);
  await page.goto("/admin/settings");
  const card = page.getByTestId("channels-card");
  const form = page.getByTestId("channel-form");

  // Invalid input: inline errors, nothing stored.
  await addChannel(page, "", "ftp://example.com/x");
  await expect(form.getByText("Name is required.")).toBeVisible();
  await expect(form.getByText("Enter an http:// or https:// URL.")).toBeVisible();
  await addChannel(page, name, url);
  await expect(form.getByText("This is a private or loopback address")).toBeVisible();
  await expect(form.getByLabel("URL", { exact: true })).toHaveValue(url);
  await form.getByLabel(/Signing secret/).fill("too-short");
  await form.getByLabel("Allow private addresses").check();
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByText("Secret must be at least 16 characters.")).toBeVisible();
  expect(await channelCount(name)).toBe(0);

  // Valid: the generated secret is shown once.
  await addChannel(page, name, url, { allowPrivate: true });
  const secret = (await page.getByTestId("channel-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_[\w-]{43}$/);
  const row = card.getByTestId("channel-row").filter({ hasText: name });
  await expect(row).toContainText(`http://127.0.0.1:${ok.port}/hooks/…`);
  await expect(row).toContainText("private allowed");
  expect(await channelCount(name)).toBe(1);
  await card.screenshot({ path: "test-results/screens/settings-channels.png" });

  // After creation neither the secret nor the URL's token is ever rendered again.
  await page.reload();
  await expect(row).toBeVisible();
  const html = await (await page.request.get("/admin/settings")).text();
  for (const needle of [secret, token]) {
    expect(html).not.toContain(needle);
    expect(await page.content()).not.toContain(needle);
  }

  // Send test → the worker → one correctly signed request.
  await row.getByRole("button", { name: "Send test" }).click();
  await expect(row.getByRole("status")).toContainText("Test queued");
  await runWorker(request);
  await expect.poll(() => ok.hits.length).toBe(1);
  const hit = ok.hits[0]!;
  expect(hit.headers["x-vigil-event"]).toBe("test");
  expect(
    verifySignature(secret, hit.body, String(hit.headers["x-vigil-signature"]), Math.floor(hit.at / 1000)),
  ).toMatchObject({ ok: true });
  expect(
    verifySignature(
      "whsec_not_the_right_secret_at_all",
      hit.body,
      String(hit.headers["x-vigil-signature"]),
      Math.floor(hit.at / 1000),
    ),
  ).toEqual({ ok: false, reason: "mismatch" });
  const body = JSON.parse(hit.body);
  expect(body).toMatchObject({
    type: "test",
    severity: "info",
    title: "Test notification from Vigil",
    path: "/admin/alerts",
    delivery: { id: hit.headers["x-vigil-delivery"], attempt: 1 },
  });
  // Another run sends nothing more.
  expect(await runWorker(request)).toMatchObject({ outcome: "ok", detail: { claimed: 0 } });
  expect(ok.hits).toHaveLength(1);

  // A receiver that says 410 Gone: dead at once, and an admin can retry it.
  const gone = await receiver(410);
  const goneName = `E2E gone ${tag}`;
  await addChannel(page, goneName, `http://127.0.0.1:${gone.port}/hooks/${token}`, { allowPrivate: true });
  const goneRow = card.getByTestId("channel-row").filter({ hasText: goneName });
  await goneRow.getByRole("button", { name: "Send test" }).click();
  await expect(goneRow.getByRole("status")).toContainText("Test queued");
  await runWorker(request);
  await expect.poll(() => gone.hits.length).toBe(1);

  await page.goto("/admin/alerts");
  const deliveries = page.getByTestId("deliveries-card");
  const delivered = deliveries.getByTestId("delivery-row").filter({ hasText: name });
  await expect(delivered).toHaveAttribute("data-status", "delivered");
  await expect(delivered).toContainText("HTTP 200");
  const dead = deliveries.getByTestId("delivery-row").filter({ hasText: goneName });
  await expect(dead).toHaveAttribute("data-status", "dead");
  await expect(dead).toContainText("HTTP 410: gone");
  await deliveries.screenshot({ path: "test-results/screens/alerts-deliveries-dead.png" });
  await dead.getByRole("button", { name: "Retry" }).click();
  await expect(dead).toHaveAttribute("data-status", "pending");
  await expect(dead.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await deliveries.screenshot({ path: "test-results/screens/alerts-deliveries.png" });
  expect(await page.content()).not.toContain(token);

  // Counted for Prometheus, in a valid exposition.
  const metrics = await (await request.get("/metrics")).text();
  const series = (outcome: string) =>
    Number(
      metrics.match(
        new RegExp(`^vigil_notification_deliveries_total\\{kind="webhook",outcome="${outcome}"\\} (\\d+)$`, "m"),
      )?.[1] ?? 0,
    );
  expect(series("delivered")).toBeGreaterThanOrEqual(1);
  expect(series("dead")).toBeGreaterThanOrEqual(1);
  expect(promtoolCheckMetrics(metrics).status).toBe(0);

  // The success reached PostHog as a server event without URLs or secrets.
  await expect
    .poll(async () => (await recordedBy("posthog")).some((r) => r.body.includes("notification delivered")), {
      timeout: 15_000,
    })
    .toBe(true);
  const analytics = (await recordedBy("posthog"))
    .filter((r) => r.body.includes("notification delivered"))
    .map((r) => r.body)
    .join("\n");
  for (const needle of [secret, token, String(ok.port)]) expect(analytics).not.toContain(needle);
});

test("viewers see deliveries but cannot retry them or open the channel settings", async ({ page }) => {
  const viewer = await createUser("viewer");
  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByTestId("current-user")).toHaveText(viewer.email);
  await page.goto("/admin/alerts");
  await expect(page.getByTestId("deliveries-card")).toBeVisible();
  await expect(page.getByTestId("deliveries-card").getByRole("button", { name: "Retry" })).toHaveCount(0);
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/admin\?denied=1/);
});
