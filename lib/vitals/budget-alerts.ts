import "server-only";
import { db } from "@/lib/db";
import { enqueueNotification } from "@/lib/notify/outbox-repository";
import {
  deletePending,
  insertOpenAlert,
  markFiring,
  markResolved,
  refreshOpenAlert,
  type OpenAlertRow,
} from "@/lib/slo/alert-repository";
import { sloMaintenance } from "@/lib/maintenance/exclude-source";
import { insideAny } from "@/lib/maintenance/expand";
import { duringMaintenance } from "@/lib/maintenance/silence";
import { nextTransition } from "@/lib/slo/alert-state";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { readOpenBudgetAlerts } from "@/lib/vitals/budget-alert-repository";
import {
  budgetAlertHeadline,
  budgetAlertSummary,
  evaluateBudget,
  type BudgetFigures,
} from "@/lib/vitals/budget-evaluate";
import { listBudgets, readBudgetSample } from "@/lib/vitals/budget-repository";
import { BUDGET_RULE, BUDGET_WINDOW_MINUTES, budgetAlertSlo, type VitalBudget } from "@/lib/vitals/budget-spec";

// Web-vitals budget alerts, run by the slo-evaluate job for every site: the same state machine, alerts table and
// outbox as SLO alerts, with slo = "budget:<id>", rule "budget" and severity "budget".

type SiteRef = { id: number; slug: string; name: string };
export type BudgetAlertChange = {
  site: string;
  slo: string;
  rule: string;
  change: "open" | "fire" | "drop" | "resolve";
  alertId: string;
};
type Check = {
  budget: Pick<VitalBudget, "id" | "forMinutes"> & Partial<VitalBudget>;
  holds: boolean;
  figures: BudgetFigures;
  summary: string;
};

function notification(
  site: SiteRef,
  check: Check,
  id: bigint,
  state: "firing" | "resolved",
  fired: BudgetFigures,
  now: Date,
) {
  const headline = budgetAlertHeadline(check.figures);
  const title = state === "firing" ? `[BUDGET] ${headline}` : `[RESOLVED] ${headline}`;
  const { budget, figures } = check;
  return {
    key: `alert:${id}:${state}`,
    type: state === "firing" ? ("alert.firing" as const) : ("alert.resolved" as const),
    severity: "budget" as const,
    title: site.id === VIGIL_SITE_ID ? title : `[${site.name}] ${title}`,
    summary: state === "firing" ? check.summary : `Resolved. ${check.summary}`,
    path: site.id === VIGIL_SITE_ID ? "/admin/alerts" : `/admin/alerts?site=${site.slug}`,
    at: now.toISOString(),
    data: {
      alertId: String(id),
      site: site.slug,
      budget: {
        id: budget.id,
        metric: figures.metric,
        percentile: figures.percentile,
        threshold: figures.threshold,
        route: figures.route,
        device: figures.device,
        forMinutes: budget.forMinutes,
        minSamples: figures.minSamples,
      },
      value: figures.value,
      threshold: figures.threshold,
      samples: figures.samples,
      runbookUrl: "RUNBOOK.md#web-vitals-budget-alerts",
      figures: { fired, latest: figures },
    },
  };
}

/** One budget's step; a state change and its notification commit in one transaction (as for SLO alerts). */
async function apply(site: SiteRef, check: Check, open: OpenAlertRow | undefined, now: Date, quiet = false) {
  const next = nextTransition(open ?? null, check.holds, now, check.budget.forMinutes);
  const step = quiet ? duringMaintenance(next) : next;
  const slo = budgetAlertSlo(check.budget.id);
  const change = (kind: BudgetAlertChange["change"], id: bigint): BudgetAlertChange => ({
    site: site.slug,
    slo,
    rule: BUDGET_RULE,
    change: kind,
    alertId: String(id),
  });
  const firedOf = (o: OpenAlertRow) => (o.figures.fired ?? check.figures) as BudgetFigures;
  switch (step.kind) {
    case "none":
      return null;
    case "hold":
      await refreshOpenAlert(open!.id, now, { fired: open!.figures.fired, latest: check.figures });
      return null;
    case "drop":
      return (await deletePending(open!.id)) ? change("drop", open!.id) : null;
    case "open": {
      const firing = step.state === "firing";
      const id = await db.$transaction(async (tx) => {
        const id = await insertOpenAlert(
          {
            siteId: site.id,
            fingerprint: `${slo}:${BUDGET_RULE}`,
            slo,
            rule: BUDGET_RULE,
            severity: "budget",
            state: step.state,
            now,
            figures: { fired: firing ? check.figures : null, latest: check.figures },
            summary: check.summary,
          },
          tx,
        );
        if (id !== null && firing)
          await enqueueNotification(tx, notification(site, check, id, "firing", check.figures, now));
        return id;
      });
      return id === null ? null : change("open", id);
    }
    case "fire": {
      const moved = await db.$transaction(async (tx) => {
        const figures = { fired: check.figures, latest: check.figures };
        if (!(await markFiring(open!.id, now, figures, check.summary, tx))) return false;
        await enqueueNotification(tx, notification(site, check, open!.id, "firing", check.figures, now));
        return true;
      });
      return moved ? change("fire", open!.id) : null;
    }
    case "resolve": {
      const moved = await db.$transaction(async (tx) => {
        if (!(await markResolved(open!.id, now, { fired: open!.figures.fired, latest: check.figures }, tx)))
          return false;
        await enqueueNotification(tx, notification(site, check, open!.id, "resolved", firedOf(open!), now));
        return true;
      });
      return moved ? change("resolve", open!.id) : null;
    }
  }
}

/**
 * Every enabled budget of the site at `now`: its percentile over the last BUDGET_WINDOW_MINUTES of raw samples
 * against its threshold. Alerts of budgets deleted or no longer alerting are resolved (or dropped while pending).
 */
export async function evaluateBudgetAlerts(site: SiteRef, now: Date): Promise<BudgetAlertChange[]> {
  const [budgets, open, maintenance] = await Promise.all([
    listBudgets(site.id),
    readOpenBudgetAlerts(site.id),
    sloMaintenance(site.id, now),
  ]);
  // Site-wide maintenance silences budgets as it does SLO rules: nothing new opens or fires while it lasts.
  const quiet = insideAny(maintenance, now);
  const openBySlo = new Map(open.map((a) => [a.slo, a]));
  const from = new Date(now.getTime() - BUDGET_WINDOW_MINUTES * 60_000);
  const changes: BudgetAlertChange[] = [];
  const seen = new Set<string>();
  for (const budget of budgets.filter((b) => b.enabled)) {
    const verdict = evaluateBudget(budget, await readBudgetSample(site.id, budget, from, now));
    const slo = budgetAlertSlo(budget.id);
    seen.add(slo);
    const check = {
      budget,
      holds: verdict.holds,
      figures: verdict.figures,
      summary: budgetAlertSummary(verdict.figures),
    };
    const c = await apply(site, check, openBySlo.get(slo), now, quiet);
    if (c) changes.push(c);
  }
  for (const stale of open.filter((a) => !seen.has(a.slo))) {
    const latest = stale.figures.latest as BudgetFigures;
    const summary = `${budgetAlertHeadline(latest)}: the budget was deleted or no longer alerts.`;
    const id = Number(stale.slo.slice("budget:".length));
    const c = await apply(site, { budget: { id, forMinutes: 0 }, holds: false, figures: latest, summary }, stale, now);
    if (c) changes.push(c);
  }
  return changes;
}
