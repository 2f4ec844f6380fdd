// npm run bench:lab [-- --runs 5 --no-build]: /login in Chromium with the CPU throttled 4×, first loads (fresh
// context) of the SDKs-on and SDKs-off builds of bench:bundle, alternating. Medians of total blocking time (long
// tasks over 50 ms, up to 5 s after navigation, so the SDKs' own deferred start counts), JS execution time (CDP
// Performance.getMetrics ScriptDuration) and LCP; target on/off ≤ 1.2 for TBT and JS time (ADR 0012).
import { chromium, type Browser } from "@playwright/test";
import { startRecorder } from "../e2e/support/recorder";
import { provisionTestDatabase } from "../scripts/db/provision";
import { DIST_DIRS, ensureSdkBuilds, root, SDK_BUILDS, type SdkBuild } from "./support/bundle-builds";
import { arg } from "./support/load";
import { benchServerEnv, startNext, type BenchServer } from "./support/next-server";
import { medianOf } from "./support/stats";

const RUNS = arg("runs", 5);
const PORTS = { on: 3791, off: 3792, sentry: 3799, posthog: 3798 } as const;
const CPU_SLOWDOWN = 4;
const SETTLE_MS = 5_000;
const TARGET = 1.2;

type Sample = { tbt: number; tbtToLoad: number; script: number; lcp: number };

// Plain JS (tsx would add helpers to a compiled function): long-task blocking time and the last LCP candidate.
// posthog-js drops events from automated browsers, so navigator.webdriver reads false: the page does its real work.
const LAB_SCRIPT = `
  window.__lab = { blocking: 0, lcp: 0, tasks: [] };
  Object.defineProperty(Navigator.prototype, "webdriver", { get: () => false });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__lab.blocking += Math.max(0, e.duration - 50);
      window.__lab.tasks.push([e.startTime, e.duration]);
    }
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lab.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
`;

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext();
  try {
    // posthog-js drops events from automated browsers; the page should do its real work here.
    await context.addInitScript(LAB_SCRIPT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const script = metrics.find((m) => m.name === "ScriptDuration")?.value ?? Number.NaN;
    const lab = (await page.evaluate(
      "({ ...window.__lab, load: performance.getEntriesByType('navigation')[0].loadEventEnd })",
    )) as { blocking: number; lcp: number; tasks: [number, number][]; load: number };
    // Blocking by tasks that started before the load event ended: what the page's own loading costs.
    const tbtToLoad = lab.tasks
      .filter(([start]) => start < lab.load)
      .reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    return { tbt: lab.blocking, tbtToLoad, script: script * 1000, lcp: lab.lcp };
  } finally {
    await context.close();
  }
}

async function main() {
  await ensureSdkBuilds(process.argv.includes("--no-build"));
  const database = await provisionTestDatabase({ label: "bench_lab" });
  const receivers = await Promise.all([startRecorder(PORTS.sentry), startRecorder(PORTS.posthog)]);
  const servers: Partial<Record<SdkBuild, BenchServer>> = {};
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--no-first-run",
    ],
  });
  try {
    for (const build of SDK_BUILDS) {
      const dsn = build === "on" ? `http://public@127.0.0.1:${PORTS.sentry}/1` : "";
      servers[build] = await startNext(
        root,
        PORTS[build],
        benchServerEnv(database, {
          LOG_LEVEL: "silent",
          VIGIL_DIST_DIR: DIST_DIRS[build],
          VIGIL_SENTRY_SDK: build === "on" ? "true" : "false",
          SENTRY_DSN: dsn,
          NEXT_PUBLIC_SENTRY_DSN: dsn,
          POSTHOG_HOST: `http://127.0.0.1:${PORTS.posthog}`,
          OTEL_EXPORTER_OTLP_ENDPOINT: "",
          VIGIL_SCHEDULER: "off",
          AUTH_URL: `http://127.0.0.1:${PORTS[build]}`,
        }),
      );
    }
    const samples: Record<SdkBuild, Sample[]> = { on: [], off: [] };
    // One unmeasured load each warms the servers' caches (first render, compiled routes).
    for (const build of SDK_BUILDS) await measure(browser, `${servers[build]!.base}/login`);
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? SDK_BUILDS : [...SDK_BUILDS].reverse();
      for (const build of order) {
        const s = await measure(browser, `${servers[build]!.base}/login`);
        samples[build].push(s);
        console.log(
          `[lab] run ${i + 1} ${build}: TBT ${s.tbt.toFixed(0)} ms (to load ${s.tbtToLoad.toFixed(0)}), JS ${s.script.toFixed(0)} ms, LCP ${s.lcp.toFixed(0)} ms`,
        );
      }
    }
    const median = (build: SdkBuild, key: keyof Sample) => medianOf(samples[build].map((s) => s[key]));
    const rows = (["tbt", "tbtToLoad", "script", "lcp"] as const).map((key) => {
      const on = median("on", key);
      const off = median("off", key);
      return {
        metric: key,
        "on (ms)": on.toFixed(0),
        "off (ms)": off.toFixed(0),
        "on/off": (on / Math.max(off, 1)).toFixed(2),
      };
    });
    console.log(`/login, CPU ${CPU_SLOWDOWN}× slower, medians of ${RUNS} first loads per build:`);
    console.table(rows);
    const over = rows.filter((r) => (r.metric === "tbt" || r.metric === "script") && Number(r["on/off"]) > TARGET);
    if (over.length > 0) {
      console.log(`over the ${TARGET}× target: ${over.map((r) => r.metric).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    await Promise.all(receivers.map((r) => new Promise((done) => r.close(done))));
    await database.teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
