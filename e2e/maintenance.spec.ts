import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { scanPage } from "./support/axe";
import { queryDb, signInAsAdmin, TEST_ADMIN } from "./support/fixtures";
import { test } from "./support/test";

const tag = randomUUID().slice(0, 6);
const TITLE = `E2E upgrade ${tag}`;
const MINUTE = 60_000;
// A datetime-local value in UTC, as the form reads it.
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const stored = async () =>
  Number(
    (await queryDb<{ n: string }>("SELECT count(*) AS n FROM maintenance_windows WHERE title = $1", [TITLE]))[0]!.n,
  );

test.afterAll(async () => {
  await queryDb("DELETE FROM maintenance_windows WHERE title = $1", [TITLE]);
  await queryDb("DELETE FROM alerts WHERE slo = $1", [`e2e-ack-${tag}`]);
});

test("an admin schedules maintenance in Settings (bad input stores nothing) and the Uptime page shows it active; then deletes it", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/settings");
  const card = page.getByTestId("maintenance-card");
  const form = card.getByTestId("maintenance-add-form");
  await form.getByLabel("Title").fill(TITLE);
  await form.getByLabel("Starts (UTC)").fill(utc(Date.now() - 10 * MINUTE));
  await form.getByLabel("Ends (UTC)").fill(utc(Date.now() - 20 * MINUTE));
  await form.getByRole("button", { name: /Add window/ }).click();
  await expect(card.getByTestId("maintenance-add-form").getByTestId("field-error")).toHaveText(
    "End must be after the start",
  );
  expect(await stored()).toBe(0);

  const again = card.getByTestId("maintenance-add-form");
  // What was typed is kept; fix the end only.
  await expect(again.getByLabel("Title")).toHaveValue(TITLE);
  await again.getByLabel("Ends (UTC)").fill(utc(Date.now() + 50 * MINUTE));
  await again.getByRole("button", { name: /Add window/ }).click();
  await expect(again.getByRole("status")).toHaveText("Saved.");
  expect(await stored()).toBe(1);
  const row = card.getByTestId("maintenance-row").filter({ hasText: TITLE });
  await expect(row).toHaveAttribute("data-state", "active");
  expect((await scanPage(page)).failures).toEqual([]);

  await page.goto("/admin/uptime");
  const listed = page.getByTestId("maintenance-card").getByTestId("maintenance-row").filter({ hasText: TITLE });
  await expect(listed).toContainText("in maintenance now");
  await expect(listed).toContainText("Whole site");

  await page.goto("/admin/settings");
  await page
    .getByTestId("maintenance-card")
    .getByRole("button", { name: `Delete ${TITLE}` })
    .click();
  // The row goes away with the window (its form, and so its message, with it).
  await expect(page.getByTestId("maintenance-row").filter({ hasText: TITLE })).toHaveCount(0);
  expect(await stored()).toBe(0);
});

test("an admin acknowledges a firing alert with a note; the Alerts page shows who, when and the note", async ({
  page,
}) => {
  const slo = `e2e-ack-${tag}`;
  await signInAsAdmin(page);
  // The in-process evaluator resolves alerts of SLOs it does not know at its next run (each minute): should it take
  // this one first, the acknowledgement is refused as resolved, and the test tries again with a fresh alert.
  await expect(async () => {
    await queryDb("DELETE FROM alerts WHERE slo = $1", [slo]);
    const rows = await queryDb<{ id: string }>(
      `INSERT INTO alerts (site_id, fingerprint, slo, rule, severity, state, started_at, fired_at, last_eval_at, figures, summary)
       VALUES (1, $1, $2, 'page-1h', 'page', 'firing', now(), now(), now(), $3::jsonb, 'E2E burn') RETURNING id::text`,
      [`${slo}:page-1h`, slo, JSON.stringify({ fired: null, latest: { rule: "absent", reason: "e2e" } })],
    );
    await page.goto("/admin/alerts");
    const row = page.locator(`[data-testid="alert-row"][data-slo="${slo}"]`);
    await row.getByLabel("Note (optional)").fill("on it: restarting the worker");
    await row.getByRole("button", { name: "Acknowledge" }).click();
    await expect(row.getByTestId("alert-ack")).toContainText(`by ${TEST_ADMIN.email}`, { timeout: 5_000 });
    await expect(row.getByTestId("alert-ack")).toContainText("on it: restarting the worker");
    const [alert] = await queryDb<{ acknowledged_by: string; ack_note: string }>(
      "SELECT acknowledged_by, ack_note FROM alerts WHERE id = $1::bigint",
      [rows[0]!.id],
    );
    expect(alert).toEqual({ acknowledged_by: TEST_ADMIN.email, ack_note: "on it: restarting the worker" });
  }).toPass({ timeout: 60_000 });
  expect((await scanPage(page)).failures).toEqual([]);
});
