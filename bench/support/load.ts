import autocannon, { type Result } from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export type LoadOptions = { method?: "GET" | "POST"; body?: string; headers?: Record<string, string>; amount: number; connections: number };
export type Measured = Result & { wallSeconds: number; rps: number };

/** Fires `amount` requests; throughput is timed to the last response (autocannon stamps only on 1 s ticks). */
export function load(url: string, o: LoadOptions): Promise<Measured> {
  const started = performance.now();
  let lastResponse = started;
  return new Promise((done, fail) => {
    const instance = autocannon({ url, method: o.method ?? "GET", connections: o.connections, amount: o.amount, body: o.body, headers: o.headers }, (err, result) => {
      if (err) return fail(err);
      const wallSeconds = (lastResponse - started) / 1000;
      done(Object.assign(result, { wallSeconds, rps: (result["2xx"] + result.non2xx) / wallSeconds }));
    });
    instance.on("response", () => (lastResponse = performance.now()));
  });
}

export const summary = (name: string, r: Measured) =>
  `${name.padEnd(10)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  2xx ${r["2xx"]}  non-2xx ${r.non2xx}  errors ${r.errors}`;

/** `next start` of the current build on 127.0.0.1:port, resolved once /api/health/ready answers. */
export async function startNext(port: number, env: NodeJS.ProcessEnv): Promise<{ stop: () => Promise<void>; base: string }> {
  const server: ChildProcess = spawn(resolve(root, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120 && !(await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)); i++) {
    if (server.exitCode !== null) throw new Error(`next start on ${port} exited with ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    },
  };
}
