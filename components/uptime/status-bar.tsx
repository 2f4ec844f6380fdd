import { cn } from "@/components/ui/cn";
import { segmentTitle, type Segment, type SegmentState } from "@/lib/uptime/status-bar";

const FILL: Record<SegmentState, string> = {
  up: "bg-emerald-500",
  degraded: "bg-amber-400",
  down: "bg-red-500",
  none: "bg-zinc-200 dark:bg-zinc-700",
};

const MAINTENANCE = "bg-sky-500";

/** One coloured segment per bucket, each with its figures as a tooltip; the ends of the span are labelled. */
export function StatusBar({
  segments,
  stepMs,
  label,
  from,
  to,
}: {
  segments: Segment[];
  stepMs: number;
  label: string;
  from: string;
  to: string;
}) {
  const counts = segments.reduce(
    (acc, s) => {
      acc[s.state] = (acc[s.state] ?? 0) + 1;
      return acc;
    },
    {} as Partial<Record<SegmentState, number>>,
  );
  const inMaintenance = segments.filter((s) => s.maintenanceMinutes).length;
  const summary = `${label}: ${counts.up ?? 0} up, ${counts.degraded ?? 0} degraded, ${counts.down ?? 0} down, ${counts.none ?? 0} without checks${inMaintenance ? `, ${inMaintenance} with maintenance` : ""}`;
  return (
    <figure>
      <figcaption className="mb-1 text-xs font-medium text-muted">{label}</figcaption>
      <div role="img" aria-label={summary} className="flex h-7 items-stretch gap-px" data-testid="status-bar">
        {segments.map((s) => (
          <span
            key={s.start}
            title={segmentTitle(s, stepMs)}
            data-state={s.state}
            className={cn("min-w-0 flex-1 rounded-[2px]", FILL[s.state])}
          />
        ))}
      </div>
      {inMaintenance ? (
        // A strip under the bar marks the segments with maintenance (their checks there are not counted).
        <div className="mt-px flex h-1 gap-px" aria-hidden="true" data-testid="status-bar-maintenance">
          {segments.map((s) => (
            <span key={s.start} className={cn("min-w-0 flex-1", s.maintenanceMinutes ? MAINTENANCE : "")} />
          ))}
        </div>
      ) : null}
      <div className="mt-1 flex justify-between text-[11px] text-muted">
        <span>{from}</span>
        <span>{to}</span>
      </div>
    </figure>
  );
}

export function StatusLegend() {
  const items: Array<[SegmentState, string]> = [
    ["up", "all checks ok"],
    ["degraded", "some failed"],
    ["down", "all failed"],
    ["none", "no checks"],
  ];
  return (
    <ul
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400"
      aria-label="Status bar legend"
    >
      {items.map(([state, text]) => (
        <li key={state} className="flex items-center gap-1.5">
          <span className={cn("inline-block h-3 w-3 rounded-[2px]", FILL[state])} />
          {text}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span className={cn("inline-block h-1 w-3", MAINTENANCE)} />
        maintenance (not counted)
      </li>
    </ul>
  );
}
