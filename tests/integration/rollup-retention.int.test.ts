import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pgPool } from "@/lib/db";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { loadVitalsDashboard } from "@/lib/vitals/dashboard";
import { readTopRouteRollups } from "@/lib/vitals/rollup-repository";
import { windowPlanFor } from "@/lib/vitals/window";
import { rate } from "@/lib/vitals/metrics";
import { pruneRollups } from "@/lib/vitals/retention";
import { VitalsSearchParams } from "@/lib/vitals/search-params";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";

const DAY = 86_400_000;
const q = (sql: string, params: unknown[] = []) => pgPool().query(sql, params);

describe("rollup retention", () => {
  it("drops hour rows past VIGIL_ROLLUP_HOURLY_RETENTION_DAYS (35) and day rows past VIGIL_ROLLUP_DAILY_RETENTION_DAYS (400)", async () => {
    const now = new Date("2031-06-01T12:00:00Z");
    const route = `/retention/${randomUUID().slice(0, 8)}`;
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    for (const [grain, days] of [
      ["hour", 36],
      ["hour", 34],
      ["day", 401],
      ["day", 399],
      ["day", 91],
    ] as const) {
      await q(
        `INSERT INTO vital_rollups (site_id, grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
               VALUES ($4, $1::"RollupGrain", $2, 'LCP', $3, 'all', 1, 1, 0, 0, 1, '{}')`,
        [grain, ago(days), route, VIGIL_SITE_ID],
      );
    }
    for (const days of [36, 34]) {
      await q(
        `INSERT INTO request_rollups (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist) VALUES ($3, 'hour', $1, $2, 'GET', 2, 1, 1, '{}')`,
        [ago(days), route, VIGIL_SITE_ID],
      );
      await q(`INSERT INTO client_error_rollups (site_id, bucket_start, route, count) VALUES ($3, $1, $2, 1)`, [
        ago(days),
        route,
        VIGIL_SITE_ID,
      ]);
      await q(`INSERT INTO browser_routes (site_id, day, route) VALUES ($3, $1::date, $2)`, [
        ago(days).toISOString().slice(0, 10),
        route,
        VIGIL_SITE_ID,
      ]);
    }
    // Minute request rows are the request-rollup-prune job's: this job leaves them alone.
    await q(
      `INSERT INTO request_rollups (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist) VALUES ($3, 'minute', $1, $2, 'GET', 2, 1, 1, '{}')`,
      [ago(36), route, VIGIL_SITE_ID],
    );

    const deleted = await pruneRollups(now);
    expect(deleted.vitalHours).toBeGreaterThanOrEqual(1);
    expect(deleted.vitalDays).toBeGreaterThanOrEqual(1);

    const left = async (sql: string) =>
      (await q(sql, [route])).rows.map((r) => Math.round((now.getTime() - new Date(r.t).getTime()) / DAY));
    expect(await left(`SELECT bucket_start AS t FROM vital_rollups WHERE route = $1 AND grain = 'hour'`)).toEqual([34]);
    expect(
      await left(
        `SELECT bucket_start AS t FROM vital_rollups WHERE route = $1 AND grain = 'day' ORDER BY bucket_start`,
      ),
    ).toEqual([399, 91]);
    expect(await left(`SELECT bucket_start AS t FROM request_rollups WHERE route = $1 AND grain = 'hour'`)).toEqual([
      34,
    ]);
    expect(await left(`SELECT bucket_start AS t FROM request_rollups WHERE route = $1 AND grain = 'minute'`)).toEqual([
      36,
    ]);
    expect(await left(`SELECT bucket_start AS t FROM client_error_rollups WHERE route = $1`)).toEqual([34]);
    expect((await q(`SELECT count(*)::int AS n FROM browser_routes WHERE route = $1`, [route])).rows[0]!.n).toBe(1);
  });
});

describe("Web Vitals per-route table: ranked and limited in SQL", () => {
  it("returns the 50 routes with the most not-good samples, with opportunity against every route's samples", async () => {
    const now = new Date("2021-06-15T12:00:00Z");
    const tag = randomUUID().slice(0, 8);
    const rows: VitalRow[] = [];
    const notGood = new Map<string, number>();
    let total = 0;
    for (let r = 0; r < 80; r++) {
      const route = `/top/${tag}/r${String.fromCharCode(97 + (r % 26))}${String.fromCharCode(97 + Math.floor(r / 26))}`;
      const samples = 3 + (r % 7);
      const poor = (r * 37) % 5;
      for (let i = 0; i < samples; i++) {
        const value = i < poor ? 5_000 : 1_000;
        rows.push({
          siteId: VIGIL_SITE_ID,
          ts: new Date(now.getTime() - 3_600_000),
          metric: "LCP",
          value,
          rating: rate("LCP", value),
          route,
          device: "desktop",
          browser: null,
          country: null,
          navigationType: null,
          connection: null,
          pageViewId: `pv-${tag}-${r}-${i}`,
          metricId: "lcp",
          attributionTarget: null,
          attributionType: null,
        });
      }
      notGood.set(route, Math.min(poor, samples));
      total += samples;
    }
    await insertVitalsBatch(rows);
    const plan = windowPlanFor("24h", now);
    const fetched = await readTopRouteRollups(VIGIL_SITE_ID, plan, { metric: "LCP", device: "desktop" }, 50);
    expect(new Set(fetched.map((r) => r.route)).size).toBe(50);
    const dashboard = await loadVitalsDashboard(
      VIGIL_SITE_ID,
      VitalsSearchParams.parse({ window: "24h", metric: "LCP", device: "desktop" }),
      now,
    );
    const ours = dashboard.routes.filter((r) => r.route.startsWith(`/top/${tag}/`));
    expect(dashboard.routes).toHaveLength(50);
    expect(ours).toHaveLength(50);
    const expected = [...notGood.entries()]
      .sort(
        ([ra, a], [rb, b]) =>
          b - a ||
          rows.filter((x) => x.route === rb).length - rows.filter((x) => x.route === ra).length ||
          (ra < rb ? -1 : 1),
      )
      .slice(0, 50);
    expect(new Set(ours.map((r) => r.route))).toEqual(new Set(expected.map(([r]) => r)));
    for (const r of ours) expect(r.opportunity).toBeCloseTo(notGood.get(r.route)! / total, 10);
  });
});
