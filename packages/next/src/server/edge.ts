import type { VigilServer, VigilServerOptions } from "./options.js";

export type { VigilServer, VigilServerOptions } from "./options.js";

/** The edge runtime has no Node HTTP server to observe: nothing to register. */
export function registerVigil(_options: VigilServerOptions): VigilServer | undefined {
  return undefined;
}
