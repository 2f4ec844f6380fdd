// Figures that are costly to compute and change slowly (a site's 30-day uptime and error budget) are kept per key:
// served as they are while fresh, served stale while one refresh runs in the background until they are too old,
// then computed again before answering. A failed refresh keeps the old value; a failed first load is not kept.

export type Cached<V> = { value: V; at: number };
type Entry<V> = Cached<V> & { refreshing: Promise<void> | null };

export class StaleWhileRevalidate<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly pending = new Map<K, Promise<Cached<V>>>();

  constructor(
    private readonly load: (key: K) => Promise<V>,
    private readonly opts: { freshMs: number; maxAgeMs: number; now?: () => number },
  ) {}

  private now() {
    return (this.opts.now ?? Date.now)();
  }

  async get(key: K): Promise<Cached<V>> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.at : Number.POSITIVE_INFINITY;
    if (entry && age < this.opts.freshMs) return { value: entry.value, at: entry.at };
    if (entry && age < this.opts.maxAgeMs) {
      entry.refreshing ??= this.compute(key).then(
        () => undefined,
        () => {
          entry.refreshing = null;
        },
      );
      return { value: entry.value, at: entry.at };
    }
    return this.compute(key);
  }

  /** Forgets every key not in `keys` (sites that were deleted). */
  retain(keys: Iterable<K>): void {
    const keep = new Set(keys);
    for (const key of this.entries.keys()) if (!keep.has(key)) this.entries.delete(key);
  }

  private compute(key: K): Promise<Cached<V>> {
    let running = this.pending.get(key);
    if (!running) {
      const at = this.now();
      running = this.load(key)
        .then((value) => {
          const cached = { value, at };
          this.entries.set(key, { ...cached, refreshing: null });
          return cached;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, running);
    }
    return running;
  }
}
