import { Badge, type Tone } from "@/components/ui/badge";
import { STATUS_LABEL, type MonitorStatus } from "@/lib/uptime/monitor-status";

const TONE: Record<MonitorStatus, Tone> = {
  up: "good",
  failing: "warn",
  down: "poor",
  paused: "neutral",
  "no-data": "neutral",
};

export function StatusBadge({ status }: { status: MonitorStatus }) {
  return (
    <span data-testid="monitor-status" data-status={status}>
      <Badge tone={TONE[status]}>{STATUS_LABEL[status]}</Badge>
    </span>
  );
}
