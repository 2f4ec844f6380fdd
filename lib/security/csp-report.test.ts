import { describe, expect, it } from "vitest";
import { CspReport, violationOf } from "./csp-report";

const report = (fields: Record<string, unknown>) =>
  CspReport.parse({
    "csp-report": {
      "document-uri": "https://vigil.example.com/admin/vitals?token=abc#x",
      "violated-directive": "script-src-elem",
      ...fields,
    },
  });

describe("CSP report summary", () => {
  it("keeps the directive, what was blocked and where, without query strings", () => {
    const v = violationOf(
      report({
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://cdn.evil.example/x.js?session=s3cret",
        "source-file": "https://vigil.example.com/_next/static/chunks/a.js?v=1",
        "line-number": 3,
        disposition: "enforce",
      }),
    );
    expect(v).toEqual({
      directive: "script-src-elem",
      blocked: "https://cdn.evil.example/x.js",
      document: "/admin/vitals",
      source: "https://vigil.example.com/_next/static/chunks/a.js",
      line: 3,
      disposition: "enforce",
    });
    expect(JSON.stringify(v)).not.toMatch(/s3cret|token|abc/);
  });

  it("names inline code and eval as browsers do, and falls back to the violated directive", () => {
    expect(
      violationOf(report({ "blocked-uri": "inline", "violated-directive": "script-src-attr 'none'" })),
    ).toMatchObject({ directive: "script-src-attr", blocked: "inline" });
    expect(violationOf(report({ "blocked-uri": "eval" }))?.blocked).toBe("eval");
    expect(violationOf(report({ "blocked-uri": "data:image/png;base64,AAAA" }))?.blocked).toBe("data:");
    expect(violationOf(report({}))?.blocked).toBe("(none)");
  });

  it("does not let a reporter choose free-form directive labels or documents", () => {
    expect(violationOf(report({ "effective-directive": "<script>alert(1)</script>" }))?.directive).toBe("(other)");
    expect(violationOf(report({ "document-uri": "not a url" }))?.document).toBe("(unparsable)");
  });

  it("drops what browser extensions cause", () => {
    expect(violationOf(report({ "blocked-uri": "chrome-extension://abcdef/inject.js" }))).toBeNull();
    expect(
      violationOf(report({ "source-file": "moz-extension://1234/content.js", "blocked-uri": "inline" })),
    ).toBeNull();
  });

  it("refuses oversized fields and missing ones", () => {
    expect(() => report({ "blocked-uri": "x".repeat(5000) })).toThrow();
    expect(() => report({ "line-number": -1 })).toThrow();
    expect(CspReport.safeParse({ "csp-report": { "document-uri": "https://x/" } }).success).toBe(false);
    expect(CspReport.safeParse({ documentURL: "https://x/" }).success).toBe(false);
  });
});
