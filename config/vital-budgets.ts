import type { DefaultVitalBudget } from "@/lib/vitals/budget-spec";

// The web-vitals budgets the Prometheus rules in monitoring/ alert on (`npm run monitoring:generate`), from the
// seeds: "p95 LCP > 2.5 s for 5 minutes" and "p95 TTFB > 2 s for 5 minutes". In the app, budgets are per site
// (Web Vitals page); these are what a site would add to get the same alerts. Field reference: docs/VITALS.md.
export default [
  { metric: "LCP", percentile: 95, threshold: 2500, route: "*", device: "all", forMinutes: 5, minSamples: 20 },
  { metric: "TTFB", percentile: 95, threshold: 2000, route: "*", device: "all", forMinutes: 5, minSamples: 20 },
] satisfies readonly DefaultVitalBudget[];
