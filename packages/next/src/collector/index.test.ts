import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MetricType } from "web-vitals";

// web-vitals is replaced by a recorder so reports can be driven by hand; the browser by a few EventTargets.
const reporters = vi.hoisted(() => new Map<string, (m: unknown) => void>());
vi.mock("web-vitals", () => {
  const on = (name: string) => (cb: (m: unknown) => void) => void reporters.set(name, cb);
  return { onLCP: on("LCP"), onINP: on("INP"), onCLS: on("CLS"), onFCP: on("FCP"), onTTFB: on("TTFB") };
});

const { startVitalsCollector } = await import("./index.js");

let win: EventTarget;
let doc: EventTarget & { visibilityState: string };
let sendBeacon: ReturnType<typeof vi.fn>;
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  reporters.clear();
  win = new EventTarget();
  doc = Object.assign(new EventTarget(), { visibilityState: "visible" });
  sendBeacon = vi.fn(() => true);
  fetchMock = vi.fn(() => Promise.resolve(new Response(null, { status: 202 })));
  vi.stubGlobal("window", win);
  vi.stubGlobal("document", doc);
  vi.stubGlobal("addEventListener", win.addEventListener.bind(win));
  vi.stubGlobal("removeEventListener", win.removeEventListener.bind(win));
  vi.stubGlobal("location", { pathname: "/blog/hello" });
  vi.stubGlobal("navigator", { sendBeacon, connection: { effectiveType: "4g" } });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const report = (m: Partial<MetricType> & { name: MetricType["name"] }) =>
  reporters.get(m.name)?.({ value: 100, id: `v6-${m.name}`, navigationType: "navigate", entries: [], ...m });
const hide = () => {
  doc.visibilityState = "hidden";
  doc.dispatchEvent(new Event("visibilitychange"));
};

describe("startVitalsCollector", () => {
  it("registers all five metrics and sends a text/plain beacon when the page is hidden", async () => {
    startVitalsCollector({ route: "/blog/[slug]" });
    expect([...reporters.keys()].sort()).toEqual(["CLS", "FCP", "INP", "LCP", "TTFB"]);
    report({ name: "TTFB", value: 80.04 });
    report({ name: "CLS", value: 0.05 });
    hide();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    const [url, blob] = sendBeacon.mock.calls[0] as [string, Blob];
    expect(url).toBe("/api/v1/vitals");
    expect(blob.type).toBe("text/plain");
    const beacon = JSON.parse(await blob.text());
    expect(beacon).toMatchObject({
      v: 1,
      route: "/blog/[slug]",
      navigationType: "navigate",
      connection: "4g",
      metrics: [
        { name: "TTFB", value: 80 },
        { name: "CLS", value: 0.05 },
      ],
    });
    expect(beacon.pageViewId).toMatch(/^[\w-]{16,64}$/);
    expect(beacon).not.toHaveProperty("site");
    win.dispatchEvent(new Event("pagehide"));
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("sends the site key to an absolute endpoint as a text/plain beacon (a cross-origin request without preflight)", async () => {
    startVitalsCollector({
      route: "/",
      endpoint: "https://vigil.example/api/v1/vitals",
      siteKey: "pk_0123456789abcdefghijABCD",
    });
    report({ name: "FCP" });
    hide();
    const [url, blob] = sendBeacon.mock.calls[0] as [string, Blob];
    expect(url).toBe("https://vigil.example/api/v1/vitals");
    expect(blob.type).toBe("text/plain");
    expect(JSON.parse(await blob.text())).toMatchObject({ v: 1, site: "pk_0123456789abcdefghijABCD", route: "/" });
  });

  it("falls back to a keepalive fetch when sendBeacon refuses", () => {
    sendBeacon.mockReturnValue(false);
    startVitalsCollector({ route: "/", endpoint: "https://vigil.example/api/v1/vitals" });
    report({ name: "FCP" });
    win.dispatchEvent(new Event("pagehide"));
    expect(fetchMock).toHaveBeenCalledWith(
      "https://vigil.example/api/v1/vitals",
      expect.objectContaining({ method: "POST", keepalive: true, headers: { "content-type": "text/plain" } }),
    );
  });

  it("survives a missing sendBeacon and a throwing fetch", () => {
    vi.stubGlobal("navigator", {});
    vi.stubGlobal("fetch", () => {
      throw new TypeError("blocked");
    });
    const c = startVitalsCollector({ route: "/" });
    report({ name: "FCP" });
    expect(() => c.flush()).not.toThrow();
  });

  it("does not even start web-vitals when the page view is not sampled", () => {
    const c = startVitalsCollector({ route: "/", sampleRate: 0 });
    expect(reporters.size).toBe(0);
    expect(() => {
      c.setRoute("/x");
      c.flush();
      c.stop();
    }).not.toThrow();
  });

  it("tags soft navigations with the template of their URL, even when reported after the next navigation", async () => {
    const c = startVitalsCollector({ route: "/blog/[slug]" });
    vi.stubGlobal("location", { pathname: "/shop/shoes" });
    c.setRoute("/shop/[category]");
    vi.stubGlobal("location", { pathname: "/about" });
    c.setRoute("/about");
    report({ name: "LCP", navigationType: "soft-navigation", navigationURL: "https://x.test/shop/shoes" });
    c.flush();
    const beacon = JSON.parse(await (sendBeacon.mock.calls[0]![1] as Blob).text());
    expect(beacon).toMatchObject({
      route: "/blog/[slug]",
      navigationType: "soft-navigation",
      metrics: [{ name: "LCP", route: "/shop/[category]" }],
    });
  });

  it("stop() flushes, then ignores later reports and events", () => {
    const c = startVitalsCollector({ route: "/" });
    report({ name: "FCP" });
    c.stop();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    report({ name: "LCP" });
    hide();
    c.flush();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
  });

  it("beforeSend sees the beacon and can drop it", () => {
    const beforeSend = vi.fn(() => null);
    startVitalsCollector({ route: "/", beforeSend });
    report({ name: "FCP" });
    hide();
    expect(beforeSend).toHaveBeenCalledWith(
      expect.objectContaining({ metrics: [expect.objectContaining({ name: "FCP" })] }),
    );
    expect(sendBeacon).not.toHaveBeenCalled();
  });

  it("hands a copy of each sent beacon to an optional global listener; a throwing listener changes nothing", () => {
    const vigilOnVitals = vi.fn(() => {
      throw new Error("listener bug");
    });
    vi.stubGlobal("self", { vigilOnVitals });
    startVitalsCollector({ route: "/" });
    report({ name: "FCP", value: 321 });
    expect(() => hide()).not.toThrow();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(vigilOnVitals).toHaveBeenCalledTimes(1);
    expect(JSON.parse((vigilOnVitals.mock.calls[0] as unknown as [string])[0])).toMatchObject({
      route: "/",
      metrics: [{ name: "FCP", value: 321 }],
    });
  });
});
