import { describe, expect, it } from "vitest";
import { metricsAuthorized, openMetricsWarning } from "./metrics-auth";

const token = "scrape-token-0123456789";

describe("metricsAuthorized", () => {
  it("is open when no token is configured", () => expect(metricsAuthorized(null, undefined)).toBe(true));
  it("accepts exactly the bearer token", () => expect(metricsAuthorized(`Bearer ${token}`, token)).toBe(true));
  it.each([
    null,
    "",
    token,
    `Basic ${token}`,
    `Bearer ${token}x`,
    `Bearer ${token.slice(1)}`,
    "Bearer ",
    `bearer ${token}`,
  ])("refuses %j", (header) => expect(metricsAuthorized(header, token)).toBe(false));
});

describe("openMetricsWarning", () => {
  it("warns a production server without a token, naming the variable", () => {
    expect(openMetricsWarning("production", undefined)).toMatch(/\/metrics is open.*VIGIL_METRICS_TOKEN is not set/);
  });
  it.each([
    ["production", token],
    ["development", undefined],
    ["test", undefined],
  ] as const)("stays quiet for %s with token %j", (nodeEnv, t) => expect(openMetricsWarning(nodeEnv, t)).toBeNull());
});
