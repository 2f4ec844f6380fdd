// The script-tag bundle (src/script/vitals.ts → one minified IIFE): used by the build and by the tests, so the
// size budget is checked on exactly what Vigil serves at /v1/vitals.js.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Gzipped bytes the script may weigh: the same budget as the collector in a Next.js app. */
export const VITALS_SCRIPT_BUDGET_BYTES = 5120;

/** @returns {Promise<string>} the minified script */
export async function buildVitalsScript() {
  const out = await build({
    entryPoints: [fileURLToPath(new URL("../src/script/vitals.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error("esbuild produced no output for the vitals script");
  return file.text;
}
