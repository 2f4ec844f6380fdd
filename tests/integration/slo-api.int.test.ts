import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { createSlo } from "@/lib/slo/slo-store";
import { telemetry } from "@/lib/telemetry/registry";

// Set before any import reads the env module.
const TOKEN = vi.hoisted(() => (process.env.VIGIL_API_TOKEN = "integration-api-token-0123456789"));
// Sessions come from Auth.js in the app; here `auth()` is a stub each test sets, so the guards' logic is what runs.
const session = vi.hoisted(() => ({
  current: null as null | { user: { id: string; email: string; role: "admin" | "viewer" } },
}));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { GET: getSlo } = await import("@/app/api/observability/slo/route");
const { POST: postCheck } = await import("@/app/api/observability/slo/check/route");
const { GET: getLatency } = await import("@/app/api/observability/latency/route");
const { POST: postEvents } = await import("@/app/api/v1/slo-events/route");

const url = (path: string) => `http://127.0.0.1:3000${path}`;
const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const user = (role: "admin" | "viewer") => ({ user: { id: `it-${role}`, email: `${role}@vigil.test`, role } });
const events = (body: unknown, headers: Record<string, string> = bearer()) =>
  postEvents(
    new Request(url("/api/v1/slo-events"), {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    }),
  );
// Events sent with the API token and no ?site= belong to Vigil's own site.
const stored = async () =>
  (await db.sloEventRollup.findMany({ where: { siteId: VIGIL_SITE_ID, slo: "it-checkout" } })).reduce(
    (n, r) => ({ good: n.good + Number(r.good), total: n.total + Number(r.total) }),
    { good: 0, total: 0 },
  );

// The seeded defaults have no custom SLO: add one to Vigil's own site, as a team would in Settings.
beforeAll(async () => {
  await createSlo(VIGIL_SITE_ID, {
    id: "it-checkout",
    name: "Checkout",
    kind: "custom",
    objective: 0.99,
    owner: "shop",
  });
});

beforeEach(() => {
  session.current = null;
});

describe("observability APIs: a session or the API token, else 401 JSON", () => {
  it("refuses anonymous and wrongly authenticated calls", async () => {
    for (const res of [
      await getSlo(new Request(url("/api/observability/slo"))),
      await getLatency(new Request(url("/api/observability/latency"))),
      await postCheck(new Request(url("/api/observability/slo/check"), { method: "POST" })),
      await getSlo(new Request(url("/api/observability/slo"), { headers: bearer("wrong-token-wrong-token-wrong") })),
    ]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });

  it("answers the token with the report of every configured SLO, and the latency percentiles", async () => {
    const res = await getSlo(new Request(url("/api/observability/slo"), { headers: bearer() }));
    expect(res.status).toBe(200);
    const report = await res.json();
    // The seeded defaults first, then what was added (other test files may add SLOs to the same site).
    const ids = report.slos.map((s: { id: string }) => s.id);
    expect(ids.slice(0, 4)).toEqual(["api-availability", "request-latency", "lcp-good", "uptime"]);
    expect(ids).toContain("it-checkout");
    expect(report.slos[0]).toMatchObject({
      kind: "availability",
      objective: 0.999,
      window: "30d",
      budget: expect.any(Object),
      burnRates: expect.any(Array),
      openAlerts: expect.any(Array),
      status: expect.any(String),
    });
    expect(report.slos[0].burnRates.map((b: { rule: string }) => b.rule)).toEqual([
      "page-1h",
      "page-6h",
      "ticket-1d",
      "ticket-3d",
    ]);
    const latency = await getLatency(new Request(url("/api/observability/latency"), { headers: bearer() }));
    expect(latency.status).toBe(200);
    expect(await latency.json()).toMatchObject({ window: "24h", unit: "ms", requests: expect.any(Number) });
    const check = await postCheck(
      new Request(url("/api/observability/slo/check"), { method: "POST", headers: bearer() }),
    );
    expect(check.status).toBe(200);
    const checked = await check.json();
    expect(checked.slos.map((s: { id: string }) => s.id)).toEqual(ids);
    expect(checked.evaluation).toEqual({ outcome: "ok", changes: expect.any(Array) });
    // The check goes through the scheduler: the run is recorded like the minute's runs.
    expect(await db.jobRun.count({ where: { job: "slo-evaluate", trigger: "manual" } })).toBeGreaterThanOrEqual(1);
  });

  it("lets a viewer read and only an admin run a check", async () => {
    session.current = user("viewer");
    expect((await getSlo(new Request(url("/api/observability/slo")))).status).toBe(200);
    const denied = await postCheck(new Request(url("/api/observability/slo/check"), { method: "POST" }));
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { code: "forbidden" } });
    session.current = user("admin");
    expect((await postCheck(new Request(url("/api/observability/slo/check"), { method: "POST" }))).status).toBe(200);
  });
});

describe("POST /api/v1/slo-events", () => {
  it("adds good and total into the minute of a custom SLO and counts them", async () => {
    const before = await stored();
    const counted = async (outcome: string) =>
      (await telemetry().sloEvents.get()).values.find(
        (v) => v.labels.site === VIGIL_SITE_SLUG && v.labels.slo === "it-checkout" && v.labels.outcome === outcome,
      )?.value ?? 0;
    const [good0, bad0] = [await counted("good"), await counted("bad")];
    const res = await events({ slo: "it-checkout", good: 97, total: 100 });
    expect(res.status).toBe(202);
    expect((await events({ slo: "it-checkout", good: 3, total: 3 })).status).toBe(202);
    expect(await stored()).toEqual({ good: before.good + 100, total: before.total + 103 });
    expect([(await counted("good")) - good0, (await counted("bad")) - bad0]).toEqual([100, 3]);
  });

  it("refuses bad input with a 4xx JSON error and stores nothing", async () => {
    const before = await stored();
    const cases: Array<[unknown, number, string, Record<string, string>?]> = [
      [{ slo: "it-checkout", good: 1, total: 1 }, 401, "unauthorized", {}],
      [{ slo: "it-checkout", good: 1, total: 1 }, 401, "unauthorized", bearer("not-the-token-not-the-token")],
      [{ slo: "it-checkout", good: 5, total: 4 }, 400, "validation_failed"],
      [{ slo: "it-checkout", good: -1, total: 4 }, 400, "validation_failed"],
      [{ slo: "it-checkout", good: 1, total: 2_000_000 }, 400, "validation_failed"],
      [{ slo: "it-checkout", good: 1.5, total: 4 }, 400, "validation_failed"],
      [{ slo: "it-checkout", good: 0, total: 0 }, 400, "validation_failed"],
      [{ slo: "it-checkout", good: 1, total: 1, extra: true }, 400, "validation_failed"],
      [{ slo: "Not An Id", good: 1, total: 1 }, 400, "validation_failed"],
      [{ slo: "no-such-slo", good: 1, total: 1 }, 404, "not_found"],
      [{ slo: "api-availability", good: 1, total: 1 }, 400, "bad_request"],
      ["{not json", 400, "bad_request"],
      [JSON.stringify({ slo: "it-checkout", good: 1, total: 1, pad: "x".repeat(2000) }), 413, "payload_too_large"],
    ];
    for (const [body, status, code, headers] of cases) {
      const res = await events(body, headers ?? bearer());
      expect([res.status, (await res.json()).error.code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
    }
    expect(await stored()).toEqual(before);
  });
});
