import { describe, expect, it, vi } from "vitest";
import { errorCodeOf } from "@/lib/http/errors";
import type { Logger } from "@/lib/log/logger";
import { CSP_REPORTS_PER_CLIENT_PER_MINUTE, recordCspReport } from "./record-csp-report";

const body = JSON.stringify({
  "csp-report": {
    "document-uri": "http://127.0.0.1:3000/login",
    "violated-directive": "script-src-attr",
    "blocked-uri": "inline",
  },
});
const post = (data: string, type = "application/csp-report") =>
  new Request("http://127.0.0.1/api/v1/csp-reports", { method: "POST", body: data, headers: { "content-type": type } });
const logger = () => ({ warn: vi.fn() }) as unknown as Logger & { warn: ReturnType<typeof vi.fn> };
let ip = 0;
const nextIp = () => `10.0.0.${++ip}`;
/** The error code the route's toErrorResponse answers with (its status follows from it). */
const refusal = (p: Promise<unknown>) => p.then(() => null, errorCodeOf);

describe("recordCspReport", () => {
  it("logs the summary of a valid report", async () => {
    const log = logger();
    await expect(recordCspReport(post(body), nextIp(), log)).resolves.toMatchObject({
      directive: "script-src-attr",
      blocked: "inline",
      document: "/login",
    });
    expect(log.warn).toHaveBeenCalledWith(
      { csp: expect.objectContaining({ directive: "script-src-attr" }) },
      "content security policy violation",
    );
  });

  it("refuses other content types, big bodies, broken JSON and other shapes, and logs nothing", async () => {
    const log = logger();
    expect(await refusal(recordCspReport(post(body, "text/html"), nextIp(), log))).toBe("unsupported_media_type");
    expect(await refusal(recordCspReport(post(body + " ".repeat(17_000)), nextIp(), log))).toBe("payload_too_large");
    expect(await refusal(recordCspReport(post("{not json"), nextIp(), log))).toBe("bad_request");
    expect(await refusal(recordCspReport(post(JSON.stringify({ hello: "world" })), nextIp(), log))).toBe(
      "validation_failed",
    );
    expect(log.warn).not.toHaveBeenCalled();
  });

  it("rate-limits each client, with the seconds to wait", async () => {
    const client = nextIp();
    for (let i = 0; i < CSP_REPORTS_PER_CLIENT_PER_MINUTE; i++) await recordCspReport(post(body), client, logger());
    const err = await recordCspReport(post(body), client, logger()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    await expect(recordCspReport(post(body), nextIp(), logger())).resolves.not.toBeNull();
  });
});
