import type {
  BeaconMetric,
  BeforeSend,
  Connection,
  DeviceHint,
  NavigationType,
  ReportedMetric,
  VitalsBeacon,
} from "./types.js";

export const MAX_METRICS_PER_BEACON = 50;
const MAX_MS = 600_000;
const MAX_CLS = 100;
const MAX_ROUTE_LENGTH = 200;
const MAX_KNOWN_PATHS = 50;

export type Transport = (json: string) => void;

export interface VitalsQueueOptions {
  pageViewId: string;
  /** The site's public key, copied into every beacon. */
  site?: string;
  /** Route template of the hard navigation; every beacon carries it. */
  route: string;
  sampled: boolean;
  transport: Transport;
  beforeSend?: BeforeSend;
  /** Read at flush time: the effective connection type can change during a visit. */
  context?: () => { connection?: Connection; device?: DeviceHint };
}

export interface VitalsQueue {
  add(metric: ReportedMetric): void;
  /** `pathname` (location.pathname) lets late soft-nav reports find the template of the URL they belong to. */
  setRoute(template: string, pathname?: string): void;
  flush(): void;
  readonly size: number;
}

export const isSampled = (rate: number, random: () => number = Math.random): boolean => random() < rate;

/** Coerces anything into what the server's RouteTemplate accepts: "/…", no whitespace, query or fragment. */
export function cleanRoute(route: string): string {
  const path = (route.split(/[?#]/)[0] ?? "").replace(/\s/g, "%20");
  return (path[0] === "/" ? path : `/${path}`).slice(0, MAX_ROUTE_LENGTH);
}

export function toBeaconMetric(m: ReportedMetric, route?: string): BeaconMetric | null {
  const cls = m.name === "CLS";
  const value = Math.max(0, cls ? Math.round(m.value * 1e4) / 1e4 : Math.round(m.value * 10) / 10);
  // NaN, Infinity or an absurd value would make the server refuse the whole beacon, so drop just this metric.
  if (!(value <= (cls ? MAX_CLS : MAX_MS))) return null;
  const out: BeaconMetric = { name: m.name, value, id: m.id.slice(0, 64) };
  if (route) out.route = route;
  const target = m.attribution?.target?.slice(0, 256);
  const type = m.attribution?.type?.slice(0, 64);
  if (target || type) {
    out.attribution = {};
    if (target) out.attribution.target = target;
    if (type) out.attribution.type = type;
  }
  return out;
}

function pathOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url, "http://x").pathname : undefined;
  } catch {
    return undefined;
  }
}

export function createVitalsQueue(o: VitalsQueueOptions): VitalsQueue {
  const landing = cleanRoute(o.route);
  let current = landing;
  const templateByPath = new Map<string, string>();
  const queued = new Map<string, { nav?: NavigationType; metric: BeaconMetric }>();

  // Soft-nav metrics are often finalised after the next navigation already happened, hence the URL lookup.
  // bfcache restores measure the page as it was left, i.e. the current route.
  const routeOf = (m: ReportedMetric): string | undefined => {
    if (m.navigationType === "back-forward-cache") return current;
    if (m.navigationType !== "soft-navigation") return undefined;
    const path = pathOf(m.navigationURL);
    return (path && templateByPath.get(path)) || current;
  };

  const send = (beacon: VitalsBeacon) => {
    try {
      const out = o.beforeSend ? o.beforeSend(beacon) : beacon;
      if (out?.metrics.length) o.transport(JSON.stringify(out));
    } catch {
      // A throwing beforeSend or transport must never reach the page.
    }
  };

  return {
    add(m) {
      const route = routeOf(m);
      // web-vitals reports a synthetic TTFB of 0 after soft navigations and bfcache restores; it would only
      // drag the TTFB percentiles down (rollups do not split by navigation type).
      if (!o.sampled || (route && m.name === "TTFB")) return;
      const metric = toBeaconMetric(m, route);
      if (metric) queued.set(m.id, { nav: m.navigationType, metric });
      else queued.delete(m.id);
    },
    setRoute(template, pathname) {
      current = cleanRoute(template);
      if (!pathname) return;
      templateByPath.delete(pathname);
      templateByPath.set(pathname, current);
      if (templateByPath.size > MAX_KNOWN_PATHS) templateByPath.delete(templateByPath.keys().next().value ?? "");
    },
    flush() {
      if (!queued.size) return;
      // One beacon per navigation type: the wire format has a single navigationType per beacon.
      const groups = new Map<NavigationType | undefined, BeaconMetric[]>();
      for (const { nav, metric } of queued.values()) {
        const group = groups.get(nav);
        if (group) group.push(metric);
        else groups.set(nav, [metric]);
      }
      queued.clear();
      let ctx: ReturnType<NonNullable<VitalsQueueOptions["context"]>> = {};
      try {
        ctx = o.context?.() ?? {};
      } catch {
        // Environment hints are optional.
      }
      for (const [nav, metrics] of groups) {
        for (let i = 0; i < metrics.length; i += MAX_METRICS_PER_BEACON) {
          const beacon: VitalsBeacon = {
            v: 1,
            pageViewId: o.pageViewId,
            route: landing,
            metrics: metrics.slice(i, i + MAX_METRICS_PER_BEACON),
          };
          if (o.site) beacon.site = o.site;
          if (nav) beacon.navigationType = nav;
          if (ctx.connection) beacon.connection = ctx.connection;
          if (ctx.device) beacon.device = ctx.device;
          send(beacon);
        }
      }
    },
    get size() {
      return queued.size;
    },
  };
}
