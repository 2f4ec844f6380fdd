import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicStatusPage } from "@/components/status/public-status-page";
import { statusPageOf } from "@/lib/status/status-page";

// Public, no session: proxy.ts gives it the page CSP (its nonce) and no gate; the root layout makes it dynamic.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await statusPageOf((await params).slug);
  return view
    ? { title: `${view.title} status`, description: view.description ?? undefined, robots: { index: true } }
    : { title: "Not found" };
}

/** /status/<site-slug>: a 404 for an unknown site and for one whose status page is off, alike. */
export default async function StatusPage({ params }: Props) {
  const view = await statusPageOf((await params).slug);
  if (!view) notFound();
  return <PublicStatusPage view={view} />;
}
