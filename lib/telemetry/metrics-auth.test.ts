import { describe, expect, it } from "vitest";
import { metricsAuthorized } from "./metrics-auth";

const token = "scrape-token-0123456789";

describe("metricsAuthorized", () => {
  it("is open when no token is configured", () => expect(metricsAuthorized(null, undefined)).toBe(true));
  it("accepts exactly the bearer token", () => expect(metricsAuthorized(`Bearer ${token}`, token)).toBe(true));
  it.each([null, "", token, `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, "Bearer ", `bearer ${token}`])("refuses %j", (header) =>
    expect(metricsAuthorized(header, token)).toBe(false),
  );
});
