import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// What installs of @vigil/next get: dist/ as `npm install` (root postinstall) or `npm pack` (prepack) builds it.
const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
  exports: Record<string, string | Record<string, string>>;
  files: string[];
};
const file = (path: string) => new URL(path, root);

describe("the built package", () => {
  it("has every file its exports name (run `npm run build -w @vigil/next` if this fails after a change)", () => {
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
    for (const target of targets) expect(existsSync(file(target)), target).toBe(true);
    expect(pkg.files).toContain("dist");
  });

  it("keeps the client entry a client boundary", () => {
    for (const entry of ["dist/index.js", "dist/vigil-vitals.js"]) {
      expect(readFileSync(file(entry), "utf8").startsWith('"use client";'), entry).toBe(true);
    }
  });

  it("resolves the server entry to a no-op for edge, worker and browser bundles", async () => {
    const server = pkg.exports["./server"] as Record<string, string>;
    for (const condition of ["edge-light", "worker", "browser"])
      expect(server[condition]).toBe("./dist/server/edge.js");
    const edge = (await import(file("dist/server/edge.js").href)) as typeof import("./server/edge.js");
    expect(edge.registerVigil({ endpoint: "https://vigil.example", secretKey: "sk_x" })).toBeUndefined();
    expect(readFileSync(file("dist/server/edge.js"), "utf8")).not.toMatch(/opentelemetry|node:/);
  });
});
