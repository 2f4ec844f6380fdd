-- CreateEnum
CREATE TYPE "JobOutcome" AS ENUM ('ok', 'skipped', 'failed');

-- CreateEnum
CREATE TYPE "JobTrigger" AS ENUM ('in-process', 'cron', 'manual');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('page', 'ticket');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('pending', 'firing', 'resolved');

-- CreateEnum
CREATE TYPE "MonitorKind" AS ENUM ('http', 'heartbeat');

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('slack', 'webhook');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'delivered', 'dead');

-- CreateTable
CREATE TABLE "job_runs" (
    "id" BIGSERIAL NOT NULL,
    "job" VARCHAR(64) NOT NULL,
    "trigger" "JobTrigger" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "JobOutcome" NOT NULL,
    "detail" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slo_event_rollups" (
    "slo" VARCHAR(64) NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "good" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,

    CONSTRAINT "slo_event_rollups_pkey" PRIMARY KEY ("slo","bucket_start")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "fingerprint" VARCHAR(160) NOT NULL,
    "slo" VARCHAR(64) NOT NULL,
    "rule" VARCHAR(32) NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "state" "AlertState" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "last_eval_at" TIMESTAMPTZ(3) NOT NULL,
    "figures" JSONB NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitors" (
    "id" TEXT NOT NULL,
    "slug" VARCHAR(64) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "kind" "MonitorKind" NOT NULL,
    "method" VARCHAR(8) NOT NULL DEFAULT 'GET',
    "url" VARCHAR(2048),
    "expected_status" SMALLINT NOT NULL DEFAULT 200,
    "body_contains" VARCHAR(200),
    "timeout_ms" INTEGER NOT NULL DEFAULT 10000,
    "interval_seconds" INTEGER NOT NULL DEFAULT 60,
    "failure_threshold" SMALLINT NOT NULL DEFAULT 3,
    "allow_private" BOOLEAN NOT NULL DEFAULT false,
    "heartbeat_token" VARCHAR(64),
    "grace_seconds" INTEGER NOT NULL DEFAULT 60,
    "last_ping_at" TIMESTAMPTZ(3),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "next_check_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monitors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "probe_results" (
    "id" BIGSERIAL NOT NULL,
    "monitor_id" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status_code" SMALLINT,
    "latency_ms" DOUBLE PRECISION,
    "error" VARCHAR(500),

    CONSTRAINT "probe_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" BIGSERIAL NOT NULL,
    "monitor_id" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "failures" INTEGER NOT NULL,
    "cause" VARCHAR(500) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_channels" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "url" VARCHAR(2048) NOT NULL,
    "secret" VARCHAR(200),
    "allow_private" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "channel_id" TEXT NOT NULL,
    "event_key" VARCHAR(200) NOT NULL,
    "event_type" VARCHAR(40) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" VARCHAR(500),
    "last_status" SMALLINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_runs_job_started_at_idx" ON "job_runs"("job", "started_at" DESC);

-- CreateIndex
CREATE INDEX "job_runs_started_at_idx" ON "job_runs"("started_at");

-- CreateIndex
CREATE INDEX "alerts_state_started_at_idx" ON "alerts"("state", "started_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_started_at_idx" ON "alerts"("started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "monitors_slug_key" ON "monitors"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "monitors_heartbeat_token_key" ON "monitors"("heartbeat_token");

-- CreateIndex
CREATE INDEX "monitors_enabled_next_check_at_idx" ON "monitors"("enabled", "next_check_at");

-- CreateIndex
CREATE INDEX "probe_results_monitor_id_ts_idx" ON "probe_results"("monitor_id", "ts");

-- CreateIndex
CREATE INDEX "probe_results_ts_idx" ON "probe_results"("ts");

-- CreateIndex
CREATE INDEX "incidents_monitor_id_opened_at_idx" ON "incidents"("monitor_id", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "incidents_opened_at_idx" ON "incidents"("opened_at" DESC);

-- CreateIndex
CREATE INDEX "notification_deliveries_status_next_attempt_at_idx" ON "notification_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_deliveries_created_at_idx" ON "notification_deliveries"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notification_deliveries_channel_id_event_key_key" ON "notification_deliveries"("channel_id", "event_key");

-- AddForeignKey
ALTER TABLE "probe_results" ADD CONSTRAINT "probe_results_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Deduplication the schema language cannot express: one open alert per rule, one open incident per monitor.
CREATE UNIQUE INDEX "alerts_open_fingerprint_key" ON "alerts"("fingerprint") WHERE "state" IN ('pending', 'firing');
CREATE UNIQUE INDEX "incidents_open_monitor_key" ON "incidents"("monitor_id") WHERE "resolved_at" IS NULL;
-- The worker's claim query reads only due pending rows.
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries"("next_attempt_at") WHERE "status" = 'pending';
