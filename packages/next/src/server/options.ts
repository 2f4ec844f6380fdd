export interface VigilServerOptions {
  /** Vigil's base URL ("https://vigil.example.com"); metrics go to `<endpoint>/v1/metrics`. Unset: a no-op. */
  endpoint?: string;
  /** The site's secret key (`sk_…`), sent as `x-vigil-key`. Unset: a no-op. */
  secretKey?: string;
  /** `service.name` of the resource; default OTEL_SERVICE_NAME, else npm's package name, else "next-app". */
  serviceName?: string;
  /** How often a delta is sent; default 10 000 ms (Vigil keeps minute rollups). */
  exportIntervalMillis?: number;
  /** Where `next build` wrote the app (its route manifest); default `<cwd>/.next`. */
  distDir?: string;
}

/** What registerVigil started; every call after the first returns the same one. */
export interface VigilServer {
  /** Sends what was recorded since the last export. */
  forceFlush(): Promise<void>;
  /** Stops recording, sends the rest and releases the SIGTERM hook. */
  shutdown(): Promise<void>;
}
