import { describe, expect, it } from "vitest";
import { pgPool } from "@/lib/db";
import { withAdvisoryLock } from "@/lib/db/advisory-lock";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { RequestAggregator } from "@/lib/telemetry/request-aggregator";
import { pruneMinuteRollups, upsertRequestRollups } from "@/lib/telemetry/request-rollup-repository";
import { histogramOf, percentiles } from "@/lib/vitals/histogram";

const at = Date.UTC(2026, 0, 5, 10, 30, 15);

async function rows(route: string) {
  const { rows } = await pgPool().query<{
    grain: string;
    count: number;
    duration_sum_ms: number;
    hist: Record<string, number>;
    status_class: number;
  }>(
    "SELECT grain::text AS grain, count, duration_sum_ms, hist, status_class FROM request_rollups WHERE site_id = $2 AND route = $1 ORDER BY grain, status_class",
    [route, VIGIL_SITE_ID],
  );
  return rows;
}

describe("request rollups in Postgres", () => {
  it("several instances flushing the same minute add up exactly, histograms included", async () => {
    const route = `/it/${Math.random().toString(36).slice(2)}`;
    const instances = Array.from({ length: 4 }, () => new RequestAggregator());
    const durations: number[] = [];
    instances.forEach((agg, i) => {
      for (let n = 0; n < 50; n++) {
        const d = 1 + ((i * 50 + n) % 97) * 3.3;
        durations.push(d);
        agg.record(route, "GET", n % 10 === 0 ? 503 : 200, d, at);
      }
    });
    // Concurrent flushes of overlapping keys, as instances do: no lost update, no deadlock.
    await Promise.all(instances.map((agg) => upsertRequestRollups(VIGIL_SITE_ID, agg.drain().rows)));
    const stored = await rows(route);
    expect(stored.map((r) => [r.grain, r.status_class, r.count])).toEqual([
      ["hour", 2, 180],
      ["hour", 5, 20],
      ["minute", 2, 180],
      ["minute", 5, 20],
    ]);
    const merged: Record<string, number> = {};
    for (const r of stored.filter((r) => r.grain === "minute"))
      for (const [k, v] of Object.entries(r.hist)) merged[k] = (merged[k] ?? 0) + v;
    expect(merged).toEqual(histogramOf(durations));
    const exact = [...durations].sort((a, b) => a - b)[Math.ceil(0.95 * durations.length) - 1]!;
    expect(Math.abs(percentiles(merged, [0.95])[0]! - exact) / exact).toBeLessThan(0.011);
    const sum = stored.filter((r) => r.grain === "minute").reduce((s, r) => s + r.duration_sum_ms, 0);
    expect(sum).toBeCloseTo(
      durations.reduce((s, d) => s + d, 0),
      6,
    );
  });

  it("prunes minute rows past the cut-off and keeps hour rows", async () => {
    const route = `/it/${Math.random().toString(36).slice(2)}`;
    const agg = new RequestAggregator();
    agg.record(route, "POST", 201, 12, at);
    await upsertRequestRollups(VIGIL_SITE_ID, agg.drain().rows);
    await pruneMinuteRollups(new Date(at + 60_000));
    expect((await rows(route)).map((r) => r.grain)).toEqual(["hour"]);
  });
});

describe("withAdvisoryLock", () => {
  it("runs a job in one caller at a time and always releases the lock", async () => {
    const key = 990_000 + Math.floor(Math.random() * 1000);
    let release!: () => void;
    const holding = withAdvisoryLock(key, () => new Promise<string>((r) => (release = () => r("ran"))));
    await new Promise((r) => setTimeout(r, 100));
    const second = await withAdvisoryLock(key, async () => "ran too");
    release();
    expect(await holding).toBe("ran");
    // PGlite serves one instance over one connection, so the lock is skipped there by design.
    const embedded = process.env.VIGIL_DB_EMBEDDED === "1";
    expect(second).toBe(embedded ? "ran too" : "skipped");
    await expect(
      withAdvisoryLock(key, async () => {
        throw new Error("job failed");
      }),
    ).rejects.toThrow("job failed");
    expect(await withAdvisoryLock(key, async () => "after a failure")).toBe("after a failure");
    const { rows: held } = await pgPool().query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1", [
      key,
    ]);
    expect(held).toHaveLength(0);
  });
});
