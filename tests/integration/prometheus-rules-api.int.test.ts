import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { SiteInput } from "@/lib/sites/site-input";
import { createSite } from "@/lib/sites/sites";
import { createSlo, setSloPausedState } from "@/lib/slo/slo-store";

const TOKEN = vi.hoisted(() => (process.env.VIGIL_API_TOKEN = "integration-api-token-0123456789"));
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
const { GET } = await import("@/app/api/observability/prometheus-rules/route");

const tag = randomUUID().slice(0, 8);
const get = (query: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  GET(new Request(`http://127.0.0.1:3000/api/observability/prometheus-rules${query}`, { headers }));
const committed = (name: string) => readFileSync(`monitoring/prometheus/${name}`, "utf8");
type Files = { site: string; slos: string[]; files: Record<string, string> };

let shop: string;
let fresh: string;
beforeAll(async () => {
  fresh = (await createSite(SiteInput.parse({ name: "Fresh", slug: `fresh-${tag}`, allowedOrigins: "" }))).site.slug;
  const { site } = await createSite(SiteInput.parse({ name: "Shop", slug: `shop-${tag}`, allowedOrigins: "" }));
  shop = site.slug;
  await createSlo(site.id, { id: "webhook-success", name: "Webhooks", kind: "custom", objective: 0.99, owner: "shop" });
  await setSloPausedState(site.id, "lcp-good", true);
});

describe("GET /api/observability/prometheus-rules", () => {
  it("refuses callers without a session or the token, and bad parameters", async () => {
    expect((await get("", {})).status).toBe(401);
    expect((await get("", { authorization: "Bearer wrong-wrong-wrong-wrong" })).status).toBe(401);
    expect((await get("?file=dashboards")).status).toBe(400);
    expect((await get(`?site=no-such-${tag}`)).status).toBe(404);
  });

  it("renders the defaults of a fresh site exactly as the generator wrote monitoring/ (comments aside)", async () => {
    expect(((await (await get("")).json()) as Files).site).toBe("vigil");
    // A new site (other test files add SLOs to Vigil's own in the same database).
    const res = await get(`?site=${fresh}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Files;
    for (const name of ["vigil-slo-rules.yml", "vigil-slo-rules.test.yml"])
      expect(parse(body.files[name]!), name).toEqual(parse(committed(name)));
  });

  it("renders a site's own stored SLOs: added ones in, paused ones out; one file as YAML on request", async () => {
    const body = (await (await get(`?site=${shop}`)).json()) as Files;
    expect(body.slos).toEqual(["api-availability", "request-latency", "uptime", "webhook-success"]);
    const groups = parse(body.files["vigil-slo-rules.yml"]!).groups.map((g: { name: string }) => g.name);
    expect(groups.some((n: string) => n.includes("webhook-success"))).toBe(true);
    expect(groups.some((n: string) => n.includes("lcp-good"))).toBe(false);
    const yaml = await get(`?site=${shop}&file=rules`);
    expect(yaml.headers.get("content-type")).toContain("application/yaml");
    expect(await yaml.text()).toBe(body.files["vigil-slo-rules.yml"]);
  });
});
