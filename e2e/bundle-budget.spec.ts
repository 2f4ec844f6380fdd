import { join, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { ADMIN_BUDGET, budgetFor, PUBLIC_PAGES } from "../lib/perf/first-load-budgets";
import { clientChunks, firstLoadScripts, pageRoutes, pageWeight, sdkKinds } from "../scripts/first-load";
import { test } from "./support/test";

// First-load budgets (ADR 0012) on the build global-setup made: sizes come from the build manifests and gzip -9 of
// the files, never from timing, so the check is the same on every machine.
const dist = resolve(import.meta.dirname, "..", process.env.VIGIL_DIST_DIR || ".next");

test("public pages stay within their first-load budget, with no SDK code on first load", () => {
  for (const route of PUBLIC_PAGES) {
    const weight = pageWeight(dist, route);
    expect(weight.gzip, `${route}: ${(weight.gzip / 1024).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(
      budgetFor(route).total,
    );
    const withSdk = firstLoadScripts(dist, route).filter((s) => sdkKinds(join(dist, s)).length > 0);
    expect(withSdk, `${route}: Sentry/PostHog code loads after the page is interactive`).toEqual([]);
  }
});

test("console pages stay within theirs, and only chart pages load recharts", () => {
  for (const route of pageRoutes(dist).filter((r) => r.startsWith("/admin"))) {
    const weight = pageWeight(dist, route);
    expect(weight.gzip, `${route}: ${(weight.gzip / 1024).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(
      ADMIN_BUDGET.total,
    );
  }
  const charts = (route: string) =>
    firstLoadScripts(dist, route).some((s) => readFileSync(join(dist, s), "utf8").includes("recharts"));
  expect(charts("/admin/settings")).toBe(false);
  expect(charts("/login")).toBe(false);
});

test("the manifests list every script the HTML of a public page loads", async ({ request }) => {
  for (const path of ["/login", "/"]) {
    const html = await (await request.get(path)).text();
    const loaded = [...html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"?]+)[^"]*"[^>]*>/g)]
      .filter((m) => !m[0].includes("noModule") && !m[0].includes("nomodule"))
      .map((m) => m[1]!);
    expect(loaded.length, path).toBeGreaterThan(0);
    const route = path === "/" ? "/" : path;
    const listed = firstLoadScripts(dist, route);
    for (const script of loaded) expect(listed, `${path} loads ${script}`).toContain(script);
  }
});

// Strings that exist only in server code or the env schema (lib/env.js): none may reach a browser chunk.
const SERVER_ONLY = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "AUTH_GITHUB_SECRET",
  "VIGIL_API_TOKEN",
  "CRON_SECRET",
  "SENTRY_AUTH_TOKEN",
  "createEnv",
  "PrismaClient",
  "cannot be imported from a Client Component module",
];

test("no client chunk holds server-only code or the env schema", () => {
  const chunks = clientChunks(dist);
  expect(chunks.length).toBeGreaterThan(10);
  for (const chunk of chunks) {
    const text = readFileSync(chunk, "utf8");
    for (const needle of SERVER_ONLY) expect(text.includes(needle), `${chunk} contains ${needle}`).toBe(false);
  }
});
