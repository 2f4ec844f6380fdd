import { describe, expect, it } from "vitest";
import { judgeRelayKeys, pathKey, relayedKeys } from "./relay-key";

const KEY = "phc_mine";
const q = (s = "") => new URLSearchParams(s);

describe("relayedKeys", () => {
  it.each([
    [
      "a capture batch: api_key and every event's properties.token",
      q(),
      null,
      { api_key: KEY, batch: [{ properties: { token: KEY } }, { properties: { token: "phc_b" } }] },
      [KEY, KEY, "phc_b"],
    ],
    ["a legacy array batch", q(), null, [{ token: KEY }, { properties: { $token: "phc_b" } }], [KEY, "phc_b"]],
    ["/flags", q("v=2"), null, { token: KEY, distinct_id: "d" }, [KEY]],
    ["legacy /engage", q(), null, { $token: KEY, $set: { token: "not read: person properties" } }, [KEY]],
    [
      "query and form fields",
      q(`token=${KEY}&api_key=phc_b`),
      q("data=x&token=phc_c"),
      undefined,
      ["phc_b", KEY, "phc_c"],
    ],
    ["events under data", q(), null, { data: [{ api_key: "phc_b" }] }, ["phc_b"]],
    [
      "non-string keys, kept so they fail",
      q(),
      null,
      { token: null, batch: [{ properties: { token: 1 } }] },
      [null, 1],
    ],
    ["nothing", q("v=2"), null, { event: "x", properties: { distinct_id: "d" } }, []],
  ])("%s", (_name, query, form, payload, keys) => expect(relayedKeys(query, form, payload)).toEqual(keys));

  it("does not read inherited fields", () =>
    expect(relayedKeys(q(), null, Object.create({ token: "phc_b" }))).toEqual([]));
});

describe("judgeRelayKeys", () => {
  it.each([
    [[KEY], "ok"],
    [[KEY, KEY], "ok"],
    [[], "missing"],
    [[KEY, "phc_b"], "foreign"],
    [["phc_b"], "foreign"],
    [[`${KEY} `], "foreign"],
    [[KEY, undefined], "foreign"],
  ] as const)("%j is %s", (keys, verdict) => expect(judgeRelayKeys(keys, KEY)).toBe(verdict));
});

describe("pathKey", () => {
  it("reads /array/<key>/… and nothing else", () => {
    expect(pathKey(["array", KEY, "config.js"])).toBe(KEY);
    expect(pathKey(["array"])).toBe("");
    expect(pathKey(["static", "recorder.js"])).toBeNull();
    expect(pathKey(["e"])).toBeNull();
  });
});
