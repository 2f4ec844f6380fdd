-- Sites (issue #12, ADR 0011): every app Vigil watches is a site; Vigil itself is site 1, "vigil", and every row
-- that existed before belongs to it. site_id leads every data table's primary key and unique indexes (no default:
-- a write that forgets its site must fail), and raw vitals move into day partitions.

CREATE TABLE "sites" (
  "id" SERIAL PRIMARY KEY,
  "slug" VARCHAR(40) NOT NULL,
  "name" VARCHAR(120) NOT NULL,
  "allowed_origins" TEXT[] NOT NULL DEFAULT '{}',
  "public_key" VARCHAR(40) NOT NULL,
  "secret_hash" VARCHAR(64),
  "secret_hint" VARCHAR(8),
  "secret_rotated_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "sites_slug_key" ON "sites"("slug");
CREATE UNIQUE INDEX "sites_public_key_key" ON "sites"("public_key");

-- Vigil's own site: its pages send beacons from its own origin without a key; the public key exists for symmetry
-- (and for a second Vigil that would watch this one). No server key until an admin makes one.
INSERT INTO "sites" ("id", "slug", "name", "public_key")
VALUES (1, 'vigil', 'Vigil', 'pk_' || substr(md5(random()::text || clock_timestamp()::text), 1, 24));
SELECT setval(pg_get_serial_sequence('sites', 'id'), 1);

-- ── Rollups and small tables: add site_id, rebuild the keys with it first ─────────────────────────────────────
ALTER TABLE "browser_routes" ADD COLUMN "site_id" INTEGER;
UPDATE "browser_routes" SET "site_id" = 1;
ALTER TABLE "browser_routes" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "browser_routes_pkey", ADD CONSTRAINT "browser_routes_pkey" PRIMARY KEY ("site_id", "day", "route"),
  ADD CONSTRAINT "browser_routes_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;

ALTER TABLE "vital_rollups" ADD COLUMN "site_id" INTEGER;
UPDATE "vital_rollups" SET "site_id" = 1;
ALTER TABLE "vital_rollups" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "vital_rollups_pkey",
  ADD CONSTRAINT "vital_rollups_pkey" PRIMARY KEY ("site_id", "grain", "metric", "bucket_start", "route", "device"),
  ADD CONSTRAINT "vital_rollups_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;

ALTER TABLE "vital_budgets" ADD COLUMN "site_id" INTEGER;
UPDATE "vital_budgets" SET "site_id" = 1;
ALTER TABLE "vital_budgets" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "vital_budgets_pkey", ADD CONSTRAINT "vital_budgets_pkey" PRIMARY KEY ("site_id", "metric"),
  ADD CONSTRAINT "vital_budgets_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;

ALTER TABLE "request_rollups" ADD COLUMN "site_id" INTEGER;
UPDATE "request_rollups" SET "site_id" = 1;
ALTER TABLE "request_rollups" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "request_rollups_pkey",
  ADD CONSTRAINT "request_rollups_pkey" PRIMARY KEY ("site_id", "grain", "bucket_start", "route", "method", "status_class"),
  ADD CONSTRAINT "request_rollups_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;

ALTER TABLE "client_error_rollups" ADD COLUMN "site_id" INTEGER;
UPDATE "client_error_rollups" SET "site_id" = 1;
ALTER TABLE "client_error_rollups" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "client_error_rollups_pkey",
  ADD CONSTRAINT "client_error_rollups_pkey" PRIMARY KEY ("site_id", "bucket_start", "route"),
  ADD CONSTRAINT "client_error_rollups_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;

ALTER TABLE "slo_event_rollups" ADD COLUMN "site_id" INTEGER;
UPDATE "slo_event_rollups" SET "site_id" = 1;
ALTER TABLE "slo_event_rollups" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "slo_event_rollups_pkey",
  ADD CONSTRAINT "slo_event_rollups_pkey" PRIMARY KEY ("site_id", "slo", "bucket_start"),
  ADD CONSTRAINT "slo_event_rollups_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;

-- ── Alerts ───────────────────────────────────────────────────────────────────────────────────────────────────────
ALTER TABLE "alerts" ADD COLUMN "site_id" INTEGER;
UPDATE "alerts" SET "site_id" = 1;
DROP INDEX "alerts_open_fingerprint_key";
DROP INDEX "alerts_state_started_at_idx";
DROP INDEX "alerts_started_at_idx";
ALTER TABLE "alerts" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "alerts_pkey", ADD CONSTRAINT "alerts_pkey" PRIMARY KEY ("site_id", "id"),
  ADD CONSTRAINT "alerts_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;
CREATE UNIQUE INDEX "alerts_open_fingerprint_key" ON "alerts"("site_id", "fingerprint")
  WHERE "state" IN ('pending', 'firing');
CREATE INDEX "alerts_site_id_state_started_at_idx" ON "alerts"("site_id", "state", "started_at" DESC);
CREATE INDEX "alerts_site_id_started_at_idx" ON "alerts"("site_id", "started_at" DESC);
-- Alert ids stay unique across sites (one sequence): notification event keys and links name them alone.
CREATE INDEX "alerts_id_idx" ON "alerts"("id");

-- ── Monitors, probe results, incidents ───────────────────────────────────────────────────────────────────────────
ALTER TABLE "probe_results" DROP CONSTRAINT "probe_results_monitor_id_fkey";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_monitor_id_fkey";

ALTER TABLE "monitors" ADD COLUMN "site_id" INTEGER;
UPDATE "monitors" SET "site_id" = 1;
DROP INDEX "monitors_slug_key";
DROP INDEX "monitors_heartbeat_token_key";
DROP INDEX "monitors_enabled_next_check_at_idx";
ALTER TABLE "monitors" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "monitors_pkey", ADD CONSTRAINT "monitors_pkey" PRIMARY KEY ("site_id", "id"),
  ADD CONSTRAINT "monitors_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE;
CREATE UNIQUE INDEX "monitors_site_id_slug_key" ON "monitors"("site_id", "slug");
CREATE UNIQUE INDEX "monitors_site_id_heartbeat_token_key" ON "monitors"("site_id", "heartbeat_token");
-- Pings name only their token (random, 128 bits): found through a plain index.
CREATE INDEX "monitors_heartbeat_token_idx" ON "monitors"("heartbeat_token");
CREATE INDEX "monitors_id_idx" ON "monitors"("id");
-- The probe job looks across sites for what is due.
CREATE INDEX "monitors_enabled_next_check_at_idx" ON "monitors"("enabled", "next_check_at");

ALTER TABLE "probe_results" ADD COLUMN "site_id" INTEGER;
UPDATE "probe_results" p SET "site_id" = 1;
DROP INDEX "probe_results_monitor_id_ts_idx";
DROP INDEX "probe_results_ts_idx";
ALTER TABLE "probe_results" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "probe_results_pkey", ADD CONSTRAINT "probe_results_pkey" PRIMARY KEY ("site_id", "id"),
  ADD CONSTRAINT "probe_results_monitor_fkey" FOREIGN KEY ("site_id", "monitor_id")
    REFERENCES "monitors"("site_id", "id") ON UPDATE CASCADE ON DELETE CASCADE;
CREATE INDEX "probe_results_site_id_monitor_id_ts_idx" ON "probe_results"("site_id", "monitor_id", "ts");
CREATE INDEX "probe_results_ts_idx" ON "probe_results"("ts");

ALTER TABLE "incidents" ADD COLUMN "site_id" INTEGER;
UPDATE "incidents" SET "site_id" = 1;
DROP INDEX "incidents_monitor_id_opened_at_idx";
DROP INDEX "incidents_open_monitor_key";
DROP INDEX "incidents_opened_at_idx";
ALTER TABLE "incidents" ALTER COLUMN "site_id" SET NOT NULL,
  DROP CONSTRAINT "incidents_pkey", ADD CONSTRAINT "incidents_pkey" PRIMARY KEY ("site_id", "id"),
  ADD CONSTRAINT "incidents_monitor_fkey" FOREIGN KEY ("site_id", "monitor_id")
    REFERENCES "monitors"("site_id", "id") ON UPDATE CASCADE ON DELETE CASCADE;
CREATE INDEX "incidents_site_id_monitor_id_opened_at_idx" ON "incidents"("site_id", "monitor_id", "opened_at" DESC);
CREATE UNIQUE INDEX "incidents_open_monitor_key" ON "incidents"("site_id", "monitor_id") WHERE "resolved_at" IS NULL;
CREATE INDEX "incidents_site_id_opened_at_idx" ON "incidents"("site_id", "opened_at" DESC);
CREATE INDEX "incidents_id_idx" ON "incidents"("id");

-- ── Cumulative OTLP streams: the last point of each, to turn cumulative sums into deltas ────────────────────────
CREATE TABLE "otlp_streams" (
  "site_id" INTEGER NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE,
  "stream" VARCHAR(64) NOT NULL,
  "state" JSONB NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "otlp_streams_pkey" PRIMARY KEY ("site_id", "stream")
);
CREATE INDEX "otlp_streams_updated_at_idx" ON "otlp_streams"("updated_at");

-- ── Raw vitals: one partition per UTC day of first arrival ───────────────────────────────────────────────────────
ALTER TABLE "vitals" RENAME TO "vitals_unpartitioned";
ALTER TABLE "vitals_unpartitioned" RENAME CONSTRAINT "vitals_pkey" TO "vitals_unpartitioned_pkey";
ALTER INDEX "vitals_page_view_id_metric_metric_id_key" RENAME TO "vitals_unpartitioned_sample_key";
ALTER INDEX "vitals_metric_ts_idx" RENAME TO "vitals_unpartitioned_metric_ts_idx";
ALTER INDEX "vitals_ts_idx" RENAME TO "vitals_unpartitioned_ts_idx";

CREATE TABLE "vitals" (
  "site_id" INTEGER NOT NULL,
  "day" DATE NOT NULL,
  "ts" TIMESTAMPTZ(3) NOT NULL,
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
  CONSTRAINT "vitals_pkey" PRIMARY KEY ("site_id", "day", "page_view_id", "metric", "metric_id")
) PARTITION BY RANGE ("day");
CREATE INDEX "vitals_site_id_metric_ts_idx" ON "vitals"("site_id", "metric", "ts");

-- Creates the partition of one day if it is missing; ingest and the vitals-partitions job call it.
CREATE FUNCTION vigil_ensure_vitals_partition(d date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  part text := 'vitals_p' || to_char(d, 'YYYYMMDD');
BEGIN
  IF to_regclass(quote_ident(part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  -- One creator at a time across instances (released with the statement's transaction), then look again.
  PERFORM pg_advisory_xact_lock(7262911);
  IF to_regclass(quote_ident(part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  -- The catalog cache may not show another session's fresh partition yet (advisory locks do not refresh it):
  -- its "already exists" is an answer, not an error.
  BEGIN
    EXECUTE format('CREATE TABLE %I PARTITION OF vitals FOR VALUES FROM (%L) TO (%L)', part, d, d + 1);
  EXCEPTION WHEN duplicate_table OR unique_violation THEN
    RETURN false;
  END;
  RETURN true;
END
$$;

SELECT vigil_ensure_vitals_partition(d::date)
FROM (
  SELECT DISTINCT (ts AT TIME ZONE 'UTC')::date AS d FROM "vitals_unpartitioned"
  UNION
  SELECT (now() AT TIME ZONE 'UTC')::date + i FROM generate_series(-1, 3) AS i
) days;

INSERT INTO "vitals" ("site_id", "day", "ts", "metric", "value", "rating", "route", "device", "browser", "country",
                      "navigation_type", "connection", "page_view_id", "metric_id", "attribution_target",
                      "attribution_type")
SELECT 1, (ts AT TIME ZONE 'UTC')::date, ts, metric, value, rating, route, device, browser, country, navigation_type,
       connection, page_view_id, metric_id, attribution_target, attribution_type
FROM "vitals_unpartitioned"
ON CONFLICT DO NOTHING;

DROP TABLE "vitals_unpartitioned";

-- No foreign key on vitals: a check per inserted row (and a key-share lock on the site's row) on the hottest
-- write path; deleting a site deletes its vitals explicitly (lib/sites).
