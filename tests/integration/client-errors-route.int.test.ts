import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/client-errors/route";
import { telemetry } from "@/lib/telemetry/registry";

// Clients are told apart as behind one reverse proxy: the X-Forwarded-For entry it appended is the client.
vi.hoisted(() => (process.env.VIGIL_TRUSTED_PROXIES = "1"));

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const ip = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
const post = (body: string, from: string) =>
  POST(
    new Request("http://127.0.0.1/api/v1/client-errors", {
      method: "POST",
      body,
      headers: { "content-type": "text/plain", "user-agent": CHROME, "x-forwarded-for": from },
    }),
  );
const rejected = async (reason: string) =>
  (await telemetry().ingestRejected.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;

describe("POST /api/v1/client-errors refusals", () => {
  it("rate-limits one address with 429, Retry-After and the JSON error body, and counts the rejection", async () => {
    const from = ip();
    const before = await rejected("rate_limited");
    let limited: Response | undefined;
    for (let i = 0; i < 700 && !limited; i++) {
      const res = await post("", from);
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toMatchObject({ error: { code: "rate_limited", message: expect.any(String) } });
    expect(await rejected("rate_limited")).toBe(before + 1);
  });

  it("answers 400 validation_failed for a report of the wrong shape", async () => {
    const res = await post(JSON.stringify({ v: 1, errors: [{ route: 7 }] }), ip());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed" } });
  });
});
