// Shared by the benchmarks: autocannon runs with constant settings, req/s to the last response, one-line summaries.
import autocannon, { type Result } from "autocannon";
import { randomUUID } from "node:crypto";

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export const CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

// One page view's five metrics, as the collector sends them.
export const beacon = (route: string) =>
  JSON.stringify({
    v: 1,
    pageViewId: `pv_${randomUUID().replaceAll("-", "")}`,
    route,
    navigationType: "navigate",
    connection: "4g",
    metrics: [
      { name: "LCP", value: 2140.2, id: "v6-1", attribution: { target: "main > img", type: "image" } },
      { name: "INP", value: 96, id: "v6-2", attribution: { target: "button.buy", type: "pointer" } },
      { name: "CLS", value: 0.031, id: "v6-3" },
      { name: "FCP", value: 1200.4, id: "v6-4" },
      { name: "TTFB", value: 310.7, id: "v6-5" },
    ],
  });

const METRICS_JSON = JSON.stringify(JSON.parse(beacon("/")).metrics);

/**
 * Bodies for one run, a page view each: the server keeps one value per (page view, metric, id), so a run that
 * repeated one body would measure replays. Cheap to make, so the load generator's share stays the same.
 */
export const beaconsFor = (runId: string, route: (n: number) => string) => (n: number) =>
  `{"v":1,"pageViewId":"pv_${runId}_${String(n).padStart(8, "0")}","route":"${route(n)}","navigationType":"navigate","connection":"4g","metrics":${METRICS_JSON}}`;

/** `bodyFor(n)` gives the n-th request its own body (else every request sends `body`). */
export type LoadSpec = {
  url: string;
  method?: "GET" | "POST";
  body?: string;
  bodyFor?: (n: number) => string;
  amount: number;
  connections: number;
};

const wallSeconds = new WeakMap<Result, number>();

export function load({ url, method = "POST", body = "", bodyFor, amount, connections }: LoadSpec): Promise<Result> {
  let sent = 0;
  const requests = bodyFor
    ? [
        {
          setupRequest: (req: { body?: string }) => {
            req.body = bodyFor(sent++);
            return req;
          },
        },
      ]
    : undefined;
  const started = performance.now();
  let lastResponse = started;
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url,
        method,
        connections,
        amount,
        body: method === "GET" ? undefined : body,
        requests: requests as never,
        headers: { "content-type": "text/plain", "user-agent": CHROME_UA },
      },
      (err, result) => {
        if (err) return fail(err);
        // Time to the last response: autocannon only finishes (and stamps start/finish) on its 1 s sampling ticks.
        wallSeconds.set(result, (lastResponse - started) / 1000);
        done(result);
      },
    );
    instance.on("response", () => (lastResponse = performance.now()));
  });
}

export const rps = (r: Result) => (r["2xx"] + r.non2xx) / wallSeconds.get(r)!;
export const summary = (name: string, r: Result) =>
  `${name.padEnd(8)} ${rps(r).toFixed(0).padStart(6)} req/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  2xx ${r["2xx"]}  non-2xx ${r.non2xx}  errors ${r.errors}`;
