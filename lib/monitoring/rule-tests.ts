import {
  BASE_RATE_WINDOW,
  SITE_TEMPLATE,
  type AbsentAlert,
  type AlertPlan,
  type BurnAlert,
  type SloPlan,
} from "./slo-plan";
import { fixtureSeries, phasesMinutes, windowCounts, type InputSeries, type Phase } from "./fixtures";
import { RECORD } from "./prometheus-rules";
import { goPrecision4, percent, promDuration } from "./promql";

// `promtool test rules` cases, generated from the same plans as the rules: for every alert, inputs that make it fire
// and inputs that must not (below the threshold, too little traffic, a recovered short window, a short burst).
// Every case has two sites: the case's timeline on `tested` and steady clean traffic on `healthy`, and expects alerts
// for `tested` only, so a rule that mixed the sites' events (or their minimum-traffic guard) fails.
export const SITES = { tested: "shop", healthy: "vigil" } as const;

type ExpAlert = { exp_labels: Record<string, string>; exp_annotations: Record<string, string> };
type ExprTest = { expr: string; eval_time: string; exp_samples: { labels: string; value: number }[] };
export type TestGroup = {
  name: string;
  interval: string;
  input_series: InputSeries[];
  alert_rule_test: { eval_time: string; alertname: string; exp_alerts: ExpAlert[] }[];
  promql_expr_test?: ExprTest[];
};

const minutes = (m: number) => promDuration(m * 60_000);

// Rules are evaluated every 10 minutes in the tests (series are sampled every minute): ten times fewer steps, and
// every eval_time is a multiple of it. Windows and `for` behave as with a shorter interval, only coarser.
const EVAL_MINUTES = 10;
const alignUp = (m: number) => Math.ceil(m / EVAL_MINUTES) * EVAL_MINUTES;
const alignDown = (m: number) => Math.floor(m / EVAL_MINUTES) * EVAL_MINUTES;

/** What Prometheus renders from the annotation templates (only the three constructs slo-plan.ts writes). */
export const renderAnnotations = (annotations: Record<string, string>, value: number, site: string) =>
  Object.fromEntries(
    Object.entries(annotations).map(([k, v]) => [
      k,
      v
        .replaceAll("{{ $value | humanizePercentage }}", `${goPrecision4(value * 100)}%`)
        .replaceAll(SITE_TEMPLATE, site)
        .replaceAll('{{ "{{" }}', "{{"),
    ]),
  );

/** The tested site's timeline beside the healthy site's steady clean traffic, as long. */
const twoSites = (p: SloPlan, phases: Phase[], healthyPerMinute: number) => [
  ...fixtureSeries(p.source.fixture, phases, SITES.tested),
  ...fixtureSeries(
    p.source.fixture,
    [{ minutes: phasesMinutes(phases), good: healthyPerMinute, bad: 0 }],
    SITES.healthy,
  ),
];

/** The alert as it fires for the tested site. */
const firing = (a: AlertPlan, value: number): ExpAlert => ({
  exp_labels: { ...a.labels, site: SITES.tested },
  exp_annotations: renderAnnotations(a.annotations, value, SITES.tested),
});

/** Rounds up to two significant digits, so percentages in alerts print without rounding ties. */
const ceil2 = (x: number) => {
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Number((Math.ceil(x / unit - 1e-9) * unit).toPrecision(2));
};

/** Events per minute: enough for several bad events below the threshold, and for minEvents within 5 minutes. */
function eventsPerMinute(ratios: number[], threshold: number, minEvents: number): number {
  let n = Math.ceil(Math.max(1000, 20 / threshold, minEvents / 2) / 1000) * 1000;
  while (!ratios.every((r) => Math.abs(Math.round(r * n) - r * n) < 1e-6)) n *= 10;
  return n;
}

/** Scales and rounds to an integer on both sides, so the comparison is exact whatever the last bits of the ratio. */
function rounded(v: number, decimals: number) {
  return { expr: (q: string) => `round(${q} * 1e${decimals})`, value: Math.floor(v * 10 ** decimals + 0.5) };
}

