import { describe, expect, it } from "vitest";
import type { MetricType } from "web-vitals";
import { attributionOf, selectorOf } from "./attribution.js";

type FakeNode = { nodeType: number; nodeName: string; id?: string; classList?: string[]; parentNode: FakeNode | null };
const doc: FakeNode = { nodeType: 9, nodeName: "#document", parentNode: null };
const el = (nodeName: string, parentNode: FakeNode, id = "", classList: string[] = []): FakeNode => ({
  nodeType: 1,
  nodeName,
  id,
  classList,
  parentNode,
});

const html = el("HTML", doc);
const body = el("BODY", html);
const main = el("MAIN", body, "", ["content", "a-first"]);
const img = el("IMG", main, "", ["hero"]);
const app = el("DIV", body, "app");
const button = el("BUTTON", app, "", ["cta"]);

const asNode = (n: FakeNode) => n as unknown as Node;
const asMetric = (m: object) => m as unknown as MetricType;

describe("selectorOf", () => {
  it("builds the web-vitals selector format, stopping at an id", () => {
    expect(selectorOf(asNode(img))).toBe("html>body>main.a-first.content>img.hero");
    expect(selectorOf(asNode(button))).toBe("#app>button.cta");
    expect(selectorOf(null)).toBeUndefined();
  });

  it("keeps selectors under 100 characters", () => {
    let node = el("DIV", doc);
    for (let i = 0; i < 30; i++) node = el("SECTION", node, "", [`level-${i}`]);
    const sel = selectorOf(asNode(node)) ?? "";
    expect(sel.length).toBeLessThan(100);
    expect(sel.endsWith("section.level-29")).toBe(true);
  });
});

describe("attributionOf", () => {
  it("LCP: element selector, image when the entry has a url", () => {
    expect(
      attributionOf(
        asMetric({
          name: "LCP",
          entries: [
            { element: null, url: "" },
            { element: img, url: "/hero.jpg" },
          ],
        }),
      ),
    ).toEqual({ target: "html>body>main.a-first.content>img.hero", type: "image" });
    expect(attributionOf(asMetric({ name: "LCP", entries: [{ element: main, url: "" }] }))?.type).toBe("text");
    expect(attributionOf(asMetric({ name: "LCP", entries: [] }))).toBeUndefined();
  });

  it("INP: the browser's targetSelector, else the target's selector; keyboard vs pointer", () => {
    expect(
      attributionOf(
        asMetric({ name: "INP", entries: [{ name: "keydown", target: button, targetSelector: "BUTTON#go" }] }),
      ),
    ).toEqual({ target: "BUTTON#go", type: "keyboard" });
    expect(
      attributionOf(
        asMetric({
          name: "INP",
          entries: [
            { name: "pointerdown", target: null },
            { name: "click", target: button },
          ],
        }),
      ),
    ).toEqual({ target: "#app>button.cta", type: "pointer" });
  });

  it("CLS: the largest element source of the largest shift", () => {
    const shifts = [
      { value: 0.05, sources: [{ node: img }] },
      { value: 0.2, sources: [{ node: { nodeType: 3, nodeName: "#text", parentNode: main } }, { node: button }] },
    ];
    expect(attributionOf(asMetric({ name: "CLS", entries: shifts }))).toEqual({ target: "#app>button.cta" });
    expect(attributionOf(asMetric({ name: "CLS", entries: [] }))).toBeUndefined();
  });

  it("FCP and TTFB carry no attribution", () => {
    expect(attributionOf(asMetric({ name: "FCP", entries: [{}] }))).toBeUndefined();
    expect(attributionOf(asMetric({ name: "TTFB", entries: [{}] }))).toBeUndefined();
  });
});
