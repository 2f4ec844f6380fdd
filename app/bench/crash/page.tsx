import { notFound } from "next/navigation";
import { env } from "@/lib/env.js";

export const dynamic = "force-dynamic";

/** A render that always fails (only with VIGIL_BENCH_ENDPOINTS): e2e proves app/global-error.tsx and its report. */
export default async function CrashPage({ searchParams }: { searchParams: Promise<{ marker?: string }> }) {
  if (!env.VIGIL_BENCH_ENDPOINTS) notFound();
  const { marker = "" } = await searchParams;
  throw new Error(`Deliberate render crash ${marker.slice(0, 80)}`);
}
