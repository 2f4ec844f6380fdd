import type { AbsentFigures, BurnFigures } from "@/lib/slo/burn-verdicts";
import { formatBurn, formatEvents, formatObjective } from "@/lib/slo/format";
import { badOf } from "@/lib/slo/math";
import { windowLabel } from "@/lib/slo/rules";
import type { SloSpec } from "@/lib/slo/spec";

type Named = Pick<SloSpec, "name" | "objective" | "window">;

/** One line an on-call engineer reads first, in the console and in every notification. */
export function alertSummary(spec: Named, f: BurnFigures | AbsentFigures): string {
  if (f.rule === "absent") {
    return `${spec.name}: no events for ${f.absentMinutes} min, after ${formatEvents(f.window.total)} in the ${spec.window} window. The data source stopped.`;
  }
  const long = windowLabel(f.longMinutes);
  return (
    `${spec.name}: error budget burning ${formatBurn(f.longBurn)} over ${long} and ${formatBurn(f.shortBurn)} over ${windowLabel(f.shortMinutes)} ` +
    `(alert above ${f.factor}×; ${formatEvents(badOf(f.long))} of ${formatEvents(f.long.total)} events bad in ${long}; objective ${formatObjective(spec.objective)}).`
  );
}

export function alertTitle(
  spec: Named,
  severity: "page" | "ticket",
  rule: string,
  state: "firing" | "resolved",
): string {
  const what = rule === "absent" ? "no data" : `burn rate ${rule}`;
  return state === "firing" ? `[${severity.toUpperCase()}] ${spec.name}: ${what}` : `[RESOLVED] ${spec.name}: ${what}`;
}
