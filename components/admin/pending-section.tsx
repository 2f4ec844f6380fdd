import { PageHeader } from "@/components/admin/page-header";
import { PENDING_SECTIONS } from "@/components/admin/pending-sections";
import { EmptyState } from "@/components/ui/empty-state";

export function PendingSectionPage({ href }: { href: keyof typeof PENDING_SECTIONS }) {
  const section = PENDING_SECTIONS[href]!;
  return (
    <>
      <PageHeader href={href} />
      <EmptyState title={section.title} steps={section.status}>{section.what}</EmptyState>
    </>
  );
}
