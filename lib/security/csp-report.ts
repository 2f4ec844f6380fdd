import { z } from "zod";

// The body browsers POST to the policy's report-uri (application/csp-report). Pure: schema and the summary that is
// logged. Nothing of a report is stored; the summary keeps no query strings, samples or referrers.

export { CSP_REPORT_PATH } from "./headers.js";
export const MAX_CSP_REPORT_BYTES = 16 * 1024;

const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(10_000_000);

export const CspReport = z.object({
  "csp-report": z.object({
    "document-uri": text(4096),
    "violated-directive": text(512),
    "effective-directive": text(64).optional(),
    "blocked-uri": text(4096).optional(),
    "source-file": text(4096).optional(),
    "line-number": count.optional(),
    "column-number": count.optional(),
    disposition: z.enum(["enforce", "report"]).optional(),
  }),
});
export type CspReport = z.infer<typeof CspReport>;

export type CspViolation = {
  directive: string;
  blocked: string;
  document: string;
  source?: string;
  line?: number;
  disposition: "enforce" | "report";
};

// What a report-uri body names instead of a URL for inline code, eval and the like (CSP3 "violation's resource").
const KEYWORD = /^(?:inline|eval|wasm-eval|trusted-types-(?:policy|sink)|data|blob)$/;
const DIRECTIVE = /^[a-z-]{1,40}$/;
const EXTENSION = /^(?:chrome|moz|safari|safari-web|ms-browser)-extension:/i;

/** Origin and path only: query strings and fragments may hold tokens. */
function place(uri: string): string {
  if (KEYWORD.test(uri)) return uri;
  try {
    const url = new URL(uri);
    return url.protocol === "http:" || url.protocol === "https:"
      ? (url.origin + url.pathname).slice(0, 200)
      : url.protocol.slice(0, 40);
  } catch {
    return "(unparsable)";
  }
}

/** The loggable facts of a report, or null for noise: browser extensions break every page's policy. */
export function violationOf(report: CspReport): CspViolation | null {
  const r = report["csp-report"];
  if ([r["blocked-uri"], r["source-file"], r["document-uri"]].some((u) => u && EXTENSION.test(u))) return null;
  const directive = r["effective-directive"] ?? r["violated-directive"].trim().split(/\s+/)[0] ?? "";
  let document = "(unparsable)";
  try {
    document = new URL(r["document-uri"]).pathname.slice(0, 200);
  } catch {}
  return {
    directive: DIRECTIVE.test(directive) ? directive : "(other)",
    blocked: r["blocked-uri"] ? place(r["blocked-uri"]) : "(none)",
    document,
    ...(r["source-file"] && { source: place(r["source-file"]) }),
    ...(r["line-number"] !== undefined && { line: r["line-number"] }),
    disposition: r.disposition ?? "enforce",
  };
}
