import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/client-errors/route";
import { readClientErrorTotals } from "@/lib/client-errors/client-error-repository";
import { recordClientErrors } from "@/lib/client-errors/record-client-errors";
import { pgPool } from "@/lib/db";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { upsertRequestRollups } from "@/lib/telemetry/request-rollup-repository";

// Clients are told apart as behind one reverse proxy: the X-Forwarded-For entry it appended is the client.
vi.hoisted(() => (process.env.VIGIL_TRUSTED_PROXIES = "1"));

// Counters that anonymous traffic feeds, pushed to the edge of an int: the next report must still be stored.
const INT_MAX = 2_147_483_647;
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const route = () => `/overflow-${randomUUID().slice(0, 8)}`;
const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);

async function seedClientErrors(bucketStart: Date, r: string, count: number) {
  await pgPool().query(
    "INSERT INTO client_error_rollups (site_id, bucket_start, route, count) VALUES ($1, $2, $3, $4)",
    [VIGIL_SITE_ID, bucketStart, r, count],
  );
}
const storedClientErrors = async (r: string) =>
  Number(
    (
      await pgPool().query<{ n: string }>(
        "SELECT sum(count)::text AS n FROM client_error_rollups WHERE site_id = $2 AND route = $1",
        [r, VIGIL_SITE_ID],
      )
    ).rows[0]!.n,
  );

describe("client error counts past 2^31", () => {
  it("a report into a route-hour near the int maximum is added, not refused with 22003", async () => {
    const r = route();
    const now = new Date();
    await seedClientErrors(hourOf(now), r, INT_MAX - 500);
    expect(await recordClientErrors(VIGIL_SITE_ID, { v: 1, errors: [{ route: r, count: 1_000 }] }, now)).toBe(1_000);
    expect(await storedClientErrors(r)).toBe(INT_MAX + 500);
  });

  it("the endpoint answers 202 for that route-hour, not 500", async () => {
    const r = route();
    await seedClientErrors(hourOf(new Date()), r, INT_MAX - 1);
    const body = JSON.stringify({
      v: 1,
      errors: [
        { route: r, count: 1_000 },
        { route: r, count: 1_000 },
      ],
    });
    const res = await POST(
      new Request("http://127.0.0.1/api/v1/client-errors", {
        method: "POST",
        body,
        headers: { "content-type": "text/plain", "user-agent": CHROME, "x-forwarded-for": "198.51.100.61" },
      }),
    );
    expect(res.status).toBe(202);
    expect(await storedClientErrors(r)).toBe(INT_MAX - 1 + 2_000);
  });

  it("totals over rows that each fit an int but sum past it are read exactly", async () => {
    // A past hour of its own, so that other tests' rows do not count.
    const from = new Date(Date.UTC(2001, 0, 1, 10));
    const to = new Date(from.getTime() + 3_600_000);
    await seedClientErrors(from, route(), INT_MAX);
    await seedClientErrors(from, route(), INT_MAX);
    await seedClientErrors(from, route(), 7);
    expect(await readClientErrorTotals(VIGIL_SITE_ID, from, to)).toEqual({ errors: 2 * INT_MAX + 7, pageViews: 0 });
  });
});

describe("request rollup counts at the int maximum", () => {
  it("saturate instead of failing the whole flush (every other route's counts included)", async () => {
    const [full, other] = [route(), route()];
    const bucketStart = new Date(Date.UTC(2001, 0, 2, 10));
    await pgPool().query(
      `INSERT INTO request_rollups (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist) VALUES ($4, 'hour', $1, $2, 'GET', 2, $3, 0, '{}')`,
      [bucketStart, full, INT_MAX - 10, VIGIL_SITE_ID],
    );
    const row = (r: string) => ({
      grain: "hour" as const,
      bucketStart,
      route: r,
      method: "GET",
      statusClass: 2,
      count: 100,
      durationSumMs: 50,
      hist: { "100": 100 },
    });
    await upsertRequestRollups(VIGIL_SITE_ID, [row(full), row(other)]);
    const { rows } = await pgPool().query<{ route: string; count: number }>(
      "SELECT route, count FROM request_rollups WHERE site_id = $3 AND route = ANY($1) ORDER BY route = $2 DESC",
      [[full, other], full, VIGIL_SITE_ID],
    );
    expect(rows).toEqual([
      { route: full, count: INT_MAX },
      { route: other, count: 100 },
    ]);
  });
});
