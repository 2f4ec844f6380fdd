import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDescriptor, DESCRIPTOR_PATH } from "./proto-descriptor";

describe("OTLP metrics descriptor", () => {
  it("is what the vendored official .proto files compile to (run npm run otlp:descriptor after changing them)", () => {
    expect(JSON.parse(readFileSync(DESCRIPTOR_PATH, "utf8"))).toEqual(JSON.parse(JSON.stringify(buildDescriptor())));
  });
});
