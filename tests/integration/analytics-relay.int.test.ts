import { gzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startReceiver } from "../support/http-receiver";

// The relay route handler against a local stand-in for PostHog: what leaves the instance, byte for byte.
const upstream = await startReceiver({
  reply: { headers: { "set-cookie": "ph_session=upstream; Path=/", "x-upstream-secret": "nope" } },
});
// The assets host is a port nothing listens on any more: the "upstream down" case.
const gone = await startReceiver();
await gone.close();
process.env.NEXT_PUBLIC_POSTHOG_KEY = "phc_integration"; // KEY below
process.env.POSTHOG_HOST = upstream.url;
process.env.POSTHOG_ASSETS_HOST = gone.url;
// As behind one reverse proxy: the entry it appended is the visitor, whatever the client wrote before it.
process.env.VIGIL_TRUSTED_PROXIES = "1";
const { GET, POST } = await import("@/app/lantern-r7/[...path]/route");
const { RELAY_MAX_BODY_BYTES } = await import("@/lib/analytics/relay");

const call = (handler: typeof POST, path: string, init: RequestInit & { search?: string } = {}) =>
  handler(new Request(`http://127.0.0.1:3000/lantern-r7/${path}${init.search ?? ""}`, init), {
    params: Promise.resolve({ path: path.split("/") }),
  });

// Bodies the way posthog-js 1.449 builds them (lib/src/request.js): a capture batch carries the key as api_key and
// in every event's properties; gzip has no query flag any more; beacons send base64 form data.
const KEY = "phc_integration";
const OTHER = "phc_someone_else";
const event = (token: string, name = "$pageview") => ({ event: name, properties: { distinct_id: "anon-1", token } });
const capture = (apiKey: string, ...events: object[]) => ({
  api_key: apiKey,
  batch: events.length ? events : [event(apiKey)],
  sent_at: "2026-01-01T00:00:00.000Z",
});
const base64Form = (data: unknown) =>
  `data=${encodeURIComponent(Buffer.from(JSON.stringify(data)).toString("base64"))}`;
const FORM = "application/x-www-form-urlencoded";
type Case = { path: string; search?: string; body: string | Uint8Array<ArrayBuffer>; type?: string; encoding?: string };
const post = (c: Case) =>
  call(POST, c.path, {
    method: "POST",
    search: c.search,
    body: c.body,
    headers: { "content-type": c.type ?? "text/plain", ...(c.encoding ? { "content-encoding": c.encoding } : {}) },
  });

beforeEach(() => {
  upstream.received.length = 0;
});
afterAll(() => upstream.close());

