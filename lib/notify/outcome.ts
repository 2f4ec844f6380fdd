import { DELIVERY_POLICY, retryAfterMs, retryDelayMs, type DeliveryPolicy } from "@/lib/notify/backoff";

/** What one send produced: a response (any status), an SMTP reply, or a failure before one arrived. */
export type SendResult =
  | { kind: "response"; status: number; retryAfter?: string; body?: string }
  | { kind: "smtp"; code: number; message: string }
  | {
      kind: "error";
      code: "bad_url" | "blocked_address" | "dns" | "timeout" | "too_many_redirects" | "network";
      message: string;
    };

/** delivered; transient (worth the full schedule); permanent (a few tries, then dead); fatal (dead at once). */
export type Verdict = "delivered" | "transient" | "permanent" | "fatal";

const TRANSIENT_STATUS = new Set([408, 425, 429]);

/**
 * 2xx delivered. 408/425/429/5xx, timeouts, DNS and network errors are transient. Other 4xx and 3xx (redirects are
 * not followed: a signed POST must not move to another host) and refused private addresses are permanent: a
 * receiver being deployed may 404 for a minute, so they get a few tries. 410 Gone and an unusable URL are fatal.
 */
export function verdictOf(result: SendResult): Verdict {
  if (result.kind === "error") {
    if (result.code === "bad_url") return "fatal";
    if (result.code === "blocked_address") return "permanent";
    return "transient";
  }
  // SMTP says it itself: 2xx accepted, 4xx try again later, 5xx refused (a few tries: a mailbox being set up).
  if (result.kind === "smtp") return result.code < 300 ? "delivered" : result.code < 500 ? "transient" : "permanent";
  const { status } = result;
  if (status >= 200 && status < 300) return "delivered";
  if (status >= 500 || TRANSIENT_STATUS.has(status)) return "transient";
  if (status === 410) return "fatal";
  return "permanent";
}

export type NextStep =
  | { outcome: "delivered"; lastStatus: number }
  | { outcome: "retry"; lastStatus: number | null; error: string; nextAttemptAt: Date }
  | { outcome: "dead"; lastStatus: number | null; error: string };

const ERROR_MAX = 500;
const BODY_SNIPPET = 200;

/** A short, URL-free account of the failure for last_error (receivers' own words included, trimmed). */
export function describeFailure(result: SendResult): string {
  if (result.kind === "error") return `${result.code}: ${result.message}`.slice(0, ERROR_MAX);
  if (result.kind === "smtp")
    return `SMTP ${result.code}: ${result.message.replace(/\s+/g, " ").trim()}`.slice(0, ERROR_MAX);
  const body = (result.body ?? "").replace(/\s+/g, " ").trim().slice(0, BODY_SNIPPET);
  return `HTTP ${result.status}${body ? `: ${body}` : ""}`.slice(0, ERROR_MAX);
}

/** What to do with a delivery after its `attempt`-th try produced `result`. */
export function nextStep(
  result: SendResult,
  attempt: number,
  now: Date,
  random: () => number = Math.random,
  policy: DeliveryPolicy = DELIVERY_POLICY,
): NextStep {
  const verdict = verdictOf(result);
  const lastStatus = result.kind === "response" ? result.status : result.kind === "smtp" ? result.code : null;
  if (verdict === "delivered") return { outcome: "delivered", lastStatus: lastStatus! };
  const error = describeFailure(result);
  const limit =
    verdict === "transient"
      ? policy.maxAttempts
      : verdict === "permanent"
        ? Math.min(policy.maxPermanentAttempts, policy.maxAttempts)
        : 1;
  if (attempt >= limit) return { outcome: "dead", lastStatus, error };
  let delay = retryDelayMs(attempt, random, policy);
  const asked = result.kind === "response" ? retryAfterMs(result.retryAfter, now) : null;
  if (asked !== null) delay = Math.min(policy.maxDelayMs, Math.max(delay, asked));
  return { outcome: "retry", lastStatus, error, nextAttemptAt: new Date(now.getTime() + delay) };
}
