import { describe, expect, it } from "vitest";
import { siteHref } from "./site-href";

describe("siteHref", () => {
  it("adds ?site= for any site but Vigil's own, first in the query, keeping the rest and the hash", () => {
    expect(siteHref("/admin/vitals", "shop")).toBe("/admin/vitals?site=shop");
    expect(siteHref("/admin/vitals", "vigil")).toBe("/admin/vitals");
    expect(siteHref("/admin/vitals", undefined)).toBe("/admin/vitals");
    expect(siteHref("/admin/vitals?window=30d&route=%2Fa", "shop")).toBe(
      "/admin/vitals?site=shop&window=30d&route=%2Fa",
    );
    expect(siteHref("/admin/settings#monitors", "shop")).toBe("/admin/settings?site=shop#monitors");
    expect(siteHref("/admin/settings?x=1#monitors", "vigil")).toBe("/admin/settings?x=1#monitors");
  });

  it("replaces a site already in the URL instead of naming two", () => {
    expect(siteHref("/admin?site=old&denied=1", "shop")).toBe("/admin?site=shop&denied=1");
    expect(siteHref("/admin?site=old", "vigil")).toBe("/admin");
  });
});
