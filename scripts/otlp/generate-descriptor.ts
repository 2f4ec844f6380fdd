// Rewrites lib/otlp/proto/metrics-descriptor.json after the vendored .proto files change.
// Usage: npm run otlp:descriptor
import { writeFileSync } from "node:fs";
import { buildDescriptor, DESCRIPTOR_PATH } from "./proto-descriptor";

writeFileSync(DESCRIPTOR_PATH, `${JSON.stringify(buildDescriptor(), null, 2)}\n`);
console.log(`wrote ${DESCRIPTOR_PATH}`);