function burnTests(p: SloPlan, a: AlertPlan & BurnAlert, withBudgetCheck: boolean): TestGroup[] {
  const t = a.threshold;
  const minEvents = p.spec.alerting.minEvents;
  const S = a.rule.shortMinutes;
  const L = a.rule.longMinutes;
  const fireRatio = ceil2(Math.min(2 * t, (1 + t) / 2));
  const burstRatio = Math.min(1, ceil2(1.5 * t));
  const N = eventsPerMinute([fireRatio, burstRatio], t, minEvents);
  // Constant ratios look the same through any window, so the steady cases need only outlast `for` (from the 1st step).
  const D = alignUp(EVAL_MINUTES + a.rule.forMinutes);
  const group = (name: string, phases: Phase[], fires: boolean, extra?: Partial<TestGroup>): TestGroup => ({
    name: `${a.name}: ${name}`,
    interval: "1m",
    input_series: twoSites(p, phases, N),
    alert_rule_test: [
      {
        eval_time: minutes(phasesMinutes(phases)),
        alertname: a.name,
        exp_alerts: fires ? [firing(a, windowRatio(phases, L))] : [],
      },
    ],
    ...extra,
  });
  const windowRatio = (phases: Phase[], w: number) => {
    const c = windowCounts(phases, w);
    return c.bad / c.total;
  };

  const fireBad = Math.round(fireRatio * N);
  const fire: Phase[] = [{ minutes: D, good: N - fireBad, bad: fireBad }];
  const decimals = Math.max(4, 3 - Math.floor(Math.log10(fireRatio)));
  // Each site gets its own SLI series: the tested site's ratio, and 0 for the healthy one (no bad series at all).
  const perSite = (labels: string, tested: number, healthy: number) => [
    { labels: `{site="${SITES.tested}", ${labels}}`, value: tested },
    { labels: `{site="${SITES.healthy}", ${labels}}`, value: healthy },
  ];
  const ratioCheck = (w: string) => {
    const r = rounded(fireRatio, decimals);
    return {
      expr: r.expr(`${RECORD.errorRatio(w)}{slo="${p.spec.id}"}`),
      eval_time: minutes(D),
      exp_samples: perSite(`slo="${p.spec.id}", window="${w}"`, r.value, 0),
    };
  };
  const remaining = rounded(1 - fireRatio / p.errorBudget, 6);
  const budgetCheck = {
    expr: remaining.expr(`${RECORD.budgetRemaining}{slo="${p.spec.id}"}`),
    eval_time: minutes(D),
    exp_samples: perSite(`slo="${p.spec.id}"`, remaining.value, rounded(1, 6).value),
  };
  const tests = [
    group(`fires at ${percent(fireRatio)} errors over ${minutes(D)} for site ${SITES.tested} only`, fire, true, {
      promql_expr_test: [ratioCheck(a.long), ratioCheck(a.short), ...(withBudgetCheck ? [budgetCheck] : [])],
    }),
  ];

  const below = Math.floor(0.9 * t * N);
  tests.push(
    group(
      `does not fire at ${percent(below / N)} errors, below ${percent(t)}`,
      [{ minutes: D, good: N - below, bad: below }],
      false,
    ),
  );

  if (minEvents >= 2) {
    const k = Math.min(minEvents - 1, D - 1);
    tests.push(
      group(
        `does not fire on ${k} events, all bad, fewer than minEvents ${minEvents}`,
        [
          { minutes: D - k, good: 0, bad: 0 },
          { minutes: k, good: 0, bad: 1 },
        ],
        false,
      ),
    );
  }

  const holds = (phases: Phase[], w: number) => windowCounts(phases, w).total >= minEvents;

  // All errors, then a clean short window at a tenth of the traffic: the long window still burns, the short one not.
  const C = Math.floor(S) + 2;
  const target = (1 + t) / 2;
  const H = alignUp(Math.max(5, Math.ceil((target * C) / (10 * (1 - target)))) + C) - C;
  const recovered: Phase[] = [
    { minutes: H, good: 0, bad: N },
    { minutes: C, good: N / 10, bad: 0 },
  ];
  if (windowRatio(recovered, L) > t && windowCounts(recovered, S).bad === 0 && holds(recovered, L)) {
    tests.push(
      group(
        `does not fire once the ${a.short} window is clean again (${percent(windowRatio(recovered, L))} errors over ${a.long})`,
        recovered,
        false,
      ),
    );
  }

  // Busy clean traffic, then a burst that fills the short window: the long window stays under the threshold.
  const B = Math.max(1, Math.floor(S)) + 1;
  const bad = Math.ceil(burstRatio * N);
  const P = alignUp(Math.max(1, Math.ceil(((bad * B) / (0.9 * t) - N * B) / (10 * N))) + B) - B;
  const burst: Phase[] = [
    { minutes: P, good: 10 * N, bad: 0 },
    { minutes: B, good: N - bad, bad },
  ];
  if (windowRatio(burst, S) > t && windowRatio(burst, L) < t && holds(burst, L)) {
    tests.push(
      group(
        `does not fire on a ${minutes(B)} burst of ${percent(bad / N)} errors (${percent(windowRatio(burst, L))} over ${a.long})`,
        burst,
        false,
      ),
    );
  }
  return tests;
}

function absentTests(p: SloPlan, a: AlertPlan & AbsentAlert): TestGroup[] {
  const N = 1000;
  const rateMinutes = Number.parseInt(BASE_RATE_WINDOW, 10);
  const group = (name: string, phases: Phase[], fires: boolean): TestGroup => ({
    name: `${a.name}: ${name}`,
    interval: "1m",
    input_series: twoSites(p, phases, N),
    alert_rule_test: [
      {
        eval_time: minutes(phasesMinutes(phases)),
        alertname: a.name,
        exp_alerts: fires ? [firing(a, 0)] : [],
      },
    ],
  });
  // Events for 10 minutes, then none: the 5-minute rate reads 0 from minute 15 on, seen at the next evaluation, and
  // the alert fires `for` later.
  const active = alignUp(10 + rateMinutes);
  const until = (total: number, gone?: true): Phase[] => [
    { minutes: 10, good: N, bad: 0 },
    { minutes: total - 10, good: 0, bad: 0, ...(gone ? { gone } : {}) },
  ];
  const fireAt = alignUp(active + a.minutes);
  return [
    group(`fires after ${a.minutes} min with no events on site ${SITES.tested} only`, until(fireAt), true),
    group(`fires when site ${SITES.tested}'s series are gone for ${a.minutes} min`, until(fireAt, true), true),
    group(`does not fire before ${a.minutes} min without events`, until(active + alignDown(a.minutes - 1)), false),
    group(
      "does not fire while events keep coming",
      [{ minutes: alignUp(active + a.minutes + 5), good: N, bad: 0 }],
      false,
    ),
  ];
}

export function ruleTests(plans: readonly SloPlan[], rulesFile: string) {
  return {
    rule_files: [rulesFile],
    evaluation_interval: minutes(EVAL_MINUTES),
    tests: plans.flatMap((p) =>
      p.alerts.flatMap((a, i) => (a.type === "burn" ? burnTests(p, a, i === 0) : absentTests(p, a))),
    ),
  };
}
