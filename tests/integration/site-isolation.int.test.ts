import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadRequestsReport } from "@/lib/requests/report";
import { SiteInput, VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { createSite, type Site } from "@/lib/sites/sites";
import { evaluateSlos } from "@/lib/slo/evaluate-slos";
import { loadSloReport } from "@/lib/slo/report";
import { addSloEvents } from "@/lib/slo/slo-event-repository";
import { parseSloSpecs } from "@/lib/slo/spec";
import { recordCheck } from "@/lib/uptime/record-check";
import { loadUptimeReport, loadUptimeSummary } from "@/lib/uptime/uptime-report";
import { writeBudget } from "@/lib/vitals/budget-repository";
import { loadVitalsDashboard } from "@/lib/vitals/dashboard";
import { rate } from "@/lib/vitals/metrics";
import { VitalsSearchParams } from "@/lib/vitals/search-params";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";
import { createChannel, seedRequests } from "../support/slo-seed";

// The same routes, metrics, page view ids, SLO ids and monitor slug written for Vigil's own site and for a second
// one, in different amounts: every read model of one site must show exactly its own amounts. A day of its own.
const now = new Date("2024-08-10T12:30:00Z");
const MINUTE = 60_000;
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
const tag = randomUUID().slice(0, 8);
const route = `/iso/${tag}/[id]`;
const monitorSlug = `iso-mon-${tag}`;
const VIGIL = { id: VIGIL_SITE_ID, slug: VIGIL_SITE_SLUG, name: "Vigil" };

type Amounts = {
  lcp: { good: number; poor: number; target: string };
  requests: { ok: number; failed: number };
  events: { good: number; total: number };
  probes: { ok: number; total: number };
};
const AMOUNTS = {
  vigil: {
    lcp: { good: 2, poor: 1, target: "img.vigil-hero" },
    requests: { ok: 10, failed: 2 },
    events: { good: 90, total: 100 },
    probes: { ok: 6, total: 6 },
  },
  shop: {
    lcp: { good: 5, poor: 3, target: "img.shop-hero" },
    requests: { ok: 30, failed: 9 },
    events: { good: 50, total: 60 },
    probes: { ok: 2, total: 5 },
  },
} satisfies Record<string, Amounts>;

const specs = parseSloSpecs([
  {
    id: `iso-avail-${tag}`,
    name: "Iso availability",
    kind: "availability",
    routes: [route],
    owner: "it",
    objective: 0.99,
  },
  {
    id: `iso-orders-${tag}`,
    name: "Iso orders",
    kind: "custom",
    owner: "it",
    objective: 0.99,
    alerting: { minEvents: 1, absentMinutes: 0 },
  },
  { id: `iso-up-${tag}`, name: "Iso uptime", kind: "uptime", monitor: monitorSlug, owner: "it", objective: 0.99 },
  { id: `iso-lcp-${tag}`, name: "Iso LCP", kind: "vitals", metric: "LCP", route, owner: "it", objective: 0.75 },
]);

let shop: Site;
let channelId: string;
const monitors: Record<number, string> = {};

/** Writes one site's amounts through the repositories the app writes with. */
async function seed(siteId: number, a: Amounts) {
  // Page view ids and metric ids repeat across sites on purpose: a sample's key includes its site.
  const samples = [...Array(a.lcp.good).fill(1800), ...Array(a.lcp.poor).fill(5200)] as number[];
  await insertVitalsBatch(
    samples.map(
      (value, i): VitalRow => ({
        siteId,
        ts: ago(30),
        metric: "LCP",
        value,
        rating: rate("LCP", value),
        route,
        device: "desktop",
        browser: null,
        country: null,
        navigationType: null,
        connection: null,
        pageViewId: `pv-${tag}-${i}`,
        metricId: "lcp",
        attributionTarget: value > 4000 ? a.lcp.target : null,
        attributionType: null,
      }),
    ),
  );
  await seedRequests(
    [
      { at: ago(20), route, statusClass: 2, count: a.requests.ok },
      { at: ago(20), route, statusClass: 5, count: a.requests.failed },
    ],
    siteId,
  );
  await addSloEvents(siteId, specs[1]!.id, a.events, ago(2));
  const monitor = await db.monitor.create({
    data: {
      siteId,
      slug: monitorSlug,
      name: `Iso ${siteId}`,
      kind: "http",
      url: "https://iso.example/",
      nextCheckAt: new Date("2100-01-01T00:00:00Z"),
    },
  });
  monitors[siteId] = monitor.id;
  await db.probeResult.createMany({
    data: Array.from({ length: a.probes.ok }, (_, i) => ({
      siteId,
      monitorId: monitor.id,
      ts: ago(20 + i),
      ok: true,
      latencyMs: 50,
    })),
  });
  // The failures go through the incident rule (3 in a row open an incident, with its notification).
  for (let i = a.probes.total - a.probes.ok; i > 0; i--)
    await recordCheck(
      { id: monitor.id },
      { ts: ago(5 + i), ok: false, statusCode: 503, latencyMs: null, error: "Expected HTTP 200, got 503" },
      () => ({ nextCheckAt: new Date("2100-01-01T00:00:00Z") }),
    );
}

beforeAll(async () => {
  ({ site: shop } = await createSite(
    SiteInput.parse({ name: `Shop ${tag}`, slug: `shop-${tag}`, allowedOrigins: "https://shop.example" }),
  ));
  channelId = await createChannel();
  await seed(VIGIL_SITE_ID, AMOUNTS.vigil);
  await seed(shop.id, AMOUNTS.shop);
  await writeBudget(shop.id, null, {
    metric: "LCP",
    percentile: 75,
    threshold: 3000,
    route: "*",
    device: "all",
    forMinutes: 5,
    minSamples: 20,
    enabled: false,
  });
});
afterAll(async () => {
  await db.alert.deleteMany({ where: { slo: { in: specs.map((s) => s.id) } } });
  await db.monitor.deleteMany({ where: { slug: monitorSlug } });
});

const sites = () =>
  [
    [VIGIL_SITE_ID, AMOUNTS.vigil],
    [shop.id, AMOUNTS.shop],
  ] as const;

describe("one site's data never shows under another", () => {
  it("Web Vitals: samples, routes, attribution and budgets of the site only", async () => {
    for (const [siteId, a] of sites()) {
      const params = VitalsSearchParams.parse({ window: "24h", metric: "LCP", route });
      const dashboard = await loadVitalsDashboard(siteId, params, now);
      const count = a.lcp.good + a.lcp.poor;
      expect(dashboard.summary.LCP.count, `site ${siteId}`).toBe(count);
      expect(dashboard.routes.map((r) => [r.route, r.count])).toEqual([[route, count]]);
      expect(dashboard.routeOptions).toEqual([route]);
      expect(dashboard.attribution.LCP).toEqual([
        expect.objectContaining({ target: a.lcp.target, samples: a.lcp.poor }),
      ]);
      const all = await loadVitalsDashboard(siteId, VitalsSearchParams.parse({ window: "24h", metric: "LCP" }), now);
      expect(all.summary.LCP.count).toBe(count);
    }
    const [vigil, other] = await Promise.all(
      [VIGIL_SITE_ID, shop.id].map((id) => loadVitalsDashboard(id, VitalsSearchParams.parse({}), now)),
    );
    expect(other!.budgets.LCP).toMatchObject({ threshold: 3000, custom: true });
    expect(other!.budgetList.map((b) => b.threshold)).toEqual([3000]);
    expect(vigil!.budgetList).toEqual([]);
    expect(vigil!.budgets.LCP).toEqual({ threshold: 2500, custom: false, id: null });
    // Raw rows: each site holds its own samples under the same page view ids.
    const raw = await db.vital.groupBy({ by: ["siteId"], where: { route }, _count: { _all: true } });
    expect(Object.fromEntries(raw.map((g) => [g.siteId, g._count._all]))).toEqual({ [VIGIL_SITE_ID]: 3, [shop.id]: 8 });
  });

  it("Requests: totals, errors and routes of the site only", async () => {
    for (const [siteId, a] of sites()) {
      const report = await loadRequestsReport(siteId, { window: "24h" }, now);
      const requests = a.requests.ok + a.requests.failed;
      expect(report.totals, `site ${siteId}`).toMatchObject({
        requests,
        errors: a.requests.failed,
        errorRate: a.requests.failed / requests,
      });
      expect(report.routes.map((r) => [r.route, r.requests, r.errors])).toEqual([[route, requests, a.requests.failed]]);
      expect(report.options.routes).toEqual([route]);
    }
  });

  it("SLOs: every kind of source counts the site's events only, and alerts stay with their site", async () => {
    for (const [siteId, a] of sites()) {
      const report = await loadSloReport(siteId, specs, now);
      expect(
        report.slos.map((s) => [s.id, s.events]),
        `site ${siteId}`,
      ).toEqual([
        [specs[0]!.id, { good: a.requests.ok, total: a.requests.ok + a.requests.failed }],
        [specs[1]!.id, a.events],
        [specs[2]!.id, { good: a.probes.ok, total: a.probes.total }],
        [specs[3]!.id, { good: a.lcp.good, total: a.lcp.good + a.lcp.poor }],
      ]);
    }

    // Both sites burn the same custom SLO: 10 % bad (burn 10) and 1/6 bad (burn 16.7, over the 1 h page's 14.4).
    const custom = [specs[1]!];
    const mine = await evaluateSlos(VIGIL, custom, now);
    const theirs = await evaluateSlos(shop, custom, now);
    expect(mine.changes.map((c) => [c.site, c.rule, c.change])).toEqual([
      [VIGIL_SITE_SLUG, "page-6h", "open"],
      [VIGIL_SITE_SLUG, "ticket-1d", "open"],
      [VIGIL_SITE_SLUG, "ticket-3d", "open"],
    ]);
    expect(theirs.changes.map((c) => [c.site, c.rule, c.change])).toEqual([
      [shop.slug, "page-1h", "open"],
      [shop.slug, "page-6h", "open"],
      [shop.slug, "ticket-1d", "open"],
      [shop.slug, "ticket-3d", "open"],
    ]);
    for (const [site, result] of [
      [VIGIL_SITE_ID, mine],
      [shop.id, theirs],
    ] as const) {
      const stored = await db.alert.findMany({ where: { siteId: site, slo: custom[0]!.id }, orderBy: { id: "asc" } });
      expect(stored.map((a) => String(a.id))).toEqual(result.changes.map((c) => c.alertId));
      const open = (await loadSloReport(site, custom, now)).slos[0]!.openAlerts;
      expect(open.map((a) => a.id).sort()).toEqual(stored.map((a) => String(a.id)).sort());
    }
    // The other site's page names it and links to its own Alerts page.
    const page = theirs.changes.find((c) => c.rule === "page-1h")!;
    const [delivery] = await db.notificationDelivery.findMany({
      where: { channelId, eventKey: `alert:${page.alertId}:firing` },
    });
    expect(delivery!.payload).toMatchObject({
      title: `[Shop ${tag}] [PAGE] Iso orders: burn rate page-1h`,
      path: `/admin/alerts?site=${shop.slug}`,
      data: { site: shop.slug, slo: custom[0]!.id },
    });
  });

  it("Uptime: monitors, checks and incidents of the site only, even under the same slug", async () => {
    for (const [siteId, a] of sites()) {
      const report = await loadUptimeReport(siteId, { now });
      const ours = report.monitors.filter((m) => m.slug === monitorSlug);
      expect(
        ours.map((m) => m.id),
        `site ${siteId}`,
      ).toEqual([monitors[siteId]]);
      expect(ours[0]!.uptime.find((u) => u.key === "24h")).toMatchObject({ ok: a.probes.ok, total: a.probes.total });
      const otherIds = Object.entries(monitors)
        .filter(([site]) => Number(site) !== siteId)
        .map(([, id]) => id);
      expect(report.monitors.filter((m) => otherIds.includes(m.id))).toEqual([]);
      expect(report.incidents.filter((i) => i.monitor === monitorSlug)).toHaveLength(siteId === shop.id ? 1 : 0);
    }
    const shopReport = await loadUptimeReport(shop.id, { now });
    expect(shopReport.monitors.map((m) => m.slug)).toEqual([monitorSlug]);
    expect(shopReport.monitors[0]!.status).toBe("down");
    expect(await loadUptimeSummary(shop.id, now)).toMatchObject({
      monitors: 1,
      down: 1,
      worst: { slug: monitorSlug, ok: AMOUNTS.shop.probes.ok, total: AMOUNTS.shop.probes.total },
    });
    // The other site's incident event names it and links to its own Uptime page.
    const [incident, ...more] = await db.incident.findMany({ where: { monitorId: { in: Object.values(monitors) } } });
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ siteId: shop.id, monitorId: monitors[shop.id], failures: 3, resolvedAt: null });
    const [event] = await db.notificationDelivery.findMany({
      where: { channelId, eventKey: `incident:${incident!.id}:opened` },
    });
    expect(event!.payload).toMatchObject({
      title: `[Shop ${tag}] Iso ${shop.id} is down`,
      path: `/admin/uptime?site=${shop.slug}`,
      data: { site: shop.slug, monitor: monitorSlug },
    });
    // The keys hold it too: a check of one site cannot point at another site's monitor.
    await expect(
      db.probeResult.create({
        data: { siteId: VIGIL_SITE_ID, monitorId: monitors[shop.id]!, ts: ago(1), ok: true },
      }),
    ).rejects.toThrow(/foreign key|probe_results_monitor_fkey/i);
  });
});
