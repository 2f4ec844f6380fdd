import { describe, expect, it } from "vitest";
import { installSnippets } from "./install-snippets";

const site = { origin: "https://vigil.example", publicKey: "pk_abcdefghijklmnopqrstuvwx", secretHint: "wxyz" };

describe("installSnippets", () => {
  it("points every install at this instance's origin with the site's public key", () => {
    const s = installSnippets(site);
    expect(s.scriptTag).toBe(
      '<script defer src="https://vigil.example/v1/vitals.js" data-site="pk_abcdefghijklmnopqrstuvwx"></script>',
    );
    expect(s.nextLayout).toContain(
      '<VigilVitals siteKey="pk_abcdefghijklmnopqrstuvwx" endpoint="https://vigil.example/api/v1/vitals" />',
    );
    expect(s.instrumentation).toContain(
      'registerVigil({ endpoint: "https://vigil.example", secretKey: process.env.VIGIL_SECRET_KEY })',
    );
    expect(s.serverEnv).toContain("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT=https://vigil.example/v1/metrics");
    expect(s.serverEnv).toContain("OTEL_EXPORTER_OTLP_METRICS_HEADERS=x-vigil-key=sk_…wxyz");
  });

  it("names the server key by its hint only, or by nothing before one exists", () => {
    expect(installSnippets({ ...site, secretHint: null }).serverEnv).toContain("VIGIL_SECRET_KEY=sk_…\n");
    expect(JSON.stringify(installSnippets(site))).not.toMatch(/sk_[A-Za-z0-9]{5,}/);
  });
});
