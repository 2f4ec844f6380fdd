import { describe, expect, it } from "vitest";
import { clientContext } from "./enrich";

const h = (init: Record<string, string>) => new Headers(init);
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const DESKTOP_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const IPAD =
  "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

describe("clientContext", () => {
  it("reads device and browser from the User-Agent", () => {
    expect(clientContext(h({ "user-agent": IPHONE }))).toMatchObject({
      bot: false,
      device: "mobile",
      browser: "Safari",
    });
    expect(clientContext(h({ "user-agent": DESKTOP_CHROME }))).toMatchObject({
      bot: false,
      device: "desktop",
      browser: "Chrome",
    });
    expect(clientContext(h({ "user-agent": IPAD }))).toMatchObject({ device: "tablet" });
  });

  it("flags bots, including headless browsers and crawlers", () => {
    expect(clientContext(h({ "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" })).bot).toBe(true);
    expect(clientContext(h({ "user-agent": DESKTOP_CHROME.replace("Chrome/", "HeadlessChrome/") })).bot).toBe(true);
  });

  it("takes a two-letter country from platform headers and ignores anything else", () => {
    expect(clientContext(h({ "x-vercel-ip-country": "de" })).country).toBe("DE");
    expect(clientContext(h({ "x-country": "GBR" })).country).toBeNull();
    expect(clientContext(h({ "x-country": "<script>" })).country).toBeNull();
  });

  it("falls back to the mobile client hint when the UA says nothing", () => {
    expect(clientContext(h({ "user-agent": "curl/8.0", "sec-ch-ua-mobile": "?1" }))).toMatchObject({
      device: "mobile",
    });
  });
});
