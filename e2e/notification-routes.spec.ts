import { randomBytes, randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { E2E_CRON_SECRET } from "./support/config";
import { queryDb, signInAsAdmin } from "./support/fixtures";
import { test } from "./support/test";
import { startReceiver } from "../tests/support/http-receiver";

test("an admin routes a site's pages and tickets to a channel, test-sends through one route and removes it", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const tag = randomUUID().slice(0, 6);
  const slug = `routes-${tag}`;
  const siteName = `Routes ${tag}`;
  const channelName = `E2E route hook ${tag}`;
  const receiver = await startReceiver({ reply: { status: 204 } });
  const channelId = `e2e-route-${tag}`;
  const [site] = await queryDb<{ id: number }>(
    "INSERT INTO sites (slug, name, public_key, updated_at) VALUES ($1, $2, $3, now()) RETURNING id",
    [slug, siteName, `pk_${randomBytes(12).toString("hex")}`],
  );
  await queryDb(
    "INSERT INTO notification_channels (id, name, kind, url, allow_private, updated_at) VALUES ($1, $2, 'webhook', $3, true, now())",
    [channelId, channelName, `${receiver.url}/hook`],
  );
  try {
    await signInAsAdmin(page);
    await page.goto(`/admin/settings?site=${slug}`);
    const card = page.getByTestId("routes-card");
    await expect(card).toContainText(`Notification routes: ${siteName}`);
    await expect(card.getByTestId("routes-empty")).toBeVisible();
    const form = card.getByTestId("route-form");
    await form.getByLabel("Channel", { exact: true }).selectOption({ label: channelName });

    // Nothing ticked: an inline error, nothing stored.
    await form.getByRole("button", { name: "Add route" }).click();
    await expect(form.getByText("Tick at least one severity.")).toBeVisible();
    expect(await queryDb("SELECT 1 FROM notification_routes WHERE site_id = $1", [site!.id])).toHaveLength(0);

    await form.getByLabel("Channel", { exact: true }).selectOption({ label: channelName });
    await form.getByLabel(/^Page/).check();
    await form.getByLabel(/^Ticket/).check();
    await form.getByRole("button", { name: "Add route" }).click();
    await expect(form.getByRole("status")).toHaveText("Added 2 route(s).");
    const rows = card.getByTestId("route-row");
    await expect(rows).toHaveCount(2);
    await card.screenshot({ path: "test-results/screens/settings-routes.png" });

    // Send test through the page route: one request, naming the site and severity.
    const pageRoute = rows.filter({ hasText: "page" });
    await pageRoute.getByRole("button", { name: "Send test" }).click();
    await expect(pageRoute.getByRole("status")).toContainText("Test queued");
    const res = await request.post("/api/cron/notify-deliver?force=1", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(res.status()).toBe(200);
    const tests = () =>
      receiver.received
        .map((r) => JSON.parse(r.text) as { type: string; severity: string; title: string; data: { site?: string } })
        .filter((b) => b.type === "test");
    await expect.poll(() => tests().length).toBe(1);
    expect(tests()[0]).toMatchObject({ severity: "page", data: { site: slug } });
    expect(tests()[0]!.title).toContain(siteName);

    await pageRoute.getByRole("button", { name: "Remove" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("ticket");
  } finally {
    await queryDb("DELETE FROM notification_channels WHERE id = $1", [channelId]);
    await queryDb("DELETE FROM sites WHERE id = $1", [site!.id]);
    await receiver.close();
  }
});
