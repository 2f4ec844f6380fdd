import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { SiteSlug } from "@/lib/sites/site-input";
import { DEVICES } from "@/lib/vitals/beacon-schema";
import { METRIC_NAMES, METRICS, type MetricName } from "@/lib/vitals/metrics";

// A web-vitals budget: the line the Web Vitals page draws and, when enabled, a threshold alert on the
// percentile of the last BUDGET_WINDOW_MINUTES of samples (the same window the Prometheus rules rate over).
export const BUDGET_PERCENTILES = [50, 75, 90, 95, 99] as const;
export type BudgetPercentile = (typeof BUDGET_PERCENTILES)[number];
export const BUDGET_DEVICES = ["all", ...DEVICES] as const;
export type BudgetDevice = (typeof BUDGET_DEVICES)[number];
export const BUDGET_WINDOW_MINUTES = 5;
export const MAX_FOR_MINUTES = 1440;
export const MAX_MIN_SAMPLES = 100_000;
export const MAX_BUDGETS_PER_SITE = 50;
export const DEFAULT_FOR_MINUTES = 5;
export const DEFAULT_MIN_SAMPLES = 20;

export type VitalBudget = {
  id: number;
  metric: MetricName;
  percentile: BudgetPercentile;
  /** In the metric's unit (ms, or the CLS score). */
  threshold: number;
  /** A route template, or "*" for every route. */
  route: string;
  device: BudgetDevice;
  forMinutes: number;
  minSamples: number;
  enabled: boolean;
};

export const BUDGET_FIELDS = [
  "site",
  "id",
  "metric",
  "percentile",
  "threshold",
  "route",
  "device",
  "forMinutes",
  "minSamples",
  "enabled",
] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];

const text = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const wholeNumber = (label: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (text(v) === "" || v === undefined ? fallback : text(v)),
    z.coerce
      .number({ error: `${label} must be a number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max}.`),
  );

/** The budget form (create when `id` is empty, edit otherwise); also what stored rows are checked against. */
export const BudgetInput = z
  .object({
    site: SiteSlug,
    id: z.preprocess(
      (v) => (text(v) === "" || v === undefined ? null : text(v)),
      z.coerce.number().int().positive().max(2_147_483_647).nullable(),
    ),
    metric: z.enum(METRIC_NAMES, { error: "Unknown metric." }),
    percentile: z.preprocess(
      text,
      z.coerce.number().refine((p): p is BudgetPercentile => (BUDGET_PERCENTILES as readonly number[]).includes(p), {
        message: `Percentile must be one of ${BUDGET_PERCENTILES.map((p) => `p${p}`).join(", ")}.`,
      }),
    ),
    threshold: z.preprocess(
      text,
      z.coerce
        .number({ error: "Budget must be a number." })
        .refine(Number.isFinite, "Budget must be a number.")
        .positive("Budget must be above 0."),
    ),
    route: z.preprocess(
      (v) => (text(v) === "" || v === undefined ? "*" : text(v)),
      storableString()
        .max(200, "Route must be at most 200 characters.")
        .refine((r) => r === "*" || r.startsWith("/"), "Route must be * (every route) or start with /."),
    ),
    device: z.preprocess(
      (v) => (text(v) === "" || v === undefined ? "all" : text(v)),
      z.enum(BUDGET_DEVICES, { error: "Unknown device." }),
    ),
    forMinutes: wholeNumber("For", 0, MAX_FOR_MINUTES, DEFAULT_FOR_MINUTES),
    minSamples: wholeNumber("Minimum samples", 1, MAX_MIN_SAMPLES, DEFAULT_MIN_SAMPLES),
    // A checkbox: present ("on") or absent.
    enabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  })
  .superRefine((v, ctx) => {
    const spec = METRICS[v.metric];
    if (v.threshold > spec.max)
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        message: `Budget must be at most ${spec.max}${spec.unit === "ms" ? " ms" : ""}.`,
      });
  });
export type BudgetInput = z.infer<typeof BudgetInput>;

export const BudgetRef = z.object({ site: SiteSlug, id: z.coerce.number().int().positive().max(2_147_483_647) });
export type BudgetRef = z.infer<typeof BudgetRef>;

/** "p95 LCP on /checkout (mobile)": what a budget watches. */
export function budgetSubject(b: Pick<VitalBudget, "metric" | "percentile" | "route" | "device">): string {
  const where = b.route === "*" ? "" : ` on ${b.route}`;
  const device = b.device === "all" ? "" : ` (${b.device})`;
  return `p${b.percentile} ${b.metric}${where}${device}`;
}

/** Alerts of budget `id` are stored with slo = "budget:<id>" and rule "budget". */
export const budgetAlertSlo = (id: number) => `budget:${id}`;
export const BUDGET_RULE = "budget";
export function budgetIdOfAlert(slo: string): number | null {
  const m = /^budget:(\d{1,10})$/.exec(slo);
  return m ? Number(m[1]) : null;
}

/** A budget outside any site: the defaults in config/vital-budgets.ts that monitoring/ is generated from. */
export type DefaultVitalBudget = Omit<VitalBudget, "id" | "enabled">;
