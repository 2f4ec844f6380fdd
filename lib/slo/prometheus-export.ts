import "server-only";
import { renderSloRuleFiles, SLO_RULE_TESTS_FILE, SLO_RULES_FILE } from "@/lib/monitoring/slo-rules-files";
import { activeSlos } from "@/lib/slo/slo-store";

export type SitePrometheusRules = { site: string; slos: string[]; files: Record<string, string> };

/**
 * The Prometheus recording and alerting rules of a site's active stored SLOs and their promtool unit tests, from
 * the renderer `npm run monitoring:generate` uses for the defaults. Both files belong in one folder (the tests
 * name the rule file).
 */
export async function sitePrometheusRules(site: { id: number; slug: string }): Promise<SitePrometheusRules> {
  const specs = (await activeSlos(site.id)).map((s) => s.spec);
  const header = ` Rendered by GET /api/observability/prometheus-rules?site=${site.slug} from the site's stored SLOs: fetch again after editing them.`;
  const { rules, tests } = renderSloRuleFiles(specs, header);
  return {
    site: site.slug,
    slos: specs.map((s) => s.id),
    files: { [SLO_RULES_FILE]: rules, [SLO_RULE_TESTS_FILE]: tests },
  };
}
