import "server-only";
import pLimit from "p-limit";
import { processSingleton } from "@/lib/process-singleton";
import { StaleWhileRevalidate } from "@/lib/overview/stale-cache";
import type { RequestTotals } from "@/lib/requests/read-model";
import { listSites } from "@/lib/sites/sites";
import { loadBudgetOverview, type BudgetOverview } from "@/lib/slo/report";
import { readRequestAgg } from "@/lib/slo/request-source-repository";
import type { RequestSelection } from "@/lib/slo/selection";
import { rangeEndingAt, segmentsOf } from "@/lib/slo/windows";
import { loadUptimeSummary, type UptimeSummary } from "@/lib/uptime/uptime-report";
import { percentiles } from "@/lib/vitals/histogram";
import { summaryByMetric, type Summary } from "@/lib/vitals/read-model";
import { readWindowRollups } from "@/lib/vitals/rollup-repository";
import { windowPlanFor } from "@/lib/vitals/window";

/** A site's headline figures, as its Overview shows them. */
export type SiteFigures = {
  /** Server requests over 24 h (5xx share, p95); null when they could not be read. */
  requests24h: Pick<RequestTotals, "requests" | "errors" | "errorRate" | "p95"> | null;
  /** LCP p75 over 24 h; null when it could not be read. */
  lcp24h: Summary | null;
  /** The enabled monitor with the lowest 30-day uptime; null without monitors (or `uptimeError`). */
  uptime30d: UptimeSummary;
  uptimeError: boolean;
  /** The SLO with the least error budget left; null when it could not be read. */
  errorBudget: BudgetOverview | null;
};
/** One row of /admin/sites, which any signed-in user may read: the site's name and slug (no key) and its figures. */
export type SiteHealth = SiteFigures & { slug: string; name: string };
/** `asOf`: when the oldest figures on the page were measured. */
export type AllSites = { asOf: string; freshSeconds: number; sites: SiteHealth[] };

const EVERY_REQUEST: RequestSelection = { routes: [], prefix: null, methods: [], exclude: [] };

/**
 * The Overview's 24 h request figures (the same minute-aligned window as loadRequestTotals), read the way SLOs read
 * requests: hourly rows for the whole hours, minute rows only for the partial hours at the edges. Same figures
 * from ~1/30 of the rows.
 */
async function readRequests24h(siteId: number, now: Date): Promise<SiteFigures["requests24h"]> {
  const range = rangeEndingAt(now, 24 * 60);
  const agg = await readRequestAgg(siteId, EVERY_REQUEST, segmentsOf(range, range.from), true);
  const [p95 = null] = percentiles(agg.hist, [0.95]);
  return { requests: agg.total, errors: agg.bad, errorRate: agg.total > 0 ? agg.bad / agg.total : null, p95 };
}

/** One site's figures from the per-site read models; a part that cannot be read is null, not a failed page. */
export async function loadSiteFigures(siteId: number, now = new Date()): Promise<SiteFigures> {
  const [requests24h, lcp24h, errorBudget, uptime] = await Promise.all([
    readRequests24h(siteId, now).catch(() => null),
    readWindowRollups(siteId, windowPlanFor("24h", now), { metric: "LCP" }).then(
      (rows) => summaryByMetric(rows, 0.75).LCP,
      () => null,
    ),
    loadBudgetOverview(siteId, undefined, now).catch(() => null),
    loadUptimeSummary(siteId, now).then(
      (summary) => ({ summary, error: false }),
      () => ({ summary: null, error: true }),
    ),
  ]);
  return { requests24h, lcp24h, uptime30d: uptime.summary, uptimeError: uptime.error, errorBudget };
}

// A busy site's figures cost ~0.1–0.2 s of database time (30 days of probes and SLO rollups), so the page keeps
// them: fresh for FRESH_MS, then served while one refresh runs, recomputed first once older than MAX_AGE_MS. A few
// sites are computed at a time, so a cold page never takes every pooled connection from the requests beside it.
const FRESH_MS = 30_000;
const MAX_AGE_MS = 10 * 60_000;
const SITES_AT_ONCE = 4;

const figureCache = () =>
  processSingleton("allSitesFigures", () => {
    const limit = pLimit(SITES_AT_ONCE);
    return new StaleWhileRevalidate<number, SiteFigures>((siteId) => limit(() => loadSiteFigures(siteId)), {
      freshMs: FRESH_MS,
      maxAgeMs: MAX_AGE_MS,
    });
  });

/** Read model of /admin/sites: every site, in the order they were created, with its Overview's headline figures. */
export async function loadAllSites(): Promise<AllSites> {
  const sites = await listSites();
  const cache = figureCache();
  cache.retain(sites.map((s) => s.id));
  const figures = await Promise.all(sites.map((s) => cache.get(s.id)));
  const asOf = Math.min(Date.now(), ...figures.map((f) => f.at));
  return {
    asOf: new Date(asOf).toISOString(),
    freshSeconds: FRESH_MS / 1000,
    sites: sites.map((s, i) => ({ slug: s.slug, name: s.name, ...figures[i]!.value })),
  };
}
