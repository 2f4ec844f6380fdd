import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E_API_TOKEN } from "./support/config";
import { queryDb, signInAsAdmin } from "./support/fixtures";
import { test } from "./support/test";

// SLOs at run time (issue 13): an admin creates, edits and deletes an SLO of Vigil's own site in Settings, and the
// SLOs page shows each change at its next view, with no restart of the server in between.
const tag = randomUUID().slice(0, 8);
const ID = `e2e-webhooks-${tag}`;

const stored = (id = ID) =>
  queryDb<{ version: number; spec: { name: string; objective: number } }>(
    "SELECT version, spec FROM slo_specs WHERE site_id = 1 AND slo = $1",
    [id],
  );
const sloCard = (page: Page) => page.locator(`[data-testid="slo-card"][data-slo="${ID}"]`);
const settingsRow = (page: Page) => page.locator(`[data-testid="slo-setting-row"][data-slo="${ID}"]`);

test("create, edit and delete an SLO in Settings; the SLOs page shows each change without a restart", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/settings#slos");
  const add = page.getByTestId("slo-add-form");

  // Bad input: inline errors under the fields, nothing stored.
  await page.getByTestId("slo-template-webhook-success").click();
  await add.getByLabel("Id").fill(ID);
  await add.getByLabel("Objective (%)").fill("100");
  await add.getByLabel("Name").fill("");
  await add.getByRole("button", { name: /Add SLO to/ }).click();
  await expect(add.getByTestId("field-error").first()).toBeVisible();
  await expect(add.locator("#" + (await add.getByLabel("Objective (%)").getAttribute("id")) + "-error")).toContainText(
    "between 50 % and 100 %",
  );
  expect(await stored()).toEqual([]);

  // The webhook template, as a valid custom SLO at 99 %.
  await add.getByLabel("Objective (%)").fill("99");
  await add.getByLabel("Name").fill(`Webhooks ${tag}`);
  await add.getByRole("button", { name: /Add SLO to/ }).click();
  await expect(add.getByRole("status")).toContainText(`Created "Webhooks ${tag}"`);
  expect((await stored())[0]).toMatchObject({ version: 1, spec: { objective: 0.99, name: `Webhooks ${tag}` } });

  await page.goto("/admin/slos");
  await expect(sloCard(page)).toContainText(`Webhooks ${tag}`);
  await expect(sloCard(page).getByTestId("slo-version")).toHaveText("v1");
  await expect(sloCard(page)).toContainText("99%");

  // Tightening the objective starts version 2; the SLOs page says since when it measures.
  await page.goto("/admin/settings#slos");
  await settingsRow(page).getByText("Edit", { exact: true }).click();
  const edit = settingsRow(page).getByTestId("slo-edit-form");
  await edit.getByLabel("Objective (%)").fill("99.5");
  await edit.getByLabel("Name").fill(`Webhook deliveries ${tag}`);
  await edit.getByRole("button", { name: "Save SLO" }).click();
  await expect(edit.getByRole("status")).toContainText("Saved as version 2");
  expect((await stored())[0]).toMatchObject({ version: 2, spec: { objective: 0.995 } });

  await page.goto("/admin/slos");
  await expect(sloCard(page)).toContainText(`Webhook deliveries ${tag}`);
  await expect(sloCard(page).getByTestId("slo-version")).toHaveText(/^v2 since \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  await expect(sloCard(page)).toContainText("99.5%");

  // Delete asks first; then the SLO is gone from Settings and from the SLOs page.
  await page.goto("/admin/settings#slos");
  page.once("dialog", (dialog) => dialog.accept());
  await settingsRow(page).getByRole("button", { name: "Delete" }).click();
  await expect(settingsRow(page)).toHaveCount(0);
  expect(await stored()).toEqual([]);
  await page.goto("/admin/slos");
  await expect(page.getByTestId("slo-card").first()).toBeVisible();
  await expect(sloCard(page)).toHaveCount(0);
});

test("the Prometheus rules of a site's stored SLOs pass promtool check and promtool's own unit tests", async ({
  request,
}) => {
  const res = await request.get("/api/observability/prometheus-rules?site=vigil", {
    headers: { authorization: `Bearer ${E2E_API_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { slos: string[]; files: Record<string, string> };
  expect(body.slos).toEqual(expect.arrayContaining(["api-availability", "uptime"]));
  const dir = mkdtempSync(join(tmpdir(), "vigil-e2e-rules-"));
  try {
    for (const [name, content] of Object.entries(body.files)) writeFileSync(join(dir, name), content);
    const promtool = (...args: string[]) => spawnSync("promtool", args, { cwd: dir, encoding: "utf8" });
    const check = promtool("check", "rules", "vigil-slo-rules.yml");
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    expect(check.stdout).toMatch(/SUCCESS: \d+ rules found/);
    const tests = promtool("test", "rules", "vigil-slo-rules.test.yml");
    expect(tests.status, `${tests.stdout}${tests.stderr}`).toBe(0);
    expect(tests.stdout).toContain("SUCCESS");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
