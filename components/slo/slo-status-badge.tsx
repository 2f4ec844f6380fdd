import { Badge, type Tone } from "@/components/ui/badge";
import type { SloStatus } from "@/lib/slo/report-model";

const LOOK: Record<SloStatus, { tone: Tone; label: string }> = {
  ok: { tone: "good", label: "ok" },
  warning: { tone: "warn", label: "warning" },
  burning: { tone: "poor", label: "burning" },
  exhausted: { tone: "poor", label: "budget spent" },
  "no-data": { tone: "neutral", label: "no data" },
};

export function SloStatusBadge({ status }: { status: SloStatus }) {
  const look = LOOK[status];
  return (
    <span data-testid="slo-status" data-status={status}>
      <Badge tone={look.tone}>{look.label}</Badge>
    </span>
  );
}
