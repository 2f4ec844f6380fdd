import { budgetSpent, burnRulesFor, burnThreshold, canFire, type BurnRule } from "@/lib/slo/rules";
import { windowMs, type SloSpec } from "@/lib/slo/spec";
import { humanSpan, percent, promDuration } from "./promql";
import { sliSource, type SliSource } from "./sli";

/** Rate window of the absent-data alert and of the per-5-minute event rates the SLO-window ratio sums up. */
export const BASE_RATE_WINDOW = "5m";

export type BurnAlert = { type: "burn"; name: string; rule: BurnRule; long: string; short: string; threshold: number };
export type AbsentAlert = { type: "absent"; name: string; minutes: number };
export type AlertPlan = (BurnAlert | AbsentAlert) & {
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

/** Everything the generated files say about one SLO, derived once so rules, tests and dashboard agree. */
export type SloPlan = {
  spec: SloSpec;
  source: SliSource;
  errorBudget: number;
  period: string;
  /** Distinct rate windows of the burn-rate rules, shortest first. */
  windows: string[];
  alerts: AlertPlan[];
  /** Rules left out because they can never hold, with their threshold. */
  skipped: { rule: BurnRule; threshold: number }[];
};

// "api-availability" → "SLOApiAvailability"; alert names must be valid metric names, hence the letter prefix.
const alertPrefix = (id: string) =>
  `SLO${id
    .split("-")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("")}`;
const ruleSuffix = (id: string) =>
  id
    .split("-")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("");

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** The alert's `site` label in annotation text: every alert is per site (the rules split events by it). */
export const SITE_TEMPLATE = "{{ $labels.site }}";

/** Annotation text is a Go template: a literal "{{" in a name or description must not start an action. */
export const templateText = (s: string) => s.replaceAll("{{", '{{ "{{" }}');

const SOURCE_HINT: Record<SloSpec["kind"], string> = {
  availability: "requests of the SLO's routes (http_requests_total)",
  latency: "requests of the SLO's routes (http_request_duration_seconds)",
  vitals: "web-vitals beacons (web_vitals_* histograms)",
  uptime: "uptime probes (vigil_probe_results_total)",
  custom: "events posted to /api/v1/slo-events (vigil_slo_events_total)",
};

export function planSlo(spec: SloSpec): SloPlan {
  const source = sliSource(spec);
  const errorBudget = burnThreshold(1, spec.objective);
  const period = promDuration(windowMs(spec.window));
  const name = templateText(spec.name);
  const common = { slo: spec.id, owner: spec.owner };
  const runbook: Record<string, string> = spec.runbookUrl !== undefined ? { runbook_url: spec.runbookUrl } : {};
  const alerts: AlertPlan[] = [];
  const skipped: SloPlan["skipped"] = [];
  const windows = new Map<number, string>();

  for (const rule of burnRulesFor(spec.window)) {
    const threshold = burnThreshold(rule.factor, spec.objective);
    if (!canFire(rule.factor, spec.objective)) {
      skipped.push({ rule, threshold });
      continue;
    }
    const long = promDuration(rule.longMinutes * 60_000);
    const short = promDuration(rule.shortMinutes * 60_000);
    windows.set(rule.longMinutes, long).set(rule.shortMinutes, short);
    alerts.push({
      type: "burn",
      name: `${alertPrefix(spec.id)}BurnRate${ruleSuffix(rule.id)}`,
      rule,
      long,
      short,
      threshold,
      labels: { ...common, severity: rule.severity, rule: rule.id },
      annotations: {
        summary: `${name} on site ${SITE_TEMPLATE}: burning the error budget at over ${rule.factor}× (${long} and ${short} windows)`,
        description:
          `Error ratio {{ $value | humanizePercentage }} on site ${SITE_TEMPLATE} over the last ${long}, and above ${percent(threshold)} over the last ${short} too: ` +
          `more than ${rule.factor}× the ${percent(errorBudget)} error budget of "${name}" (objective ${percent(spec.objective)} over ${spec.window}). ` +
          `At this pace the whole ${spec.window} budget lasts ${humanSpan(windowMs(spec.window) / rule.factor)}; the last ${long} alone spent over ${percent(budgetSpent(rule, spec.window))} of it.`,
        ...runbook,
      },
    });
  }

  if (spec.alerting.absentMinutes > 0) {
    const minutes = spec.alerting.absentMinutes;
    alerts.push({
      type: "absent",
      name: `${alertPrefix(spec.id)}NoData`,
      minutes,
      labels: { ...common, severity: "ticket", rule: "absent" },
      annotations: {
        summary: `${name} on site ${SITE_TEMPLATE}: no events for ${plural(minutes, "minute")}`,
        description:
          `Prometheus has counted no events of "${name}" on site ${SITE_TEMPLATE} for ${plural(minutes, "minute")}, ` +
          `after some earlier in the ${spec.window} window: ${SOURCE_HINT[spec.kind]}. ` +
          `Check that it still scrapes Vigil's /metrics and that the source still reports.`,
        ...runbook,
      },
    });
  }

  return {
    spec,
    source,
    errorBudget,
    period,
    windows: [...windows.entries()].sort(([a], [b]) => a - b).map(([, w]) => w),
    alerts,
    skipped,
  };
}

/** Plans for every SLO; alert names must stay distinct, since each one is tested on its own. */
export function planSlos(specs: readonly SloSpec[]): SloPlan[] {
  const plans = specs.map(planSlo);
  const owners = new Map<string, string>();
  for (const p of plans) {
    for (const a of p.alerts) {
      const other = owners.get(a.name);
      if (other !== undefined)
        throw new Error(`SLO ids "${other}" and "${p.spec.id}" give the same alert name ${a.name}: rename one`);
      owners.set(a.name, p.spec.id);
    }
  }
  return plans;
}
