-- Web-vitals budgets become threshold alerts (issue 13): per site, metric, percentile, optional route and device,
-- with a `for` duration and a minimum sample count. Existing budgets keep their metric and threshold at p75 for
-- all routes and devices, and do not alert until an admin turns them on (they were display-only).

-- Budget alerts live in `alerts` with their own severity (a routing class beside page and ticket). The new value is
-- not used in this script, which is what Postgres requires of ADD VALUE inside a transaction.
ALTER TYPE "AlertSeverity" ADD VALUE IF NOT EXISTS 'budget';

ALTER TABLE "vital_budgets" DROP CONSTRAINT "vital_budgets_pkey";
ALTER TABLE "vital_budgets"
  ADD COLUMN "id" SERIAL NOT NULL,
  ADD COLUMN "percentile" SMALLINT NOT NULL DEFAULT 75,
  ADD COLUMN "route" TEXT NOT NULL DEFAULT '*',
  ADD COLUMN "device" "DeviceClass" NOT NULL DEFAULT 'all',
  ADD COLUMN "for_minutes" INTEGER NOT NULL DEFAULT 5,
  ADD COLUMN "min_samples" INTEGER NOT NULL DEFAULT 20,
  ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ADD CONSTRAINT "vital_budgets_pkey" PRIMARY KEY ("site_id", "id");
ALTER TABLE "vital_budgets" ALTER COLUMN "enabled" SET DEFAULT true;

-- One budget per site, metric, percentile, route and device.
CREATE UNIQUE INDEX "vital_budgets_site_id_metric_percentile_route_device_key"
  ON "vital_budgets"("site_id", "metric", "percentile", "route", "device");
