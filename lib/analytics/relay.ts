import "server-only";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { clientIp, UNKNOWN_CLIENT } from "@/lib/http/client-ip";
import { readBodyLimited } from "@/lib/http/read-body";
import { requestLogger } from "@/lib/log/logger";
import { analyticsEnabled } from "./enabled";
import { FORWARDED_REQUEST_HEADERS, RETURNED_RESPONSE_HEADERS, relayTarget } from "./relay-target";

/** posthog-js batches stay far below this; replay (the large payloads) is off. */
export const RELAY_MAX_BODY_BYTES = 1_000_000;
const UPSTREAM_TIMEOUT_MS = 10_000;

async function readBody(request: Request, limit: number): Promise<ArrayBuffer | undefined> {
  if (!request.body) return undefined;
  const all = await readBodyLimited(request, limit);
  return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
}

/** Forwards one browser SDK request to PostHog (POSTHOG_HOST, or POSTHOG_ASSETS_HOST for assets). */
export async function relayToPostHog(request: Request, segments: string[]): Promise<Response> {
  // Switched off: accept and drop, so a page rendered before the switch does not retry.
  if (!analyticsEnabled()) return new Response(null, { status: 204 });
  const target = relayTarget(segments, new URL(request.url).search, { api: env.POSTHOG_HOST, assets: env.POSTHOG_ASSETS_HOST });
  if (!target) throw new AppError("not_found", "No such analytics endpoint.");

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // PostHog derives GeoIP from the sender; without this every visitor would be located at this server.
  const ip = clientIp(request.headers);
  if (ip !== UNKNOWN_CLIENT) headers.set("x-forwarded-for", ip);

  const body = request.method === "POST" ? await readBody(request, RELAY_MAX_BODY_BYTES) : undefined;
  let upstream: Response;
  try {
    upstream = await fetch(target, { method: request.method, headers, body, redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
  } catch (err) {
    requestLogger(request, { event: "analytics.relay" }).warn({ upstream: target.origin, err: (err as Error).name }, "analytics upstream unreachable");
    throw new AppError("unavailable", "The analytics service is unreachable.");
  }
  const out = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}
