import "server-only";
import { env } from "@/lib/env.js";
import { rateLimited, unavailable } from "@/lib/errors";
import { GroupCommitter, OverloadedError } from "@/lib/ingest/group-commit";
import { RateLimiter } from "@/lib/ingest/rate-limit";
import type { VitalsBeacon } from "@/lib/vitals/beacon-schema";
import type { ClientContext } from "@/lib/vitals/enrich";
import { observeAcceptedBeacon } from "@/lib/telemetry/ingest-metrics";
import { rate } from "@/lib/vitals/metrics";
import { normalizeRoute } from "@/lib/vitals/route-normalize";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";

type IngestState = { committer: GroupCommitter<VitalRow>; limiter: RateLimiter };
// One committer and limiter per process, shared by every bundle that loads this module.
const globalForIngest = globalThis as typeof globalThis & { __vigilIngest?: IngestState };

function state(): IngestState {
  return (globalForIngest.__vigilIngest ??= {
    committer: new GroupCommitter<VitalRow>((rows) => insertVitalsBatch(rows), { maxRows: 2_000, lingerMs: 2, maxQueuedRows: 50_000 }),
    limiter: new RateLimiter(env.VIGIL_INGEST_RATE_PER_MINUTE),
  });
}

/** Throws a 429 AppError (Retry-After) when the client is over its beacon budget. */
export function checkIngestRate(ip: string): void {
  const retryAfterSeconds = state().limiter.take(ip);
  if (retryAfterSeconds > 0) throw rateLimited(retryAfterSeconds, `Too many beacons from this address. Retry in ${retryAfterSeconds} s.`);
}

export function toRows(beacon: VitalsBeacon, client: ClientContext, now: Date): VitalRow[] {
  const device = client.device ?? beacon.device ?? "unknown";
  return beacon.metrics.map((m) => ({
    ts: now,
    metric: m.name,
    value: m.value,
    rating: rate(m.name, m.value),
    route: normalizeRoute(m.route ?? beacon.route),
    device,
    browser: client.browser,
    country: client.country,
    navigationType: beacon.navigationType ?? null,
    connection: beacon.connection ?? null,
    pageViewId: beacon.pageViewId,
    metricId: m.id,
    attributionTarget: m.attribution?.target ?? null,
    attributionType: m.attribution?.type ?? null,
  }));
}

/** Stores a validated beacon; resolves with the number of rows once they are committed. */
export async function ingestVitals(beacon: VitalsBeacon, client: ClientContext, now = new Date()): Promise<number> {
  const rows = toRows(beacon, client, now);
  try {
    await state().committer.submit(rows);
  } catch (err) {
    if (err instanceof OverloadedError) throw unavailable("Vigil is busy storing beacons; retry shortly.", 1);
    throw err;
  }
  observeAcceptedBeacon(rows);
  return rows.length;
}
