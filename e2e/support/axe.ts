import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Result = AxeResults["violations"][number];

/** WCAG 2.0 and 2.1, levels A and AA: the bar the console is held to. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;
/** Impacts that fail a scan; "moderate" and "minor" findings are reported in the attachment only. */
const FAILING = new Set(["serious", "critical"]);

const clip = (s: string, max: number) => {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** One readable line per offending element: rule, impact, selector, html and axe's own reason (contrast figures). */
function describe(v: Result): string[] {
  return v.nodes.map((n) => {
    const reason = [...n.any, ...n.all, ...n.none].find((c) => c.message)?.message ?? "";
    return `${v.id} (${v.impact}) ${n.target.join(" ")}\n    ${clip(n.html, 160)}\n    ${clip(reason, 200)}`;
  });
}

/** Runs axe on the page as it is now; returns the full results and the serious or critical findings as text. */
export async function scanPage(page: Page): Promise<{ results: AxeResults; failures: string[] }> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze();
  const failures = results.violations.filter((v) => FAILING.has(v.impact ?? "")).flatMap(describe);
  return { results, failures };
}
