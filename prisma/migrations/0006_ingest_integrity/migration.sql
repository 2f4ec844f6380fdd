-- No semicolons in comments or function bodies here: the pg driver adapter splits migration scripts on every semicolon.
-- Ingest integrity (issue #10): one stored value per (page view, metric, metric id), histograms that can lose a
-- sample, a daily cap on distinct browser routes, and rollup retention.

-- Histogram merge that also subtracts: a replayed sample moves from its old bucket to its new one, and keys
-- whose count reaches zero are dropped. Still walks only the (small) delta b.
CREATE OR REPLACE FUNCTION vigil_hist_merge(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (a || coalesce(m.merged, '{}'::jsonb)) - coalesce(m.zeros, '{}'::text[])
  FROM (
    SELECT jsonb_object_agg(k, s) FILTER (WHERE s <> 0) AS merged, array_agg(k) FILTER (WHERE s = 0) AS zeros
    FROM (SELECT k, v::bigint + coalesce((a ->> k)::bigint, 0) AS s FROM jsonb_each_text(b) AS e(k, v)) t
  ) m
$$;

-- Existing replays: keep the latest report of each sample, and rebuild the rollups of every hour and day that
-- held a replay while raw rows still cover it whole (older buckets are past raw retention and stay as they are).
CREATE TABLE "_vigil_replayed_buckets" AS
  SELECT DISTINCT date_trunc('hour', ts, 'UTC') AS hour
  FROM (SELECT ts, count(*) OVER (PARTITION BY page_view_id, metric, metric_id) AS c FROM vitals) d
  WHERE c > 1;

DELETE FROM vitals v USING (
  SELECT id, row_number() OVER (PARTITION BY page_view_id, metric, metric_id ORDER BY id DESC) AS n FROM vitals
) d WHERE v.id = d.id AND d.n > 1;

CREATE TABLE "_vigil_rebuild" AS
  WITH first AS (SELECT min(ts) AS ts FROM vitals)
  SELECT 'hour'::"RollupGrain" AS grain, hour AS bucket FROM "_vigil_replayed_buckets", first
    WHERE hour >= date_trunc('hour', first.ts, 'UTC') + interval '1 hour'
  UNION
  SELECT 'day'::"RollupGrain", date_trunc('day', hour, 'UTC') FROM "_vigil_replayed_buckets", first
    WHERE date_trunc('day', hour, 'UTC') >= date_trunc('day', first.ts, 'UTC') + interval '1 day';

DELETE FROM vital_rollups r USING "_vigil_rebuild" b WHERE r.grain = b.grain AND r.bucket_start = b.bucket;

INSERT INTO vital_rollups (grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
SELECT grain, bucket, metric, route, device, sum(n)::int, sum(good)::int, sum(ni)::int, sum(poor)::int, sum(s),
       jsonb_object_agg(hb, n)
FROM (
  SELECT b.grain, b.bucket, v.metric, lv.route, lv.device, vigil_hist_bucket(v.value) AS hb, count(*) AS n,
         count(*) FILTER (WHERE v.rating = 'good') AS good, count(*) FILTER (WHERE v.rating = 'needs-improvement') AS ni,
         count(*) FILTER (WHERE v.rating = 'poor') AS poor, sum(v.value) AS s
  FROM vitals v
  CROSS JOIN LATERAL (VALUES ('hour'::"RollupGrain", date_trunc('hour', v.ts, 'UTC')), ('day'::"RollupGrain", date_trunc('day', v.ts, 'UTC'))) AS g(grain, bucket)
  JOIN "_vigil_rebuild" b ON b.grain = g.grain AND b.bucket = g.bucket
  CROSS JOIN LATERAL (VALUES (v.route, v.device), ('*', v.device), (v.route, 'all'::"DeviceClass"), ('*', 'all'::"DeviceClass")) AS lv(route, device)
  GROUP BY 1, 2, 3, 4, 5, 6
) cells
GROUP BY 1, 2, 3, 4, 5;

DROP TABLE "_vigil_rebuild";
DROP TABLE "_vigil_replayed_buckets";

CREATE UNIQUE INDEX "vitals_page_view_id_metric_metric_id_key" ON "vitals"("page_view_id", "metric", "metric_id");

-- Distinct routes that browser data (vitals, client errors) may use per UTC day: past the cap a new route is
-- stored as "(other)". Pruned with the hourly rollups.
CREATE TABLE "browser_routes" (
    "day" DATE NOT NULL,
    "route" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "browser_routes_pkey" PRIMARY KEY ("day", "route")
);

-- Rollup retention deletes by grain and age: the primary keys start with (grain, metric, bucket_start) and
-- (grain, bucket_start), and client_error_rollups with bucket_start, so no new index is needed there.
