import type { Metadata } from "next";
import { PendingSectionPage } from "@/components/admin/pending-section";
import { DeliveriesSection } from "@/components/notify/deliveries-section";
import { requirePageSession } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const session = await requirePageSession();
  return (
    <>
      <PendingSectionPage href="/admin/alerts" />
      {/* Notification deliveries (notifications part of issue #5): self-contained, keep below the alert history. */}
      <DeliveriesSection canRetry={session.user.role === "admin"} />
    </>
  );
}
