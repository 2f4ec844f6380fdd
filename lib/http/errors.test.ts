import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, rateLimited, unauthorized } from "@/lib/errors";
import { toErrorResponse } from "./errors";

describe("toErrorResponse", () => {
  it("maps an AppError to its status and code", async () => {
    const res = toErrorResponse(new AppError("rate_limited", "Slow down."));
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: { code: "rate_limited", message: "Slow down." } });
  });

  it("sets Retry-After from a rate-limit refusal", async () => {
    const res = toErrorResponse(rateLimited(7, "Slow down."));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await res.json()).toEqual({
      error: { code: "rate_limited", message: "Slow down.", details: { retryAfterSeconds: 7 } },
    });
  });

  it("sets WWW-Authenticate from a refusal with a challenge", () => {
    const res = toErrorResponse(unauthorized("Send a token.", 'Bearer realm="cron"'));
    expect([res.status, res.headers.get("www-authenticate")]).toEqual([401, 'Bearer realm="cron"']);
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("answers 503 with Retry-After for an unreachable database, logging nothing per request", async () => {
    const log = { error: vi.fn(), warn: vi.fn() };
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const res = toErrorResponse(new Error("query failed", { cause: refused }), {
      route: "/t",
      log: () => log as never,
    });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await res.json();
    expect(body.error.code).toBe("unavailable");
    expect(JSON.stringify(body)).not.toContain("5432");
    expect(log.error).not.toHaveBeenCalled();
  });

  it("maps a ZodError to 400 with bounded details", async () => {
    const err = z.object({ a: z.number() }).safeParse({ a: "x" }).error!;
    const res = toErrorResponse(err);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details).toEqual([{ path: "a", message: expect.any(String) }]);
  });

  it("hides unknown errors behind a generic 500 and logs them", async () => {
    const log = { error: vi.fn() };
    const res = toErrorResponse(new Error("password=hunter2 at /srv/app.js:12"), {
      route: "/t",
      log: () => log as never,
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("app.js");
    expect(log.error).toHaveBeenCalledOnce();
  });
});
