import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SiteInput, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { createSite, type Site } from "@/lib/sites/sites";
import { BudgetInput, MAX_BUDGETS_PER_SITE } from "@/lib/vitals/budget-spec";
import { deleteBudget, listBudgets, saveBudget } from "@/lib/vitals/budgets";

// The verbs behind the Web Vitals page's budget forms: one budget per metric/percentile/route/device, a site's
// budgets only, bounded in number; refusals store nothing.
const tag = randomUUID().slice(0, 8);
let site: Site;
const input = (over: Record<string, unknown> = {}) =>
  BudgetInput.parse({ site: site.slug, metric: "LCP", percentile: "95", threshold: "2500", enabled: "on", ...over });

beforeAll(async () => {
  ({ site } = await createSite(SiteInput.parse({ name: `B ${tag}`, slug: `b-${tag}`, allowedOrigins: "" })));
});

describe("budget verbs", () => {
  it("create, edit and delete a site's budget", async () => {
    const created = await saveBudget(input());
    expect(await listBudgets(site.id)).toEqual([created]);
    const edited = await saveBudget(input({ id: String(created.id), threshold: "3000", route: "/cart", enabled: "" }));
    expect(edited).toMatchObject({ id: created.id, threshold: 3000, route: "/cart", enabled: false });
    await deleteBudget({ site: site.slug, id: created.id });
    expect(await listBudgets(site.id)).toEqual([]);
  });

  it("refuse a second budget for the same metric, percentile, route and device", async () => {
    await saveBudget(input({ metric: "TTFB" }));
    await expect(saveBudget(input({ metric: "TTFB", threshold: "900" }))).rejects.toMatchObject({
      code: "bad_request",
      message: "This site already has a p95 TTFB budget: edit that one.",
    });
    expect((await listBudgets(site.id)).map((b) => b.threshold)).toEqual([2500]);
  });

  it("never touch another site's budget through its id", async () => {
    const [mine] = await listBudgets(site.id);
    await expect(saveBudget({ ...input({ id: String(mine!.id) }), site: VIGIL_SITE_SLUG })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteBudget({ site: VIGIL_SITE_SLUG, id: mine!.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listBudgets(site.id)).toHaveLength(1);
  });

  it("stop at the per-site limit", async () => {
    const have = (await listBudgets(site.id)).length;
    const routes = Array.from({ length: MAX_BUDGETS_PER_SITE - have }, (_, i) => `/r${i}`);
    await db.vitalBudget.createMany({
      data: routes.map((route) => ({ siteId: site.id, metric: "CLS", percentile: 75, threshold: 0.1, route })),
    });
    await expect(saveBudget(input({ route: "/one-more" }))).rejects.toMatchObject({ code: "bad_request" });
    expect(await listBudgets(site.id)).toHaveLength(MAX_BUDGETS_PER_SITE);
  });
});
