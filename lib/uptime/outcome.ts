import type { SafeFetchErrorCode } from "@/lib/net/safe-fetch";

/** What a monitor expects of a response. */
export type ProbeExpectation = { expectedStatus: number; bodyContains: string | null };
/** What came back: an answer (any status) or an error before a complete answer. */
export type ProbeReply =
  | { answer: { status: number; body: string; truncated: boolean } }
  | { failure: { code: SafeFetchErrorCode | "internal"; message: string } };
/** One check as stored in probe_results. */
export type ProbeOutcome = { ok: boolean; statusCode: number | null; latencyMs: number | null; error: string | null };

const MAX_ERROR = 500; // probe_results.error is varchar(500)
const LABELS: Record<SafeFetchErrorCode | "internal", string> = {
  timeout: "Timeout",
  dns: "DNS error",
  network: "Network error",
  blocked_address: "Blocked by the SSRF guard",
  too_many_redirects: "Too many redirects",
  bad_url: "Bad URL",
  internal: "Probe failed",
};

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Judges one probe: the status must equal the expected one and, when set, the body must contain the substring
 * (within the bytes read). Errors before a complete answer (timeout, DNS, refused, SSRF guard) are failures
 * without a status or latency. Every failure carries a reason a person can act on.
 */
export function evaluateProbe(expect: ProbeExpectation, reply: ProbeReply, latencyMs: number): ProbeOutcome {
  if ("failure" in reply) {
    const { code, message } = reply.failure;
    return { ok: false, statusCode: null, latencyMs: null, error: clip(`${LABELS[code]}: ${message}`, MAX_ERROR) };
  }
  const { status, body, truncated } = reply.answer;
  const latency = Math.round(latencyMs * 10) / 10;
  if (status !== expect.expectedStatus) {
    return {
      ok: false,
      statusCode: status,
      latencyMs: latency,
      error: `Expected HTTP ${expect.expectedStatus}, got ${status}`,
    };
  }
  if (expect.bodyContains && !body.includes(expect.bodyContains)) {
    const where = truncated ? ` in its first ${Math.round(Buffer.byteLength(body) / 1024)} KB` : "";
    return {
      ok: false,
      statusCode: status,
      latencyMs: latency,
      error: clip(
        `HTTP ${status}, but the body does not contain "${clip(expect.bodyContains, 80)}"${where}`,
        MAX_ERROR,
      ),
    };
  }
  return { ok: true, statusCode: status, latencyMs: latency, error: null };
}
