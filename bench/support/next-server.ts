// Starts `next start` for a benchmark on 127.0.0.1 and waits for readiness; stop() waits for the process to exit.
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export type BenchServer = { base: string; stop: () => Promise<void> };

export async function startNext(root: string, port: number, env: NodeJS.ProcessEnv): Promise<BenchServer> {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(resolve(root, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: "ignore" });
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`next start on ${port} exited with ${server.exitCode}`);
    if (await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)) return { base, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start on ${port} was not ready within 60 s`);
}
