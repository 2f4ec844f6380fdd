import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { E2E_CRON_SECRET } from "./support/config";
import { queryDb, signInAsAdmin } from "./support/fixtures";
import { test } from "./support/test";
import { startSmtpReceiver } from "../tests/support/smtp-receiver";

test("an admin adds an email channel (inline errors first), sends a test, and the SMTP receiver gets it once", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const tag = randomUUID().slice(0, 6);
  const name = `E2E mail ${tag}`;
  const smtp = await startSmtpReceiver();
  try {
    await signInAsAdmin(page);
    await page.goto("/admin/settings");
    const card = page.getByTestId("channels-card");
    const form = page.getByTestId("channel-form");
    await form.getByLabel("Kind", { exact: true }).selectOption("email");
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("SMTP server URL").fill("https://smtp.example.com");
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByText("Enter an smtp:// or smtps:// URL")).toBeVisible();
    await expect(form.getByText("Enter the sender's address.")).toBeVisible();
    await expect(form.getByText("Enter at least one recipient.")).toBeVisible();

    await form.getByLabel("Kind", { exact: true }).selectOption("email");
    await form.getByLabel("SMTP server URL").fill(smtp.url);
    await form.getByLabel("From").fill("vigil@example.com");
    await form.getByLabel(/^Recipients/).fill("oncall@example.com, not-an-address");
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByText("Each recipient must be an email address.")).toBeVisible();
    await expect(form.getByText("This is a private or loopback address")).toBeVisible();
    expect(await queryDb("SELECT 1 FROM notification_channels WHERE name = $1", [name])).toHaveLength(0);

    await form.getByLabel("Kind", { exact: true }).selectOption("email");
    await form.getByLabel("SMTP server URL").fill(smtp.url);
    await form.getByLabel(/^Recipients/).fill("oncall@example.com, lead@example.com");
    await form.getByLabel("Allow private addresses").check();
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(page.getByTestId("channel-created")).toContainText(`Added “${name}”`);
    const row = card.getByTestId("channel-row").filter({ hasText: name });
    await expect(row).toContainText("Email");
    await expect(row).toContainText("vigil@example.com → oncall@example.com, lead@example.com");

    await row.getByRole("button", { name: "Send test" }).click();
    await expect(row.getByRole("status")).toContainText("Test queued");
    const res = await request.post("/api/cron/notify-deliver?force=1", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(res.status()).toBe(200);
    await expect.poll(() => smtp.mails.length).toBe(1);
    expect(smtp.mails[0]).toMatchObject({
      from: "vigil@example.com",
      to: ["oncall@example.com", "lead@example.com"],
      headers: { subject: "[Vigil] INFO · Test notification: Test notification from Vigil", "x-vigil-event": "test" },
    });

    await page.goto("/admin/alerts");
    const delivered = page.getByTestId("deliveries-card").getByTestId("delivery-row").filter({ hasText: name });
    await expect(delivered).toHaveAttribute("data-status", "delivered");
    await expect(delivered).toContainText("SMTP 250");
  } finally {
    await queryDb("DELETE FROM notification_channels WHERE name = $1", [name]);
    await smtp.close();
  }
});
