-- CreateTable
CREATE TABLE "client_error_rollups" (
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "route" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "client_error_rollups_pkey" PRIMARY KEY ("bucket_start","route")
);

