import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import {
  GITHUB_OAUTH_ORIGIN,
  MACHINE_SOURCES,
  PERMISSIONS_POLICY,
  isMachinePath,
  newNonce,
  nonceOf,
  pageContentSecurityPolicy,
  securityConfig,
  staticHeaderRules,
  strictTransportSecurity,
} from "./headers.js";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
const prod = securityConfig({ NODE_ENV: "production", AUTH_URL: "http://127.0.0.1:3000" });
const https = securityConfig({ NODE_ENV: "production", AUTH_URL: "https://vigil.example.com" });

describe("page Content-Security-Policy", () => {
  it("lets scripts run only with this response's nonce, or from a script that has it", () => {
    const d = directives(pageContentSecurityPolicy("abc123==", prod));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
  });

  it("allows inline styles but never inline or evaluated scripts in production", () => {
    const d = directives(pageContentSecurityPolicy("n", prod));
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    for (const name of ["script-src", "default-src", "connect-src"]) {
      expect(d.get(name), name).not.toContain("'unsafe-inline'");
      expect(d.get(name), name).not.toContain("'unsafe-eval'");
    }
    // CSS could otherwise carry what it matches to another origin.
    for (const name of ["img-src", "font-src", "connect-src"])
      expect(
        d.get(name)!.filter((s) => !["'self'", "data:"].includes(s)),
        name,
      ).toEqual([]);
  });

  it("adds 'unsafe-eval' in development only", () => {
    const dev = securityConfig({ NODE_ENV: "development", AUTH_URL: "http://127.0.0.1:3000" });
    expect(directives(pageContentSecurityPolicy("n", dev)).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets forms redirect to GitHub only when GitHub sign-in is configured", () => {
    const github = securityConfig({ NODE_ENV: "production", AUTH_GITHUB_ID: "id" });
    expect(directives(pageContentSecurityPolicy("n", github)).get("form-action")).toEqual([
      "'self'",
      GITHUB_OAUTH_ORIGIN,
    ]);
  });

  it("upgrades insecure requests only when the public URL is https", () => {
    expect(directives(pageContentSecurityPolicy("n", https)).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(pageContentSecurityPolicy("n", prod)).has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("nonces", () => {
  it("are 128 random bits, different every time, and read back from the policy", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of [...nonces].slice(0, 20)) {
      expect(atob(nonce)).toHaveLength(16);
      expect(nonceOf(pageContentSecurityPolicy(nonce, prod))).toBe(nonce);
    }
  });

  it("are not found in policies without one", () => {
    expect(nonceOf(undefined)).toBeUndefined();
    expect(nonceOf("default-src 'none'; frame-ancestors 'none'")).toBeUndefined();
    expect(nonceOf("style-src 'nonce-abc'; script-src 'self'")).toBeUndefined();
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent only when AUTH_URL is https", () => {
    expect(strictTransportSecurity(https)).toBe("max-age=63072000");
    expect(strictTransportSecurity(prod)).toBeUndefined();
    expect(strictTransportSecurity(securityConfig({ NODE_ENV: "production" }))).toBeUndefined();
  });
});

describe("static headers", () => {
  it("deny device and payment features to the page and every frame", () => {
    const features = new Map(PERMISSIONS_POLICY.split(", ").map((f) => f.split("=") as [string, string]));
    for (const f of ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid"])
      expect(features.get(f), f).toBe("()");
  });

  it("give machine paths the no-document policy, and say the same paths as isMachinePath", () => {
    const rules = staticHeaderRules();
    const all = rules.find((r) => r.source === "/:path*")!.headers.map((h) => h.key);
    expect(all).toEqual(
      expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy"]),
    );
    expect(all).not.toContain("Content-Security-Policy");
    // The options Next's router matches header sources with (server/lib/router-utils/filesystem.js).
    const machine = MACHINE_SOURCES.map((s) => getPathMatch(s, { strict: true, removeUnnamedParams: true }));
    expect(
      rules.filter((r) => r.headers.some((h) => h.key === "Content-Security-Policy")).map((r) => r.source),
    ).toEqual(MACHINE_SOURCES);
    const paths = [
      "/api",
      "/api/health",
      "/api/v1/vitals",
      "/api/auth/signout",
      "/metrics",
      "/lantern-r7/e",
      "/lantern-r7/static/x.js",
      "/v1/vitals.js",
      "/v1/metrics",
      "/",
      "/login",
      "/admin",
      "/admin/vitals",
      "/apix",
      "/metrics-x",
      "/lantern-r7x",
      "/v1x",
      "/bench/crash",
      "/no-such-page",
      "/API/Health",
      "/Metrics",
      "/Admin",
    ];
    for (const path of paths) expect(isMachinePath(path), path).toBe(machine.some((match) => match(path) !== false));
    expect(paths.filter(isMachinePath)).toHaveLength(11);
  });
});
