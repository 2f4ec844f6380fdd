import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFingerprint, exampleSources } from "./build-fingerprint";

describe("buildFingerprint", () => {
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), "vigil-fp-"));
    mkdirSync(join(root, "app"));
    writeFileSync(join(root, "app", "page.tsx"), "export default 1;");
    writeFileSync(join(root, "package-lock.json"), "{}");
    return root;
  };

  it("is stable for the same sources and env", () => {
    const root = tree();
    expect(buildFingerprint(root, { A: "1" })).toBe(buildFingerprint(root, { A: "2" }));
  });

  it("changes when a source file, a new file, a test-free lockfile or a NEXT_PUBLIC value changes", () => {
    const root = tree();
    const base = buildFingerprint(root, {});
    writeFileSync(join(root, "app", "page.tsx"), "export default 2;");
    const edited = buildFingerprint(root, {});
    expect(edited).not.toBe(base);
    writeFileSync(join(root, "app", "new.tsx"), "x");
    expect(buildFingerprint(root, {})).not.toBe(edited);
    expect(buildFingerprint(root, { NEXT_PUBLIC_X: "1" })).not.toBe(buildFingerprint(root, {}));
    expect(buildFingerprint(root, { VIGIL_SENTRY_SDK: "false" })).not.toBe(buildFingerprint(root, {}));
  });

  it("changes when the source of the workspace package @vigil/next changes", () => {
    const root = tree();
    mkdirSync(join(root, "packages", "next", "src"), { recursive: true });
    writeFileSync(join(root, "packages", "next", "src", "index.ts"), "export const a = 1;");
    const base = buildFingerprint(root, {});
    writeFileSync(join(root, "packages", "next", "src", "index.ts"), "export const a = 2;");
    expect(buildFingerprint(root, {})).not.toBe(base);
  });

  it("ignores unit test files", () => {
    const root = tree();
    const base = buildFingerprint(root, {});
    writeFileSync(join(root, "app", "page.test.ts"), "test");
    expect(buildFingerprint(root, {})).toBe(base);
  });

  it("covers an example app's folder and @vigil/next, but not what its build writes there", () => {
    const root = tree();
    const shop = join(root, "examples", "shop");
    mkdirSync(join(shop, "app"), { recursive: true });
    writeFileSync(join(shop, "app", "page.tsx"), "export default 1;");
    mkdirSync(join(root, "packages", "next", "src"), { recursive: true });
    writeFileSync(join(root, "packages", "next", "src", "index.ts"), "export const a = 1;");
    const fingerprint = () => buildFingerprint(root, {}, exampleSources("shop"));
    const base = fingerprint();
    mkdirSync(join(shop, ".next", "cache"), { recursive: true });
    writeFileSync(join(shop, ".next", "BUILD_ID"), "x");
    writeFileSync(join(shop, "next-env.d.ts"), '/// <reference types="next" />');
    expect(fingerprint()).toBe(base);
    writeFileSync(join(shop, "instrumentation.ts"), "export function register() {}");
    const withHook = fingerprint();
    expect(withHook).not.toBe(base);
    writeFileSync(join(root, "packages", "next", "src", "index.ts"), "export const a = 2;");
    const withPackage = fingerprint();
    expect(withPackage).not.toBe(withHook);
    // Vigil's own sources are not the example's.
    writeFileSync(join(root, "app", "page.tsx"), "export default 3;");
    expect(fingerprint()).toBe(withPackage);
  });
});
