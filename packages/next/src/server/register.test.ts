import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServers, type Receiver, startReceiver } from "@/tests/support/http-receiver";
import { decodeMetricsRequest, type OtlpMetric } from "@/tests/support/otlp-metrics";
import { metricsUrl, registerVigil } from "./register.js";
import type { VigilServer } from "./options.js";

const SECRET = "sk_0123456789abcdefghijABCDEFGHIJKL";

function appBuild(): string {
  const distDir = mkdtempSync(join(tmpdir(), "vigil-next-dist-"));
  const manifest = {
    "/page": "/",
    "/blog/[slug]/page": "/blog/[slug]",
    "/api/items/[id]/route": "/api/items/[id]",
    "/_not-found/page": "/_not-found",
  };
  writeFileSync(join(distDir, "app-path-routes-manifest.json"), JSON.stringify(manifest));
  return distDir;
}

function send(port: number, method: string, path: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, agent: false }, (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? 0));
    });
    req.on("error", fail).end();
  });
}

/** Requests counted per `route method status` in the exports the receiver got. */
function countsOf(metrics: OtlpMetric[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of metrics.filter((x) => x.name === "http.server.request.duration")) {
    for (const p of m.points) {
      const a = p.attributes;
      const key = `${a["http.route"]} ${a["http.request.method"]} ${a["http.response.status_code"]}`;
      counts[key] = (counts[key] ?? 0) + p.count;
    }
  }
  return counts;
}

const exportsOf = (receiver: Receiver) => receiver.received.filter((r) => r.url === "/v1/metrics");

describe("registerVigil", () => {
  let receiver: Receiver;
  let app: Server;
  let port: number;
  let vigil: VigilServer;

  beforeAll(async () => {
    receiver = await startReceiver();
    vigil = registerVigil({
      endpoint: `${receiver.url}/`,
      secretKey: SECRET,
      serviceName: "shop",
      exportIntervalMillis: 60_000,
      distDir: appBuild(),
    })!;
    app = createServer((req, res) => {
      const status = req.url?.startsWith("/api/items/") ? (req.method === "POST" ? 201 : 500) : 200;
      res.writeHead(req.url === "/wp-login.php" ? 404 : status).end("ok");
    });
    await new Promise<void>((ok) => app.listen(0, "127.0.0.1", ok));
    port = (app.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await vigil?.shutdown();
    await closeServers([app]);
    await receiver?.close();
  });

  it("exports request durations per route template over OTLP/HTTP protobuf, with the secret key, as deltas", async () => {
    const plan: Array<[string, string, number]> = [
      ["GET", "/blog/a", 7],
      ["GET", "/blog/b?x=1", 4],
      ["POST", "/api/items/1", 5],
      ["GET", "/api/items/2", 2],
      ["GET", "/", 3],
      ["GET", "/wp-login.php", 2],
      ["PROPFIND", "/", 1],
    ];
    for (const [method, path, n] of plan) for (let i = 0; i < n; i++) await send(port, method, path);
    await vigil.forceFlush();

    const [first] = exportsOf(receiver);
    expect(first?.method).toBe("POST");
    expect(first?.headers["content-type"]).toBe("application/x-protobuf");
    expect(first?.headers["x-vigil-key"]).toBe(SECRET);
    const request = decodeMetricsRequest(first!.body);
    expect(request.resource["service.name"]).toBe("shop");
    const metric = request.metrics.find((m) => m.name === "http.server.request.duration")!;
    expect(metric).toMatchObject({ unit: "s", kind: "exponentialHistogram", temporality: 1 });
    for (const p of metric.points) {
      expect(p.sum).toBeGreaterThan(0);
      expect(p.sum / p.count).toBeLessThan(1);
    }
    expect(countsOf(request.metrics)).toEqual({
      "/blog/[slug] GET 200": 11,
      "/api/items/[id] POST 201": 5,
      "/api/items/[id] GET 500": 2,
      "/ GET 200": 3,
      "(unmatched) GET 404": 2,
      "/ _OTHER 200": 1,
    });

    // Delta temporality: the next export holds only what happened since (the receiver's own request is a server
    // request of this process too, so only the app's keys are compared).
    for (let i = 0; i < 3; i++) await send(port, "GET", "/blog/c");
    await vigil.forceFlush();
    const second = exportsOf(receiver).slice(1);
    const counts = countsOf(second.flatMap((r) => decodeMetricsRequest(r.body).metrics));
    expect(counts["/blog/[slug] GET 200"]).toBe(3);
    expect(counts["/api/items/[id] POST 201"]).toBeUndefined();
  });

  it("registers once per process: a second call returns the running one", () => {
    expect(registerVigil({ endpoint: "http://127.0.0.1:1", secretKey: "sk_other" })).toBe(vigil);
  });
});

describe("registerVigil without a usable configuration", () => {
  it("is a no-op without endpoint or key, with a non-http endpoint, and on the edge runtime", async () => {
    const running = registerVigil({ endpoint: "http://127.0.0.1:1", secretKey: SECRET });
    await running?.shutdown();
    expect(registerVigil({ endpoint: undefined, secretKey: SECRET })).toBeUndefined();
    expect(registerVigil({ endpoint: "http://127.0.0.1:1", secretKey: "" })).toBeUndefined();
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(registerVigil({ endpoint: "ftp://vigil.example", secretKey: SECRET })).toBeUndefined();
    } finally {
      console.warn = warn;
    }
    const runtime = process.env.NEXT_RUNTIME;
    process.env.NEXT_RUNTIME = "edge";
    try {
      expect(registerVigil({ endpoint: "http://127.0.0.1:1", secretKey: SECRET })).toBeUndefined();
    } finally {
      if (runtime === undefined) delete process.env.NEXT_RUNTIME;
      else process.env.NEXT_RUNTIME = runtime;
    }
  });

  it("derives <endpoint>/v1/metrics from a base URL", () => {
    expect(metricsUrl("https://vigil.example.com")).toBe("https://vigil.example.com/v1/metrics");
    expect(metricsUrl("https://vigil.example.com/base/")).toBe("https://vigil.example.com/base/v1/metrics");
    expect(metricsUrl("http://127.0.0.1:3000/v1/metrics")).toBe("http://127.0.0.1:3000/v1/metrics");
    expect(metricsUrl("vigil.example.com")).toBeNull();
    expect(metricsUrl("javascript:alert(1)")).toBeNull();
  });
});

