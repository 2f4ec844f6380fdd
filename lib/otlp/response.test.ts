import { JsonMetricsSerializer, ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { describe, expect, it } from "vitest";
import { encodeExportResponse } from "./response";

// The exporters' own response parsers (the official serializers) read what the receiver answers.
describe("export response", () => {
  it("is empty on full success, in either encoding", () => {
    const pb = encodeExportResponse("protobuf");
    expect([pb.contentType, pb.body.byteLength]).toEqual(["application/x-protobuf", 0]);
    expect(ProtobufMetricsSerializer.deserializeResponse(pb.body)).toEqual({});
    const json = encodeExportResponse("json", { rejectedDataPoints: 0, errorMessage: "" });
    expect(JsonMetricsSerializer.deserializeResponse(json.body)).toEqual({});
  });

  it("names the points not stored as a partial success", () => {
    const partial = { rejectedDataPoints: 3, errorMessage: "3 points ended outside the accepted window" };
    const pb = ProtobufMetricsSerializer.deserializeResponse(encodeExportResponse("protobuf", partial).body);
    expect(pb.partialSuccess).toMatchObject({ rejectedDataPoints: 3, errorMessage: partial.errorMessage });
    const json = JsonMetricsSerializer.deserializeResponse(encodeExportResponse("json", partial).body);
    expect(json.partialSuccess).toEqual({ rejectedDataPoints: "3", errorMessage: partial.errorMessage });
  });
});
