import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, type ErrorCode, forbidden, rateLimited, unauthorized, unavailable } from "@/lib/errors";
import { setErrorReporter } from "@/lib/telemetry/error-reporter";
import { apiRoute } from "./api-route";

const { requestLogger, logError, noteDatabaseUnavailable } = vi.hoisted(() => {
  const logError = vi.fn();
  return { logError, requestLogger: vi.fn(() => ({ error: logError })), noteDatabaseUnavailable: vi.fn() };
});
vi.mock("@/lib/log/logger", () => ({ requestLogger }));
vi.mock("@/lib/db/outage", () => ({ noteDatabaseUnavailable }));

const NAME = "/api/test/[id]";
const request = (method = "POST") =>
  new Request("http://127.0.0.1/api/test/1", { method, body: method === "POST" ? "x" : null });
const failing = (err: unknown, options?: Parameters<typeof apiRoute>[2]) =>
  apiRoute(
    NAME,
    () => {
      throw err;
    },
    options,
  );
const dbDown = () =>
  new Error("query failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
  });
const zodError = () => z.object({ a: z.number() }).safeParse({ a: "x" }).error!;

const reported: unknown[] = [];
beforeEach(() => {
  vi.clearAllMocks();
  reported.length = 0;
  setErrorReporter((err) => reported.push(err));
});
afterEach(() => setErrorReporter(undefined));

describe("apiRoute on success", () => {
  it("returns the handler's response with the extra headers, creating no logger and calling no hook", async () => {
    const onError = vi.fn();
    const route = apiRoute(NAME, () => new Response(null, { status: 202 }), {
      headers: { "Access-Control-Allow-Origin": "*" },
      onError,
    });
    const res = await route(request());
    expect(res.status).toBe(202);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(requestLogger).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it("passes Next's route context through to the handler", async () => {
    const route = apiRoute<{ id: string }>(NAME, async (_request, { params }) => Response.json(await params));
    const res = await route(request("GET"), { params: Promise.resolve({ id: "42" }) });
    expect(await res.json()).toEqual({ id: "42" });
  });
});

describe("apiRoute refusals", () => {
  const cases: [string, () => unknown, number, ErrorCode][] = [
    ["bad request", () => new AppError("bad_request", "Nope."), 400, "bad_request"],
    ["validation AppError", () => new AppError("validation_failed", "Nope."), 400, "validation_failed"],
    ["zod error", zodError, 400, "validation_failed"],
    ["unauthorized", () => unauthorized(), 401, "unauthorized"],
    ["forbidden", () => forbidden(), 403, "forbidden"],
    ["not found", () => new AppError("not_found", "Nope."), 404, "not_found"],
    ["method not allowed", () => new AppError("method_not_allowed", "Nope."), 405, "method_not_allowed"],
    ["payload too large", () => new AppError("payload_too_large", "Nope."), 413, "payload_too_large"],
    ["unsupported media type", () => new AppError("unsupported_media_type", "Nope."), 415, "unsupported_media_type"],
    ["rate limited", () => rateLimited(7, "Slow down."), 429, "rate_limited"],
    ["internal AppError", () => new AppError("internal", "Broken."), 500, "internal"],
    ["unavailable", () => unavailable("Later."), 503, "unavailable"],
    ["unreachable database", dbDown, 503, "unavailable"],
    ["unknown error", () => new Error("boom"), 500, "internal"],
    ["thrown non-error", () => "a string", 500, "internal"],
  ];

  it.each(cases)("%s → %i { error: { code: %s, message } }, onError told the code", async (_, make, status, code) => {
    const onError = vi.fn();
    const res = await failing(make(), { onError })(request());
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error).toMatchObject({ code, message: expect.any(String) });
    expect(Object.keys(body)).toEqual(["error"]);
    expect(onError).toHaveBeenCalledExactlyOnceWith(code);
  });

  it("sets Retry-After from the refusal itself on 429 and 503", async () => {
    const limited = await failing(rateLimited(7.2, "Slow down."))(request());
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "8"]);
    expect(await limited.json()).toEqual({
      error: { code: "rate_limited", message: "Slow down.", details: { retryAfterSeconds: 7.2 } },
    });
    const down = await failing(unavailable("Later.", 3))(request());
    expect([down.status, down.headers.get("retry-after")]).toEqual([503, "3"]);
  });

  it("answers an unreachable database with 503 and Retry-After, counted once for the route, logging nothing", async () => {
    const res = await failing(dbDown())(request());
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await res.text()).not.toContain("5432");
    expect(noteDatabaseUnavailable).toHaveBeenCalledExactlyOnceWith(expect.any(Error), NAME);
    expect(requestLogger).not.toHaveBeenCalled();
    expect(reported).toEqual([]);
  });

  it("sends WWW-Authenticate with a bearer challenge", async () => {
    const res = await failing(unauthorized("Send a token.", 'Bearer realm="metrics"'))(request());
    expect([res.status, res.headers.get("www-authenticate")]).toEqual([401, 'Bearer realm="metrics"']);
  });

  it("hides an unknown error behind a generic 500, logged with the route's request logger and reported", async () => {
    const err = new Error("password=hunter2 at /srv/app.js:12");
    const res = await failing(err)(request());
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("app.js");
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal", message: "Something went wrong on our side. The error has been logged." },
    });
    expect(requestLogger).toHaveBeenCalledExactlyOnceWith(expect.any(Request), { route: NAME });
    expect(logError).toHaveBeenCalledExactlyOnceWith({ err }, "unhandled error in route handler");
    expect(reported).toEqual([err]);
  });

  it("does not log or report AppErrors and zod errors", async () => {
    await failing(forbidden())(request());
    await failing(zodError())(request());
    expect(requestLogger).not.toHaveBeenCalled();
    expect(reported).toEqual([]);
  });

  it("catches errors of async handlers as well as synchronous throws", async () => {
    const route = apiRoute(NAME, async () => {
      await Promise.resolve();
      throw rateLimited(2, "Slow down.");
    });
    expect((await route(request())).status).toBe(429);
  });

  it("applies the extra headers to refusals too", async () => {
    const res = await failing(rateLimited(1, "Slow down."), { headers: { "Access-Control-Allow-Origin": "*" } })(
      request(),
    );
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("retry-after")).toBe("1");
  });

  it("answers HEAD refusals with status and headers only", async () => {
    const res = await failing(rateLimited(4, "Slow down."), { headers: { "Cache-Control": "no-store" } })(
      request("HEAD"),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("4");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toBe("");
  });
});