describe("PostHog relay", () => {
  it("forwards an SDK batch unchanged to POSTHOG_HOST, without cookies or credentials either way", async () => {
    const body = gzipSync(JSON.stringify(capture(KEY)));
    const res = await call(POST, "e", {
      method: "POST",
      search: "?compression=gzip-js&ver=1.449.2",
      body: new Uint8Array(body),
      headers: {
        "content-type": "text/plain",
        cookie: "authjs.session-token=secret",
        authorization: "Bearer secret",
        "user-agent": "Mozilla/5.0 test",
        "x-forwarded-for": "6.6.6.6, 203.0.113.7",
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("x-upstream-secret")).toBeNull();
    expect(upstream.received).toHaveLength(1);
    const [sent] = upstream.received;
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe("/e/?compression=gzip-js&ver=1.449.2");
    expect(Buffer.compare(sent!.body, body)).toBe(0);
    expect(sent!.headers).toMatchObject({
      "content-type": "text/plain",
      "user-agent": "Mozilla/5.0 test",
      "x-forwarded-for": "203.0.113.7",
    });
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
      body: new ReadableStream({
        start: (c) => {
          c.enqueue(big);
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(upstream.received).toHaveLength(0);
  });
});

describe("PostHog relay: this instance's project only", () => {
  const gz = (data: unknown) => new Uint8Array(gzipSync(JSON.stringify(data)));
  const forwarded: Array<[string, Case]> = [
    [
      "a gzip capture batch (no query flag, as posthog-js sends it)",
      { path: "e", search: "?ip=0&_=1&ver=1.449.2", body: gz(capture(KEY)) },
    ],
    [
      "a gzip batch with the older compression=gzip-js flag",
      { path: "e", search: "?compression=gzip-js", body: gz(capture(KEY)) },
    ],
    ["plain JSON to /i/v0/e", { path: "i/v0/e", body: JSON.stringify(capture(KEY)), type: "application/json" }],
    [
      "a beacon's base64 form body",
      { path: "e", search: "?compression=base64", body: base64Form(capture(KEY)), type: FORM },
    ],
    ["gzip as a content encoding", { path: "batch", body: gz(capture(KEY)), encoding: "gzip" }],
    [
      "/flags with the key as token",
      {
        path: "flags",
        search: "?v=2",
        body: JSON.stringify({ token: KEY, distinct_id: "anon-1" }),
        type: "application/json",
      },
    ],
    [
      "/decide as base64 form data",
      {
        path: "decide",
        search: "?v=3&compression=base64",
        body: base64Form({ token: KEY, distinct_id: "anon-1" }),
        type: FORM,
      },
    ],
    [
      "metrics with the key in the query only",
      {
        path: "i/v1/metrics",
        search: `?token=${KEY}`,
        body: JSON.stringify({ resourceMetrics: [] }),
        type: "application/json",
      },
    ],
    [
      "legacy /engage with $token",
      { path: "engage", body: JSON.stringify({ $token: KEY, $distinct_id: "u1", $set: { role: "admin" } }) },
    ],
    ["a legacy array batch", { path: "batch", body: JSON.stringify([event(KEY), event(KEY, "$autocapture")]) }],
  ];
  it.each(forwarded)("forwards %s unchanged", async (_name, c) => {
    const res = await post(c);
    expect(res.status).toBe(200);
    expect(upstream.received).toHaveLength(1);
    expect(Buffer.compare(upstream.received[0]!.body, Buffer.from(c.body))).toBe(0);
  });

  const bomb = new Uint8Array(gzipSync(Buffer.alloc(64 * 1024 * 1024, " ")));
  const refused: Array<[string, Case, number, string]> = [
    ["another project's gzip batch", { path: "e", body: gz(capture(OTHER)) }, 403, "forbidden"],
    [
      "a batch whose api_key is ours but one event is another project's",
      { path: "e", body: gz(capture(KEY, event(KEY), event(OTHER))) },
      403,
      "forbidden",
    ],
    [
      "our key in the query, another in the body",
      { path: "e", search: `?token=${KEY}`, body: JSON.stringify(capture(OTHER)) },
      403,
      "forbidden",
    ],
    [
      "another project's key in the query",
      { path: "i/v1/metrics", search: `?token=${OTHER}`, body: "{}" },
      403,
      "forbidden",
    ],
    [
      "two query keys, one foreign",
      { path: "e", search: `?api_key=${KEY}&api_key=${OTHER}`, body: JSON.stringify(capture(KEY)) },
      403,
      "forbidden",
    ],
    [
      "another project's /flags",
      { path: "flags", search: "?v=2", body: JSON.stringify({ token: OTHER, distinct_id: "x" }) },
      403,
      "forbidden",
    ],
    [
      "another project's beacon",
      { path: "e", search: "?compression=base64", body: base64Form(capture(OTHER)), type: FORM },
      403,
      "forbidden",
    ],
    [
      "a form field naming another project",
      { path: "decide", body: `${base64Form({ token: KEY })}&api_key=${OTHER}`, type: FORM },
      403,
      "forbidden",
    ],
    [
      "legacy /engage for another project",
      { path: "engage", body: JSON.stringify({ $token: OTHER, $distinct_id: "u1" }) },
      403,
      "forbidden",
    ],
    [
      "events under data for another project",
      { path: "batch", body: JSON.stringify({ api_key: KEY, data: [event(OTHER)] }) },
      403,
      "forbidden",
    ],
    [
      "a key that is not a string",
      { path: "e", body: JSON.stringify({ api_key: KEY, batch: [{ event: "x", properties: { token: 42 } }] }) },
      403,
      "forbidden",
    ],
    [
      "no key at all",
      { path: "e", body: gz([{ event: "$pageview", properties: { distinct_id: "anon-1" } }]) },
      400,
      "bad_request",
    ],
    ["an empty body and no key", { path: "e", body: "" }, 400, "bad_request"],
    [
      "raw base64 without a form",
      {
        path: "e",
        search: `?compression=base64&token=${KEY}`,
        body: Buffer.from(JSON.stringify(capture(OTHER))).toString("base64"),
      },
      400,
      "bad_request",
    ],
    [
      "two data fields",
      { path: "e", body: `${base64Form(capture(KEY))}&${base64Form(capture(OTHER))}`, type: FORM },
      400,
      "bad_request",
    ],
    [
      "lenient base64",
      {
        path: "e",
        search: "?compression=base64",
        body: `data=${Buffer.from(JSON.stringify(capture(KEY)))
          .toString("base64")
          .replace(/=+$/, "")}!`,
        type: FORM,
      },
      400,
      "bad_request",
    ],
    [
      "declared gzip that is not",
      { path: "e", search: "?compression=gzip-js", body: JSON.stringify(capture(KEY)) },
      400,
      "bad_request",
    ],
    ["truncated gzip", { path: "e", body: gz(capture(KEY)).slice(0, 20) }, 400, "bad_request"],
    [
      "gzip inside gzip",
      { path: "e", body: new Uint8Array(gzipSync(gzipSync(JSON.stringify(capture(KEY))))) },
      400,
      "bad_request",
    ],
    ["bytes that are not UTF-8", { path: "e", body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 400, "bad_request"],
    ["lz64 compression", { path: "e", search: "?compression=lz64", body: "N4Ig" }, 415, "unsupported_media_type"],
    ["brotli content encoding", { path: "e", body: gz(capture(KEY)), encoding: "br" }, 415, "unsupported_media_type"],
    ["a gzip bomb (64 MB of spaces in ~64 KB)", { path: "e", body: bomb }, 413, "payload_too_large"],
  ];
  it.each(refused)("refuses %s without calling upstream", async (_name, c, status, code) => {
    const res = await post(c);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(upstream.received).toHaveLength(0);
  });

  it("the bomb passes the 1 MB body limit: it is the decompressed size that refuses it", async () => {
    expect(bomb.byteLength).toBeLessThan(RELAY_MAX_BODY_BYTES / 10);
    const res = await post({ path: "e", body: bomb });
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining("decompressed") } });
  });

  it("checks the key in asset paths: another project's remote config is refused, ours passes to the assets host", async () => {
    const foreign = await call(GET, `array/${OTHER}/config.js`);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "forbidden" } });
    // The assets host of this test is down: 503 means the request passed the check and was sent.
    expect((await call(GET, `array/${KEY}/config.js`)).status).toBe(503);
  });

  it("refuses a GET to an ingestion path unless its query names this project", async () => {
    expect((await call(GET, "e", { search: `?token=${OTHER}` })).status).toBe(403);
    expect((await call(GET, "e")).status).toBe(400);
    expect((await call(GET, "e", { search: `?token=${KEY}` })).status).toBe(200);
  });
});
