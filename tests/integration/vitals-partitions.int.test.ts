import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db";
import { env } from "@/lib/env.js";
import { ingestVitals } from "@/lib/ingest/ingest-vitals";
import { SiteInput, VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { createSite, type Site } from "@/lib/sites/sites";
import { telemetry } from "@/lib/telemetry/registry";
import { VitalsBeacon } from "@/lib/vitals/beacon-schema";
import { histogramOf } from "@/lib/vitals/histogram";
import { rate } from "@/lib/vitals/metrics";
import { maintainRawVitals } from "@/lib/vitals/retention";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";

// Raw vitals live in one partition per UTC day (ADR 0011). Each describe uses days no other test writes.
const tag = randomUUID().slice(0, 8);
const client = { device: "desktop" as const, browser: "Chrome", country: null, bot: false };
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  pgPool()
    .query<T>(sql, params)
    .then((r) => r.rows);
/** The partitions of `vitals` whose name starts with `prefix`, from the catalog. */
const partitions = async (prefix: string) =>
  (
    await q<{ name: string }>(
      `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'vitals'::regclass AND c.relname::text LIKE $1 ORDER BY 1`,
      [`${prefix}%`],
    )
  ).map((r) => r.name);

let other: Site;
beforeAll(async () => {
  ({ site: other } = await createSite(
    SiteInput.parse({ name: "Partitions", slug: `parts-${tag}`, allowedOrigins: "https://parts.example" }),
  ));
});

describe("replays across midnight", () => {
  const D = "1997-05-06";
  const NEXT = "1997-05-07";
  const at = (day: string, time: string) => new Date(`${day}T${time}Z`);
  const route = `/midnight/${tag}`;
  const pv = `pv_${randomUUID().replaceAll("-", "")}`;
  const cls = (value: number, id = "cls-1") =>
    VitalsBeacon.parse({ v: 1, pageViewId: pv, route, metrics: [{ name: "CLS", value, id }] });
  /** Each stored row of the route with the partition that holds it. */
  const stored = () =>
    q<{ site: number; part: string; day: string; ts: Date; metric_id: string; value: number; rating: string }>(
      `SELECT site_id AS site, tableoid::regclass::text AS part, day::text AS day, ts, metric_id, value,
              rating::text AS rating
       FROM vitals WHERE route = $1 ORDER BY site_id, day, metric_id`,
      [route],
    );
  const rollups = (siteId: number) =>
    q<{ grain: string; t: Date; count: number; good: number; poor: number; hist: Record<string, number> }>(
      `SELECT grain::text AS grain, bucket_start AS t, count, good, poor, hist FROM vital_rollups
       WHERE site_id = $1 AND route = $2 AND device = 'all' AND metric = 'CLS' ORDER BY grain, bucket_start`,
      [siteId, route],
    );
  const histogramCount = async () =>
    (await telemetry().vitals.CLS.get()).values.find(
      (v) => v.metricName === "web_vitals_cls_count" && v.labels.route === route && v.labels.site === VIGIL_SITE_SLUG,
    )?.value ?? 0;

  it("stores a sample of 23:59 replayed at 00:01 once, in its first day, with the latest value counted once", async () => {
    expect(await ingestVitals(VIGIL_SITE_ID, cls(0.05), client, at(D, "23:59:00"))).toBe(1);
    expect(await ingestVitals(VIGIL_SITE_ID, cls(0.3), client, at(NEXT, "00:01:00"))).toBe(1);
    expect(await ingestVitals(VIGIL_SITE_ID, cls(0.4), client, at(NEXT, "00:05:00"))).toBe(1);

    expect(await stored()).toEqual([
      {
        site: VIGIL_SITE_ID,
        part: "vitals_p19970506",
        day: D,
        ts: at(D, "23:59:00"),
        metric_id: "cls-1",
        value: 0.4,
        rating: rate("CLS", 0.4),
      },
    ]);
    // One sample, in the buckets of its first report; nothing under the next day.
    const poor = rate("CLS", 0.4) === "poor" ? 1 : 0;
    expect(await rollups(VIGIL_SITE_ID)).toEqual([
      { grain: "day", t: at(D, "00:00:00"), count: 1, good: 0, poor, hist: histogramOf([0.4]) },
      { grain: "hour", t: at(D, "23:00:00"), count: 1, good: 0, poor, hist: histogramOf([0.4]) },
    ]);
    expect(await histogramCount()).toBe(1);
  });

  it("puts a new sample of the next day into the next day's partition", async () => {
    expect(await ingestVitals(VIGIL_SITE_ID, cls(0.02, "cls-2"), client, at(NEXT, "00:10:00"))).toBe(1);
    const rows = await stored();
    expect(rows.map((r) => [r.part, r.day, r.metric_id, r.value])).toEqual([
      ["vitals_p19970506", D, "cls-1", 0.4],
      ["vitals_p19970507", NEXT, "cls-2", 0.02],
    ]);
    expect((await rollups(VIGIL_SITE_ID)).map((r) => [r.grain, r.t, r.count, r.good])).toEqual([
      ["day", at(D, "00:00:00"), 1, 0],
      ["day", at(NEXT, "00:00:00"), 1, 1],
      ["hour", at(D, "23:00:00"), 1, 0],
      ["hour", at(NEXT, "00:00:00"), 1, 1],
    ]);
    expect(await histogramCount()).toBe(2);
  });

  it("keeps the same page view of another site apart: its first report is a new sample, not a replay", async () => {
    expect(await ingestVitals(other.id, cls(0.2), client, at(NEXT, "00:02:00"))).toBe(1);
    const rows = await stored();
    expect(rows.map((r) => [r.site, r.day, r.metric_id, r.value])).toEqual([
      [VIGIL_SITE_ID, D, "cls-1", 0.4],
      [VIGIL_SITE_ID, NEXT, "cls-2", 0.02],
      [other.id, NEXT, "cls-1", 0.2],
    ]);
    expect((await rollups(other.id)).map((r) => [r.grain, r.t, r.count])).toEqual([
      ["day", at(NEXT, "00:00:00"), 1],
      ["hour", at(NEXT, "00:00:00"), 1],
    ]);
    expect((await rollups(VIGIL_SITE_ID)).reduce((n, r) => n + (r.grain === "day" ? r.count : 0), 0)).toBe(2);
  });
});

describe("the vitals-retention job drops whole day partitions", () => {
  // Retention cut-off 30 days before 1990-06-15 10:00: 1990-05-16 (no test writes before 1990).
  const now = new Date("1990-06-15T10:00:00Z");
  const route = `/retention/${tag}`;
  const sample = (siteId: number, day: string, i: number): VitalRow => ({
    siteId,
    ts: new Date(`${day}T08:00:00Z`),
    metric: "TTFB",
    value: 100,
    rating: "good",
    route,
    device: "desktop",
    browser: null,
    country: null,
    navigationType: null,
    connection: null,
    pageViewId: `pv-${day}-${i}`,
    metricId: "ttfb",
    attributionTarget: null,
    attributionType: null,
  });
  const rowsBySiteAndDay = () =>
    q<{ site: number; day: string; n: number }>(
      `SELECT site_id AS site, day::text AS day, count(*)::int AS n FROM vitals WHERE route = $1
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [route],
    );

  it("drops the days before the retention window for every site, keeps later ones and the rollups, and makes today + 3", async () => {
    expect(env.VIGIL_VITALS_RETENTION_DAYS).toBe(30);
    const days = ["1990-05-14", "1990-05-15", "1990-05-16", "1990-05-17"];
    await insertVitalsBatch([
      ...days.flatMap((day) => [0, 1].map((i) => sample(VIGIL_SITE_ID, day, i))),
      sample(other.id, "1990-05-15", 0),
      sample(other.id, "1990-05-16", 0),
    ]);
    expect(await partitions("vitals_p1990")).toEqual(days.map((d) => `vitals_p${d.replaceAll("-", "")}`));

    expect(await maintainRawVitals(now)).toEqual({ dropped: 2, ensured: 4 });
    expect(await partitions("vitals_p1990")).toEqual([
      "vitals_p19900516",
      "vitals_p19900517",
      "vitals_p19900615",
      "vitals_p19900616",
      "vitals_p19900617",
      "vitals_p19900618",
    ]);
    expect(await rowsBySiteAndDay()).toEqual([
      { site: VIGIL_SITE_ID, day: "1990-05-16", n: 2 },
      { site: VIGIL_SITE_ID, day: "1990-05-17", n: 2 },
      { site: other.id, day: "1990-05-16", n: 1 },
    ]);
    // Rollups are kept by their own retention, not this job: every day still counts its samples.
    const rollups = await db.vitalRollup.findMany({
      where: { route, grain: "day", device: "all", metric: "TTFB" },
      orderBy: [{ siteId: "asc" }, { bucketStart: "asc" }],
    });
    expect(rollups.map((r) => [r.siteId, r.bucketStart.toISOString().slice(0, 10), r.count])).toEqual([
      [VIGIL_SITE_ID, "1990-05-14", 2],
      [VIGIL_SITE_ID, "1990-05-15", 2],
      [VIGIL_SITE_ID, "1990-05-16", 2],
      [VIGIL_SITE_ID, "1990-05-17", 2],
      [other.id, "1990-05-15", 1],
      [other.id, "1990-05-16", 1],
    ]);

    // The next run finds nothing more to drop and nothing to create.
    expect(await maintainRawVitals(now)).toEqual({ dropped: 0, ensured: 4 });
    expect(await partitions("vitals_p1990")).toHaveLength(6);
  });
});

describe("day partitions made on demand", () => {
  it("lets many concurrent writers ask for the same new day: one makes it, none fails", async () => {
    const { ensureVitalPartitions, listVitalPartitions } = await import("@/lib/vitals/vitals-repository");
    const day = `2019-0${1 + Math.floor(Math.random() * 9)}-${String(10 + Math.floor(Math.random() * 18))}`;
    await pgPool().query(`DROP TABLE IF EXISTS vitals_p${day.replaceAll("-", "")}`);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => ensureVitalPartitions([day])));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await listVitalPartitions()).toContain(day);
  });
});
