-- Incident timeline and public status pages (issue 13, part E). An incident's updates are notes of an admin: a
-- status label and a text, public (shown on the site's status page) or internal. A site's status page is opt-in.

CREATE TABLE "incident_updates" (
  "site_id" INTEGER NOT NULL,
  "id" BIGSERIAL NOT NULL,
  "incident_id" BIGINT NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "author" VARCHAR(320) NOT NULL,
  "status" VARCHAR(40) NOT NULL,
  "body" VARCHAR(2000) NOT NULL,
  "public" BOOLEAN NOT NULL DEFAULT false,
  CONSTRAINT "incident_updates_pkey" PRIMARY KEY ("site_id", "id"),
  CONSTRAINT "incident_updates_incident_fkey" FOREIGN KEY ("site_id", "incident_id")
    REFERENCES "incidents"("site_id", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "incident_updates_site_id_incident_id_at_idx" ON "incident_updates"("site_id", "incident_id", "at");

ALTER TABLE "sites"
  ADD COLUMN "status_page" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "status_title" VARCHAR(120),
  ADD COLUMN "status_description" VARCHAR(500);
