import { formatBurn, formatEvents } from "@/lib/slo/format";
import type { AnyAlertFigures } from "@/lib/slo/burn-verdicts";
import { windowLabel } from "@/lib/slo/rules";
import { METRICS } from "@/lib/vitals/metrics";

/** The numbers behind an alert, in one or two short lines. */
export function AlertFiguresText({ figures }: { figures: AnyAlertFigures }) {
  if (figures.rule === "budget") {
    const format = METRICS[figures.metric].format;
    return (
      <span className="tabular-nums" data-testid="alert-figures">
        p{figures.percentile} {figures.value === null ? "no data" : format(figures.value)} vs budget{" "}
        {format(figures.threshold)}
        <span className="block text-xs text-muted">
          {formatEvents(figures.samples)} samples in {figures.windowMinutes} min (needs{" "}
          {formatEvents(figures.minSamples)})
        </span>
      </span>
    );
  }
  if ("factor" in figures) {
    return (
      <span className="tabular-nums" data-testid="alert-figures">
        {formatBurn(figures.longBurn)} / {formatBurn(figures.shortBurn)} over {windowLabel(figures.longMinutes)} /{" "}
        {windowLabel(figures.shortMinutes)} (&gt; {figures.factor}×)
        <span className="block text-xs text-muted">
          {formatEvents(figures.long.total - figures.long.good)} of {formatEvents(figures.long.total)} bad in{" "}
          {windowLabel(figures.longMinutes)}
        </span>
      </span>
    );
  }
  if ("absentMinutes" in figures) {
    return (
      <span data-testid="alert-figures">
        no events for {figures.absentMinutes} min{" "}
        <span className="block text-xs text-muted">{formatEvents(figures.window.total)} earlier in the window</span>
      </span>
    );
  }
  return <span data-testid="alert-figures">{figures.reason}</span>;
}
