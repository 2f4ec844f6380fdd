/** When the outbox gives up, how long it waits between tries, and how long a claimed row stays locked. */
export const DELIVERY_POLICY = {
  /** Tries per delivery before it turns dead (about 3 h of retries with the schedule below). */
  maxAttempts: 10,
  /** Receivers that answer with a permanent-looking error (4xx, redirect, refused address) get this many tries. */
  maxPermanentAttempts: 3,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  /** ± share of the delay, so receivers that failed together are not retried in lock-step. */
  jitter: 0.2,
  /** A claimed row is the claimer's for this long: far above the send timeout, so only a crashed worker loses it. */
  leaseMs: 60_000,
  sendTimeoutMs: 10_000,
} as const;

export type DeliveryPolicy = typeof DELIVERY_POLICY;

/**
 * Delay before the next try after `attempt` tries failed (1-based): 30 s · 2^(attempt−1), at most 1 h, then
 * ± jitter. `random` is in [0, 1); 0.5 gives the exact middle of the schedule.
 */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
  policy: Pick<DeliveryPolicy, "baseDelayMs" | "maxDelayMs" | "jitter"> = DELIVERY_POLICY,
): number {
  const n = Math.max(1, Math.floor(attempt));
  const exact = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n - 1, 30));
  const spread = (random() * 2 - 1) * policy.jitter;
  return Math.round(Math.min(policy.maxDelayMs, exact * (1 + spread)));
}

/**
 * Seconds or an HTTP date from a Retry-After header, as a delay in ms (null when absent or unreadable). Used as a
 * floor under the backoff, never above the 1 h cap.
 */
export function retryAfterMs(header: string | undefined, now: Date): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d{1,7}$/.test(value)) return Number(value) * 1000;
  // HTTP dates only (IMF-fixdate): Date.parse alone would read "-5" as a year.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
