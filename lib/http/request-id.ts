// Edge-safe: used by proxy.ts. A valid W3C traceparent lends its trace id, so logs line up with traces.
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const REQUEST_ID = /^[\w-]{8,64}$/;

export function requestIdFrom(headers: Headers): string {
  const traceId = TRACEPARENT.exec(headers.get("traceparent")?.trim().toLowerCase() ?? "")?.[1];
  if (traceId && !/^0+$/.test(traceId)) return traceId;
  const given = headers.get("x-request-id");
  if (given && REQUEST_ID.test(given)) return given;
  return crypto.randomUUID().replaceAll("-", "");
}
