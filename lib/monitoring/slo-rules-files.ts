import { Document, type YAMLMap } from "yaml";
import type { SloSpec } from "@/lib/slo/spec";
import { ruleGroup, skippedNote } from "./prometheus-rules";
import { ruleTests } from "./rule-tests";
import { planSlos } from "./slo-plan";

/** The rule file's name; the promtool test file names it in `rule_files`, so both must sit in one folder. */
export const SLO_RULES_FILE = "vigil-slo-rules.yml";
export const SLO_RULE_TESTS_FILE = "vigil-slo-rules.test.yml";

// No line folding (expressions stay greppable), plain keys, block scalars for multi-line expressions.
export const stringifyYaml = (doc: Document) => doc.toString({ lineWidth: 0, minContentWidth: 0 });

export function yamlDocument(value: unknown, comment: string): Document {
  const doc = new Document(value);
  doc.commentBefore = comment;
  return doc;
}

/**
 * Prometheus recording and alerting rules for SLO specs, and their promtool unit tests, as YAML: what
 * `npm run monitoring:generate` writes for the defaults and GET /api/observability/prometheus-rules answers for a
 * site's stored SLOs. `header` opens both files (a comment saying where they come from). Deterministic.
 */
export function renderSloRuleFiles(specs: readonly SloSpec[], header: string): { rules: string; tests: string } {
  const plans = planSlos(specs);
  const rules = yamlDocument(
    { groups: plans.map(ruleGroup) },
    `${header}\n Naming scheme and usage: monitoring/README.md.`,
  );
  plans.forEach((p, i) => {
    const note = skippedNote(p);
    if (note !== undefined) (rules.getIn(["groups", i], true) as YAMLMap).commentBefore = note;
  });
  const tests = yamlDocument(
    ruleTests(plans, SLO_RULES_FILE),
    `${header}\n Run: promtool test rules monitoring/prometheus/vigil-slo-rules.test.yml`,
  );
  return { rules: stringifyYaml(rules), tests: stringifyYaml(tests) };
}
