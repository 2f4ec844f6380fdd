import "server-only";
import { safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";
import { evaluateProbe, type ProbeOutcome } from "@/lib/uptime/outcome";
import type { Monitor } from "@/lib/uptime/monitor-repository";

export type ProbeTarget = Pick<
  Monitor,
  "url" | "method" | "timeoutMs" | "allowPrivate" | "expectedStatus" | "bodyContains"
>;
export type ProbeOptions = { isPublic?: (address: string) => boolean };

/** A timeout is never longer than this, whatever the row says: one run of the job must fit in a cron call. */
export const MAX_PROBE_TIMEOUT_MS = 30_000;
export const PROBE_BODY_BYTES = 64 * 1024;

/**
 * One HTTP check through the SSRF-guarded client: the monitor's method and timeout, at most 5 redirects (each
 * hop re-checked), the first 64 KB of the body. Never throws: any failure is an outcome with a reason.
 */
export async function probe(target: ProbeTarget, { isPublic }: ProbeOptions = {}): Promise<ProbeOutcome> {
  const started = performance.now();
  const timeoutMs = Math.max(1, Math.min(target.timeoutMs, MAX_PROBE_TIMEOUT_MS));
  try {
    if (!target.url) throw new SafeFetchError("bad_url", "the monitor has no URL");
    const answer = await safeFetch(target.url, {
      method: target.method,
      timeoutMs,
      allowPrivate: target.allowPrivate,
      maxRedirects: 5,
      maxBodyBytes: PROBE_BODY_BYTES,
      headers: { accept: "*/*", "cache-control": "no-cache" },
      ...(isPublic ? { isPublic } : {}),
    });
    return evaluateProbe(target, { answer }, performance.now() - started);
  } catch (err) {
    const failure =
      err instanceof SafeFetchError
        ? { code: err.code, message: err.message }
        : { code: "internal" as const, message: err instanceof Error ? err.message : String(err) };
    return evaluateProbe(target, { failure }, performance.now() - started);
  }
}
