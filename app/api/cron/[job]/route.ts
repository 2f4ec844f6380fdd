import { NextResponse } from "next/server";
import { env } from "@/lib/env.js";
import { AppError, unauthorized } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { bearerTokenMatches } from "@/lib/http/bearer";
import { jobNamed } from "@/lib/scheduler/jobs";
import { runDueJobs, runJob } from "@/lib/scheduler/run-job";

const DUE = "due";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Vercel's limit for one cron invocation; probes and deliveries bound their own time well below it.
export const maxDuration = 60;

/**
 * Runs one scheduled job now, or with the name "due" every job whose period has passed (Vercel Cron sends GET,
 * Netlify's scheduled function POST), authenticated with CRON_SECRET. `?force=1` runs a named job even if it ran
 * less than a period ago.
 */
const handle = apiRoute<{ job: string }>("/api/cron/[job]", async (request, { params }) => {
  if (!env.CRON_SECRET) throw unauthorized("Cron endpoints are off: set CRON_SECRET (16+ characters) on the server.");
  if (!bearerTokenMatches(request.headers.get("authorization"), env.CRON_SECRET))
    throw unauthorized("Send Authorization: Bearer <CRON_SECRET>.", 'Bearer realm="cron"');
  const { job } = await params;
  if (job !== DUE && !jobNamed(job)) throw new AppError("not_found", `No scheduled job named "${job.slice(0, 64)}".`);
  if (job === DUE) {
    const results = await runDueJobs("cron");
    return NextResponse.json(
      { results },
      { status: results.some((r) => r.outcome === "failed") ? 500 : 200, headers: { "Cache-Control": "no-store" } },
    );
  }
  const force = new URL(request.url).searchParams.get("force") === "1";
  const result = await runJob(job, "cron", { force });
  return NextResponse.json(result, {
    status: result.outcome === "failed" ? 500 : 200,
    headers: { "Cache-Control": "no-store" },
  });
});

export { handle as GET, handle as POST };
