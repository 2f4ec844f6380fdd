import "server-only";
import { db, type DbClient } from "@/lib/db";
import {
  evaluateAbsent,
  evaluateBurnRules,
  sloWindowMinutes,
  windowsToMeasure,
  type AbsentVerdict,
  type BurnVerdict,
  type CountsByWindow,
} from "@/lib/slo/burn-verdicts";
import type { Interval } from "@/lib/maintenance/expand";
import { withoutMaintenance } from "@/lib/maintenance/exclude-source";
import type { Counts } from "@/lib/slo/math";
import { sloSource } from "@/lib/slo/sources";
import type { SloSpec } from "@/lib/slo/spec";
import { rangeEndingAt } from "@/lib/slo/windows";

/** Everything one evaluation knows about an SLO at `now`: counts per window and what the rules make of them. */
export type SloMeasurement = {
  siteId: number;
  spec: SloSpec;
  now: Date;
  counts: CountsByWindow;
  window: Counts;
  burn: BurnVerdict[];
  absent: AbsentVerdict | null;
};

export async function measureSlo(
  siteId: number,
  spec: SloSpec,
  now: Date,
  client: DbClient = db,
  since: Date | null = null,
  /** Site-wide maintenance: its events are left out of every window. */
  maintenance: readonly Interval[] = [],
): Promise<SloMeasurement> {
  const source = withoutMaintenance(sloSource(siteId, spec, client, since), maintenance);
  const counts = new Map<number, Counts>();
  // One window at a time: a few small indexed reads per SLO, without crowding the pool every minute.
  for (const minutes of windowsToMeasure(spec)) counts.set(minutes, await source.counts(rangeEndingAt(now, minutes)));
  return {
    siteId,
    spec,
    now,
    counts,
    window: counts.get(sloWindowMinutes(spec))!,
    burn: evaluateBurnRules(spec, counts),
    absent: evaluateAbsent(spec, counts),
  };
}