describe("shutdown", () => {
  /** A server in a process of its own with registerVigil, 4 requests served, then SIGTERM. */
  async function terminate(withExitHandler: boolean) {
    const receiver = await startReceiver();
    const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
    const script = join(mkdtempSync(join(tmpdir(), "vigil-next-sigterm-")), "server.mts");
    writeFileSync(
      script,
      `import { createServer } from "node:http";
import { registerVigil } from ${JSON.stringify(entry)};
const server = createServer((req, res) => res.end("ok")).listen(0, "127.0.0.1", () => console.log(server.address().port));
// Like next start: its own SIGTERM handler, registered before instrumentation runs, exits at once.
if (process.env.EXIT_HANDLER) process.on("SIGTERM", (signal) => process.exit(signal === "SIGTERM" ? 143 : 1));
registerVigil({ endpoint: process.env.RECEIVER, secretKey: "${SECRET}", exportIntervalMillis: 600000, distDir: "/nonexistent" });
`,
    );
    // One process (node with tsx's loader, not the tsx CLI, which relays signals to a child of its own).
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: fileURLToPath(new URL("../../../../", import.meta.url)),
      env: { ...process.env, RECEIVER: receiver.url, EXIT_HANDLER: withExitHandler ? "1" : "" },
      stdio: "pipe",
    });
    try {
      const childPort = await new Promise<number>((done, fail) => {
        child.stdout.once("data", (d: Buffer) => done(Number(d.toString().trim())));
        child.once("exit", (code) => fail(new Error(`server exited early with ${code}`)));
      });
      for (let i = 0; i < 4; i++) await send(childPort, "GET", "/health");
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.once("exit", (code, signal) => done({ code, signal })),
      );
      child.kill("SIGTERM");
      return {
        exit: await exit,
        // No build manifest: a served path that matches no route is a public file.
        counts: countsOf(exportsOf(receiver).flatMap((r) => decodeMetricsRequest(r.body).metrics)),
      };
    } finally {
      child.kill("SIGKILL");
      await receiver.close();
    }
  }

  it("flushes on SIGTERM, then lets the signal end a process that had no handler of its own", async () => {
    const { exit, counts } = await terminate(false);
    expect(exit.signal).toBe("SIGTERM");
    expect(counts).toEqual({ "(public) GET 200": 4 });
  }, 20_000);

  it("flushes before an earlier SIGTERM handler that exits at once (next start's) gets the signal", async () => {
    const { exit, counts } = await terminate(true);
    expect(exit.code).toBe(143);
    expect(counts).toEqual({ "(public) GET 200": 4 });
  }, 20_000);
});
