import { describe, expect, it } from "vitest";
import {
  EMAIL,
  MAX_SCRUB_CHARS,
  REDACTED,
  TRUNCATED,
  scrubBreadcrumb,
  scrubEvent,
  scrubQueryString,
  scrubString,
  scrubValue,
} from "./scrub-pii";

describe("scrubString", () => {
  it.each([
    ["contact jane.doe+ops@example.co.uk now", `contact ${EMAIL} now`],
    ["/x?contact=jane.doe%40example.com&a=1", `/x?contact=${EMAIL}&a=1`],
    ["Authorization: Bearer abc.DEF-123_x", `Authorization: Bearer ${REDACTED}`],
    ["sent Basic dXNlcjpwYXNz", `sent Basic ${REDACTED}`],
    ["GET /cb?code=4/0Ab&state=xyz&page=2", `GET /cb?code=${REDACTED}&state=${REDACTED}&page=2`],
    [
      "https://h/x?token=t0k3n&key=k&api_key=a&secret=s&password=p&auth=z&q=ok",
      `https://h/x?token=${REDACTED}&key=${REDACTED}&api_key=${REDACTED}&secret=${REDACTED}&password=${REDACTED}&auth=${REDACTED}&q=ok`,
    ],
    ["cookie: session=abc; theme=dark", `cookie: ${REDACTED}`],
    ["failed with password=hunter2, retry", `failed with password=${REDACTED}, retry`],
    ['{"token":"abc123"}', `{"token":"${REDACTED}"}`],
    ["key sk_live_0123456789abcdef and phc_0123456789abcdefABCD", `key ${REDACTED} and ${REDACTED}`],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig_nature", `jwt ${REDACTED}`],
    [
      "POST https://vigil.example/api/v1/heartbeat/Zq3x_9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789?x=1 failed",
      `POST https://vigil.example/api/v1/heartbeat/${REDACTED}?x=1 failed`,
    ],
    [
      "to https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX: 500",
      `to https://hooks.slack.com/services/${REDACTED}: 500`,
    ],
    ["secret whsec_AbCdEfGhIjKlMnOpQrStUvWx shown", `secret ${REDACTED} shown`],
  ])("%s", (input, expected) => {
    expect(scrubString(input)).toBe(expected);
  });

  it("leaves ordinary text, URLs without secrets and DSN-like hosts alone", () => {
    for (const text of [
      "TypeError: x is undefined",
      "/api/v1/vitals?route=/home&page=2",
      "http://public@127.0.0.1:3521/1",
      "at handler (app/route.ts:12:3)",
    ]) {
      expect(scrubString(text)).toBe(text);
    }
  });

  it("keeps redacting JWTs whose header follows a hyphen, and a header that itself contains -eyJ", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig_nature";
    expect(scrubString(`id-${jwt}`)).toBe(`id-${REDACTED}`);
    expect(scrubString(`eyJabcdefg-${jwt}`)).toBe(`eyJabcdefg-${REDACTED}`);
  });

  it("scrubs a bare query string", () => {
    expect(scrubQueryString("token=abc&q=1&email=a%40b.io")).toBe(`token=${REDACTED}&q=1&email=${REDACTED}`);
  });
});

// Strings that almost match a pattern, over and over: a backtracking pattern takes seconds to minutes on them.
const N = 100_000;
const ADVERSARIAL: Record<string, string> = {
  "email local part without @": "a".repeat(N),
  "email local part of dots": "a.".repeat(N / 2),
  "email with %": "%".repeat(N),
  "email with %40 runs": "%40a".repeat(N / 4),
  "email without a TLD": `a@${"b".repeat(N)}`,
  "email domain of labels without a TLD": `x@${"a.".repeat(N / 2)}1`,
  "JWT headers after hyphens": "eyJ-".repeat(N / 4),
  "JWT without a third segment": `eyJaaaaa.${"eyJ-".repeat(N / 4)}`,
  "auth scheme then spaces": `Bearer${" ".repeat(N)}`,
  "cookie then blank lines": `cookie:${"\n".repeat(N)}`,
  "query names without =": `?${"a".repeat(N)}`,
  "malformed %-escapes in query names": "%=;".repeat(N / 3),
  "key then spaces": `token${" ".repeat(N)}x`,
  "API key prefixes": "ghp_sk_live_xoxb-".repeat(N / 17),
  "secret paths": "/api/v1/heartbeat/".repeat(N / 18),
};

