import { expect } from "@playwright/test";
import { signInAsAdmin } from "./support/fixtures";
import { E2E_CRON_SECRET } from "./support/config";
import { test } from "./support/test";

const auth = { authorization: `Bearer ${E2E_CRON_SECRET}` };

test("cron endpoints run jobs only for the CRON_SECRET holder, and refuse unknown jobs in JSON", async ({
  request,
}) => {
  const attempts: Array<Record<string, string>> = [
    {},
    { authorization: "Bearer wrong-secret-0123456789abcdef" },
    { authorization: E2E_CRON_SECRET },
  ];
  for (const headers of attempts) {
    const res = await request.post("/api/cron/job-run-prune?force=1", { headers });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  }
  const nope = await request.get("/api/cron/no-such-job", { headers: auth });
  expect(nope.status()).toBe(404);
  expect(await nope.json()).toEqual({ error: { code: "not_found", message: 'No scheduled job named "no-such-job".' } });

  // Vercel Cron sends GET; a forced run happens even if the job ran a moment ago.
  const run = await request.get("/api/cron/job-run-prune?force=1", { headers: auth });
  expect(run.status()).toBe(200);
  expect(await run.json()).toMatchObject({
    job: "job-run-prune",
    outcome: "ok",
    detail: { deleted: expect.any(Number) },
  });

  // "due" runs whatever is due: job-run-prune just ran, so it is not due again.
  const due = await request.post("/api/cron/due", { headers: auth });
  expect(due.status()).toBe(200);
  const results = (await due.json()).results as Array<{ job: string; outcome: string }>;
  expect(results.find((r) => r.job === "job-run-prune")?.outcome).toBe("not-due");
  expect(results.every((r) => ["ok", "not-due", "skipped"].includes(r.outcome))).toBe(true);
});

test("Settings lists every scheduled job with its latest run", async ({ page, request }) => {
  await request.get("/api/cron/job-run-prune?force=1", { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
  await signInAsAdmin(page);
  await page.goto("/admin/settings");
  const card = page.getByTestId("jobs-card");
  await expect(card).toContainText("accepts CRON_SECRET calls");
  const names = await card.getByTestId("job-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-job")));
  expect(names).toEqual(
    expect.arrayContaining(["slo-evaluate", "uptime-probe", "notify-deliver", "vitals-retention", "job-run-prune"]),
  );
  const prune = card.locator('[data-job="job-run-prune"]');
  await expect(prune).toContainText("ok");
  await expect(prune).not.toContainText("never");
  await card.screenshot({ path: "test-results/screens/settings-jobs.png" });
});
