import { beforeEach, describe, expect, it, vi } from "vitest";

// The Node start-up path with its side effects stubbed: what it logs about /metrics, and how often.
const config = vi.hoisted(() => ({
  env: {
    NODE_ENV: "production",
    VIGIL_METRICS_TOKEN: undefined as string | undefined,
    VIGIL_REQUEST_METRICS: true,
    VIGIL_TELEMETRY_FLUSH_MS: 10_000,
  },
}));
const warn = vi.hoisted(() => vi.fn());
vi.mock("@/lib/env.js", () => config);
vi.mock("@/lib/log/logger", () => ({ logger: { warn } }));
vi.mock("@/lib/telemetry/http-server", () => ({ instrumentHttpServer: vi.fn() }));
vi.mock("@/lib/telemetry/registry", () => ({ telemetry: vi.fn() }));

const { startServerTelemetry } = await import("./start");
const metricsWarnings = () =>
  warn.mock.calls.filter(([fields]) => (fields as { event?: string }).event === "metrics.open");

describe("startServerTelemetry", () => {
  beforeEach(() => {
    warn.mockClear();
    delete (globalThis as { __vigilMetricsWarned?: boolean }).__vigilMetricsWarned;
  });

  it("warns once at start when a production server has no VIGIL_METRICS_TOKEN, however often start-up runs", async () => {
    config.env.VIGIL_METRICS_TOKEN = undefined;
    await startServerTelemetry();
    await startServerTelemetry();
    expect(metricsWarnings()).toHaveLength(1);
    expect(metricsWarnings()[0]![1]).toContain("VIGIL_METRICS_TOKEN");
  });

  it("stays quiet with a token", async () => {
    config.env.VIGIL_METRICS_TOKEN = "scrape-token-0123456789";
    await startServerTelemetry();
    expect(metricsWarnings()).toHaveLength(0);
  });
});
