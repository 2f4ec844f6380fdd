// Builds dist/: tsc for the ESM modules and their .d.ts, esbuild for the script tag (dist/vitals.js), and
// dist/script.js, the same script as a string module, so an app can serve it without reading files at run time.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildVitalsScript } from "./vitals-script.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = fileURLToPath(new URL("../dist/", import.meta.url));

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);

const script = await buildVitalsScript();
const etag = `"${createHash("sha256").update(script).digest("base64url").slice(0, 22)}"`;
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}vitals.js`, script);
writeFileSync(
  `${dist}script.js`,
  `export const VITALS_SCRIPT = ${JSON.stringify(script)};\nexport const VITALS_SCRIPT_ETAG = ${JSON.stringify(etag)};\n`,
);
writeFileSync(
  `${dist}script.d.ts`,
  "/** The script-tag collector (an IIFE), as served at /v1/vitals.js. */\nexport declare const VITALS_SCRIPT: string;\n/** A strong ETag of VITALS_SCRIPT. */\nexport declare const VITALS_SCRIPT_ETAG: string;\n",
);
