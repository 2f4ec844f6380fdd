import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The layer rules live in biome.json (noRestrictedImports per folder); this proves they refuse a wrong import by
// linting probe files placed where real code would sit.
const root = resolve(import.meta.dirname, "..");
const probeDir = `__lint_probe_${process.pid}`;
const written: string[] = [];

function lint(path: string, source: string): { status: number | null; output: string } {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  written.push(join(root, path.split("/")[0]!, probeDir));
  const run = spawnSync(join(root, "node_modules/.bin/biome"), ["lint", "--colors=off", file], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

describe("layer rules", () => {
  it("refuse a repository or lib/db import in app/ and components/", () => {
    for (const folder of ["app", "components"]) {
      const r = lint(
        `${folder}/${probeDir}/probe.tsx`,
        'import { listSites } from "@/lib/sites/site-repository";\nimport { db } from "@/lib/db";\nexport const x = [listSites, db];\n',
      );
      expect(r.status, r.output).not.toBe(0);
      expect(r.output.match(/Only repositories/g)).toHaveLength(2);
    }
  });

  it("refuse app/ imports in components/, and app/ or components/ imports in lib/", () => {
    const c = lint(
      `components/${probeDir}/probe.tsx`,
      'import { saveBudgetAction } from "@/app/admin/vitals/actions";\nexport const x = saveBudgetAction;\n',
    );
    expect(c.output).toContain("components never import from app/");
    const l = lint(
      `lib/${probeDir}/probe.ts`,
      'import { Card } from "@/components/ui/card";\nimport { GET } from "@/app/api/health/route";\nexport const x = [Card, GET];\n',
    );
    expect(l.output.match(/lib never imports app\/ or components\//g)).toHaveLength(2);
  });

  it("let the allowed directions through", () => {
    const r = lint(
      `components/${probeDir}/ok.tsx`,
      'import { formatUptime } from "@/lib/uptime/uptime-math";\nexport const x = formatUptime;\n',
    );
    expect(r.status, r.output).toBe(0);
  });
});
