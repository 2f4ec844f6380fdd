import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import type { SiteHealth } from "@/lib/overview/all-sites";
import { formatCount, formatMs, formatRate } from "@/lib/requests/format";
import { siteHref } from "@/lib/sites/site-href";
import { formatBudget } from "@/lib/slo/format";
import { METRICS } from "@/lib/vitals/metrics";

const RATING_TONE: Record<string, Tone> = { good: "good", "needs-improvement": "warn", poor: "poor" };

/** One figure: its value linked to the section it comes from (for that site), and what it is made of. */
function Figure({
  href,
  value,
  detail,
  tone,
  label,
}: {
  href: string;
  value: string;
  detail?: ReactNode;
  tone?: Tone;
  label: string;
}) {
  return (
    <td className="px-3 py-3 align-top">
      <Link href={href} className="underline-offset-2 hover:underline" aria-label={`${label}: ${value}`}>
        {tone ? <Badge tone={tone}>{value}</Badge> : <span className="font-semibold tabular-nums">{value}</span>}
      </Link>
      {detail ? <span className="mt-0.5 block text-xs text-muted">{detail}</span> : null}
    </td>
  );
}

function SiteRow({ s }: { s: SiteHealth }) {
  const at = (path: string) => siteHref(path, s.slug);
  const req = s.requests24h;
  const lcp = s.lcp24h;
  const uptime = s.uptime30d?.worst;
  const budget = s.errorBudget?.worst;
  const label = (what: string) => `${what} of ${s.name}`;
  return (
    <tr data-testid="all-sites-row" data-site={s.slug}>
      <th scope="row" className="px-3 py-3 text-left align-top font-normal">
        <Link href={at("/admin")} className="font-medium underline-offset-2 hover:underline">
          {s.name}
        </Link>
        <span className="mt-0.5 block font-mono text-xs text-muted">{s.slug}</span>
      </th>
      <Figure
        href={at("/admin/requests")}
        label={label("Error rate")}
        value={req ? (req.requests ? formatRate(req.errorRate) : "no traffic") : "unavailable"}
        detail={req?.requests ? `${formatCount(req.errors)} of ${formatCount(req.requests)} requests` : undefined}
      />
      <Figure
        href={at("/admin/requests")}
        label={label("Latency p95")}
        value={req ? (req.requests ? formatMs(req.p95) : "—") : "unavailable"}
        detail={req?.requests ? "server time" : undefined}
      />
      <Figure
        href={at("/admin/vitals")}
        label={label("LCP p75")}
        value={lcp ? (lcp.value !== null ? METRICS.LCP.format(lcp.value) : "no data") : "unavailable"}
        tone={lcp?.rating ? RATING_TONE[lcp.rating] : undefined}
        detail={lcp?.count ? `${formatCount(lcp.count)} samples` : undefined}
      />
      <Figure
        href={at("/admin/uptime")}
        label={label("Uptime")}
        value={s.uptimeError ? "unavailable" : uptime ? uptime.text : s.uptime30d ? "no checks yet" : "no monitors"}
        detail={
          uptime ? (
            <>
              {uptime.name}
              {s.uptime30d && s.uptime30d.down > 0 ? (
                <span className="text-red-700 dark:text-red-400"> · {s.uptime30d.down} down now</span>
              ) : null}
            </>
          ) : undefined
        }
      />
      <Figure
        href={at("/admin/slos")}
        label={label("Error budget left")}
        value={s.errorBudget ? (budget ? formatBudget(budget.remaining) : "no data") : "unavailable"}
        tone={budget ? (budget.remaining <= 0 ? "poor" : "good") : undefined}
        detail={budget ? `${budget.name}, ${budget.window}` : undefined}
      />
    </tr>
  );
}

const HEAD = ["Site", "Error rate (24 h)", "p95 (24 h)", "LCP p75 (24 h)", "Uptime (30 d)", "Budget left"];

/** Every site's Overview figures side by side; each links to that site's section behind it. */
export function AllSitesTable({ sites }: { sites: SiteHealth[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Every site with its error rate, latency, LCP, uptime and error budget</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-muted dark:border-zinc-800">
          <tr>
            {HEAD.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {sites.map((s) => (
            <SiteRow key={s.slug} s={s} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
