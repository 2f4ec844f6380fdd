import "server-only";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "@/lib/http/read-body";

/** Envelopes above this are refused (413); Sentry's own per-envelope limit for browser events is far above real errors. */
export const MAX_ENVELOPE_BYTES = 1_000_000;

export type SentryTarget = { origin: string; host: string; pathPrefix: string; projectId: string };

/** Host, path prefix and project of a DSN such as https://key@o1.ingest.sentry.io/42 or http://public@127.0.0.1:3521/1. */
export function parseDsn(dsn: string): SentryTarget | undefined {
  let url: URL;
  try {
    url = new URL(dsn);
  } catch {
    return undefined;
  }
  const parts = url.pathname.split("/").filter(Boolean);
  const projectId = parts.pop();
  if (!projectId || !/^\d+$/.test(projectId) || !/^https?:$/.test(url.protocol)) return undefined;
  const pathPrefix = parts.length ? `/${parts.join("/")}` : "";
  return { origin: url.origin, host: url.host, pathPrefix, projectId };
}

/** Checks the envelope header's DSN against the configured one (exact host and project) and returns where to forward. */
export function envelopeTarget(envelope: Uint8Array, configured: SentryTarget): URL {
  const newline = envelope.indexOf(10);
  const headerText = Buffer.from(envelope.subarray(0, newline === -1 ? envelope.length : newline)).toString("utf8");
  let header: unknown;
  try {
    header = JSON.parse(headerText);
  } catch {
    throw new AppError("bad_request", "The envelope header is not valid JSON.");
  }
  const dsn =
    typeof header === "object" && header !== null && "dsn" in header && typeof header.dsn === "string"
      ? parseDsn(header.dsn)
      : undefined;
  if (
    !dsn ||
    dsn.host !== configured.host ||
    dsn.projectId !== configured.projectId ||
    dsn.pathPrefix !== configured.pathPrefix
  ) {
    throw new AppError("bad_request", "The envelope is not for this application's Sentry project.");
  }
  return new URL(`${configured.origin}${configured.pathPrefix}/api/${configured.projectId}/envelope/`);
}

/** Reads at most MAX_ENVELOPE_BYTES of the body; a larger one is refused without buffering the rest. */
export async function readEnvelope(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const body = await readBodyLimited(request, MAX_ENVELOPE_BYTES, "envelope");
  if (body.byteLength === 0) throw new AppError("bad_request", "The body is empty.");
  return new Uint8Array(body);
}

/** Forwards a browser envelope to the configured Sentry host; the upstream status is passed back, its body is not. */
export async function forwardEnvelope(request: Request, dsn: string | undefined): Promise<number> {
  const configured = dsn ? parseDsn(dsn) : undefined;
  if (!configured) throw new AppError("not_found", "Error reporting is not configured.");
  const envelope = await readEnvelope(request);
  const target = envelopeTarget(envelope, configured);
  const upstream = await fetch(target, {
    method: "POST",
    body: envelope,
    headers: { "content-type": "application/x-sentry-envelope" },
    signal: AbortSignal.timeout(10_000),
  });
  await upstream.body?.cancel().catch(() => {});
  return upstream.status;
}
