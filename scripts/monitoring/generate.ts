// Writes monitoring/ (Prometheus rules and their tests, example Prometheus and Alertmanager configs, a Grafana
// dashboard) from config/slos.ts and config/vital-budgets.ts. Usage: npm run monitoring:generate [-- --out <dir>]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import vitalBudgets from "@/config/vital-budgets";
import { defaultSloSpecs } from "@/lib/slo/slo-defaults";
import { renderMonitoring } from "./render";

const { values } = parseArgs({ options: { out: { type: "string", default: "monitoring" } } });
const outDir = resolve(values.out!);

try {
  const files = renderMonitoring(defaultSloSpecs(), vitalBudgets);
  for (const [path, content] of Object.entries(files)) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${target}`);
  }
} catch (err) {
  console.error(`monitoring:generate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
