import "server-only";
import { env } from "@/lib/env.js";
import { AppError, forbidden } from "@/lib/errors";
import { clientIp, UNKNOWN_CLIENT } from "@/lib/http/client-ip";
import { readBodyLimited } from "@/lib/http/read-body";
import { requestLogger } from "@/lib/log/logger";
import { analyticsEnabled } from "./enabled";
import { judgeRelayKeys, pathKey, relayedKeys } from "./relay-key";
import { decodeRelayBody } from "./relay-payload";
import { FORWARDED_REQUEST_HEADERS, RETURNED_RESPONSE_HEADERS, relayTarget } from "./relay-target";

/** posthog-js batches stay far below this; replay (the large payloads) is off. */
export const RELAY_MAX_BODY_BYTES = 1_000_000;
const UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * Only this instance's project passes, so the relay cannot carry anyone else's events: the body is decoded as
 * PostHog would read it and every key in it, the query and the path must be NEXT_PUBLIC_POSTHOG_KEY.
 */
async function checkProjectKey(request: Request, segments: string[], body: Buffer, expected: string): Promise<void> {
  if (segments[0] === "static") return; // SDK extension scripts: the same for every project
  const inPath = pathKey(segments);
  const query = new URL(request.url).searchParams;
  let keys: unknown[];
  if (inPath !== null) keys = [inPath];
  else {
    const { form, payload } = await decodeRelayBody(body, query, request.headers.get("content-encoding"));
    keys = relayedKeys(query, form, payload);
  }
  const verdict = judgeRelayKeys(keys, expected);
  if (verdict === "missing") throw new AppError("bad_request", "The request names no PostHog project key.");
  if (verdict === "foreign") throw forbidden("This relay only forwards events of this instance's PostHog project.");
}

/** Forwards one browser SDK request to PostHog (POSTHOG_HOST, or POSTHOG_ASSETS_HOST for assets). */
export async function relayToPostHog(request: Request, segments: string[]): Promise<Response> {
  // Switched off: accept and drop, so a page rendered before the switch does not retry.
  if (!analyticsEnabled()) return new Response(null, { status: 204 });
  const target = relayTarget(segments, new URL(request.url).search, {
    api: env.POSTHOG_HOST,
    assets: env.POSTHOG_ASSETS_HOST,
  });
  if (!target) throw new AppError("not_found", "No such analytics endpoint.");

  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // PostHog derives GeoIP from the sender; without this every visitor would be located at this server.
  const ip = clientIp(request.headers);
  if (ip !== UNKNOWN_CLIENT) headers.set("x-forwarded-for", ip);

  const body = request.method === "POST" ? await readBodyLimited(request, RELAY_MAX_BODY_BYTES) : Buffer.alloc(0);
  await checkProjectKey(request, segments, body, env.NEXT_PUBLIC_POSTHOG_KEY!);
  let upstream: Response;
  try {
    // Forwarded byte for byte: what PostHog receives is exactly what was checked.
    const sent = request.method === "POST" ? new Uint8Array(body) : undefined;
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: sent,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (err) {
    requestLogger(request, { event: "analytics.relay" }).warn(
      { upstream: target.origin, err: (err as Error).name },
      "analytics upstream unreachable",
    );
    throw new AppError("unavailable", "The analytics service is unreachable.");
  }
  const out = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}
