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

export class RouteAdmission {
  private day = "";
  private known = new Set<string>();
  private loaded: Promise<void> = Promise.resolve();
  private full = false;
  private refreshedAt = 0;

  constructor(
    private readonly store: RouteStore,
    private readonly cap: number,
    private readonly now: () => number = Date.now,
    // Once full, routes admitted by other instances are picked up this often; unknown ones cost no query.
    private readonly refreshMs = 30_000,
  ) {}

  /** Maps each route to the route it is stored under (itself, or OTHER_ROUTE past the cap of `at`'s day). */
  async resolve(routes: readonly string[], at = this.now()): Promise<(route: string) => string> {
    const day = utcDay(at);
    if (day !== this.day) this.startDay(day);
    await this.loaded;
    const unknown = [...new Set(routes)].filter((r) => !this.known.has(r));
    if (unknown.length > 0 && !this.full) {
      const admitted = await this.store.admit(day, unknown, this.cap);
      if (day === this.day) admitted.forEach((r) => this.known.add(r));
      if (admitted.length < unknown.length) this.full = true;
    } else if (unknown.length > 0 && this.now() - this.refreshedAt >= this.refreshMs) {
      this.refreshedAt = this.now();
      (await this.store.load(day)).forEach((r) => this.known.add(r));
    }
    return (route) => (this.known.has(route) ? route : OTHER_ROUTE);
  }

  private startDay(day: string): void {
    this.day = day;
    this.known = new Set();
    this.full = false;
    this.refreshedAt = this.now();
    this.loaded = this.store.load(day).then(
      (routes) => {
        routes.forEach((r) => this.known.add(r));
        this.full = this.known.size >= this.cap;
      },
      (err: unknown) => {
        this.day = ""; // retry the load on the next call instead of failing every later one
        throw err;
      },
    );
  }
}
