// Bounded route cardinality for browser data: a route template becomes a stored route only while fewer than
// `cap` distinct routes have been admitted that UTC day; later ones share OTHER_ROUTE. Admissions live in
// Postgres (browser_routes), so every instance and restart agrees; this class caches them per process.
export const OTHER_ROUTE = "(other)";

export type RouteStore = {
  /** Every route admitted on `day` (YYYY-MM-DD). */
  load(day: string): Promise<string[]>;
  /** Admits as many of `routes` as the cap leaves room for; returns those admitted now or before. */
  admit(day: string, routes: readonly string[], cap: number): Promise<string[]>;
};

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export class RouteAdmission {
  private day = "";
  private known = new Set<string>();
  private loaded: Promise<void> = Promise.resolve();
  private full = false;
  private refreshedAt = 0;
  private dayStart = 0;
  private admitting: Promise<void> = Promise.resolve();
  private ready = false;
  private readonly mapper = (route: string) => (this.known.has(route) ? route : OTHER_ROUTE);
  private readonly settled = Promise.resolve(this.mapper);

  constructor(
    private readonly store: RouteStore,
    private readonly cap: number,
    private readonly now: () => number = Date.now,
    // Once full, routes admitted by other instances are picked up this often; unknown ones cost no query.
    private readonly refreshMs = 30_000,
  ) {}

  /** Maps each route to the route it is stored under (itself, or OTHER_ROUTE past the cap of `at`'s day). */
  resolve(routes: readonly string[], at = this.now()): Promise<(route: string) => string> {
    // Every beacon passes here: a day already loaded whose routes are all known answers without a query or a date.
    if (this.ready && at >= this.dayStart && at < this.dayStart + DAY_MS && routes.every((r) => this.known.has(r)))
      return this.settled;
    return this.resolveSlowly(routes, at);
  }

  private async resolveSlowly(routes: readonly string[], at: number): Promise<(route: string) => string> {
    const day = utcDay(at);
    if (day !== this.day) this.startDay(day);
    await this.loaded;
    const unknown = [...new Set(routes)].filter((r) => !this.known.has(r));
    if (unknown.length > 0 && !this.full) {
      // One admission at a time per instance, so concurrent requests cannot each see the last free place.
      const admitting = this.admitting.then(async () => {
        const still = unknown.filter((r) => !this.known.has(r));
        if (still.length === 0 || this.full) return;
        const admitted = await this.store.admit(day, still, this.cap);
        if (day === this.day) for (const r of admitted) this.known.add(r);
        if (admitted.length < still.length) this.full = true;
      });
      this.admitting = admitting.catch(() => undefined);
      await admitting;
    } else if (unknown.length > 0 && this.now() - this.refreshedAt >= this.refreshMs) {
      this.refreshedAt = this.now();
      for (const r of await this.store.load(day)) this.known.add(r);
    }
    return this.mapper;
  }

  private startDay(day: string): void {
    this.day = day;
    this.known = new Set();
    this.full = false;
    this.ready = false;
    this.dayStart = Date.parse(`${day}T00:00:00Z`);
    this.refreshedAt = this.now();
    this.loaded = this.store.load(day).then(
      (routes) => {
        for (const r of routes) this.known.add(r);
        this.full = this.known.size >= this.cap;
        if (this.day === day) this.ready = true;
      },
      (err: unknown) => {
        this.day = ""; // retry the load on the next call instead of failing every later one
        throw err;
      },
    );
  }
}
