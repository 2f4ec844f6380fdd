-- Anonymous reports add up to 20,000 per request into one row per route-hour: an int column overflows (22003)
-- after about 107,000 reports, and every later report for that route-hour fails. bigint cannot be reached.
ALTER TABLE "client_error_rollups" ALTER COLUMN "count" SET DATA TYPE BIGINT;
