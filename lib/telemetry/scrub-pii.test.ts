import { describe, expect, it } from "vitest";
import { EMAIL, REDACTED, scrubBreadcrumb, scrubEvent, scrubQueryString, scrubString } from "./scrub-pii";

describe("scrubString", () => {
  it.each([
    ["contact jane.doe+ops@example.co.uk now", `contact ${EMAIL} now`],
    ["/x?contact=jane.doe%40example.com&a=1", `/x?contact=${EMAIL}&a=1`],
    ["Authorization: Bearer abc.DEF-123_x", `Authorization: Bearer ${REDACTED}`],
    ["sent Basic dXNlcjpwYXNz", `sent Basic ${REDACTED}`],
    ["GET /cb?code=4/0Ab&state=xyz&page=2", `GET /cb?code=${REDACTED}&state=${REDACTED}&page=2`],
    ["https://h/x?token=t0k3n&key=k&api_key=a&secret=s&password=p&auth=z&q=ok", `https://h/x?token=${REDACTED}&key=${REDACTED}&api_key=${REDACTED}&secret=${REDACTED}&password=${REDACTED}&auth=${REDACTED}&q=ok`],
    ["cookie: session=abc; theme=dark", `cookie: ${REDACTED}`],
    ["failed with password=hunter2, retry", `failed with password=${REDACTED}, retry`],
    ['{"token":"abc123"}', `{"token":"${REDACTED}"}`],
    ["key sk_live_0123456789abcdef and phc_0123456789abcdefABCD", `key ${REDACTED} and ${REDACTED}`],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig_nature", `jwt ${REDACTED}`],
    ["POST https://vigil.example/api/v1/heartbeat/Zq3x_9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789?x=1 failed", `POST https://vigil.example/api/v1/heartbeat/${REDACTED}?x=1 failed`],
    ["to https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX: 500", `to https://hooks.slack.com/services/${REDACTED}: 500`],
    ["secret whsec_AbCdEfGhIjKlMnOpQrStUvWx shown", `secret ${REDACTED} shown`],
  ])("%s", (input, expected) => {
    expect(scrubString(input)).toBe(expected);
  });

  it("leaves ordinary text, URLs without secrets and DSN-like hosts alone", () => {
    for (const text of ["TypeError: x is undefined", "/api/v1/vitals?route=/home&page=2", "http://public@127.0.0.1:3521/1", "at handler (app/route.ts:12:3)"]) {
      expect(scrubString(text)).toBe(text);
    }
  });

  it("scrubs a bare query string", () => {
    expect(scrubQueryString("token=abc&q=1&email=a%40b.io")).toBe(`token=${REDACTED}&q=1&email=${REDACTED}`);
  });
});

describe("scrubEvent", () => {
  const event = {
    event_id: "abc",
    release: "0.1.0",
    environment: "test",
    message: "failed for ops@example.com",
    exception: { values: [{ type: "Error", value: "boom ?token=s3cr3t", stacktrace: { frames: [{ function: "GET", lineno: 3 }] } }] },
    request: {
      url: "http://127.0.0.1/api/x?token=s3cr3t&ok=1",
      query_string: "token=s3cr3t&ok=1",
      cookies: { session: "abc" },
      headers: { Authorization: "Bearer abc", cookie: "a=b", "x-api-key": "k", "user-agent": "Chrome", "x-note": "mail me@example.org" },
      data: { password: "p", nested: { apiKey: "k", list: ["x@y.io"] } },
    },
    user: { id: "u1", email: "u@example.com", ip_address: "10.0.0.1" },
    extra: { sessionToken: "t", count: 3, note: "Bearer zzzz" },
    contexts: { response: { status_code: 500 } },
  };

  it("redacts every secret and personal field and keeps the event's identity", () => {
    const out = scrubEvent(event);
    const text = JSON.stringify(out);
    for (const secret of ["s3cr3t", "ops@example.com", "me@example.org", "x@y.io", "u@example.com", "10.0.0.1", "Bearer abc", "zzzz", '"a=b"']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(out).toMatchObject({ event_id: "abc", release: "0.1.0", environment: "test", user: { id: "u1" }, contexts: { response: { status_code: 500 } } });
    expect(out.request).not.toHaveProperty("cookies");
    expect(out.request.headers).toMatchObject({ Authorization: REDACTED, cookie: REDACTED, "x-api-key": REDACTED, "user-agent": "Chrome" });
    expect(out.request.url).toBe(`http://127.0.0.1/api/x?token=${REDACTED}&ok=1`);
    expect(out.exception.values[0]).toMatchObject({ type: "Error", value: `boom ?token=${REDACTED}`, stacktrace: { frames: [{ function: "GET", lineno: 3 }] } });
    expect(out.extra).toEqual({ sessionToken: REDACTED, count: 3, note: `Bearer ${REDACTED}` });
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify(event);
    scrubEvent(event);
    expect(JSON.stringify(event)).toBe(before);
  });
});

describe("scrubBreadcrumb", () => {
  it("scrubs fetch URLs and console messages", () => {
    const out = scrubBreadcrumb({ category: "fetch", data: { url: "/api/a?access_token=t1", method: "GET" }, message: "user a@b.io logged in" });
    expect(out).toEqual({ category: "fetch", data: { url: `/api/a?access_token=${REDACTED}`, method: "GET" }, message: `user ${EMAIL} logged in` });
  });
});
