import Bowser from "bowser";
import { isbot } from "isbot";
import type { Device } from "@/lib/vitals/beacon-schema";

export type ClientContext = { bot: boolean; device: Device | null; browser: string | null; country: string | null };

// User-Agent parsing is the costly part of enrichment and beacons repeat a handful of UAs: memoise them.
const uaCache = new Map<string, Omit<ClientContext, "country">>();
const UA_CACHE_LIMIT = 2_000;

function readUserAgent(ua: string): Omit<ClientContext, "country"> {
  const cached = uaCache.get(ua);
  if (cached) return cached;
  let result: Omit<ClientContext, "country">;
  if (!ua || isbot(ua)) result = { bot: Boolean(ua), device: null, browser: null };
  else {
    const parsed = Bowser.parse(ua);
    const type = parsed.platform.type;
    result = {
      bot: false,
      device: type === "mobile" || type === "tablet" || type === "desktop" ? type : null,
      browser: parsed.browser.name?.slice(0, 32) ?? null,
    };
  }
  if (uaCache.size >= UA_CACHE_LIMIT) uaCache.delete(uaCache.keys().next().value!);
  uaCache.set(ua, result);
  return result;
}

/** Device, browser and country from request headers; the UA's verdict wins over the beacon's device hint. */
export function clientContext(headers: Headers): ClientContext {
  const ua = (headers.get("user-agent") ?? "").slice(0, 512);
  const fromUa = readUserAgent(ua);
  const mobileHint = headers.get("sec-ch-ua-mobile");
  const device = fromUa.device ?? (mobileHint === "?1" ? "mobile" : mobileHint === "?0" ? "desktop" : null);
  const rawCountry = headers.get("x-vercel-ip-country") ?? headers.get("x-country") ?? headers.get("x-nf-country");
  const country = rawCountry && /^[A-Za-z]{2}$/.test(rawCountry) ? rawCountry.toUpperCase() : null;
  return { ...fromUa, device, country };
}