describe("scrubString on hostile input", () => {
  it.each(Object.entries(ADVERSARIAL))(
    "every pattern is linear: %s (100 KB, uncut) in well under a second",
    (_name, input) => {
      const started = performance.now();
      scrubString(input, Infinity);
      expect(performance.now() - started).toBeLessThan(1_000);
    },
    5_000,
  );

  it("cuts what the patterns see to MAX_SCRUB_CHARS, also for 500 KB", () => {
    const started = performance.now();
    const out = scrubString("a".repeat(500_000));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out).toBe(TRUNCATED);
  }, 5_000);

  it("backs up to a token boundary, so a secret split by the cut is dropped rather than half-kept", () => {
    const filler = "word ".repeat(MAX_SCRUB_CHARS / 5);
    for (const secret of [
      "jane.doe@example.com",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig_nature",
      "Bearer abcdefghij",
    ]) {
      for (let shift = 1; shift < secret.length; shift += 3) {
        const text = `${filler.slice(0, MAX_SCRUB_CHARS - shift) + secret} tail`;
        const out = scrubString(text);
        expect(out.length).toBeLessThanOrEqual(MAX_SCRUB_CHARS + TRUNCATED.length);
        expect(out.endsWith(TRUNCATED)).toBe(true);
        for (const part of ["jane", "@exam", "eyJ", "abcd"]) expect(out).not.toContain(part);
      }
    }
  });

  it("leaves text up to the limit whole", () => {
    const text = `${"x ".repeat(MAX_SCRUB_CHARS / 2 - 10)}ops@example.com`.slice(0, MAX_SCRUB_CHARS);
    expect(scrubString(text)).not.toContain(TRUNCATED);
  });

  it("redacts the value of an object key too long to test", () => {
    expect(scrubValue({ [`x${"a".repeat(MAX_SCRUB_CHARS)}token`]: "s3cr3t" })).toEqual({
      [`x${"a".repeat(MAX_SCRUB_CHARS)}token`]: REDACTED,
    });
  });
});

describe("scrubEvent", () => {
  const event = {
    event_id: "abc",
    release: "0.1.0",
    environment: "test",
    message: "failed for ops@example.com",
    exception: {
      values: [
        { type: "Error", value: "boom ?token=s3cr3t", stacktrace: { frames: [{ function: "GET", lineno: 3 }] } },
      ],
    },
    request: {
      url: "http://127.0.0.1/api/x?token=s3cr3t&ok=1",
      query_string: "token=s3cr3t&ok=1",
      cookies: { session: "abc" },
      headers: {
        Authorization: "Bearer abc",
        cookie: "a=b",
        "x-api-key": "k",
        "user-agent": "Chrome",
        "x-note": "mail me@example.org",
      },
      data: { password: "p", nested: { apiKey: "k", list: ["x@y.io"] } },
    },
    user: { id: "u1", email: "u@example.com", ip_address: "10.0.0.1" },
    extra: { sessionToken: "t", count: 3, note: "Bearer zzzz" },
    contexts: { response: { status_code: 500 } },
  };

  it("redacts every secret and personal field and keeps the event's identity", () => {
    const out = scrubEvent(event);
    const text = JSON.stringify(out);
    for (const secret of [
      "s3cr3t",
      "ops@example.com",
      "me@example.org",
      "x@y.io",
      "u@example.com",
      "10.0.0.1",
      "Bearer abc",
      "zzzz",
      '"a=b"',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(out).toMatchObject({
      event_id: "abc",
      release: "0.1.0",
      environment: "test",
      user: { id: "u1" },
      contexts: { response: { status_code: 500 } },
    });
    expect(out.request).not.toHaveProperty("cookies");
    expect(out.request.headers).toMatchObject({
      Authorization: REDACTED,
      cookie: REDACTED,
      "x-api-key": REDACTED,
      "user-agent": "Chrome",
    });
    expect(out.request.url).toBe(`http://127.0.0.1/api/x?token=${REDACTED}&ok=1`);
    expect(out.exception.values[0]).toMatchObject({
      type: "Error",
      value: `boom ?token=${REDACTED}`,
      stacktrace: { frames: [{ function: "GET", lineno: 3 }] },
    });
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
    const out = scrubBreadcrumb({
      category: "fetch",
      data: { url: "/api/a?access_token=t1", method: "GET" },
      message: "user a@b.io logged in",
    });
    expect(out).toEqual({
      category: "fetch",
      data: { url: `/api/a?access_token=${REDACTED}`, method: "GET" },
      message: `user ${EMAIL} logged in`,
    });
  });
});
