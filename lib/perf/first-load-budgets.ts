// First-load JavaScript budgets, gzip -9 bytes (ADR 0012). Checked from the build manifests by
// e2e/bundle-budget.spec.ts and printed by `npm run bench:bundle`; raise one only with the measurement in the ADR.

const KB = 1024;

export type Budget = { total: number; sdk: number };

/** Public pages: what every visitor and status-page reader downloads; the SDKs' share is on-build minus off-build. */
export const PUBLIC_BUDGET: Budget = { total: 170 * KB, sdk: 60 * KB };
/** Console pages: signed-in admins; charts load with the pages that draw them. */
export const ADMIN_BUDGET: Budget = { total: 300 * KB, sdk: 60 * KB };

export const PUBLIC_PAGES = ["/", "/login", "/status/[slug]"] as const;

export function budgetFor(route: string): Budget {
  return route.startsWith("/admin") ? ADMIN_BUDGET : PUBLIC_BUDGET;
}
