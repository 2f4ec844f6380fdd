import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/http/action-state";
import { MONITOR_FIELDS, MonitorInput, slugify } from "./monitor-input";

const http = {
  kind: "http",
  name: "Shop",
  slug: "",
  method: "GET",
  url: "https://shop.example/health",
  expectedStatus: "200",
  bodyContains: "",
  timeoutSeconds: "10",
  intervalSeconds: "60",
  failureThreshold: "3",
};
const errorsOf = (input: Record<string, unknown>) => {
  const r = MonitorInput.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error, MONITOR_FIELDS).errors;
};

describe("MonitorInput", () => {
  it("parses form strings into a typed HTTP monitor; blanks become null, the unchecked box false", () => {
    expect(MonitorInput.parse(http)).toEqual({
      kind: "http",
      name: "Shop",
      slug: null,
      method: "GET",
      url: "https://shop.example/health",
      expectedStatus: 200,
      bodyContains: null,
      timeoutSeconds: 10,
      intervalSeconds: 60,
      failureThreshold: 3,
      allowPrivate: false,
    });
    expect(MonitorInput.parse({ ...http, allowPrivate: "on", slug: "shop-eu", bodyContains: " ok " })).toMatchObject({
      allowPrivate: true,
      slug: "shop-eu",
      bodyContains: "ok",
    });
  });

  it("parses a heartbeat monitor", () => {
    expect(
      MonitorInput.parse({
        kind: "heartbeat",
        name: "Nightly backup",
        intervalSeconds: "86400",
        graceSeconds: "600",
        failureThreshold: "1",
      }),
    ).toEqual({
      kind: "heartbeat",
      name: "Nightly backup",
      slug: null,
      intervalSeconds: 86_400,
      graceSeconds: 600,
      failureThreshold: 1,
    });
  });

  it("bounds every field and names the field in error", () => {
    expect(errorsOf({ ...http, url: "ftp://files.example/" })).toEqual({
      url: "URL must be an http:// or https:// address",
    });
    expect(errorsOf({ ...http, url: "not a url" })).toEqual({ url: "URL must be an http:// or https:// address" });
    expect(errorsOf({ ...http, url: `https://x.example/${"a".repeat(2040)}` })).toEqual({
      url: "URL must be at most 2048 characters",
    });
    expect(errorsOf({ ...http, url: "https://user:pw@x.example/" })).toEqual({
      url: "URL must not carry a user name or password",
    });
    expect(errorsOf({ ...http, method: "DELETE" })).toEqual({ method: "Method must be GET, HEAD or POST" });
    expect(errorsOf({ ...http, expectedStatus: "99" })).toEqual({
      expectedStatus: "Expected status must be at least 100",
    });
    expect(errorsOf({ ...http, expectedStatus: "600" })).toEqual({
      expectedStatus: "Expected status must be at most 599",
    });
    expect(errorsOf({ ...http, bodyContains: "b".repeat(201) })).toEqual({
      bodyContains: "Body text must be at most 200 characters",
    });
    expect(errorsOf({ ...http, timeoutSeconds: "0" })).toEqual({ timeoutSeconds: "Timeout must be at least 1" });
    expect(errorsOf({ ...http, timeoutSeconds: "31" })).toEqual({ timeoutSeconds: "Timeout must be at most 30" });
    expect(errorsOf({ ...http, intervalSeconds: "29" })).toEqual({ intervalSeconds: "Interval must be at least 30" });
    expect(errorsOf({ ...http, intervalSeconds: "3601" })).toEqual({
      intervalSeconds: "Interval must be at most 3600",
    });
    expect(errorsOf({ ...http, intervalSeconds: "1.5" })).toEqual({
      intervalSeconds: "Interval must be a whole number",
    });
    expect(errorsOf({ ...http, intervalSeconds: "soon" })).toEqual({ intervalSeconds: "Interval must be a number" });
    expect(errorsOf({ ...http, failureThreshold: "11" })).toEqual({
      failureThreshold: "Failure threshold must be at most 10",
    });
    expect(errorsOf({ ...http, name: "  " })).toEqual({ name: "Name is required" });
    expect(errorsOf({ ...http, slug: "Not A Slug" })).toEqual({
      slug: "Slug: lowercase letters, digits and dashes, at most 63",
    });
    expect(errorsOf({ ...http, slug: "vigil" })).toEqual({ slug: '"vigil" is the built-in self-check' });
    expect(
      errorsOf({ kind: "heartbeat", name: "x", intervalSeconds: "60", graceSeconds: "-1", failureThreshold: "1" }),
    ).toEqual({ graceSeconds: "Grace must be at least 0" });
    expect(errorsOf({ ...http, kind: "tcp" })).toHaveProperty("kind");
  });

  it("reports several bad fields at once, and the cross-field rules", () => {
    expect(errorsOf({ ...http, url: "javascript:alert(1)", intervalSeconds: "5", timeoutSeconds: "99" })).toEqual({
      url: "URL must be an http:// or https:// address",
      intervalSeconds: "Interval must be at least 30",
      timeoutSeconds: "Timeout must be at most 30",
    });
    expect(errorsOf({ ...http, method: "HEAD", bodyContains: "ok" })).toEqual({
      bodyContains: "A HEAD response has no body: leave the body text empty or use GET",
    });
  });
});

describe("slugify", () => {
  it("makes a slug the SLO specs can name", () => {
    expect(slugify("Marketing site (EU)")).toBe("marketing-site-eu");
    expect(slugify("  Café  déjà vu ")).toBe("cafe-deja-vu");
    expect(slugify("!!!")).toBe("monitor");
    expect(slugify("Vigil")).toBe("monitor-vigil");
    expect(slugify("x".repeat(100))).toHaveLength(48);
  });
});
