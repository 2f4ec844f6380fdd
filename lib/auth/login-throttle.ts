// Failed sign-ins per key (IP, email) in a sliding window; in memory, so per instance: enough to slow guessing.
export type ThrottleOptions = { maxFailures: number; windowMs: number; maxKeys?: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: ThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.options.maxFailures) return 0;
    return Math.max(0, recent[recent.length - this.options.maxFailures]! + this.options.windowMs - this.now());
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
    if (this.failures.size > (this.options.maxKeys ?? 10_000)) this.failures.delete(this.failures.keys().next().value!);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
