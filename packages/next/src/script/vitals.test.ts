import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildVitalsScript, VITALS_SCRIPT_BUDGET_BYTES } from "../../scripts/vitals-script.mjs";

const SITE = "pk_0123456789abcdefghijABCD";
let script: string;

beforeAll(async () => {
  script = await buildVitalsScript();
});

type Page = {
  beacons: Array<{ url: string; body: Record<string, unknown> }>;
  hide: () => Promise<void>;
  navigate: (pathname: string) => void;
};

/** Runs the bundle as a page would: its own <script> element, a navigation entry (TTFB 42 ms), sendBeacon. */
function load(dataset: Record<string, string>, src = "https://vigil.example/v1/vitals.js"): Page {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), {
    visibilityState: "visible",
    readyState: "complete",
    currentScript: src ? { src, dataset } : null,
  });
  const navigation = new EventTarget();
  const location = { pathname: "/products/42", href: "https://shop.example/products/42" };
  const pending: Array<Promise<void>> = [];
  const beacons: Page["beacons"] = [];
  const navigator = {
    sendBeacon(url: string, blob: Blob) {
      pending.push(blob.text().then((text) => void beacons.push({ url, body: JSON.parse(text) })));
      return true;
    },
  };
  const navEntry = { entryType: "navigation", type: "navigate", responseStart: 42, activationStart: 0, startTime: 0 };
  const performance = {
    now: () => 1_000,
    getEntriesByType: (type: string) => (type === "navigation" ? [navEntry] : []),
  };
  const globals = {
    document,
    navigator,
    location,
    navigation,
    performance,
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    dispatchEvent: window.dispatchEvent.bind(window),
    Blob,
    URL,
    Event,
    crypto,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
  };
  const context: Record<string, unknown> = { ...globals };
  context.self = context;
  context.window = context;
  runInNewContext(script, context);
  return {
    beacons,
    async hide() {
      // web-vitals reports TTFB from a task queued after load.
      await new Promise((done) => setTimeout(done, 5));
      document.visibilityState = "hidden";
      document.dispatchEvent(new Event("visibilitychange"));
      window.dispatchEvent(new Event("pagehide"));
      await Promise.all(pending);
    },
    navigate(pathname) {
      location.pathname = pathname;
      navigation.dispatchEvent(new Event("navigatesuccess"));
    },
  };
}

describe("the script tag (/v1/vitals.js)", () => {
  it(`is a self-contained script of at most ${VITALS_SCRIPT_BUDGET_BYTES} bytes gzipped`, () => {
    const gzipped = gzipSync(script, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(VITALS_SCRIPT_BUDGET_BYTES);
    expect(script).not.toMatch(/\bimport\s*[("{]|\bexport\s*[{*]|require\(/);
  });

  it("touches no cookies and no storage", () => {
    expect(script).not.toMatch(/cookie|localStorage|sessionStorage|indexedDB|caches\./i);
  });

  it("sends the site key from data-site to the origin it was loaded from, with the URL path as the route", async () => {
    const page = load({ site: SITE });
    await page.hide();
    expect(page.beacons).toHaveLength(1);
    const [beacon] = page.beacons;
    expect(beacon?.url).toBe("https://vigil.example/api/v1/vitals");
    expect(beacon?.body).toMatchObject({
      v: 1,
      site: SITE,
      route: "/products/42",
      navigationType: "navigate",
      metrics: [{ name: "TTFB", value: 42 }],
    });
  });

  it("takes the route from data-route when the page sets it", async () => {
    const page = load({ site: SITE, route: "/products/[id]" });
    page.navigate("/products/43");
    await page.hide();
    expect(page.beacons[0]?.body).toMatchObject({ site: SITE, route: "/products/[id]" });
  });

  it("sends nothing when data-sample-rate leaves the page view out", async () => {
    const page = load({ site: SITE, sampleRate: "0" });
    await page.hide();
    expect(page.beacons).toEqual([]);
  });

  it("does nothing, and throws nothing, without a script element of its own (inline or module)", async () => {
    const page = load({ site: SITE }, "");
    await page.hide();
    expect(page.beacons).toEqual([]);
  });
});
