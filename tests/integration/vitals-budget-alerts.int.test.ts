import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotificationEvent } from "@/lib/notify/event";
import { evaluateConfiguredSlos } from "@/lib/slo/evaluate-slos";
import { loadAlertsPage } from "@/lib/slo/alerts-report";
import { SiteInput } from "@/lib/sites/site-input";
import { createSite, type Site } from "@/lib/sites/sites";
import { evaluateBudgetAlerts } from "@/lib/vitals/budget-alerts";
import { percentileCont } from "@/lib/vitals/budget-evaluate";
import { readBudgetSample, writeBudget } from "@/lib/vitals/budget-repository";
import type { VitalBudget } from "@/lib/vitals/budget-spec";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";
import { addMaintenance } from "@/lib/maintenance/maintenance";
import { MaintenanceInput } from "@/lib/maintenance/maintenance-input";
import { createChannel } from "../support/slo-seed";

// A shop's checkout on mobile gets slow at 10:00 for ten minutes, then fast again. Its p95 LCP budget of 2.5 s
// (for 5 min, ≥ 20 samples) opens pending, fires once, notifies each channel once, and resolves once.
const tag = randomUUID().slice(0, 8);
const T = (hhmmss: string) => new Date(`2025-06-02T${hhmmss}Z`);
let site: Site;
let channels: string[];

const row = (ts: Date, value: number, over: Partial<VitalRow> = {}): VitalRow => ({
  siteId: site.id,
  ts,
  metric: "LCP",
  value,
  rating: value <= 2500 ? "good" : value <= 4000 ? "needs-improvement" : "poor",
  route: "/checkout",
  device: "mobile",
  browser: null,
  country: null,
  navigationType: null,
  connection: null,
  pageViewId: randomUUID(),
  metricId: randomUUID(),
  attributionTarget: null,
  attributionType: null,
  ...over,
});

const budget = async (over: Partial<VitalBudget>) =>
  (await writeBudget(site.id, null, {
    metric: "LCP",
    percentile: 95,
    threshold: 2500,
    route: "/checkout",
    device: "mobile",
    forMinutes: 5,
    minSamples: 20,
    enabled: true,
    ...over,
  }))!;

let main: VitalBudget;
let starved: VitalBudget;
let off: VitalBudget;
const ref = () => ({ id: site.id, slug: site.slug, name: site.name });
const alertsOf = (b: VitalBudget) => db.alert.findMany({ where: { siteId: site.id, slo: `budget:${b.id}` } });
// Other test files share the database: count deliveries to this file's channels only.
const deliveries = (alertId: bigint, state: string) =>
  db.notificationDelivery.findMany({ where: { eventKey: `alert:${alertId}:${state}`, channelId: { in: channels } } });

beforeAll(async () => {
  ({ site } = await createSite(
    SiteInput.parse({ name: `Shop ${tag}`, slug: `shop-${tag}`, allowedOrigins: "https://shop.example" }),
  ));
  channels = [await createChannel(), await createChannel()];
  const rows: VitalRow[] = [];
  for (let m = 0; m < 20; m++) {
    const slow = m < 10;
    for (let i = 0; i < 5; i++) {
      const ts = new Date(T("10:00:00").getTime() + m * 60_000 + i * 1000);
      rows.push(row(ts, slow ? 3000 + 100 * i : 500 + 10 * i));
      // Not the budget's: fast desktop samples on the same route, slow mobile samples of another route.
      rows.push(row(ts, 100, { device: "desktop" }), row(ts, 9000, { route: "/home" }));
    }
  }
  await insertVitalsBatch(rows);
  main = await budget({});
  starved = await budget({ percentile: 75, minSamples: 1000 });
  off = await budget({ percentile: 99, forMinutes: 0, minSamples: 1, enabled: false });
});

