import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { IdGenerator } from "@opentelemetry/sdk-trace-node";
import { processSingleton } from "@/lib/process-singleton";

const TRACE_ID = /^[\da-f]{32}$/;

// The request's id, entered when the Node server sees the request (lib/telemetry/http-server.ts), so the root
// span Next starts for it takes that id as its trace id: x-trace-id, logs and exported spans then agree.
export const requestTraceIds = processSingleton("traceIds", () => new AsyncLocalStorage<string>());

export class RequestTraceIdGenerator implements IdGenerator {
  generateTraceId(): string {
    const id = requestTraceIds.getStore();
    return id && TRACE_ID.test(id) ? id : randomBytes(16).toString("hex");
  }

  generateSpanId(): string {
    return randomBytes(8).toString("hex");
  }
}
