// Edge-safe: used by proxy.ts and by the Node server hook. A valid W3C traceparent lends its trace id, so logs,
// the x-trace-id response header and OpenTelemetry spans line up.
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const REQUEST_ID = /^[\w-]{8,64}$/;
const MAX_HEADER = 512; // a hostile header is not worth a regex run

type HeaderValue = string | string[] | null | undefined;
const first = (v: HeaderValue) => (Array.isArray(v) ? v[0] : v);

export function requestIdOf(traceparent: HeaderValue, given: HeaderValue): string {
  const tp = first(traceparent);
  if (tp && tp.length <= MAX_HEADER) {
    const traceId = TRACEPARENT.exec(tp.trim().toLowerCase())?.[1];
    if (traceId && !/^0+$/.test(traceId)) return traceId;
  }
  const id = first(given);
  if (id && id.length <= 64 && REQUEST_ID.test(id)) return id;
  return crypto.randomUUID().replaceAll("-", "");
}

export function requestIdFrom(headers: Headers): string {
  return requestIdOf(headers.get("traceparent"), headers.get("x-request-id"));
}