describe("web-vitals budget alerts", () => {
  it("measure the percentile in SQL as the pure definition does, over the budget's route and device only", async () => {
    const sample = await readBudgetSample(site.id, main, T("10:00:00"), T("10:04:59"));
    const values = Array.from({ length: 5 }, () => [3000, 3100, 3200, 3300, 3400]).flat();
    expect(sample.samples).toBe(25);
    expect(sample.value).toBeCloseTo(percentileCont(values, 0.95)!, 9);
    // Hand-computed: 25 values, rank 0.95 × 24 = 22.8 → the 23rd and 24th sorted values are both 3400.
    expect(sample.value).toBeCloseTo(3400, 9);
  });

  it("open pending, fire after `for`, notify each channel once, and resolve once the samples recover", async () => {
    expect(await evaluateBudgetAlerts(ref(), T("09:59:00"))).toEqual([]);
    const opened = await evaluateBudgetAlerts(ref(), T("10:04:30"));
    expect(opened).toEqual([
      { site: site.slug, slo: `budget:${main.id}`, rule: "budget", change: "open", alertId: expect.any(String) },
    ]);
    const [pending] = await alertsOf(main);
    expect(pending).toMatchObject({ state: "pending", severity: "budget", rule: "budget", firedAt: null });
    expect(await evaluateBudgetAlerts(ref(), T("10:07:00"))).toEqual([]);

    // Through the job itself, 5 minutes after it opened.
    const job = await evaluateConfiguredSlos(T("10:09:30"));
    expect(job.changes.filter((c) => c.site === site.slug && c.rule === "budget")).toEqual([
      { site: site.slug, slo: `budget:${main.id}`, rule: "budget", change: "fire", alertId: String(pending!.id) },
    ]);
    const [firing] = await alertsOf(main);
    expect(firing).toMatchObject({ state: "firing", firedAt: T("10:09:30") });
    expect(firing!.summary).toBe(
      "p95 LCP 3.40 s > budget 2.50 s on /checkout (mobile): 25 samples in the last 5 min (at least 20 needed).",
    );
    const sent = await deliveries(firing!.id, "firing");
    expect(sent.map((d) => d.channelId).sort()).toEqual([...channels].sort());
    const event = NotificationEvent.parse(sent[0]!.payload);
    expect(event).toMatchObject({
      type: "alert.firing",
      severity: "budget",
      title: `[Shop ${tag}] [BUDGET] p95 LCP 3.40 s > budget 2.50 s on /checkout (mobile)`,
      path: `/admin/alerts?site=${site.slug}`,
      data: {
        site: site.slug,
        value: 3400,
        threshold: 2500,
        samples: 25,
        budget: { id: main.id, metric: "LCP", percentile: 95, route: "/checkout", device: "mobile", minSamples: 20 },
      },
    });

    // Still slow: no second alert, no second notification.
    expect(await evaluateBudgetAlerts(ref(), T("10:10:30"))).toEqual([]);
    expect(await deliveries(firing!.id, "firing")).toHaveLength(2);

    // 10:11–10:16 holds only fast samples: resolved, one notification per channel.
    const resolved = await evaluateBudgetAlerts(ref(), T("10:16:00"));
    expect(resolved.map((c) => c.change)).toEqual(["resolve"]);
    expect(await alertsOf(main)).toEqual([expect.objectContaining({ state: "resolved", resolvedAt: T("10:16:00") })]);
    const ended = await deliveries(firing!.id, "resolved");
    expect(ended).toHaveLength(2);
    expect(NotificationEvent.parse(ended[0]!.payload).title).toBe(
      `[Shop ${tag}] [RESOLVED] p95 LCP 540 ms ≤ budget 2.50 s on /checkout (mobile)`,
    );
    expect(await evaluateBudgetAlerts(ref(), T("10:17:00"))).toEqual([]);
  });

  it("never fire below the minimum samples, nor when alerting is off", async () => {
    expect(await alertsOf(starved)).toEqual([]);
    expect(await alertsOf(off)).toEqual([]);
  });

  it("show readably on the Alerts page", async () => {
    const page = await loadAlertsPage(site.id);
    expect(page.history).toEqual([
      expect.objectContaining({
        slo: `budget:${main.id}`,
        severity: "budget",
        sloName: "p95 LCP 3.40 s > budget 2.50 s on /checkout (mobile)",
        href: "/admin/vitals?metric=LCP&p=95&route=%2Fcheckout&device=mobile",
        runbookUrl: "RUNBOOK.md#web-vitals-budget-alerts",
      }),
    ]);
  });

  it("resolve the alert of a budget that is deleted while firing", async () => {
    const quick = await budget({ percentile: 50, forMinutes: 0, minSamples: 1 });
    const ofQuick = (changes: { slo: string; change: string }[]) =>
      changes.filter((c) => c.slo === `budget:${quick.id}`).map((c) => [c.slo, c.change]);
    expect(ofQuick(await evaluateBudgetAlerts(ref(), T("10:05:00")))).toEqual([[`budget:${quick.id}`, "open"]]);
    await db.vitalBudget.delete({ where: { siteId_id: { siteId: site.id, id: quick.id } } });
    expect(ofQuick(await evaluateBudgetAlerts(ref(), T("10:06:00")))).toEqual([[`budget:${quick.id}`, "resolve"]]);
  });
});

describe("web-vitals budget alerts in maintenance", () => {
  it("open and fire nothing while a site-wide window runs, and fire after it if the budget is still broken", async () => {
    const { site: quiet } = await createSite(
      SiteInput.parse({ name: `Quiet ${tag}`, slug: `quiet-${tag}`, allowedOrigins: "https://quiet.example" }),
    );
    const rows: VitalRow[] = [];
    for (let m = 0; m < 20; m++)
      for (let i = 0; i < 5; i++)
        rows.push(row(new Date(T("10:00:00").getTime() + m * 60_000 + i * 1000), 3000, { siteId: quiet.id }));
    await insertVitalsBatch(rows);
    const b = (await writeBudget(quiet.id, null, {
      metric: "LCP",
      percentile: 95,
      threshold: 2500,
      route: "/checkout",
      device: "mobile",
      forMinutes: 0,
      minSamples: 5,
      enabled: true,
    }))!;
    await addMaintenance(
      quiet.id,
      MaintenanceInput.parse({
        title: "Deploy",
        recurrence: "none",
        startsAt: "2025-06-02T09:55",
        endsAt: "2025-06-02T10:10",
      }),
      null,
    );
    const at = { id: quiet.id, slug: quiet.slug, name: quiet.name };
    // Without the window, `for` 0 and 25 slow samples would open and fire at 10:05.
    expect(await evaluateBudgetAlerts(at, T("10:05:00"))).toEqual([]);
    expect(await evaluateBudgetAlerts(at, T("10:09:00"))).toEqual([]);
    expect(await db.alert.count({ where: { siteId: quiet.id } })).toBe(0);
    const after = await evaluateBudgetAlerts(at, T("10:12:00"));
    expect(after.map((c) => [c.slo, c.change])).toEqual([[`budget:${b.id}`, "open"]]);
    expect(await db.alert.findMany({ where: { siteId: quiet.id } })).toEqual([
      expect.objectContaining({ state: "firing", severity: "budget" }),
    ]);
  });
});
