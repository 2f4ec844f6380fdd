-- CreateEnum
CREATE TYPE "VitalMetric" AS ENUM ('LCP', 'INP', 'CLS', 'FCP', 'TTFB');

-- CreateEnum
CREATE TYPE "VitalRating" AS ENUM ('good', 'needs-improvement', 'poor');

-- CreateEnum
CREATE TYPE "DeviceClass" AS ENUM ('mobile', 'tablet', 'desktop', 'unknown', 'all');

-- CreateEnum
CREATE TYPE "RollupGrain" AS ENUM ('hour', 'day');

-- CreateTable
CREATE TABLE "vitals" (
    "id" BIGSERIAL NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metric" "VitalMetric" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "rating" "VitalRating" NOT NULL,
    "route" TEXT NOT NULL,
    "device" "DeviceClass" NOT NULL,
    "browser" TEXT,
    "country" VARCHAR(2),
    "navigation_type" TEXT,
    "connection" TEXT,
    "page_view_id" TEXT NOT NULL,
    "metric_id" TEXT NOT NULL,
    "attribution_target" TEXT,
    "attribution_type" TEXT,

    CONSTRAINT "vitals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vital_rollups" (
    "grain" "RollupGrain" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "metric" "VitalMetric" NOT NULL,
    "route" TEXT NOT NULL,
    "device" "DeviceClass" NOT NULL,
    "count" INTEGER NOT NULL,
    "good" INTEGER NOT NULL,
    "needs_improvement" INTEGER NOT NULL,
    "poor" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "hist" JSONB NOT NULL,

    CONSTRAINT "vital_rollups_pkey" PRIMARY KEY ("grain","metric","bucket_start","route","device")
);

-- CreateTable
CREATE TABLE "vital_budgets" (
    "metric" "VitalMetric" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "vital_budgets_pkey" PRIMARY KEY ("metric")
);

-- Rollup rows are updated by every ingest batch: free space on each page keeps those updates HOT (same page,
-- no index churn).
ALTER TABLE "vital_rollups" SET (fillfactor = 50);

-- CreateIndex
CREATE INDEX "vitals_metric_ts_idx" ON "vitals"("metric", "ts");

-- CreateIndex
CREATE INDEX "vitals_ts_idx" ON "vitals"("ts");


-- Sparse log-bucket histograms ({"<bucket>": count}) are merged by adding counts per key. Only the (small) delta b
-- is walked and its sums overlaid on a: re-aggregating every key of a stored row costs ~80 µs per upserted row.
-- Keep vigil_hist_bucket in step with bucketOf() in lib/vitals/histogram.ts (gamma 1.02, zero bucket "z").
CREATE FUNCTION vigil_hist_merge(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT a || coalesce(
    (SELECT jsonb_object_agg(k, v::bigint + coalesce((a ->> k)::bigint, 0)) FROM jsonb_each_text(b) AS e(k, v)),
    '{}'::jsonb)
$$;

CREATE FUNCTION vigil_hist_bucket(v double precision) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v < 1e-4 THEN 'z' ELSE floor(ln(v) / ln(1.02))::bigint::text END
$$;
