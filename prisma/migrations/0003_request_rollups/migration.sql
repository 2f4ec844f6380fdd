-- CreateEnum
CREATE TYPE "RequestGrain" AS ENUM ('minute', 'hour');

-- CreateTable
CREATE TABLE "request_rollups" (
    "grain" "RequestGrain" NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "route" TEXT NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "status_class" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL,
    "duration_sum_ms" DOUBLE PRECISION NOT NULL,
    "hist" JSONB NOT NULL,

    CONSTRAINT "request_rollups_pkey" PRIMARY KEY ("grain","bucket_start","route","method","status_class")
);


-- Each instance upserts its aggregates every few seconds: leave room for HOT updates of the current buckets.
ALTER TABLE "request_rollups" SET (fillfactor = 70);
