import { randomBytes } from "node:crypto";
import { bucketOf } from "../../lib/vitals/histogram";
import { E2E_BASE_URL } from "./config";
import { createUser, queryDb } from "./fixtures";
import { upsertRequestRollups, type RollupRow } from "./request-rollups";

// A little of everything the console shows (ratings, statuses, alert states, delivery outcomes), so a page scan sees
// badges, tables and charts rather than empty states. Names carry `tag`; nothing here touches a shipped SLO's data
// beyond a few fast requests and page views, and cleanup removes the rows other specs could trip over (alerts, outbox, monitor).

const MINUTE = 60_000;
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

async function seedVitals(route: string) {
  // Three page views: LCP good, needs improvement and poor; the other metrics from good to needs improvement.
  for (const [i, lcp] of [1200, 3100, 5200].entries()) {
    const res = await fetch(`${E2E_BASE_URL}/api/v1/vitals`, {
      method: "POST",
      headers: { "content-type": "text/plain", "user-agent": BROWSER_UA },
      body: JSON.stringify({
        v: 1,
        pageViewId: `pv_${randomBytes(8).toString("hex")}`,
        route,
        device: "desktop",
        metrics: [
          { name: "LCP", value: lcp, id: `lcp${i}`, attribution: { target: "main > h1" } },
          { name: "FCP", value: 900 + i * 700, id: `fcp${i}` },
          { name: "TTFB", value: 300 + i * 500, id: `ttfb${i}` },
          { name: "CLS", value: 0.02 + i * 0.1, id: `cls${i}` },
          { name: "INP", value: 80 + i * 200, id: `inp${i}`, attribution: { target: "button#save" } },
        ],
      }),
    });
    if (res.status !== 202) throw new Error(`vitals beacon refused: HTTP ${res.status}`);
  }
}

async function seedRequests(route: string) {
  const cells = new Map<string, RollupRow>();
  const add = (grain: RollupRow["grain"], size: number, at: number, statusClass: number, count: number, ms: number) => {
    const bucket = Math.floor(at / size) * size;
    const key = `${grain}|${bucket}|${statusClass}`;
    const cell = cells.get(key) ?? {
      grain,
      bucket: new Date(bucket),
      route,
      method: "GET",
      statusClass,
      count: 0,
      durationSumMs: 0,
      hist: {},
    };
    cell.count += count;
    cell.durationSumMs += ms * count;
    cell.hist[bucketOf(ms)] = (cell.hist[bucketOf(ms)] ?? 0) + count;
    cells.set(key, cell);
  };
  // Half an hour of fast traffic: mostly 2xx, some 4xx, a few 5xx.
  for (let k = 1; k <= 30; k++) {
    const at = Date.now() - k * MINUTE;
    const ms = 15 + (k % 4) * 10;
    for (const [statusClass, count] of [
      [2, 40 + (k % 7) * 5],
      [4, k % 5],
      [5, k % 9 === 0 ? 2 : 0],
    ] as const) {
      if (count === 0) continue;
      add("minute", MINUTE, at, statusClass, count, ms);
      add("hour", 60 * MINUTE, at, statusClass, count, ms);
    }
  }
  await upsertRequestRollups([...cells.values()]);
}

/**
 * An HTTP monitor of Vigil's own site (id 1, the console's default) that is never due (checks are inserted), with a
 * day of results, an open and a resolved incident.
 */
async function seedMonitor(tag: string) {
  const [monitor] = await queryDb<{ id: string }>(
    "INSERT INTO monitors (site_id, id, slug, name, kind, url, interval_seconds, next_check_at, updated_at) VALUES (1, $1, $2, $3, 'http', 'https://shop.example/health', 300, '2100-01-01', now()) RETURNING id",
    [`a11y${tag}`, `a11y-shop-${tag}`, `A11y shop ${tag}`],
  );
  const checks = Array.from({ length: 288 }, (_, k) => ({
    ts: new Date(Date.now() - (k * 5 + 2) * MINUTE),
    ok: k > 2 && !(k >= 100 && k < 106),
    latency: 90 + (k % 6) * 25,
  }));
  await queryDb(
    "INSERT INTO probe_results (site_id, monitor_id, ts, ok, status_code, latency_ms, error) SELECT 1, $1, ts, ok, CASE WHEN ok THEN 200 ELSE 503 END, CASE WHEN ok THEN latency END, CASE WHEN ok THEN NULL ELSE 'Expected HTTP 200, got 503' END FROM unnest($2::timestamptz[], $3::boolean[], $4::float8[]) AS t(ts, ok, latency)",
    [monitor!.id, checks.map((c) => c.ts.toISOString()), checks.map((c) => c.ok), checks.map((c) => c.latency)],
  );
  await queryDb(
    `INSERT INTO incidents (site_id, monitor_id, opened_at, resolved_at, failures, cause) VALUES
       (1, $1, now() - interval '8 hours 30 minutes', now() - interval '8 hours', 6, 'Expected HTTP 200, got 503'),
       (1, $1, now() - interval '12 minutes', NULL, 3, 'Expected HTTP 200, got 503')`,
    [monitor!.id],
  );
  return monitor!.id;
}

