import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ensureExampleBuild } from "../../scripts/ensure-build";

const root = resolve(import.meta.dirname, "../..");

/** Builds examples/<name> unless its sources (and @vigil/next's) are unchanged since the last build. */
export const buildExample = (name: string) =>
  ensureExampleBuild(root, name, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, (line) =>
    console.log(`[e2e] ${line}`),
  );

const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

export type ExampleApp = { url: string; stop: () => Promise<number | null> };

/**
 * `next start` of examples/<name> on 127.0.0.1:`port` with `env` added, its log in test-results/e2e-<name>.log.
 * Ready once it answers a path no test counts (an unmatched 404). `stop` sends SIGTERM and waits for the exit.
 */
export async function startExample(name: string, port: number, env: Record<string, string>): Promise<ExampleApp> {
  const url = `http://127.0.0.1:${port}`;
  // Another server there (a shop left over from a killed run) would answer for ours.
  if (await answers(url)) throw new Error(`port ${port} is taken: something already answers on ${url}`);
  const app: ChildProcess = spawn(
    resolve(root, "node_modules/.bin/next"),
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: resolve(root, "examples", name),
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  mkdirSync(resolve(root, "test-results"), { recursive: true });
  const log = createWriteStream(resolve(root, `test-results/e2e-${name}.log`));
  app.stdout?.pipe(log);
  app.stderr?.pipe(log);
  const exited = new Promise<number | null>((done) => app.once("exit", (code) => done(code)));
  const stop = async () => {
    if (app.exitCode === null && app.signalCode === null) app.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"late">((r) => setTimeout(() => r("late"), 10_000))]);
    if (code !== "late") return code;
    app.kill("SIGKILL");
    return exited;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`next start of ${name} exited early (${app.exitCode}); see its log`);
    if (await answers(`${url}/__e2e-ready`)) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`${name} did not answer on ${url} within 30 s`);
}
