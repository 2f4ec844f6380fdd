import type { Metadata } from "next";
import { PendingSectionPage } from "@/components/admin/pending-section";
import { requirePageSession } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Web Vitals" };

export default async function Page() {
  await requirePageSession();
  return <PendingSectionPage href="/admin/vitals" />;
}
