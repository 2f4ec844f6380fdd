import type { Connection } from "./types.js";

/** 24 hex characters, 96 random bits: unique per page load without any coordination. */
export function newPageViewId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => (b | 256).toString(16).slice(1)).join("");
}

export function connectionType(nav: object): Connection | undefined {
  const t = (nav as { connection?: { effectiveType?: unknown } }).connection?.effectiveType;
  return t === "slow-2g" || t === "2g" || t === "3g" || t === "4g" ? t : undefined;
}
