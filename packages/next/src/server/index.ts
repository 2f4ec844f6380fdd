// @vigil/next/server, for instrumentation.ts: request metrics over OTLP. Node.js runtime only; bundles for the
// edge runtime, workers and browsers resolve this entry to edge.ts, a no-op with the same signature.
export { registerVigil } from "./register.js";
export type { VigilServer, VigilServerOptions } from "./options.js";
