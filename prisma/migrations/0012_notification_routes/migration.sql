-- Notification routing (issue 13): a route sends one site's events of one severity to one channel. A site with no
-- route of its own keeps the old rule (every enabled channel gets every event), so a fresh install still notifies.
-- Email channels (SMTP): `url` holds smtp(s)://[user@]host:port, `secret` the password, plus sender and recipients.

CREATE TYPE "NotificationSeverity" AS ENUM ('page', 'ticket', 'budget', 'info');

CREATE TABLE "notification_routes" (
  "site_id" INTEGER NOT NULL,
  "severity" "NotificationSeverity" NOT NULL,
  "channel_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notification_routes_pkey" PRIMARY KEY ("site_id", "severity", "channel_id"),
  CONSTRAINT "notification_routes_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "notification_routes_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Deleting a channel removes its routes (cascade): that lookup needs its own index.
CREATE INDEX "notification_routes_channel_id_idx" ON "notification_routes"("channel_id");

-- Not used in this transaction (Postgres forbids using a value added in the same one), only stored later.
ALTER TYPE "ChannelKind" ADD VALUE 'email';
ALTER TABLE "notification_channels"
  ADD COLUMN "email_from" VARCHAR(320),
  ADD COLUMN "email_to" TEXT[] NOT NULL DEFAULT '{}';
