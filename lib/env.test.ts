import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const envModule = fileURLToPath(new URL("./env.js", import.meta.url));
const load = (vars: Record<string, string>) => {
  try {
    return {
      ok: true,
      out: execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const { env } = await import(${JSON.stringify(envModule)}); console.log(JSON.stringify(env.VIGIL_ADMIN_EMAIL))`,
        ],
        { env: { PATH: process.env.PATH, NODE_ENV: "test", ...vars }, encoding: "utf8", stdio: "pipe" },
      ),
    };
  } catch (err) {
    return { ok: false, out: String((err as { stderr?: string }).stderr) };
  }
};
const good = { DATABASE_URL: "postgres://u@127.0.0.1:5432/db", AUTH_SECRET: "s".repeat(32) };

describe("env module", () => {
  it("accepts a minimal valid environment and applies defaults", () => {
    expect(load(good)).toEqual({ ok: true, out: '"admin@vigil.local"\n' });
  });

  it.each([
    [{ ...good, DATABASE_URL: "mysql://x@h/db" }, "DATABASE_URL"],
    [{ AUTH_SECRET: "s".repeat(32) }, "DATABASE_URL"],
    [{ ...good, AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ ...good, VIGIL_ADMIN_PASSWORD: "short" }, "VIGIL_ADMIN_PASSWORD"],
    [{ ...good, AUTH_GITHUB_ID: "abc" }, "AUTH_GITHUB_SECRET"],
    [{ ...good, VIGIL_HEALTH_DB_TIMEOUT_MS: "0" }, "VIGIL_HEALTH_DB_TIMEOUT_MS"],
    [{ ...good, LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ ...good, POSTHOG_HOST: "file:///etc/passwd" }, "POSTHOG_HOST"],
    [{ ...good, NEXT_PUBLIC_POSTHOG_KEY: "sk_live_secret" }, "NEXT_PUBLIC_POSTHOG_KEY"],
    [{ ...good, VIGIL_ANALYTICS_DISABLED: "maybe" }, "VIGIL_ANALYTICS_DISABLED"],
    [{ ...good, CRON_SECRET: "short" }, "CRON_SECRET"],
    [{ ...good, VIGIL_SCHEDULER: "sometimes" }, "VIGIL_SCHEDULER"],
    [{ ...good, VIGIL_API_TOKEN: "short" }, "VIGIL_API_TOKEN"],
    [{ ...good, VIGIL_TRUSTED_PROXIES: "all" }, "VIGIL_TRUSTED_PROXIES"],
    [{ ...good, VIGIL_TRUSTED_PROXIES: "11" }, "VIGIL_TRUSTED_PROXIES"],
    [{ ...good, VIGIL_SESSION_RECHECK_SECONDS: "0" }, "VIGIL_SESSION_RECHECK_SECONDS"],
    [{ ...good, AUTH_GITHUB_ALLOWED_EMAILS: "ops@example.com, everyone" }, "AUTH_GITHUB_ALLOWED_EMAILS.1"],
    [{ ...good, AUTH_GITHUB_ALLOWED_ORGS: "acme, not an org" }, "AUTH_GITHUB_ALLOWED_ORGS.1"],
  ])("fails naming the bad variable %#", (vars, name) => {
    const result = load(vars);
    expect(result.ok).toBe(false);
    expect(result.out).toContain(`- ${name}:`);
  });
});
