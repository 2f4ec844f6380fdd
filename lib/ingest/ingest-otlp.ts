import "server-only";
import { pgPool } from "@/lib/db";
import { rateLimited } from "@/lib/errors";
import { RateLimiter } from "@/lib/http/rate-limit";
import { storedRoutes } from "@/lib/ingest/browser-limits";
import { lockStreamStates, saveStreamStates } from "@/lib/ingest/otlp-stream-repository";
import {
  convertRequestDurations,
  decodeMetricsRequest,
  encodeExportResponse,
  extractRequestDurations,
  StreamState,
} from "@/lib/otlp";
import { processSingleton } from "@/lib/process-singleton";
import { hourRowsOf } from "@/lib/telemetry/request-aggregator";
import { upsertRequestRollups } from "@/lib/telemetry/request-rollup-repository";

// An SDK exports every 10–60 s per process; this leaves room for hundreds of app instances per site and stops one
// site's misbehaving exporter from crowding out the others (each export may cost tens of ms of CPU).
const EXPORTS_PER_SITE_PER_MINUTE = 1_200;
const limiter = () => processSingleton("otlpLimiter", () => new RateLimiter(EXPORTS_PER_SITE_PER_MINUTE));

export type OtlpIngestResult = { body: Uint8Array; contentType: string; requests: number; points: number };

/**
 * One OTLP/HTTP metrics export of a site: decoded and bounded (lib/otlp), its request-duration points capped to the
 * site's daily routes, cumulative streams turned into deltas against their stored state, and the minute and hour
 * request rollups written with the new states in one transaction. Refusals are AppErrors; nothing is stored then.
 */
export async function ingestOtlpMetrics(
  site: { id: number; createdAt: Date },
  body: Uint8Array,
  headers: { contentType: string | null; contentEncoding: string | null },
  now = new Date(),
): Promise<OtlpIngestResult> {
  const wait = limiter().take(String(site.id));
  if (wait > 0) throw rateLimited(wait, `Too many exports for this site. Retry in ${wait} s.`);
  const { format, request } = await decodeMetricsRequest(body, headers);
  const { points } = extractRequestDurations(request);
  const stored = await storedRoutes(site.id, [...new Set(points.map((p) => p.route))], now);
  const capped = points.map((p) => ({ ...p, route: stored(p.route) }));
  const cumulative = capped.filter((p) => p.temporality === "cumulative").map((p) => p.streamKey);

  const client = await pgPool().connect();
  let broken: Error | undefined;
  let result: ReturnType<typeof convertRequestDurations>;
  try {
    await client.query("BEGIN");
    const previous = new Map<string, StreamState>();
    for (const [key, state] of await lockStreamStates(client, site.id, cumulative)) {
      const parsed = StreamState.safeParse(state);
      if (parsed.success) previous.set(key, parsed.data);
    }
    result = convertRequestDurations(capped, previous, {
      now: now.getTime(),
      // Streams that began before the site existed only set their baseline, so an app's history is not dumped into
      // the first minute Vigil hears of it.
      horizonNs: BigInt(site.createdAt.getTime()) * 1_000_000n,
    });
    await upsertRequestRollups(site.id, [...result.rows, ...hourRowsOf(result.rows)], client);
    await saveStreamStates(client, site.id, result.states);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
    throw err;
  } finally {
    client.release(broken);
  }
  const rejected = result.stats.outOfWindow + result.stats.tooLarge;
  const response = encodeExportResponse(
    format,
    rejected > 0
      ? { rejectedDataPoints: rejected, errorMessage: "points ending more than 24 h ago or in the future were dropped" }
      : undefined,
  );
  return { ...response, requests: result.stats.requests, points: result.stats.points };
}
