// npm run bench:bundle [-- --no-build]: first-load JavaScript per page, gzip -9, of a build with Sentry and PostHog
// on and one without; the SDKs' share is the difference. Budgets: lib/perf/first-load-budgets.ts (ADR 0012).
import { join } from "node:path";
import { clientChunks, gzipBytes, pageRoutes, pageWeight, sdkKinds } from "../scripts/first-load";
import { budgetFor } from "../lib/perf/first-load-budgets";
import { DIST_DIRS, ensureSdkBuilds, root } from "./support/bundle-builds";

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
// Only pages a visitor or an admin opens; /bench/crash and the error boundaries ride along with the root layout.
const MEASURED = (route: string) => route === "/" || /^\/(login|status|admin)(\/|$)/.test(route);

async function main() {
  await ensureSdkBuilds(process.argv.includes("--no-build"));
  const on = join(root, DIST_DIRS.on);
  const off = join(root, DIST_DIRS.off);
  const rows = pageRoutes(on)
    .filter(MEASURED)
    .map((route) => {
      const a = pageWeight(on, route);
      const b = pageWeight(off, route);
      const budget = budgetFor(route);
      return {
        page: route,
        scripts: a.scripts,
        "on KB": kb(a.gzip),
        "off KB": kb(b.gzip),
        "SDK share KB": kb(a.gzip - b.gzip),
        "on/off": (a.gzip / b.gzip).toFixed(2),
        "budget KB": kb(budget.total),
        ok: a.gzip <= budget.total && a.gzip - b.gzip <= budget.sdk ? "yes" : "NO",
      };
    });
  console.table(rows);
  const lazy = clientChunks(on)
    .map((path) => ({ path, kinds: sdkKinds(path) }))
    .filter((c) => c.kinds.length > 0)
    .map((c) => ({ chunk: c.path.slice(on.length + 1), sdk: c.kinds.join("+"), "gzip KB": kb(gzipBytes(c.path)) }));
  console.log("Chunks holding SDK code (loaded on first load only if listed by a page above):");
  console.table(lazy);
  if (rows.some((r) => r.ok !== "yes")) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
