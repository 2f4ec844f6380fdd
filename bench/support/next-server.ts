// Starts `next start` for a benchmark on 127.0.0.1 and waits for readiness; stop() waits for the process to exit.
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export type BenchServer = { base: string; stop: () => Promise<void>; cpuSeconds: () => number };

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Pins this process (the load generator) to one core; false where taskset is missing or there is one core. */
export function pinSelf(cpu: number): boolean {
  if (availableParallelism() < 2) return false;
  return spawnSync("taskset", ["-a", "-p", "-c", String(cpu), String(process.pid)], { stdio: "ignore" }).status === 0;
}

/** User + system CPU time of a process and its descendants, from /proc (Linux). */
export function processTreeCpuSeconds(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, "utf8").split(" ").filter(Boolean))
          visit(Number(child));
      }
    } catch {
      // the process exited between listing and reading
    }
  };
  visit(pid);
  return ticks / TICKS_PER_SECOND;
}

/**
 * `cpu`: pins the server to that core (taskset), so it never shares a core with the load generator, which the
 * bench then pins to another one with `pinSelf`.
 */
export async function startNext(
  root: string,
  port: number,
  env: NodeJS.ProcessEnv,
  { cpu }: { cpu?: number } = {},
): Promise<BenchServer> {
  const base = `http://127.0.0.1:${port}`;
  const next = [resolve(root, "node_modules/.bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)];
  const [cmd, ...args] = cpu === undefined ? next : ["taskset", "-c", String(cpu), ...next];
  const server = spawn(cmd!, args, { cwd: root, env, stdio: "ignore" });
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
  const cpuSeconds = () => processTreeCpuSeconds(server.pid!);
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`next start on ${port} exited with ${server.exitCode}`);
    if (
      await fetch(`${base}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, stop, cpuSeconds };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start on ${port} was not ready within 60 s`);
}

/** The environment every bench server starts with: a production build on the bench's own database, quiet logs. */
export function benchServerEnv(
  database: { url: string; embedded: boolean },
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    VIGIL_DB_EMBEDDED: database.embedded ? "1" : "0",
    AUTH_SECRET: "bench-only-secret-0123456789abcdefghij",
    LOG_LEVEL: "warn",
    VIGIL_BENCH_ENDPOINTS: "1",
    ...extra,
  };
}
