import { describe, expect, it } from "vitest";
import { RouteLabeler } from "./route-labeler.js";
import { RouteTable } from "./route-table.js";

const labeler = new RouteLabeler(new RouteTable(["/", "/blog/[slug]", "/api/v1/vitals"]));

describe("RouteLabeler", () => {
  it.each([
    ["/blog/a?x=1", 200, "/blog/[slug]"],
    ["/api/v1/vitals?", 202, "/api/v1/vitals"],
    ["/_next/static/chunks/app.js", 200, "/_next/static"],
    ["/_next/whatever-a-scanner-sends", 404, "/_next/static"],
    ["/_next/image?url=%2Fa.png&w=64&q=75", 200, "/_next/image"],
    ["/favicon.ico", 200, "(public)"],
    ["/wp-login.php", 404, "(unmatched)"],
    ["/", 200, "/"],
  ])("%s (%i) → %s", (url, status, label) => expect(labeler.label(url, status)).toBe(label));
});
