import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countAtOrBelow, straddlingCount } from "@/lib/slo/latency";
import { loadSloPage, loadSloReport } from "@/lib/slo/report";
import { addSloEvents } from "@/lib/slo/slo-event-repository";
import { sloSource } from "@/lib/slo/sources";
import { parseSloSpecs, type SloSpecInput } from "@/lib/slo/spec";
import { rangeEndingAt } from "@/lib/slo/windows";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { histogramOf } from "@/lib/vitals/histogram";
import { rate } from "@/lib/vitals/metrics";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";
import { seedRequests } from "../support/slo-seed";
import { lcg } from "../support/seeded-random";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const tag = randomUUID().slice(0, 8);
const spec = (over: Partial<SloSpecInput> & Pick<SloSpecInput, "id" | "kind">) =>
  parseSloSpecs([{ name: over.id, owner: "it", objective: 0.99, ...over }])[0]!;
const inRange = (r: { from: Date; to: Date }) => (t: Date) => t >= r.from && t < r.to;

describe("latency SLO: good = requests within the threshold, from merged histograms", () => {
  const now = new Date("2025-07-01T15:27:40Z");
  const route = `/it-lat/${tag}`;
  const rand = lcg(11);
  // Three and a half hours of requests, some after `now` (must not count), lognormal around 250 ms.
  const raw = Array.from({ length: 4000 }, () => ({
    at: new Date(now.getTime() - 3.5 * HOUR + Math.floor(rand() * 3.6 * HOUR)),
    ms: 250 * Math.exp(0.7 * Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand())),
  }));
  const s = spec({ id: `it-lat-${tag}`, kind: "latency", thresholdMs: 400, routes: [route], objective: 0.95 });

  it("counts exactly the requests of each window, and the good ones within the threshold bucket", async () => {
    await seedRequests(raw.map((r) => ({ at: r.at, route, statusClass: 2, count: 1, ms: r.ms })));
    for (const minutes of [5, 60, 120, 360]) {
      const range = rangeEndingAt(now, minutes);
      const values = raw.filter((r) => inRange(range)(r.at)).map((r) => r.ms);
      const counts = await sloSource(VIGIL_SITE_ID, s).counts(range);
      expect(counts.total, `${minutes} min`).toBe(values.length);
      const exact = values.filter((v) => v <= 400).length;
      expect(Math.abs(counts.good - exact), `${minutes} min`).toBeLessThanOrEqual(
        straddlingCount(histogramOf(values), 400),
      );
      expect(counts.good).toBeCloseTo(countAtOrBelow(histogramOf(values), 400), 6);
    }
  });
});

describe("vitals SLO: good-rated samples from hourly rollups, with raw samples at the edges", () => {
  const now = new Date("2025-07-02T15:27:40Z");
  const rand = lcg(5);
  const route = `/it-vitals/${tag}/[slug]`;
  const rows: VitalRow[] = Array.from({ length: 3000 }, (_, i) => {
    const value = 900 + rand() * 3500;
    return {
      siteId: VIGIL_SITE_ID,
      ts: new Date(now.getTime() - Math.floor(rand() * 30 * HOUR)),
      metric: "LCP",
      value,
      rating: rate("LCP", value),
      route: i % 3 === 0 ? route : `/it-vitals/${tag}/other`,
      device: i % 2 ? "mobile" : "desktop",
      browser: null,
      country: null,
      navigationType: null,
      connection: null,
      pageViewId: `pv-${i}`,
      metricId: `m-${i}`,
      attributionTarget: null,
      attributionType: null,
    };
  });

  it("matches an exact count over the raw samples, per window, route and device", async () => {
    for (let i = 0; i < rows.length; i += 500) await insertVitalsBatch(rows.slice(i, i + 500));
    const one = spec({ id: `it-lcp-${tag}`, kind: "vitals", metric: "LCP", route, device: "mobile" });
    for (const minutes of [60, 360, 1440]) {
      const range = rangeEndingAt(now, minutes);
      const sample = rows.filter((r) => inRange(range)(r.ts) && r.route === route && r.device === "mobile");
      expect(await sloSource(VIGIL_SITE_ID, one).counts(range), `${minutes} min`).toEqual({
        good: sample.filter((r) => r.rating === "good").length,
        total: sample.length,
      });
    }
    // All routes, all devices (the "*"/"all" rollup level): other tests write vitals too, so this run is a lower bound.
    const window = rangeEndingAt(now, 1440);
    const all = await sloSource(VIGIL_SITE_ID, spec({ id: `it-lcp-all-${tag}`, kind: "vitals", metric: "LCP" })).counts(
      window,
    );
    expect(all.total).toBeGreaterThanOrEqual(rows.filter((r) => inRange(window)(r.ts)).length);
  });
});

