import { describe, expect, it } from "vitest";
import { RouteTable } from "./route-table.js";

const table = new RouteTable([
  "/",
  "/login",
  "/admin",
  "/admin/vitals",
  "/blog/[slug]",
  "/blog/new",
  "/blog/[slug]/comments/[id]",
  "/docs/[[...path]]",
  "/api/[...slug]",
  "/api/v1/vitals",
  "/shop/[category]/[...rest]",
]);

describe("RouteTable", () => {
  it.each([
    ["/", "/"],
    ["/login", "/login"],
    ["/login/", "/login"],
    ["/admin/vitals", "/admin/vitals"],
    ["/blog/hello-world", "/blog/[slug]"],
    ["/blog/new", "/blog/new"], // static beats dynamic
    ["/blog/a/comments/7", "/blog/[slug]/comments/[id]"],
    ["/docs", "/docs/[[...path]]"],
    ["/docs/a/b/c", "/docs/[[...path]]"],
    ["/api/v1/vitals", "/api/v1/vitals"],
    ["/api/v1/other", "/api/[...slug]"],
    ["/shop/shoes/a/b", "/shop/[category]/[...rest]"],
  ])("%s → %s", (path, template) => expect(table.match(path)).toBe(template));

  it.each(["/nope", "/blog", "/blog/a/b", "/admin/vitals/x", "/shop/shoes"])("%s matches nothing", (path) =>
    expect(table.match(path)).toBeNull(),
  );

  it("an empty build matches nothing but still answers", () => expect(new RouteTable([]).match("/")).toBeNull());
});
