import { describe, expect, it } from "vitest";
import { RequestsSearchParams, requestsHref } from "@/lib/requests/search-params";
import { VitalsSearchParams, vitalsHref } from "@/lib/vitals/search-params";

// Every filter link of a section keeps the site it shows; Vigil's own stays out of the URL.
describe("section links keep ?site=", () => {
  it("on Web Vitals", () => {
    const shop = VitalsSearchParams.parse({ site: "shop", window: "30d" });
    expect(vitalsHref(shop, { metric: "INP" })).toBe("/admin/vitals?site=shop&window=30d&metric=INP");
    expect(vitalsHref(shop, { window: "7d" })).toBe("/admin/vitals?site=shop");
    expect(vitalsHref(VitalsSearchParams.parse({ site: "vigil" }), { p: 95 })).toBe("/admin/vitals?p=95");
    expect(VitalsSearchParams.parse({ site: "Not A Slug" }).site).toBeUndefined();
  });

  it("on Requests", () => {
    const shop = RequestsSearchParams.parse({ site: ["shop", "other"], route: "/api/checkout" });
    expect(requestsHref(shop, { window: "7d" })).toBe("/admin/requests?site=shop&window=7d&route=%2Fapi%2Fcheckout");
    expect(requestsHref(shop, { route: undefined })).toBe("/admin/requests?site=shop");
  });
});
