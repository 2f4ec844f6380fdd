import { Card, CardHeader } from "@/components/ui/card";

// Placeholder for the notifications part (lib/notify): it replaces this component with the delivery log
// (status, attempts, last error, retry). Alert state changes already queue rows in notification_deliveries.
export function NotificationDeliveriesSection() {
  return (
    <Card className="border-dashed" data-testid="deliveries-section">
      <CardHeader title="Notification deliveries" description="Each alert that fires or resolves is queued for every enabled notification channel." />
      <p className="text-sm text-zinc-500 dark:text-zinc-400">Delivery status per channel appears here once notification channels are configured in Settings.</p>
    </Card>
  );
}
