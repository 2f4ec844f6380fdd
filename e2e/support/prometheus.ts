import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** `promtool check metrics` on an exposition text; returns its exit code and complaints. */
export function promtoolCheckMetrics(text: string): { status: number | null; output: string } {
  const r = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  if (r.error) throw new Error(`promtool is not installed (apt-get install prometheus): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The apt Prometheus, scraping one target every second, on 127.0.0.1 only. */
export async function startPrometheus(
  port: number,
  target: string,
): Promise<{
  query: (q: string) => Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  stop: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), "vigil-prom-"));
  const config = join(dir, "prometheus.yml");
  writeFileSync(
    config,
    `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: vigil\n    metrics_path: /metrics\n    static_configs:\n      - targets: ["${target}"]\n`,
  );
  const proc: ChildProcess = spawn(
    "prometheus",
    [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: "ignore" },
  );
  const failed = new Promise<never>((_, fail) =>
    proc.once("error", (e) => fail(new Error(`prometheus could not start (apt-get install prometheus): ${e.message}`))),
  );
  const base = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/-/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("prometheus did not become ready in 20 s");
  })();
  await Promise.race([ready, failed]);
  return {
    async query(q) {
      const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(q)}`);
      const body = (await res.json()) as {
        status: string;
        data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
      };
      if (body.status !== "success") throw new Error(`prometheus query failed: ${JSON.stringify(body)}`);
      return body.data.result;
    },
    async stop() {
      proc.kill("SIGTERM");
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
