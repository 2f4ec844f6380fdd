import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { parseSloSpecs } from "@/lib/slo/spec";
import { grafanaDashboard } from "./grafana-dashboard";
import { GENERATED_FILES, renderMonitoring } from "./render";

// The generated monitoring/ files against the real tools: promtool (Prometheus 2.42) and amtool (Alertmanager 0.25),
// from Debian's `prometheus` and `prometheus-alertmanager` packages (.ci/run installs them).

const ROOT = join(import.meta.dirname, "..", "..");
const COMMITTED = join(ROOT, "monitoring");
const SLOW = 240_000;

function run(cmd: string, args: string[], cwd = ROOT): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 127) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

function writeAll(dir: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

let tmp: string;

beforeAll(async () => {
  for (const [tool, pkg] of [
    ["promtool", "prometheus"],
    ["amtool", "prometheus-alertmanager"],
  ]) {
    const { code } = await run(tool!, ["--version"]);
    if (code !== 0) throw new Error(`${tool} not found: apt-get install ${pkg}`);
  }
  tmp = mkdtempSync(join(tmpdir(), "vigil-monitoring-"));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("monitoring/ as committed", () => {
  it("equals a fresh `npm run monitoring:generate`", { timeout: 120_000 }, async () => {
    const fresh = join(tmp, "fresh");
    const gen = await run("npm", ["run", "-s", "monitoring:generate", "--", "--out", fresh]);
    expect(gen.code, gen.output).toBe(0);
    for (const path of Object.values(GENERATED_FILES)) {
      expect(
        readFileSync(join(fresh, path), "utf8"),
        `monitoring/${path} is out of date: run npm run monitoring:generate`,
      ).toBe(readFileSync(join(COMMITTED, path), "utf8"));
    }
  });

  it("passes promtool check rules", async () => {
    const r = await run("promtool", ["check", "rules", join(COMMITTED, GENERATED_FILES.rules)]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/SUCCESS: \d+ rules found/);
  });

  it("passes promtool test rules: every alert fires on its inputs and stays quiet on the others", {
    timeout: SLOW,
  }, async () => {
    const r = await run("promtool", ["test", "rules", join(COMMITTED, GENERATED_FILES.ruleTests)]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS");
  });

  it("has an Alertmanager config that amtool accepts, with the page → ticket inhibition", async () => {
    const r = await run("amtool", ["check-config", join(COMMITTED, GENERATED_FILES.alertmanager)]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("1 inhibit rules");
    expect(r.output).toContain("2 receivers");
  });

  it("has a Prometheus example config that promtool accepts, rules included", async () => {
    const r = await run("promtool", ["check", "config", join(COMMITTED, GENERATED_FILES.prometheus)]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS: 2 rule files found");
  });

  it("has a dashboard whose every expression parses as PromQL", async () => {
    const committed = JSON.parse(readFileSync(join(COMMITTED, GENERATED_FILES.dashboard), "utf8"));
    const exprs: string[] = committed.panels.flatMap((p: { targets?: { expr: string }[] }) =>
      (p.targets ?? []).map((t) => t.expr),
    );
    expect(exprs.length).toBeGreaterThan(15);
    const concrete = (e: string) =>
      e
        .replaceAll("$__rate_interval", "5m")
        .replaceAll("$__range", "6h")
        .replaceAll("$job", ".+")
        .replaceAll("$site", "vigil")
        .replaceAll("$slo", ".+");
    const file = join(tmp, "dashboard-exprs.yml");
    writeFileSync(
      file,
      stringify({
        groups: [
          { name: "dashboard", rules: exprs.map((e, i) => ({ record: `dashboard:expr_${i}`, expr: concrete(e) })) },
        ],
      }),
    );
    const r = await run("promtool", ["check", "rules", file]);
    expect(r.code, r.output).toBe(0);
    expect(committed.panels.length).toBe(grafanaDashboard().panels.length);
  });
});

describe("dashboard figures", () => {
  it("match hand-computed ratios of the chosen site on known series, 0 rather than a gap where nothing failed", async () => {
    const panels = grafanaDashboard().panels as { title: string; targets?: { expr: string }[] }[];
    const expr = (title: string, i = 0) =>
      panels
        .find((p) => p.title === title)!
        .targets![i]!.expr.replaceAll("$__rate_interval", "5m")
        .replaceAll("$__range", "10m")
        .replaceAll("$job", "vigil")
        .replaceAll("$site", "vigil");
    const req = (route: string, status: string, site = "vigil") =>
      `http_requests_total{job="vigil",site="${site}",route="${route}",method="GET",status="${status}"}`;
    const probe = (monitor: string, outcome: string, site = "vigil") =>
      `vigil_probe_results_total{job="vigil",site="${site}",monitor="${monitor}",outcome="${outcome}"}`;
    const check = (e: string, samples: [string, number][]) => ({
      expr: `round((${e}) * 1e6)`,
      eval_time: "10m",
      exp_samples: samples.map(([labels, value]) => ({ labels, value })),
    });
    const file = {
      rule_files: [],
      tests: [
        {
          interval: "1m",
          // Per minute: /a 30 ok + 10 errors, /b 60 ok; monitor m 3 up + 1 down, monitor dead only down. Site shop,
          // which the dashboard does not show, fails everything on the same routes and monitors.
          input_series: [
            { series: req("/a", "200"), values: "0+30x10" },
            { series: req("/a", "500"), values: "0+10x10" },
            { series: req("/b", "200"), values: "0+60x10" },
            { series: probe("m", "up"), values: "0+3x10" },
            { series: probe("m", "down"), values: "0+1x10" },
            { series: probe("dead", "down"), values: "0+1x10" },
            { series: req("/a", "500", "shop"), values: "0+50x10" },
            { series: req("/b", "500", "shop"), values: "0+50x10" },
            { series: probe("m", "down", "shop"), values: "0+9x10" },
          ],
          promql_expr_test: [
            check(expr("5xx ratio"), [["{}", 100_000]]),
            check(expr("Routes over the time range", 1), [
              ['{route="/a"}', 250_000],
              ['{route="/b"}', 0],
            ]),
            check(expr("Probe success ratio by monitor"), [
              ['{monitor="m"}', 750_000],
              ['{monitor="dead"}', 0],
            ]),
          ],
        },
      ],
    };
    const path = join(tmp, "dashboard-figures.test.yml");
    writeFileSync(path, stringify(file));
    const r = await run("promtool", ["test", "rules", path]);
    expect(r.code, r.output).toBe(0);
  });
});

describe("the checks can fail", () => {
  const rules = () => parse(readFileSync(join(COMMITTED, GENERATED_FILES.rules), "utf8"));
  const alertOf = (doc: { groups: { rules: { alert?: string; expr: string }[] }[] }, name: string) =>
    doc.groups.flatMap((g) => g.rules).find((r) => r.alert === name)!;

  it("promtool check rules refuses broken PromQL", async () => {
    const doc = rules();
    alertOf(doc, "SLOApiAvailabilityBurnRatePage1h").expr += " and (";
    const file = join(tmp, "broken-rules.yml");
    writeFileSync(file, stringify(doc));
    const r = await run("promtool", ["check", "rules", file]);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/FAILED|parse error/i);
  });

  // Runs the committed tests of `alert` against the committed rules with that alert's expression changed.
  async function testWeakened(name: string, alert: string, change: (expr: string) => string) {
    const doc = rules();
    const rule = alertOf(doc, alert);
    const changed = change(rule.expr);
    expect(changed).not.toBe(rule.expr);
    rule.expr = changed;
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "vigil-slo-rules.yml"), stringify(doc));
    const tests = parse(readFileSync(join(COMMITTED, GENERATED_FILES.ruleTests), "utf8"));
    tests.tests = tests.tests.filter((t: { name: string }) => t.name.startsWith(`${alert}:`));
    writeFileSync(join(dir, "tests.yml"), stringify(tests));
    return run("promtool", ["test", "rules", "tests.yml"], dir);
  }

  it("promtool test rules catches an alert that lost its minimum-traffic guard", { timeout: SLOW }, async () => {
    const r = await testWeakened(
      "unguarded",
      "SLOApiAvailabilityBurnRatePage1h",
      (e) => e.split("\nand on (site)")[0]!,
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("does not fire on 9 events, all bad, fewer than minEvents 100");
  });

  it("promtool test rules catches a minimum-traffic guard that counts every site's events", {
    timeout: SLOW,
  }, async () => {
    // The healthy site's traffic would let the tested site page on 9 events.
    const r = await testWeakened("guard-all-sites", "SLOApiAvailabilityBurnRatePage1h", (e) =>
      e.replace("and on (site)\n(sum by (site) (increase(", "and on ()\n(sum(increase("),
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("does not fire on 9 events, all bad, fewer than minEvents 100");
  });

  it("promtool test rules catches an absent-data alert that cannot tell which site went quiet", {
    timeout: SLOW,
  }, async () => {
    // The former expression: any site's events keep it quiet, and its alert would carry no site.
    const r = await testWeakened(
      "absent-any-site",
      "SLOUptimeNoData",
      () => '(sum(rate(vigil_probe_results_total{monitor="vigil"}[5m])) or vector(0)) == 0',
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("fires after 15 min with no events on site shop only");
  });

  it("amtool refuses a route to a receiver that does not exist", async () => {
    const doc = parse(readFileSync(join(COMMITTED, GENERATED_FILES.alertmanager), "utf8"));
    doc.route.routes[0].receiver = "nobody";
    const file = join(tmp, "broken-alertmanager.yml");
    writeFileSync(file, stringify(doc));
    const r = await run("amtool", ["check-config", file]);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("nobody");
  });
});

describe("rules for other specs", () => {
  // Every kind, every window, escaping, no guard, a tiny absent window and an objective that leaves rules out.
  const specs = parseSloSpecs([
    {
      id: "checkout",
      name: "Checkout {{ok}}",
      kind: "custom",
      objective: 0.99,
      window: "7d",
      owner: "shop",
      alerting: { minEvents: 0, absentMinutes: 5 },
    },
    {
      id: "item-api",
      name: "Item API",
      kind: "availability",
      routes: ["/api/items/[id]", "/api/items"],
      methods: ["GET", "POST"],
      objective: 0.995,
      window: "28d",
      owner: "a",
      alerting: { minEvents: 1, absentMinutes: 0 },
    },
    {
      id: "cls-mobile",
      name: "CLS on mobile",
      kind: "vitals",
      metric: "CLS",
      route: "/blog/[slug]",
      device: "mobile",
      objective: 0.9,
      window: "7d",
      owner: "web",
    },
    {
      id: "v1-latency",
      name: "v1 latency",
      kind: "latency",
      thresholdMs: 250,
      routePrefix: "/api/v1.x/",
      objective: 0.99,
      window: "28d",
      owner: "b",
      alerting: { minEvents: 100000, absentMinutes: 1 },
    },
    {
      id: "probe-b",
      name: "Probe B",
      kind: "uptime",
      monitor: "b",
      objective: 0.6,
      owner: "ops",
      alerting: { minEvents: 2, absentMinutes: 2 },
    },
  ]);

  it("pass promtool check rules and their generated promtool tests", { timeout: SLOW }, async () => {
    const dir = join(tmp, "fixture-specs");
    writeAll(dir, renderMonitoring(specs));
    const check = await run("promtool", ["check", "rules", join(dir, GENERATED_FILES.rules)]);
    expect(check.code, check.output).toBe(0);
    const test = await run("promtool", ["test", "rules", join(dir, GENERATED_FILES.ruleTests)]);
    expect(test.code, test.output).toBe(0);
    const alerts = parse(readFileSync(join(dir, GENERATED_FILES.rules), "utf8")).groups.flatMap(
      (g: { rules: { alert?: string }[] }) => g.rules.filter((r) => r.alert).map((r) => r.alert),
    );
    expect(alerts.filter((a: string) => a.startsWith("SLOProbeB"))).toEqual([
      "SLOProbeBBurnRateTicket3d",
      "SLOProbeBNoData",
    ]);
  });
});

describe("web-vitals budget rules", () => {
  const budgetRules = () => parse(readFileSync(join(COMMITTED, GENERATED_FILES.budgetRules), "utf8"));

  it("pass promtool check rules and their promtool tests, as committed", { timeout: SLOW }, async () => {
    const check = await run("promtool", ["check", "rules", join(COMMITTED, GENERATED_FILES.budgetRules)]);
    expect(check.code, check.output).toBe(0);
    expect(check.output).toContain("SUCCESS: 2 rules found");
    const test = await run("promtool", ["test", "rules", join(COMMITTED, GENERATED_FILES.budgetRuleTests)]);
    expect(test.code, test.output).toBe(0);
  });

  // The committed tests of one budget alert against its rule changed: each change must fail them.
  async function testChanged(name: string, change: (expr: string) => string) {
    const doc = budgetRules();
    const rule = doc.groups[0].rules.find((r: { alert: string }) => r.alert === "WEBVITALS_LCP_95P_ABOVE_BUDGET");
    const changed = change(rule.expr);
    expect(changed).not.toBe(rule.expr);
    rule.expr = changed;
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "vigil-vitals-budget-rules.yml"), stringify(doc));
    const tests = parse(readFileSync(join(COMMITTED, GENERATED_FILES.budgetRuleTests), "utf8"));
    tests.tests = tests.tests.filter((t: { name: string }) => t.name.startsWith("WEBVITALS_LCP_95P_ABOVE_BUDGET:"));
    writeFileSync(join(dir, "tests.yml"), stringify(tests));
    return run("promtool", ["test", "rules", "tests.yml"], dir);
  }

  it("catch an alert without its minimum-samples guard", { timeout: SLOW }, async () => {
    const r = await testChanged("budget-unguarded", (e) => e.split("\nand on (site)")[0]!);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("does not fire on slow samples fewer than minSamples 20");
  });

  it("catch a guard that counts every site's samples", { timeout: SLOW }, async () => {
    const r = await testChanged("budget-guard-all-sites", (e) =>
      e.replace("and on (site)\nsum by (site) (increase(", "and on ()\nsum(increase("),
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("does not fire on slow samples fewer than minSamples 20");
  });

  it("catch a quantile that mixes the sites", { timeout: SLOW }, async () => {
    // The healthy site's many fast samples would hide the slow one's.
    const r = await testChanged("budget-all-sites", (e) => e.replace("sum by (site, le)", "sum by (le)"));
    expect(r.code).not.toBe(0);
  });
});
