-- SLOs at run time (issue 13): each site's SLO specs live here, validated with lib/slo/spec.ts on write and read.
-- Changing an SLO's objective or SLI starts a new version (kept in slo_spec_versions); budgets measure the current
-- version from its start. config/slos.ts becomes the defaults a new site gets; every existing site gets them now.

CREATE TABLE "slo_specs" (
  "site_id" INTEGER NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE,
  "slo" VARCHAR(63) NOT NULL,
  -- The whole spec as lib/slo/spec.ts parses it (defaults filled in); "slo" repeats its id for the key.
  "spec" JSONB NOT NULL,
  "paused" BOOLEAN NOT NULL DEFAULT false,
  "version" INTEGER NOT NULL DEFAULT 1,
  "version_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  -- Display order: creation order within a site.
  "position" SERIAL NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "slo_specs_pkey" PRIMARY KEY ("site_id", "slo")
);

CREATE TABLE "slo_spec_versions" (
  "site_id" INTEGER NOT NULL,
  "slo" VARCHAR(63) NOT NULL,
  "version" INTEGER NOT NULL,
  "spec" JSONB NOT NULL,
  "started_at" TIMESTAMPTZ(3) NOT NULL,
  "ended_at" TIMESTAMPTZ(3),
  CONSTRAINT "slo_spec_versions_pkey" PRIMARY KEY ("site_id", "slo", "version"),
  CONSTRAINT "slo_spec_versions_slo_fkey" FOREIGN KEY ("site_id", "slo")
    REFERENCES "slo_specs"("site_id", "slo") ON UPDATE CASCADE ON DELETE CASCADE
);

-- The defaults of config/slos.ts as lib/slo/spec.ts parses them (tests/integration/migration-slo-store proves it),
-- seeded for every site that exists, in config order. Version 1 started with the site.
INSERT INTO "slo_specs" ("site_id", "slo", "spec", "version_started_at", "created_at")
SELECT s."id", d."slo", d."spec"::jsonb, s."created_at", s."created_at"
FROM "sites" s
CROSS JOIN (VALUES
  (1, 'api-availability', '{"id":"api-availability","name":"API availability","description":"Share of API requests answered without a server error (5xx).","objective":0.999,"window":"30d","owner":"platform","runbookUrl":"RUNBOOK.md#api-availability","alerting":{"minEvents":100,"absentMinutes":60},"kind":"availability","routes":[],"routePrefix":"/api/","methods":[]}'),
  (2, 'request-latency', '{"id":"request-latency","name":"Request latency","description":"95 % of requests complete in under 400 ms (server time).","objective":0.95,"window":"30d","owner":"platform","runbookUrl":"RUNBOOK.md#request-latency","alerting":{"minEvents":100,"absentMinutes":60},"kind":"latency","routes":[],"methods":[],"thresholdMs":400}'),
  (3, 'lcp-good', '{"id":"lcp-good","name":"LCP good ratio","description":"At least 75 % of page views have a good Largest Contentful Paint (≤ 2.5 s).","objective":0.75,"window":"30d","owner":"frontend","runbookUrl":"RUNBOOK.md#lcp-good","alerting":{"minEvents":50,"absentMinutes":0},"kind":"vitals","metric":"LCP","route":"*","device":"all"}'),
  (4, 'uptime', '{"id":"uptime","name":"Uptime","description":"The built-in probe of /api/health/ready succeeds 99.9 % of the time.","objective":0.999,"window":"30d","owner":"platform","runbookUrl":"RUNBOOK.md#uptime","alerting":{"minEvents":10,"absentMinutes":15},"kind":"uptime","monitor":"vigil"}')
) AS d("n", "slo", "spec")
ORDER BY s."id", d."n";

-- Vigil's own site also measures its notification deliveries (lib/notify/deliver.ts reports each final outcome):
-- `vigilOwnSlos` of config/slos.ts.
INSERT INTO "slo_specs" ("site_id", "slo", "spec", "version_started_at", "created_at")
SELECT "id", 'notification-deliveries', '{"id":"notification-deliveries","name":"Notification deliveries","description":"Share of Vigil''s notifications delivered to their channel, counted at each delivery''s final outcome (delivered, or given up).","objective":0.99,"window":"30d","owner":"platform","runbookUrl":"RUNBOOK.md#notification-deliveries","alerting":{"minEvents":20,"absentMinutes":0},"kind":"custom"}'::jsonb, "created_at", "created_at"
FROM "sites" WHERE "id" = 1;

INSERT INTO "slo_spec_versions" ("site_id", "slo", "version", "spec", "started_at")
SELECT "site_id", "slo", 1, "spec", "version_started_at" FROM "slo_specs";
