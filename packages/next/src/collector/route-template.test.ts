import { describe, expect, it } from "vitest";
import { routeTemplate } from "./route-template.js";

describe("routeTemplate", () => {
  it("returns the pathname when there are no params", () => {
    expect(routeTemplate("/", {})).toBe("/");
    expect(routeTemplate("/about/team", {})).toBe("/about/team");
    expect(routeTemplate("/about", null)).toBe("/about");
    expect(routeTemplate("", undefined)).toBe("/");
  });

  it("replaces dynamic segments with [name]", () => {
    expect(routeTemplate("/blog/hello", { slug: "hello" })).toBe("/blog/[slug]");
    expect(routeTemplate("/users/42/posts/7", { userId: "42", postId: "7" })).toBe("/users/[userId]/posts/[postId]");
  });

  it("replaces catch-all arrays with a single [...name]", () => {
    expect(routeTemplate("/docs/a/b/c", { path: ["a", "b", "c"] })).toBe("/docs/[...path]");
    expect(routeTemplate("/en/docs/a/b", { lang: "en", path: ["a", "b"] })).toBe("/[lang]/docs/[...path]");
  });

  it("ignores absent or empty optional catch-alls", () => {
    expect(routeTemplate("/docs", { path: undefined })).toBe("/docs");
    expect(routeTemplate("/docs", { path: [] })).toBe("/docs");
  });

  it("keeps params with equal values apart and prefers the rightmost segment", () => {
    expect(routeTemplate("/users/1/posts/1", { userId: "1", postId: "1" })).toBe("/users/[userId]/posts/[postId]");
    expect(routeTemplate("/blog/blog", { slug: "blog" })).toBe("/blog/[slug]");
  });

  it("matches percent-encoded segments against decoded param values", () => {
    expect(routeTemplate("/tags/caf%C3%A9", { tag: "café" })).toBe("/tags/[tag]");
    expect(routeTemplate("/tags/caf%C3%A9", { tag: "caf%C3%A9" })).toBe("/tags/[tag]");
    expect(routeTemplate("/bad/%E0%A4%A", { x: "%E0%A4%A" })).toBe("/bad/[x]");
  });

  it("leaves the pathname alone when a value cannot be found", () => {
    expect(routeTemplate("/blog/hello", { slug: "other" })).toBe("/blog/hello");
  });

  it("keeps a trailing slash", () => {
    expect(routeTemplate("/blog/hello/", { slug: "hello" })).toBe("/blog/[slug]/");
  });
});
