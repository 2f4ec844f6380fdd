import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { formatCount, formatMs, formatPerMinute, formatRate } from "@/lib/requests/format";
import type { RequestTotals } from "@/lib/requests/read-model";

export function RequestTotalsCard({ totals }: { totals: RequestTotals }) {
  const stats = [
    {
      id: "requests",
      label: "Requests",
      value: formatCount(totals.requests),
      hint: `${formatPerMinute(totals.perMinute)} / min`,
    },
    {
      id: "error-rate",
      label: "5xx share",
      value: formatRate(totals.errorRate),
      hint: `${formatCount(totals.errors)} server errors`,
    },
    {
      id: "p50",
      label: "Latency p50",
      value: formatMs(totals.p50),
      hint: totals.meanMs === null ? undefined : `mean ${formatMs(totals.meanMs)}`,
    },
    { id: "p95", label: "Latency p95", value: formatMs(totals.p95) },
    { id: "p99", label: "Latency p99", value: formatMs(totals.p99) },
  ];
  return (
    <Card data-testid="requests-totals">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {stats.map((s) => (
          <Stat key={s.id} label={s.label} value={<span data-testid={`total-${s.id}`}>{s.value}</span>} hint={s.hint} />
        ))}
      </dl>
    </Card>
  );
}
