/** Client address for rate limits: the first X-Forwarded-For hop behind a proxy; "local" when there is none. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) || headers.get("x-real-ip")?.slice(0, 64) || "local";
}
