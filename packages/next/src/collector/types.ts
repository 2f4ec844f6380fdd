// Beacon wire format v1 (docs/VITALS.md). Mirrors the server's zod schema without importing zod into the browser;
// queue.test.ts validates built beacons against lib/vitals/beacon-schema.ts so the two cannot drift silently.

export type MetricName = "LCP" | "INP" | "CLS" | "FCP" | "TTFB";
export type NavigationType =
  | "navigate"
  | "reload"
  | "back-forward"
  | "back-forward-cache"
  | "prerender"
  | "restore"
  | "soft-navigation";
export type Connection = "slow-2g" | "2g" | "3g" | "4g";
export type DeviceHint = "mobile" | "tablet" | "desktop";

export interface BeaconAttribution {
  target?: string;
  type?: string;
}

export interface BeaconMetric {
  name: MetricName;
  value: number;
  id: string;
  route?: string;
  attribution?: BeaconAttribution;
}

export interface VitalsBeacon {
  v: 1;
  /** The site's public key (`pk_…`); absent for pages served by Vigil itself. */
  site?: string;
  pageViewId: string;
  route: string;
  navigationType?: NavigationType;
  connection?: Connection;
  device?: DeviceHint;
  metrics: BeaconMetric[];
}

/** What the queue needs from a web-vitals report; attribution is already derived (see attribution.ts). */
export interface ReportedMetric {
  name: MetricName;
  value: number;
  id: string;
  navigationType?: NavigationType;
  navigationURL?: string;
  attribution?: BeaconAttribution;
}

/** Return the (possibly edited) beacon, or null to drop it. */
export type BeforeSend = (beacon: VitalsBeacon) => VitalsBeacon | null;

export interface VitalsCollectorOptions {
  /** Route template of the page being loaded, e.g. "/blog/[slug]". */
  route: string;
  /** Default "/api/v1/vitals"; may be absolute (another origin: a text/plain beacon needs no CORS preflight). */
  endpoint?: string;
  /** The site's public key (`pk_…`), sent as `site` in every beacon; leave it out on Vigil's own pages. */
  siteKey?: string;
  /** 0..1, default 1; decided once per page view. */
  sampleRate?: number;
  beforeSend?: BeforeSend;
  /** Default true; only has an effect in browsers that expose soft-navigation entries (Chromium 151+). */
  reportSoftNavs?: boolean;
}

export interface VitalsController {
  setRoute(template: string): void;
  flush(): void;
  stop(): void;
}

/** Set by an optional consumer (lib/analytics) to receive a copy of each beacon's JSON after it was sent. */
export interface VitalsListenerHost {
  vigilOnVitals?: (json: string) => void;
}