describe("uptime SLO: successful probes of a monitor, by slug", () => {
  const now = new Date("2025-07-03T12:00:30Z");
  it("counts the monitor's probes in each window and nothing of other monitors", async () => {
    const slug = `it-mon-${tag}`;
    // Never due: a left-over monitor would be probed by other files' uptime runs.
    const nextCheckAt = new Date("2100-01-01T00:00:00Z");
    const monitor = await db.monitor.create({
      data: { siteId: VIGIL_SITE_ID, slug, name: "IT", kind: "http", url: "http://127.0.0.1:9/", nextCheckAt },
    });
    const other = await db.monitor.create({
      data: {
        siteId: VIGIL_SITE_ID,
        slug: `${slug}-other`,
        name: "IT other",
        kind: "http",
        url: "http://127.0.0.1:9/",
        nextCheckAt,
      },
    });
    const probes = Array.from({ length: 180 }, (_, i) => ({
      siteId: VIGIL_SITE_ID,
      monitorId: monitor.id,
      ts: new Date(now.getTime() - i * MINUTE),
      ok: i % 20 !== 0,
    }));
    await db.probeResult.createMany({
      data: [...probes, ...probes.map((p) => ({ ...p, monitorId: other.id, ok: false }))],
    });
    const s = spec({ id: `it-up-${tag}`, kind: "uptime", monitor: slug, objective: 0.999 });
    // 60 min ending 12:01 holds the probes of 11:01:30–12:00:30 (i = 0…59), three of them failed (i = 0, 20, 40).
    expect(await sloSource(VIGIL_SITE_ID, s).counts(rangeEndingAt(now, 60))).toEqual({ good: 57, total: 60 });
    expect(await sloSource(VIGIL_SITE_ID, s).counts(rangeEndingAt(now, 360))).toEqual({ good: 171, total: 180 });
    expect(
      await sloSource(VIGIL_SITE_ID, spec({ id: `it-up2-${tag}`, kind: "uptime", monitor: `no-such-${tag}` })).counts(
        rangeEndingAt(now, 60),
      ),
    ).toEqual({ good: 0, total: 0 });
    await db.monitor.deleteMany({ where: { siteId: VIGIL_SITE_ID, id: { in: [monitor.id, other.id] } } });
  });
});

describe("custom SLO and the page's series", () => {
  it("sums reported events per minute, and the chart's steps add up to the report's window", async () => {
    const now = new Date();
    const s = spec({ id: `it-cus-${tag}`, kind: "custom", objective: 0.99 });
    // Reported over the last two days: 1 % bad, then a 10 % bad hour.
    for (let h = 48; h >= 1; h--)
      await addSloEvents(
        VIGIL_SITE_ID,
        s.id,
        { good: h === 3 ? 900 : 990, total: 1000 },
        new Date(now.getTime() - h * HOUR),
      );
    await addSloEvents(VIGIL_SITE_ID, s.id, { good: 50, total: 50 }, now);
    const report = await loadSloReport(VIGIL_SITE_ID, [s], now);
    const item = report.slos[0]!;
    expect(item.events).toEqual({ good: 47 * 990 + 900 + 50, total: 48_050 });
    expect(item.sli).toBe((47 * 990 + 950) / 48_050);
    // 1 % of 48 050 events may fail (480.5); 570 did: the budget is overspent by 18.6 %.
    expect(item.budget.consumed).toBe(570);
    expect(item.budget.remainingRatio).toBeCloseTo(1 - 570 / 480.5, 9);

    const page = await loadSloPage(VIGIL_SITE_ID, [s], now);
    const chart = page.charts[0]!;
    expect(chart.stepMinutes).toBe(360);
    expect(chart.points).toHaveLength(120);
    expect(chart.points.reduce((n, p) => n + p.total, 0)).toBe(48_050);
    expect(chart.points.at(-1)!.budgetRemaining).toBeCloseTo(item.budget.remainingRatio!, 9);
    const worst = chart.points.reduce((a, b) => ((b.burn ?? 0) > (a.burn ?? 0) ? b : a));
    expect(worst.t).toBeLessThanOrEqual(now.getTime() - 3 * HOUR);
    expect(worst.t + 6 * HOUR).toBeGreaterThan(now.getTime() - 3 * HOUR);
  });
});
