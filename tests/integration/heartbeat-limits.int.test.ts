import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/v1/heartbeat/[token]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env.js";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { addMonitor } from "@/lib/uptime/monitors";
import { MonitorInput } from "@/lib/uptime/monitor-input";

// Clients are told apart as behind one reverse proxy: the X-Forwarded-For entry it appended is the client.
vi.hoisted(() => (process.env.VIGIL_TRUSTED_PROXIES = "1"));

// The heartbeat endpoint under a flood: limits per sender before the lookup, per monitor after it.
const randomToken = () => randomBytes(32).toString("base64url");
// GET, POST and HEAD are one handler; the method decides the body.
const call = (token: string, from: string, method = "GET") =>
  GET(
    new Request(`http://127.0.0.1:3000/api/v1/heartbeat/${token}`, { method, headers: { "x-forwarded-for": from } }),
    { params: Promise.resolve({ token }) },
  );
let ipSeq = 0;
const freshIp = () => `198.18.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

/** Pings until the first refusal (buckets refill while the loop runs): how many passed, and that refusal. */
async function untilRefused(budget: number, next: () => Promise<Response>) {
  const started = Date.now();
  for (let passed = 0; passed < 2 * budget; passed++) {
    const res = await next();
    if (res.status === 429)
      return { passed, refused: res, refill: Math.ceil(((Date.now() - started) / 60_000) * budget) };
  }
  throw new Error(`no 429 after ${2 * budget} pings`);
}

// Removed after the file: a left-over heartbeat monitor falls due in other files' uptime runs.
const created: string[] = [];
async function heartbeat(name: string) {
  const added = await addMonitor(
    VIGIL_SITE_ID,
    MonitorInput.parse({ kind: "heartbeat", name, intervalSeconds: "300", graceSeconds: "60", failureThreshold: "1" }),
  );
  if (!added.ok) throw new Error(JSON.stringify(added.errors));
  created.push(added.monitor.id);
  return { id: added.monitor.id, token: added.monitor.heartbeatToken! };
}

describe("heartbeat rate limits", () => {
  afterAll(() => db.monitor.deleteMany({ where: { id: { in: created } } }));

  it("one address guessing tokens is refused with 429 and Retry-After once its budget is spent, real token or not", async () => {
    const real = await heartbeat("Guessed at");
    const guesser = freshIp();
    const budget = env.VIGIL_HEARTBEAT_RATE_PER_MINUTE;
    const statuses = new Set<number>();
    const { passed, refill } = await untilRefused(budget, async () => {
      const res = await call(randomToken(), guesser);
      statuses.add(res.status);
      return res;
    });
    expect(passed).toBeGreaterThanOrEqual(budget);
    expect(passed).toBeLessThanOrEqual(budget + refill);
    expect([...statuses]).toEqual([404, 429]);

    for (const token of [randomToken(), "not-even-a-token", real.token]) {
      const refused = await call(token, guesser);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get("cache-control")).toBe("no-store");
      expect(await refused.json()).toMatchObject({
        error: { code: "rate_limited", message: expect.stringContaining("from this address") },
      });
    }
    expect((await call(randomToken(), guesser, "HEAD")).status).toBe(429);
    // Nothing was recorded for the real monitor, and another sender is not affected.
    expect(await db.probeResult.count({ where: { monitorId: real.id } })).toBe(0);
    expect((await call(real.token, freshIp())).status).toBe(200);
  });

  it("one heartbeat takes at most 60 pings a minute, from however many addresses", async () => {
    const looping = await heartbeat("Looping job");
    const { passed, refused, refill } = await untilRefused(60, () => call(looping.token, freshIp()));
    expect(passed).toBeGreaterThanOrEqual(60);
    expect(passed).toBeLessThanOrEqual(60 + refill);
    expect(await refused.json()).toMatchObject({
      error: { code: "rate_limited", message: expect.stringContaining("for this heartbeat") },
    });
    expect(await db.probeResult.count({ where: { monitorId: looping.id } })).toBe(passed);
    // Another heartbeat keeps its own budget.
    expect((await call((await heartbeat("Quiet job")).token, freshIp())).status).toBe(200);
  });
});
