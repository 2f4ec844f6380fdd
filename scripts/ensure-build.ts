import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type BuildSources, buildFingerprint, exampleSources, VIGIL_SOURCES } from "./build-fingerprint";

type Log = (line: string) => void;
type Build = { distDir: string; sources: BuildSources; what: string; command: string; args: string[] };

/** Runs `next build` unless the last build was made from the same sources; async so an in-process DB keeps serving. */
export function ensureBuild(root: string, env: NodeJS.ProcessEnv, log: Log = console.log): Promise<"built" | "reused"> {
  return buildUnlessUnchanged(
    root,
    env,
    {
      distDir: env.VIGIL_DIST_DIR || ".next", // next.config.mjs builds there too
      sources: VIGIL_SOURCES,
      what: "building (@vigil/next, then next build); the first build takes a minute or two",
      command: join(root, "node_modules", ".bin", "next"),
      args: ["build"],
    },
    log,
  );
}

/**
 * Builds examples/<name> with its own `build` script (output in examples/<name>/.next) unless its sources and those
 * of @vigil/next are unchanged since the last build.
 */
export function ensureExampleBuild(
  root: string,
  name: string,
  env: NodeJS.ProcessEnv,
  log: Log = console.log,
): Promise<"built" | "reused"> {
  const dir = join("examples", name);
  const workspace = (JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as { name: string }).name;
  return buildUnlessUnchanged(
    root,
    env,
    {
      distDir: join(dir, ".next"),
      sources: exampleSources(name),
      what: `building ${dir} (@vigil/next, then npm run build -w ${workspace}); about half a minute`,
      command: "npm",
      args: ["run", "build", "--workspace", workspace],
    },
    log,
  );
}

async function buildUnlessUnchanged(
  root: string,
  env: NodeJS.ProcessEnv,
  { distDir, sources, what, command, args }: Build,
  log: Log,
): Promise<"built" | "reused"> {
  const stampFile = join(root, distDir, "vigil-build-stamp");
  const fingerprint = buildFingerprint(root, env, sources);
  if (
    existsSync(join(root, distDir, "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint
  ) {
    log(`sources unchanged since the last build: reusing ${distDir}`);
    return "reused";
  }
  log(what);
  // The app bundles the workspace package's dist/: rebuild it, it may be older than its source.
  await run(process.execPath, [join(root, "packages", "next", "scripts", "build.mjs")], root, env);
  await run(command, args, root, { ...env, NODE_ENV: "production" });
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
