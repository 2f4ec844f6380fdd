import { CLSThresholds, FCPThresholds, INPThresholds, LCPThresholds, TTFBThresholds } from "web-vitals";

export const METRIC_NAMES = ["LCP", "INP", "CLS", "FCP", "TTFB"] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
export type Rating = "good" | "needs-improvement" | "poor";

export type MetricSpec = {
  name: MetricName;
  label: string;
  unit: "ms" | "score";
  /** [good ≤ a, poor > b]: web-vitals' own constants, so ratings match what the library reports. */
  thresholds: readonly [number, number];
  /** Largest value accepted from a beacon; anything above is a broken measurement. */
  max: number;
  format: (value: number) => string;
};

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const score = (v: number) => v.toFixed(v < 0.1 ? 3 : 2);
const TEN_MINUTES_MS = 600_000;

export const METRICS: Readonly<Record<MetricName, MetricSpec>> = {
  LCP: {
    name: "LCP",
    label: "Largest Contentful Paint",
    unit: "ms",
    thresholds: [LCPThresholds[0]!, LCPThresholds[1]!],
    max: TEN_MINUTES_MS,
    format: ms,
  },
  INP: {
    name: "INP",
    label: "Interaction to Next Paint",
    unit: "ms",
    thresholds: [INPThresholds[0]!, INPThresholds[1]!],
    max: TEN_MINUTES_MS,
    format: ms,
  },
  CLS: {
    name: "CLS",
    label: "Cumulative Layout Shift",
    unit: "score",
    thresholds: [CLSThresholds[0]!, CLSThresholds[1]!],
    max: 100,
    format: score,
  },
  FCP: {
    name: "FCP",
    label: "First Contentful Paint",
    unit: "ms",
    thresholds: [FCPThresholds[0]!, FCPThresholds[1]!],
    max: TEN_MINUTES_MS,
    format: ms,
  },
  TTFB: {
    name: "TTFB",
    label: "Time to First Byte",
    unit: "ms",
    thresholds: [TTFBThresholds[0]!, TTFBThresholds[1]!],
    max: TEN_MINUTES_MS,
    format: ms,
  },
};

export function rate(name: MetricName, value: number): Rating {
  const [good, poor] = METRICS[name].thresholds;
  return value <= good ? "good" : value <= poor ? "needs-improvement" : "poor";
}
