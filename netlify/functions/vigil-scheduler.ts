// Netlify scheduled function: every minute, asks Vigil to run whatever jobs are due (docs/SLOS.md, ADR 0007).
// It runs outside the Next.js app, so it reads Netlify's own variables (URL) and CRON_SECRET directly.
export default async function scheduler(): Promise<Response> {
  const base = process.env.URL;
  const secret = process.env.CRON_SECRET;
  if (!base || !secret)
    return new Response("URL and CRON_SECRET must be set in the site's environment", { status: 500 });
  const res = await fetch(new URL("/api/cron/due", base), {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
    signal: AbortSignal.timeout(55_000),
  });
  return new Response(await res.text(), { status: res.status, headers: { "content-type": "application/json" } });
}

// Netlify reads this export (the `Config` type of @netlify/functions, which Vigil does not need to install).
export const config = { schedule: "* * * * *" };
