import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { envelopeTarget, parseDsn } from "./sentry-tunnel";

const bytes = (s: string) => new TextEncoder().encode(s);
const envelope = (header: unknown) => bytes(`${JSON.stringify(header)}\n{"type":"event"}\n{"message":"x"}`);

describe("parseDsn", () => {
  it("reads host, path prefix and project", () => {
    expect(parseDsn("https://k@o1.ingest.sentry.io/42")).toEqual({
      origin: "https://o1.ingest.sentry.io",
      host: "o1.ingest.sentry.io",
      pathPrefix: "",
      projectId: "42",
    });
    expect(parseDsn("http://public@127.0.0.1:3521/sentry/1")).toMatchObject({
      host: "127.0.0.1:3521",
      pathPrefix: "/sentry",
      projectId: "1",
    });
  });

  it.each(["not a url", "ftp://k@h/1", "https://k@h/", "https://k@h/abc"])("rejects %s", (dsn) => {
    expect(parseDsn(dsn)).toBeUndefined();
  });
});

describe("envelopeTarget", () => {
  const configured = parseDsn("http://public@127.0.0.1:3521/1")!;

  it("forwards an envelope for the configured project to its envelope endpoint", () => {
    expect(envelopeTarget(envelope({ dsn: "http://public@127.0.0.1:3521/1" }), configured).href).toBe(
      "http://127.0.0.1:3521/api/1/envelope/",
    );
  });

  it.each([
    ["another project", { dsn: "http://public@127.0.0.1:3521/2" }],
    ["another host", { dsn: "http://public@evil.example:3521/1" }],
    ["another port", { dsn: "http://public@127.0.0.1:3522/1" }],
    ["another path prefix", { dsn: "http://public@127.0.0.1:3521/x/1" }],
    ["no dsn", { event_id: "a" }],
  ])("refuses %s with a 400", (_name, header) => {
    expect(() => envelopeTarget(envelope(header), configured)).toThrow(
      expect.objectContaining({ code: "bad_request" }) as AppError,
    );
  });

  it("refuses a header that is not JSON", () => {
    expect(() => envelopeTarget(bytes("{oops\n{}"), configured)).toThrow(/not valid JSON/);
  });
});
