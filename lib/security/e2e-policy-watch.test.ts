import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// e2e/support/test.ts fails a test on any CSP or Permissions-Policy violation in its pages; a spec that takes
// `test` straight from @playwright/test would silently skip that check.
const e2e = fileURLToPath(new URL("../../e2e/", import.meta.url));
const specs = readdirSync(e2e).filter((f) => f.endsWith(".spec.ts"));

describe("e2e specs", () => {
  it.each(specs)("%s takes `test` from e2e/support/test.ts", (spec) => {
    const source = readFileSync(e2e + spec, "utf8");
    expect(source).toMatch(/^import \{ test \} from "\.\/support\/test";$/m);
    const fromPlaywright = [...source.matchAll(/import \{([^}]*)\} from "@playwright\/test"/g)].flatMap((m) =>
      m[1]!.split(",").map((n) => n.trim()),
    );
    expect(fromPlaywright).not.toContain("test");
  });

  it("are found", () => expect(specs.length).toBeGreaterThanOrEqual(10));
});
