import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildFingerprint } from "./build-fingerprint";

/** Runs `next build` unless the last build was made from the same sources; async so an in-process DB keeps serving. */
export async function ensureBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void = console.log,
): Promise<"built" | "reused"> {
  const distDir = join(root, env.VIGIL_DIST_DIR || ".next"); // next.config.mjs builds there too
  const stampFile = join(distDir, "vigil-build-stamp");
  const fingerprint = buildFingerprint(root, env);
  if (
    existsSync(join(distDir, "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint
  ) {
    log(`sources unchanged since the last build: reusing ${env.VIGIL_DIST_DIR || ".next"}`);
    return "reused";
  }
  log("building (@vigil/next, then next build); the first build takes a minute or two");
  // The app bundles the workspace package's dist/: rebuild it, it may be older than its source.
  await run(process.execPath, [join(root, "packages", "next", "scripts", "build.mjs")], root, env);
  await run(join(root, "node_modules", ".bin", "next"), ["build"], root, { ...env, NODE_ENV: "production" });
  writeFileSync(stampFile, fingerprint);
  return "built";
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise<void>((done, fail) => {
    spawn(command, args, { cwd, env, stdio: "inherit" })
      .on("error", fail)
      .on("exit", (code, signal) =>
        code === 0 ? done() : fail(new Error(`${[command, ...args].join(" ")} exited with ${code ?? signal}`)),
      );
  });
}