function burnFigures(rule: string, factor: number, longMinutes: number, shortMinutes: number) {
  const long = { good: 98_200, total: 100_000 };
  const short = { good: 8_100, total: 8_400 };
  return { rule, factor, longMinutes, shortMinutes, long, short, longBurn: 18, shortBurn: 35.7, minEvents: 10 };
}

/** Alerts (Vigil's own site) of an SLO that is not configured: the evaluator resolves such rows, so cleanup deletes them. */
async function seedAlerts(slo: string) {
  const page = { ...burnFigures("page-1h", 14.4, 60, 5), objective: 0.999 };
  const ticket = { ...burnFigures("ticket-3d", 1, 4320, 360), objective: 0.999 };
  const insert = (rule: string, severity: string, state: string, startedAgo: string, figures: object) =>
    queryDb(
      `INSERT INTO alerts (site_id, fingerprint, slo, rule, severity, state, started_at, fired_at, resolved_at, last_eval_at, figures, summary)
       VALUES (1, $1, $2, $3, $4::"AlertSeverity", $5::"AlertState", now() - $6::interval,
         CASE WHEN $9 THEN now() - $6::interval END, CASE WHEN $10 THEN now() - interval '1 hour' END, now(), $7::jsonb, $8)`,
      [
        `${slo}:${rule}`,
        slo,
        rule,
        severity,
        state,
        startedAgo,
        JSON.stringify({ fired: state === "pending" ? null : figures, latest: figures }),
        `${slo}: burning ${rule}`,
        state !== "pending",
        state === "resolved",
      ],
    );
  await insert("page-1h", "page", "firing", "20 minutes", page);
  await insert("ticket-3d", "ticket", "pending", "3 minutes", ticket);
  await insert("page-6h", "page", "resolved", "3 hours", {
    ...page,
    rule: "page-6h",
    factor: 6,
    longMinutes: 360,
    shortMinutes: 30,
  });
}

/** A disabled channel (never claimed by the worker) with one delivery in each state. */
async function seedDeliveries(tag: string) {
  const [channel] = await queryDb<{ id: string }>(
    "INSERT INTO notification_channels (id, name, kind, url, enabled, updated_at) VALUES ($1, $2, 'webhook', 'https://hooks.example/vigil', false, now()) RETURNING id",
    [`a11y${tag}ch`, `A11y hook ${tag}`],
  );
  const rows: Array<[string, string, number | null, string | null]> = [
    ["delivered", "Shop is down", 200, null],
    ["dead", "Shop is back up", 410, "HTTP 410: gone"],
    ["pending", "API availability is burning its budget", 503, "HTTP 503: unavailable"],
  ];
  for (const [status, title, lastStatus, lastError] of rows) {
    await queryDb(
      `INSERT INTO notification_deliveries (channel_id, event_key, event_type, payload, status, attempts, next_attempt_at, last_status, last_error, delivered_at)
       VALUES ($1, $2, 'incident.opened', $3::jsonb, $4::"DeliveryStatus", 2, now() + interval '2 hours', $5, $6, $7)`,
      [
        channel!.id,
        `a11y:${tag}:${status}`,
        JSON.stringify({ title }),
        status,
        lastStatus,
        lastError,
        status === "delivered" ? new Date() : null,
      ],
    );
  }
  return channel!.id;
}

export async function seedSampleData(tag: string): Promise<() => Promise<void>> {
  const slo = `a11y-${tag}`;
  await Promise.all([seedVitals(`/a11y/${tag}/[slug]`), seedRequests(`/a11y/${tag}/items/[id]`)]);
  await Promise.all([createUser("viewer"), createUser("pending")]);
  const monitorId = await seedMonitor(tag);
  const channelId = await seedDeliveries(tag);
  await seedAlerts(slo);
  return async () => {
    await queryDb("DELETE FROM alerts WHERE site_id = 1 AND slo = $1", [slo]);
    await queryDb("DELETE FROM notification_channels WHERE id = $1", [channelId]);
    await queryDb("DELETE FROM monitors WHERE site_id = 1 AND id = $1", [monitorId]);
  };
}
