import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { checkDatabase } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const database = await checkDatabase();
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-widest text-muted">Vigil</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">Monitoring for Next.js, on one Postgres.</h1>
      <p className="mt-4 text-zinc-600 dark:text-zinc-400">
        Real-user web vitals, server metrics, SLOs with error budgets, and uptime probes — self-hosted.
      </p>
      <div className="mt-6 flex items-center gap-3 text-sm">
        <span>System status</span>
        <Badge tone={database.ok ? "good" : "poor"}>{database.ok ? "operational" : "database unavailable"}</Badge>
      </div>
      <div className="mt-8">
        <Link
          href="/admin"
          className="inline-flex rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
        >
          Open the console →
        </Link>
      </div>
    </main>
  );
}
