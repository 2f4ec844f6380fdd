import { z } from "zod";

// zod 4 probes `new Function("")` on its first object parse to pick its JIT; under the page CSP that probe is a
// reported violation. The browser parses only lib/env.js's few values, so it goes without the JIT. Imported first
// by instrumentation-client.ts (before lib/env.js parses); the server keeps the JIT for ingest.
z.config({ jitless: true });
