-- Maintenance windows per site (issue 13): one-off or recurring (daily, weekly on some weekdays) in UTC, for the
-- whole site or some of its monitors. While one is active, alerts do not fire and uptime opens no incident;
-- uptime % and SLO budgets leave out the events inside them. And acknowledging an alert: who, when, a note.

CREATE TABLE "maintenance_windows" (
  "site_id" INTEGER NOT NULL,
  "id" BIGSERIAL NOT NULL,
  "title" VARCHAR(120) NOT NULL,
  -- The (first) occurrence: [starts_at, ends_at). Recurring windows repeat it at the same UTC time of day.
  "starts_at" TIMESTAMPTZ(3) NOT NULL,
  "ends_at" TIMESTAMPTZ(3) NOT NULL,
  "recurrence" VARCHAR(8) NOT NULL DEFAULT 'none',
  -- Weekly only: 0 = Sunday … 6 = Saturday (UTC).
  "weekdays" SMALLINT[] NOT NULL DEFAULT '{}',
  -- Recurring only: the last UTC day an occurrence may start on.
  "until" DATE,
  -- Empty: the whole site; otherwise only these monitors (ids).
  "monitor_ids" TEXT[] NOT NULL DEFAULT '{}',
  "created_by" VARCHAR(320),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("site_id", "id"),
  CONSTRAINT "maintenance_windows_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE,
  CONSTRAINT "maintenance_windows_order" CHECK ("ends_at" > "starts_at"),
  CONSTRAINT "maintenance_windows_recurrence" CHECK ("recurrence" IN ('none', 'daily', 'weekly'))
);
CREATE INDEX "maintenance_windows_id_idx" ON "maintenance_windows"("id");

ALTER TABLE "alerts"
  ADD COLUMN "acknowledged_at" TIMESTAMPTZ(3),
  ADD COLUMN "acknowledged_by" VARCHAR(320),
  ADD COLUMN "ack_note" VARCHAR(500);
