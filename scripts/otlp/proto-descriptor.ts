// The protobufjs descriptor of OTLP metrics, built from the official .proto files vendored in lib/otlp/proto
// (open-telemetry/opentelemetry-proto v1.11.0). The receiver loads the committed JSON, so nothing parses .proto
// text at run time; a unit test rebuilds it and compares, so the two cannot drift apart.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import protobuf from "protobufjs";

export const PROTO_DIR = fileURLToPath(new URL("../../lib/otlp/proto", import.meta.url));
export const DESCRIPTOR_PATH = join(PROTO_DIR, "metrics-descriptor.json");
const ENTRY = "opentelemetry/proto/collector/metrics/v1/metrics_service.proto";

export function buildDescriptor(): protobuf.INamespace {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_DIR, target);
  root.loadSync(ENTRY, { keepCase: false });
  root.resolveAll();
  return root.toJSON();
}
