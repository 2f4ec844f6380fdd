import { promqlString } from "./promql";
import type { SliFixture } from "./sli";

/**
 * Events per minute for a stretch of a test's timeline. A `gone` phase ends the series (a staleness marker, then no
 * samples: the site's label sets vanished, as after a restart); it must come last.
 */
export type Phase = { minutes: number; good: number; bad: number; gone?: true };
export type InputSeries = { series: string; values: string };

const seriesName = (metric: string, labels: Record<string, string>) =>
  `${metric}{${Object.entries(labels)
    .map(([k, v]) => `${k}=${promqlString(v)}`)
    .join(",")}}`;

/** A counter sampled every minute from 0, in promtool's expanding notation ("0 5+5x9 50+0x4"). */
export function counterValues(perMinute: readonly { minutes: number; inc: number; gone?: true }[]): string {
  let value = 0;
  const parts = ["0"];
  for (const { minutes, inc, gone } of perMinute) {
    if (minutes <= 0) continue;
    if (gone) {
      parts.push("stale");
      break;
    }
    parts.push(minutes === 1 ? `${value + inc}` : `${value + inc}+${inc}x${minutes - 1}`);
    value += inc * minutes;
  }
  return parts.join(" ");
}

/**
 * The series an SLI reads for one site, counting the phases' good and bad events (fixtures come from sli.ts, one per
 * kind). A good/bad counter that never moves is left out, as prom-client only creates a label set on its first use.
 */
export function fixtureSeries(fixture: SliFixture, phases: readonly Phase[], site: string): InputSeries[] {
  const counter = (pick: (p: Phase) => number) =>
    counterValues(phases.map((p) => ({ minutes: p.minutes, inc: pick(p), ...(p.gone ? { gone: true } : {}) })));
  const live = (pick: (p: Phase) => number) => phases.some((p) => !p.gone && pick(p) > 0);
  if (fixture.shape === "split") {
    return [
      { labels: fixture.goodLabels, pick: (p: Phase) => p.good },
      { labels: fixture.badLabels, pick: (p: Phase) => p.bad },
    ]
      .filter((s) => live(s.pick))
      .map((s) => ({ series: seriesName(fixture.metric, { site, ...s.labels }), values: counter(s.pick) }));
  }
  const labels = { site, ...fixture.labels };
  return [
    {
      series: seriesName(`${fixture.base}_bucket`, { ...labels, le: fixture.le }),
      values: counter((p) => p.good),
    },
    {
      series: seriesName(`${fixture.base}_bucket`, { ...labels, le: "+Inf" }),
      values: counter((p) => p.good + p.bad),
    },
    { series: seriesName(`${fixture.base}_count`, labels), values: counter((p) => p.good + p.bad) },
  ];
}

export const phasesMinutes = (phases: readonly Phase[]) => phases.reduce((n, p) => n + p.minutes, 0);

/** Bad and total events in the last `windowMinutes` of the phases: what a rate() window over minute samples counts. */
export function windowCounts(phases: readonly Phase[], windowMinutes: number): { bad: number; total: number } {
  let left = Math.min(Math.floor(windowMinutes), phasesMinutes(phases));
  let bad = 0;
  let total = 0;
  for (const p of [...phases].reverse()) {
    const m = Math.min(left, p.minutes);
    if (!p.gone) {
      bad += m * p.bad;
      total += m * (p.good + p.bad);
    }
    left -= m;
    if (left === 0) break;
  }
  return { bad, total };
}
