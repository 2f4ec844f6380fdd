import type { MetricSpec } from "@/lib/vitals/metrics";
import type { AttributionRow } from "@/lib/vitals/read-model";

export function AttributionList({ spec, rows, what }: { spec: MetricSpec; rows: AttributionRow[]; what: string }) {
  if (rows.length === 0)
    return (
      <p className="text-sm text-muted">
        No poor {spec.name} samples with a known {what}.
      </p>
    );
  return (
    <ol className="space-y-2 text-sm">
      {rows.map((r) => (
        <li key={r.target} className="flex items-baseline justify-between gap-3">
          <code className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800" title={r.target}>
            {r.target}
          </code>
          <span className="shrink-0 text-xs tabular-nums text-muted">
            {r.samples} poor · worst {spec.format(r.worst)}
          </span>
        </li>
      ))}
    </ol>
  );
}
