import { gzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startHttpRecorder } from "../support/http-recorder";

// The relay route handler against a local stand-in for PostHog: what leaves the instance, byte for byte.
const upstream = await startHttpRecorder({ headers: { "set-cookie": "ph_session=upstream; Path=/", "x-upstream-secret": "nope" } });
// The assets host is a port nothing listens on any more: the "upstream down" case.
const gone = await startHttpRecorder();
await gone.close();
process.env.NEXT_PUBLIC_POSTHOG_KEY = "phc_integration";
process.env.POSTHOG_HOST = upstream.url;
process.env.POSTHOG_ASSETS_HOST = gone.url;
// As behind one reverse proxy: the entry it appended is the visitor, whatever the client wrote before it.
process.env.VIGIL_TRUSTED_PROXIES = "1";
const { GET, POST } = await import("@/app/lantern-r7/[...path]/route");
const { RELAY_MAX_BODY_BYTES } = await import("@/lib/analytics/relay");

const call = (handler: typeof POST, path: string, init: RequestInit & { search?: string } = {}) =>
  handler(new Request(`http://127.0.0.1:3000/lantern-r7/${path}${init.search ?? ""}`, init), { params: Promise.resolve({ path: path.split("/") }) });

beforeEach(() => void (upstream.received.length = 0));
afterAll(() => upstream.close());

describe("PostHog relay", () => {
  it("forwards an SDK batch unchanged to POSTHOG_HOST, without cookies or credentials either way", async () => {
    const body = gzipSync(JSON.stringify([{ event: "$pageview", properties: { distinct_id: "anon-1" } }]));
    const res = await call(POST, "e", {
      method: "POST",
      search: "?compression=gzip-js&ver=1.449.2",
      body: new Uint8Array(body),
      headers: { "content-type": "text/plain", cookie: "authjs.session-token=secret", authorization: "Bearer secret", "user-agent": "Mozilla/5.0 test", "x-forwarded-for": "6.6.6.6, 203.0.113.7" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("x-upstream-secret")).toBeNull();
    expect(upstream.received).toHaveLength(1);
    const [sent] = upstream.received;
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe("/e/?compression=gzip-js&ver=1.449.2");
    expect(Buffer.compare(sent!.body, body)).toBe(0);
    expect(sent!.headers).toMatchObject({ "content-type": "text/plain", "user-agent": "Mozilla/5.0 test", "x-forwarded-for": "203.0.113.7" });
    expect(sent!.headers.cookie).toBeUndefined();
    expect(sent!.headers.authorization).toBeUndefined();
  });

  it("answers 503 JSON when the upstream is unreachable, instead of hanging or throwing", async () => {
    const res = await call(GET, "static/recorder.js", { search: "?v=1" });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: "unavailable" } });
  });

  it("refuses paths that are not PostHog endpoints, and bodies over the limit, without calling upstream", async () => {
    const notFound = await call(POST, "api/projects", { method: "POST", body: "{}" });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: { code: "not_found" } });
    const big = new Uint8Array(RELAY_MAX_BODY_BYTES + 1);
    const declared = await call(POST, "e", { method: "POST", body: big });
    expect(declared.status).toBe(413);
    const streamed = await call(POST, "batch", {
      method: "POST",
      body: new ReadableStream({ start: (c) => (c.enqueue(big), c.close()) }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(upstream.received).toHaveLength(0);
  });
});
