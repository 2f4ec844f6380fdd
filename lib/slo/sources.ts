import "server-only";
import { db, type DbClient } from "@/lib/db";
import { env } from "@/lib/env.js";
import type { Counts } from "@/lib/slo/math";
import { countAtOrBelow } from "@/lib/slo/latency";
import { readProbeCounts, readProbeSteps } from "@/lib/slo/probe-source-repository";
import { readRequestAgg, readRequestSteps, type RequestAgg } from "@/lib/slo/request-source-repository";
import { requestSelection } from "@/lib/slo/selection";
import type { StepCounts } from "@/lib/slo/series";
import { readEventCounts, readEventSteps } from "@/lib/slo/slo-event-repository";
import type { SloSpec } from "@/lib/slo/spec";
import { readVitalCounts, readVitalSteps } from "@/lib/slo/vitals-source-repository";
import { clipToVersion } from "@/lib/slo/slo-version";
import { HOUR, segmentsOf, type Range, type SeriesPlan } from "@/lib/slo/windows";

/** Where an SLO's good and total events come from, for any range and per chart step. */
export type SloSource = { counts(range: Range): Promise<Counts>; steps(plan: SeriesPlan): Promise<StepCounts[]> };

// How far back fine rows reach (an hour's margin: pruning runs hourly): minute request rollups are kept 48 h,
// raw vitals VIGIL_VITALS_RETENTION_DAYS.
const MINUTE_ROLLUPS_KEPT = 47 * HOUR;
const rawVitalsKept = () => env.VIGIL_VITALS_RETENTION_DAYS * 24 * HOUR - HOUR;
const before = (d: Date, ms: number) => new Date(d.getTime() - ms);

/**
 * The source of one SLO spec evaluated for one site. With `since` (the start of the spec's current version) every
 * range is clipped to it and chart steps that begin before it are left out: a version measures only its own time.
 */
export function sloSource(siteId: number, spec: SloSpec, client: DbClient = db, since: Date | null = null): SloSource {
  const source = unversionedSource(siteId, spec, client);
  if (!since) return source;
  return {
    counts: async (range) => {
      const clipped = clipToVersion(range, since);
      return clipped.from.getTime() >= clipped.to.getTime() ? { good: 0, total: 0 } : source.counts(clipped);
    },
    // A step that began before the version would mix both definitions: charts start at the first whole step.
    steps: async (plan) => (await source.steps(plan)).filter((s) => s.t >= since.getTime()),
  };
}

function unversionedSource(siteId: number, spec: SloSpec, client: DbClient): SloSource {
  switch (spec.kind) {
    case "availability":
    case "latency": {
      const selection = requestSelection(spec);
      const latency = spec.kind === "latency" ? spec.thresholdMs : null;
      // Availability: good = not 5xx. Latency: good = at most thresholdMs, whatever the status.
      const toCounts = (a: RequestAgg): Counts => ({
        good: latency === null ? a.total - a.bad : Math.min(a.total, countAtOrBelow(a.hist, latency)),
        total: a.total,
      });
      return {
        counts: async (range) =>
          toCounts(
            await readRequestAgg(
              siteId,
              selection,
              segmentsOf(range, before(range.to, MINUTE_ROLLUPS_KEPT)),
              latency !== null,
              client,
            ),
          ),
        steps: async (plan) =>
          (await readRequestSteps(siteId, selection, plan, latency !== null, client)).map((s) => ({
            t: s.t.getTime(),
            ...toCounts(s),
          })),
      };
    }
    case "vitals":
      return {
        counts: (range) => readVitalCounts(siteId, spec, segmentsOf(range, before(range.to, rawVitalsKept())), client),
        steps: (plan) => readVitalSteps(siteId, spec, plan, client),
      };
    case "uptime":
      return {
        counts: (range) => readProbeCounts(siteId, spec.monitor, range, client),
        steps: (plan) => readProbeSteps(siteId, spec.monitor, plan, client),
      };
    case "custom":
      return {
        counts: (range) => readEventCounts(siteId, spec.id, range, client),
        steps: (plan) => readEventSteps(siteId, spec.id, plan, client),
      };
  }
}
