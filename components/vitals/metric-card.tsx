import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { MetricSpec, Rating } from "@/lib/vitals/metrics";
import type { Summary } from "@/lib/vitals/read-model";

const tone: Record<Rating, Tone> = { good: "good", "needs-improvement": "warn", poor: "poor" };
const label: Record<Rating, string> = { good: "good", "needs-improvement": "needs improvement", poor: "poor" };
const pct = (n: number, total: number) => (total ? (100 * n) / total : 0);

export function MetricCard({
  spec,
  summary,
  p,
  budget,
  href,
  selected,
}: {
  spec: MetricSpec;
  summary: Summary;
  p: number;
  budget: number;
  href: string;
  selected: boolean;
}) {
  const over = summary.value !== null && summary.value > budget;
  const split = [
    pct(summary.good, summary.count),
    pct(summary.needsImprovement, summary.count),
    pct(summary.poor, summary.count),
  ] as const;
  return (
    <Link
      href={href}
      data-testid={`metric-${spec.name}`}
      aria-current={selected ? "true" : undefined}
      className={cn(
        "block rounded-xl border bg-white p-4 shadow-sm transition-colors dark:bg-zinc-900",
        selected
          ? "border-zinc-900 ring-1 ring-zinc-900 dark:border-zinc-100 dark:ring-zinc-100"
          : "border-zinc-200 hover:border-zinc-400 dark:border-zinc-800",
      )}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-semibold" title={spec.label}>
          {spec.name}
        </span>
        {summary.rating ? <Badge tone={tone[summary.rating]}>{label[summary.rating]}</Badge> : <Badge>no data</Badge>}
      </div>
      <p className="mt-2 text-2xl font-semibold tabular-nums" data-testid={`metric-${spec.name}-value`}>
        {summary.value === null ? "—" : spec.format(summary.value)}
      </p>
      <p className="text-xs text-muted">
        p{p} · <span data-testid={`metric-${spec.name}-count`}>{summary.count}</span> samples
        {over ? (
          <span className="ml-1 font-medium text-red-700 dark:text-red-400">· over budget ({spec.format(budget)})</span>
        ) : null}
      </p>
      <div className="mt-3 flex h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
        <span className="bg-emerald-500" style={{ width: `${split[0]}%` }} />
        <span className="bg-amber-400" style={{ width: `${split[1]}%` }} />
        <span className="bg-red-500" style={{ width: `${split[2]}%` }} />
      </div>
      <p className="mt-1 text-[11px] tabular-nums text-muted">
        {split[0].toFixed(0)}% good · {split[1].toFixed(0)}% NI · {split[2].toFixed(0)}% poor
      </p>
    </Link>
  );
}
