import "server-only";
import { DAY_MS, type Interval } from "@/lib/maintenance/expand";
import { partsInside, stepPartsInside, subtractCounts, subtractSteps } from "@/lib/maintenance/exclusion";
import { maintenanceWindows } from "@/lib/maintenance/maintenance";
import type { SloSource } from "@/lib/slo/sources";

// Reads per range stay bounded: a daily window over a 30-day SLO is 30 parts.
const MAX_PARTS = 200;

/** An SLO source whose counts leave out the events inside maintenance (lib/maintenance/exclusion.ts). */
export function withoutMaintenance(source: SloSource, intervals: readonly Interval[]): SloSource {
  if (intervals.length === 0) return source;
  return {
    async counts(range) {
      const whole = await source.counts(range);
      const inside = [];
      for (const part of partsInside(range, intervals).slice(-MAX_PARTS)) inside.push(await source.counts(part));
      return subtractCounts(whole, inside);
    },
    async steps(plan) {
      const steps = await source.steps(plan);
      const inside = [];
      for (const { t, part } of stepPartsInside(plan, intervals).slice(-MAX_PARTS))
        inside.push({ t, ...(await source.counts(part)) });
      return subtractSteps(steps, inside);
    },
  };
}

/** The site-wide maintenance an SLO evaluation at `now` needs: its longest window (30 d) and a day of margin. */
export const sloMaintenance = (siteId: number, now: Date): Promise<Interval[]> =>
  maintenanceWindows(siteId, { from: new Date(now.getTime() - 31 * DAY_MS), to: new Date(now.getTime() + 60_000) });
