import { NextResponse } from "next/server";
import { z } from "zod";
import { apiSiteId, requireApiAccess, siteParam } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { SLO_RULE_TESTS_FILE, SLO_RULES_FILE } from "@/lib/monitoring/slo-rules-files";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { sitePrometheusRules } from "@/lib/slo/prometheus-export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Query = z.object({ file: z.enum(["rules", "tests"]).optional() }).strict();

/**
 * Prometheus rules and promtool tests for the stored SLOs of `?site=` (Vigil's own by default): JSON with both
 * files, or one of them as YAML with `?file=rules|tests`. Viewer session or API token.
 */
export const GET = apiRoute("/api/observability/prometheus-rules", async (request) => {
  await requireApiAccess(request, "viewer");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  delete params.site;
  const { file } = Query.parse(params);
  const id = await apiSiteId(request);
  const out = await sitePrometheusRules({ id, slug: siteParam(request) ?? VIGIL_SITE_SLUG });
  const headers = { "Cache-Control": "no-store" };
  if (!file) return NextResponse.json(out, { headers });
  return new NextResponse(out.files[file === "rules" ? SLO_RULES_FILE : SLO_RULE_TESTS_FILE], {
    headers: { ...headers, "Content-Type": "application/yaml; charset=utf-8" },
  });
});
