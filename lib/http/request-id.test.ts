import { describe, expect, it } from "vitest";
import { requestIdFrom, requestIdOf } from "./request-id";

const headers = (h: Record<string, string>) => new Headers(h);

describe("requestIdFrom", () => {
  it("takes the trace id of a valid traceparent", () => {
    expect(requestIdFrom(headers({ traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" }))).toBe(
      "4bf92f3577b34da6a3ce929d0e0e4736",
    );
  });

  it.each([
    "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
    "garbage",
    `00-${"z".repeat(32)}-00f067aa0ba902b7-01`,
    "x".repeat(10_000),
  ])("ignores a hostile or invalid traceparent %#", (traceparent) => {
    const id = requestIdFrom(headers({ traceparent }));
    expect(id).toMatch(/^[\da-f]{32}$/);
    expect(id).not.toBe("0".repeat(32));
  });

  it("keeps a well-formed x-request-id and replaces a malformed one", () => {
    expect(requestIdFrom(headers({ "x-request-id": "abc-123-def-456" }))).toBe("abc-123-def-456");
    expect(requestIdFrom(headers({ "x-request-id": "<script>alert(1)</script>" }))).toMatch(/^[\da-f]{32}$/);
  });

  it("generates distinct ids", () => {
    expect(requestIdFrom(headers({}))).not.toBe(requestIdFrom(headers({})));
  });
});

describe("requestIdOf (Node header values)", () => {
  it("reads the first of repeated headers and ignores a traceparent padded past any real size", () => {
    expect(requestIdOf(["00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "junk"], undefined)).toBe(
      "4bf92f3577b34da6a3ce929d0e0e4736",
    );
    expect(
      requestIdOf(`00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01${" ".repeat(600)}`, undefined),
    ).not.toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });
});
