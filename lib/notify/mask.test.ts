import { describe, expect, it } from "vitest";
import { maskUrl, scrubUrl } from "./mask";

describe("maskUrl", () => {
  it("shows scheme, host and the first path segment only", () => {
    expect(maskUrl("https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX")).toBe(
      "https://hooks.slack.com/services/…",
    );
    expect(maskUrl("https://example.com/hooks/abc123?token=s3cret")).toBe("https://example.com/hooks/…");
    expect(maskUrl("https://example.com/hook?token=s3cret")).toBe("https://example.com/hook/…");
    expect(maskUrl("http://127.0.0.1:4000/")).toBe("http://127.0.0.1:4000");
    expect(maskUrl("http://127.0.0.1:4000/receive")).toBe("http://127.0.0.1:4000/receive");
    expect(maskUrl("not a url")).toBe("…");
  });
});

describe("scrubUrl", () => {
  it("removes the URL, its path and its query from a message", () => {
    const url = "https://hooks.slack.com/services/T0/B0/XYZ?x=1";
    expect(scrubUrl(`failed ${url} badly`, url)).toBe("failed [url] badly");
    expect(scrubUrl("GET /services/T0/B0/XYZ?x=1 failed", url)).toBe("GET [url] failed");
    expect(scrubUrl("connect ECONNREFUSED 127.0.0.1:9", url)).toBe("connect ECONNREFUSED 127.0.0.1:9");
  });
});
