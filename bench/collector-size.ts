// First-load cost of the web-vitals collector: bundles it like a production client chunk would be
// (esbuild, minified ESM for browsers) and compares gzipped bytes against an empty baseline.
import { build, type Metafile } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildVitalsScript } from "../packages/next/scripts/vitals-script.mjs";

const BUDGET_BYTES = 5120;
const root = fileURLToPath(new URL("..", import.meta.url));

const entries = {
  baseline: `export {};`,
  "web-vitals only": `import { onCLS, onFCP, onINP, onLCP, onTTFB } from "web-vitals";
for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) on(console.log, { reportSoftNavs: true });`,
  collector: `import { startVitalsCollector } from "./packages/next/src/collector/index.ts";
startVitalsCollector({ route: location.pathname });`,
  // What <VigilVitals /> (@vigil/next) ships besides React and Next: the budget applies to all of it.
  "+ route-template": `import { startVitalsCollector } from "./packages/next/src/collector/index.ts";
import { routeTemplate } from "./packages/next/src/collector/route-template.ts";
startVitalsCollector({ route: routeTemplate(location.pathname, {}) });`,
};

type Result = { raw: number; gzip: number; metafile: Metafile };

async function measure(contents: string): Promise<Result> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const bytes = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, metafile: out.metafile };
}

const results: Record<string, Result> = {};
for (const [name, contents] of Object.entries(entries)) results[name] = await measure(contents);
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`${"bundle".padEnd(16)} ${pad("raw B", 8)} ${pad("gzip B", 8)}`);
for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(16)} ${pad(r.raw, 8)} ${pad(r.gzip, 8)}`);

const base = results.baseline!;
const full = results.collector!;
const added = full.gzip - base.gzip;
console.log(`difference       ${pad(full.raw - base.raw, 8)} ${pad(added, 8)}`);

// Minified bytes per input from the metafile; gzip does not split by input, so shares are of raw bytes.
const inputs = Object.values(full.metafile.outputs)[0]?.inputs ?? {};
let vitals = 0;
let own = 0;
for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
  if (path.includes("node_modules/web-vitals")) vitals += bytesInOutput;
  else own += bytesInOutput;
}
const share = (n: number) => `${((100 * n) / (vitals + own || 1)).toFixed(0)} %`;
console.log(`raw share: web-vitals ${vitals} B (${share(vitals)}), collector ${own} B (${share(own)})`);
console.log(
  `gzip: web-vitals alone ${results["web-vitals only"]!.gzip - base.gzip} B, collector code on top ${full.gzip - results["web-vitals only"]!.gzip} B`,
);

const island = results["+ route-template"]!.gzip - base.gzip;
const ok = island <= BUDGET_BYTES;
console.log(`collector alone adds ${added} B gzipped`);
console.log(
  `the reporter island (collector + route template) adds ${island} B gzipped (budget ${BUDGET_BYTES} B): ${ok ? "OK" : "OVER"}`,
);
// The script tag (/v1/vitals.js) is the whole collector plus reading its own <script> element, in one IIFE.
const tag = gzipSync(await buildVitalsScript(), { level: 9 }).length;
const tagOk = tag <= BUDGET_BYTES;
console.log(
  `the script tag /v1/vitals.js weighs ${tag} B gzipped (budget ${BUDGET_BYTES} B): ${tagOk ? "OK" : "OVER"}`,
);
if (!ok || !tagOk) process.exitCode = 1;
