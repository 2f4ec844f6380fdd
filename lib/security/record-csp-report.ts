import "server-only";
import { AppError, rateLimited } from "@/lib/errors";
import { readBodyLimited } from "@/lib/http/read-body";
import { RateLimiter } from "@/lib/http/rate-limit";
import type { Logger } from "@/lib/log/logger";
import { CspReport, MAX_CSP_REPORT_BYTES, violationOf, type CspViolation } from "./csp-report";

const ACCEPTED_TYPES = new Set(["application/csp-report", "application/json"]);

// A page with a broken policy reports every blocked load; past these rates reports add nothing but log volume,
// and the overall cap bounds what many clients together can write to the log.
export const CSP_REPORTS_PER_CLIENT_PER_MINUTE = 60;
const perClient = new RateLimiter(CSP_REPORTS_PER_CLIENT_PER_MINUTE);
const overall = new RateLimiter(600);

/** Checks one report (rate, type, size, JSON, schema) and logs its summary; returns it, or null for extension noise. */
export async function recordCspReport(request: Request, clientIp: string, log: Logger): Promise<CspViolation | null> {
  const wait = perClient.take(clientIp) || overall.take("*");
  if (wait) throw rateLimited(wait, "Too many CSP reports; retry later.");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.has(type))
    throw new AppError("unsupported_media_type", "Send the report as application/csp-report.");
  const text = (await readBodyLimited(request, MAX_CSP_REPORT_BYTES, "CSP report")).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The report is not valid JSON.");
  }
  const violation = violationOf(CspReport.parse(json));
  if (violation) log.warn({ csp: violation }, "content security policy violation");
  return violation;
}
