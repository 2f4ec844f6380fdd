// Failed sign-ins, in memory (so per instance). No budget is per email alone: an attacker could spend it and lock
// the owner out. Per address there is a hard cap across emails; per address+email a wait that doubles (ADR 0009).
export type ThrottlePolicy = {
  /** Sliding window of the per-address cap. */
  windowMs: number;
  maxFailuresPerAddress: number;
  /** Failures of one address+email before waits start, then baseDelayMs doubling up to maxDelayMs. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long an address+email streak is remembered after its last failure. */
  streakMemoryMs: number;
  maxKeys?: number;
};

export const LOGIN_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  maxFailuresPerAddress: 20,
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  streakMemoryMs: 24 * 60 * 60_000,
};

/** Reserved before the password is checked; unresolved it counts as a failure, so parallel guesses queue up too. */
export type Attempt = { ok: true; succeeded(): void; abandoned(): void } | { ok: false; retryAfterMs: number };

type Streak = { failures: number; last: number };

export class LoginThrottle {
  private readonly byAddress = new Map<string, number[]>();
  private readonly byPair = new Map<string, Streak>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `address` may try `email` again, or 0 when it may try now. */
  retryAfterMs(address: string, email: string): number {
    const now = this.now();
    const { maxFailuresPerAddress: max, windowMs } = this.policy;
    const recent = this.recent(address, now);
    const addressWait = recent.length < max ? 0 : recent[recent.length - max]! + windowMs - now;
    const streak = this.streak(address, email, now);
    const pairWait = streak ? streak.last + this.delayAfter(streak.failures) - now : 0;
    return Math.max(0, addressWait, pairWait);
  }

  /** Refused while a wait applies (refusals do not lengthen it); otherwise counted as a failure until resolved. */
  attempt(address: string, email: string): Attempt {
    const retryAfterMs = this.retryAfterMs(address, email);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    const at = this.recordFailure(address, email);
    let open = true;
    const refund = (clearStreak: boolean) => {
      if (!open) return;
      open = false;
      const times = this.byAddress.get(address);
      const i = times?.lastIndexOf(at) ?? -1;
      if (i >= 0) times!.splice(i, 1);
      const key = pairKey(address, email);
      const streak = this.byPair.get(key);
      if (clearStreak || (streak && streak.failures <= 1)) this.byPair.delete(key);
      else if (streak) streak.failures -= 1;
    };
    // Success ends the streak and refunds the address; it never resets the address cap (one's own account must
    // not buy more guesses at another). Abandoned (the check itself failed) just takes the attempt back.
    return { ok: true, succeeded: () => refund(true), abandoned: () => refund(false) };
  }

  private recordFailure(address: string, email: string): number {
    const now = this.now();
    touch(this.byAddress, address, [...this.recent(address, now), now], this.policy.maxKeys);
    const streak = this.streak(address, email, now);
    touch(
      this.byPair,
      pairKey(address, email),
      { failures: (streak?.failures ?? 0) + 1, last: now },
      this.policy.maxKeys,
    );
    return now;
  }

  private delayAfter(failures: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.policy;
    if (failures < freeFailures) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - freeFailures, 40));
  }

  private recent(address: string, now: number): number[] {
    const since = now - this.policy.windowMs;
    return (this.byAddress.get(address) ?? []).filter((t) => t > since).slice(-this.policy.maxFailuresPerAddress);
  }

  private streak(address: string, email: string, now: number): Streak | undefined {
    const streak = this.byPair.get(pairKey(address, email));
    return streak && now - streak.last < this.policy.streakMemoryMs ? streak : undefined;
  }
}

const pairKey = (address: string, email: string) => `${address}\n${email}`;

/** Re-inserts the key so the Map's order is least recently failed first; evicts from there beyond maxKeys. */
function touch<V>(map: Map<string, V>, key: string, value: V, maxKeys = 10_000): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > maxKeys) map.delete(map.keys().next().value!);
}
